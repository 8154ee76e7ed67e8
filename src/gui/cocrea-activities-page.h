/* cocrea-activities-page.h — the activities of a process and their table groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_ACTIVITIES_PAGE (cocrea_activities_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaActivitiesPage, cocrea_activities_page, COCREA, ACTIVITIES_PAGE, GtkWidget)

void cocrea_activities_page_set_document (CocreaActivitiesPage *self,
                                          CocreaDocument       *document);

G_END_DECLS
