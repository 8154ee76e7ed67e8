/* cocrea-completion.c
 *
 * OGP's Independent Reporting Mechanism judges each commitment on one
 * scale: no evidence available, not started, limited, substantial,
 * complete. The follow-up forum records milestones, not levels, so a
 * commitment's level follows from where its milestones stand:
 *
 *   no milestone has a progress record     → no evidence available
 *   (a commitment without milestones too)
 *   every milestone done                   → complete
 *   none in progress or done               → not started
 *   otherwise, with p = (done + ½ in progress) / milestones:
 *     p ≥ ½                                → substantial
 *     p < ½                                → limited
 *
 * The forum may know better (a milestone that proved unnecessary, work
 * the milestones do not show): it can set a level by hand, with a reason,
 * kept in commitment_completion until it asks to follow the milestones
 * again. Both levels are shown, so a level set by hand never hides what
 * the milestones say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-completion.h"
#include "cocrea-dates.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

static const struct {
  const char *key;
  const char *label; /* NC_ ("completion level", …) */
} levels[COCREA_N_COMPLETION] = {
  [COCREA_COMPLETION_NO_EVIDENCE] = { "no-evidence", NC_ ("completion level", "No evidence available") },
  [COCREA_COMPLETION_NOT_STARTED] = { "not-started", NC_ ("completion level", "Not started") },
  [COCREA_COMPLETION_LIMITED] = { "limited", NC_ ("completion level", "Limited") },
  [COCREA_COMPLETION_SUBSTANTIAL] = { "substantial", NC_ ("completion level", "Substantial") },
  [COCREA_COMPLETION_COMPLETE] = { "complete", NC_ ("completion level", "Complete") },
};

/* The level's key in the file and in JSON: "substantial". */
const char *
cocrea_completion_to_key (CocreaCompletion level)
{
  g_return_val_if_fail ((guint) level < COCREA_N_COMPLETION, NULL);
  return levels[level].key;
}

/*
 * cocrea_completion_from_text:
 * Reads a level from its key ("no-evidence") or its label in English or
 * in the user's language, ignoring case and accents ("Sustancial").
 * Returns FALSE for anything else, leaving *level alone.
 */
gboolean
cocrea_completion_from_text (const char *text, CocreaCompletion *level)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = cocrea_text_fold (text);
  for (guint i = 0; i < COCREA_N_COMPLETION; i++)
    {
      g_autofree char *key = cocrea_text_fold (levels[i].key);
      g_autofree char *english = cocrea_text_fold (levels[i].label);
      g_autofree char *translated = cocrea_text_fold (cocrea_completion_label (i));

      if (g_str_equal (folded, key) || g_str_equal (folded, english) ||
          g_str_equal (folded, translated))
        {
          *level = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The level for people, in their language: "Substantial". */
const char *
cocrea_completion_label (CocreaCompletion level)
{
  g_return_val_if_fail ((guint) level < COCREA_N_COMPLETION, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "completion level", levels[level].label);
}

/* The untranslated label, for documents written in the process's
 * language through a catalog (context "completion level"). */
const char *
cocrea_completion_msgid (CocreaCompletion level)
{
  g_return_val_if_fail ((guint) level < COCREA_N_COMPLETION, NULL);
  return levels[level].label;
}

/*
 * cocrea_completion_derive:
 * The level @milestones milestones give when @done of them are done and
 * @in_progress in progress; @any_record tells whether any has a progress
 * record at all (see the top of this file).
 */
CocreaCompletion
cocrea_completion_derive (guint milestones, guint done, guint in_progress, gboolean any_record)
{
  g_return_val_if_fail (done + in_progress <= milestones, COCREA_COMPLETION_NO_EVIDENCE);

  if (milestones == 0 || !any_record)
    return COCREA_COMPLETION_NO_EVIDENCE;
  if (done == milestones)
    return COCREA_COMPLETION_COMPLETE;
  if (done == 0 && in_progress == 0)
    return COCREA_COMPLETION_NOT_STARTED;
  /* (done + in_progress / 2) / milestones ≥ 1/2, in integers. */
  if (2 * done + in_progress >= milestones)
    return COCREA_COMPLETION_SUBSTANTIAL;
  return COCREA_COMPLETION_LIMITED;
}

void
cocrea_completion_state_free (CocreaCompletionState *state)
{
  if (state == NULL)
    return;
  g_free (state->name);
  g_free (state->reason);
  g_free (state->recorded_on);
  g_free (state);
}

/* Each commitment (all, or ?1 alone) with what its milestones' latest
 * records say and the level set by hand, if any. The latest record is
 * chosen as the follow-up chooses it: by day, then by entry. */
static const char list_sql[] =
  "WITH latest (commitment_id, status) AS ("
  "  SELECT m.commitment_id, (SELECT p.status FROM milestone_progress p"
  "   WHERE p.milestone_id = m.id ORDER BY p.recorded_on DESC, p.id DESC LIMIT 1)"
  "  FROM milestone m)"
  " SELECT k.id, k.position, k.name,"
  "  (SELECT count (*) FROM latest l WHERE l.commitment_id = k.id),"
  "  (SELECT count (*) FROM latest l WHERE l.commitment_id = k.id AND l.status = 'done'),"
  "  (SELECT count (*) FROM latest l WHERE l.commitment_id = k.id"
  "   AND l.status = 'in-progress'),"
  "  (SELECT count (*) FROM latest l WHERE l.commitment_id = k.id AND l.status IS NOT NULL),"
  "  c.level, c.reason, c.recorded_on"
  " FROM commitment k LEFT JOIN commitment_completion c ON c.commitment_id = k.id"
  " WHERE ?1 = 0 OR k.id = ?1"
  " ORDER BY k.position, k.id";

static gpointer
state_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaCompletionState *state = g_new0 (CocreaCompletionState, 1);
  guint done = sqlite3_column_int (stmt, 4), in_progress = sqlite3_column_int (stmt, 5);

  state->commitment_id = sqlite3_column_int64 (stmt, 0);
  state->position = sqlite3_column_int (stmt, 1);
  state->name = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 2));
  state->milestones = sqlite3_column_int (stmt, 3);
  state->derived = cocrea_completion_derive (state->milestones, done, in_progress,
                                             sqlite3_column_int (stmt, 6) > 0);
  state->level = state->derived;
  if (cocrea_completion_from_text ((const char *) sqlite3_column_text (stmt, 7), &state->level))
    {
      state->set_by_hand = TRUE;
      state->reason = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 8));
      state->recorded_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 9));
    }
  return state;
}

static GPtrArray *
read_states (CocreaDocument *document, gint64 commitment_id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, list_sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, commitment_id);
  return cocrea_db_collect (db, stmt, state_from_row, NULL,
                            (GDestroyNotify) cocrea_completion_state_free, error);
}

/**
 * cocrea_completion_list:
 * @document: an open process
 * @error: return location for a #CocreaError
 *
 * Every commitment's completion, in plan order.
 *
 * Returns: (transfer full) (element-type CocreaCompletionState): the
 *   states, or %NULL with @error set
 */
GPtrArray *
cocrea_completion_list (CocreaDocument *document, GError **error)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);
  return read_states (document, 0, error);
}

/**
 * cocrea_completion_get:
 * @document: an open process
 * @commitment_id: a commitment's row id
 * @error: return location for a #CocreaError
 *
 * Returns: (transfer full): the commitment's completion, or %NULL with
 *   %COCREA_ERROR_NOT_FOUND or a database error
 */
CocreaCompletionState *
cocrea_completion_get (CocreaDocument *document, gint64 commitment_id, GError **error)
{
  g_autoptr (GPtrArray) states = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (commitment_id > 0, NULL);

  states = read_states (document, commitment_id, error);
  if (states == NULL)
    return NULL;
  if (states->len == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no commitment %lld"), (long long) commitment_id);
      return NULL;
    }
  return g_ptr_array_steal_index (states, 0);
}

/* The row id of @commitment_id's level set by hand, or 0. */
static gboolean
find_row (sqlite3 *db, gint64 commitment_id, gint64 *id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    cocrea_db_prepare (db, "SELECT id FROM commitment_completion WHERE commitment_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, commitment_id);
  rc = sqlite3_step (stmt);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * cocrea_completion_set:
 * @document: a process open for writing
 * @commitment_id: a commitment's row id
 * @level: the level the forum judges it at
 * @reason: why, when the milestones say otherwise; required
 * @undo: (out) (optional): the record that puts the previous level back
 * @error: return location for a #CocreaError
 *
 * Sets the commitment's completion by hand, as one edit logged as
 * "set-completion". It stays until cocrea_completion_follow_milestones().
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for a missing reason
 *   (the message starts with the field, "Reason: …"), %COCREA_ERROR_NOT_FOUND
 *   for an unknown commitment, %COCREA_ERROR_READ_ONLY, or a database error
 */
gboolean
cocrea_completion_set (CocreaDocument *document, gint64 commitment_id, CocreaCompletion level,
                       const char *reason, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaCompletionState) current = NULL;
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *text = cocrea_text_normalize (reason);
  g_autofree char *today = cocrea_today ();
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;
  sqlite3 *db;
  gint64 row = 0;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail ((guint) level < COCREA_N_COMPLETION, FALSE);

  if (undo != NULL)
    *undo = NULL;
  if (*text == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Reason: say why the commitment stands at this level"));
      return FALSE;
    }
  if (!cocrea_text_check_length (text, COCREA_TEXT_MAX_LONG, error))
    return FALSE;
  current = cocrea_completion_get (document, commitment_id, error);
  if (current == NULL)
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  record = cocrea_undo_new ("set-completion", _("Set the completion level"));
  if (!find_row (db, commitment_id, &row, error) ||
      (row > 0 && !cocrea_undo_capture (record, db, COCREA_UNDO_COMMITMENT_COMPLETION, row, error)))
    return FALSE;

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO commitment_completion (commitment_id, level, reason,"
                            " recorded_on) VALUES (?1, ?2, ?3, ?4)"
                            " ON CONFLICT (commitment_id) DO UPDATE SET level = ?2, reason = ?3,"
                            " recorded_on = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, commitment_id);
  cocrea_db_bind_text (stmt, 2, cocrea_completion_to_key (level));
  cocrea_db_bind_text (stmt, 3, text);
  cocrea_db_bind_text (stmt, 4, today);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (row == 0)
    cocrea_undo_capture_absent (record, COCREA_UNDO_COMMITMENT_COMPLETION,
                                sqlite3_last_insert_rowid (db));

  subject = g_strdup_printf ("commitment:%d", current->position);
  detail = g_strdup_printf ("{\"level\": \"%s\", \"derived\": \"%s\"}",
                            cocrea_completion_to_key (level),
                            cocrea_completion_to_key (current->derived));
  if (!cocrea_document_log (document, "set-completion", subject, detail, error) ||
      !cocrea_edit_commit (edit, error))
    return FALSE;

  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_completion_follow_milestones:
 * @document: a process open for writing
 * @commitment_id: a commitment's row id
 * @undo: (out) (optional): the record that puts the level set by hand
 *   back, or %NULL when there was none
 * @error: return location for a #CocreaError
 *
 * Forgets the level set by hand, so the commitment's level follows its
 * milestones again: one edit logged as "follow-milestones", or nothing at
 * all when no level was set by hand.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown
 *   commitment, %COCREA_ERROR_READ_ONLY, or a database error
 */
gboolean
cocrea_completion_follow_milestones (CocreaDocument *document, gint64 commitment_id,
                                     CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaCompletionState) current = NULL;
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *subject = NULL;
  sqlite3 *db;
  gint64 row = 0;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (undo != NULL)
    *undo = NULL;
  current = cocrea_completion_get (document, commitment_id, error);
  if (current == NULL)
    return FALSE;
  if (!current->set_by_hand)
    return TRUE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  record = cocrea_undo_new ("follow-milestones", _("Follow the milestones"));
  if (!find_row (db, commitment_id, &row, error) ||
      !cocrea_undo_capture (record, db, COCREA_UNDO_COMMITMENT_COMPLETION, row, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "DELETE FROM commitment_completion WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  subject = g_strdup_printf ("commitment:%d", current->position);
  if (!cocrea_db_step_done (db, stmt, error) ||
      !cocrea_document_log (document, "follow-milestones", subject, "", error) ||
      !cocrea_edit_commit (edit, error))
    return FALSE;

  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
