/* cocrea-cli-sheets.c — cocrea sheets FILE OUT.pdf (--capture|--attendance) --activity ID [--pages N]
 *                       cocrea sheets FILE OUT.pdf --scoring [--evaluator NAME]
 *                       cocrea sheets FILE --read CODE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-activity.h"
#include "cocrea-cli-private.h"
#include "cocrea-pdf-sheets.h"
#include "cocrea-sheet-code.h"

/* Prints what the sheet code @text names in @document, or fails. */
static int
read_code (CocreaDocument *document, const char *text)
{
  CocreaSheetCode code;
  GError *error = NULL;
  g_autofree char *canonical = NULL;

  if (!cocrea_sheet_code_resolve (document, text, &code, &error))
    return cocrea_cli_fail (error);
  canonical = cocrea_sheet_code_format (&code);

  switch (code.kind)
    {
    case COCREA_SHEET_CAPTURE:
      /* TRANSLATORS: what a sheet code names: "C4F2A-3-12-1-K: proposal sheet, activity 3, group 12, page 1" */
      printf (_("%s: proposal sheet, activity %lld, group %lld, page %u"), canonical,
              (long long) code.activity_id, (long long) code.group_id, code.page);
      break;
    case COCREA_SHEET_ATTENDANCE:
      printf (_("%s: attendance register, activity %lld, page %u"), canonical,
              (long long) code.activity_id, code.page);
      break;
    case COCREA_SHEET_SCORING:
    default:
      printf (_("%s: scoring sheet, evaluator %lld, page %u"), canonical, (long long) code.evaluator_id,
              code.page);
      break;
    }
  putchar ('\n');
  return 0;
}

/*
 * cocrea_cli_sheets:
 * Prints paper sheets as PDF: a capture sheet per table group of an
 * activity, its attendance and inclusion register, or the scoring sheets
 * of the viability workshop. With --read, says what a sheet code names.
 * Only reads the process.
 */
int
cocrea_cli_sheets (int argc, char **argv)
{
  gboolean capture = FALSE, attendance = FALSE, scoring = FALSE;
  gint64 activity = 0;
  int pages = 0;
  g_autofree char *evaluator = NULL;
  g_autofree char *code = NULL;
  GOptionEntry entries[] = {
    { "capture", 0, 0, G_OPTION_ARG_NONE, &capture,
      N_("A proposal sheet for each table group of the activity"), NULL },
    { "attendance", 0, 0, G_OPTION_ARG_NONE, &attendance,
      N_("The activity’s attendance and inclusion register"), NULL },
    { "scoring", 0, 0, G_OPTION_ARG_NONE, &scoring,
      N_("Scoring sheets of the shortlisted proposals, for the viability workshop"), NULL },
    { "activity", 0, 0, G_OPTION_ARG_INT64, &activity, N_("The activity’s id"), N_("ID") },
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages,
      N_("Pages of the register (default: enough for the recorded attendance)"), N_("N") },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator,
      N_("The evaluator the scoring sheet is for"), N_("NAME") },
    { "read", 0, 0, G_OPTION_ARG_STRING, &code,
      N_("Say what a sheet code names, instead of printing sheets"), N_("CODE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE OUT.pdf"),
                        _("Print paper sheets as PDF, in the process’s language: a proposal sheet for "
                          "each table group of an activity (--capture), its attendance and inclusion "
                          "register (--attendance), or the scoring sheets of the viability workshop "
                          "(--scoring). Every sheet carries a code, as text and as a QR code, that "
                          "Capture reads to type the sheet back at its table."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  GError *error = NULL;
  guint n_pages = 0;
  gboolean ok;
  int status;

  /* With --read there is no OUT.pdf: the count is checked after parsing. */
  if (!cocrea_cli_parse (context, &argc, &argv, -1, &status))
    return status;
  if (argc - 1 != (code != NULL ? 1 : 2))
    return cocrea_cli_usage (context, argc - 1 < (code != NULL ? 1 : 2) ? _("Missing arguments")
                                                                       : _("Too many arguments"));
  if (code == NULL && capture + attendance + scoring != 1)
    return cocrea_cli_usage (context, _("Give exactly one of --capture, --attendance and --scoring"));
  if ((capture || attendance) && activity <= 0)
    return cocrea_cli_usage (context, _("Give the activity with --activity ID"));
  if (pages < 0 || pages > 100)
    return cocrea_cli_usage (context, _("--pages must be from 1 to 100"));

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  if (code != NULL)
    return read_code (document, code);

  if (capture)
    ok = cocrea_pdf_sheets_capture (document, activity, argv[2], &n_pages, &error);
  else if (attendance)
    ok = cocrea_pdf_sheets_attendance (document, activity, pages, argv[2], &n_pages, &error);
  else
    ok = cocrea_pdf_sheets_scoring (document, evaluator, argv[2], &n_pages, &error);
  if (!ok)
    return cocrea_cli_fail (error);

  {
    g_autofree char *name = g_filename_display_name (argv[2]);
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to “%s”", "Wrote %u pages to “%s”", n_pages),
            n_pages, name);
    putchar ('\n');
  }
  return 0;
}
