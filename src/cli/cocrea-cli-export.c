/* cocrea-cli-export.c — cocrea export FILE (--csv OUT.csv | --json OUT.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-csv-export.h"
#include "cocrea-json-export.h"

/*
 * cocrea_cli_export:
 * Writes the contributions as CSV or the whole process as JSON, whichever
 * one option names; the process is only read. Returns 0, 1 when the export
 * failed (no file is left half-written), or 2 for a usage error.
 */
int
cocrea_cli_export (int argc, char **argv)
{
  g_autofree char *csv_path = NULL;
  g_autofree char *json_path = NULL;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Write every contribution to a CSV file"), N_("OUT.csv") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Write the whole process to a JSON file"), N_("OUT.json") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"), _("Export contributions as CSV or the process as JSON."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  GError *error = NULL;
  gboolean ok;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  if ((csv_path == NULL) == (json_path == NULL))
    return cocrea_cli_usage (context, _("Give exactly one of --csv and --json"));

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  if (csv_path != NULL)
    ok = cocrea_csv_export (document, csv_path, &error);
  else
    ok = cocrea_json_export (document, json_path, &error);

  if (!ok)
    return cocrea_cli_fail (error);

  return 0;
}
