/* cocrea-contribution-store.c
 *
 * The strings of a contribution snapshot: the texts and their folded
 * forms (lowercase, no accents) in large blocks, activity, group and area
 * names once per distinct value. A GListStore of 100,000 GObjects each
 * owning its strings costs more to build than the query that feeds it;
 * rows pointing into a few blocks cost next to nothing. The store is
 * reference counted and shared by a #CocreaContributionList and every
 * item it hands out, so an item may outlive its list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-contribution-store-private.h"
#include "cocrea-db.h"
#include "cocrea-search-index.h"
#include "cocrea-text.h"

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
  GPtrArray *retired; /* GRefString names replaced by a rename, still pointed at */
};

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

/* An empty store, with one reference. */
CocreaContributionStore *
cocrea_contribution_store_new (void)
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
  store->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
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
  g_ptr_array_unref (store->retired);
  g_free (store);
}

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

/*
 * cocrea_contribution_store_load_names:
 * Reads every activity's and group's name into a new @store, for
 * cocrea_contribution_store_fill_names(). FALSE with @error set on a
 * database failure.
 */
gboolean
cocrea_contribution_store_load_names (CocreaContributionStore *store, sqlite3 *db,
                                      GError **error)
{
  g_return_val_if_fail (store->activities.dense == NULL, FALSE);

  return load_names (db, "activity", &store->activities, error) &&
         load_names (db, "table_group", &store->groups, error);
}

/* Sets @names' entry for @id to @name (taken), keeping the old string
 * alive: rows and items may still point at it. */
static void
names_set (CocreaContributionStore *store, Names *names, gint64 id, char *name)
{
  gpointer old_key, old_name;

  if (id >= 0 && (guint64) id < names->n_dense)
    {
      if (names->dense[id] != NULL)
        g_ptr_array_add (store->retired, (char *) names->dense[id]);
      names->dense[id] = name;
      return;
    }
  if (g_hash_table_steal_extended (names->sparse, &id, &old_key, &old_name))
    {
      g_free (old_key);
      g_ptr_array_add (store->retired, old_name);
    }
  g_hash_table_insert (names->sparse, g_memdup2 (&id, sizeof id), name);
}

/*
 * cocrea_contribution_store_reload_name:
 * Reads the name of activity (or, with @group, table group) @id again,
 * after an edit added or renamed it; a row filled after this shows the
 * new name. FALSE with @error set on a database failure; an id that is
 * gone keeps its old name (its rows are gone too).
 */
gboolean
cocrea_contribution_store_reload_name (CocreaContributionStore *store, sqlite3 *db,
                                       gboolean group, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, group ? "SELECT name FROM table_group WHERE id = ?"
                                      : "SELECT name FROM activity WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *valid = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 0));

      names_set (store, group ? &store->groups : &store->activities, id,
                 g_ref_string_new (valid != NULL ? valid : ""));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Points @row's activity and group names at the store's, from its ids. */
void
cocrea_contribution_store_fill_names (CocreaContributionStore *store, CocreaContributionRow *row)
{
  row->activity_name = names_lookup (&store->activities, row->activity_id);
  row->group_name = row->group_id != 0 ? names_lookup (&store->groups, row->group_id) : NULL;
}

/* The store's shared copy of @area, or NULL for none. */
const char *
cocrea_contribution_store_intern_area (CocreaContributionStore *store, const char *area)
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

/* Copies @len bytes of @text and then its folded form into @store;
 * points @row at both. */
void
cocrea_contribution_store_add_text (CocreaContributionStore *store, CocreaContributionRow *row,
                                    const char *text, gsize len)
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
 * cocrea_contribution_row_matches:
 * TRUE when every word of @words occurs in @folded, or is @id written
 * in digits. The one matching rule of cocrea_contribution_matches() and
 * cocrea_contribution_list_filter(). No allocation: it runs once per row
 * per keystroke.
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
