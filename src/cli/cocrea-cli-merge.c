/* cocrea-cli-merge.c — cocrea merge FILE --title TEXT ID… | --into PROPOSAL_ID ID…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-proposal-merge.h"

/* Parses one positive id; fails with COCREA_ERROR_INVALID naming @text. */
static gboolean
parse_id (const char *text, gint64 *id, GError **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is not a record number"), text);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

/*
 * cocrea_cli_parse_ids:
 * Parses the @argc strings of @argv as record ids. Returns a newly
 * allocated array, or NULL with COCREA_ERROR_INVALID naming the first
 * argument that is not a positive whole number.
 */
gint64 *
cocrea_cli_parse_ids (int argc, char **argv, GError **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, MAX (argc, 1));

  for (int i = 0; i < argc; i++)
    if (!parse_id (argv[i], &ids[i], error))
      return NULL;
  return g_steal_pointer (&ids);
}

/*
 * cocrea_cli_merge:
 * Merges contributions into a new proposal titled --title, or into the
 * existing proposal --into, and prints the proposal's id. Returns 0, 1
 * when the merge failed (nothing changed), 2 for a usage error.
 */
int
cocrea_cli_merge (int argc, char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *into_text = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("Create a proposal with this title"), N_("TEXT") },
    { "into", 0, 0, G_OPTION_ARG_STRING, &into_text,
      N_("Merge into this existing proposal instead"), N_("PROPOSAL_ID") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE CONTRIBUTION_ID…"),
                        _("Merge contributions into a new proposal (--title) or an existing "
                          "one (--into), and print the proposal's number."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autofree gint64 *ids = NULL;
  GError *error = NULL;
  gint64 proposal_id = 0;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, -2, &status))
    return status;
  if ((title == NULL) == (into_text == NULL))
    return cocrea_cli_usage (context, _("Give either --title or --into"));

  ids = cocrea_cli_parse_ids (argc - 2, argv + 2, &error);
  if (ids == NULL)
    return cocrea_cli_fail (error);
  if (into_text != NULL && !parse_id (into_text, &proposal_id, &error))
    return cocrea_cli_fail (error);

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  if (into_text != NULL)
    {
      if (!cocrea_merge_into (document, proposal_id, ids, argc - 2, NULL, &error))
        return cocrea_cli_fail (error);
    }
  else if (!cocrea_merge_new_proposal (document, title, ids, argc - 2, &proposal_id, NULL, &error))
    return cocrea_cli_fail (error);

  printf ("%" G_GINT64_FORMAT "\n", proposal_id);
  return 0;
}
