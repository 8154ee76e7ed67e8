/* cocrea-tally.c
 *
 * The tally is the heart of stage 2b: a proposal many groups arrived at
 * separately is worth more than one group's idea said many times, so it
 * counts distinct groups and activities as well as contributions.
 *
 * It is recomputed after every merge, on up to 100,000 contributions and
 * 10,000 proposals, within a frame or two. A recursive CTE with
 * count(DISTINCT) took 70–90 ms there, so the counting is done here in C
 * from two plain scans: merge chains are resolved once per proposal into
 * the index of its top-level proposal, contributions are bucketed by that
 * top (a counting sort) and each small bucket is sorted to count its
 * distinct groups and activities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-proposal-private.h"
#include "cocrea-tally.h"

#define NONE G_MAXUINT

/* A contribution's group (0 for none) and activity, bucketed by top proposal. */
typedef struct {
  gint64 group_id;
  gint64 activity_id;
} Mention;

/* Position of @id in the sorted @ids, or NONE. */
static guint
find_id (const gint64 *ids, guint n, gint64 id)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] < id)
        lo = mid + 1;
      else if (ids[mid] > id)
        hi = mid;
      else
        return mid;
    }
  return NONE;
}

/*
 * resolve_tops:
 * Fills @top[i] with the index of the top-level proposal that proposal i
 * is merged into, however long the chain, or NONE when the chain never
 * reaches one: a loop of merged_into links (only a hand-edited file has
 * one) or a link to a missing proposal. Each proposal is walked once.
 */
static void
resolve_tops (const gint64 *ids, const gint64 *merged_into, guint n, guint *top)
{
  g_autofree guint *path = g_new (guint, n + 1);
  g_autofree guint8 *visiting = g_new0 (guint8, n);
  const guint unknown = NONE - 1;

  for (guint i = 0; i < n; i++)
    top[i] = unknown;

  for (guint i = 0; i < n; i++)
    {
      guint len = 0, at = i, result;

      while (at != NONE && top[at] == unknown && !visiting[at])
        {
          visiting[at] = TRUE;
          path[len++] = at;
          if (merged_into[at] == 0)
            break;
          at = find_id (ids, n, merged_into[at]);
        }

      if (at == NONE)
        result = NONE;                       /* a link to a missing proposal */
      else if (top[at] != unknown)
        result = top[at];                    /* joins a chain resolved before */
      else if (merged_into[at] == 0)
        result = at;                         /* reached the top */
      else
        result = NONE;                       /* went round a loop */

      for (guint k = 0; k < len; k++)
        {
          top[path[k]] = result;
          visiting[path[k]] = FALSE;
        }
    }
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* Distinct non-zero values among the @n in @values, which it sorts. */
static guint
count_distinct (gint64 *values, guint n)
{
  guint distinct = 0;

  qsort (values, n, sizeof (gint64), compare_gint64);
  for (guint i = 0; i < n; i++)
    if (values[i] != 0 && (i == 0 || values[i] != values[i - 1]))
      distinct++;
  return distinct;
}

static int
compare_tally (gconstpointer a, gconstpointer b)
{
  CocreaProposal *x = *(CocreaProposal **) a, *y = *(CocreaProposal **) b;
  guint nx = cocrea_proposal_get_n_contributions (x);
  guint ny = cocrea_proposal_get_n_contributions (y);
  gint64 ix = cocrea_proposal_get_id (x), iy = cocrea_proposal_get_id (y);

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return ix < iy ? -1 : ix > iy;
}

/*
 * cocrea_tally:
 * Returns the top-level proposals (those not merged into another) as a
 * list of #CocreaProposal with their counts: contributions, distinct
 * groups and distinct activities, including the contributions of every
 * proposal merged into them, however long the chain. Sorted by
 * contributions, most first, then by id. NULL with @error set on failure.
 *
 * Each also carries the supports its contributions gathered online
 * (cocrea_proposal_get_n_supports), which do not change the order.
 *
 * A proposal whose chain never reaches a top-level proposal (a loop of
 * merged_into links, which only a hand-edited file has) counts nowhere.
 */
GListModel *
cocrea_tally (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GListStore) store = g_list_store_new (COCREA_TYPE_PROPOSAL);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) merged_into = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) item_of = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  g_autoptr (GArray) mention_top = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *top = NULL;
  g_autofree guint *start = NULL;
  g_autofree gint64 *values = NULL;
  g_autofree Mention *bucketed = NULL;
  guint n;
  int rc;

  /* Every proposal, for the chains; an object for the top-level ones only. */
  stmt = cocrea_db_prepare (db, "SELECT " COCREA_PROPOSAL_COLUMNS " FROM proposal p ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_int64 (stmt, 7);
      guint item = NONE;

      if (parent == 0)
        {
          item = items->len;
          g_ptr_array_add (items, cocrea_proposal_new_from_row (stmt));
        }
      g_array_append_val (ids, id);
      g_array_append_val (merged_into, parent);
      g_array_append_val (item_of, item);
    }
  if (rc != SQLITE_DONE)
    goto db_error;
  g_clear_pointer (&stmt, sqlite3_finalize);

  n = ids->len;
  top = g_new (guint, MAX (n, 1));
  resolve_tops ((gint64 *) ids->data, (gint64 *) merged_into->data, n, top);

  /* Contributions by proposal, through the covering index contribution_tally. */
  stmt = cocrea_db_prepare (db, "SELECT proposal_id, coalesce (group_id, 0), activity_id"
                                " FROM contribution WHERE proposal_id IS NOT NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  {
    gint64 last_proposal = 0;
    guint last_top = NONE;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 proposal = sqlite3_column_int64 (stmt, 0);
        Mention m = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };

        if (proposal != last_proposal)
          {
            guint at = find_id ((gint64 *) ids->data, n, proposal);

            last_proposal = proposal;
            last_top = at == NONE ? NONE : top[at];
          }
        if (last_top == NONE)
          continue;
        g_array_append_val (mentions, m);
        g_array_append_val (mention_top, last_top);
      }
  }
  if (rc != SQLITE_DONE)
    goto db_error;

  /* Counting sort of the mentions by top proposal. */
  start = g_new0 (guint, n + 1);
  for (guint i = 0; i < mentions->len; i++)
    start[g_array_index (mention_top, guint, i) + 1]++;
  for (guint t = 0; t < n; t++)
    start[t + 1] += start[t];
  bucketed = g_new (Mention, MAX (mentions->len, 1));
  {
    g_autofree guint *fill = g_memdup2 (start, (n + 1) * sizeof (guint));

    for (guint i = 0; i < mentions->len; i++)
      bucketed[fill[g_array_index (mention_top, guint, i)]++] =
        g_array_index (mentions, Mention, i);
  }

  values = g_new (gint64, MAX (mentions->len, 1));
  for (guint t = 0; t < n; t++)
    {
      guint first = start[t], count = start[t + 1] - start[t];
      guint item = g_array_index (item_of, guint, t);
      guint groups, activities;

      if (item == NONE)
        continue;
      for (guint k = 0; k < count; k++)
        values[k] = bucketed[first + k].group_id;
      groups = count_distinct (values, count);
      for (guint k = 0; k < count; k++)
        values[k] = bucketed[first + k].activity_id;
      activities = count_distinct (values, count);
      cocrea_proposal_set_counts (items->pdata[item], count, groups, activities);
    }

  /* Supports from Decidim, beside the mentions: only contributions that
   * came from there have any, so this reads those few rows, never the
   * 100,000 of a national process. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = cocrea_db_prepare (db, "SELECT c.proposal_id, s.supports FROM contribution_source s"
                                " JOIN contribution c ON c.id = s.contribution_id"
                                " WHERE c.proposal_id IS NOT NULL AND s.supports > 0",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint at = find_id ((gint64 *) ids->data, n, sqlite3_column_int64 (stmt, 0));
      guint item = at == NONE || top[at] == NONE ? NONE : g_array_index (item_of, guint, top[at]);

      if (item != NONE)
        cocrea_proposal_add_supports (items->pdata[item],
                                      (guint) MIN (sqlite3_column_int64 (stmt, 1), G_MAXUINT));
    }
  if (rc != SQLITE_DONE)
    goto db_error;

  g_ptr_array_sort (items, compare_tally);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));

db_error:
  cocrea_db_set_error (error, db, rc, NULL);
  return NULL;
}
