/* cocrea-process-charts.c
 *
 * Builders: each turns process data into a #CocreaChart and decides
 * order, what is left out and the words; none of them draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n-lib.h>

#include "cocrea-process-charts.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-types.h"

static int
compare_mentions (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const CocreaRankProposal *proposals = user_data;
  const CocreaRankProposal *x = &proposals[*(const guint *) a], *y = &proposals[*(const guint *) b];

  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/*
 * cocrea_chart_new_mentions:
 * Horizontal bars of the @top_n most mentioned proposals of @data (all
 * when 0), most mentioned first, ties by id; a note says how many were
 * left out.
 */
CocreaChart *
cocrea_chart_new_mentions (CocreaRankingData *data, guint top_n)
{
  guint n = data->proposals->len, shown;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  g_autofree double *values = NULL;
  g_autoptr (CocreaChartSeries) series = NULL;
  CocreaChart *chart = cocrea_chart_new (COCREA_CHART_BARS, _("Mentions per proposal"));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_mentions, data->proposals->data);

  shown = top_n > 0 ? MIN (top_n, n) : n;
  values = g_new (double, MAX (shown, 1));
  for (guint k = 0; k < shown; k++)
    {
      const CocreaRankProposal *p = &g_array_index (data->proposals, CocreaRankProposal, order[k]);
      g_strv_builder_add (categories, p->title);
      values[k] = p->mentions;
    }
  names = g_strv_builder_end (categories);

  cocrea_chart_set_categories (chart, (const char *const *) names);
  series = cocrea_chart_series_new (_("Mentions"), values, shown);
  cocrea_chart_add_series (chart, series);
  cocrea_chart_set_value_label (chart, _("Contributions that mention the proposal"));
  cocrea_chart_set_digits (chart, 0);
  if (shown < n)
    {
      g_autofree char *note = g_strdup_printf (_("The %u most mentioned of %u proposals."), shown, n);
      cocrea_chart_set_note (chart, note);
    }
  return chart;
}

/*
 * cocrea_chart_new_viability:
 * A heatmap of the mean score of every scored proposal (rows, best
 * overall first) on every criterion (columns, each on its own scale),
 * with a marker where the evaluators disagree. Proposals nobody scored
 * are left out; a cell nobody scored shows a dash.
 */
CocreaChart *
cocrea_chart_new_viability (CocreaRanking *ranking)
{
  CocreaRankingData *data = ranking->data;
  guint n_rows = cocrea_ranking_count_scored (ranking);
  guint n_c = data->criteria->len;
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  CocreaChart *chart = cocrea_chart_new (COCREA_CHART_HEATMAP, _("Viability by criterion"));
  g_autofree char *note = NULL;

  /* order[] lists scored proposals first, so the first n_rows are the rows. */
  for (guint r = 0; r < n_rows; r++)
    g_strv_builder_add (categories, g_array_index (data->proposals, CocreaRankProposal,
                                                   ranking->order[r]).title);
  names = g_strv_builder_end (categories);
  cocrea_chart_set_categories (chart, (const char *const *) names);

  for (guint c = 0; c < n_c; c++)
    {
      const CocreaRankCriterion *crit = &g_array_index (data->criteria, CocreaRankCriterion, c);
      g_autofree double *means = g_new (double, MAX (n_rows, 1));
      g_autofree double *low = g_new (double, MAX (n_rows, 1));
      g_autofree double *high = g_new (double, MAX (n_rows, 1));
      g_autofree gboolean *flags = g_new (gboolean, MAX (n_rows, 1));
      g_autoptr (CocreaChartSeries) series = NULL;

      for (guint r = 0; r < n_rows; r++)
        {
          const CocreaAggregate *cell = cocrea_ranking_get_cell (ranking, ranking->order[r], c);
          means[r] = cell->n > 0 ? cell->mean : NAN;
          low[r] = cell->n > 0 ? cell->min : NAN;
          high[r] = cell->n > 0 ? cell->max : NAN;
          flags[r] = cell->disagreement_flagged;
        }
      series = cocrea_chart_series_new (crit->name, means, n_rows);
      cocrea_chart_series_set_range (series, low, high);
      cocrea_chart_series_set_flags (series, flags);
      cocrea_chart_series_set_scale (series, crit->scale_min, crit->scale_max);
      cocrea_chart_add_series (chart, series);
    }

  cocrea_chart_set_value_label (chart, _("Mean score of the evaluators"));
  cocrea_chart_set_flag_label (chart, _("Evaluators disagree"));
  cocrea_chart_set_digits (chart, 1);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Proposals in order of overall viability; %u evaluator.",
                                       "Proposals in order of overall viability; %u evaluators.",
                                       data->n_evaluators),
                          data->n_evaluators);
  cocrea_chart_set_note (chart, note);
  return chart;
}

/*
 * cocrea_chart_new_attendance:
 * Grouped bars per activity (in date order): attendance, then how many of
 * the attendees were women, youth, migrants, indigenous people and people
 * with disabilities. NULL with @error set when the file cannot be read.
 */
CocreaChart *
cocrea_chart_new_attendance (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (CocreaChart) chart = cocrea_chart_new (COCREA_CHART_BARS,
                                                    _("Attendance and inclusion per activity"));
  int rc;

  /* Attendance, then one column per inclusion group. */
  for (guint s = 0; s < 1 + COCREA_N_INCLUSION; s++)
    g_ptr_array_add (columns, g_array_new (FALSE, FALSE, sizeof (double)));

  /* Undated activities last; the columns follow the inclusion groups' order. */
  stmt = cocrea_db_prepare (db,
                            "SELECT name, attendance, women, youth, migrants, indigenous, disability"
                            " FROM activity ORDER BY held_on IS NULL, held_on, id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (categories, (const char *) sqlite3_column_text (stmt, 0));
      for (guint s = 0; s < columns->len; s++)
        {
          double v = sqlite3_column_int (stmt, 1 + s);
          g_array_append_val ((GArray *) g_ptr_array_index (columns, s), v);
        }
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }

  names = g_strv_builder_end (categories);
  cocrea_chart_set_categories (chart, (const char *const *) names);
  for (guint s = 0; s < columns->len; s++)
    {
      GArray *column = g_ptr_array_index (columns, s);
      g_autoptr (CocreaChartSeries) series =
        cocrea_chart_series_new (s == 0 ? _("Attendance") : cocrea_inclusion_label (s - 1),
                                 (const double *) column->data, column->len);
      cocrea_chart_add_series (chart, series);
    }
  cocrea_chart_set_value_label (chart, _("People"));
  cocrea_chart_set_digits (chart, 0);
  return g_steal_pointer (&chart);
}
