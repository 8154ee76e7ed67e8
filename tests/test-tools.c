/* test-tools.c — running the programs tests read files back with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>

#include "test-tools.h"

/* Whether every program named (NULL-terminated) is on PATH. */
gboolean
test_have_programs (const char *first, ...)
{
  va_list args;
  gboolean all = TRUE;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *path = g_find_program_in_path (name);
      all = all && path != NULL;
    }
  va_end (args);
  return all;
}

/* Runs @argv and returns its standard output; fails the test unless it
 * exits with 0. */
char *
test_run (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s exited with status %d", argv[0], status);
  return g_steal_pointer (&out);
}

/* The text of page @page of @pdf as pdftotext reads it, every run of
 * spaces and line breaks folded to one space (table cells wrap). */
char *
test_pdf_page_text (const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-q", "-f", number, "-l", number, pdf, "-", NULL };
  g_autofree char *text = test_run (argv);
  g_auto (GStrv) words = g_strsplit_set (text, " \n\f", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

/* qpdf --check finds nothing wrong (exit status 0: not even a warning). */
void
test_assert_qpdf_clean (const char *pdf)
{
  const char *argv[] = { "qpdf", "--check", pdf, NULL };
  g_free (test_run (argv));
}
