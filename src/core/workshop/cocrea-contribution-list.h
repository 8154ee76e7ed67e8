/* cocrea-contribution-list.h — a snapshot of contributions as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-contribution.h"
#include "cocrea-document.h"
#include "cocrea-record-changes.h"

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
gboolean                cocrea_contribution_list_matches (CocreaContributionList *self,
                                                          guint                   position,
                                                          const char * const     *words);
gboolean                cocrea_contribution_list_apply  (CocreaContributionList    *self,
                                                         CocreaDocument            *document,
                                                         const CocreaRecordChanges *changes,
                                                         GError                   **error);
void                    cocrea_contribution_list_renew_proposals (CocreaContributionList *self,
                                                                  const gint64           *proposal_ids,
                                                                  guint                   n_ids);

G_END_DECLS
