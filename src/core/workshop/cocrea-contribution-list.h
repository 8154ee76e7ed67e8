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

CocreaContributionList *cocrea_contribution_list_new    (CocreaDocument         *document,
                                                         gint64                  activity_id,
                                                         gint64                  group_id,
                                                         GError                **error);
guint                   cocrea_contribution_list_filter (CocreaContributionList *self,
                                                         const char * const     *words,
                                                         guint                  *positions);
gint64                  cocrea_contribution_list_get_id (CocreaContributionList *self,
                                                         guint                   position);

/* For cocrea-contribution.c only: one row of the snapshot, and the
 * matching rule shared by cocrea_contribution_matches() and
 * cocrea_contribution_list_filter(). */
typedef struct {
  gint64 id;
  gint64 activity_id;
  gint64 group_id;
  gint64 proposal_id;
  const char *text;
  const char *folded;
  const char *activity_name; /* owned by the store */
  const char *group_name;    /* owned by the store, or NULL */
  const char *area;          /* owned by the store, or NULL */
  CocreaOrigin origin;
  guint axes;
} CocreaContributionRow;

typedef struct _CocreaContributionStore CocreaContributionStore;

CocreaContributionStore *cocrea_contribution_store_ref   (CocreaContributionStore *store);
void                     cocrea_contribution_store_unref (CocreaContributionStore *store);

CocreaContribution *cocrea_contribution_new_borrowed (CocreaContributionStore     *store,
                                                      const CocreaContributionRow *row);
gboolean            cocrea_contribution_row_matches  (const char                  *folded,
                                                      gint64                       id,
                                                      const char * const          *words);

G_END_DECLS
