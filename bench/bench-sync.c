/* bench-sync.c — bringing the tables' laptops back at national size
 *
 * Issue 13's speed goal: into the process of bench-generate.c (100,000
 * contributions, 2,000 activities, 10,000 groups, 10,000 proposals), bring
 * back 8 laptops' copies, each of one activity and one table, on which
 * 1,000 new contributions were captured. Measures what the facilitator
 * waits for: preparing each copy, comparing it with the file (the
 * preview), applying it as one edit, and the tally of Merge & tally
 * following that edit, as the page does; then bringing one back again,
 * which must change nothing.
 *
 * Usage: bench-sync [--keep DIR [--reuse]] [--copies N] [--rows N]
 * Prints a Markdown table; the README records its figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-figures.h"
#include "bench-follow.h"
#include "bench-generate.h"
#include "cocrea-contribution-list.h"
#include "cocrea-csv-import.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-record-changes.h"
#include "cocrea-sync-copy.h"
#include "cocrea-sync.h"
#include "cocrea-tally.h"

static double
elapsed_ms (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
query_int (CocreaDocument *doc, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 0;

  g_assert_true (cocrea_db_query_int (cocrea_document_get_db (doc), sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* On the laptop: @rows new contributions typed at its table, one import. */
static void
capture (const char *copy, const char *csv, guint table, guint rows, GRand *rand)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) laptop = cocrea_document_open (copy, COCREA_OPEN_DEFAULT, &error);
  g_autoptr (GString) text = g_string_new ("actividad;mesa;texto\n");
  g_autofree char *activity = NULL;
  g_autofree char *group = NULL;
  sqlite3 *db;
  guint n = 0;

  g_assert_no_error (error);
  db = cocrea_document_get_db (laptop);
  activity = query_text (db, "SELECT name FROM activity");
  group = query_text (db, "SELECT name FROM table_group ORDER BY position LIMIT 1");
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *sentence = bench_sentence (rand, g_rand_int_range (rand, 8, 25));
      g_string_append_printf (text, "%s;%s;Mesa %u, aporte %u: %s\n", activity, group, table, i,
                              sentence);
    }
  g_assert_true (g_file_set_contents (csv, text->str, (gssize) text->len, &error));
  g_assert_true (cocrea_csv_import (laptop, csv, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, rows);
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GArray) prepare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) prepare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) compare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) apply = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) follow_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *work = NULL;
  gboolean reuse = FALSE;
  int n_copies = 8, rows = 1000;
  double all_ms = 0, again_ms;
  gint64 t0;
  GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the generated files in DIR", "DIR" },
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse, "Reuse the process kept in DIR", NULL },
    { "copies", 0, 0, G_OPTION_ARG_INT, &n_copies, "Laptops brought back (8)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "New contributions on each laptop (1,000)", "N" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  n_copies = CLAMP (n_copies, 1, N_ACTIVITIES);
  rows = MAX (rows, 1);

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("cocrea-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "nacional.cocrea", NULL);
  t0 = g_get_monotonic_time ();
  if (!reuse || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_unlink (path);
      g_object_unref (cocrea_document_create (path, "Plan Nacional de Gobierno Abierto",
                                              "Santiago", 2019, 2021, &error));
      g_assert_no_error (error);
      bench_generate (path);
    }
  printf ("Generated %d contributions, %d activities, %d groups, %d proposals in %.1f s\n\n",
          N_CONTRIBUTIONS, N_ACTIVITIES, N_GROUPS, N_PROPOSALS,
          (g_get_monotonic_time () - t0) / 1e6);

  /* The laptops come back into a copy: the generated file stays as it
   * was for --reuse. */
  work = g_build_filename (dir, "principal.cocrea", NULL);
  {
    g_autoptr (GFile) from = g_file_new_for_path (path);
    g_autoptr (GFile) to = g_file_new_for_path (work);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  doc = cocrea_document_open (work, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* Before the workshop: one copy per table, each of its own activity. */
  for (int i = 0; i < n_copies; i++)
    {
      gint64 activity = 1 + i * (N_ACTIVITIES / n_copies);
      gint64 group = (activity - 1) * (N_GROUPS / N_ACTIVITIES) + 1;
      g_autofree char *label = g_strdup_printf ("Mesa %d", i + 1);
      char *copy = g_strdup_printf ("%s/Taller-Mesa-%d.cocrea", dir, i + 1);
      CocreaSyncCopyOptions options = { label, activity, &group, 1, FALSE };
      double ms, cpu_ms;
      clock_t c0;

      g_unlink (copy);
      c0 = clock ();
      t0 = g_get_monotonic_time ();
      g_assert_true (cocrea_sync_write_copy (doc, copy, &options, &error));
      ms = elapsed_ms (t0);
      cpu_ms = (clock () - c0) * 1000.0 / CLOCKS_PER_SEC;
      g_assert_no_error (error);
      g_array_append_val (prepare, ms);
      g_array_append_val (prepare_cpu, cpu_ms);
      g_ptr_array_add (copies, copy);
    }

  /* The workshop: every table captures offline. */
  for (guint i = 0; i < copies->len; i++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/mesa-%u.csv", dir, i + 1);
      capture (copies->pdata[i], csv, i + 1, (guint) rows, rand);
    }

  /* After the round: Merge & tally is open, and the laptops come back. */
  {
    BenchFollow follow = { NULL, NULL, 0 };
    gulong handler;

    follow.list = cocrea_contribution_list_new (doc, 0, 0, &error);
    g_assert_no_error (error);
    follow.tally = cocrea_tally_new (doc, &error);
    g_assert_no_error (error);
    handler = g_signal_connect (doc, "records-changed", G_CALLBACK (bench_follow_cb), &follow);

    for (guint i = 0; i < copies->len; i++)
      {
        g_autoptr (CocreaSyncPlan) plan = NULL;
        g_autoptr (CocreaUndo) undo = NULL;
        double compare_ms, apply_ms, sum, cpu_ms;
        clock_t c0 = clock ();

        follow.ms = 0;
        t0 = g_get_monotonic_time ();
        plan = cocrea_sync_compare (doc, copies->pdata[i], COCREA_SYNC_DEFAULT, &error);
        compare_ms = elapsed_ms (t0);
        g_assert_no_error (error);
        g_assert_cmpuint (cocrea_sync_plan_get_count (plan, COCREA_SYNC_CONTRIBUTIONS,
                                                      COCREA_SYNC_NEW),
                          ==, (guint) rows);
        g_assert_cmpuint (cocrea_sync_plan_get_n_unresolved (plan), ==, 0);
        t0 = g_get_monotonic_time ();
        g_assert_true (cocrea_sync_apply (doc, plan, &undo, &error));
        apply_ms = elapsed_ms (t0);
        g_assert_no_error (error);
        /* The machine may be shared: the CPU time says what the work costs. */
        cpu_ms = (clock () - c0) * 1000.0 / CLOCKS_PER_SEC;
        sum = compare_ms + apply_ms;
        all_ms += sum;
        g_array_append_val (total_cpu, cpu_ms);
        g_array_append_val (compare, compare_ms);
        g_array_append_val (apply, apply_ms);
        g_array_append_val (follow_samples, follow.ms);
        g_array_append_val (total, sum);
        printf ("%s: compare %.0f ms, apply %.0f ms (of which the tally and list follow %.0f ms);"
                " CPU %.0f ms\n",
                cocrea_sync_plan_get_label (plan), compare_ms, apply_ms, follow.ms, cpu_ms);
      }

    /* The same laptop again: nothing new, nothing changed. */
    {
      g_autoptr (CocreaSyncPlan) plan = NULL;

      t0 = g_get_monotonic_time ();
      plan = cocrea_sync_compare (doc, copies->pdata[0], COCREA_SYNC_DEFAULT, &error);
      again_ms = elapsed_ms (t0);
      g_assert_no_error (error);
      g_assert_true (cocrea_sync_plan_is_empty (plan));
    }
    g_signal_handler_disconnect (doc, handler);

    /* The tally that followed is the tally read afresh. */
    {
      g_autoptr (GListModel) fresh = cocrea_tally (doc, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (follow.tally)), ==,
                        g_list_model_get_n_items (fresh));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (follow.list)), ==,
                        (guint) (N_CONTRIBUTIONS + n_copies * rows));
    }
    g_clear_object (&follow.list);
    g_clear_object (&follow.tally);
  }
  g_assert_cmpint (query_int (doc, "SELECT count (*) FROM contribution"), ==,
                   N_CONTRIBUTIONS + n_copies * rows);

  {
    BenchFigures p = bench_figures (prepare), pc = bench_figures (prepare_cpu), c = bench_figures (compare),
                 a = bench_figures (apply), f = bench_figures (follow_samples),
                 t = bench_figures (total), u = bench_figures (total_cpu);

    printf ("\n| Operation (%d copies of %d new contributions, into %d) | Target | Median | Worst |\n"
            "|---|---|---|---|\n",
            n_copies, rows, N_CONTRIBUTIONS);
    printf ("| Prepare a table's copy (checked whole before it takes its name) | | %.0f ms | %.0f ms |\n",
            p.median, p.p95);
    printf ("| … its CPU time | | %.0f ms | %.0f ms |\n", pc.median, pc.p95);
    printf ("| Compare a copy with the file (the preview) | | %.0f ms | %.0f ms |\n", c.median, c.p95);
    printf ("| Apply it as one edit, Merge & tally following | | %.0f ms | %.0f ms |\n", a.median,
            a.p95);
    printf ("| … of which the tally and the list follow the edit | | %.0f ms | %.0f ms |\n",
            f.median, f.p95);
    printf ("| Bring back one copy (compare + apply + tally) | < 1 s | %.0f ms | %.0f ms |\n",
            t.median, t.p95);
    printf ("| … its CPU time | | %.0f ms | %.0f ms |\n", u.median, u.p95);
    printf ("| All %d copies, until the tally is up to date | | %.1f s | |\n", n_copies,
            all_ms / 1000);
    printf ("| The same copy brought back again (nothing to do) | | %.0f ms | |\n", again_ms);
  }

  if (keep == NULL)
    {
      g_clear_object (&doc);
      for (guint i = 0; i < copies->len; i++)
        {
          g_autofree char *csv = g_strdup_printf ("%s/mesa-%u.csv", dir, i + 1);
          g_unlink (copies->pdata[i]);
          g_unlink (csv);
        }
      g_unlink (path);
      g_unlink (work);
      g_rmdir (dir);
    }
  return 0;
}
