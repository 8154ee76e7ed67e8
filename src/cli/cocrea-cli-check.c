/* cocrea-cli-check.c — cocrea check FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-schema.h"

int
cocrea_cli_check (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Check a process file's integrity and schema version, without "
                          "changing it. Exits with 0 only when the file is healthy."),
                        NULL);
  GError *error = NULL;
  int version = 0;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  if (!cocrea_document_check_file (argv[1], &version, &error))
    return cocrea_cli_fail (error);

  printf (_("%s: healthy, file format %d"), argv[1], version);
  if (version < COCREA_SCHEMA_VERSION)
    printf (_(" (will be upgraded to %d when opened)"), COCREA_SCHEMA_VERSION);
  putchar ('\n');
  return 0;
}
