/* cocrea-contribution-store-private.h — the strings of a contribution snapshot
 *
 * A #CocreaContributionList keeps its rows in a plain array and their
 * strings in a store; the #CocreaContribution items it hands out borrow
 * those strings and keep the store, not the list, alive. Both files use
 * this header; neither includes the other's internals, so the list
 * depends on the contribution and the contribution on the store, and no
 * file depends back.
 *
 * Private to the core's workshop/ folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cocrea-types.h"

G_BEGIN_DECLS

/* One row of a snapshot. The strings belong to the store. */
typedef struct {
  gint64 id;
  gint64 activity_id;
  gint64 group_id;
  gint64 proposal_id;
  const char *text;
  const char *folded;
  const char *activity_name;
  const char *group_name;    /* or NULL */
  const char *area;          /* or NULL */
  CocreaOrigin origin;
  guint axes;
} CocreaContributionRow;

typedef struct _CocreaContributionStore CocreaContributionStore;

CocreaContributionStore *cocrea_contribution_store_new        (void);
CocreaContributionStore *cocrea_contribution_store_ref        (CocreaContributionStore *store);
void                     cocrea_contribution_store_unref      (CocreaContributionStore *store);
gboolean                 cocrea_contribution_store_load_names (CocreaContributionStore *store,
                                                               sqlite3                 *db,
                                                               GError                 **error);
void                     cocrea_contribution_store_fill_names (CocreaContributionStore *store,
                                                               CocreaContributionRow   *row);
gboolean                 cocrea_contribution_store_reload_name (CocreaContributionStore *store,
                                                                sqlite3                 *db,
                                                                gboolean                 group,
                                                                gint64                   id,
                                                                GError                 **error);
const char              *cocrea_contribution_store_intern_area (CocreaContributionStore *store,
                                                                const char              *area);
void                     cocrea_contribution_store_add_text   (CocreaContributionStore *store,
                                                               CocreaContributionRow   *row,
                                                               const char              *text,
                                                               gsize                    len);

gboolean                 cocrea_contribution_row_matches      (const char              *folded,
                                                               gint64                   id,
                                                               const char * const      *words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaContributionStore, cocrea_contribution_store_unref)

G_END_DECLS
