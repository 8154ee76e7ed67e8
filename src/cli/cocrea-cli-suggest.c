/* cocrea-cli-suggest.c — cocrea suggest FILE TEXT [--limit N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-suggest.h"

/*
 * cocrea_cli_suggest:
 * Prints the proposals and contributions most similar to TEXT, best
 * first: kind, id, score and title (or text). Returns 0 (also when
 * nothing is similar), 1 when the file cannot be read, 2 for a usage
 * error.
 */
int
cocrea_cli_suggest (int argc, char **argv)
{
  int limit = 10;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N suggestions (default 10)"),
      N_("N") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE TEXT"),
                        _("Find the proposals and contributions most similar to TEXT, "
                          "ignoring accents and Spanish word endings."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GListModel) found = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (limit < 1 || limit > 1000)
    return cocrea_cli_usage (context, _("--limit must be between 1 and 1000"));

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  found = cocrea_suggest (document, argv[2], limit, 0, &error);
  if (found == NULL)
    return cocrea_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (CocreaSuggestion) s = g_list_model_get_item (found, i);
      g_autofree char *line = g_strdup (cocrea_suggestion_get_text (s));

      /* One suggestion per line, whatever the text holds. */
      g_strdelimit (line, "\r\n\t", ' ');
      printf ("%-12s %6" G_GINT64_FORMAT " %7.2f  %s\n",
              cocrea_suggestion_get_kind (s) == COCREA_SUGGESTION_PROPOSAL
                ? _("proposal") : _("contribution"),
              cocrea_suggestion_get_id (s), cocrea_suggestion_get_score (s), line);
    }
  return 0;
}
