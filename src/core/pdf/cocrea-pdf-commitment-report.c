/* cocrea-pdf-commitment-report.c
 *
 * OGP Local asks, when a commitment ends, for an end-of-commitment
 * assessment: what the commitment was, how each milestone went and what
 * proves it, the level it reached on OGP's completion scale, and what the
 * public said of it in the consultation and what was answered. This
 * report gathers that for one commitment, in the process's language: the
 * commitment as the plan writes it (template, milestones with where each
 * stands, completion, contact, actors), then every progress record with
 * its evidence, then the consultation's comments on it with their
 * answers and the changes they caused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-catalog.h"
#include "cocrea-consultation.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-pdf-commitment-report.h"
#include "cocrea-pdf-labels.h"
#include "cocrea-pdf-plan-private.h"
#include "cocrea-pdf-writer.h"
#include "cocrea-revision.h"

#define T(s) cocrea_catalog_gettext (catalog, (s))

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* Every progress record of the commitment's milestones, as they were
 * recorded: the forum's evidence, milestone by milestone. */
static gboolean
write_evidence (CocreaCatalog *catalog, CocreaPdfWriter *w, sqlite3 *db, gint64 commitment_id,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const double widths[] = { 0.3, 0.17, 0.16, 0.37 };
  const char *header[] = { T (N_("Milestone")), T (N_("Date")), T (N_("Status")),
                           T (N_("Evidence")) };
  gboolean any = FALSE;
  int rc;

  stmt = cocrea_db_prepare (db,
                            "SELECT k.position, m.position, m.deliverable, p.recorded_on, p.status,"
                            " p.evidence FROM milestone_progress p"
                            " JOIN milestone m ON m.id = p.milestone_id"
                            " JOIN commitment k ON k.id = m.commitment_id"
                            " WHERE k.id = ? ORDER BY m.position, m.id, p.recorded_on, p.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, commitment_id);

  cocrea_pdf_writer_heading (w, 2, T (N_("Progress and evidence")), TRUE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *milestone = g_strdup_printf ("%d.%d %s", sqlite3_column_int (stmt, 0),
                                                    sqlite3_column_int (stmt, 1),
                                                    column_text (stmt, 2));
      g_autofree char *day = cocrea_pdf_format_date (catalog, column_text (stmt, 3));
      const char *status = cocrea_pdf_label_progress (catalog, column_text (stmt, 4));

      if (!any)
        cocrea_pdf_writer_table_begin (w, 4, widths, header, COCREA_PDF_TABLE_NORMAL);
      any = TRUE;
      cocrea_pdf_writer_table_row (w, (const char *[]) { milestone, day, status,
                                                         column_text (stmt, 5) });
    }
  if (any)
    cocrea_pdf_writer_table_end (w);
  else
    cocrea_pdf_writer_text (w, T (N_("No progress has been recorded for this commitment.")), 0,
                            COCREA_PDF_TEXT_GREY);
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* The consultation's comments on the commitment, each with its answer
 * and the changes it caused. */
static gboolean
write_comments (CocreaDocument *document, CocreaCatalog *catalog, CocreaPdfWriter *w,
                gint64 commitment_id, GError **error)
{
  g_autoptr (GListModel) comments = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  const double widths[] = { 0.28, 0.72 };
  guint n;

  comments = cocrea_consultation_list_comments (document, commitment_id, error);
  if (comments == NULL)
    return FALSE;
  revisions = cocrea_revision_list (document, 0, error);
  if (revisions == NULL)
    return FALSE;

  cocrea_pdf_writer_heading (w, 2, T (N_("What the public consultation said")), TRUE);
  n = g_list_model_get_n_items (comments);
  if (n == 0)
    {
      cocrea_pdf_writer_text (w, T (N_("The public consultation received no comments on this "
                                       "commitment.")),
                              0, COCREA_PDF_TEXT_GREY);
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (comments, i);
      gint64 id = cocrea_consultation_comment_get_id (c);
      const char *author = cocrea_consultation_comment_get_author (c);
      const char *reason = cocrea_consultation_comment_get_response_reason (c);
      g_autofree char *day = cocrea_pdf_format_date (catalog,
                                                     cocrea_consultation_comment_get_received_on (c));
      g_autofree char *heading = g_strdup_printf (T (N_("Comment %lld")), (long long) id);
      g_autofree char *from = NULL;
      g_autofree char *answer = NULL;
      g_autoptr (GString) changes = g_string_new (NULL);
      const char *channel =
        cocrea_pdf_label_channel (catalog,
                                  cocrea_channel_to_key (cocrea_consultation_comment_get_channel (c)));

      from = *author != '\0' ? g_strdup_printf ("%s · %s · %s", channel, day, author)
                             : g_strdup_printf ("%s · %s", channel, day);
      answer = *reason != '\0'
                 ? g_strdup_printf ("%s — %s",
                                    cocrea_pdf_label_response (catalog, cocrea_response_to_key (
                                                                 cocrea_consultation_comment_get_response (c))),
                                    reason)
                 : g_strdup (cocrea_pdf_label_response (catalog, cocrea_response_to_key (
                                                          cocrea_consultation_comment_get_response (c))));
      for (guint r = 0; r < revisions->len; r++)
        {
          const CocreaRevision *rev = g_ptr_array_index (revisions, r);
          const char *field = cocrea_catalog_pgettext (catalog, "plan field",
                                                       cocrea_revision_field_msgid (rev->field));
          if (rev->comment_id != id)
            continue;
          if (changes->len > 0)
            g_string_append_c (changes, '\n');
          if (rev->milestone_position > 0)
            g_string_append_printf (changes, T (N_("%s, milestone %d.%d")), field,
                                    rev->commitment_position, rev->milestone_position);
          else
            g_string_append (changes, field);
          g_string_append_printf (changes, ": “%s” → “%s”", rev->before, rev->after);
        }

      cocrea_pdf_writer_heading (w, 3, heading, FALSE);
      cocrea_pdf_writer_table_begin (w, 2, widths, NULL, COCREA_PDF_TABLE_LABEL_COLUMN);
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("From")), from });
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Comment")),
                                                         cocrea_consultation_comment_get_text (c) });
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Answer")), answer });
      if (changes->len > 0)
        cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Changes to the plan")),
                                                           changes->str });
      cocrea_pdf_writer_table_end (w);
    }
  return TRUE;
}

/* The id of commitment number @position, or 0 with @error set. */
static gint64
commitment_numbered (sqlite3 *db, int position, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, "SELECT id FROM commitment"
                                                         " WHERE position = ? ORDER BY id LIMIT 1",
                                                     error);
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, position);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("The plan has no commitment number %d"), position);
  else
    cocrea_db_set_error (error, db, rc, NULL);
  return 0;
}

/**
 * cocrea_pdf_commitment_report_export:
 * @document: an open process (read-only is fine)
 * @position: the commitment's number in the plan
 * @path: the PDF to write; never the process or another process
 * @progress: (nullable): called with the fraction done and the phase
 * @user_data: for @progress
 * @warnings: (out) (optional): the warnings (characters replaced), or %NULL
 * @error: return location for a #CocreaError
 *
 * Writes the end-of-commitment report of commitment number @position (see
 * the top of this file).
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for a number the plan
 *   does not have; on failure no file is left at @path
 */
gboolean
cocrea_pdf_commitment_report_export (CocreaDocument *document, int position, const char *path,
                                     CocreaProgressFunc progress, gpointer user_data,
                                     GStrv *warnings, GError **error)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaCatalog) catalog = NULL;
  g_autoptr (CocreaPdfWriter) w = NULL;
  g_autoptr (CocreaDbRead) read = NULL;
  g_autofree char *today = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;
  /* Before the work: never over the process itself, nor any other. */
  if (!cocrea_document_check_output (document, path, error))
    return FALSE;

  db = cocrea_document_get_db (document);
  read = cocrea_db_read_begin (db, error);
  if (read == NULL)
    return FALSE;
  id = commitment_numbered (db, position, error);
  if (id == 0)
    return FALSE;
  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return FALSE;
  if (progress != NULL && !progress (0.1, _("Writing the report"), user_data))
    {
      cocrea_set_cancelled_error (error);
      return FALSE;
    }

  catalog = cocrea_catalog_new_for_language (info->language);
  w = cocrea_pdf_writer_new (path, error);
  if (w == NULL)
    return FALSE;
  today = cocrea_pdf_format_today (catalog);
  cocrea_pdf_writer_set_title (w, info->title);
  cocrea_pdf_writer_set_footer_func (w, cocrea_pdf_page_footer, catalog);
  cocrea_pdf_writer_set_continued (w, T (N_("(continued)")));
  cocrea_pdf_writer_set_header (w, info->title);
  cocrea_pdf_writer_new_page (w);
  cocrea_pdf_writer_heading (w, 0, T (N_("End-of-commitment report")), FALSE);
  cocrea_pdf_writer_text (w, info->title, 13, COCREA_PDF_TEXT_BOLD);
  cocrea_pdf_writer_text (w, today, 0, COCREA_PDF_TEXT_GREY);
  cocrea_pdf_writer_text (w, T (N_("What the commitment was, how each of its milestones went and "
                                   "what proves it, the level it reached on OGP's completion "
                                   "scale, and what the public consultation said of it.")),
                          0, COCREA_PDF_TEXT_NORMAL);

  if (!cocrea_pdf_plan_write_commitment (document, catalog, w, id, error) ||
      !write_evidence (catalog, w, db, id, error) ||
      !write_comments (document, catalog, w, id, error))
    return FALSE;
  g_clear_pointer (&read, cocrea_db_read_end);

  if (progress != NULL && !progress (0.9, _("Saving the PDF"), user_data))
    {
      cocrea_set_cancelled_error (error);
      return FALSE;
    }
  if (!cocrea_pdf_writer_save (w, error))
    return FALSE;
  if (warnings != NULL)
    *warnings = cocrea_pdf_writer_steal_warnings (w);
  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  return TRUE;
}
