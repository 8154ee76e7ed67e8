/* bench-pdf.c — the PDF plan of the large process of DESIGN.md
 *
 * Generates (or reuses) the large process — 2,000 activities, 10,000
 * groups, 100,000 contributions merged into 10,000 proposals, 50
 * evaluators — and times the plan with its annex of every contribution,
 * then the reasons report. Run: build/bench/bench-pdf [DIR]; the figures
 * go into the README.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"

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

static void
report (const char *what, const char *path, gint64 start)
{
  GStatBuf st;
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  g_stat (path, &st);
  g_print ("%-28s %7.2f s  %6d pages  %6.1f MB\n", what, seconds, count_pages (path),
           st.st_size / 1e6);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_strdup (argc > 1 ? argv[1] : g_get_tmp_dir ());
  g_autofree char *path = g_build_filename (dir, "bench-large.cocrea", NULL);
  g_autofree char *plan = g_build_filename (dir, "bench-plan.pdf", NULL);
  g_autofree char *reasons = g_build_filename (dir, "bench-reasons.pdf", NULL);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("Generating the large process in %s...\n", path);
      g_object_unref (cocrea_document_create (path, "Plan Nacional de Gobierno Abierto", "Santiago",
                                              2019, 2021, &error));
      g_assert_no_error (error);
      bench_generate (path);
    }

  document = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
  if (document == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!cocrea_pdf_plan_export (document, plan, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  report ("plan with annex", plan, start);

  start = g_get_monotonic_time ();
  if (!cocrea_pdf_reasons_export (document, reasons, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  report ("reasons report", reasons, start);

  return 0;
}
