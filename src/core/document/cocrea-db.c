/* cocrea-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-error.h"
#include "cocrea-file.h"

/*
 * cocrea_db_set_error:
 * Sets @error from SQLite result @rc on @db, prefixed by @context (a short
 * translated phrase saying what was being done). Corruption maps to
 * COCREA_ERROR_DAMAGED, a full disk and I/O failures to COCREA_ERROR_IO,
 * a busy file to COCREA_ERROR_LOCKED, a read-only file to
 * COCREA_ERROR_READ_ONLY, a broken constraint to COCREA_ERROR_INVALID;
 * anything else is COCREA_ERROR_DATABASE. An I/O failure says why when
 * the system told SQLite (a file size limit, a removed disk…).
 */
void
cocrea_db_set_error (GError **error, sqlite3 *db, int rc, const char *context)
{
  CocreaError code = COCREA_ERROR_DATABASE;
  const char *detail;
  g_autofree char *why = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = COCREA_ERROR_DAMAGED;
      detail = _("the file is damaged");
      break;
    case SQLITE_FULL:
      code = COCREA_ERROR_IO;
      detail = _("the disk is full");
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      code = COCREA_ERROR_IO;
      detail = _("the file could not be read or written");
      if (db != NULL && sqlite3_system_errno (db) != 0 && sqlite3_db_filename (db, "main") != NULL)
        {
          g_autofree char *reason = cocrea_file_error_reason (sqlite3_system_errno (db),
                                                              sqlite3_db_filename (db, "main"));
          /* TRANSLATORS: "the file could not be read or written: the disk is full" */
          detail = why = g_strdup_printf (_("the file could not be read or written: %s"), reason);
        }
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = COCREA_ERROR_LOCKED;
      detail = _("another program is writing to the file");
      break;
    case SQLITE_READONLY:
      code = COCREA_ERROR_READ_ONLY;
      detail = _("the file is read-only");
      break;
    case SQLITE_CONSTRAINT:
      code = COCREA_ERROR_INVALID;
      detail = _("the change breaks a rule of the process file");
      break;
    default:
      detail = _("the process file could not be read or written");
      break;
    }

  /* SQLite's own words are English and technical: keep them for debugging. */
  g_debug ("SQLite error %d: %s", rc, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  if (context != NULL)
    g_set_error (error, COCREA_ERROR, code, "%s: %s", context, detail);
  else
    g_set_error_literal (error, COCREA_ERROR, code, detail);
}

/* Runs one or more statements that return no rows. */
gboolean
cocrea_db_exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Prepares @sql, or returns NULL with @error set. */
sqlite3_stmt *
cocrea_db_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return stmt;
}

/* Steps @stmt once, expecting it to finish (SQLITE_DONE). */
gboolean
cocrea_db_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql, which must return one row whose first column is an integer. */
gboolean
cocrea_db_query_int (sqlite3 *db, const char *sql, gint64 *value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * cocrea_db_collect:
 * @db: the connection of @stmt
 * @stmt: a prepared, bound statement, not yet stepped
 * @row_func: reads one row
 * @user_data: for @row_func
 * @free_func: (nullable): frees what @row_func returns
 * @error: return location for a #CocreaError
 *
 * The one SQLite step loop: steps @stmt to its end and keeps, in order,
 * what @row_func returns for each row (skipping NULLs). A @row_func that
 * fills a structure of its own may return NULL for every row; the empty
 * array then only says the loop succeeded. A @row_func that refuses a
 * row sets its error, which ends the loop.
 *
 * Returns: (transfer full): the items, or NULL with @error set when a
 *   step fails or @row_func refuses a row (the items kept so far are
 *   freed)
 */
GPtrArray *
cocrea_db_collect (sqlite3 *db, sqlite3_stmt *stmt, CocreaDbRowFunc row_func,
                   gpointer user_data, GDestroyNotify free_func, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  g_return_val_if_fail (stmt != NULL && row_func != NULL, NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GError) refused = NULL;
      gpointer item = row_func (stmt, user_data, &refused);

      if (item != NULL)
        g_ptr_array_add (items, item);
      else if (refused != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/*
 * cocrea_db_collect_model:
 * As cocrea_db_collect(), with @row_func making a new object of
 * @item_type per row (or NULL to skip it): returns them as a #GListStore,
 * filled in one splice, or NULL with @error set.
 */
GListModel *
cocrea_db_collect_model (sqlite3 *db, sqlite3_stmt *stmt, GType item_type,
                         CocreaDbRowFunc row_func, gpointer user_data, GError **error)
{
  g_autoptr (GPtrArray) items = cocrea_db_collect (db, stmt, row_func, user_data,
                                                   g_object_unref, error);
  GListStore *store;

  if (items == NULL)
    return NULL;
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

struct _CocreaDbRead {
  sqlite3 *db;
  gboolean own; /* it began the transaction, so it ends it */
};

/*
 * cocrea_db_read_begin:
 * Begins a read transaction on @db unless one is open, and returns the
 * guard that ends it (cocrea_db_read_end(), which g_autoptr calls); NULL
 * with @error set when it cannot begin (a busy file).
 */
CocreaDbRead *
cocrea_db_read_begin (sqlite3 *db, GError **error)
{
  CocreaDbRead *read;
  gboolean own = sqlite3_get_autocommit (db) != 0;

  if (own && !cocrea_db_exec (db, "BEGIN", error))
    return NULL;
  read = g_new (CocreaDbRead, 1);
  read->db = db;
  read->own = own;
  return read;
}

/* Ends the read transaction @read began, if it began one. Nothing was
 * written in it, so it is rolled back. */
void
cocrea_db_read_end (CocreaDbRead *read)
{
  if (read == NULL)
    return;
  if (read->own)
    sqlite3_exec (read->db, "ROLLBACK", NULL, NULL, NULL);
  g_free (read);
}

/* Binds @text, or "" when NULL: text columns are NOT NULL in the schema. */
void
cocrea_db_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/*
 * cocrea_db_bind_ids:
 * Binds @n_ids ids as one JSON array, for a query that reads a set of
 * rows by id in one statement: "WHERE id IN (SELECT value FROM json_each
 * (?))", which SQLite answers with one lookup per id.
 */
void
cocrea_db_bind_ids (sqlite3_stmt *stmt, int index, const gint64 *ids, guint n_ids)
{
  GString *json = g_string_sized_new (2 + n_ids * 8);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  sqlite3_bind_text (stmt, index, g_string_free (json, FALSE), -1, g_free);
}

/*
 * cocrea_db_bind_static_text:
 * Binds @length bytes of @text (-1: up to its NUL) without SQLite copying
 * them: for bulk inserts, where the copy of every cell was a tenth of the
 * work. @text must stay unchanged until the statement has been stepped and
 * its bindings cleared (sqlite3_clear_bindings()).
 */
void
cocrea_db_bind_static_text (sqlite3_stmt *stmt, int index, const char *text, int length)
{
  sqlite3_bind_text (stmt, index, text, length, SQLITE_STATIC);
}

/*
 * cocrea_db_configure_library:
 * Global SQLite settings, applied once before the first connection opens.
 * Memory statistics are off: nothing reads them, and keeping them takes a
 * global mutex on every allocation, which an import makes millions of.
 * Another library in the process may have started SQLite first; then the
 * setting is refused and the defaults stay, which is harmless.
 */
void
cocrea_db_configure_library (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/* Binds a date, or SQL NULL for a NULL or empty @date (unknown date). */
void
cocrea_db_bind_date (sqlite3_stmt *stmt, int index, const char *date)
{
  if (date == NULL || *date == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, date, -1, SQLITE_TRANSIENT);
}

/* Returns the current UTC time as ISO 8601, the form every timestamp takes. */
char *
cocrea_db_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

#define UID_LENGTH 24

/* Writes a new row identity, UID_LENGTH hex digits and a NUL, to @out:
 * 64 random bits drawn once per run from the operating system (through
 * SQLite), then a counter. The shared prefix keeps a run's new rows side
 * by side in the uid indexes, so an import of 100,000 rows does not
 * scatter its writes. Written by hand: an import makes a uid per row,
 * and printf was 3 % of it. */
static void
new_uid_to (char out[UID_LENGTH + 1])
{
  static const char digits[] = "0123456789abcdef";
  static gsize prefix_set = 0;
  static char prefix[16];
  static gint counter = 0;
  guint count;

  if (g_once_init_enter (&prefix_set))
    {
      guint64 random;

      sqlite3_initialize ();
      sqlite3_randomness (sizeof random, &random);
      for (int i = 15; i >= 0; i--, random >>= 4)
        prefix[i] = digits[random & 0xf];
      g_once_init_leave (&prefix_set, 1);
    }
  count = (guint) g_atomic_int_add (&counter, 1);
  memcpy (out, prefix, sizeof prefix);
  for (int i = UID_LENGTH - 1; i >= 16; i--, count >>= 4)
    out[i] = digits[count & 0xf];
  out[UID_LENGTH] = '\0';
}

/*
 * cocrea_db_new_uid:
 * Returns a new row identity (24 hex digits) that no other program run,
 * on this laptop or another, will also return (see new_uid_to()).
 */
char *
cocrea_db_new_uid (void)
{
  char uid[UID_LENGTH + 1];

  new_uid_to (uid);
  return g_strdup (uid);
}

static void
uid_function (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  char uid[UID_LENGTH + 1];

  new_uid_to (uid);
  sqlite3_result_text (context, uid, UID_LENGTH, SQLITE_TRANSIENT);
}

/*
 * cocrea_db_register_functions:
 * Adds cocrea_uid(), which returns cocrea_db_new_uid(), to @db, so every
 * INSERT gives its row an identity in SQL. It is direct-only: a schema
 * object cannot call it, and files stay readable by any SQLite tool.
 */
gboolean
cocrea_db_register_functions (sqlite3 *db, GError **error)
{
  int rc = sqlite3_create_function_v2 (db, "cocrea_uid", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                       NULL, uid_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}
