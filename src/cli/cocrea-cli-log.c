/* cocrea-cli-log.c — cocrea log FILE [--json] [--since DATE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-history.h"

static void
print_json (GPtrArray *entries)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = cocrea_history_to_json (entries);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/*
 * cocrea_cli_log:
 * Prints the history of the process, oldest first: when, who and what
 * each edit did. Only reads the file. Returns 0, 1 when the file cannot
 * be read or the day is not one, 2 for a usage error.
 */
int
cocrea_cli_log (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *since = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Only the edits made on that day (UTC) or later"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Show the history of the process: who decided, scored, merged, "
                          "imported or brought laptops back, and when, from the log every edit "
                          "leaves in the file."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GPtrArray) list = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  list = cocrea_history_list (document, since, &error);
  if (list == NULL)
    return cocrea_cli_fail (error);

  if (json)
    {
      print_json (list);
      return 0;
    }
  for (guint i = 0; i < list->len; i++)
    {
      const CocreaHistoryEntry *e = g_ptr_array_index (list, i);
      g_autofree char *when = cocrea_history_entry_when (e);
      g_autofree char *description = cocrea_history_entry_describe (e);

      printf ("%s  %s  %s\n", when, e->author != NULL ? e->author : "—", description);
    }
  if (list->len == 0)
    printf ("%s\n", since != NULL ? _("Nothing was done on that day or since.")
                                  : _("The history is empty."));
  return 0;
}
