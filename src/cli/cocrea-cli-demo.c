/* cocrea-cli-demo.c — cocrea demo FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-demo.h"

/*
 * cocrea_cli_demo:
 * Writes the Renca 2019 demo process to FILE and prints its name. Fails,
 * leaving it untouched, when FILE already exists.
 */
int
cocrea_cli_demo (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Write the Renca 2019 co-creation process to a new file, "
                          "to try Cocrea or to test with."),
                        NULL);
  g_autofree char *name = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  if (!cocrea_demo_write (argv[1], &error))
    return cocrea_cli_fail (error);

  name = g_filename_display_name (argv[1]);
  /* TRANSLATORS: %s is a file name */
  printf (_("Wrote the demo process to “%s”"), name);
  putchar ('\n');
  return 0;
}
