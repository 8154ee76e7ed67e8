/* bench-open.c — how fast the foundation is at the large size of DESIGN.md
 *
 * Generates a national-size process (100,000 contributions from 2,000
 * activities and 10,000 groups, merged into 10,000 proposals, 50
 * evaluators scoring 8 shortlisted proposals) and measures what every
 * session pays: opening the file (header check, lock, quick_check, schema
 * census), loading the overview's counts, listing stages, a full check,
 * and the CSV and JSON exports.
 *
 * Usage: bench-open [--keep DIR] [--runs N]
 * Prints a Markdown table; the README records its figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-figures.h"
#include "bench-generate.h"
#include "cocrea-csv-export.h"
#include "cocrea-document.h"
#include "cocrea-json-export.h"
#include "cocrea-stage.h"
#include "cocrea-stats.h"

typedef struct {
  const char *what;
  const char *target;
  double best_ms;
  double median_ms;
} Row;

static void
record (GArray *rows, const char *what, const char *target, GArray *samples)
{
  BenchFigures figures = bench_figures (samples);
  Row row = { what, target, figures.best, figures.median };

  g_array_append_val (rows, row);
}

#define MEASURE(rows, what, target, runs, body)                               \
  G_STMT_START                                                                \
  {                                                                           \
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double)); \
    for (int run_ = 0; run_ < (runs); run_++)                                 \
      {                                                                       \
        gint64 t0_ = g_get_monotonic_time ();                                 \
        body;                                                                 \
        double ms_ = (g_get_monotonic_time () - t0_) / 1000.0;                \
        g_array_append_val (samples, ms_);                                    \
      }                                                                       \
    record (rows, what, target, samples);                                     \
  }                                                                           \
  G_STMT_END

/* Forgets which files this computer verified (cocrea-verify.c), so the
 * next opening verifies again. */
static void
forget_verified (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "cocrea", "verified", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *stamp = g_build_filename (dir, name, NULL);
      g_unlink (stamp);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *keep = NULL;
  int runs = 5;
  GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the generated files in DIR", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default 5)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  gint64 t0;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("cocrea-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "nacional.cocrea", NULL);
  csv = g_build_filename (dir, "nacional.csv", NULL);
  json = g_build_filename (dir, "nacional.json", NULL);
  g_unlink (path);

  t0 = g_get_monotonic_time ();
  g_object_unref (cocrea_document_create (path, "Plan Nacional de Gobierno Abierto", "Santiago",
                                          2019, 2021, &error));
  g_assert_no_error (error);
  bench_generate (path);
  g_stat (path, &st);
  printf ("Generated %d contributions, %d activities, %d groups, %d proposals, %d evaluators"
          " in %.1f s (%.1f MB)\n\n",
          N_CONTRIBUTIONS, N_ACTIVITIES, N_GROUPS, N_PROPOSALS, N_EVALUATORS,
          (g_get_monotonic_time () - t0) / 1e6, st.st_size / 1e6);

  /* The first opening for writing on a computer verifies every page
   * (integrity, foreign keys, the rules, the suggestion indexes); later
   * ones find the file as Cocrea left it and only run quick_check. */
  MEASURE (rows, "Open for writing the first time here (every check)", "< 1 s", runs, {
    forget_verified ();
    {
      g_autoptr (CocreaDocument) doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  });
  MEASURE (rows, "Open the file for writing (checks, lock)", "< 300 ms", runs, {
    g_autoptr (CocreaDocument) doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
  });

  {
    g_autoptr (CocreaDocument) doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
    g_assert_no_error (error);

    MEASURE (rows, "Overview counts and totals", "< 100 ms", runs, {
      CocreaStats stats;
      g_assert (cocrea_stats_load (doc, &stats, &error));
      g_assert (stats.contributions == N_CONTRIBUTIONS);
    });
    MEASURE (rows, "List the stages", "< 16 ms", runs, {
      g_autoptr (GListModel) stages = cocrea_stage_list (doc, &error);
      g_assert (g_list_model_get_n_items (stages) == 7);
    });
    MEASURE (rows, "Export every contribution as CSV", "seconds", runs, {
      g_assert (cocrea_csv_export (doc, csv, &error));
    });
    MEASURE (rows, "Export the whole process as JSON", "<= 2x sqlite3 .dump", runs, {
      g_assert (cocrea_json_export (doc, json, &error));
    });
  }

  g_autofree char *sqlite3_program = g_find_program_in_path ("sqlite3");

  /* The yardstick of the JSON export: SQLite's own text dump of the same
   * file, into a file in the same folder, where the sqlite3 program is. */
  if (sqlite3_program != NULL)
    {
      g_autofree char *dump = g_build_filename (dir, "nacional.sql", NULL);
      g_autofree char *command = g_strdup_printf ("sqlite3 '%s' .dump > '%s'", path, dump);
      const char *dump_argv[] = { "/bin/sh", "-c", command, NULL };

      MEASURE (rows, "sqlite3 FILE .dump (for comparison)", "", runs, {
        int status;
        g_assert (g_spawn_sync (NULL, (char **) dump_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                NULL, &status, &error));
        g_assert (status == 0);
      });
      g_unlink (dump);
    }

  MEASURE (rows, "Full check (integrity, foreign keys, indexes, rules)", "seconds", runs, {
    int version;
    g_assert (cocrea_document_check_file (path, &version, &error));
  });

  printf ("| Operation (%d runs) | Target | Best | Median |\n|---|---|---|---|\n", runs);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      printf ("| %s | %s | %.1f ms | %.1f ms |\n", row->what, row->target, row->best_ms,
              row->median_ms);
    }

  if (keep == NULL)
    {
      g_unlink (path);
      g_unlink (csv);
      g_unlink (json);
      g_rmdir (dir);
    }
  return 0;
}
