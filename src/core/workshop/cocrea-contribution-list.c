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
 * The list is a snapshot: it never changes, a caller lists again after
 * an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-contribution-list.h"
#include "cocrea-contribution-private.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"

struct _CocreaContributionList {
  GObject parent_instance;

  CocreaContributionStore *store;
  GArray *rows;                 /* CocreaContributionRow */
  CocreaContribution **items;   /* created on demand, rows->len of them */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CocreaContributionList, cocrea_contribution_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

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
  g_autofree char *last_origin = NULL;
  const char *last_area = NULL;
  CocreaOrigin origin = COCREA_ORIGIN_COMMUNITY;
  int rc;

  if (!cocrea_contribution_store_load_names (store, db, error))
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
      cocrea_contribution_store_fill_names (store, &row);

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
        last_area = cocrea_contribution_store_intern_area (store, area);
      row.area = last_area;
      row.axes = sqlite3_column_int (stmt, 6);
      row.proposal_id = sqlite3_column_int64 (stmt, 7);
      /* Bytes that are not UTF-8 (a file from another program) are replaced,
       * not passed on to labels and exports; the check is cheap next to the
       * folding the store does. */
      if (text != NULL && !g_utf8_validate (text, sqlite3_column_bytes (stmt, 4), NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (text, sqlite3_column_bytes (stmt, 4));
          cocrea_contribution_store_add_text (store, &row, valid, strlen (valid));
        }
      else
        cocrea_contribution_store_add_text (store, &row, text != NULL ? text : "", sqlite3_column_bytes (stmt, 4));

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
