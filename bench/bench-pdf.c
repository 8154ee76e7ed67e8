/* bench-pdf.c — the PDF plan and reasons report of the large process of DESIGN.md
 *
 * Generates (or reuses) the large process — 2,000 activities, 10,000
 * groups, 100,000 contributions merged into 10,000 proposals, 50
 * evaluators — and times the plan with its annex of every contribution,
 * then the reasons report: wall time, the CPU time of this process (a
 * fairer figure on a busy machine), the CPU time of the main thread (the
 * pages are compressed on a second one: on an idle machine with two cores
 * the wall time is about this) and its peak resident memory.
 *
 * Usage: bench-pdf [--only plan|reasons] [--contributions N] [DIR]
 *   --only: one export per run, so the peak memory is that export's
 *   --contributions N: N contributions (the 100,000 rows copied over as
 *     many times as needed into DIR/bench-N.cocrea), e.g. 1000000
 * The figures go into the README.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-generate.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"
#include "cocrea-suggest.h"

static int
count_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL) || out == NULL)
    return -1;
  pages = strstr (out, "Pages:");
  return pages != NULL ? atoi (pages + 6) : -1;
}

static double
cpu_seconds_of (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
cpu_seconds (void)
{
  return cpu_seconds_of (RUSAGE_SELF);
}

static double
main_cpu_seconds (void)
{
  return cpu_seconds_of (RUSAGE_THREAD);
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static void
report (const char *what, const char *path, gint64 start, double cpu_start, double main_start)
{
  GStatBuf st;
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  g_stat (path, &st);
  g_print ("%-16s %6.2f s wall %6.2f s CPU (%5.2f s main thread) %4ld MB peak %6d pages %6.1f MB\n",
           what, seconds, cpu_seconds () - cpu_start, main_cpu_seconds () - main_start, peak_rss_mb (),
           count_pages (path), st.st_size / 1e6);
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A copy of @large with its contributions repeated up to @n, in the same
 * activities, groups and proposals. */
static void
make_larger (const char *large, const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) from = g_file_new_for_path (large);
  g_autoptr (GFile) to = g_file_new_for_path (path);
  g_autoptr (CocreaDocument) document = NULL;
  sqlite3 *db = NULL;

  g_print ("Making a process of %u contributions in %s...\n", n, path);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  exec_or_die (db, "BEGIN");
  for (guint have = N_CONTRIBUTIONS; have < n; have += N_CONTRIBUTIONS)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO contribution (activity_id, group_id, origin, text,"
                                              " area, axes, proposal_id, created_at)"
                                              " SELECT activity_id, group_id, origin, text, area, axes,"
                                              " proposal_id, created_at FROM contribution"
                                              " ORDER BY id LIMIT %u",
                                              MIN (N_CONTRIBUTIONS, n - have));
      exec_or_die (db, sql);
    }
  exec_or_die (db, "COMMIT");
  sqlite3_close (db);

  document = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_suggest_rebuild_index (document, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_autofree char *only = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *reasons = NULL;
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("[DIR]");
  gint64 start;
  double cpu_start, main_start;
  int contributions = N_CONTRIBUTIONS;
  GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only this export: plan or reasons", "WHICH" },
    { "contributions", 0, 0, G_OPTION_ARG_INT, &contributions, "How many contributions", "N" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  dir = g_strdup (argc > 1 ? argv[1] : g_get_tmp_dir ());
  path = g_build_filename (dir, "bench-large.cocrea", NULL);
  plan = g_build_filename (dir, "bench-plan.pdf", NULL);
  reasons = g_build_filename (dir, "bench-reasons.pdf", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("Generating the large process in %s...\n", path);
      g_object_unref (cocrea_document_create (path, "Plan Nacional de Gobierno Abierto", "Santiago",
                                              2019, 2021, &error));
      g_assert_no_error (error);
      bench_generate (path);
    }
  if (contributions > N_CONTRIBUTIONS)
    {
      g_autofree char *name = g_strdup_printf ("bench-%d.cocrea", contributions);
      g_autofree char *larger = g_build_filename (dir, name, NULL);

      if (!g_file_test (larger, G_FILE_TEST_EXISTS))
        make_larger (path, larger, contributions);
      g_free (path);
      path = g_steal_pointer (&larger);
    }

  /* A file generated by an older Cocrea is upgraded first: the exports
   * open it read-only, as the GUI's export thread does. */
  document = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  g_clear_object (&document);
  document = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
  if (document == NULL)
    g_error ("%s", error->message);

  if (only == NULL || g_str_equal (only, "plan"))
    {
      start = g_get_monotonic_time ();
      cpu_start = cpu_seconds ();
      main_start = main_cpu_seconds ();
      if (!cocrea_pdf_plan_export (document, plan, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      report ("plan with annex", plan, start, cpu_start, main_start);
    }

  if (only == NULL || g_str_equal (only, "reasons"))
    {
      start = g_get_monotonic_time ();
      cpu_start = cpu_seconds ();
      main_start = main_cpu_seconds ();
      if (!cocrea_pdf_reasons_export (document, reasons, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      report ("reasons report", reasons, start, cpu_start, main_start);
    }

  return 0;
}
