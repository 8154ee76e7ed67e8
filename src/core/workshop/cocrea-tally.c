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
 * A CocreaTally made by cocrea_tally_new() also follows edits
 * (cocrea_tally_apply()): it keeps the merge chains and which proposal
 * each contribution is merged into, so after a merge it counts again only
 * the top-level proposals whose contributions changed, with one indexed
 * query each, and moves just those in the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-ids.h"
#include "cocrea-proposal-private.h"
#include "cocrea-record-changes.h"
#include "cocrea-tally.h"

#define NONE G_MAXUINT

/* Above this many top-level proposals to count again, counting all of
 * them in one pass (two scans) is cheaper than a query each. */
#define MAX_RECOUNTS 500

/* Contribution id → proposal id: a dense array for the ids up to a bound
 * (ids are row ids, nearly dense), a hash table beyond, so a hand-edited
 * file with an id of 2^60 costs no memory. 0 is "not merged". */
typedef struct {
  gint64 *dense;
  gsize n_dense;
  GHashTable *sparse; /* gint64 id → gint64 proposal */
} IdMap;

struct _CocreaTally {
  GObject parent_instance;

  /* Every proposal, merged or not, by id: the merge chains. */
  GArray *ids;         /* gint64, ascending */
  GArray *merged_into; /* gint64 per proposal, 0 for a top-level one */
  guint *top;          /* per proposal: index of the proposal its chain ends in, or NONE */
  GPtrArray *item_of;  /* per proposal: its item when it is top-level, else NULL (borrowed) */
  GPtrArray *items;    /* CocreaProposal: the top-level ones, tally order */
  IdMap merged;        /* when following edits: where each contribution is merged */
  gboolean follows;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CocreaTally, cocrea_tally, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* A contribution's group (0 for none) and activity, bucketed by top proposal. */
typedef struct {
  gint64 group_id;
  gint64 activity_id;
} Mention;


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
          at = cocrea_ids_find (ids, n, merged_into[at]);
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

/* Distinct non-zero values among the @n in @values, which it sorts. */
static guint
count_distinct (gint64 *values, guint n)
{
  guint distinct = 0;

  qsort (values, n, sizeof (gint64), cocrea_ids_compare);
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


/* ---- the contribution map ---- */

static void
id_map_init (IdMap *map, gint64 max_id, gint64 count)
{
  map->n_dense = (gsize) MIN ((guint64) MAX (max_id, 0) + 1, 4 * (guint64) MAX (count, 0) + 1024);
  map->dense = g_new0 (gint64, map->n_dense);
  map->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->dense, g_free);
  g_clear_pointer (&map->sparse, g_hash_table_unref);
  map->n_dense = 0;
}

static gint64
id_map_get (const IdMap *map, gint64 id)
{
  gint64 *value;

  if (id >= 0 && (guint64) id < map->n_dense)
    return map->dense[id];
  value = g_hash_table_lookup (map->sparse, &id);
  return value != NULL ? *value : 0;
}

static void
id_map_set (IdMap *map, gint64 id, gint64 value)
{
  /* New contributions come just past the last: grow the array for them. */
  if (id >= 0 && (guint64) id >= map->n_dense && (guint64) id < 2 * map->n_dense + 1024)
    {
      gsize n = MAX ((gsize) id + 1, 2 * map->n_dense);

      map->dense = g_renew (gint64, map->dense, n);
      memset (map->dense + map->n_dense, 0, (n - map->n_dense) * sizeof (gint64));
      map->n_dense = n;
    }
  if (id >= 0 && (guint64) id < map->n_dense)
    map->dense[id] = value;
  else if (value == 0)
    g_hash_table_remove (map->sparse, &id);
  else
    g_hash_table_insert (map->sparse, g_memdup2 (&id, sizeof id), g_memdup2 (&value, sizeof value));
}

/* ---- the list ---- */

static GType
get_item_type (GListModel *model)
{
  return COCREA_TYPE_PROPOSAL;
}

static guint
get_n_items (GListModel *model)
{
  return COCREA_TALLY (model)->items->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  CocreaTally *self = COCREA_TALLY (model);

  return position < self->items->len ? g_object_ref (self->items->pdata[position]) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
clear_state (CocreaTally *self)
{
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->merged_into, g_array_unref);
  g_clear_pointer (&self->top, g_free);
  g_clear_pointer (&self->item_of, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  id_map_clear (&self->merged);
}

static void
cocrea_tally_finalize (GObject *object)
{
  clear_state (COCREA_TALLY (object));
  G_OBJECT_CLASS (cocrea_tally_parent_class)->finalize (object);
}

static void
cocrea_tally_class_init (CocreaTallyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cocrea_tally_finalize;
}

static void
cocrea_tally_init (CocreaTally *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ---- counting everything ---- */

/*
 * load:
 * Reads every proposal and counts every contribution into @self, which
 * holds nothing yet, in two scans; with @follow, also notes where each
 * contribution is merged. FALSE with @error set on a database failure.
 */
static gboolean
load (CocreaTally *self, sqlite3 *db, gboolean follow, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  g_autoptr (GArray) mention_top = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *start = NULL;
  g_autofree gint64 *values = NULL;
  g_autofree Mention *bucketed = NULL;
  guint n;
  int rc;

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->merged_into = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->item_of = g_ptr_array_new ();
  self->follows = follow;

  /* Every proposal, for the chains; an object for the top-level ones only. */
  stmt = cocrea_db_prepare (db, "SELECT " COCREA_PROPOSAL_COLUMNS " FROM proposal p ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_int64 (stmt, 7);
      CocreaProposal *item = NULL;

      if (parent == 0)
        {
          item = cocrea_proposal_new_from_row (stmt, NULL, NULL);
          g_ptr_array_add (self->items, item);
        }
      g_array_append_val (self->ids, id);
      g_array_append_val (self->merged_into, parent);
      g_ptr_array_add (self->item_of, item);
    }
  if (rc != SQLITE_DONE)
    goto db_error;
  g_clear_pointer (&stmt, sqlite3_finalize);

  n = self->ids->len;
  self->top = g_new (guint, MAX (n, 1));
  resolve_tops ((gint64 *) self->ids->data, (gint64 *) self->merged_into->data, n, self->top);

  if (follow)
    {
      gint64 max_id = 0, count = 0;

      if (!cocrea_db_query_int (db, "SELECT coalesce (max (id), 0) FROM contribution", &max_id,
                                error) ||
          !cocrea_db_query_int (db, "SELECT count (*) FROM contribution WHERE proposal_id IS NOT NULL",
                                &count, error))
        return FALSE;
      id_map_init (&self->merged, max_id, count);
    }

  /* Contributions by proposal, through the covering index contribution_tally. */
  stmt = cocrea_db_prepare (db, "SELECT proposal_id, coalesce (group_id, 0), activity_id, id"
                                " FROM contribution WHERE proposal_id IS NOT NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  {
    gint64 last_proposal = 0;
    guint last_top = NONE;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 proposal = sqlite3_column_int64 (stmt, 0);
        Mention m = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };

        if (follow)
          id_map_set (&self->merged, sqlite3_column_int64 (stmt, 3), proposal);
        if (proposal != last_proposal)
          {
            guint at = cocrea_ids_find ((gint64 *) self->ids->data, n, proposal);

            last_proposal = proposal;
            last_top = at == NONE ? NONE : self->top[at];
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
      CocreaProposal *item = self->item_of->pdata[t];
      guint groups, activities;

      if (item == NULL)
        continue;
      for (guint k = 0; k < count; k++)
        values[k] = bucketed[first + k].group_id;
      groups = count_distinct (values, count);
      for (guint k = 0; k < count; k++)
        values[k] = bucketed[first + k].activity_id;
      activities = count_distinct (values, count);
      cocrea_proposal_set_counts (item, count, groups, activities);
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
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint at = cocrea_ids_find ((gint64 *) self->ids->data, n, sqlite3_column_int64 (stmt, 0));
      CocreaProposal *item = at == NONE || self->top[at] == NONE ? NULL
                                                                : self->item_of->pdata[self->top[at]];

      if (item != NULL)
        cocrea_proposal_add_supports (item, (guint) MIN (sqlite3_column_int64 (stmt, 1), G_MAXUINT));
    }
  if (rc != SQLITE_DONE)
    goto db_error;

  g_ptr_array_sort (self->items, compare_tally);
  return TRUE;

db_error:
  cocrea_db_set_error (error, db, rc, NULL);
  return FALSE;
}

/*
 * cocrea_tally_new:
 * The tally as cocrea_tally() computes it, as a list that can follow the
 * edits of @document (cocrea_tally_apply()): it also keeps where each
 * contribution is merged (8 bytes per contribution). NULL with @error
 * set on failure.
 */
CocreaTally *
cocrea_tally_new (CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaTally) self = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  self = g_object_new (COCREA_TYPE_TALLY, NULL);
  if (!load (self, cocrea_document_get_db (document), TRUE, error))
    return NULL;
  return g_steal_pointer (&self);
}

/*
 * cocrea_tally:
 * Returns the top-level proposals (those not merged into another) as a
 * list of #CocreaProposal with their counts: contributions, distinct
 * groups and distinct activities, including the contributions of every
 * proposal merged into them, however long the chain. Sorted by
 * contributions, most first, then by id. NULL with @error set on failure.
 * A snapshot: use cocrea_tally_new() for a list that follows edits.
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
  g_autoptr (CocreaTally) self = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  self = g_object_new (COCREA_TYPE_TALLY, NULL);
  if (!load (self, cocrea_document_get_db (document), FALSE, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&self));
}

/* ---- following edits ---- */

/* The index of proposal @id, or NONE. */
static guint
proposal_index (CocreaTally *self, gint64 id)
{
  return cocrea_ids_find ((const gint64 *) self->ids->data, self->ids->len, id);
}

/* The id of the top-level proposal that proposal @id ends in, or 0. */
static gint64
top_of (CocreaTally *self, gint64 id)
{
  guint at = proposal_index (self, id);

  if (at == NONE || self->top[at] == NONE)
    return 0;
  return g_array_index (self->ids, gint64, self->top[at]);
}

/* The first position among the items, in tally order, not before @item. */
static guint
items_lower_bound (CocreaTally *self, CocreaProposal *item)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_tally (&self->items->pdata[mid], &item) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The position of @item among the items, which must hold it. */
static guint
item_position (CocreaTally *self, CocreaProposal *item)
{
  guint at = items_lower_bound (self, item);

  g_assert (at < self->items->len && self->items->pdata[at] == item);
  return at;
}

/* Takes @item out of the list, saying so. */
static void
remove_item (CocreaTally *self, CocreaProposal *item)
{
  guint at = item_position (self, item);

  g_ptr_array_remove_index (self->items, at);
  g_list_model_items_changed (G_LIST_MODEL (self), at, 1, 0);
}

/* Puts @item (taken) in its place in the list, saying so. */
static void
insert_item (CocreaTally *self, CocreaProposal *item)
{
  guint at = items_lower_bound (self, item);

  g_ptr_array_insert (self->items, at, item);
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, 1);
}

/* Proposal at index @at becomes @item (taken; NULL: it is no longer
 * top-level) in the list, in its place by its counts. */
static void
set_item (CocreaTally *self, guint at, CocreaProposal *item)
{
  CocreaProposal *old = self->item_of->pdata[at];

  if (old != NULL && item != NULL)
    {
      guint from = item_position (self, old);

      /* Where it goes is where it was: one change, the row stays put. */
      if ((from == 0 || compare_tally (&self->items->pdata[from - 1], &item) < 0) &&
          (from + 1 == self->items->len || compare_tally (&item, &self->items->pdata[from + 1]) < 0))
        {
          self->item_of->pdata[at] = item;
          g_object_unref (self->items->pdata[from]);
          self->items->pdata[from] = item;
          g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 1);
          return;
        }
    }
  if (old != NULL)
    remove_item (self, old);
  self->item_of->pdata[at] = item;
  if (item != NULL)
    insert_item (self, item);
}

/*
 * recount:
 * Counts again the contributions, groups and activities of each
 * top-level proposal in @tops (ids, ascending), its whole chain
 * included, one indexed query each, and gives it a new item with them.
 */
static gboolean
recount (CocreaTally *self, sqlite3 *db, GArray *tops, GHashTable *fresh, GError **error)
{
  g_autoptr (GPtrArray) chains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (tops->len == 0)
    return TRUE;
  for (guint t = 0; t < tops->len; t++)
    g_ptr_array_add (chains, g_array_new (FALSE, FALSE, sizeof (gint64)));
  /* One pass over the proposals finds every chain. */
  for (guint i = 0; i < self->ids->len; i++)
    {
      guint t;

      if (self->top[i] == NONE)
        continue;
      t = cocrea_ids_find ((const gint64 *) tops->data, tops->len,
                           g_array_index (self->ids, gint64, self->top[i]));
      if (t != NONE)
        g_array_append_val (chains->pdata[t], g_array_index (self->ids, gint64, i));
    }

  stmt = cocrea_db_prepare (db, "WITH chain (id) AS (SELECT value FROM json_each (?1))"
                                " SELECT count (*), count (DISTINCT group_id),"
                                "  count (DISTINCT activity_id),"
                                "  (SELECT coalesce (sum (max (s.supports, 0)), 0)"
                                "   FROM contribution_source s JOIN contribution c"
                                "   ON c.id = s.contribution_id"
                                "   WHERE c.proposal_id IN chain)"
                                " FROM contribution WHERE proposal_id IN chain",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint t = 0; t < tops->len; t++)
    {
      gint64 id = g_array_index (tops, gint64, t);
      guint at = proposal_index (self, id);
      GArray *chain = chains->pdata[t];
      CocreaProposal *item;
      int rc;

      if (at == NONE || self->top[at] != at)
        continue;
      /* Never the item in the list: its counts place it there. */
      item = g_hash_table_lookup (fresh, &id);
      item = cocrea_proposal_copy (item != NULL ? item : self->item_of->pdata[at]);
      sqlite3_reset (stmt);
      cocrea_db_bind_ids (stmt, 1, (const gint64 *) chain->data, chain->len);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          g_object_unref (item);
          cocrea_db_set_error (error, db, rc, NULL);
          return FALSE;
        }
      cocrea_proposal_set_counts (item, sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                  sqlite3_column_int (stmt, 2));
      cocrea_proposal_set_supports (item,
                                    (guint) MIN (sqlite3_column_int64 (stmt, 3), G_MAXUINT));
      set_item (self, at, item);
    }
  return TRUE;
}

/* Adds the id of top-level proposal @top, if any, to @tops. */
static void
note_top (GArray *tops, gint64 top)
{
  if (top != 0)
    g_array_append_val (tops, top);
}

/* Sorts @ids and leaves each once. */
static void
sort_unique (GArray *ids)
{
  guint n = 0;

  g_array_sort (ids, cocrea_ids_compare);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n - 1))
      g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n);
}

/*
 * apply_proposals:
 * Takes proposals added, changed (a new title, merged into another, taken
 * out again) and removed: the chains are read again where they changed
 * and resolved again, proposals that stopped or started being top-level
 * leave or join the list, and every top-level proposal whose chain or
 * fields changed is counted again. Adds to @retitled every proposal whose
 * top-level proposal, or its title, may have changed.
 */
static gboolean
apply_proposals (CocreaTally *self, sqlite3 *db, const CocreaRecordChanges *changes,
                 GArray *retitled, GError **error)
{
  g_autoptr (GHashTable) fresh = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) tops = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) old_tops = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const gint64 *ids;
  guint n;

  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_ADDED, &n);
  g_array_append_vals (wanted, ids, n);
  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_CHANGED, &n);
  g_array_append_vals (wanted, ids, n);
  sort_unique (wanted);
  stmt = cocrea_db_prepare (db, "SELECT " COCREA_PROPOSAL_COLUMNS " FROM proposal p"
                                " WHERE p.id IN (SELECT value FROM json_each (?1))",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_ids (stmt, 1, (const gint64 *) wanted->data, wanted->len);
  rows = cocrea_db_collect (db, stmt, cocrea_proposal_new_from_row, NULL,
                            g_object_unref, error);
  if (rows == NULL)
    return FALSE;

  /* Where every proposal ended before. */
  old_tops = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids->len);
  for (guint i = 0; i < self->ids->len; i++)
    {
      gint64 top = self->top[i] != NONE ? g_array_index (self->ids, gint64, self->top[i]) : 0;

      g_array_append_val (old_tops, top);
    }

  /* The chains as they are now: removed proposals go, the others are
   * put in or updated, each with the top it had before (0 for new). */
  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_REMOVED, &n);
  for (guint i = 0; i < n; i++)
    {
      guint at = proposal_index (self, ids[i]);

      if (at == NONE)
        continue;
      note_top (tops, g_array_index (old_tops, gint64, at));
      if (self->item_of->pdata[at] != NULL)
        remove_item (self, self->item_of->pdata[at]);
      g_array_remove_index (self->ids, at);
      g_array_remove_index (self->merged_into, at);
      g_array_remove_index (old_tops, at);
      g_ptr_array_remove_index (self->item_of, at);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      CocreaProposal *row = rows->pdata[i];
      gint64 id = cocrea_proposal_get_id (row);
      gint64 parent = cocrea_proposal_get_merged_into_id (row);
      guint at = cocrea_ids_lower_bound ((const gint64 *) self->ids->data, self->ids->len, id);

      if (at == self->ids->len || g_array_index (self->ids, gint64, at) != id)
        {
          gint64 none = 0;

          g_array_insert_val (self->ids, at, id);
          g_array_insert_val (self->merged_into, at, parent);
          g_array_insert_val (old_tops, at, none);
          g_ptr_array_insert (self->item_of, at, NULL);
        }
      g_array_index (self->merged_into, gint64, at) = parent;
      g_hash_table_insert (fresh, g_memdup2 (&id, sizeof id), g_object_ref (row));
    }
  g_free (self->top);
  self->top = g_new (guint, MAX (self->ids->len, 1));
  resolve_tops ((gint64 *) self->ids->data, (gint64 *) self->merged_into->data, self->ids->len,
                self->top);

  /* What changed place: tops lost or gained, proposals under another top. */
  for (guint i = 0; i < self->ids->len; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      gint64 before = g_array_index (old_tops, gint64, i);
      gint64 now = self->top[i] != NONE ? g_array_index (self->ids, gint64, self->top[i]) : 0;
      gboolean is_fresh = g_hash_table_contains (fresh, &id);

      if (self->item_of->pdata[i] != NULL && self->top[i] != i)
        set_item (self, i, NULL);
      if (before != now || is_fresh)
        {
          note_top (tops, before);
          note_top (tops, now);
          if (retitled != NULL)
            g_array_append_val (retitled, id);
        }
    }
  sort_unique (tops);

  /* A retitled top shows anew under every proposal merged into it. */
  if (retitled != NULL)
    for (guint i = 0; i < self->ids->len; i++)
      if (self->top[i] != NONE && self->top[i] != i &&
          g_hash_table_contains (fresh, &g_array_index (self->ids, gint64, self->top[i])))
        g_array_append_val (retitled, g_array_index (self->ids, gint64, i));

  /* New top-level proposals join with a first item to count into. */
  for (guint i = 0; i < self->ids->len; i++)
    if (self->top[i] == i && self->item_of->pdata[i] == NULL)
      {
        CocreaProposal *row = g_hash_table_lookup (fresh, &g_array_index (self->ids, gint64, i));

        if (row != NULL)
          set_item (self, i, g_object_ref (row));
      }
  return recount (self, db, tops, fresh, error);
}

/*
 * apply_contributions:
 * Takes contributions added, changed (merged, unmerged, moved) and
 * removed: reads where the added and changed ones are merged now, and
 * counts again the top-level proposals they left and joined.
 */
static gboolean
apply_contributions (CocreaTally *self, sqlite3 *db, const CocreaRecordChanges *changes,
                     GError **error)
{
  g_autoptr (GHashTable) no_fresh = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) tops = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const gint64 *ids;
  guint n;
  int rc;

  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_REMOVED, &n);
  for (guint i = 0; i < n; i++)
    {
      note_top (tops, top_of (self, id_map_get (&self->merged, ids[i])));
      id_map_set (&self->merged, ids[i], 0);
    }

  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_ADDED, &n);
  g_array_append_vals (wanted, ids, n);
  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_CHANGED, &n);
  g_array_append_vals (wanted, ids, n);
  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 id = g_array_index (wanted, gint64, i);

      note_top (tops, top_of (self, id_map_get (&self->merged, id)));
      id_map_set (&self->merged, id, 0);
    }
  if (wanted->len > 0)
    {
      stmt = cocrea_db_prepare (db, "SELECT id, proposal_id FROM contribution"
                                    " WHERE proposal_id IS NOT NULL"
                                    " AND id IN (SELECT value FROM json_each (?1))",
                                error);
      if (stmt == NULL)
        return FALSE;
      cocrea_db_bind_ids (stmt, 1, (const gint64 *) wanted->data, wanted->len);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 proposal = sqlite3_column_int64 (stmt, 1);

          id_map_set (&self->merged, sqlite3_column_int64 (stmt, 0), proposal);
          note_top (tops, top_of (self, proposal));
        }
      if (rc != SQLITE_DONE)
        {
          cocrea_db_set_error (error, db, rc, NULL);
          return FALSE;
        }
    }
  sort_unique (tops);
  return recount (self, db, tops, no_fresh, error);
}

/* @self takes what @fresh counted, which is left empty. Says nothing. */
static void
take_state (CocreaTally *self, CocreaTally *fresh)
{
  clear_state (self);
  self->ids = g_steal_pointer (&fresh->ids);
  self->merged_into = g_steal_pointer (&fresh->merged_into);
  self->top = g_steal_pointer (&fresh->top);
  self->item_of = g_steal_pointer (&fresh->item_of);
  self->items = g_steal_pointer (&fresh->items);
  self->merged = fresh->merged;
  memset (&fresh->merged, 0, sizeof fresh->merged);
  fresh->items = g_ptr_array_new ();
}

/* Counts everything again, and says the whole list changed. */
static gboolean
reload (CocreaTally *self, sqlite3 *db, GError **error)
{
  g_autoptr (CocreaTally) fresh = g_object_new (COCREA_TYPE_TALLY, NULL);
  guint removed = self->items->len;

  if (!load (fresh, db, TRUE, error))
    return FALSE;
  take_state (self, fresh);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  return TRUE;
}

/* Whether @a and @b show the same in a tally: id, title, origin and counts. */
static gboolean
same_tally_item (CocreaProposal *a, CocreaProposal *b)
{
  return cocrea_proposal_get_id (a) == cocrea_proposal_get_id (b) &&
         cocrea_proposal_get_origin (a) == cocrea_proposal_get_origin (b) &&
         cocrea_proposal_get_n_contributions (a) == cocrea_proposal_get_n_contributions (b) &&
         cocrea_proposal_get_n_groups (a) == cocrea_proposal_get_n_groups (b) &&
         cocrea_proposal_get_n_activities (a) == cocrea_proposal_get_n_activities (b) &&
         cocrea_proposal_get_n_supports (a) == cocrea_proposal_get_n_supports (b) &&
         g_strcmp0 (cocrea_proposal_get_title (a), cocrea_proposal_get_title (b)) == 0;
}

/**
 * cocrea_tally_reload:
 * @self: a tally from cocrea_tally_new(), or cocrea_tally()'s (which
 *   need not keep where each contribution is merged: cheaper to count)
 * @document: the document it counts
 * @error: return location for a #CocreaError
 *
 * Counts everything again, for a file another program changed
 * (#CocreaDocument::outside-changed), where no one says what changed.
 * Items that show the same as before (id, title, origin, counts) at the
 * same place are kept, and only the span between the first and the last
 * place that differ is reported changed, so a view of the top of the
 * tally redraws only what moved.
 *
 * Returns: %TRUE on success; on a database failure %FALSE with @error
 *   set, and the tally unchanged
 */
gboolean
cocrea_tally_reload (CocreaTally *self, CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaTally) fresh = NULL;
  guint old_len, new_len, head = 0, tail = 0;

  g_return_val_if_fail (COCREA_IS_TALLY (self), FALSE);
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  fresh = g_object_new (COCREA_TYPE_TALLY, NULL);
  if (!load (fresh, cocrea_document_get_db (document), self->follows, error))
    return FALSE;

  old_len = self->items->len;
  new_len = fresh->items->len;
  while (head < old_len && head < new_len &&
         same_tally_item (self->items->pdata[head], fresh->items->pdata[head]))
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         same_tally_item (self->items->pdata[old_len - 1 - tail],
                          fresh->items->pdata[new_len - 1 - tail]))
    tail++;

  /* The unchanged places keep their objects: whoever holds one holds
   * what the list still says. */
  for (guint i = 0; i < new_len; i++)
    {
      gboolean kept = i < head || i >= new_len - tail;
      CocreaProposal *old;
      guint at;

      if (!kept)
        continue;
      old = self->items->pdata[i < head ? i : old_len - (new_len - i)];
      at = proposal_index (fresh, cocrea_proposal_get_id (old));
      g_assert (at != NONE);
      fresh->item_of->pdata[at] = old;
      g_object_unref (fresh->items->pdata[i]);
      fresh->items->pdata[i] = g_object_ref (old);
    }

  take_state (self, fresh);
  if (head + tail < MAX (old_len, new_len))
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_len - head - tail,
                                new_len - head - tail);
  return TRUE;
}

/**
 * cocrea_tally_apply:
 * @self: a tally from cocrea_tally_new()
 * @document: the document it counts
 * @changes: what an edit of @document changed
 *   (#CocreaDocument::records-changed)
 * @retitled: (nullable) (element-type gint64): where to add the
 *   proposals whose top-level proposal, or its title, may have changed
 *   (a list showing each contribution's proposal shows those anew)
 * @error: return location for a #CocreaError
 *
 * Makes the tally count @document as it is after the edit: for
 * contributions and proposals, only the top-level proposals they touch
 * are counted again, and their items replaced (moving to their new place
 * by count); supports changed online (sources) count everything again;
 * other kinds are ignored. A change too large to follow
 * (hundreds of proposals) counts everything again.
 *
 * Returns: %TRUE on success; on a database failure %FALSE with @error
 *   set, and the tally may be out of date: make a new one
 */
gboolean
cocrea_tally_apply (CocreaTally *self, CocreaDocument *document,
                    const CocreaRecordChanges *changes, GArray *retitled, GError **error)
{
  CocreaRecordKind kind;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_TALLY (self), FALSE);
  g_return_val_if_fail (self->follows, FALSE);
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  kind = cocrea_record_changes_get_kind (changes);
  if (kind != COCREA_RECORD_PROPOSAL && kind != COCREA_RECORD_CONTRIBUTION &&
      kind != COCREA_RECORD_SOURCE)
    return TRUE;
  db = cocrea_document_get_db (document);
  /* Supports refreshed by a new import from Decidim: rare, count again. */
  if (kind == COCREA_RECORD_SOURCE || cocrea_record_changes_get_n_ids (changes) > MAX_RECOUNTS)
    {
      if (retitled != NULL && kind == COCREA_RECORD_PROPOSAL)
        g_array_append_vals (retitled, self->ids->data, self->ids->len);
      return reload (self, db, error);
    }
  if (kind == COCREA_RECORD_PROPOSAL)
    return apply_proposals (self, db, changes, retitled, error);
  return apply_contributions (self, db, changes, error);
}

/*
 * cocrea_tally_get_top_title:
 * The title of the top-level proposal that proposal @proposal_id is
 * merged into (its own when it is top-level), or NULL when the tally does
 * not know it or its chain never ends. Owned by the tally's item.
 */
const char *
cocrea_tally_get_top_title (CocreaTally *self, gint64 proposal_id)
{
  guint at;

  g_return_val_if_fail (COCREA_IS_TALLY (self), NULL);

  at = proposal_index (self, proposal_id);
  if (at == NONE || self->top[at] == NONE || self->item_of->pdata[self->top[at]] == NULL)
    return NULL;
  return cocrea_proposal_get_title (self->item_of->pdata[self->top[at]]);
}
