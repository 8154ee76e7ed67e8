/* cocrea-consultation.c
 *
 * The window is two columns of the process record; the comments are rows
 * of consultation_comment. The rules that tie them together:
 *
 * - window days are full days ("2019-11-04"), either may be unknown, and
 *   the window never closes before it opens;
 * - a comment's received day is unknown or a full day, not after today,
 *   and inside the window as far as the window is known; so a window
 *   cannot be narrowed to leave a recorded comment outside it;
 * - a comment has text, of any length and any character, stored trimmed
 *   and NFC like every other text (there is no length limit below the
 *   file's own: a pasted email is kept whole);
 * - "partly" and "not-accepted" answers carry a reason: that is the OGP
 *   reasoned response. "accepted" and "pending" may have one.
 *
 * Working days are Monday to Friday: Cocrea does not know the holidays
 * of each country, so a window over a holiday counts it as working.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-consultation.h"
#include "cocrea-consultation-comment-private.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-dates.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

/* Reads a full day ("2019-11-04") into @date; FALSE for anything else,
 * partial dates included. */
static gboolean
parse_day (const char *text, GDate *date)
{
  int year, month, day;

  if (!cocrea_date_is_day (text) || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/**
 * cocrea_consultation_count_working_days:
 * @opens: (nullable): the first day, "2019-11-04"
 * @closes: (nullable): the last day
 *
 * Counts the days from @opens to @closes, both included, that fall from
 * Monday to Friday. Holidays are not known, so they count.
 *
 * Returns: the number of working days, or -1 when either day is missing
 *   or not a full day, or @closes is before @opens
 */
int
cocrea_consultation_count_working_days (const char *opens, const char *closes)
{
  GDate first, last;
  gint64 days;
  int weekday, count;

  if (!parse_day (opens, &first) || !parse_day (closes, &last) ||
      g_date_compare (&last, &first) < 0)
    return -1;

  days = (gint64) g_date_get_julian (&last) - g_date_get_julian (&first) + 1;
  /* Every whole week holds five; the days left over start on the
   * weekday of @opens (G_DATE_MONDAY is 1, G_DATE_SUNDAY 7). */
  count = (int) (days / 7) * 5;
  weekday = g_date_get_weekday (&first);
  for (int i = 0; i < days % 7; i++)
    if ((weekday - 1 + i) % 7 < 5)
      count++;
  return count;
}

/**
 * cocrea_consultation_window_validate:
 * @opens: (nullable): the first day, or NULL/"" when not decided
 * @closes: (nullable): the last day, or NULL/"" when not decided
 * @error: return location for %COCREA_ERROR_INVALID
 *
 * The rules of the window alone: each day unknown or a full day, and
 * @closes not before @opens. The message names the field that is wrong,
 * @opens first, so a window can show it under that field. A short window
 * is not an error (see #CocreaConsultationWindow.too_short).
 *
 * Returns: %TRUE when the window can be stored
 */
gboolean
cocrea_consultation_window_validate (const char *opens, const char *closes, GError **error)
{
  GDate day;

  if (is_set (opens) && !parse_day (opens, &day))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Opens: write the day as year-month-day, like 2019-11-04"));
      return FALSE;
    }
  if (is_set (closes) && !parse_day (closes, &day))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Closes: write the day as year-month-day, like 2019-11-15"));
      return FALSE;
    }
  /* Full days in the same form compare as text. */
  if (is_set (opens) && is_set (closes) && strcmp (closes, opens) < 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Closes: it is before the day the consultation opens"));
      return FALSE;
    }
  return TRUE;
}

/* Frees @window and its days. */
void
cocrea_consultation_window_free (CocreaConsultationWindow *window)
{
  if (window == NULL)
    return;
  g_free (window->opens);
  g_free (window->closes);
  g_free (window);
}

/* Reads the window's days into @opens and @closes (NULL when unknown). */
static gboolean
read_window (sqlite3 *db, char **opens, char **closes, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, "SELECT consultation_opens, consultation_closes FROM process",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* No process row: the file is not a process any more. */
      cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return FALSE;
    }
  *opens = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 0));
  *closes = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}

/**
 * cocrea_consultation_get_window:
 * @document: a process
 * @error: return location for a #CocreaError
 *
 * Reads the consultation window, with its working days counted.
 *
 * Returns: (transfer full): the window (free with
 *   cocrea_consultation_window_free()), or %NULL with @error set
 */
CocreaConsultationWindow *
cocrea_consultation_get_window (CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaConsultationWindow) window = g_new0 (CocreaConsultationWindow, 1);

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (!read_window (cocrea_document_get_db (document), &window->opens, &window->closes, error))
    return NULL;
  window->working_days = cocrea_consultation_count_working_days (window->opens, window->closes);
  window->too_short = window->working_days >= 0 &&
                      window->working_days < COCREA_CONSULTATION_MIN_WORKING_DAYS;
  return g_steal_pointer (&window);
}

/* A JSON object of two string members (null for NULL), for the audit log. */
static char *
log_detail (const char *name1, const char *value1, const char *name2, const char *value2)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  const char *names[] = { name1, name2 };
  const char *values[] = { value1, value2 };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      if (values[i] != NULL)
        json_builder_add_string_value (builder, values[i]);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * cocrea_consultation_set_window:
 * @document: a process open for writing
 * @opens: (nullable): the first day ("2019-11-04"), or NULL/"" when not decided
 * @closes: (nullable): the last day, or NULL/"" when not decided
 * @error: return location for a #CocreaError
 *
 * Sets the consultation window, as one edit logged as
 * "set-consultation-window". There is no undo record: the window lives in
 * the process record, like the title; a page that offers "Undo" sets the
 * days it read before.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for a day that is not
 *   a full day, a window that closes before it opens, or one that would
 *   leave comments already received outside it
 */
gboolean
cocrea_consultation_set_window (CocreaDocument *document, const char *opens, const char *closes,
                                GError **error)
{
  g_autofree char *first = cocrea_text_normalize (opens);
  g_autofree char *last = cocrea_text_normalize (closes);
  g_autofree char *detail = NULL;
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (sqlite3_stmt) outside = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int n_outside;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (!cocrea_consultation_window_validate (first, last, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  outside = cocrea_db_prepare (db,
                               "SELECT count (*) FROM consultation_comment"
                               " WHERE received_on < ?1 OR received_on > ?2",
                               error);
  if (outside == NULL)
    return FALSE;
  /* An unknown day binds NULL, and a comparison with NULL is never true. */
  cocrea_db_bind_date (outside, 1, first);
  cocrea_db_bind_date (outside, 2, last);
  if (sqlite3_step (outside) != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, sqlite3_errcode (db), NULL);
      return FALSE;
    }
  n_outside = sqlite3_column_int (outside, 0);
  if (n_outside > 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d comment was received outside these days; change its "
                                "date or widen the window",
                                "%d comments were received outside these days; change their "
                                "dates or widen the window",
                                n_outside),
                   n_outside);
      return FALSE;
    }

  stmt = cocrea_db_prepare (db, "UPDATE process SET consultation_opens = ?1,"
                                " consultation_closes = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_date (stmt, 1, first);
  cocrea_db_bind_date (stmt, 2, last);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  detail = log_detail ("opens", is_set (first) ? first : NULL, "closes",
                       is_set (last) ? last : NULL);
  if (!cocrea_document_log (document, "set-consultation-window", "process", detail, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/* cocrea_consultation_comment_new_from_row() as a CocreaDbRowFunc. */
static gpointer
comment_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  return cocrea_consultation_comment_new_from_row (stmt);
}

/* Runs @stmt, a COCREA_CONSULTATION_COMMENT_QUERY, into a list. */
static GListModel *
list_rows (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_CONSULTATION_COMMENT, comment_from_row,
                                  NULL, error);
}

/**
 * cocrea_consultation_list_comments:
 * @document: a process
 * @commitment_id: a commitment's id for its comments only,
 *   %COCREA_CONSULTATION_ALL for every comment, or
 *   %COCREA_CONSULTATION_GENERAL for those on no commitment
 * @error: return location for a #CocreaError
 *
 * Lists comments in the order of the plan: by commitment number (comments
 * on no commitment last), then by the day received (unknown days last),
 * then in the order they were recorded.
 *
 * Returns: (transfer full): a #GListModel of #CocreaConsultationComment,
 *   or %NULL with @error set
 */
GListModel *
cocrea_consultation_list_comments (CocreaDocument *document, gint64 commitment_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *where = "";
  g_autofree char *sql = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (commitment_id > 0)
    where = " WHERE k.commitment_id = ?1";
  else if (commitment_id == COCREA_CONSULTATION_GENERAL)
    where = " WHERE k.commitment_id IS NULL";

  db = cocrea_document_get_db (document);
  sql = g_strconcat (COCREA_CONSULTATION_COMMENT_QUERY, where,
                     " ORDER BY c.position IS NULL, c.position, k.received_on IS NULL,"
                     " k.received_on, k.id",
                     NULL);
  stmt = cocrea_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (commitment_id > 0)
    sqlite3_bind_int64 (stmt, 1, commitment_id);
  return list_rows (db, stmt, error);
}

/**
 * cocrea_consultation_lookup_comment:
 * @document: a process
 * @id: the comment
 * @error: return location for a #CocreaError
 *
 * Returns: (transfer full): comment @id as it is now, or %NULL with
 *   %COCREA_ERROR_NOT_FOUND (or a database error)
 */
CocreaConsultationComment *
cocrea_consultation_lookup_comment (CocreaDocument *document, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db, COCREA_CONSULTATION_COMMENT_QUERY " WHERE k.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return cocrea_consultation_comment_new_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND, _("There is no comment %lld"),
                 (long long) id);
  else
    cocrea_db_set_error (error, db, rc, NULL);
  return NULL;
}

/* A comment's fields once normalised, as they are checked and stored. */
typedef struct {
  char *author;
  char *received_on;
  char *text;
} CleanFields;

static void
clean_fields_clear (CleanFields *clean)
{
  g_free (clean->author);
  g_free (clean->received_on);
  g_free (clean->text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanFields, clean_fields_clear)

/* Fails with INVALID, naming the window's @day, when @received is outside
 * it on the side @after (TRUE: after the window closed). */
static gboolean
check_inside (const char *received, const char *day, gboolean after, GError **error)
{
  g_autofree char *shown = NULL;
  GDate date;

  /* A day a hand-edited file holds but that is not a day bounds nothing. */
  if (!parse_day (day, &date) ||
      (after ? strcmp (received, day) <= 0 : strcmp (received, day) >= 0))
    return TRUE;

  shown = cocrea_format_partial_date (day);
  if (after)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                 _("Received: the consultation closed on %s, before that day"), shown);
  else
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                 _("Received: the consultation opened on %s, after that day"), shown);
  return FALSE;
}

/*
 * check_comment:
 * Inside an edit: checks @fields, normalised into @clean, against the
 * rules of a comment, the window and the commitment it names. Sets
 * COCREA_ERROR_INVALID (the message names the field) or NOT_FOUND.
 */
static gboolean
check_comment (sqlite3 *db, const CocreaCommentFields *fields, const CleanFields *clean,
               GError **error)
{
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;

  if (*clean->text == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Text: a comment needs what the person said"));
      return FALSE;
    }
  if ((guint) fields->channel >= COCREA_N_CHANNELS)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID, _("Unknown channel"));
      return FALSE;
    }

  if (*clean->received_on != '\0')
    {
      g_autofree char *today = cocrea_today ();
      GDate day;

      if (!parse_day (clean->received_on, &day))
        {
          g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                               _("Received: write the day as year-month-day, like 2019-11-06"));
          return FALSE;
        }
      if (strcmp (clean->received_on, today) > 0)
        {
          g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                               _("Received: that day has not come yet"));
          return FALSE;
        }
      if (!read_window (db, &opens, &closes, error) ||
          !check_inside (clean->received_on, opens, FALSE, error) ||
          !check_inside (clean->received_on, closes, TRUE, error))
        return FALSE;
    }

  if (fields->commitment_id != 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM commitment WHERE id = %"
                                              G_GINT64_FORMAT, fields->commitment_id);
      gint64 exists = 0;

      if (!cocrea_db_query_int (db, sql, &exists, error))
        return FALSE;
      if (exists == 0)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                       _("There is no commitment %lld"), (long long) fields->commitment_id);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * begin_comment_edit:
 * Begins an edit that writes @fields with @sql, an INSERT or UPDATE
 * whose parameters 1 to 5 are the commitment, channel, author, received
 * day and text: normalises @fields, checks them (check_comment()), sets
 * *@stmt to the statement with those bound and returns the edit. Returns
 * NULL, with the edit rolled back (or never begun) and @error set, when
 * any step fails.
 */
static CocreaEdit *
begin_comment_edit (CocreaDocument *document, const CocreaCommentFields *fields, const char *sql,
                    sqlite3_stmt **stmt, GError **error)
{
  g_auto (CleanFields) clean = { cocrea_text_normalize (fields->author),
                                 cocrea_text_normalize (fields->received_on),
                                 cocrea_text_normalize (fields->text) };
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db;

  if (!cocrea_text_check_length (clean.author, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (clean.text, COCREA_TEXT_MAX_LONG, error))
    return NULL;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return NULL;
  db = cocrea_document_get_db (document);
  if (!check_comment (db, fields, &clean, error) ||
      (*stmt = cocrea_db_prepare (db, sql, error)) == NULL)
    return NULL;
  if (fields->commitment_id != 0)
    sqlite3_bind_int64 (*stmt, 1, fields->commitment_id);
  else
    sqlite3_bind_null (*stmt, 1);
  cocrea_db_bind_text (*stmt, 2, cocrea_channel_to_key (fields->channel));
  cocrea_db_bind_text (*stmt, 3, clean.author);
  cocrea_db_bind_date (*stmt, 4, clean.received_on);
  cocrea_db_bind_text (*stmt, 5, clean.text);
  return g_steal_pointer (&edit);
}

static char *
comment_subject (gint64 id)
{
  return g_strdup_printf ("comment:%" G_GINT64_FORMAT, id);
}

/* What the audit log keeps of a comment: where it came from, not what it
 * says, which the row itself holds. */
static char *
comment_detail (const CocreaCommentFields *fields)
{
  g_autofree char *commitment = fields->commitment_id != 0
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT, fields->commitment_id)
                                  : NULL;

  return log_detail ("commitment", commitment, "channel", cocrea_channel_to_key (fields->channel));
}

/* Ends an edit that succeeded: commits it and hands @record out. */
static gboolean
commit_with_undo (CocreaEdit *edit, CocreaUndo **record, CocreaUndo **undo, GError **error)
{
  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (record);
  return TRUE;
}

/*
 * change_comment:
 * Ends @edit, whose one change to comment @id is @stmt, prepared and
 * bound but not run: captures the comment for the undo record (@action,
 * @label), runs @stmt, logs @action with @detail and commits. On
 * failure, with NOT_FOUND when @stmt changed nothing, @edit is left
 * uncommitted for the caller's guard to roll back. Every change to an
 * existing comment goes through here, so each is undoable and logged the
 * same way.
 */
static gboolean
change_comment (CocreaDocument *document, CocreaEdit *edit, gint64 id, sqlite3_stmt *stmt,
                const char *action, const char *label, const char *detail, CocreaUndo **undo,
                GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autofree char *subject = comment_subject (id);
  g_autoptr (CocreaUndo) record = cocrea_undo_new (action, label);

  if (!cocrea_undo_capture (record, db, COCREA_UNDO_CONSULTATION_COMMENT, id, error) ||
      !cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND, _("There is no comment %lld"),
                   (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, action, subject, detail, error))
    return FALSE;
  return commit_with_undo (edit, &record, undo, error);
}

/**
 * cocrea_consultation_add_comment:
 * @document: a process open for writing
 * @fields: the comment as received; its answer starts as pending
 * @id: (out) (optional): the new comment's id
 * @undo: (out) (optional): the record that removes it again
 * @error: return location for a #CocreaError
 *
 * Records a comment of the public consultation, as one edit logged as
 * "add-comment". Texts are kept as typed, trimmed and NFC, at any length
 * and with any character, emoji included.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty text, an
 *   unknown channel, or a received day that is not a full day, is still
 *   to come or falls outside the window; %COCREA_ERROR_NOT_FOUND for an
 *   unknown commitment
 */
gboolean
cocrea_consultation_add_comment (CocreaDocument *document, const CocreaCommentFields *fields,
                                 gint64 *id, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 new_id;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  edit = begin_comment_edit (document, fields,
                             "INSERT INTO consultation_comment (commitment_id, channel, author,"
                             " received_on, text, uid) VALUES (?1, ?2, ?3, ?4, ?5, cocrea_uid ())",
                             &stmt, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  new_id = sqlite3_last_insert_rowid (db);

  record = cocrea_undo_new ("add-comment", _("Add a comment"));
  cocrea_undo_capture_absent (record, COCREA_UNDO_CONSULTATION_COMMENT, new_id);
  subject = comment_subject (new_id);
  detail = comment_detail (fields);
  if (!cocrea_document_log (document, "add-comment", subject, detail, error))
    return FALSE;

  if (!commit_with_undo (edit, &record, undo, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;
}

/**
 * cocrea_consultation_update_comment:
 * @document: a process open for writing
 * @id: the comment
 * @fields: its new values; its answer and reason are kept
 * @undo: (out) (optional): the record that restores the old values
 * @error: return location for a #CocreaError
 *
 * Rewrites comment @id as one edit, logged as "update-comment".
 *
 * Returns: %TRUE on success; errors as for
 *   cocrea_consultation_add_comment(), and %COCREA_ERROR_NOT_FOUND for an
 *   unknown comment
 */
gboolean
cocrea_consultation_update_comment (CocreaDocument *document, gint64 id,
                                    const CocreaCommentFields *fields, CocreaUndo **undo,
                                    GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *detail = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  edit = begin_comment_edit (document, fields,
                             "UPDATE consultation_comment SET commitment_id = ?1, channel = ?2,"
                             " author = ?3, received_on = ?4, text = ?5 WHERE id = ?6",
                             &stmt, error);
  if (edit == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 6, id);
  detail = comment_detail (fields);
  return change_comment (document, edit, id, stmt, "update-comment", _("Edit a comment"), detail, undo,
                         error);
}

/**
 * cocrea_consultation_delete_comment:
 * @document: a process open for writing
 * @id: the comment
 * @undo: (out) (optional): the record that brings it back, with its id
 *   and its answer
 * @error: return location for a #CocreaError
 *
 * Deletes comment @id as one edit, logged as "delete-comment".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_consultation_delete_comment (CocreaDocument *document, gint64 id, CocreaUndo **undo,
                                    GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  stmt = cocrea_db_prepare (cocrea_document_get_db (document),
                            "DELETE FROM consultation_comment WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return change_comment (document, edit, id, stmt, "delete-comment", _("Delete a comment"), "", undo,
                         error);
}

/**
 * cocrea_consultation_respond:
 * @document: a process open for writing
 * @id: the comment
 * @response: the answer
 * @reason: (nullable): why; required for %COCREA_RESPONSE_PARTLY and
 *   %COCREA_RESPONSE_NOT_ACCEPTED
 * @undo: (out) (optional): the record that restores the earlier answer
 * @error: return location for a #CocreaError
 *
 * Records the answer to comment @id, replacing any earlier one, as one
 * edit logged as "respond-comment" (the detail is JSON: response and
 * reason). %COCREA_RESPONSE_PENDING takes an answer back.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an unknown
 *   response or a missing reason, %COCREA_ERROR_NOT_FOUND for an unknown
 *   comment
 */
gboolean
cocrea_consultation_respond (CocreaDocument *document, gint64 id, CocreaResponse response,
                             const char *reason, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *clean = cocrea_text_normalize (reason);
  g_autofree char *detail = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if ((guint) response >= COCREA_N_RESPONSES)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID, _("Unknown response"));
      return FALSE;
    }
  if (*clean == '\0' &&
      (response == COCREA_RESPONSE_PARTLY || response == COCREA_RESPONSE_NOT_ACCEPTED))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Reason: a comment partly accepted or not accepted needs the "
                             "reason why"));
      return FALSE;
    }
  if (!cocrea_text_check_length (clean, COCREA_TEXT_MAX_LONG, error))
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  stmt = cocrea_db_prepare (cocrea_document_get_db (document),
                            "UPDATE consultation_comment SET response = ?1,"
                            " response_reason = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, cocrea_response_to_key (response));
  cocrea_db_bind_text (stmt, 2, clean);
  sqlite3_bind_int64 (stmt, 3, id);
  detail = log_detail ("response", cocrea_response_to_key (response), "reason", clean);
  return change_comment (document, edit, id, stmt, "respond-comment", _("Answer a comment"), detail,
                         undo, error);
}

static void
counts_clear (gpointer data)
{
  CocreaConsultationCounts *counts = data;

  g_clear_pointer (&counts->name, g_free);
}

/* Frees @summary and its entries. */
void
cocrea_consultation_summary_free (CocreaConsultationSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->commitments, g_array_unref);
  g_free (summary);
}

/* Reads the commitments, in plan order, into @summary with no comments yet. */
static gboolean
read_commitments (sqlite3 *db, CocreaConsultationSummary *summary, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, "SELECT id, position, name FROM commitment ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CocreaConsultationCounts counts = { 0 };

      counts.commitment_id = sqlite3_column_int64 (stmt, 0);
      counts.position = sqlite3_column_int (stmt, 1);
      counts.name = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (summary->commitments, counts);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* The entry of @commitment_id in @summary. The entry of comments on no
 * commitment (0) is added at the end when first needed, as is one for a
 * commitment that a file edited by hand lost. */
static CocreaConsultationCounts *
counts_for (CocreaConsultationSummary *summary, gint64 commitment_id)
{
  CocreaConsultationCounts extra = { .commitment_id = commitment_id };

  for (guint i = 0; i < summary->commitments->len; i++)
    if (g_array_index (summary->commitments, CocreaConsultationCounts, i).commitment_id ==
        commitment_id)
      return &g_array_index (summary->commitments, CocreaConsultationCounts, i);

  g_array_append_val (summary->commitments, extra);
  return &g_array_index (summary->commitments, CocreaConsultationCounts,
                         summary->commitments->len - 1);
}

/**
 * cocrea_consultation_get_summary:
 * @document: a process
 * @error: return location for a #CocreaError
 *
 * Counts the comments by response and by channel: overall, per commitment
 * and for the plan as a whole, for the overview and the reports.
 *
 * Returns: (transfer full): the counts (free with
 *   cocrea_consultation_summary_free()), or %NULL with @error set
 */
CocreaConsultationSummary *
cocrea_consultation_get_summary (CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaConsultationSummary) summary = g_new0 (CocreaConsultationSummary, 1);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  summary->commitments = g_array_new (FALSE, TRUE, sizeof (CocreaConsultationCounts));
  g_array_set_clear_func (summary->commitments, counts_clear);
  db = cocrea_document_get_db (document);
  if (!read_commitments (db, summary, error))
    return NULL;

  stmt = cocrea_db_prepare (db,
                            "SELECT coalesce (commitment_id, 0), channel, response, count (*)"
                            " FROM consultation_comment GROUP BY 1, 2, 3",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CocreaConsultationCounts *counts = counts_for (summary, sqlite3_column_int64 (stmt, 0));
      CocreaChannel channel = COCREA_CHANNEL_ONLINE;
      CocreaResponse response = COCREA_RESPONSE_PENDING;
      guint n = sqlite3_column_int (stmt, 3);

      /* The same fallback as a listed comment, so both agree on a
       * hand-edited file. */
      cocrea_channel_from_text ((const char *) sqlite3_column_text (stmt, 1), &channel);
      cocrea_response_from_text ((const char *) sqlite3_column_text (stmt, 2), &response);
      counts->total += n;
      counts->by_channel[channel] += n;
      counts->by_response[response] += n;
      summary->overall.total += n;
      summary->overall.by_channel[channel] += n;
      summary->overall.by_response[response] += n;
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&summary);
}
