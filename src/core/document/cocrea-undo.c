/* cocrea-undo.c
 *
 * An undo record is a set of row images: for each (table, id) an edit
 * touched, the row's full content before the edit, or "absent" if the
 * edit created it. Applying it is generic: delete what was absent
 * (children first), upsert what was present (parents first), with foreign
 * keys checked at commit so the order of rows within a table does not
 * matter. Before writing, the same rows are captured as they are now,
 * which is the redo record: undo and redo are the same operation.
 *
 * Rows are read with SELECT *, so a column added by a later schema step is
 * restored without touching this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-search-index.h"
#include "cocrea-undo-private.h"

/* How each table is reached: by its id, or (score) by its rowid, with the
 * key an upsert finds an existing row by. */
typedef struct {
  const char *name;
  const char *key;      /* the column a row is captured and deleted by */
  const char *select;   /* what a capture reads: the whole row, its key first */
  const char *conflict; /* the upsert's conflict target */
} TableInfo;

#define BY_ID(table) { table, "id", "*", "id" }

static const TableInfo tables[COCREA_UNDO_N_TABLES] = {
  [COCREA_UNDO_ACTIVITY] = BY_ID ("activity"),
  [COCREA_UNDO_GROUP] = BY_ID ("table_group"),
  [COCREA_UNDO_PROPOSAL] = BY_ID ("proposal"),
  [COCREA_UNDO_CONTRIBUTION] = BY_ID ("contribution"),
  [COCREA_UNDO_EVALUATOR] = BY_ID ("evaluator"),
  [COCREA_UNDO_SCORE] = { "score", "rowid", "rowid, *", "evaluator_id, proposal_id, criterion_id" },
  [COCREA_UNDO_COMMITMENT] = BY_ID ("commitment"),
  [COCREA_UNDO_MILESTONE] = BY_ID ("milestone"),
  [COCREA_UNDO_CONTACT] = BY_ID ("contact"),
  [COCREA_UNDO_ACTOR] = BY_ID ("actor"),
  [COCREA_UNDO_MILESTONE_PROGRESS] = BY_ID ("milestone_progress"),
  [COCREA_UNDO_CONSULTATION_COMMENT] = BY_ID ("consultation_comment"),
  [COCREA_UNDO_CONTRIBUTION_SOURCE] = BY_ID ("contribution_source"),
  [COCREA_UNDO_COMMITMENT_COMPLETION] = BY_ID ("commitment_completion"),
  [COCREA_UNDO_PLAN_REVISION] = BY_ID ("plan_revision"),
  [COCREA_UNDO_SYNC_REPLICA] = BY_ID ("sync_replica"),
  [COCREA_UNDO_SYNC_SEEN] = BY_ID ("sync_seen"),
};

/* Rows that belong to a row of another table and go with it (ON DELETE
 * CASCADE) without any edit naming them: where a contribution came from,
 * a commitment's completion level, the revisions a comment caused. An
 * edit that captures the owner captures them too, so undoing a deletion
 * brings them back and no edit has to know they exist. */
static const struct {
  CocreaUndoTable owner;
  CocreaUndoTable table;
  const char *column; /* of @table, holding the owner's id */
} companions[] = {
  { COCREA_UNDO_CONTRIBUTION, COCREA_UNDO_CONTRIBUTION_SOURCE, "contribution_id" },
  { COCREA_UNDO_COMMITMENT, COCREA_UNDO_COMMITMENT_COMPLETION, "commitment_id" },
  { COCREA_UNDO_COMMITMENT, COCREA_UNDO_PLAN_REVISION, "commitment_id" },
  { COCREA_UNDO_MILESTONE, COCREA_UNDO_PLAN_REVISION, "milestone_id" },
  { COCREA_UNDO_CONSULTATION_COMMENT, COCREA_UNDO_PLAN_REVISION, "comment_id" },
};

typedef struct {
  gint64 key;           /* id * COCREA_UNDO_N_TABLES + table, for the hash table */
  CocreaUndoTable table;
  gint64 id;
  int n_columns;        /* 0 when the row was absent */
  char **names;
  sqlite3_value **values;
} Row;

struct _CocreaUndo {
  GObject parent_instance;

  char *action;
  char *label;
  GPtrArray *rows;      /* of Row, in capture order */
  GHashTable *index;    /* &Row.key → Row */
};

G_DEFINE_FINAL_TYPE (CocreaUndo, cocrea_undo, G_TYPE_OBJECT)

static void
row_free (Row *row)
{
  for (int i = 0; i < row->n_columns; i++)
    sqlite3_value_free (row->values[i]);
  g_free (row->values);
  g_strfreev (row->names);
  g_free (row);
}

static void
cocrea_undo_finalize (GObject *object)
{
  CocreaUndo *self = COCREA_UNDO (object);

  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->rows);
  g_free (self->action);
  g_free (self->label);

  G_OBJECT_CLASS (cocrea_undo_parent_class)->finalize (object);
}

static void
cocrea_undo_class_init (CocreaUndoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cocrea_undo_finalize;
}

static void
cocrea_undo_init (CocreaUndo *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->index = g_hash_table_new (g_int64_hash, g_int64_equal);
}

/*
 * cocrea_undo_new:
 * An empty record for an edit whose audit-log key is @action ("merge")
 * and whose description for people is @label (translated, "Merge 3
 * contributions"), shown in the GUI's "Undo" toast.
 */
CocreaUndo *
cocrea_undo_new (const char *action, const char *label)
{
  CocreaUndo *self = g_object_new (COCREA_TYPE_UNDO, NULL);

  self->action = g_strdup (action);
  self->label = g_strdup (label);
  return self;
}

/* The audit-log key of the edit this record takes back. */
const char *
cocrea_undo_get_action (CocreaUndo *self)
{
  g_return_val_if_fail (COCREA_IS_UNDO (self), NULL);
  return self->action;
}

/* What the edit did, for people: "Merge 3 contributions". */
const char *
cocrea_undo_get_label (CocreaUndo *self)
{
  g_return_val_if_fail (COCREA_IS_UNDO (self), NULL);
  return self->label;
}

/* How many rows applying the record writes back. */
guint
cocrea_undo_get_n_rows (CocreaUndo *self)
{
  g_return_val_if_fail (COCREA_IS_UNDO (self), 0);
  return self->rows->len;
}

static gboolean capture_companions (CocreaUndo *self, sqlite3 *db, CocreaUndoTable table,
                                    const char *where, gint64 param, GError **error);

static gint64
row_key (CocreaUndoTable table, gint64 id)
{
  return id * COCREA_UNDO_N_TABLES + table;
}

static Row *
add_row (CocreaUndo *self, CocreaUndoTable table, gint64 id)
{
  Row *row = g_new0 (Row, 1);

  row->key = row_key (table, id);
  row->table = table;
  row->id = id;
  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->index, &row->key, row);
  return row;
}

/* Fills @row with the current result row of @stmt (a SELECT *). */
static gboolean
row_take_values (Row *row, sqlite3_stmt *stmt)
{
  int n = sqlite3_column_count (stmt);

  row->names = g_new0 (char *, n + 1);
  row->values = g_new0 (sqlite3_value *, n);
  for (int i = 0; i < n; i++)
    {
      row->names[i] = g_strdup (sqlite3_column_name (stmt, i));
      row->values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
      if (row->values[i] == NULL)
        return FALSE;
      row->n_columns = i + 1;
    }
  return TRUE;
}

/*
 * cocrea_undo_capture:
 * Records row @id of @table as it is now (or as absent), unless this
 * record already holds it. Call inside the edit, before changing the row.
 * Fails with the SQLite error.
 */
gboolean
cocrea_undo_capture (CocreaUndo *self, sqlite3 *db, CocreaUndoTable table, gint64 id,
                     GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 key = row_key (table, id);
  Row *row;
  int rc;

  g_return_val_if_fail (COCREA_IS_UNDO (self), FALSE);

  if (g_hash_table_contains (self->index, &key))
    return TRUE;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?", tables[table].select,
                         tables[table].name, tables[table].key);
  stmt = cocrea_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  row = add_row (self, table, id);
  if (rc == SQLITE_ROW && !row_take_values (row, stmt))
    rc = SQLITE_NOMEM;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return rc == SQLITE_DONE || capture_companions (self, db, table, "id = ?1", id, error);
}

/*
 * cocrea_undo_capture_absent:
 * Records that row @id of @table did not exist before the edit (the edit
 * just inserted it), so applying the record deletes it.
 */
void
cocrea_undo_capture_absent (CocreaUndo *self, CocreaUndoTable table, gint64 id)
{
  gint64 key = row_key (table, id);

  g_return_if_fail (COCREA_IS_UNDO (self));

  if (!g_hash_table_contains (self->index, &key))
    add_row (self, table, id);
}

/*
 * cocrea_undo_capture_where:
 * cocrea_undo_capture() for every row of @table matching @where, a
 * constant SQL condition with one parameter ?1 bound to @param.
 */
gboolean
cocrea_undo_capture_where (CocreaUndo *self, sqlite3 *db, CocreaUndoTable table,
                           const char *where, gint64 param, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (COCREA_IS_UNDO (self), FALSE);

  /* The key first, so it is column 0 whatever the table's layout. */
  sql = g_strdup_printf ("SELECT %s, %s FROM %s WHERE %s", tables[table].key,
                         tables[table].select, tables[table].name, where);
  stmt = cocrea_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 key = row_key (table, id);
      Row *row;
      int n;

      if (g_hash_table_contains (self->index, &key))
        continue;

      row = add_row (self, table, id);
      n = sqlite3_column_count (stmt) - 1;
      row->names = g_new0 (char *, n + 1);
      row->values = g_new0 (sqlite3_value *, n);
      for (int i = 0; i < n; i++)
        {
          row->names[i] = g_strdup (sqlite3_column_name (stmt, i + 1));
          row->values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i + 1));
          if (row->values[i] == NULL)
            {
              cocrea_db_set_error (error, db, SQLITE_NOMEM, NULL);
              return FALSE;
            }
          row->n_columns = i + 1;
        }
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return capture_companions (self, db, table, where, param, error);
}

/*
 * capture_companions:
 * Captures the companion rows (see companions[]) of every row of @table
 * matching @where, in one query per companion table.
 */
static gboolean
capture_companions (CocreaUndo *self, sqlite3 *db, CocreaUndoTable table, const char *where,
                    gint64 param, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *owned = NULL;

      if (companions[i].owner != table)
        continue;
      owned = g_strdup_printf ("%s IN (SELECT id FROM %s WHERE %s)", companions[i].column,
                               tables[table].name, where);
      if (!cocrea_undo_capture_where (self, db, companions[i].table, owned, param, error))
        return FALSE;
    }
  return TRUE;
}

/* Deleting a row makes SQLite delete or clear the rows that refer to it
 * (ON DELETE CASCADE / SET NULL): capture those too, so the redo record
 * brings them back. */
static gboolean
capture_dependents (CocreaUndo *inverse, sqlite3 *db, const Row *row, GError **error)
{
  switch (row->table)
    {
    case COCREA_UNDO_ACTIVITY:
      return cocrea_undo_capture_where (inverse, db, COCREA_UNDO_GROUP, "activity_id = ?1",
                                        row->id, error) &&
             cocrea_undo_capture_where (inverse, db, COCREA_UNDO_CONTRIBUTION,
                                        "activity_id = ?1", row->id, error);
    case COCREA_UNDO_GROUP:
      return cocrea_undo_capture_where (inverse, db, COCREA_UNDO_CONTRIBUTION, "group_id = ?1",
                                        row->id, error);
    case COCREA_UNDO_PROPOSAL:
      return cocrea_undo_capture_where (inverse, db, COCREA_UNDO_CONTRIBUTION,
                                        "proposal_id = ?1", row->id, error) &&
             cocrea_undo_capture_where (inverse, db, COCREA_UNDO_PROPOSAL,
                                        "merged_into_id = ?1", row->id, error) &&
             cocrea_undo_capture_where (inverse, db, COCREA_UNDO_SCORE, "proposal_id = ?1",
                                        row->id, error);
    case COCREA_UNDO_EVALUATOR:
      return cocrea_undo_capture_where (inverse, db, COCREA_UNDO_SCORE, "evaluator_id = ?1",
                                        row->id, error);
    case COCREA_UNDO_COMMITMENT:
      return cocrea_undo_capture_where (inverse, db, COCREA_UNDO_MILESTONE,
                                        "commitment_id = ?1", row->id, error) &&
             cocrea_undo_capture_where (inverse, db, COCREA_UNDO_MILESTONE_PROGRESS,
                                        "milestone_id IN (SELECT id FROM milestone"
                                        " WHERE commitment_id = ?1)", row->id, error) &&
             cocrea_undo_capture_where (inverse, db, COCREA_UNDO_CONTACT,
                                        "commitment_id = ?1", row->id, error) &&
             cocrea_undo_capture_where (inverse, db, COCREA_UNDO_ACTOR, "commitment_id = ?1",
                                        row->id, error) &&
             cocrea_undo_capture_where (inverse, db, COCREA_UNDO_CONSULTATION_COMMENT,
                                        "commitment_id = ?1", row->id, error);
    case COCREA_UNDO_MILESTONE:
      return cocrea_undo_capture_where (inverse, db, COCREA_UNDO_MILESTONE_PROGRESS,
                                        "milestone_id = ?1", row->id, error);
    case COCREA_UNDO_CONTRIBUTION:
    case COCREA_UNDO_CONTACT:
    case COCREA_UNDO_ACTOR:
    case COCREA_UNDO_MILESTONE_PROGRESS:
    case COCREA_UNDO_CONSULTATION_COMMENT:
    case COCREA_UNDO_CONTRIBUTION_SOURCE:
    case COCREA_UNDO_COMMITMENT_COMPLETION:
    case COCREA_UNDO_PLAN_REVISION:
    case COCREA_UNDO_SCORE:
    case COCREA_UNDO_SYNC_REPLICA:
    case COCREA_UNDO_SYNC_SEEN:
    case COCREA_UNDO_N_TABLES:
    default:
      return TRUE;
    }
}

/* Adds or removes the full-text entry of @row's record as it is now. */
static gboolean
index_row (sqlite3 *db, const Row *row, gboolean add, GError **error)
{
  if (row->table == COCREA_UNDO_CONTRIBUTION)
    return cocrea_index_contribution (db, row->id, add, error);
  if (row->table == COCREA_UNDO_PROPOSAL)
    return cocrea_index_proposal (db, row->id, add, error);
  return TRUE;
}

static gboolean
delete_row (sqlite3 *db, const Row *row, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?", tables[row->table].name,
                                          tables[row->table].key);
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  return cocrea_db_step_done (db, stmt, error);
}

/* Writes @row back with an upsert: an UPDATE of an existing row, never a
 * REPLACE, which would delete it first and cascade to its children. */
static gboolean
write_row (sqlite3 *db, const Row *row, GError **error)
{
  const TableInfo *info = &tables[row->table];
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_string_append_printf (sql, "INSERT INTO %s (", info->name);
  for (int i = 0; i < row->n_columns; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", row->names[i]);
  g_string_append (sql, ") VALUES (");
  for (int i = 0; i < row->n_columns; i++)
    g_string_append_printf (sql, "%s?%d", i > 0 ? ", " : "", i + 1);
  g_string_append_printf (sql, ") ON CONFLICT (%s) DO UPDATE SET ", info->conflict);
  for (int i = 0, n = 0; i < row->n_columns; i++)
    if (!g_str_equal (row->names[i], info->key) && !g_str_equal (row->names[i], "id"))
      g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", n++ > 0 ? ", " : "",
                              row->names[i], row->names[i]);

  stmt = cocrea_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < row->n_columns; i++)
    sqlite3_bind_value (stmt, i + 1, row->values[i]);
  return cocrea_db_step_done (db, stmt, error);
}

/**
 * cocrea_undo_apply:
 * @document: the process the record was made on, open for writing
 * @undo: a record returned by an edit, or by an earlier apply
 * @redo: (out) (optional): the record that takes this apply back
 * @error: return location for a #CocreaError
 *
 * Puts every row @undo holds back as it was, as one edit logged as
 * "undo": deleted activities come back with their groups and
 * contributions, ids and merge links; created rows go; the full-text
 * index follows. Rows changed since by other edits are overwritten only
 * where @undo holds them.
 *
 * Returns: %TRUE on success; on failure nothing changed (%COCREA_ERROR_READ_ONLY,
 *   or a database error such as a foreign key that no longer holds)
 */
gboolean
cocrea_undo_apply (CocreaDocument *document, CocreaUndo *undo, CocreaUndo **redo,
                   GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaUndo) inverse = NULL;
  g_autofree char *detail = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (COCREA_IS_UNDO (undo), FALSE);

  if (redo != NULL)
    *redo = NULL;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  inverse = cocrea_undo_new (undo->action, undo->label);

  for (guint i = 0; i < undo->rows->len; i++)
    if (!cocrea_undo_capture (inverse, db, ((Row *) undo->rows->pdata[i])->table,
                              ((Row *) undo->rows->pdata[i])->id, error))
      return FALSE;
  for (guint i = 0; i < undo->rows->len; i++)
    {
      Row *row = undo->rows->pdata[i];
      if (row->n_columns == 0 && !capture_dependents (inverse, db, row, error))
        return FALSE;
    }

  /* FTS5 removes an entry by its old text: remove every entry that may
   * change while the rows still hold it, and add them back at the end. */
  for (guint i = 0; i < inverse->rows->len; i++)
    {
      Row *row = inverse->rows->pdata[i];
      if (row->n_columns > 0 && !index_row (db, row, FALSE, error))
        return FALSE;
    }

  if (!cocrea_db_exec (db, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  for (int t = COCREA_UNDO_N_TABLES - 1; t >= 0; t--)
    for (guint i = 0; i < undo->rows->len; i++)
      {
        Row *row = undo->rows->pdata[i];
        if ((int) row->table == t && row->n_columns == 0 && !delete_row (db, row, error))
          return FALSE;
      }
  for (int t = 0; t < COCREA_UNDO_N_TABLES; t++)
    for (guint i = 0; i < undo->rows->len; i++)
      {
        Row *row = undo->rows->pdata[i];
        if ((int) row->table == t && row->n_columns > 0 && !write_row (db, row, error))
          return FALSE;
      }

  for (guint i = 0; i < inverse->rows->len; i++)
    if (!index_row (db, inverse->rows->pdata[i], TRUE, error))
      return FALSE;

  detail = g_strdup_printf ("{\"rows\": %u}", undo->rows->len);
  if (!cocrea_document_log (document, "undo", undo->action, detail, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;

  if (redo != NULL)
    *redo = g_steal_pointer (&inverse);
  return TRUE;
}
