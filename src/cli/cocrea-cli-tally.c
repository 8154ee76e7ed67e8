/* cocrea-cli-tally.c — cocrea tally FILE [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-tally.h"

static void
print_json (GListModel *tally)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (tally); i++)
    {
      g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, cocrea_proposal_get_id (p));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, cocrea_proposal_get_title (p));
      json_builder_set_member_name (builder, "contributions");
      json_builder_add_int_value (builder, cocrea_proposal_get_n_contributions (p));
      json_builder_set_member_name (builder, "groups");
      json_builder_add_int_value (builder, cocrea_proposal_get_n_groups (p));
      json_builder_set_member_name (builder, "activities");
      json_builder_add_int_value (builder, cocrea_proposal_get_n_activities (p));
      json_builder_set_member_name (builder, "supports");
      json_builder_add_int_value (builder, cocrea_proposal_get_n_supports (p));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  cocrea_cli_print_json (builder);
}

/*
 * cocrea_cli_tally:
 * Prints each top-level proposal with its contributions, distinct groups
 * and distinct activities (and supports online, where there are any),
 * most contributions first, as a table or JSON.
 * Returns 0, 1 when the file cannot be read, 2 for a usage error.
 */
int
cocrea_cli_tally (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Count the contributions, distinct groups and distinct activities "
                          "behind each proposal, most contributions first."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GListModel) tally = NULL;
  GError *error = NULL;
  gboolean with_supports = FALSE;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  tally = cocrea_tally (document, &error);
  if (tally == NULL)
    return cocrea_cli_fail (error);

  if (json)
    {
      print_json (tally);
      return 0;
    }

  /* Online supports get a column only where there are any (a process
   * with a Decidim phase), so a workshop-only tally reads as before. */
  for (guint i = 0; i < g_list_model_get_n_items (tally) && !with_supports; i++)
    {
      g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);
      with_supports = cocrea_proposal_get_n_supports (p) > 0;
    }

  /* TRANSLATORS: column headings of "cocrea tally"; keep them short */
  printf ("%6s %8s %8s %8s", _("ID"), _("Contrib."), _("Groups"), _("Activ."));
  if (with_supports)
    /* TRANSLATORS: column heading of "cocrea tally": supports given online (Decidim) */
    printf (" %8s", _("Supports"));
  printf ("  %s\n", _("Title"));
  for (guint i = 0; i < g_list_model_get_n_items (tally); i++)
    {
      g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);

      printf ("%6" G_GINT64_FORMAT " %8u %8u %8u", cocrea_proposal_get_id (p),
              cocrea_proposal_get_n_contributions (p), cocrea_proposal_get_n_groups (p),
              cocrea_proposal_get_n_activities (p));
      if (with_supports)
        printf (" %8u", cocrea_proposal_get_n_supports (p));
      printf ("  %s\n", cocrea_proposal_get_title (p));
    }
  return 0;
}
