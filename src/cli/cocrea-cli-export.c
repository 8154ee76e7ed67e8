/* cocrea-cli-export.c — cocrea export FILE (--csv | --json | --pdf | --reasons-pdf
 *                        | --commitments-csv | --decidim | --decidim-answers | --final-pdf) OUT
 *                        | --commitment-report N OUT | --pack OUT.zip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-commitments-csv.h"
#include "cocrea-csv-export.h"
#include "cocrea-decidim-answers.h"
#include "cocrea-decidim-export.h"
#include "cocrea-json-export.h"
#include "cocrea-pack.h"
#include "cocrea-pdf-commitment-report.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"

/* Prints each warning on stderr, as "cocrea: warning: …". */
static void
print_warnings (GStrv warnings)
{
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("cocrea: %s: %s\n", _("warning"), warnings[i]);
}

/*
 * cocrea_cli_export:
 * Writes the one export its single option names; the process is only
 * read. Warnings (characters a PDF font cannot show) go to stderr and do
 * not fail the command. Returns 0, 1 when the export failed (no file is
 * left half-written), or 2 for a usage error.
 */
int
cocrea_cli_export (int argc, char **argv)
{
  g_autofree char *csv_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *reasons_path = NULL;
  g_autofree char *commitments_path = NULL;
  g_autofree char *decidim_path = NULL;
  g_autofree char *answers_path = NULL;
  g_autofree char *final_path = NULL;
  int report_number = 0;
  g_autofree char *pack_path = NULL;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Write every contribution to a CSV file"), N_("OUT.csv") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Write the whole process to a JSON file"), N_("OUT.json") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path,
      N_("Write the draft action plan as a PDF"), N_("OUT.pdf") },
    { "reasons-pdf", 0, 0, G_OPTION_ARG_FILENAME, &reasons_path,
      N_("Write the reasons report (the decision on every proposal) as a PDF"), N_("OUT.pdf") },
    { "commitments-csv", 0, 0, G_OPTION_ARG_FILENAME, &commitments_path,
      N_("Write the commitments and their milestones to a CSV file"), N_("OUT.csv") },
    { "decidim", 0, 0, G_OPTION_ARG_FILENAME, &decidim_path,
      N_("Write the proposals as a Decidim proposals import (JSON)"), N_("OUT.json") },
    { "decidim-answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_path,
      N_("Write the answers to the proposals that came from Decidim, for Decidim's "
         "“Import answers” (CSV)"), N_("OUT.csv") },
    { "final-pdf", 0, 0, G_OPTION_ARG_FILENAME, &final_path,
      N_("Write the final plan after the consultation, with what changed since the draft and "
         "the decision on every proposal (PDF)"), N_("OUT.pdf") },
    { "commitment-report", 0, 0, G_OPTION_ARG_INT, &report_number,
      N_("Write the end-of-commitment report of commitment number N (PDF): cocrea export FILE "
         "--commitment-report N OUT.pdf"), N_("N") },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &pack_path,
      N_("Write the public record for the OGP repository: every document in one ZIP, with a "
         "manifest of their SHA-256"), N_("OUT.zip") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Export the process: contributions (CSV), everything (JSON), the draft "
                          "plan or the reasons report (PDF), the commitments (CSV), or the "
                          "proposals for Decidim (JSON)."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_auto (GStrv) warnings = NULL;
  const char *out_path;
  GError *error = NULL;
  gboolean ok;
  int status;
  guint given;

  /* --commitment-report takes its number; the PDF follows FILE. */
  if (!cocrea_cli_parse (context, &argc, &argv, -1, &status))
    return status;

  given = (csv_path != NULL) + (json_path != NULL) + (pdf_path != NULL) + (reasons_path != NULL) +
          (commitments_path != NULL) + (decidim_path != NULL) + (answers_path != NULL) +
          (final_path != NULL) + (report_number != 0) + (pack_path != NULL);
  if (given != 1)
    return cocrea_cli_usage (context, _("Give exactly one of --csv, --json, --pdf, --reasons-pdf, "
                                        "--commitments-csv, --decidim, --decidim-answers, "
                                        "--final-pdf, --commitment-report and --pack"));
  if (report_number < 0)
    return cocrea_cli_usage (context, _("--commitment-report takes a commitment's number in the "
                                        "plan, from 1"));
  if (argc != (report_number != 0 ? 3 : 2))
    return cocrea_cli_usage (context, report_number != 0
                                        ? _("Give FILE and OUT.pdf: cocrea export FILE "
                                            "--commitment-report N OUT.pdf")
                                        : _("Too many arguments"));

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  /* Never over the process itself, nor any other: said before the work. */
  out_path = csv_path ? csv_path : json_path ? json_path : pdf_path ? pdf_path
           : reasons_path ? reasons_path : commitments_path ? commitments_path
           : decidim_path ? decidim_path : answers_path ? answers_path
           : final_path ? final_path : pack_path ? pack_path : argv[2];
  if (!cocrea_document_check_output (document, out_path, &error))
    return cocrea_cli_fail (error);

  if (csv_path != NULL)
    ok = cocrea_csv_export (document, csv_path, &error);
  else if (json_path != NULL)
    ok = cocrea_json_export (document, json_path, &error);
  else if (pdf_path != NULL)
    ok = cocrea_pdf_plan_export (document, pdf_path, NULL, NULL, &warnings, &error);
  else if (reasons_path != NULL)
    ok = cocrea_pdf_reasons_export (document, reasons_path, NULL, NULL, &warnings, &error);
  else if (commitments_path != NULL)
    ok = cocrea_commitments_csv_export (document, commitments_path, &error);
  else if (decidim_path != NULL)
    ok = cocrea_decidim_export (document, decidim_path, &error);
  else if (final_path != NULL)
    ok = cocrea_pdf_plan_export_final (document, final_path, NULL, NULL, &warnings, &error);
  else if (pack_path != NULL)
    ok = cocrea_pack_export (document, pack_path, NULL, NULL, NULL, &warnings, &error);
  else if (report_number != 0)
    ok = cocrea_pdf_commitment_report_export (document, report_number, argv[2], NULL, NULL,
                                              &warnings, &error);
  else
    {
      guint rows = 0, spaces = 0;

      ok = cocrea_decidim_answers_export (document, answers_path, &rows, &spaces, &error);
      /* Decidim imports answers per proposals component. */
      if (ok && spaces > 1)
        {
          g_autofree char *warning =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "the answers are for proposals of %u participatory "
                                          "space: import the file into each one's proposals",
                                          "the answers are for proposals of %u participatory "
                                          "spaces: import the file into each one's proposals",
                                          spaces),
                             spaces);
          g_printerr ("cocrea: %s: %s\n", _("warning"), warning);
        }
      if (ok && rows == 0)
        g_printerr ("cocrea: %s: %s\n", _("warning"),
                    _("no proposal that came from Decidim is in a proposal of the process yet: "
                      "the file has only its header"));
    }

  print_warnings (warnings);
  if (!ok)
    return cocrea_cli_fail (error);

  return 0;
}
