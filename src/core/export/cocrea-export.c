/* cocrea-export.c
 *
 * One dispatch for every export, so the command line and the window write
 * the same files the same way, refuse the same destinations with the same
 * words, and a new export is added once. Each writer already writes
 * through a temporary file renamed into place (cocrea-output.c): a failed
 * or cancelled export leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-commitments-csv.h"
#include "cocrea-csv-export.h"
#include "cocrea-decidim-answers.h"
#include "cocrea-decidim-export.h"
#include "cocrea-export.h"
#include "cocrea-json-export.h"
#include "cocrea-pack.h"
#include "cocrea-pdf-commitment-report.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"

static const char *const extensions[COCREA_N_EXPORTS] = {
  [COCREA_EXPORT_PLAN_PDF] = "pdf",
  [COCREA_EXPORT_REASONS_PDF] = "pdf",
  [COCREA_EXPORT_CONTRIBUTIONS_CSV] = "csv",
  [COCREA_EXPORT_PROCESS_JSON] = "json",
  [COCREA_EXPORT_COMMITMENTS_CSV] = "csv",
  [COCREA_EXPORT_DECIDIM_JSON] = "json",
  [COCREA_EXPORT_DECIDIM_ANSWERS_CSV] = "csv",
  [COCREA_EXPORT_FINAL_PLAN_PDF] = "pdf",
  [COCREA_EXPORT_COMMITMENT_REPORT_PDF] = "pdf",
  [COCREA_EXPORT_PACK_ZIP] = "zip",
};

/* "pdf", "csv" or "json": the file name extension of export @kind. */
const char *
cocrea_export_kind_get_extension (CocreaExportKind kind)
{
  g_return_val_if_fail ((guint) kind < COCREA_N_EXPORTS, NULL);
  return extensions[kind];
}

/* TRUE for the exports that report progress and can be stopped half-way
 * (the PDFs and the pack of them); the others take a second or two at
 * national size. */
gboolean
cocrea_export_kind_reports_progress (CocreaExportKind kind)
{
  return g_str_equal (cocrea_export_kind_get_extension (kind), "pdf") ||
         kind == COCREA_EXPORT_PACK_ZIP;
}

/*
 * cocrea_export_check:
 * Whether an export of @document may be written to @path: the one check of
 * every destination (cocrea_document_check_output(): never the process
 * itself nor another process, a folder that may be written). Cheap: a
 * window calls it before starting the work, to say no at once;
 * cocrea_export() calls it again.
 */
gboolean
cocrea_export_check (CocreaDocument *document, const char *path, GError **error)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return cocrea_document_check_output (document, path, error);
}

typedef struct {
  GCancellable *cancellable;
  CocreaProgressFunc progress;
  gpointer user_data;
} Report;

/* The writer's progress, passed on; a cancelled @cancellable stops it. */
static gboolean
report_cb (double fraction, const char *phase, gpointer data)
{
  Report *report = data;

  if (report->progress != NULL && !report->progress (fraction, phase, report->user_data))
    return FALSE;
  return !g_cancellable_is_cancelled (report->cancellable);
}

/* Decidim imports answers per proposals component: say when the file
 * holds several, and when it holds none yet. */
static void
answers_warnings (GPtrArray *warnings, guint rows, guint spaces)
{
  if (spaces > 1)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "the answers are for proposals of %u "
                                                   "participatory space: import the file into "
                                                   "each one's proposals",
                                                   "the answers are for proposals of %u "
                                                   "participatory spaces: import the file into "
                                                   "each one's proposals",
                                                   spaces),
                                      spaces));
  if (rows == 0)
    g_ptr_array_add (warnings,
                     g_strdup (_("no proposal that came from Decidim is in a proposal of the "
                                 "process yet: the file has only its header")));
}

/**
 * cocrea_export:
 * @document: the process (only read; may be open read-only)
 * @kind: which export
 * @options: (nullable): what @kind needs besides @path (the commitment of
 *   a commitment report); %NULL for the others
 * @path: where to write it
 * @cancellable: (nullable): stops the export; checked before it starts,
 *   and between the steps of those that report progress
 * @progress: (nullable): told how far the export is, for the kinds that
 *   say (cocrea_export_kind_reports_progress()); on the export's thread
 * @user_data: for @progress
 * @warnings: (out) (optional): what the file could not hold as given (a
 *   character no PDF font shows) or should tell its reader, translated;
 *   %NULL when nothing
 * @error: return location for a #CocreaError, or %G_IO_ERROR_CANCELLED
 *
 * Writes export @kind of @document to @path, after cocrea_export_check().
 * The file appears whole or not at all.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_export (CocreaDocument *document, CocreaExportKind kind,
               const CocreaExportOptions *options, const char *path, GCancellable *cancellable, CocreaProgressFunc progress, gpointer user_data,
               GStrv *warnings, GError **error)
{
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) pdf_warnings = NULL;
  Report report = { cancellable, progress, user_data };
  guint rows = 0, spaces = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail ((guint) kind < COCREA_N_EXPORTS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !cocrea_export_check (document, path, error))
    return FALSE;

  switch (kind)
    {
    case COCREA_EXPORT_PLAN_PDF:
      ok = cocrea_pdf_plan_export (document, path, report_cb, &report, &pdf_warnings, error);
      break;
    case COCREA_EXPORT_REASONS_PDF:
      ok = cocrea_pdf_reasons_export (document, path, report_cb, &report, &pdf_warnings, error);
      break;
    case COCREA_EXPORT_CONTRIBUTIONS_CSV:
      ok = cocrea_csv_export (document, path, error);
      break;
    case COCREA_EXPORT_PROCESS_JSON:
      ok = cocrea_json_export (document, path, error);
      break;
    case COCREA_EXPORT_COMMITMENTS_CSV:
      ok = cocrea_commitments_csv_export (document, path, error);
      break;
    case COCREA_EXPORT_DECIDIM_JSON:
      ok = cocrea_decidim_export (document, path, error);
      break;
    case COCREA_EXPORT_FINAL_PLAN_PDF:
      ok = cocrea_pdf_plan_export_final (document, path, report_cb, &report, &pdf_warnings, error);
      break;
    case COCREA_EXPORT_COMMITMENT_REPORT_PDF:
      ok = cocrea_pdf_commitment_report_export (document, options != NULL ? options->commitment : 0,
                                                path, report_cb, &report, &pdf_warnings, error);
      break;
    case COCREA_EXPORT_PACK_ZIP:
      ok = cocrea_pack_export (document, path, cancellable, report_cb, &report, &pdf_warnings,
                               error);
      break;
    case COCREA_EXPORT_DECIDIM_ANSWERS_CSV:
      ok = cocrea_decidim_answers_export (document, path, &rows, &spaces, error);
      if (ok)
        answers_warnings (said, rows, spaces);
      break;
    case COCREA_N_EXPORTS:
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; pdf_warnings != NULL && pdf_warnings[i] != NULL; i++)
    g_ptr_array_add (said, g_strdup (pdf_warnings[i]));
  if (warnings != NULL && said->len > 0)
    {
      g_ptr_array_add (said, NULL);
      *warnings = (GStrv) g_ptr_array_steal (said, NULL);
    }
  return ok;
}
