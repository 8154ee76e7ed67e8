/* test-timeline.c — the milestone timeline: spans, states in words, overdue
 * flags, the today line, and the plan PDF that carries it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-catalog.h"
#include "cocrea-chart-renderer.h"
#include "cocrea-demo.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-process-charts.h"
#include "test-tools.h"

static CocreaMilestoneState *
state (int commitment, int position, const char *deliverable, const char *starts_on, const char *ends_on,
       CocreaProgress status, gboolean overdue)
{
  CocreaMilestoneState *s = g_new0 (CocreaMilestoneState, 1);

  s->commitment_id = commitment;
  s->commitment_position = commitment;
  s->commitment_name = g_strdup ("Compromiso");
  s->milestone_id = commitment * 10 + position;
  s->position = position;
  s->deliverable = g_strdup (deliverable);
  s->starts_on = g_strdup (starts_on);
  s->ends_on = g_strdup (ends_on);
  s->status = status;
  s->evidence = g_strdup ("");
  s->overdue = overdue;
  return s;
}

static double
julian (int year, int month, int day)
{
  g_autoptr (GDate) date = g_date_new_dmy (day, month, year);
  return g_date_get_julian (date);
}

/* Months and years given alone span all of themselves; each state is a
 * series of its own, written beside the bar, overdue flagged and said;
 * today is the marker. */
static void
test_chart (void)
{
  g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) cocrea_milestone_state_free);
  g_autoptr (CocreaChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GBytes) png = NULL;
  CocreaChartSeries *in_progress, *not_started, *done;
  double marker = 0;
  const char *marker_label = NULL;

  g_ptr_array_add (states, state (1, 1, "Reglamento", "2019-09", "2019-12", COCREA_PROGRESS_DONE, FALSE));
  g_ptr_array_add (states, state (1, 2, "Elección", "2019-11-15", "2020-01-31", COCREA_PROGRESS_IN_PROGRESS, TRUE));
  g_ptr_array_add (states, state (2, 1, "Plan de trabajo", "2020", NULL, COCREA_PROGRESS_NOT_STARTED, FALSE));
  g_ptr_array_add (states, state (2, 2, "Cuenta pública", NULL, NULL, COCREA_PROGRESS_NOT_STARTED, FALSE));

  chart = cocrea_chart_new_timeline (states, "2020-03-15", NULL);
  g_assert_cmpint (cocrea_chart_get_kind (chart), ==, COCREA_CHART_TIMELINE);
  g_assert_cmpuint (cocrea_chart_get_n_categories (chart), ==, 4);
  g_assert_cmpstr (cocrea_chart_get_category (chart, 1), ==, "1.2 Elección");
  g_assert_cmpuint (cocrea_chart_get_n_series (chart), ==, 3);
  in_progress = cocrea_chart_get_series_at (chart, 0);
  not_started = cocrea_chart_get_series_at (chart, 1);
  done = cocrea_chart_get_series_at (chart, 2);
  g_assert_cmpstr (cocrea_chart_series_get_name (done), ==, "Done");
  g_assert_true (cocrea_chart_series_get_muted (not_started));

  /* "2019-09" to "2019-12": from 1 September to 31 December. */
  g_assert_cmpfloat (cocrea_chart_series_get_low (done, 0), ==, julian (2019, 9, 1));
  g_assert_cmpfloat (cocrea_chart_series_get_high (done, 0), ==, julian (2019, 12, 31));
  g_assert_true (isnan (cocrea_chart_series_get_low (in_progress, 0)));
  g_assert_cmpfloat (cocrea_chart_series_get_low (in_progress, 1), ==, julian (2019, 11, 15));
  g_assert_true (cocrea_chart_series_get_flag (in_progress, 1));
  g_assert_false (cocrea_chart_series_get_flag (done, 0));
  /* A year alone and no end: the bar is that year. */
  g_assert_cmpfloat (cocrea_chart_series_get_low (not_started, 2), ==, julian (2020, 1, 1));
  g_assert_cmpfloat (cocrea_chart_series_get_high (not_started, 2), ==, julian (2020, 12, 31));
  g_assert_true (isnan (cocrea_chart_series_get_low (not_started, 3)));

  g_assert_cmpstr (cocrea_chart_get_category_note (chart, 0), ==, "Done");
  g_assert_cmpstr (cocrea_chart_get_category_note (chart, 1), ==, "In progress · overdue");
  g_assert_cmpstr (cocrea_chart_get_category_note (chart, 2), ==, "Not started · no end date");
  g_assert_cmpstr (cocrea_chart_get_category_note (chart, 3), ==, "No dates");

  g_assert_true (cocrea_chart_get_marker (chart, &marker, &marker_label));
  g_assert_cmpfloat (marker, ==, julian (2020, 3, 15));
  g_assert_cmpstr (marker_label, ==, "Today");

  description = cocrea_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "1.2 Elección: (from 2019-11-15 to 2020-01-31) In progress · overdue."));
  g_assert_nonnull (strstr (description, "Today: 2020-03-15."));

  png = cocrea_chart_render_png (chart, 900, 400, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 2000);

  /* In Spanish, as the plan PDF writes it. */
  {
    g_autoptr (CocreaCatalog) catalog = cocrea_catalog_new_for_language ("es");
    g_autoptr (CocreaChart) es = cocrea_chart_new_timeline (states, "2020-03-15", catalog);

    g_assert_cmpstr (cocrea_chart_get_title (es), ==, "Cronograma de hitos");
    g_assert_cmpstr (cocrea_chart_get_category_note (es, 1), ==, "En curso · atrasado");
  }
}

/* The plan PDF has the timeline before the commitments, in Spanish. */
static void
test_pdf (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cocrea-timeline-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "renca.cocrea", NULL);
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr (CocreaDocument) document = NULL;
  g_autofree char *all = NULL;
  const char *argv[] = { "pdftotext", "-q", pdf, "-", NULL };
  const char *timeline, *commitment;

  if (!test_have_programs ("pdftotext", NULL))
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  cocrea_demo_write (path, &error);
  g_assert_no_error (error);
  document = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_pdf_plan_export (document, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  all = test_run (argv);
  g_strdelimit (all, "\n\f", ' ');
  /* The section's own sentence, then the first commitment's template after it. */
  timeline = strstr (all, "Cada hito del plan desde su inicio");
  commitment = strstr (all, "Nombre del compromiso");
  g_assert_nonnull (strstr (all, "Cronograma de hitos"));
  g_assert_nonnull (timeline);
  g_assert_nonnull (strstr (timeline, "marca como atrasado"));
  g_assert_nonnull (commitment);
  g_assert_true (commitment > timeline);
  test_assert_qpdf_clean (pdf);

  g_clear_object (&document);
  g_unlink (pdf);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/chart", test_chart);
  g_test_add_func ("/timeline/pdf", test_pdf);
  return g_test_run ();
}
