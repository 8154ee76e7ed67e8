/* cocrea-cli-export.c — cocrea export FILE (--csv | --json | --pdf | --reasons-pdf
 *                        | --commitments-csv | --decidim | --decidim-answers | --final-pdf) OUT
 *                        | --commitment-report N OUT | --pack OUT.zip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-export.h"

/* Prints each warning on stderr, as "cocrea: warning: …". */
static void
print_warnings (GStrv warnings)
{
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("cocrea: %s: %s\n", _("warning"), warnings[i]);
}

/*
 * cocrea_cli_export:
 * Writes the one export its single option names, through cocrea_export()
 * as the Export page does; the process is only read. Warnings
 * (characters a PDF font cannot show, an answers file for several
 * spaces) go to stderr and do not fail the command. Returns 0, 1 when the export failed (no file is
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
                          "plan, the reasons report, the final plan or a commitment's report "
                          "(PDF), the commitments (CSV), the proposals or the answers for "
                          "Decidim (JSON, CSV), or all of it as the repository pack (ZIP)."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_auto (GStrv) warnings = NULL;
  CocreaExportKind kind = COCREA_EXPORT_CONTRIBUTIONS_CSV;
  CocreaExportOptions options = { 0 };
  const char *out_path = NULL;
  GError *error = NULL;
  gboolean ok;
  int status;
  guint given;

  /* --commitment-report takes its number; the PDF follows FILE. */
  if (!cocrea_cli_parse (context, &argc, &argv, -1, &status))
    return status;

  {
    /* Each option and the export it names. */
    const struct {
      const char *path;
      CocreaExportKind kind;
    } chosen[] = {
      { csv_path, COCREA_EXPORT_CONTRIBUTIONS_CSV },
      { json_path, COCREA_EXPORT_PROCESS_JSON },
      { pdf_path, COCREA_EXPORT_PLAN_PDF },
      { reasons_path, COCREA_EXPORT_REASONS_PDF },
      { commitments_path, COCREA_EXPORT_COMMITMENTS_CSV },
      { decidim_path, COCREA_EXPORT_DECIDIM_JSON },
      { answers_path, COCREA_EXPORT_DECIDIM_ANSWERS_CSV },
      { final_path, COCREA_EXPORT_FINAL_PLAN_PDF },
      /* Its OUT.pdf follows FILE; checked below. */
      { report_number != 0 ? (argc > 2 ? argv[2] : "") : NULL,
        COCREA_EXPORT_COMMITMENT_REPORT_PDF },
      { pack_path, COCREA_EXPORT_PACK_ZIP },
    };

    given = 0;
    for (guint i = 0; i < G_N_ELEMENTS (chosen); i++)
      if (chosen[i].path != NULL)
        {
          given++;
          out_path = chosen[i].path;
          kind = chosen[i].kind;
        }
  }
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

  /* The destination is checked before the work (never the process itself
   * nor any other), as the window does. */
  options.commitment = report_number;
  ok = cocrea_export (document, kind, &options, out_path, NULL, NULL, NULL, &warnings, &error);

  print_warnings (warnings);
  if (!ok)
    return cocrea_cli_fail (error);

  return 0;
}
