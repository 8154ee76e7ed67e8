/* cocrea-cli-log.c — cocrea log FILE [--json] [--since DATE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-history.h"

/* The detail as JSON when it is a JSON object, else as a string. */
static void
add_detail (JsonBuilder *b, const char *detail)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (b, "detail");
  if (detail != NULL && detail[0] == '{' && json_parser_load_from_data (parser, detail, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_string_value (b, detail != NULL ? detail : "");
}

static void
add_string_or_null (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
print_json (GPtrArray *entries)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const CocreaHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *description = cocrea_history_entry_describe (e);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, e->id);
      add_string_or_null (b, "at", e->at);
      add_string_or_null (b, "author", e->author);
      add_string_or_null (b, "action", e->action);
      add_string_or_null (b, "kind", cocrea_history_kind_to_key (cocrea_history_entry_kind (e)));
      add_string_or_null (b, "subject", e->subject);
      add_detail (b, e->detail);
      add_string_or_null (b, "description", description);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cocrea_cli_print_json (b);
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
