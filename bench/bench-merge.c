/* bench-merge.c — capture, merge, tally and suggestions at the large size
 *
 * On the process of bench-generate.c (100,000 contributions, 2,000
 * activities, 10,000 groups, 10,000 proposals) measures what a
 * facilitator feels: opening the file, listing the contributions,
 * filtering them as a word is typed letter by letter, duplicate
 * suggestions for a new entry, re-tallying after a merge, and importing
 * a 100,000-row CSV file.
 *
 * Usage: bench-merge [--keep DIR [--reuse]] [--runs N] [--only WHAT]
 * Prints a Markdown table; the README records its figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-figures.h"
#include "bench-follow.h"
#include "bench-generate.h"
#include "cocrea-contribution.h"
#include "cocrea-contribution-view.h"
#include "cocrea-csv-export.h"
#include "cocrea-csv-import.h"
#include "cocrea-document.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-proposal.h"
#include "cocrea-record-changes.h"
#include "cocrea-suggest.h"
#include "cocrea-tally.h"

typedef struct {
  const char *what;
  const char *target;
  guint n;
  double best_ms;
  double median_ms;
  double p95_ms;
} Row;

static void
record (GArray *rows, const char *what, const char *target, GArray *samples)
{
  BenchFigures figures = bench_figures (samples);
  Row row = { what, target, samples->len, figures.best, figures.median, figures.p95 };

  g_array_append_val (rows, row);
}

#define WANT(what) (only == NULL || g_str_equal (only, what))

static double
elapsed_ms (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* Writes a CSV of @n rows spread over 200 activities of 5 tables each. */
static void
write_csv (const char *path, guint n)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (2021);
  g_autoptr (GString) csv = g_string_new ("activity,group,text\n");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = bench_sentence (rand, g_rand_int_range (rand, 8, 25));
      g_string_append_printf (csv, "Encuentro %u,Mesa %u,%s\n", i % 200 + 1, i % 5 + 1, text);
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_autofree char *keep = NULL;
  g_autofree char *only = NULL;
  gboolean reuse = FALSE;
  int runs = 5;
  GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the generated files in DIR", "DIR" },
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse, "Reuse the process kept in DIR", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default 5)", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Measure only list, filter, page, suggest, tally, import or reimport (for a profiler)", "WHAT" },
    { NULL }
  };
  static const char typed[] = "participación";
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr (GRand) rand = g_rand_new_with_seed (26);
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *imported = NULL;
  gint64 t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  runs = MAX (runs, 1);

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("cocrea-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "nacional.cocrea", NULL);
  csv = g_build_filename (dir, "mesas.csv", NULL);
  imported = g_build_filename (dir, "importado.cocrea", NULL);
  t0 = g_get_monotonic_time ();
  if (!reuse || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_unlink (path);
      g_object_unref (cocrea_document_create (path, "Plan Nacional de Gobierno Abierto",
                                              "Santiago", 2019, 2021, &error));
      g_assert_no_error (error);
      bench_generate (path);
    }
  printf ("Generated %d contributions, %d activities, %d groups, %d proposals in %.1f s\n"
          "(texts of 8 to 24 words, %u civic word forms and function words, Zipf-distributed)\n\n",
          N_CONTRIBUTIONS, N_ACTIVITIES, N_GROUPS, N_PROPOSALS,
          (g_get_monotonic_time () - t0) / 1e6, bench_vocabulary_size ());

  {
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    for (int r = 0; r < runs; r++)
      {
        double ms;
        t0 = g_get_monotonic_time ();
        g_clear_object (&doc);
        doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_array_append_val (samples, ms);
      }
    record (rows, "Open the file for writing", "< 300 ms", samples);
  }

  if (WANT ("list") || WANT ("filter") || WANT ("page"))
  {
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    for (int r = 0; r < runs; r++)
      {
        double ms;
        g_clear_object (&list);
        t0 = g_get_monotonic_time ();
        list = cocrea_contribution_list (doc, 0, 0, &error);
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_CONTRIBUTIONS);
        g_array_append_val (samples, ms);
      }
    record (rows, "List all contributions (GListModel)", "< 300 ms", samples);
  }

  /* Each keystroke filters the whole list again, through the view the
   * Merge & tally page shows (the search box's text, one more letter). */
  if (WANT ("filter"))
  {
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr (CocreaContributionView) view = cocrea_contribution_view_new ();
    guint n_chars = g_utf8_strlen (typed, -1);

    cocrea_contribution_view_set_list (view, COCREA_CONTRIBUTION_LIST (list));
    for (int r = 0; r < runs; r++)
      for (guint k = 1; k <= n_chars; k++)
        {
          g_autofree char *prefix = g_utf8_substring (typed, 0, k);
          double ms;

          t0 = g_get_monotonic_time ();
          cocrea_contribution_view_set_search (view, prefix);
          ms = elapsed_ms (t0);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), >, 0);
          g_array_append_val (samples, ms);
        }
    record (rows, "Filter 100,000 contributions, per keystroke", "< 16 ms", samples);
  }

  /* What the Merge & tally page reads once, when it gets the document:
   * every contribution and the tally that follows edits. */
  if (WANT ("page"))
  {
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr (GArray) follow_samples = g_array_new (FALSE, FALSE, sizeof (double));
    for (int r = 0; r < runs; r++)
      {
        g_autoptr (CocreaContributionView) view = cocrea_contribution_view_new ();
        g_autoptr (CocreaContributionList) contributions = NULL;
        g_autoptr (CocreaTally) tally = NULL;
        double ms;

        t0 = g_get_monotonic_time ();
        contributions = cocrea_contribution_list_new (doc, 0, 0, &error);
        g_assert_no_error (error);
        tally = cocrea_tally_new (doc, &error);
        g_assert_no_error (error);
        cocrea_contribution_view_set_list (view, contributions);
        ms = elapsed_ms (t0);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, N_CONTRIBUTIONS);
        g_array_append_val (samples, ms);

        /* Then a merge of 5, which the page follows instead of reading again. */
        {
          BenchFollow follow = { contributions, tally, 0 };
          gint64 ids[5];
          gulong id = g_signal_connect (doc, "records-changed", G_CALLBACK (bench_follow_cb), &follow);

          for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
            ids[i] = g_rand_int_range (rand, 1, N_CONTRIBUTIONS + 1);
          g_assert_true (cocrea_merge_into (doc, g_rand_int_range (rand, 1, N_PROPOSALS + 1), ids,
                                            G_N_ELEMENTS (ids), NULL, &error));
          g_assert_no_error (error);
          g_signal_handler_disconnect (doc, id);
          g_array_append_val (follow_samples, follow.ms);
        }
      }
    record (rows, "Read what Merge & tally shows, once (contributions and the tally)", "", samples);
    record (rows, "Merge & tally follows a merge of 5 (list, view, tally)", "< 50 ms",
            follow_samples);
  }

  if (WANT ("suggest"))
  {
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    for (int q = 0; q < 100; q++)
      {
        g_autofree char *entry = bench_sentence (rand, g_rand_int_range (rand, 3, 12));
        g_autoptr (GListModel) found = NULL;
        double ms;

        t0 = g_get_monotonic_time ();
        found = cocrea_suggest (doc, entry, 10, 0, &error);
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_array_append_val (samples, ms);
      }
    record (rows, "Suggestions for a new entry (100 queries)", "< 20 ms p95", samples);
  }

  if (WANT ("tally"))
  {
    g_autoptr (GArray) merge_samples = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr (GArray) outside_samples = g_array_new (FALSE, FALSE, sizeof (double));
    /* The projector view: another opening, read-only, that hears of the
     * merge only through data_version and counts everything again. */
    g_autoptr (CocreaDocument) viewer = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
    g_autoptr (GListModel) shown = NULL;

    g_assert_no_error (error);
    shown = cocrea_tally (viewer, &error);
    g_assert_no_error (error);
    for (int r = 0; r < runs; r++)
      {
        g_autoptr (GListModel) tally = NULL;
        gint64 ids[5];
        double ms;

        for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
          ids[i] = g_rand_int_range (rand, 1, N_CONTRIBUTIONS + 1);
        t0 = g_get_monotonic_time ();
        g_assert_true (cocrea_merge_into (doc, g_rand_int_range (rand, 1, N_PROPOSALS + 1), ids,
                                          G_N_ELEMENTS (ids), NULL, &error));
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_array_append_val (merge_samples, ms);

        t0 = g_get_monotonic_time ();
        tally = cocrea_tally (doc, &error);
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (tally), ==, N_PROPOSALS);
        g_array_append_val (samples, ms);

        t0 = g_get_monotonic_time ();
        g_assert_true (cocrea_document_check_outside (viewer));
        g_assert_true (cocrea_tally_reload (COCREA_TALLY (shown), viewer, &error));
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_array_append_val (outside_samples, ms);
      }
    record (rows, "Merge 5 contributions (one edit, on disk)", "< 100 ms", merge_samples);
    record (rows, "Re-tally 10,000 proposals after the merge", "< 50 ms", samples);
    record (rows, "Projector view: hear the merge from another opening, count again", "< 100 ms",
            outside_samples);
  }

  g_clear_object (&list);
  g_clear_object (&doc);

  if (WANT ("import"))
  {
    write_csv (csv, N_CONTRIBUTIONS);
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    for (int r = 0; r < MIN (runs, 3); r++)
      {
        g_autoptr (CocreaDocument) target = NULL;
        guint n = 0;
        double ms;

        g_unlink (imported);
        target = cocrea_document_create (imported, "Importado", "Santiago", 2019, 2021, &error);
        g_assert_no_error (error);
        t0 = g_get_monotonic_time ();
        g_assert_true (cocrea_csv_import (target, csv, &n, NULL, &error));
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_assert_cmpuint (n, ==, N_CONTRIBUTIONS);
        g_array_append_val (samples, ms);
      }
    record (rows, "Import a 100,000-row CSV (indexed for suggestions)", "< 1 s", samples);
  }

  /* Cocrea's own export read back: the proposal column names 10,000
   * proposals to find or create, and the undo is taken as the window's
   * Import does. */
  if (WANT ("reimport"))
  {
    g_autofree char *export = g_build_filename (dir, "exportado.csv", NULL);
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

    doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_true (cocrea_csv_export (doc, export, &error));
    g_clear_object (&doc);
    for (int r = 0; r < MIN (runs, 3); r++)
      {
        g_autoptr (CocreaDocument) target = NULL;
        g_autoptr (CocreaUndo) undo = NULL;
        guint n = 0;
        double ms;

        g_unlink (imported);
        target = cocrea_document_create (imported, "Importado", "Santiago", 2019, 2021, &error);
        g_assert_no_error (error);
        t0 = g_get_monotonic_time ();
        g_assert_true (cocrea_csv_import (target, export, &n, &undo, &error));
        ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_assert_cmpuint (n, ==, N_CONTRIBUTIONS);
        g_array_append_val (samples, ms);
      }
    record (rows, "Re-import its own CSV export of 100,000 rows, with proposals and undo",
            "< 1.5 s", samples);
    g_unlink (export);
  }

  printf ("| Operation | Target | Samples | Best | Median | p95 |\n|---|---|---|---|---|---|\n");
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      printf ("| %s | %s | %u | %.1f ms | %.1f ms | %.1f ms |\n", row->what, row->target, row->n,
              row->best_ms, row->median_ms, row->p95_ms);
    }

  if (keep == NULL)
    {
      g_unlink (path);
      g_unlink (csv);
      g_unlink (imported);
      g_rmdir (dir);
    }
  return 0;
}
