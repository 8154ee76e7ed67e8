/* bench-merge-page.c — what the Merge & tally page does after a merge at national size
 *
 * The real page (CocreaMergePage, its column views and selection models)
 * in a window, on the process of bench-generate.c (100,000 contributions,
 * 10,000 proposals). Measures:
 *  - the first time the page is shown (it reads the document then, once);
 *  - after a merge of 5 contributions while the page shows: the time the
 *    page spends following the edit (its records-changed handling, from
 *    the first signal to the document's "changed"), and until the next
 *    frame is painted;
 *  - after a merge while another page shows: the same handling, and then
 *    switching to Merge & tally until its frame is painted (nothing is
 *    read again).
 *
 * Needs a display: xvfb-run -a build-rel/bench/bench-merge-page
 * Usage: bench-merge-page [--keep DIR [--reuse]] [--runs N]
 * Prints a Markdown table; the README records its figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-figures.h"
#include "bench-generate.h"
#include "cocrea-document.h"
#include "cocrea-merge-page.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-resources.h"

static gint64 first_signal_time; /* when the edit's first records-changed came */
static gint64 changed_time;      /* when its "changed" came: the page is done */
static gboolean painted;

static void
records_changed_cb (CocreaDocument *document, gpointer changes, gpointer data)
{
  if (first_signal_time == 0)
    first_signal_time = g_get_monotonic_time ();
}

static void
changed_cb (CocreaDocument *document, gpointer data)
{
  changed_time = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

/* Runs the main loop until the window has painted a frame; the time it took. */
static double
wait_for_paint (GtkWidget *window, gint64 since)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - since) / 1000.0;
}

/* Lets the main loop run dry: layout, paint, idles. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 200 * 1000;

  while (g_get_monotonic_time () < until)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
print_row (const char *what, const char *target, GArray *samples)
{
  BenchFigures figures = bench_figures (samples);

  printf ("| %s | %s | %u | %.1f ms | %.1f ms | %.1f ms |\n", what, target, samples->len,
          figures.best, figures.median, figures.p95);
}

/* Merges 5 random contributions into a random proposal, as the page's
 * "Merge into Selected" does, and returns the page's time following it. */
static double
merge_five (CocreaDocument *doc, GRand *rand)
{
  g_autoptr (GError) error = NULL;
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = g_rand_int_range (rand, 1, N_CONTRIBUTIONS + 1);
  first_signal_time = changed_time = 0;
  if (!cocrea_merge_into (doc, g_rand_int_range (rand, 1, N_PROPOSALS + 1), ids,
                          G_N_ELEMENTS (ids), NULL, &error))
    g_error ("%s", error->message);
  g_assert (first_signal_time != 0 && changed_time >= first_signal_time);
  return (changed_time - first_signal_time) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autofree char *keep = NULL;
  gboolean reuse = FALSE;
  int runs = 10;
  GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the generated process in DIR", "DIR" },
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse, "Reuse the process kept in DIR", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Merges per measurement (default 10)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GArray) first_show = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) shown_follow = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) shown_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) hidden_follow = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) switch_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkWidget *window, *stack, *other, *page;
  gint64 t0;
  double ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  runs = MAX (runs, 1);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-merge-page needs a display: run it under xvfb-run -a\n");
      return 77;
    }
  adw_init ();
  g_assert (cocrea_get_resource () != NULL);

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("cocrea-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "nacional.cocrea", NULL);
  if (!reuse || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_unlink (path);
      g_object_unref (cocrea_document_create (path, "Plan Nacional de Gobierno Abierto",
                                              "Santiago", 2019, 2021, &error));
      g_assert_no_error (error);
      bench_generate (path);
    }
  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Before the page's handler: the first records-changed of an edit. */
  g_signal_connect (doc, "records-changed", G_CALLBACK (records_changed_cb), NULL);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  stack = gtk_stack_new ();
  other = gtk_label_new ("Another page");
  page = g_object_new (COCREA_TYPE_MERGE_PAGE, NULL);
  gtk_stack_add_named (GTK_STACK (stack), other, "other");
  gtk_stack_add_named (GTK_STACK (stack), page, "merge");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  cocrea_page_set_document (COCREA_PAGE (page), doc);
  /* After the page's handlers: the edit is followed. */
  g_signal_connect (doc, "changed", G_CALLBACK (changed_cb), NULL);

  /* The first show reads the document, once. */
  t0 = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "merge");
  ms = wait_for_paint (window, t0);
  settle ();
  g_array_append_val (first_show, ms);

  for (int r = 0; r < runs; r++)
    {
      ms = merge_five (doc, rand);
      g_array_append_val (shown_follow, ms);
      ms = wait_for_paint (window, first_signal_time);
      g_array_append_val (shown_paint, ms);
      settle ();
    }

  for (int r = 0; r < runs; r++)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
      settle ();
      ms = merge_five (doc, rand);
      g_array_append_val (hidden_follow, ms);
      settle ();
      t0 = g_get_monotonic_time ();
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "merge");
      ms = wait_for_paint (window, t0);
      g_array_append_val (switch_paint, ms);
      settle ();
    }

  printf ("Merge & tally on %d contributions and %d proposals\n\n", N_CONTRIBUTIONS, N_PROPOSALS);
  printf ("| Operation | Target | Samples | Best | Median | p95 |\n|---|---|---|---|---|---|\n");
  print_row ("First show of the page (reads the document once), to the painted frame", "",
             first_show);
  print_row ("After a merge of 5 while shown: the page follows the edit", "< 50 ms", shown_follow);
  print_row ("After a merge of 5 while shown: to the painted frame", "< 50 ms", shown_paint);
  print_row ("After a merge of 5 while hidden: the page follows the edit", "< 50 ms",
             hidden_follow);
  print_row ("Then switching to the page, to the painted frame (nothing read again)", "< 50 ms",
             switch_paint);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&doc);
  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
