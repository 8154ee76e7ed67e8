/* cocrea-cli-import.c — cocrea import FILE (--csv IN.csv | --decidim EXPORT)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-csv-import.h"
#include "cocrea-decidim-import.h"

/* Imports Decidim's proposals export and says what came in. */
static int
import_decidim (CocreaDocument *document, const char *path)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autofree char *summary = NULL;
  GError *error = NULL;

  if (!cocrea_decidim_import (document, path, &result, NULL, &error))
    return cocrea_cli_fail (error);

  summary = cocrea_decidim_import_describe (&result);
  printf ("%s\n", summary);
  return 0;
}

/*
 * cocrea_cli_import:
 * Adds the contributions of a CSV file to a process, all or nothing, and
 * says how many. Returns 0, 1 when the import failed (nothing was added),
 * or 2 for a usage error.
 */
int
cocrea_cli_import (int argc, char **argv)
{
  g_autofree char *csv_path = NULL;
  g_autofree char *decidim_path = NULL;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("CSV file with a “text” column, and optionally activity, group, origin, area and axes"),
      N_("IN.csv") },
    { "decidim", 0, 0, G_OPTION_ARG_FILENAME, &decidim_path,
      N_("Decidim's proposals export (open-data CSV or admin JSON): each proposal becomes a "
         "contribution of the online activity of its space"),
      N_("EXPORT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Import contributions from a CSV spreadsheet, or the proposals of a "
                          "Decidim participatory space from its export."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_auto (GStrv) warnings = NULL;
  GError *error = NULL;
  guint n_imported = 0;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  if ((csv_path == NULL) == (decidim_path == NULL))
    return cocrea_cli_usage (context, _("Give exactly one of --csv and --decidim"));

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  if (decidim_path != NULL)
    return import_decidim (document, decidim_path);

  if (!cocrea_csv_import_full (document, csv_path, &n_imported, NULL, &warnings, &error))
    return cocrea_cli_fail (error);
  for (guint i = 0; warnings[i] != NULL; i++)
    g_printerr ("cocrea: %s: %s\n", _("warning"), warnings[i]);

  if (n_imported == 0)
    {
      g_autofree char *name = g_filename_display_basename (csv_path);
      printf (_("“%s” has no rows to import: nothing was added."), name);
    }
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u contribution.",
                         "Imported %u contributions.", n_imported),
            n_imported);
  putchar ('\n');

  return 0;
}
