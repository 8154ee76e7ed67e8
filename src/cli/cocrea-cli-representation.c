/* cocrea-cli-representation.c — cocrea representation FILE [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-representation.h"

static void
add_fraction (JsonBuilder *b, const char *member, double value)
{
  json_builder_set_member_name (b, member);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

/* One object per group, as fractions (0.51, not 51); null where unknown. */
static void
print_json (const CocreaRepresentation *representation)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      const CocreaRepresentationGroup *row = &representation->groups[g];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "group");
      json_builder_add_string_value (b, cocrea_inclusion_key (g));
      json_builder_set_member_name (b, "participants");
      json_builder_add_int_value (b, row->participants);
      add_fraction (b, "share", row->share);
      add_fraction (b, "population_share", row->population_share);
      add_fraction (b, "ratio", row->ratio);
      json_builder_set_member_name (b, "under_represented");
      json_builder_add_boolean_value (b, row->under_represented);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  cocrea_cli_print_json (b);
}

static void
print_text (const CocreaRepresentation *representation)
{
  int attendance = (int) CLAMP (representation->attendance, 0, G_MAXINT);

  printf ("%s\n", _("Representation against the commune’s population"));
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Attendance: %d person in the public activities (staff interviews left out)",
                       "Attendance: %d people in the public activities (staff interviews left out)",
                       attendance),
          attendance);
  putchar ('\n');
  if (representation->n_known == 0)
    printf ("%s\n", _("Population shares: not set (cocrea population FILE --women P …)"));
  else if (*representation->source != '\0')
    {
      printf (_("Population shares: %s"), representation->source);
      putchar ('\n');
    }
  putchar ('\n');

  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      const CocreaRepresentationGroup *row = &representation->groups[g];
      int participants = (int) CLAMP (row->participants, 0, G_MAXINT);
      g_autofree char *share = cocrea_cli_format_percent (row->share * 100);
      g_autofree char *population = cocrea_cli_format_percent (row->population_share * 100);

      printf ("%s: ", cocrea_inclusion_label (g));
      /* TRANSLATORS: "82 attendees (56.6 % of the attendance)" */
      printf (g_dngettext (GETTEXT_PACKAGE, "%d attendee (%s of the attendance)",
                           "%d attendees (%s of the attendance)", participants),
              participants, share);
      printf ("; ");
      /* TRANSLATORS: "51.0 % of the population" */
      printf (_("%s of the population"), population);
      if (!isnan (row->ratio))
        {
          printf ("; ");
          /* TRANSLATORS: share of attendance over share of population, "ratio 1.11" */
          printf (_("ratio %.2f"), row->ratio);
        }
      if (row->under_represented)
        printf (" — %s", _("UNDER-REPRESENTED"));
      putchar ('\n');
    }

  putchar ('\n');
  printf (_("A group is under-represented when its share of the attendance is less than %.1f "
            "times its share of the population."),
          COCREA_REPRESENTATION_THRESHOLD);
  putchar ('\n');
}

/*
 * cocrea_cli_representation:
 * Prints each inclusion group's share of the attendance against its share
 * of the commune's population, and which are under-represented.
 */
int
cocrea_cli_representation (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Show, for women, youth, migrants, indigenous peoples and people with "
                          "disabilities, their share of the attendance of the public activities against "
                          "their share of the commune’s population, and which groups are "
                          "under-represented (less than 0.8 of their share)."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaRepresentation) representation = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  representation = cocrea_representation_compute (document, &error);
  if (representation == NULL)
    return cocrea_cli_fail (error);

  if (json)
    print_json (representation);
  else
    print_text (representation);
  return 0;
}
