/* cocrea-milestone-progress.c
 *
 * Records are rows of milestone_progress. Their rules:
 *
 * - the day recorded is a full day ("2020-06-30"), today when not given,
 *   never after today: the forum records what it has seen;
 * - "done" needs evidence, so the forum can see what proves it; the
 *   other statuses may have some;
 * - texts are trimmed and NFC, of any length and any character.
 *
 * The current state of a milestone is its latest record (by day, then by
 * the order they were entered), not started when it has none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-progress-record-private.h"
#include "cocrea-dates.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

/*
 * check_record:
 * Checks a record's fields, already normalised; fills in today for an
 * empty @recorded_on. Sets COCREA_ERROR_INVALID, the message naming the
 * field, so a dialog can show it under that field.
 */
static gboolean
check_record (CocreaProgress status, char **recorded_on, const char *evidence, GError **error)
{
  g_autofree char *today = cocrea_today ();

  if ((guint) status >= COCREA_N_PROGRESS)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Status: not started, in progress or done"));
      return FALSE;
    }
  if (!cocrea_text_check_length (evidence, COCREA_TEXT_MAX_LONG, error))
    return FALSE;
  if (**recorded_on == '\0')
    {
      g_free (*recorded_on);
      *recorded_on = g_steal_pointer (&today);
    }
  else if (!cocrea_date_is_day (*recorded_on))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Date: write the day as year-month-day, like 2020-06-30"));
      return FALSE;
    }
  /* Full days in the same form compare as text. */
  else if (strcmp (*recorded_on, today) > 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Date: that day has not come yet"));
      return FALSE;
    }
  if (status == COCREA_PROGRESS_DONE && *evidence == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Evidence: say what shows the milestone is done, such as a "
                             "document, a record of a meeting or a link"));
      return FALSE;
    }
  return TRUE;
}

/*
 * begin_record_edit:
 * Begins an edit that writes a record with @sql, whose parameters 1 to 4
 * are the status, day, evidence and @target (the milestone of a new
 * record, or the record changed): normalises and checks them, sets *@stmt
 * to the statement with those bound, and returns the edit. Returns NULL,
 * with the edit rolled back (or never begun) and @error set, when any
 * step fails.
 */
static CocreaEdit *
begin_record_edit (CocreaDocument *document, CocreaProgress status, const char *recorded_on,
                   const char *evidence, const char *sql, gint64 target, sqlite3_stmt **stmt,
                   GError **error)
{
  g_autofree char *day = cocrea_text_normalize (recorded_on);
  g_autofree char *text = cocrea_text_normalize (evidence);
  g_autoptr (CocreaEdit) edit = NULL;

  if (!check_record (status, &day, text, error))
    return NULL;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return NULL;
  *stmt = cocrea_db_prepare (cocrea_document_get_db (document), sql, error);
  if (*stmt == NULL)
    return NULL;
  cocrea_db_bind_text (*stmt, 1, cocrea_progress_to_key (status));
  cocrea_db_bind_text (*stmt, 2, day);
  cocrea_db_bind_text (*stmt, 3, text);
  sqlite3_bind_int64 (*stmt, 4, target);
  return g_steal_pointer (&edit);
}

/*
 * finish_edit:
 * Ends @edit, whose one change is @stmt, prepared and bound but not run,
 * to record @id (captured by the caller into @record), or inserting one
 * for milestone @milestone_id when @id is 0: runs @stmt, fails with
 * NOT_FOUND naming what is missing when it changed nothing, logs
 * @record's action and commits, handing @record out and the new record's
 * id in @inserted. On failure @edit is left uncommitted, so the caller's
 * guard rolls it back.
 */
static gboolean
finish_edit (CocreaDocument *document, CocreaEdit *edit, sqlite3_stmt *stmt, CocreaUndo **record,
             gint64 id, gint64 milestone_id, const char *detail, gint64 *inserted,
             CocreaUndo **undo, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autofree char *subject = NULL;

  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      if (id == 0)
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                     _("There is no milestone %lld"), (long long) milestone_id);
      else
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                     _("There is no progress record %lld"), (long long) id);
      return FALSE;
    }
  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (db);
      cocrea_undo_capture_absent (*record, COCREA_UNDO_MILESTONE_PROGRESS, id);
    }
  subject = g_strdup_printf ("progress:%" G_GINT64_FORMAT, id);
  if (!cocrea_document_log (document, cocrea_undo_get_action (*record), subject, detail, error) ||
      !cocrea_edit_commit (edit, error))
    return FALSE;
  if (inserted != NULL)
    *inserted = id;
  if (undo != NULL)
    *undo = g_steal_pointer (record);
  return TRUE;
}

/**
 * cocrea_milestone_progress_record:
 * @document: a process open for writing
 * @milestone_id: the milestone followed
 * @status: where it stands
 * @recorded_on: (nullable): the day, "2020-06-30"; NULL or "" for today
 * @evidence: (nullable): what shows it; required for %COCREA_PROGRESS_DONE
 * @id: (out) (optional): the new record's id
 * @undo: (out) (optional): the record that removes it again
 * @error: return location for a #CocreaError
 *
 * Records where milestone @milestone_id stands, as one edit logged as
 * "record-progress".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for a day that is not
 *   a full day or is still to come, or "done" without evidence;
 *   %COCREA_ERROR_NOT_FOUND for an unknown milestone
 */
gboolean
cocrea_milestone_progress_record (CocreaDocument *document, gint64 milestone_id,
                                  CocreaProgress status, const char *recorded_on,
                                  const char *evidence, gint64 *id, CocreaUndo **undo,
                                  GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  /* Selecting from milestone makes an unknown milestone insert nothing. */
  edit = begin_record_edit (document, status, recorded_on, evidence,
                            "INSERT INTO milestone_progress (milestone_id, status, recorded_on,"
                            " evidence, uid) SELECT id, ?1, ?2, ?3, cocrea_uid () FROM milestone"
                            " WHERE id = ?4",
                            milestone_id, &stmt, error);
  if (edit == NULL)
    return FALSE;
  record = cocrea_undo_new ("record-progress", _("Record progress"));
  detail = g_strdup_printf ("{\"milestone\": %" G_GINT64_FORMAT ", \"status\": \"%s\"}",
                            milestone_id, cocrea_progress_to_key (status));
  return finish_edit (document, edit, stmt, &record, 0, milestone_id, detail, id, undo, error);
}

/**
 * cocrea_milestone_progress_update:
 * @document: a process open for writing
 * @id: the record
 * @status: where the milestone stood
 * @recorded_on: (nullable): the day; NULL or "" for today
 * @evidence: (nullable): what shows it
 * @undo: (out) (optional): the record that restores the old values
 * @error: return location for a #CocreaError
 *
 * Rewrites progress record @id as one edit, logged as "update-progress".
 *
 * Returns: %TRUE on success; errors as for
 *   cocrea_milestone_progress_record(), NOT_FOUND for an unknown record
 */
gboolean
cocrea_milestone_progress_update (CocreaDocument *document, gint64 id, CocreaProgress status,
                                  const char *recorded_on, const char *evidence,
                                  CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = begin_record_edit (document, status, recorded_on, evidence,
                            "UPDATE milestone_progress SET status = ?1, recorded_on = ?2,"
                            " evidence = ?3 WHERE id = ?4",
                            id, &stmt, error);
  if (edit == NULL)
    return FALSE;
  record = cocrea_undo_new ("update-progress", _("Edit a progress record"));
  if (!cocrea_undo_capture (record, cocrea_document_get_db (document),
                            COCREA_UNDO_MILESTONE_PROGRESS, id, error))
    return FALSE;
  detail = g_strdup_printf ("{\"status\": \"%s\"}", cocrea_progress_to_key (status));
  return finish_edit (document, edit, stmt, &record, id, 0, detail, NULL, undo, error);
}

/**
 * cocrea_milestone_progress_delete:
 * @document: a process open for writing
 * @id: the record
 * @undo: (out) (optional): the record that brings it back, with its id
 * @error: return location for a #CocreaError
 *
 * Deletes progress record @id as one edit, logged as "delete-progress".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_milestone_progress_delete (CocreaDocument *document, gint64 id, CocreaUndo **undo,
                                  GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  record = cocrea_undo_new ("delete-progress", _("Delete a progress record"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_MILESTONE_PROGRESS, id, error) ||
      (stmt = cocrea_db_prepare (db, "DELETE FROM milestone_progress WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return finish_edit (document, edit, stmt, &record, id, 0, "", NULL, undo, error);
}

/* cocrea_progress_record_new_from_row() as a CocreaDbRowFunc. */
static gpointer
progress_record_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  return cocrea_progress_record_new_from_row (stmt);
}

/**
 * cocrea_milestone_progress_list:
 * @document: a process
 * @milestone_id: the milestone
 * @error: return location for a #CocreaError
 *
 * Returns: (transfer full): the milestone's records as
 *   #CocreaProgressRecord, newest first (by day, then the last entered
 *   first); NULL with @error set on failure
 */
GListModel *
cocrea_milestone_progress_list (CocreaDocument *document, gint64 milestone_id, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            COCREA_PROGRESS_RECORD_QUERY
                            " WHERE milestone_id = ? ORDER BY recorded_on DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, milestone_id);
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_PROGRESS_RECORD, progress_record_from_row,
                                  NULL, error);
}

/* The last day @date covers: itself for a day, the 31st of December for a
 * year, the last day of the month for a month. NULL when it is not a
 * date. */
static char *
last_day (const char *date)
{
  int year = 0, month = 0;

  if (date == NULL || !cocrea_partial_date_is_valid (date))
    return NULL;
  if (strlen (date) == 10)
    return g_strdup (date);
  if (strlen (date) == 4)
    return g_strdup_printf ("%s-12-31", date);
  sscanf (date, "%4d-%2d", &year, &month);
  return g_strdup_printf ("%s-%02d", date, g_date_get_days_in_month (month, year));
}

/**
 * cocrea_milestone_is_overdue:
 * @ends_on: (nullable): the milestone's end, a partial date
 * @status: where it stands
 * @today: (nullable): the day to judge on, "2020-09-01"; NULL for today
 *
 * A milestone is overdue when its end has passed and it is not done; a
 * month or a year given alone ends on its last day. A milestone with no
 * end is never overdue.
 */
gboolean
cocrea_milestone_is_overdue (const char *ends_on, CocreaProgress status, const char *today)
{
  g_autofree char *end = last_day (ends_on);
  g_autofree char *now = today == NULL ? cocrea_today () : g_strdup (today);

  return status != COCREA_PROGRESS_DONE && end != NULL && strcmp (end, now) < 0;
}

void
cocrea_milestone_state_free (CocreaMilestoneState *state)
{
  if (state == NULL)
    return;
  g_free (state->commitment_name);
  g_free (state->deliverable);
  g_free (state->starts_on);
  g_free (state->ends_on);
  g_free (state->recorded_on);
  g_free (state->evidence);
  g_free (state);
}

/* Each milestone with its commitment and its latest record (p), in plan
 * order; "WHERE ..." may follow. */
#define STATE_QUERY                                                                          \
  "SELECT c.id, c.position, c.name, m.id, m.position, m.deliverable, m.starts_on, m.ends_on," \
  " p.status, p.recorded_on, p.evidence"                                                     \
  " FROM milestone m JOIN commitment c ON c.id = m.commitment_id"                            \
  " LEFT JOIN milestone_progress p ON p.id = (SELECT id FROM milestone_progress"             \
  " WHERE milestone_id = m.id ORDER BY recorded_on DESC, id DESC LIMIT 1)"

/* A milestone's state from a row of STATE_QUERY, judged on the day
 * @user_data (a CocreaDbRowFunc). */
static gpointer
state_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  const char *today = user_data;
  CocreaMilestoneState *state = g_new0 (CocreaMilestoneState, 1);

  state->commitment_id = sqlite3_column_int64 (stmt, 0);
  state->commitment_position = sqlite3_column_int (stmt, 1);
  state->commitment_name = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 2));
  state->milestone_id = sqlite3_column_int64 (stmt, 3);
  state->position = sqlite3_column_int (stmt, 4);
  state->deliverable = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 5));
  state->starts_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 6));
  state->ends_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 7));
  if (!cocrea_progress_from_text ((const char *) sqlite3_column_text (stmt, 8), &state->status))
    state->status = COCREA_PROGRESS_NOT_STARTED;
  state->recorded_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 9));
  state->evidence = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 10));
  if (state->evidence == NULL)
    state->evidence = g_strdup ("");
  state->overdue = cocrea_milestone_is_overdue (state->ends_on, state->status, today);
  return state;
}

/*
 * read_states:
 * Runs STATE_QUERY with @where (binding @param to ?1 when not 0) and
 * returns the states in plan order, judged on @today; NULL with @error.
 */
static GPtrArray *
read_states (CocreaDocument *document, const char *where, gint64 param, const char *today,
             GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autofree char *sql = g_strconcat (STATE_QUERY, where,
                                      " ORDER BY c.position, c.id, m.position, m.id", NULL);
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, sql, error);
  /* One day for every milestone, read once. */
  g_autofree char *now = today == NULL ? cocrea_today () : g_strdup (today);

  if (stmt == NULL)
    return NULL;
  if (param != 0)
    sqlite3_bind_int64 (stmt, 1, param);
  return cocrea_db_collect (db, stmt, state_from_row, now,
                            (GDestroyNotify) cocrea_milestone_state_free, error);
}

/**
 * cocrea_milestone_progress_follow_up:
 * @document: a process
 * @today: (nullable): the day to judge lateness on; NULL for today
 * @error: return location for a #CocreaError
 *
 * Returns: (transfer full) (element-type CocreaMilestoneState): every
 *   milestone of the plan, by commitment and milestone number, with where
 *   it stands; NULL with @error set on failure
 */
GPtrArray *
cocrea_milestone_progress_follow_up (CocreaDocument *document, const char *today, GError **error)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);
  return read_states (document, "", 0, today, error);
}

/**
 * cocrea_milestone_progress_get_state:
 * @document: a process
 * @milestone_id: the milestone
 * @today: (nullable): the day to judge lateness on; NULL for today
 * @error: return location for a #CocreaError
 *
 * Returns: (transfer full): where milestone @milestone_id stands; NULL
 *   with %COCREA_ERROR_NOT_FOUND for an unknown milestone
 */
CocreaMilestoneState *
cocrea_milestone_progress_get_state (CocreaDocument *document, gint64 milestone_id,
                                     const char *today, GError **error)
{
  g_autoptr (GPtrArray) states = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  states = read_states (document, " WHERE m.id = ?1", milestone_id, today, error);
  if (states == NULL)
    return NULL;
  if (states->len == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND, _("There is no milestone %lld"),
                   (long long) milestone_id);
      return NULL;
    }
  return g_ptr_array_steal_index (states, 0);
}

static void
count_state (CocreaProgressCounts *counts, const CocreaMilestoneState *state)
{
  counts->total++;
  counts->by_status[state->status]++;
  if (state->overdue)
    counts->overdue++;
}

static void
counts_clear (CocreaProgressCounts *counts)
{
  g_free (counts->name);
}

/**
 * cocrea_milestone_progress_summarize:
 * @states: (element-type CocreaMilestoneState): as
 *   cocrea_milestone_progress_follow_up() returns them, in plan order
 *
 * Returns: (transfer full): how many milestones are done, in progress,
 *   not started and overdue, overall and per commitment
 */
CocreaProgressSummary *
cocrea_milestone_progress_summarize (GPtrArray *states)
{
  CocreaProgressSummary *summary = g_new0 (CocreaProgressSummary, 1);
  CocreaProgressCounts *current = NULL;

  g_return_val_if_fail (states != NULL, summary);

  summary->commitments = g_array_new (FALSE, TRUE, sizeof (CocreaProgressCounts));
  g_array_set_clear_func (summary->commitments, (GDestroyNotify) counts_clear);
  for (guint i = 0; i < states->len; i++)
    {
      const CocreaMilestoneState *state = g_ptr_array_index (states, i);

      if (current == NULL || current->commitment_id != state->commitment_id)
        {
          CocreaProgressCounts counts = { state->commitment_id, state->commitment_position,
                                          g_strdup (state->commitment_name) };

          g_array_append_val (summary->commitments, counts);
          current = &g_array_index (summary->commitments, CocreaProgressCounts,
                                    summary->commitments->len - 1);
        }
      count_state (current, state);
      count_state (&summary->overall, state);
    }
  return summary;
}

void
cocrea_progress_summary_free (CocreaProgressSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->commitments, g_array_unref);
  g_free (summary);
}
