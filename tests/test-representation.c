/* test-representation.c — attendance set against the commune's population
 *
 * Every figure below is worked out by hand from the activities the
 * fixture adds, so a mistake in the arithmetic or in what is summed
 * shows as a wrong number, not as a self-consistent one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-activity.h"
#include "cocrea-chart-renderer.h"
#include "cocrea-process-charts.h"
#include "cocrea-error.h"
#include "cocrea-representation.h"
#include "test-process.h"

typedef TestProcess Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  test_process_empty (f, "p.cocrea");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

static void
add_activity (Fixture *f, CocreaActivityKind kind, int attendance, int women, int youth,
              int migrants, int indigenous, int disability)
{
  g_autoptr (GError) error = NULL;
  CocreaActivityFields fields = {
    kind, "Actividad", "2019-03-26", "Renca", attendance,
    { women, youth, migrants, indigenous, disability },
  };

  g_assert_true (cocrea_activity_add (f->document, &fields, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A workshop of 40 and a survey of 60 (100 people: 50 women, 20 youth,
 * 5 migrants, 5 indigenous, 2 with disabilities) and ten staff
 * interviews, which are left out. */
static void
add_fixture_activities (Fixture *f)
{
  add_activity (f, COCREA_ACTIVITY_WORKSHOP, 40, 22, 6, 2, 4, 0);
  add_activity (f, COCREA_ACTIVITY_SURVEY, 60, 28, 14, 3, 1, 2);
  add_activity (f, COCREA_ACTIVITY_INTERVIEW, 10, 5, 0, 0, 0, 0);
}

static void
set_population (Fixture *f, double women, double youth, double migrants, double indigenous,
                double disability, const char *source)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaPopulation) population = cocrea_population_new ();

  population->percent[0] = women;
  population->percent[1] = youth;
  population->percent[2] = migrants;
  population->percent[3] = indigenous;
  population->percent[4] = disability;
  g_free (population->source);
  population->source = g_strdup (source);
  g_assert_true (cocrea_population_set (f->document, population, &error));
  g_assert_no_error (error);
}

/* A new process knows no population and has nobody under-represented. */
static void
test_unset (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaPopulation) population = cocrea_population_get (f->document, &error);
  g_autoptr (CocreaRepresentation) r = NULL;

  g_assert_no_error (error);
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    g_assert_true (isnan (population->percent[g]));
  g_assert_cmpstr (population->source, ==, "");

  r = cocrea_representation_compute (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->attendance, ==, 0);
  g_assert_cmpuint (r->n_known, ==, 0);
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      g_assert_cmpuint (r->groups[g].group, ==, g);
      g_assert_cmpint (r->groups[g].participants, ==, 0);
      g_assert_true (isnan (r->groups[g].share));
      g_assert_true (isnan (r->groups[g].ratio));
      g_assert_false (r->groups[g].under_represented);
    }
}

/* The figures of the fixture, by hand:
 *   women      50/100 = 0.50 against 0.52: ratio 0.9615…
 *   youth      20/100 = 0.20 against 0.25: ratio 0.80, not under (the rule is "< 0.8")
 *   migrants    5/100 = 0.05 against 0.10: ratio 0.50, under-represented
 *   indigenous  5/100 = 0.05 against 0.04: ratio 1.25
 *   disability  2/100 = 0.02, population unknown: no ratio, no flag */
static void
test_figures (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRepresentation) r = NULL;
  const gint64 participants[] = { 50, 20, 5, 5, 2 };
  const double shares[] = { 0.50, 0.20, 0.05, 0.05, 0.02 };
  const double population[] = { 0.52, 0.25, 0.10, 0.04, NAN };
  const double ratios[] = { 0.50 / 0.52, 0.80, 0.50, 1.25, NAN };
  const gboolean under[] = { FALSE, FALSE, TRUE, FALSE, FALSE };

  add_fixture_activities (f);
  set_population (f, 52, 25, 10, 4, NAN, "Censo 2017, INE");

  r = cocrea_representation_compute (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->attendance, ==, 100);
  g_assert_cmpuint (r->n_known, ==, 4);
  g_assert_cmpstr (r->source, ==, "Censo 2017, INE");
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      const CocreaRepresentationGroup *row = &r->groups[g];

      g_test_message ("%s: %g / %g = %g", cocrea_inclusion_key (g), row->share,
                      row->population_share, row->ratio);
      g_assert_cmpint (row->participants, ==, participants[g]);
      g_assert_cmpfloat_with_epsilon (row->share, shares[g], 1e-12);
      if (isnan (population[g]))
        {
          g_assert_true (isnan (row->population_share));
          g_assert_true (isnan (row->ratio));
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (row->population_share, population[g], 1e-12);
          g_assert_cmpfloat_with_epsilon (row->ratio, ratios[g], 1e-12);
        }
      g_assert_cmpint (row->under_represented, ==, under[g]);
    }
}

/* Just under the threshold is flagged, and a population share of 0 (a
 * group the census does not find in the commune) flags nobody. */
static void
test_edges (Fixture *f, gconstpointer data)
{
  CocreaRepresentation r = { .attendance = 1000 };
  g_autoptr (CocreaPopulation) population = cocrea_population_new ();
  const gint64 participants[] = { 399, 400, 0, 7, 0 };

  population->percent[0] = 50;  /* 0.399 / 0.5 = 0.798: under */
  population->percent[1] = 50;  /* 0.400 / 0.5 = 0.8: not under */
  population->percent[2] = 0;   /* no ratio */
  population->percent[3] = 0;   /* attendees but no population: no ratio */
  population->percent[4] = 100; /* 0 / 1 = 0: under */

  cocrea_representation_fill (&r, participants, population);
  g_assert_true (r.groups[0].under_represented);
  g_assert_cmpfloat_with_epsilon (r.groups[0].ratio, 0.798, 1e-12);
  g_assert_false (r.groups[1].under_represented);
  g_assert_true (isnan (r.groups[2].ratio));
  g_assert_false (r.groups[2].under_represented);
  g_assert_true (isnan (r.groups[3].ratio));
  g_assert_false (r.groups[3].under_represented);
  g_assert_cmpfloat (r.groups[4].ratio, ==, 0);
  g_assert_true (r.groups[4].under_represented);
  g_assert_cmpuint (r.n_known, ==, 5);
  g_free (r.source);
}

/* Shares outside 0–100 are refused and nothing is written; NAN clears a
 * share; what is set survives closing and opening the file. */
static void
test_set (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaPopulation) bad = cocrea_population_new ();
  g_autoptr (CocreaPopulation) read = NULL;
  int bad_group = -1;

  set_population (f, 51.2, 24, 8, 10, 12, "  Censo 2017  ");

  bad->percent[1] = 101;
  g_assert_false (cocrea_population_validate (bad, &bad_group, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_cmpint (bad_group, ==, 1);
  g_clear_error (&error);
  g_assert_false (cocrea_population_set (f->document, bad, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  bad->percent[1] = -0.5;
  g_assert_false (cocrea_population_set (f->document, bad, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  read = cocrea_population_get (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (read->percent[0], ==, 51.2);
  g_assert_cmpfloat (read->percent[1], ==, 24);
  g_assert_cmpstr (read->source, ==, "Censo 2017");
  g_clear_pointer (&read, cocrea_population_free);

  set_population (f, 51.2, NAN, 8, 10, 12, "Censo 2017");
  g_clear_object (&f->document);
  f->document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  read = cocrea_population_get (f->document, &error);
  g_assert_no_error (error);
  g_assert_true (isnan (read->percent[1]));
  g_assert_cmpfloat (read->percent[4], ==, 12);

  /* A read-only document refuses the write. */
  g_assert_false (cocrea_population_set (f->document, read, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
}

/* The chart pairs each group's two shares in percent, flags the
 * under-represented one and says so in its label. */
static void
test_chart (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRepresentation) r = NULL;
  g_autoptr (CocreaChart) chart = NULL;
  g_autoptr (CocreaChart) empty = NULL;
  g_autofree char *description = NULL;
  CocreaChartSeries *attendance, *population;

  r = cocrea_representation_compute (f->document, &error);
  g_assert_no_error (error);
  empty = cocrea_chart_new_representation (r, NULL);
  g_assert_cmpuint (cocrea_chart_get_n_categories (empty), ==, 0);
  g_clear_pointer (&r, cocrea_representation_free);

  add_fixture_activities (f);
  set_population (f, 52, 25, 10, 4, NAN, "Censo 2017, INE");
  r = cocrea_representation_compute (f->document, &error);
  chart = cocrea_chart_new_representation (r, NULL);

  g_assert_cmpuint (cocrea_chart_get_n_categories (chart), ==, COCREA_N_INCLUSION);
  g_assert_cmpuint (cocrea_chart_get_n_series (chart), ==, 2);
  attendance = cocrea_chart_get_series_at (chart, 0);
  population = cocrea_chart_get_series_at (chart, 1);
  g_assert_cmpfloat_with_epsilon (cocrea_chart_series_get_value (attendance, 2), 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cocrea_chart_series_get_value (population, 2), 10.0, 1e-9);
  g_assert_true (isnan (cocrea_chart_series_get_value (population, 4)));
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    g_assert_cmpint (cocrea_chart_series_get_flag (attendance, g), ==, g == 2);
  g_assert_cmpstr (cocrea_chart_get_category (chart, 2), ==, "Migrants: under-represented");
  g_assert_cmpstr (cocrea_chart_get_category (chart, 1), ==, "Youth");

  description = cocrea_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "Migrants: under-represented"));
  g_assert_nonnull (strstr (description, "Censo 2017, INE"));

  /* It draws, flag marker included. */
  {
    g_autoptr (GBytes) png = cocrea_chart_render_png (chart, 640, 400, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
  }
}

/* Shares are read as people type them. */
static void
test_parse (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  double v = 0;

  g_assert_true (cocrea_population_parse_percent ("51.2", 0, &v, &error));
  g_assert_cmpfloat (v, ==, 51.2);
  g_assert_true (cocrea_population_parse_percent (" 51,2 % ", 0, &v, &error));
  g_assert_cmpfloat (v, ==, 51.2);
  g_assert_true (cocrea_population_parse_percent ("", 0, &v, &error));
  g_assert_true (isnan (v));
  g_assert_false (cocrea_population_parse_percent ("muchas", 1, &v, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Youth"));
  g_clear_error (&error);
  g_assert_false (cocrea_population_parse_percent ("12abc", 1, &v, &error));
  g_clear_error (&error);
  g_assert_false (cocrea_population_parse_percent ("nan", 1, &v, &error));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/representation/unset", test_unset);
  ADD ("/representation/figures", test_figures);
  ADD ("/representation/set", test_set);
  ADD ("/representation/edges", test_edges);
  ADD ("/representation/parse", test_parse);
  ADD ("/representation/chart", test_chart);
#undef ADD
  return g_test_run ();
}
