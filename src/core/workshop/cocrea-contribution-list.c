/* cocrea-contribution-list.c
 *
 * A process can hold 100,000 contributions, and the capture page lists
 * and filters them as one types. A GListStore of 100,000 GObjects costs
 * more to build than the query that feeds it, so this model keeps the
 * rows of one scan in a plain array, and their strings in a
 * #CocreaContributionStore (cocrea-contribution-store.c).
 *
 * get_item() wraps a row in a #CocreaContribution the first time it is
 * asked for, and keeps it: a GtkFilterListModel asks for every item on
 * every keystroke, and creating 100,000 GObjects per keystroke costs
 * twice the frame budget. Items borrow the strings and hold a reference
 * on the store, not on the list, so the list's cache makes no cycle and
 * an item may outlive its list.
 *
 * The list is a snapshot until told what an edit changed
 * (cocrea_contribution_list_apply()): then it reads those rows only and
 * says which positions changed, so a view of 100,000 rows follows a
 * merge of five without reading the others again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-contribution-list.h"
#include "cocrea-contribution-private.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-ids.h"
#include "cocrea-record-changes.h"

struct _CocreaContributionList {
  GObject parent_instance;

  CocreaContributionStore *store;
  gint64 activity_id;           /* what it lists: 0 for any activity */
  gint64 group_id;              /* 0 for any group */
  GArray *rows;                 /* CocreaContributionRow, by id */
  GPtrArray *items;             /* CocreaContribution or NULL: made on demand, one per row */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CocreaContributionList, cocrea_contribution_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define ROW(self, i) (&g_array_index ((self)->rows, CocreaContributionRow, (i)))

/* The columns read_row() reads, and the filter of a list. */
#define ROW_QUERY                                                                           \
  "SELECT id, activity_id, coalesce (group_id, 0), origin, text, area, axes,"              \
  " coalesce (proposal_id, 0) FROM contribution"
#define LIST_FILTER "(?1 = 0 OR activity_id = ?1) AND (?2 = 0 OR group_id = ?2)"

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
  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] = cocrea_contribution_new_borrowed (self->store,
                                                                     ROW (self, position));
  return g_object_ref (self->items->pdata[position]);
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

  for (guint i = 0; i < self->items->len; i++)
    g_clear_object (&self->items->pdata[i]);
  g_clear_pointer (&self->items, g_ptr_array_unref);
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
  self->items = g_ptr_array_new ();
}

/* What a scan remembers from row to row: origins and areas repeat, so
 * they are parsed and interned on change only. */
typedef struct {
  char *last_origin;
  CocreaOrigin origin;
  const char *last_area;
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->last_origin, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scan, scan_clear)

/* Fills @row from the current row of a ROW_QUERY statement, its strings
 * in @store. */
static void
read_row (CocreaContributionStore *store, Scan *scan, sqlite3_stmt *stmt,
          CocreaContributionRow *row)
{
  const char *origin_text = (const char *) sqlite3_column_text (stmt, 3);
  const char *text = (const char *) sqlite3_column_text (stmt, 4);
  const char *area = (const char *) sqlite3_column_text (stmt, 5);

  memset (row, 0, sizeof *row);
  row->id = sqlite3_column_int64 (stmt, 0);
  row->activity_id = sqlite3_column_int64 (stmt, 1);
  row->group_id = sqlite3_column_int64 (stmt, 2);
  cocrea_contribution_store_fill_names (store, row);

  if (scan->last_origin == NULL || g_strcmp0 (origin_text, scan->last_origin) != 0)
    {
      g_free (scan->last_origin);
      scan->last_origin = g_strdup (origin_text != NULL ? origin_text : "");
      if (!cocrea_origin_from_text (origin_text, &scan->origin))
        scan->origin = COCREA_ORIGIN_COMMUNITY;
    }
  row->origin = scan->origin;
  if (area == NULL || scan->last_area == NULL || strcmp (area, scan->last_area) != 0)
    scan->last_area = cocrea_contribution_store_intern_area (store, area);
  row->area = scan->last_area;
  row->axes = sqlite3_column_int (stmt, 6);
  row->proposal_id = sqlite3_column_int64 (stmt, 7);
  /* Bytes that are not UTF-8 (a file from another program) are replaced,
   * not passed on to labels and exports; the check is cheap next to the
   * folding the store does. */
  if (text != NULL && !g_utf8_validate (text, sqlite3_column_bytes (stmt, 4), NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, sqlite3_column_bytes (stmt, 4));
      cocrea_contribution_store_add_text (store, row, valid, strlen (valid));
    }
  else
    cocrea_contribution_store_add_text (store, row, text != NULL ? text : "",
                                        sqlite3_column_bytes (stmt, 4));
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
  g_autoptr (CocreaContributionStore) store = cocrea_contribution_store_new ();
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_auto (Scan) scan = { NULL, COCREA_ORIGIN_COMMUNITY, NULL };
  int rc;

  if (!cocrea_contribution_store_load_names (store, db, error))
    return NULL;

  stmt = cocrea_db_prepare (db, ROW_QUERY " WHERE " LIST_FILTER " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  self->activity_id = activity_id;
  self->group_id = group_id;

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
      CocreaContributionRow row;

      read_row (store, &scan, stmt, &row);
      g_array_append_val (self->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }

  self->store = g_steal_pointer (&store);
  g_ptr_array_set_size (self->items, self->rows->len);
  return g_steal_pointer (&self);
}

/* ---- following edits ---- */

/* The position of the first row whose id is not below @id. */
static guint
lower_bound (CocreaContributionList *self, gint64 id)
{
  guint lo = 0, hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ROW (self, mid)->id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The position of row @id, or G_MAXUINT. */
static guint
find_row (CocreaContributionList *self, gint64 id)
{
  guint at = lower_bound (self, id);

  return at < self->rows->len && ROW (self, at)->id == id ? at : G_MAXUINT;
}

static void
remove_row (CocreaContributionList *self, guint position)
{
  g_clear_object (&self->items->pdata[position]);
  g_ptr_array_remove_index (self->items, position);
  g_array_remove_index (self->rows, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* Shows row @position anew: its item is made again on demand, so views
 * bind it again (a view keeps the widget of an item it sees again). */
static void
renew_row (CocreaContributionList *self, guint position)
{
  g_clear_object (&self->items->pdata[position]);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* Picks a row to show anew, and may change it first. */
typedef gboolean (*RowPick) (CocreaContributionList *self, CocreaContributionRow *row,
                             gconstpointer data);

/* Shows anew the rows @pick picks, as one change per run of neighbouring
 * rows: renaming an activity touches thousands. */
static void
renew_picked (CocreaContributionList *self, RowPick pick, gconstpointer data)
{
  guint run = 0;

  for (guint i = 0; i <= self->rows->len; i++)
    {
      if (i < self->rows->len && pick (self, ROW (self, i), data))
        {
          g_clear_object (&self->items->pdata[i]);
          run++;
          continue;
        }
      if (run > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), i - run, run, run);
      run = 0;
    }
}

/* Puts @row where its id goes: in its place when it is listed, else
 * inserted in id order. */
static void
put_row (CocreaContributionList *self, const CocreaContributionRow *row)
{
  guint at = lower_bound (self, row->id);

  if (at < self->rows->len && ROW (self, at)->id == row->id)
    {
      *ROW (self, at) = *row;
      renew_row (self, at);
      return;
    }
  g_array_insert_val (self->rows, at, *row);
  g_ptr_array_insert (self->items, at, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, 1);
}

/* Above this many rows in or out, one merge of the old rows with the new
 * and one "items-changed" over the span they touch replace a change per
 * row, each of which moves the rows after it (an undone import). */
#define MAX_ROW_MOVES 16

/*
 * replace_rows:
 * Makes the rows those of @self with the ids in @gone (ascending) left
 * out and @fresh (ascending by id) put in or over theirs, in one pass,
 * and reports it as one change over the positions from the first row
 * that differs to the last. Rows outside @gone and @fresh keep their
 * items.
 */
static void
replace_rows (CocreaContributionList *self, GArray *gone, GArray *fresh)
{
  guint old_len = self->rows->len;
  g_autoptr (GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (CocreaContributionRow),
                                               old_len + fresh->len);
  g_autoptr (GPtrArray) items = g_ptr_array_sized_new (old_len + fresh->len);
  guint i = 0, f = 0, g = 0, first = G_MAXUINT, tail = 0;

  while (i < old_len || f < fresh->len)
    {
      const CocreaContributionRow *old = i < old_len ? ROW (self, i) : NULL;
      const CocreaContributionRow *row = f < fresh->len
                                           ? &g_array_index (fresh, CocreaContributionRow, f)
                                           : NULL;

      while (old != NULL && g < gone->len && g_array_index (gone, gint64, g) < old->id)
        g++;
      if (old != NULL && (row == NULL || old->id < row->id))
        {
          if (g < gone->len && g_array_index (gone, gint64, g) == old->id)
            {
              g_clear_object (&self->items->pdata[i]);
              first = MIN (first, rows->len);
            }
          else
            {
              g_array_append_val (rows, *old);
              g_ptr_array_add (items, g_steal_pointer (&self->items->pdata[i]));
            }
          i++;
          continue;
        }
      /* A fresh row, new or over the old one with its id. */
      if (old != NULL && old->id == row->id)
        {
          g_clear_object (&self->items->pdata[i]);
          i++;
        }
      first = MIN (first, rows->len);
      g_array_append_val (rows, *row);
      g_ptr_array_add (items, NULL);
      f++;
    }

  if (first == G_MAXUINT)
    return;
  /* Rows after the last change are the same rows: leave them out of it. */
  while (tail < old_len - first && tail < rows->len - first &&
         ROW (self, old_len - 1 - tail)->id == g_array_index (rows, CocreaContributionRow,
                                                              rows->len - 1 - tail).id &&
         g_ptr_array_index (items, rows->len - 1 - tail) != NULL)
    tail++;

  g_array_unref (self->rows);
  self->rows = g_steal_pointer (&rows);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), first, old_len - first - tail,
                              self->rows->len - first - tail);
}

/* Takes the contributions @changes reports: removed rows go, added and
 * changed ones are read again (one statement for them all) and go in,
 * out or stay as the list's activity and group say. */
static gboolean
apply_contributions (CocreaContributionList *self, sqlite3 *db, const CocreaRecordChanges *changes,
                     GError **error)
{
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) fresh = g_array_new (FALSE, FALSE, sizeof (CocreaContributionRow));
  g_autoptr (GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_auto (Scan) scan = { NULL, COCREA_ORIGIN_COMMUNITY, NULL };
  const gint64 *ids;
  guint n, next = 0, moves = 0;
  int rc;

  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_ADDED, &n);
  g_array_append_vals (wanted, ids, n);
  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_CHANGED, &n);
  g_array_append_vals (wanted, ids, n);

  if (wanted->len > 0)
    {
      stmt = cocrea_db_prepare (db, ROW_QUERY " WHERE " LIST_FILTER
                                " AND id IN (SELECT value FROM json_each (?3)) ORDER BY id",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->activity_id);
      sqlite3_bind_int64 (stmt, 2, self->group_id);
      cocrea_db_bind_ids (stmt, 3, (const gint64 *) wanted->data, wanted->len);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CocreaContributionRow row;

          read_row (self->store, &scan, stmt, &row);
          g_array_append_val (fresh, row);
          if (find_row (self, row.id) == G_MAXUINT)
            moves++;
        }
      if (rc != SQLITE_DONE)
        {
          cocrea_db_set_error (error, db, rc, NULL);
          return FALSE;
        }
    }

  /* What goes: removed rows, and changed ones the list no longer shows
   * (moved to another group). Ascending, as @changes has them. */
  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_REMOVED, &n);
  for (guint i = 0; i < n; i++)
    if (find_row (self, ids[i]) != G_MAXUINT)
      g_array_append_val (gone, ids[i]);
  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_CHANGED, &n);
  for (guint i = 0; i < n; i++)
    {
      while (next < fresh->len && g_array_index (fresh, CocreaContributionRow, next).id < ids[i])
        next++;
      if ((next >= fresh->len || g_array_index (fresh, CocreaContributionRow, next).id != ids[i]) &&
          find_row (self, ids[i]) != G_MAXUINT)
        g_array_append_val (gone, ids[i]);
    }
  if (gone->len > 0)
    g_array_sort (gone, cocrea_ids_compare);
  moves += gone->len;

  /* New rows past the last one (an import, a capture) come as one change. */
  if (gone->len == 0 && fresh->len > 0 && moves == fresh->len &&
      (self->rows->len == 0 ||
       g_array_index (fresh, CocreaContributionRow, 0).id > ROW (self, self->rows->len - 1)->id))
    {
      guint first = self->rows->len;

      g_array_append_vals (self->rows, fresh->data, fresh->len);
      g_ptr_array_set_size (self->items, self->rows->len);
      g_list_model_items_changed (G_LIST_MODEL (self), first, 0, fresh->len);
      return TRUE;
    }
  if (moves > MAX_ROW_MOVES)
    {
      replace_rows (self, gone, fresh);
      return TRUE;
    }
  for (guint i = gone->len; i > 0; i--)
    remove_row (self, find_row (self, g_array_index (gone, gint64, i - 1)));
  for (guint i = 0; i < fresh->len; i++)
    put_row (self, &g_array_index (fresh, CocreaContributionRow, i));
  return TRUE;
}

/* A row of a renamed activity, its name taken again. */
static gboolean
pick_renamed_activity (CocreaContributionList *self, CocreaContributionRow *row,
                       gconstpointer changes)
{
  if (!cocrea_record_changes_has (changes, COCREA_CHANGE_CHANGED, row->activity_id))
    return FALSE;
  cocrea_contribution_store_fill_names (self->store, row);
  return TRUE;
}

/* A row of a renamed group, its name taken again. */
static gboolean
pick_renamed_group (CocreaContributionList *self, CocreaContributionRow *row,
                    gconstpointer changes)
{
  if (row->group_id == 0 ||
      !cocrea_record_changes_has (changes, COCREA_CHANGE_CHANGED, row->group_id))
    return FALSE;
  cocrea_contribution_store_fill_names (self->store, row);
  return TRUE;
}

/* Takes renamed (or new) activities or groups: their names are read
 * again and the rows showing them are shown anew. */
static gboolean
apply_names (CocreaContributionList *self, sqlite3 *db, const CocreaRecordChanges *changes,
             gboolean group, GError **error)
{
  g_autoptr (GArray) renamed = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *ids;
  guint n;

  for (CocreaChange c = COCREA_CHANGE_ADDED; c <= COCREA_CHANGE_CHANGED; c++)
    {
      ids = cocrea_record_changes_get_ids (changes, c, &n);
      for (guint i = 0; i < n; i++)
        if (!cocrea_contribution_store_reload_name (self->store, db, group, ids[i], error))
          return FALSE;
      if (c == COCREA_CHANGE_CHANGED)
        g_array_append_vals (renamed, ids, n);
    }
  if (renamed->len > 0)
    renew_picked (self, group ? pick_renamed_group : pick_renamed_activity, changes);
  return TRUE;
}

/**
 * cocrea_contribution_list_apply:
 * @self: a list
 * @document: the document it was read from
 * @changes: what an edit of @document changed
 *   (#CocreaDocument::records-changed)
 * @error: return location for a #CocreaError
 *
 * Makes the list show @document as it is after the edit, reading only
 * what changed: contributions added, changed or removed (those of another
 * activity or group than the list's are left out), activities and groups
 * renamed. Other kinds are ignored. Each row that changes is reported by
 * "items-changed" at its position, and gets a new item (views bind it
 * again); the others keep theirs. Strings a change replaced stay in the
 * list's memory until it is freed.
 *
 * Returns: %TRUE on success; on a database failure %FALSE with @error
 *   set, and the list may be out of date: list again
 */
gboolean
cocrea_contribution_list_apply (CocreaContributionList *self, CocreaDocument *document,
                                const CocreaRecordChanges *changes, GError **error)
{
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_LIST (self), FALSE);
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  db = cocrea_document_get_db (document);
  switch (cocrea_record_changes_get_kind (changes))
    {
    case COCREA_RECORD_CONTRIBUTION:
      return apply_contributions (self, db, changes, error);
    case COCREA_RECORD_ACTIVITY:
      return apply_names (self, db, changes, FALSE, error);
    case COCREA_RECORD_GROUP:
      return apply_names (self, db, changes, TRUE, error);
    default:
      return TRUE;
    }
}

typedef struct {
  const gint64 *ids;
  guint n_ids;
} IdSet;

/* A row merged into one of the proposals of the IdSet. */
static gboolean
pick_in_proposals (CocreaContributionList *self, CocreaContributionRow *row, gconstpointer data)
{
  const IdSet *set = data;

  return row->proposal_id != 0 &&
         cocrea_ids_find (set->ids, set->n_ids, row->proposal_id) != G_MAXUINT;
}

/**
 * cocrea_contribution_list_renew_proposals:
 * @self: a list
 * @proposal_ids: (array length=n_ids): proposals, ascending
 * @n_ids: how many
 *
 * Shows anew the rows of contributions merged into any of @proposal_ids,
 * for a view that shows something of their proposal (its title, which a
 * merge of proposals or a new title changes) that the rows do not hold.
 */
void
cocrea_contribution_list_renew_proposals (CocreaContributionList *self,
                                          const gint64 *proposal_ids, guint n_ids)
{
  IdSet set = { proposal_ids, n_ids };

  g_return_if_fail (COCREA_IS_CONTRIBUTION_LIST (self));

  if (n_ids > 0)
    renew_picked (self, pick_in_proposals, &set);
}

/* The id of the contribution at @position, without making its item; 0
 * past the end. */
gint64
cocrea_contribution_list_get_id (CocreaContributionList *self, guint position)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_LIST (self), 0);

  if (position >= self->rows->len)
    return 0;
  return ROW (self, position)->id;
}

/* TRUE when the row at @position matches @words, as
 * cocrea_contribution_list_filter() decides; FALSE past the end. */
gboolean
cocrea_contribution_list_matches (CocreaContributionList *self, guint position,
                                  const char * const *words)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_LIST (self), FALSE);

  if (position >= self->rows->len)
    return FALSE;
  return cocrea_contribution_row_matches (ROW (self, position)->folded, ROW (self, position)->id,
                                          words);
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
      const CocreaContributionRow *row = ROW (self, i);

      if (cocrea_contribution_row_matches (row->folded, row->id, words))
        positions[n++] = i;
    }
  return n;
}

/*
 * cocrea_contribution_list:
 * Returns the contributions of activity @activity_id and group @group_id
 * (0 for any), in the order they were recorded, as a list of
 * #CocreaContribution (a #CocreaContributionList, whose
 * cocrea_contribution_list_filter() filters without creating items);
 * NULL with @error set on failure.
 */
GListModel *
cocrea_contribution_list (CocreaDocument *document, gint64 activity_id, gint64 group_id,
                          GError **error)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  return G_LIST_MODEL (cocrea_contribution_list_new (document, activity_id, group_id, error));
}
