/* test-chart.c — chart models from the demo, their descriptions, and PNGs
 *
 * The PNGs are kept under the build directory (tests/charts/) to be
 * looked at: the numbers here cannot say whether a label is cut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "cocrea-chart-renderer.h"
#include "cocrea-process-charts.h"
#include "cocrea-demo.h"
#include "cocrea-error.h"
#include "test-process.h"

typedef TestProcess Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_demo (f, "renca.cocrea", COCREA_OPEN_READ_ONLY);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

static cairo_status_t
read_png (void *closure, unsigned char *data, unsigned int length)
{
  GInputStream *in = closure;
  gsize read = 0;
  return g_input_stream_read_all (in, data, length, &read, NULL, NULL) && read == length
           ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

/*
 * check_render:
 * Renders @chart in both palettes, checks each PNG decodes to the size
 * asked for and that a fair share of pixels differ from the background
 * (something was drawn), and keeps the files for looking at.
 */
static void
check_render (CocreaChart *chart, const char *name, int width, int height)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *outdir = g_build_filename (builddir != NULL ? builddir : ".", "charts", NULL);

  g_mkdir_with_parents (outdir, 0755);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr (GError) error = NULL;
      const CocreaChartPalette *palette = cocrea_chart_palette_get_default (dark);
      g_autoptr (GBytes) png = cocrea_chart_render_png (chart, width, height, palette, &error);
      g_autoptr (GInputStream) in = NULL;
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;
      cairo_surface_t *surface;
      guint32 background, drawn = 0;
      unsigned char *pixels;
      int stride;

      g_assert_no_error (error);
      g_assert_nonnull (png);
      g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);

      in = g_memory_input_stream_new_from_bytes (png);
      surface = cairo_image_surface_create_from_png_stream (read_png, in);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      background = *(guint32 *) pixels;
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          drawn += *(guint32 *) (pixels + y * stride + x * 4) != background;
      cairo_surface_destroy (surface);
      g_assert_cmpuint (drawn, >, (guint) (width * height / 50));

      file = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");
      path = g_build_filename (outdir, file, NULL);
      cocrea_chart_write_png (chart, path, width, height, palette, &error);
      g_assert_no_error (error);
    }
}

static void
test_mentions (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRankingData) data = cocrea_ranking_data_load (f->document, &error);
  g_autoptr (CocreaChart) all = NULL;
  g_autoptr (CocreaChart) top = NULL;
  g_autofree char *description = NULL;
  CocreaChartSeries *series;

  g_assert_no_error (error);
  all = cocrea_chart_new_mentions (data, 0);
  g_assert_cmpuint (cocrea_chart_get_n_categories (all), ==, 11);
  g_assert_cmpuint (cocrea_chart_get_n_series (all), ==, 1);
  series = cocrea_chart_get_series_at (all, 0);
  for (guint i = 1; i < 11; i++)
    g_assert_cmpfloat (cocrea_chart_series_get_value (series, i - 1), >=,
                       cocrea_chart_series_get_value (series, i));
  /* Security and the municipal budget lead with four mentions each. */
  g_assert_cmpfloat (cocrea_chart_series_get_value (series, 0), ==, 4);
  g_assert_cmpfloat (cocrea_chart_series_get_value (series, 1), ==, 4);
  g_assert_cmpfloat (cocrea_chart_series_get_value (series, 10), ==, 1);
  g_assert_null (cocrea_chart_get_note (all));

  top = cocrea_chart_new_mentions (data, 5);
  g_assert_cmpuint (cocrea_chart_get_n_categories (top), ==, 5);
  g_assert_nonnull (cocrea_chart_get_note (top));
  description = cocrea_chart_get_description (top);
  g_assert_true (g_str_has_prefix (description, "Mentions per proposal."));
  g_assert_nonnull (strstr (description, "Coordinación de seguridad entre dirigentes, municipio y Carabineros: 4."));
  g_assert_null (strstr (description, "Uso transparente de sedes"));

  check_render (all, "mentions", 900, 560);
}

static void
test_viability (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRankingData) data = cocrea_ranking_data_load (f->document, &error);
  g_autoptr (CocreaRanking) ranking = NULL;
  g_autoptr (CocreaChart) chart = NULL;
  g_autofree char *description = NULL;
  CocreaChartSeries *technical;
  double lo = 0, hi = 0;

  g_assert_no_error (error);
  ranking = cocrea_ranking_compute (data);
  chart = cocrea_chart_new_viability (ranking);
  g_assert_cmpint (cocrea_chart_get_kind (chart), ==, COCREA_CHART_HEATMAP);
  g_assert_cmpuint (cocrea_chart_get_n_categories (chart), ==, 8);
  g_assert_cmpuint (cocrea_chart_get_n_series (chart), ==, 5);

  technical = cocrea_chart_get_series_at (chart, 0);
  g_assert_cmpstr (cocrea_chart_series_get_name (technical), ==, "Technical viability");
  g_assert_true (cocrea_chart_series_get_scale (technical, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 1);
  g_assert_cmpfloat (hi, ==, 5);
  /* The first row is the best overall proposal, and its cell is its mean. */
  g_assert_cmpfloat_with_epsilon (cocrea_chart_series_get_value (technical, 0),
                                  cocrea_ranking_get_cell (ranking, ranking->order[0], 0)->mean, 1e-9);
  g_assert_true (cocrea_chart_series_has_range (technical));

  description = cocrea_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "Table chart with 8 rows and 5 columns."));
  g_assert_nonnull (strstr (description, "Inclusion and diversity"));

  check_render (chart, "viability", 960, 560);
}

static cairo_status_t
append_pdf (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The text @chart shows when drawn @width × @height, read back from a
 * vector PDF with pdftotext, with runs of white space made one space. */
static char *
chart_text (CocreaChart *chart, double width, double height, const char *dir)
{
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-q", "-raw", path, "-", NULL };
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_pdf, pdf, width, height);
  cairo_t *cr = cairo_create (surface);
  int status = 0;

  cocrea_chart_draw (chart, cr, 0, 0, width, height, cocrea_chart_palette_get_default (FALSE));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_file_set_contents (path, (const char *) pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_unlink (path);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The heat map's column headers are never cut: at the plan PDF's width
 * (480 pt) the criteria are numbered and named in full in a key; on a
 * wide screen they are the headers themselves. */
static void
test_viability_headers (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRankingData) data = cocrea_ranking_data_load (f->document, &error);
  g_autoptr (CocreaRanking) ranking = NULL;
  g_autoptr (CocreaChart) chart = NULL;
  g_autofree char *narrow = NULL;
  g_autofree char *wide = NULL;
  const char *names[] = { "Technical viability", "Budget viability",
                          "Political-administrative viability",
                          "Coherence with municipal planning", "Inclusion and diversity" };

  g_assert_no_error (error);
  ranking = cocrea_ranking_compute (data);
  chart = cocrea_chart_new_viability (ranking);
  narrow = chart_text (chart, 480, 150 + 8 * 34.0, f->dir);
  wide = chart_text (chart, 1600, 560, f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *keyed = g_strdup_printf ("%u %s", i + 1, names[i]);

      g_assert_nonnull (strstr (narrow, keyed));
      g_assert_nonnull (strstr (wide, names[i]));
      g_assert_null (strstr (wide, keyed));
    }

  /* Nor are the proposals' names, at the PDF's width: they wrap, in a
   * smaller font if the row needs it ("Foro Regular de Gobi…" before). */
  g_test_message ("%s", narrow);
  g_assert_null (strstr (narrow, "…"));
  g_assert_cmpuint (cocrea_chart_get_n_categories (chart), ==, 8);
  for (guint c = 0; c < cocrea_chart_get_n_categories (chart); c++)
    g_assert_nonnull (strstr (narrow, cocrea_chart_get_category (chart, c)));
}

static void
test_attendance (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaChart) chart = cocrea_chart_new_attendance (f->document, &error);
  g_autofree char *description = NULL;
  CocreaChartSeries *women;
  double total = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (cocrea_chart_get_n_categories (chart), ==, 5);
  g_assert_cmpuint (cocrea_chart_get_n_series (chart), ==, 6);
  g_assert_cmpstr (cocrea_chart_series_get_name (cocrea_chart_get_series_at (chart, 0)), ==, "Attendance");
  women = cocrea_chart_get_series_at (chart, 1);
  g_assert_cmpstr (cocrea_chart_series_get_name (women), ==, "Women");
  for (guint i = 0; i < 5; i++)
    total += cocrea_chart_series_get_value (cocrea_chart_get_series_at (chart, 0), i);
  g_assert_cmpfloat (total, >, 0);

  description = cocrea_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "Bar chart of 5 items, 6 bars each."));
  g_assert_nonnull (strstr (description, "People with disabilities"));

  check_render (chart, "attendance", 960, 680);
}

/* Missing values, flags, a very long title and a tiny surface. */
static void
test_edge_cases (void)
{
  static const char *const categories[] = {
    "Una propuesta con un título larguísimo que no cabe de ninguna manera en la columna de etiquetas",
    "Corta", NULL
  };
  double values[] = { NAN, 3 };
  gboolean flags[] = { FALSE, TRUE };
  g_autoptr (CocreaChart) chart =
    cocrea_chart_new (COCREA_CHART_HEATMAP,
                      "Un título de gráfico demasiado largo para una sola línea, que debe cortarse "
                      "con puntos suspensivos en vez de salirse del rectángulo");
  g_autoptr (CocreaChartSeries) series = cocrea_chart_series_new ("Político-administrativa", values, 2);
  g_autoptr (CocreaChart) empty = cocrea_chart_new (COCREA_CHART_BARS, "Nada");
  g_autofree char *description = NULL;
  g_autofree char *nothing = NULL;

  cocrea_chart_set_categories (chart, categories);
  cocrea_chart_series_set_flags (series, flags);
  cocrea_chart_series_set_scale (series, 1, 5);
  cocrea_chart_add_series (chart, series);
  cocrea_chart_set_flag_label (chart, "Evaluators disagree");
  cocrea_chart_set_digits (chart, 1);

  description = cocrea_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "larguísimo que no cabe de ninguna manera en la columna de etiquetas: –."));
  g_assert_nonnull (strstr (description, "Corta: 3.0 (Evaluators disagree)."));

  check_render (chart, "edge", 420, 260);

  nothing = cocrea_chart_get_description (empty);
  g_assert_nonnull (strstr (nothing, "nothing to show"));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) png = cocrea_chart_render_png (empty, 200, 150, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (png);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart/mentions", Fixture, NULL, fixture_set_up, test_mentions, fixture_tear_down);
  g_test_add ("/chart/viability", Fixture, NULL, fixture_set_up, test_viability, fixture_tear_down);
  g_test_add ("/chart/viability-headers", Fixture, NULL, fixture_set_up, test_viability_headers,
              fixture_tear_down);
  g_test_add ("/chart/attendance", Fixture, NULL, fixture_set_up, test_attendance, fixture_tear_down);
  g_test_add_func ("/chart/edge-cases", test_edge_cases);

  return g_test_run ();
}
