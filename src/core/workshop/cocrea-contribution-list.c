/* cocrea-contribution-list.c
 *
 * A process can hold 100,000 contributions, and the capture page lists
 * and filters them as one types. A GListStore of 100,000 GObjects costs
 * more to build than the query that feeds it, so this model keeps the
 * rows of one scan in a plain array, and their strings in a store: the
 * texts and their folded forms (lowercase, no accents) in large blocks,
 * activity, group and area names once per distinct value.
 *
 * get_item() wraps a row in a #CocreaContribution the first time it is
 * asked for, and keeps it: a GtkFilterListModel asks for every item on
 * every keystroke, and creating 100,000 GObjects per keystroke costs
 * twice the frame budget. Items borrow the strings and hold a reference
 * on the store, not on the list, so the list's cache makes no cycle and
 * an item may outlive its list.
 *
 * The list is a snapshot: it never changes, a caller lists again after
 * an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-contribution-list.h"
#include "cocrea-text.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-search-index.h"

/* Texts go into blocks of this size (a longer text gets a block of its
 * own): blocks never move, so rows can point into them as they are read. */
#define BLOCK_BYTES (1 << 20)

/* Names by id: a dense array for the ids up to a bound (ids are row ids,
 * nearly dense), a hash table beyond, so a hand-edited file with an id of
 * 2^60 costs no memory. */
typedef struct {
  const char **dense; /* GRefString, NULL for no such id */
  gsize n_dense;
  GHashTable *sparse; /* gint64 id → GRefString */
} Names;

struct _CocreaContributionStore {
  gatomicrefcount ref_count;
  GPtrArray *blocks;
  char *block;        /* the block being filled, also in @blocks */
  gsize block_used;
  gsize block_size;
  Names activities;
  Names groups;
  GHashTable *areas;  /* GRefString → itself */
};

struct _CocreaContributionList {
  GObject parent_instance;

  CocreaContributionStore *store;
  GArray *rows;                 /* CocreaContributionRow */
  CocreaContribution **items;   /* created on demand, rows->len of them */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CocreaContributionList, cocrea_contribution_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* ------------------------------------------------------------------ */
/* The store                                                          */
/* ------------------------------------------------------------------ */

static void
names_clear (Names *names)
{
  for (gsize i = 0; i < names->n_dense; i++)
    if (names->dense[i] != NULL)
      g_ref_string_release ((char *) names->dense[i]);
  g_clear_pointer (&names->dense, g_free);
  g_clear_pointer (&names->sparse, g_hash_table_unref);
}

static const char *
names_lookup (const Names *names, gint64 id)
{
  if (id >= 0 && (guint64) id < names->n_dense)
    return names->dense[id];
  return g_hash_table_lookup (names->sparse, &id);
}

static CocreaContributionStore *
store_new (void)
{
  CocreaContributionStore *store = g_new0 (CocreaContributionStore, 1);

  g_atomic_ref_count_init (&store->ref_count);
  store->blocks = g_ptr_array_new_with_free_func (g_free);
  store->activities.sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                    (GDestroyNotify) g_ref_string_release);
  store->groups.sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) g_ref_string_release);
  store->areas = g_hash_table_new_full (g_str_hash, g_str_equal,
                                        (GDestroyNotify) g_ref_string_release, NULL);
  return store;
}

CocreaContributionStore *
cocrea_contribution_store_ref (CocreaContributionStore *store)
{
  g_atomic_ref_count_inc (&store->ref_count);
  return store;
}

void
cocrea_contribution_store_unref (CocreaContributionStore *store)
{
  if (!g_atomic_ref_count_dec (&store->ref_count))
    return;
  g_ptr_array_unref (store->blocks);
  names_clear (&store->activities);
  names_clear (&store->groups);
  g_hash_table_unref (store->areas);
  g_free (store);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaContributionStore, cocrea_contribution_store_unref)

/* Room for @size bytes in the store, which stays where it is. */
static char *
store_reserve (CocreaContributionStore *store, gsize size)
{
  char *p;

  if (store->block == NULL || store->block_size - store->block_used < size)
    {
      store->block_size = MAX (size, BLOCK_BYTES);
      store->block = g_malloc (store->block_size);
      store->block_used = 0;
      g_ptr_array_add (store->blocks, store->block);
    }
  p = store->block + store->block_used;
  store->block_used += size;
  return p;
}

/* Gives back the end of the last store_reserve() that went unused. */
static void
store_unreserve (CocreaContributionStore *store, gsize unused)
{
  g_assert (unused <= store->block_used);
  store->block_used -= unused;
}

/* Fills @names with the id → name rows of @table. */
static gboolean
load_names (sqlite3 *db, const char *table, Names *names, GError **error)
{
  g_autofree char *bounds_sql = g_strdup_printf ("SELECT coalesce (max (id), 0), count (*)"
                                                 " FROM %s", table);
  g_autofree char *sql = g_strdup_printf ("SELECT id, name FROM %s", table);
  g_autoptr (sqlite3_stmt) bounds = cocrea_db_prepare (db, bounds_sql, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (bounds == NULL)
    return FALSE;
  rc = sqlite3_step (bounds);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  names->n_dense = MIN ((guint64) MAX (sqlite3_column_int64 (bounds, 0), 0) + 1,
                        4 * (guint64) sqlite3_column_int64 (bounds, 1) + 1024);
  names->dense = g_new0 (const char *, names->n_dense);

  stmt = cocrea_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *valid = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 1));
      char *name = g_ref_string_new (valid != NULL ? valid : "");

      if (id >= 0 && (guint64) id < names->n_dense)
        names->dense[id] = name;
      else
        g_hash_table_insert (names->sparse, g_memdup2 (&id, sizeof id), name);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* The store's shared copy of @area, or NULL for none. */
static const char *
intern_area (CocreaContributionStore *store, const char *area)
{
  char *found;

  if (area == NULL)
    return NULL;
  found = g_hash_table_lookup (store->areas, area);
  if (found == NULL)
    {
      found = g_ref_string_new (area);
      g_hash_table_add (store->areas, found);
    }
  return found;
}

/* ------------------------------------------------------------------ */
/* The list                                                           */
/* ------------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return COCREA_TYPE_CONTRIBUTION;
}

static guint
get_n_items (GListModel *model)
{
  return COCREA_CONTRIBUTION_LIST (model)->rows->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  CocreaContributionList *self = COCREA_CONTRIBUTION_LIST (model);

  if (position >= self->rows->len)
    return NULL;
  if (self->items[position] == NULL)
    self->items[position] =
      cocrea_contribution_new_borrowed (self->store, &g_array_index (self->rows,
                                                                     CocreaContributionRow,
                                                                     position));
  return g_object_ref (self->items[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cocrea_contribution_list_finalize (GObject *object)
{
  CocreaContributionList *self = COCREA_CONTRIBUTION_LIST (object);

  for (guint i = 0; i < self->rows->len; i++)
    g_clear_object (&self->items[i]);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->store, cocrea_contribution_store_unref);

  G_OBJECT_CLASS (cocrea_contribution_list_parent_class)->finalize (object);
}

static void
cocrea_contribution_list_class_init (CocreaContributionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cocrea_contribution_list_finalize;
}

static void
cocrea_contribution_list_init (CocreaContributionList *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (CocreaContributionRow));
}

/* Copies @len bytes of @text and then its folded form into @store;
 * points @row at both. */
static void
store_text (CocreaContributionStore *store, CocreaContributionRow *row, const char *text,
            gsize len)
{
  gsize room = len + 1 + COCREA_FOLD_MAX_BYTES (len);
  char *p = store_reserve (store, room);
  gsize folded_len;

  memcpy (p, text, len);
  p[len] = '\0';
  row->text = p;
  p += len + 1;
  folded_len = cocrea_fold_to (p, text, len);
  p[folded_len] = '\0';
  row->folded = p;
  store_unreserve (store, room - (len + 1 + folded_len + 1));
}

/*
 * cocrea_contribution_list_new:
 * Reads the contributions of activity @activity_id and group @group_id
 * (0 for any), in the order they were recorded, in one scan. NULL with
 * @error set on a database failure.
 */
CocreaContributionList *
cocrea_contribution_list_new (CocreaDocument *document, gint64 activity_id, gint64 group_id,
                              GError **error)
{
  g_autoptr (CocreaContributionList) self = g_object_new (COCREA_TYPE_CONTRIBUTION_LIST, NULL);
  g_autoptr (CocreaContributionStore) store = store_new ();
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *last_origin = NULL;
  const char *last_area = NULL;
  CocreaOrigin origin = COCREA_ORIGIN_COMMUNITY;
  int rc;

  if (!load_names (db, "activity", &store->activities, error) ||
      !load_names (db, "table_group", &store->groups, error))
    return NULL;

  stmt = cocrea_db_prepare (db, "SELECT id, activity_id, coalesce (group_id, 0), origin, text,"
                                " area, axes, coalesce (proposal_id, 0) FROM contribution"
                                " WHERE (?1 = 0 OR activity_id = ?1)"
                                " AND (?2 = 0 OR group_id = ?2) ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, group_id);

  /* Room for every row up front: growing a 9 MB array by doubling copies it. */
  if (activity_id == 0 && group_id == 0)
    {
      gint64 max_id = 0;

      if (!cocrea_db_query_int (db, "SELECT coalesce (max (id), 0) FROM contribution", &max_id,
                                error))
        return NULL;
      g_array_set_size (self->rows, MIN (max_id, 1 << 22));
      g_array_set_size (self->rows, 0);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CocreaContributionRow row = { 0 };
      const char *origin_text = (const char *) sqlite3_column_text (stmt, 3);
      const char *text = (const char *) sqlite3_column_text (stmt, 4);
      const char *area = (const char *) sqlite3_column_text (stmt, 5);

      row.id = sqlite3_column_int64 (stmt, 0);
      row.activity_id = sqlite3_column_int64 (stmt, 1);
      row.group_id = sqlite3_column_int64 (stmt, 2);
      row.activity_name = names_lookup (&store->activities, row.activity_id);
      row.group_name = row.group_id != 0 ? names_lookup (&store->groups, row.group_id) : NULL;

      /* Origins and areas repeat from row to row: parse and intern on change only. */
      if (last_origin == NULL || g_strcmp0 (origin_text, last_origin) != 0)
        {
          g_free (last_origin);
          last_origin = g_strdup (origin_text != NULL ? origin_text : "");
          if (!cocrea_origin_from_text (origin_text, &origin))
            origin = COCREA_ORIGIN_COMMUNITY;
        }
      row.origin = origin;
      if (area == NULL || last_area == NULL || strcmp (area, last_area) != 0)
        last_area = intern_area (store, area);
      row.area = last_area;
      row.axes = sqlite3_column_int (stmt, 6);
      row.proposal_id = sqlite3_column_int64 (stmt, 7);
      /* Bytes that are not UTF-8 (a file from another program) are replaced,
       * not passed on to labels and exports; the check is cheap next to the
       * folding store_text does. */
      if (text != NULL && !g_utf8_validate (text, sqlite3_column_bytes (stmt, 4), NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (text, sqlite3_column_bytes (stmt, 4));
          store_text (store, &row, valid, strlen (valid));
        }
      else
        store_text (store, &row, text != NULL ? text : "", sqlite3_column_bytes (stmt, 4));

      g_array_append_val (self->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }

  self->store = g_steal_pointer (&store);
  self->items = g_new0 (CocreaContribution *, self->rows->len);
  return g_steal_pointer (&self);
}

/* The id of the contribution at @position, without making its item; 0
 * past the end. */
gint64
cocrea_contribution_list_get_id (CocreaContributionList *self, guint position)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_LIST (self), 0);

  if (position >= self->rows->len)
    return 0;
  return g_array_index (self->rows, CocreaContributionRow, position).id;
}

/*
 * cocrea_contribution_row_matches:
 * TRUE when every word of @words occurs in @folded, or is @id written
 * in digits. No allocation: it runs once per row per keystroke.
 */
gboolean
cocrea_contribution_row_matches (const char *folded, gint64 id, const char * const *words)
{
  if (words == NULL)
    return TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (folded, words[i]) != NULL)
        continue;
      if (g_ascii_isdigit (words[i][0]) && g_ascii_strtoll (words[i], NULL, 10) == id)
        continue;
      return FALSE;
    }
  return TRUE;
}

/**
 * cocrea_contribution_list_filter:
 * @self: a list
 * @words: from cocrea_contribution_filter_words()
 * @positions: (out caller-allocates) (array): room for as many positions
 *   as @self has items
 *
 * The rows matching @words, as cocrea_contribution_matches() decides,
 * without creating any item: the fast path for a view that filters
 * 100,000 rows per keystroke (a GtkBitset built from @positions, say).
 *
 * Returns: how many positions were written to @positions, in order
 */
guint
cocrea_contribution_list_filter (CocreaContributionList *self, const char * const *words,
                                 guint *positions)
{
  guint n = 0;

  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_LIST (self), 0);
  g_return_val_if_fail (positions != NULL || self->rows->len == 0, 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const CocreaContributionRow *row = &g_array_index (self->rows, CocreaContributionRow, i);

      if (cocrea_contribution_row_matches (row->folded, row->id, words))
        positions[n++] = i;
    }
  return n;
}
