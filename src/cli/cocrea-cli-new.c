/* cocrea-cli-new.c — cocrea new FILE --title TEXT --municipality TEXT [--period Y-Y]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"

int
cocrea_cli_new (int argc, char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *period = NULL;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title of the action plan"), N_("TEXT") },
    { "municipality", 'm', 0, G_OPTION_ARG_STRING, &municipality, N_("Municipality"), N_("TEXT") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period, N_("Period of the plan, e.g. 2019-2021"), N_("YEARS") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"), _("Create an empty process file."), entries);
  g_autoptr (CocreaDocument) document = NULL;
  GError *error = NULL;
  int start = 0, end = 0;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  if (title == NULL)
    return cocrea_cli_usage (context, _("--title is required"));
  if (municipality == NULL)
    return cocrea_cli_usage (context, _("--municipality is required"));
  if (period != NULL && !cocrea_parse_period (period, &start, &end, &error))
    return cocrea_cli_fail (error);

  document = cocrea_document_create (argv[1], title, municipality, start, end, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  return 0;
}
