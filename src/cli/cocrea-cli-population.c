/* cocrea-cli-population.c — cocrea population FILE [--women P] [--youth P] [--migrants P] [--indigenous P] [--disability P] [--source TEXT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-representation.h"

/* A share as people read it: "51.2 %", or "not set". */
char *
cocrea_cli_format_percent (double percent)
{
  if (isnan (percent))
    return g_strdup (_("not set"));
  /* TRANSLATORS: a percentage with one decimal, "51.2 %" */
  return g_strdup_printf (_("%.1f %%"), percent);
}

static void
print_population (const CocreaPopulation *population)
{
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      g_autofree char *value = cocrea_cli_format_percent (population->percent[g]);
      printf ("%s: %s\n", cocrea_inclusion_label (g), value);
    }
  printf (_("Source: %s"), *population->source != '\0' ? population->source : _("not given"));
  putchar ('\n');
}

/*
 * set_and_print:
 * Opens @path (for writing when any share or @source is given), sets the
 * shares in @given (one string per group, NULL to keep) and the source,
 * and prints the result. Returns the exit status.
 */
static int
set_and_print (const char *path, char *const *given, const char *source)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaPopulation) population = NULL;
  gboolean write = source != NULL;
  GError *error = NULL;

  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    write = write || given[g] != NULL;

  document = cocrea_cli_open (path, write, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  population = cocrea_population_get (document, &error);
  if (population == NULL)
    return cocrea_cli_fail (error);

  if (write)
    {
      for (guint g = 0; g < COCREA_N_INCLUSION; g++)
        if (given[g] != NULL &&
            !cocrea_population_parse_percent (given[g], g, &population->percent[g], &error))
          return cocrea_cli_fail (error);
      if (source != NULL)
        {
          g_free (population->source);
          population->source = g_strdup (source);
        }
      if (!cocrea_population_set (document, population, &error))
        return cocrea_cli_fail (error);
    }

  print_population (population);
  return 0;
}

/*
 * cocrea_cli_population:
 * Sets the commune's population shares given (the others are kept; ""
 * clears one) and prints them all. Only reads the file without options.
 */
int
cocrea_cli_population (int argc, char **argv)
{
  char *given[COCREA_N_INCLUSION] = { NULL };
  g_autofree char *source = NULL;
  GOptionEntry entries[] = {
    { "women", 0, 0, G_OPTION_ARG_STRING, &given[0],
      N_("Women’s share of the population, in percent (“” clears it)"), N_("PERCENT") },
    { "youth", 0, 0, G_OPTION_ARG_STRING, &given[1],
      N_("Youth’s share of the population, in percent"), N_("PERCENT") },
    { "migrants", 0, 0, G_OPTION_ARG_STRING, &given[2],
      N_("Migrants’ share of the population, in percent"), N_("PERCENT") },
    { "indigenous", 0, 0, G_OPTION_ARG_STRING, &given[3],
      N_("Indigenous peoples’ share of the population, in percent"), N_("PERCENT") },
    { "disability", 0, 0, G_OPTION_ARG_STRING, &given[4],
      N_("People with disabilities’ share of the population, in percent"), N_("PERCENT") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Where the figures come from, such as a census"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Show or set the commune’s population shares (from a census) that "
                          "attendance is set against: women, youth, migrants, indigenous "
                          "peoples and people with disabilities, in percent, with their source."),
                        entries);
  int status;

  if (cocrea_cli_parse (context, &argc, &argv, 1, &status))
    status = set_and_print (argv[1], given, source);

  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    g_free (given[g]);
  return status;
}
