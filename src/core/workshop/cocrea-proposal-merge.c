/* cocrea-proposal-merge.c
 *
 * A merge is a link: contribution.proposal_id names the proposal a
 * contribution now counts for, and proposal.merged_into_id names the
 * proposal a whole proposal was folded into. Nothing is copied or
 * deleted, so every merge can be unmerged and undone, and the audit log
 * says who went where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-search-index.h"
#include "cocrea-text.h"
#include "cocrea-types.h"
#include "cocrea-undo-private.h"

/* A JSON array of @ids, for the audit log. */
static char *
ids_to_json (const gint64 *ids, guint n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Fails with COCREA_ERROR_NOT_FOUND unless a row @id exists in @table. */
static gboolean
check_exists (sqlite3 *db, const char *table, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE id = %" G_GINT64_FORMAT,
                                          table, id);
  gint64 count = 0;

  if (!cocrea_db_query_int (db, sql, &count, error))
    return FALSE;
  if (count > 0)
    return TRUE;

  if (g_str_equal (table, "proposal"))
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no proposal %lld"), (long long) id);
  else
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no contribution %lld"), (long long) id);
  return FALSE;
}

/*
 * link_contributions:
 * Inside an edit: captures each contribution of @ids into @record and
 * sets its proposal to @proposal_id (0 unmerges). Fails with
 * COCREA_ERROR_NOT_FOUND on an unknown id.
 */
static gboolean
link_contributions (sqlite3 *db, CocreaUndo *record, const gint64 *ids, guint n_ids,
                    gint64 proposal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db, "UPDATE contribution SET proposal_id = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (!check_exists (db, "contribution", ids[i], error) ||
          !cocrea_undo_capture (record, db, COCREA_UNDO_CONTRIBUTION, ids[i], error))
        return FALSE;
      sqlite3_reset (stmt);
      if (proposal_id > 0)
        sqlite3_bind_int64 (stmt, 1, proposal_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      if (!cocrea_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
merge_label (guint n_ids)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merge %u contribution",
                                       "Merge %u contributions", n_ids),
                          n_ids);
}

/*
 * insert_proposal:
 * Inserts a proposal titled @title whose area, axes and origin come from
 * the contributions @ids: the area they share (if they all share one),
 * all the axes any of them names, municipal only if all of them are.
 */
static gboolean
insert_proposal (sqlite3 *db, const char *title, const gint64 *ids, guint n_ids,
                 gint64 *proposal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) summary = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autofree char *area = NULL;
  g_autofree char *now = cocrea_db_now ();
  gboolean all_municipal = n_ids > 0;
  gboolean same_area = TRUE;
  guint axes = 0;

  summary = cocrea_db_prepare (db, "SELECT area, axes, origin FROM contribution WHERE id = ?",
                               error);
  if (summary == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_reset (summary);
      sqlite3_bind_int64 (summary, 1, ids[i]);
      if (sqlite3_step (summary) != SQLITE_ROW)
        continue; /* link_contributions() reports the unknown id */
      {
        const char *row_area = (const char *) sqlite3_column_text (summary, 0);
        if (area == NULL)
          area = g_strdup (row_area);
        else if (g_strcmp0 (area, row_area) != 0)
          same_area = FALSE;
      }
      axes |= sqlite3_column_int (summary, 1) & COCREA_AXES_ALL;
      if (g_strcmp0 ((const char *) sqlite3_column_text (summary, 2), "municipal") != 0)
        all_municipal = FALSE;
    }

  insert = cocrea_db_prepare (db, "INSERT INTO proposal (title, area, axes, origin, created_at, uid)"
                                  " VALUES (?, ?, ?, ?, ?, cocrea_uid ())",
                              error);
  if (insert == NULL)
    return FALSE;
  cocrea_db_bind_text (insert, 1, title);
  cocrea_db_bind_text (insert, 2, same_area ? area : "");
  sqlite3_bind_int (insert, 3, (int) axes);
  cocrea_db_bind_text (insert, 4, all_municipal ? "municipal" : "community");
  cocrea_db_bind_text (insert, 5, now);
  if (!cocrea_db_step_done (db, insert, error))
    return FALSE;

  *proposal_id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

/**
 * cocrea_merge_new_proposal:
 * @document: a process open for writing
 * @title: the consolidated proposal's title
 * @contribution_ids: (array length=n_ids): the contributions to merge under it
 * @n_ids: how many
 * @proposal_id: (out) (optional): the new proposal's id
 * @undo: (out) (optional): the record that unmerges them and removes the proposal
 * @error: return location for a #CocreaError
 *
 * Creates a proposal and merges the contributions into it (taking them
 * from any proposal they were in), as one edit logged as "merge".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty title,
 *   %COCREA_ERROR_NOT_FOUND for an unknown contribution (nothing changes)
 */
gboolean
cocrea_merge_new_proposal (CocreaDocument *document, const char *title,
                           const gint64 *contribution_ids, guint n_ids, gint64 *proposal_id,
                           CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *clean = cocrea_text_normalize (title);
  g_autofree char *label = merge_label (n_ids);
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  sqlite3 *db;
  gint64 new_id = 0;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (contribution_ids != NULL || n_ids == 0, FALSE);

  if (*clean == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The proposal needs a title"));
      return FALSE;
    }
  if (!cocrea_text_check_length (clean, COCREA_TEXT_MAX_NAME, error))
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("merge", label);
  if (!insert_proposal (db, clean, contribution_ids, n_ids, &new_id, error))
    return FALSE;
  cocrea_undo_capture_absent (record, COCREA_UNDO_PROPOSAL, new_id);
  if (!link_contributions (db, record, contribution_ids, n_ids, new_id, error) ||
      !cocrea_index_proposal (db, new_id, TRUE, error))
    return FALSE;

  subject = g_strdup_printf ("proposal:%" G_GINT64_FORMAT, new_id);
  {
    g_autofree char *ids = ids_to_json (contribution_ids, n_ids);
    detail = g_strdup_printf ("{\"new\": true, \"contributions\": %s}", ids);
  }
  if (!cocrea_document_log (document, "merge", subject, detail, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (proposal_id != NULL)
    *proposal_id = new_id;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_merge_into:
 * @document: a process open for writing
 * @proposal_id: an existing proposal
 * @contribution_ids: (array length=n_ids): the contributions to merge into it
 * @n_ids: how many
 * @undo: (out) (optional): the record that puts them back where they were
 * @error: return location for a #CocreaError
 *
 * Merges contributions into a proposal (taking them from any proposal they
 * were in), as one edit logged as "merge".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown
 *   proposal or contribution (nothing changes)
 */
gboolean
cocrea_merge_into (CocreaDocument *document, gint64 proposal_id, const gint64 *contribution_ids,
                   guint n_ids, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *label = merge_label (n_ids);
  g_autofree char *subject = g_strdup_printf ("proposal:%" G_GINT64_FORMAT, proposal_id);
  g_autofree char *ids = ids_to_json (contribution_ids, n_ids);
  g_autofree char *detail = g_strdup_printf ("{\"contributions\": %s}", ids);
  g_autoptr (CocreaUndo) record = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (contribution_ids != NULL || n_ids == 0, FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("merge", label);
  if (!check_exists (db, "proposal", proposal_id, error) ||
      !link_contributions (db, record, contribution_ids, n_ids, proposal_id, error) ||
      !cocrea_document_log (document, "merge", subject, detail, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/* TRUE when following merged_into links from @from reaches @to (or a loop). */
static gboolean
chain_reaches (sqlite3 *db, gint64 from, gint64 to, gboolean *reaches, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 current = from;

  stmt = cocrea_db_prepare (db, "SELECT coalesce (merged_into_id, 0) FROM proposal WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;

  *reaches = FALSE;
  while (current != 0)
    {
      if (current == to || g_hash_table_contains (seen, &current))
        {
          *reaches = TRUE;
          return TRUE;
        }
      g_hash_table_add (seen, g_memdup2 (&current, sizeof current));
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, current);
      current = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
    }
  return TRUE;
}

/**
 * cocrea_merge_proposal:
 * @document: a process open for writing
 * @source_id: the proposal to fold in
 * @target_id: the proposal it joins
 * @undo: (out) (optional): the record that separates them again
 * @error: return location for a #CocreaError
 *
 * Merges a whole proposal into another: its contributions move to
 * @target_id and it is marked merged into it (it stays, for the record
 * and for undo). One edit, logged as "merge".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID when the merge would
 *   make a loop (a proposal into itself or into one merged into it),
 *   %COCREA_ERROR_NOT_FOUND for an unknown proposal
 */
gboolean
cocrea_merge_proposal (CocreaDocument *document, gint64 source_id, gint64 target_id,
                       CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("proposal:%" G_GINT64_FORMAT, target_id);
  g_autofree char *detail = g_strdup_printf ("{\"proposal\": %" G_GINT64_FORMAT "}", source_id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean loop = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  if (!check_exists (db, "proposal", source_id, error) ||
      !check_exists (db, "proposal", target_id, error) ||
      !chain_reaches (db, target_id, source_id, &loop, error))
    return FALSE;
  if (loop)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("Proposal %lld cannot be merged into proposal %lld: "
                     "that would merge it into itself"),
                   (long long) source_id, (long long) target_id);
      return FALSE;
    }

  record = cocrea_undo_new ("merge", _("Merge a proposal"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_PROPOSAL, source_id, error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_CONTRIBUTION, "proposal_id = ?1",
                                  source_id, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "UPDATE contribution SET proposal_id = ?2 WHERE proposal_id = ?1;",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, target_id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cocrea_db_prepare (db, "UPDATE proposal SET merged_into_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, target_id);
  if (!cocrea_db_step_done (db, stmt, error) ||
      !cocrea_document_log (document, "merge", subject, detail, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_unmerge:
 * @document: a process open for writing
 * @contribution_ids: (array length=n_ids): the contributions to take out
 * @n_ids: how many
 * @undo: (out) (optional): the record that merges them back
 * @error: return location for a #CocreaError
 *
 * Takes contributions out of whatever proposal they were merged into, as
 * one edit logged as "unmerge". The proposals stay, even when empty.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown
 *   contribution (nothing changes)
 */
gboolean
cocrea_unmerge (CocreaDocument *document, const gint64 *contribution_ids, guint n_ids,
                CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Unmerge %u contribution",
                                                         "Unmerge %u contributions", n_ids),
                                            n_ids);
  g_autofree char *ids = ids_to_json (contribution_ids, n_ids);
  g_autofree char *detail = g_strdup_printf ("{\"contributions\": %s}", ids);
  g_autoptr (CocreaUndo) record = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (contribution_ids != NULL || n_ids == 0, FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("unmerge", label);
  if (!link_contributions (db, record, contribution_ids, n_ids, 0, error) ||
      !cocrea_document_log (document, "unmerge", "contributions", detail, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
