/* cocrea-cli-chart.c — cocrea chart FILE (--mentions|--viability|--attendance|--representation|--timeline) OUT.png
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-chart-renderer.h"
#include "cocrea-process-charts.h"
#include "cocrea-cli-private.h"
#include "cocrea-milestone-progress.h"

/*
 * cocrea_cli_chart:
 * Draws one of the process's charts to a PNG file, light or dark, and
 * with --describe prints its accessible description. Only reads the
 * process.
 */
int
cocrea_cli_chart (int argc, char **argv)
{
  gboolean mentions = FALSE, viability = FALSE, attendance = FALSE, representation = FALSE, timeline = FALSE;
  gboolean dark = FALSE, describe = FALSE;
  int width = 960, height = 0, top = 15;
  GOptionEntry entries[] = {
    { "mentions", 0, 0, G_OPTION_ARG_NONE, &mentions, N_("Mentions per proposal"), NULL },
    { "viability", 0, 0, G_OPTION_ARG_NONE, &viability,
      N_("Viability per criterion and proposal, with disagreement"), NULL },
    { "attendance", 0, 0, G_OPTION_ARG_NONE, &attendance,
      N_("Attendance and inclusion per activity"), NULL },
    { "representation", 0, 0, G_OPTION_ARG_NONE, &representation,
      N_("Attendance against the commune’s population, per group"), NULL },
    { "timeline", 0, 0, G_OPTION_ARG_NONE, &timeline,
      N_("Every commitment’s milestones on a timeline, with where each stands"), NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark palette"), NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 960)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default: fits the data)"), N_("N") },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("How many proposals the mentions chart shows (default 15)"), N_("N") },
    { "describe", 0, 0, G_OPTION_ARG_NONE, &describe, N_("Print the chart’s text description"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE OUT.png"), _("Draw one of the process’s charts as a PNG image."), entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaChart) chart = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (mentions + viability + attendance + representation + timeline != 1)
    return cocrea_cli_usage (context, _("Give exactly one of --mentions, --viability, --attendance, "
                                        "--representation and --timeline"));
  if (width < 200 || width > 8000 || (height != 0 && (height < 150 || height > 8000)) || top < 1)
    return cocrea_cli_usage (context, _("The size must be 200 to 8000 pixels wide and 150 to 8000 high"));

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL || !cocrea_document_check_output (document, argv[2], &error))
    return cocrea_cli_fail (error);

  if (attendance)
    chart = cocrea_chart_new_attendance (document, &error);
  else if (timeline)
    {
      g_autoptr (GPtrArray) states = cocrea_milestone_progress_follow_up (document, NULL, &error);
      if (states != NULL)
        chart = cocrea_chart_new_timeline (states, NULL, NULL);
    }
  else if (representation)
    {
      g_autoptr (CocreaRepresentation) figures = cocrea_representation_compute (document, &error);
      if (figures != NULL)
        chart = cocrea_chart_new_representation (figures, NULL);
    }
  else
    {
      g_autoptr (CocreaRankingData) data = cocrea_ranking_data_load (document, &error);
      if (data == NULL)
        return cocrea_cli_fail (error);
      if (mentions)
        chart = cocrea_chart_new_mentions (data, top);
      else
        {
          g_autoptr (CocreaRanking) ranking = cocrea_ranking_compute (data);
          chart = cocrea_chart_new_viability (ranking);
        }
    }
  if (chart == NULL)
    return cocrea_cli_fail (error);

  /* Enough height for every row to be readable, unless told otherwise. */
  if (height == 0)
    {
      guint rows = cocrea_chart_get_n_categories (chart);
      guint per_row = cocrea_chart_get_kind (chart) != COCREA_CHART_BARS ? 40
                      : 18 + 14 * cocrea_chart_get_n_series (chart);
      height = CLAMP (170 + rows * per_row, 300, 8000);
    }

  if (!cocrea_chart_write_png (chart, argv[2], width, height, cocrea_chart_palette_get_default (dark),
                               &error))
    return cocrea_cli_fail (error);
  if (describe)
    {
      g_autofree char *text = cocrea_chart_get_description (chart);
      printf ("%s\n", text);
    }
  return 0;
}
