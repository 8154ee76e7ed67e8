/* cocrea-contribution-list.h — a snapshot of contributions as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-contribution.h"
#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CONTRIBUTION_LIST (cocrea_contribution_list_get_type ())
G_DECLARE_FINAL_TYPE (CocreaContributionList, cocrea_contribution_list, COCREA,
                      CONTRIBUTION_LIST, GObject)

GListModel             *cocrea_contribution_list        (CocreaDocument         *document,
                                                         gint64                  activity_id,
                                                         gint64                  group_id,
                                                         GError                **error);
CocreaContributionList *cocrea_contribution_list_new    (CocreaDocument         *document,
                                                         gint64                  activity_id,
                                                         gint64                  group_id,
                                                         GError                **error);
guint                   cocrea_contribution_list_filter (CocreaContributionList *self,
                                                         const char * const     *words,
                                                         guint                  *positions);
gint64                  cocrea_contribution_list_get_id (CocreaContributionList *self,
                                                         guint                   position);

G_END_DECLS
