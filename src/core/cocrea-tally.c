/* cocrea-tally.c
 *
 * The tally is the heart of stage 2b: a proposal many groups arrived at
 * separately is worth more than one group's idea said many times, so it
 * counts distinct groups and activities as well as contributions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-proposal-private.h"
#include "cocrea-tally.h"

/*
 * cocrea_tally:
 * Returns the top-level proposals (those not merged into another) as a
 * list of #CocreaProposal with their counts: contributions, distinct
 * groups and distinct activities, including the contributions of every
 * proposal merged into them, however long the chain. Sorted by
 * contributions, most first, then by id. NULL with @error set on failure.
 *
 * A chain is walked down from each top-level proposal, so a loop of
 * merged_into links (only a hand-edited file has one) is not followed.
 */
GListModel *
cocrea_tally (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GListStore) store = g_list_store_new (COCREA_TYPE_PROPOSAL);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = cocrea_db_prepare (db,
    "WITH RECURSIVE chain (id, top) AS ("
    "  SELECT id, id FROM proposal WHERE merged_into_id IS NULL"
    "  UNION ALL"
    "  SELECT p.id, chain.top FROM proposal p JOIN chain ON p.merged_into_id = chain.id),"
    " counts (id, n, groups, activities) AS ("
    "  SELECT chain.top, count (*), count (DISTINCT c.group_id), count (DISTINCT c.activity_id)"
    "  FROM chain JOIN contribution c ON c.proposal_id = chain.id"
    "  GROUP BY chain.top)"
    " SELECT " COCREA_PROPOSAL_COLUMNS ","
    "  coalesce (counts.n, 0), coalesce (counts.groups, 0), coalesce (counts.activities, 0)"
    " FROM proposal p LEFT JOIN counts ON counts.id = p.id"
    " WHERE p.merged_into_id IS NULL"
    " ORDER BY 9 DESC, p.id",
    error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CocreaProposal *proposal = cocrea_proposal_new_from_row (stmt);

      cocrea_proposal_set_counts (proposal,
                                  sqlite3_column_int (stmt, COCREA_PROPOSAL_N_COLUMNS),
                                  sqlite3_column_int (stmt, COCREA_PROPOSAL_N_COLUMNS + 1),
                                  sqlite3_column_int (stmt, COCREA_PROPOSAL_N_COLUMNS + 2));
      g_ptr_array_add (items, proposal);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
