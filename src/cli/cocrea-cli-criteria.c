/* cocrea-cli-criteria.c — cocrea criteria FILE [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-criterion.h"

static void
print_json (GListModel *criteria)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (CocreaCriterion) c = g_list_model_get_item (criteria, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, cocrea_criterion_get_key (c));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cocrea_criterion_get_name (c));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, cocrea_criterion_get_description (c));
      json_builder_set_member_name (builder, "scale_min");
      json_builder_add_int_value (builder, cocrea_criterion_get_scale_min (c));
      json_builder_set_member_name (builder, "scale_max");
      json_builder_add_int_value (builder, cocrea_criterion_get_scale_max (c));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, cocrea_criterion_get_weight (c));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  cocrea_cli_print_json (builder);
}

/*
 * cocrea_cli_criteria:
 * Lists the viability criteria of a process with their scale, weight and
 * description, as text or JSON. Only reads the file.
 */
int
cocrea_cli_criteria (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"), _("List the viability criteria: key, name, scale, weight and description."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GListModel) criteria = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  criteria = cocrea_criterion_list (document, &error);
  if (criteria == NULL)
    return cocrea_cli_fail (error);

  if (json)
    {
      print_json (criteria);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (CocreaCriterion) c = g_list_model_get_item (criteria, i);

      /* TRANSLATORS: key, name, scale bottom and top, weight */
      printf (_("%-10s %s (scale %d–%d, weight %g)"), cocrea_criterion_get_key (c),
              cocrea_criterion_get_name (c), cocrea_criterion_get_scale_min (c),
              cocrea_criterion_get_scale_max (c), cocrea_criterion_get_weight (c));
      printf ("\n           %s\n", cocrea_criterion_get_description (c));
    }
  return 0;
}
