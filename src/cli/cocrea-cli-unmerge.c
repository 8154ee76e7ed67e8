/* cocrea-cli-unmerge.c — cocrea unmerge FILE CONTRIBUTION_ID…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-proposal-merge.h"

/*
 * cocrea_cli_unmerge:
 * Takes contributions out of their proposals, all or nothing. Returns 0,
 * 1 when it failed (nothing changed), 2 for a usage error.
 */
int
cocrea_cli_unmerge (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE CONTRIBUTION_ID…"),
                        _("Take contributions out of the proposals they were merged into."),
                        NULL);
  g_autoptr (CocreaDocument) document = NULL;
  g_autofree gint64 *ids = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, -2, &status))
    return status;

  ids = cocrea_cli_parse_ids (argc - 2, argv + 2, &error);
  if (ids == NULL)
    return cocrea_cli_fail (error);

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL || !cocrea_unmerge (document, ids, argc - 2, NULL, &error))
    return cocrea_cli_fail (error);

  printf (g_dngettext (GETTEXT_PACKAGE, "Unmerged %d contribution.",
                       "Unmerged %d contributions.", argc - 2),
          argc - 2);
  putchar ('\n');
  return 0;
}
