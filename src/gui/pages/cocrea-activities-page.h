/* cocrea-activities-page.h — the activities of a process and their table groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_ACTIVITIES_PAGE (cocrea_activities_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaActivitiesPage, cocrea_activities_page, COCREA, ACTIVITIES_PAGE, CocreaPage)

void cocrea_activities_page_import      (CocreaActivitiesPage *self,
                                         const char           *path);
void cocrea_activities_page_bring_back (CocreaActivitiesPage *self,
                                        const char * const   *paths);

G_END_DECLS
