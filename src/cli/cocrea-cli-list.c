/* cocrea-cli-list.c — cocrea list FILE [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution.h"

static void
print_json (GListModel *list)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, cocrea_contribution_get_id (c));
      json_builder_set_member_name (builder, "activity");
      json_builder_add_string_value (builder, cocrea_contribution_get_activity_name (c));
      json_builder_set_member_name (builder, "group");
      if (cocrea_contribution_get_group_name (c) != NULL)
        json_builder_add_string_value (builder, cocrea_contribution_get_group_name (c));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "proposal");
      if (cocrea_contribution_get_proposal_id (c) != 0)
        json_builder_add_int_value (builder, cocrea_contribution_get_proposal_id (c));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, cocrea_contribution_get_text (c));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  cocrea_cli_print_json (builder);
}

/*
 * cocrea_cli_list:
 * Prints every contribution with its id, activity, group and proposal,
 * as tab-separated lines or JSON. Returns 0, 1 when the file cannot be
 * read, 2 for a usage error.
 */
int
cocrea_cli_list (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("List the contributions with their number, activity, group and the "
                          "proposal they are merged into."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GListModel) list = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  list = cocrea_contribution_list (document, 0, 0, &error);
  if (list == NULL)
    return cocrea_cli_fail (error);

  if (json)
    {
      print_json (list);
      return 0;
    }

  /* TRANSLATORS: column headings of "cocrea list", separated by tabs */
  printf ("%s\t%s\t%s\t%s\t%s\n", _("ID"), _("Activity"), _("Group"), _("Proposal"), _("Text"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (list, i);
      g_autofree char *text = g_strdup (cocrea_contribution_get_text (c));
      g_autofree char *proposal = cocrea_contribution_get_proposal_id (c) != 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, cocrea_contribution_get_proposal_id (c))
        : g_strdup ("-");
      const char *group = cocrea_contribution_get_group_name (c);

      g_strdelimit (text, "\r\n\t", ' ');
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", cocrea_contribution_get_id (c),
              cocrea_contribution_get_activity_name (c), group != NULL ? group : "-", proposal,
              text);
    }
  return 0;
}
