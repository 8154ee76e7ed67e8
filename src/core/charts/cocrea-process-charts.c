/* cocrea-process-charts.c
 *
 * Builders: each turns process data into a #CocreaChart and decides
 * order, what is left out and the words; none of them draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-process-charts.h"
#include "cocrea-dates.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-types.h"
#include "cocrea-verify.h"

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

  /* Counts another program made absurd would be drawn as nonsense:
   * refused, as `cocrea check` refuses them. */
  {
    g_autofree char *name = g_filename_display_basename (cocrea_document_get_path (document));
    if (!cocrea_verify_counts (db, name, error))
      return NULL;
  }

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

/* @msgid in @catalog's language, or the user's when @catalog is NULL. */
static const char * G_GNUC_FORMAT (2)
translate (CocreaCatalog *catalog, const char *msgid)
{
  return catalog != NULL ? cocrea_catalog_gettext (catalog, msgid) : _(msgid);
}

/*
 * cocrea_chart_new_representation:
 * Paired bars per inclusion group: its share of the attendance and its
 * share of the commune's population, in percent. An under-represented
 * group is flagged, and says so in words in its label, so the chart never
 * relies on colour alone. Groups whose population share is unknown show
 * only their attendance. In @catalog's language (the PDF, in the
 * process's), or the user's when @catalog is NULL. Without attendance or
 * any known population share the chart is empty.
 */
CocreaChart *
cocrea_chart_new_representation (const CocreaRepresentation *representation, CocreaCatalog *catalog)
{
  CocreaChart *chart = cocrea_chart_new (COCREA_CHART_BARS,
                                         translate (catalog, N_("Attendance against the commune's population")));
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  double attendance[COCREA_N_INCLUSION], population[COCREA_N_INCLUSION];
  gboolean flags[COCREA_N_INCLUSION];
  g_autoptr (CocreaChartSeries) first = NULL;
  g_autoptr (CocreaChartSeries) second = NULL;
  g_autoptr (GString) note = g_string_new (NULL);

  g_return_val_if_fail (representation != NULL, chart);

  if (representation->attendance <= 0 || representation->n_known == 0)
    return chart;

  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      const CocreaRepresentationGroup *row = &representation->groups[g];
      const char *label = translate (catalog, cocrea_inclusion_msgid (g));

      attendance[g] = row->share * 100;
      population[g] = row->population_share * 100; /* NAN while unknown: no bar */
      flags[g] = row->under_represented;
      if (row->under_represented)
        {
          /* TRANSLATORS: a chart label, "Youth: under-represented" */
          g_autofree char *flagged = g_strdup_printf (translate (catalog, N_("%s: under-represented")),
                                                      label);
          g_strv_builder_add (categories, flagged);
        }
      else
        g_strv_builder_add (categories, label);
    }
  names = g_strv_builder_end (categories);
  cocrea_chart_set_categories (chart, (const char *const *) names);

  first = cocrea_chart_series_new (translate (catalog, N_("Share of the attendance")), attendance,
                                   COCREA_N_INCLUSION);
  cocrea_chart_series_set_flags (first, flags);
  second = cocrea_chart_series_new (translate (catalog, N_("Share of the commune's population")),
                                    population, COCREA_N_INCLUSION);
  cocrea_chart_add_series (chart, first);
  cocrea_chart_add_series (chart, second);
  cocrea_chart_set_value_label (chart, translate (catalog, N_("Percent")));
  cocrea_chart_set_flag_label (chart, translate (catalog, N_("Under-represented: less than 0.8 of its share of the population")));
  cocrea_chart_set_digits (chart, 1);
  if (*representation->source != '\0')
    g_string_append_printf (note, translate (catalog, N_("Population: %s.")), representation->source);
  cocrea_chart_set_note (chart, note->len > 0 ? note->str : NULL);
  return chart;
}

/*
 * partial_day:
 * The first (or, with @end, the last) day of a plan date ("2019",
 * "2019-09" or "2019-09-30") as a Julian day, or NAN when @date is NULL
 * or not such a date.
 */
static double
partial_day (const char *date, gboolean end)
{
  int year = 0, month = 0, day = 0;
  g_autoptr (GDate) d = NULL;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) < 1 ||
      year < 1 || year > 9999 || month < 0 || month > 12)
    return NAN;
  if (month == 0)
    {
      month = end ? 12 : 1;
      day = end ? 31 : 1;
    }
  else if (day == 0)
    day = end ? g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) : 1;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NAN;
  d = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (d);
}

/* A milestone state's word, in @catalog's language or the user's. */
static const char *
status_label (CocreaProgress status, CocreaCatalog *catalog)
{
  static const char *const msgids[COCREA_N_PROGRESS] = {
    [COCREA_PROGRESS_NOT_STARTED] = "Not started",
    [COCREA_PROGRESS_IN_PROGRESS] = "In progress",
    [COCREA_PROGRESS_DONE] = "Done",
  };

  if (catalog == NULL)
    return cocrea_progress_label (status);
  return cocrea_catalog_pgettext (catalog, "milestone status", msgids[status]);
}

/*
 * cocrea_chart_new_timeline:
 * A Gantt-like timeline of @states (#CocreaMilestoneState, in plan
 * order): a row per milestone ("2.3 Deliverable"), its bar from its start
 * to its end (a month or year given alone spans all of it; one date alone
 * is a bar of that month), coloured by where it stands, with the state
 * written beside it and an overdue one flagged and said so; a line at
 * @today (NULL: today). In @catalog's language, or the user's when NULL.
 */
CocreaChart *
cocrea_chart_new_timeline (GPtrArray *states, const char *today, CocreaCatalog *catalog)
{
  /* Series order sets the colours: under way in the accent, not started
   * muted, done in the third colour (green). */
  static const CocreaProgress order[] = {
    COCREA_PROGRESS_IN_PROGRESS, COCREA_PROGRESS_NOT_STARTED, COCREA_PROGRESS_DONE,
  };
  CocreaChart *chart = cocrea_chart_new (COCREA_CHART_TIMELINE, translate (catalog, N_("Milestone timeline")));
  guint n = states != NULL ? states->len : 0;
  g_autoptr (GStrvBuilder) categories = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) notes = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) words = NULL;
  g_autofree char *now = today != NULL ? g_strdup (today) : cocrea_today ();

  if (n == 0)
    return chart;

  for (guint i = 0; i < n; i++)
    {
      const CocreaMilestoneState *state = g_ptr_array_index (states, i);
      g_autofree char *name = g_strdup_printf ("%d.%d %s", state->commitment_position, state->position,
                                               state->deliverable);
      g_autofree char *note = NULL;

      gboolean no_start = isnan (partial_day (state->starts_on, FALSE));
      gboolean no_end = isnan (partial_day (state->ends_on, TRUE));

      if (no_start && no_end)
        note = g_strdup (translate (catalog, N_("No dates")));
      else if (state->overdue)
        /* TRANSLATORS: a milestone's state on the timeline, "In progress · overdue" */
        note = g_strdup_printf (translate (catalog, N_("%s · overdue")), status_label (state->status, catalog));
      else if (no_end)
        /* TRANSLATORS: a milestone with a start but no end, "Not started · no end date" */
        note = g_strdup_printf (translate (catalog, N_("%s · no end date")), status_label (state->status, catalog));
      else if (no_start)
        note = g_strdup_printf (translate (catalog, N_("%s · no start date")),
                                status_label (state->status, catalog));
      else
        note = g_strdup (status_label (state->status, catalog));
      g_strv_builder_add (categories, name);
      g_strv_builder_add (notes, note);
    }
  names = g_strv_builder_end (categories);
  words = g_strv_builder_end (notes);
  cocrea_chart_set_categories (chart, (const char *const *) names);
  cocrea_chart_set_category_notes (chart, (const char *const *) words);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autofree double *values = g_new (double, n);
      g_autofree double *low = g_new (double, n);
      g_autofree double *high = g_new (double, n);
      g_autofree gboolean *flags = g_new0 (gboolean, n);
      g_autoptr (CocreaChartSeries) series = NULL;

      for (guint i = 0; i < n; i++)
        {
          const CocreaMilestoneState *state = g_ptr_array_index (states, i);
          double start = partial_day (state->starts_on, FALSE), end = partial_day (state->ends_on, TRUE);

          /* One date alone: a bar of its month (or year). */
          if (isnan (start) && !isnan (end))
            start = partial_day (state->ends_on, FALSE);
          if (isnan (end) && !isnan (start))
            end = partial_day (state->starts_on, TRUE);
          values[i] = NAN;
          low[i] = state->status == order[k] ? start : NAN;
          high[i] = state->status == order[k] ? end : NAN;
          flags[i] = state->status == order[k] && state->overdue;
        }
      series = cocrea_chart_series_new (status_label (order[k], catalog), values, n);
      cocrea_chart_series_set_range (series, low, high);
      cocrea_chart_series_set_flags (series, flags);
      cocrea_chart_series_set_muted (series, order[k] == COCREA_PROGRESS_NOT_STARTED);
      cocrea_chart_add_series (chart, series);
    }

  cocrea_chart_set_flag_label (chart, translate (catalog, N_("Overdue: its end has passed and it is not done")));
  cocrea_chart_set_marker (chart, partial_day (now, FALSE), translate (catalog, N_("Today")));
  return chart;
}
