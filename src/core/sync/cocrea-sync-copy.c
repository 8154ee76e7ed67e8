/* cocrea-sync-copy.c
 *
 * A capture copy is an ordinary process file: any Cocrea opens and edits
 * it. What makes it a copy is sync_origin (a replica id of its own, a
 * label, where capture opens) and sync_base (every row's hash as handed
 * out), which let it come back by cocrea_sync_compare(). It is written
 * beside its destination and renamed into place only once it is whole
 * and checked, so a full USB stick or a pulled cable leaves no half copy.
 *
 * A copy may keep one activity and some of its groups: the facilitator
 * of table 3 carries table 3 (and every proposal, to merge into and to be
 * suggested), not a national process. What is left out is not in the
 * base either, so it is never taken for deleted when the copy comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-sync-copy.h"
#include "cocrea-sync-rows-private.h"
#include "cocrea-text.h"

/* The ids of @ids as an SQL list "1, 2, 3" (they are integers). */
static char *
id_list (const gint64 *ids, guint n)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", ids[i]);
  return g_string_free (list, FALSE);
}

/* Fails with COCREA_ERROR_NOT_FOUND unless the activity and groups exist
 * and the groups belong to it. */
static gboolean
check_options (sqlite3 *db, const CocreaSyncCopyOptions *options, GError **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *list = NULL;
  gint64 n = 0;

  /* The label names the copy wherever it comes back (the preview, the
   * history): a name, with a name's limit. */
  if (!cocrea_text_check_length (options->label, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  if (options->activity_id == 0)
    {
      if (options->n_groups > 0)
        {
          g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                               _("Groups can only be chosen together with their activity"));
          return FALSE;
        }
      return TRUE;
    }
  sql = g_strdup_printf ("SELECT count (*) FROM activity WHERE id = %" G_GINT64_FORMAT,
                         options->activity_id);
  if (!cocrea_db_query_int (db, sql, &n, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND, _("There is no activity %lld"),
                   (long long) options->activity_id);
      return FALSE;
    }
  for (guint i = 0; i < options->n_groups; i++)
    {
      g_free (sql);
      sql = g_strdup_printf ("SELECT count (*) FROM table_group WHERE id = %" G_GINT64_FORMAT
                             " AND activity_id = %" G_GINT64_FORMAT,
                             options->group_ids[i], options->activity_id);
      if (!cocrea_db_query_int (db, sql, &n, error))
        return FALSE;
      if (n == 0)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                       _("Activity %lld has no group %lld"), (long long) options->activity_id,
                       (long long) options->group_ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * keep_only:
 * In the copy being made: removes every activity but @options' one, its
 * groups but the chosen ones, and their contributions, then rebuilds the
 * contributions' full-text index over what is left.
 */
static gboolean
keep_only (sqlite3 *db, const CocreaSyncCopyOptions *options, GError **error)
{
  g_autofree char *groups = id_list (options->group_ids, options->n_groups);
  g_autofree char *sql = NULL;
  gint64 a = options->activity_id;

  if (options->n_groups > 0)
    sql = g_strdup_printf ("DELETE FROM contribution WHERE activity_id <> %1$" G_GINT64_FORMAT
                           " OR group_id IS NULL OR group_id NOT IN (%2$s);"
                           "DELETE FROM table_group WHERE activity_id <> %1$" G_GINT64_FORMAT
                           " OR id NOT IN (%2$s);"
                           "DELETE FROM activity WHERE id <> %1$" G_GINT64_FORMAT ";",
                           a, groups);
  else
    sql = g_strdup_printf ("DELETE FROM contribution WHERE activity_id <> %1$" G_GINT64_FORMAT ";"
                           "DELETE FROM table_group WHERE activity_id <> %1$" G_GINT64_FORMAT ";"
                           "DELETE FROM activity WHERE id <> %1$" G_GINT64_FORMAT ";",
                           a);
  return cocrea_db_exec (db, sql, error) &&
         cocrea_db_exec (db, "INSERT INTO contribution_fts (contribution_fts) VALUES ('rebuild')",
                         error);
}

/* The identity of row @id of @table (a uid, or the one derived from its id). */
static char *
uid_of (sqlite3 *db, const char *table, char letter, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (uid, '%c-' || id) FROM %s WHERE id = ?",
                                          letter, table);
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* This file's replica id: its own if it is a copy, its process uuid if not. */
static char *
own_replica (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, "SELECT replica FROM sync_origin", error);
  g_autoptr (CocreaProcessInfo) info = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  info = cocrea_document_get_process (document, error);
  return info != NULL ? g_strdup (info->uuid) : NULL;
}

/*
 * write_origin:
 * In the copy: logs that it was handed out, then records where it came
 * from, under a new replica id, with the audit entry it starts at.
 */
static gboolean
write_origin (CocreaDocument *copy, const char *source_replica,
              const CocreaSyncCopyOptions *options, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (copy);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *replica = g_uuid_string_random ();
  g_autofree char *now = cocrea_db_now ();
  g_autofree char *activity = NULL;
  g_autoptr (GString) groups = g_string_new (NULL);
  gint64 audit_id = 0;

  if (options->activity_id != 0)
    {
      activity = uid_of (db, "activity", 'a', options->activity_id, error);
      if (activity == NULL)
        return FALSE;
    }
  for (guint i = 0; i < options->n_groups; i++)
    {
      g_autofree char *uid = uid_of (db, "table_group", 'g', options->group_ids[i], error);
      if (uid == NULL)
        return FALSE;
      g_string_append_printf (groups, "%s%s", i > 0 ? " " : "", uid);
    }

  if (!cocrea_document_log (copy, "hand-out", options->label ? options->label : "", replica, error) ||
      !cocrea_db_query_int (db, "SELECT coalesce (max (id), 0) FROM audit_log", &audit_id, error) ||
      !cocrea_db_exec (db, "DELETE FROM sync_origin; DELETE FROM sync_seen; DELETE FROM sync_replica",
                       error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "INSERT INTO sync_origin (id, replica, source_replica, label,"
                                " made_at, audit_id, format, activity_uid, group_uids)"
                                " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, replica);
  cocrea_db_bind_text (stmt, 2, source_replica);
  cocrea_db_bind_text (stmt, 3, options->label ? options->label : "");
  cocrea_db_bind_text (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, audit_id);
  sqlite3_bind_int (stmt, 6, COCREA_SYNC_FORMAT);
  if (activity != NULL)
    cocrea_db_bind_text (stmt, 7, activity);
  cocrea_db_bind_text (stmt, 8, groups->str);
  return cocrea_db_step_done (db, stmt, error);
}

typedef struct {
  const char *source_replica;
  const CocreaSyncCopyOptions *options;
} Making;

/* Turns the saved file at @path into a capture copy: origin, base, and
 * only what the options keep. */
static gboolean
make_capture_copy (const char *path, gpointer user_data, GError **error)
{
  const Making *making = user_data;
  const CocreaSyncCopyOptions *options = making->options;
  g_autoptr (CocreaDocument) copy = cocrea_document_open (path, COCREA_OPEN_DEFAULT, error);
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db;

  if (copy == NULL)
    return FALSE;
  db = cocrea_document_get_db (copy);
  edit = cocrea_edit_begin (copy, error);
  if (edit == NULL ||
      (options->activity_id != 0 && !options->keep_everything &&
       !keep_only (db, options, error)) ||
      !write_origin (copy, making->source_replica, options, error) ||
      !sync_write_base (db, error) ||
      !cocrea_edit_commit (edit, error))
    return FALSE;
  /* Most of a national process was just left out: give the space back,
   * so the stick holds a table's copy, not a country's. VACUUM attaches
   * a database of its own, which connections are otherwise refused. */
  if (options->activity_id != 0 && !options->keep_everything)
    {
      int limit = sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 1);
      gboolean ok = cocrea_db_exec (db, "VACUUM", error);

      sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, limit);
      return ok;
    }
  return TRUE;
}

/**
 * cocrea_sync_write_copy:
 * @document: the process to hand out (read-only is enough)
 * @dest_path: where the copy goes; replaced if it exists
 * @options: (nullable): its label and what it keeps; NULL: everything
 * @error: return location for a #CocreaError
 *
 * Writes a copy of the process for a laptop, which brings it back later
 * with cocrea_sync_compare(). The copy is made beside @dest_path, checked
 * and only then renamed into place, as cocrea_document_save_copy() does,
 * with the same refusals; @document is only read.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID when @dest_path is the
 *   process's own file (or a lock, journal or temporary name),
 *   %COCREA_ERROR_NOT_FOUND for an unknown activity or group,
 *   %COCREA_ERROR_LOCKED when a window has @dest_path open,
 *   %COCREA_ERROR_IO when it cannot be written
 */
gboolean
cocrea_sync_write_copy (CocreaDocument *document, const char *dest_path,
                        const CocreaSyncCopyOptions *options, GError **error)
{
  static const CocreaSyncCopyOptions whole = { NULL, 0, NULL, 0, FALSE };
  g_autofree char *source_replica = NULL;
  Making making;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (options == NULL)
    options = &whole;
  if (!check_options (cocrea_document_get_db (document), options, error))
    return FALSE;
  source_replica = own_replica (document, error);
  if (source_replica == NULL)
    return FALSE;
  making.source_replica = source_replica;
  making.options = options;
  return cocrea_document_save_copy_full (document, dest_path, make_capture_copy, &making, error);
}

/*
 * cocrea_sync_get_focus:
 * Where capture opens in a copy handed out for one table: sets
 * *@activity_id and *@group_id (0 when the copy names none, or is no
 * capture copy).
 */
gboolean
cocrea_sync_get_focus (CocreaDocument *document, gint64 *activity_id, gint64 *group_id,
                       GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *activity_id = *group_id = 0;
  stmt = cocrea_db_prepare (db, "SELECT activity_uid, group_uids FROM sync_origin", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *activity = (const char *) sqlite3_column_text (stmt, 0);
      g_auto (GStrv) groups = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), " ", 2);

      if (activity != NULL && !sync_lookup_id (db, "activity", 'a', activity, activity_id, error))
        return FALSE;
      if (groups[0] != NULL && *groups[0] != '\0' &&
          !sync_lookup_id (db, "table_group", 'g', groups[0], group_id, error))
        return FALSE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Keeps letters, digits and a few signs; runs of anything else become one "-". */
static void
append_safe (GString *out, const char *text)
{
  gboolean dash = out->len > 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_' || c == '.')
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        dash = TRUE;
    }
}

/*
 * cocrea_sync_copy_file_name:
 * The file name of a table's copy: "Taller-26-03-Mesa-3.cocrea" from the
 * kind of activity ("Taller"), the day it is held ("2019-03-26", may be
 * NULL) and the group ("Mesa 3", may be NULL). Only letters, digits and
 * dashes, so any USB stick takes it.
 */
char *
cocrea_sync_copy_file_name (const char *kind_label, const char *held_on, const char *group_name)
{
  g_autoptr (GString) name = g_string_new (NULL);

  append_safe (name, kind_label);
  if (held_on != NULL && strlen (held_on) == 10)
    {
      g_autofree char *day = g_strdup_printf ("%.2s-%.2s", held_on + 8, held_on + 5);
      append_safe (name, day);
    }
  append_safe (name, group_name);
  if (name->len == 0)
    g_string_append (name, "copia");
  g_string_append (name, ".cocrea");
  return g_string_free (g_steal_pointer (&name), FALSE);
}
