/* cocrea-cli-copy.c — cocrea copy FILE OUT
 *
 * A copy for a USB stick or a mail, taken with SQLite's backup API from a
 * read-only opening: it works while a window is editing the file, and the
 * copy holds the process as it was between two edits, never in the middle
 * of one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"

int
cocrea_cli_copy (int argc, char **argv)
{
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE OUT"),
                        _("Save a copy of a process file, even while a window is editing "
                          "it. The copy is checked before the command succeeds."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autofree char *out_name = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 2, &status))
    return status;

  out_name = g_filename_display_basename (argv[2]);
  if (!force && g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, COCREA_ERROR, COCREA_ERROR_EXISTS,
                   _("“%s” already exists; choose another name or add --force"), out_name);
      return cocrea_cli_fail (error);
    }

  /* Read-only: never waits for, nor disturbs, the window that edits it. */
  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  /* The copy is checked before it takes its name (cocrea_document_save_copy()). */
  if (!cocrea_document_save_copy (document, argv[2], &error))
    return cocrea_cli_fail (error);

  printf (_("Copied to %s"), argv[2]);
  putchar ('\n');
  return 0;
}
