/* bench-startup.c — how long Cocrea takes to show a window, beside a bare GTK 4 window
 *
 * Starts the real binary, as a user would, with COCREA_REPORT_FIRST_FRAME=1
 * (src/gui/cocrea-first-frame.c): it prints the monotonic time of its first
 * painted frame and of the first frame that shows what was asked for (the
 * start page, or a process's first page read from its file) and quits.
 * The time is counted from the moment this program starts it. The same is
 * done, in the same run and in turn with it, for bench-bare-window (an
 * empty GtkApplicationWindow), so a busy machine slows both alike and the
 * ratio stays meaningful.
 *
 * A second yardstick is the same window made with libadwaita
 * (bench-bare-adw-window): libadwaita's own start (its style sheet, the
 * style manager) is a cost every libadwaita application pays before its
 * first frame, and the bare GTK 4 window does not.
 *
 * Cases: the bare windows; Cocrea with no file (the start page); the demo
 * process (Renca 2019); the national process (100,000 contributions), as
 * on any later start and as on the first opening on a computer, when every
 * check runs (its stamp removed: cocrea-verify.c).
 *
 * Run it on a display, e.g. under Xvfb:
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
 *     build-rel/bench/bench-startup --national DIR/nacional.cocrea
 * Without --national the process is generated (about 10 s). Each program
 * gets the same environment: private XDG folders kept for the whole run
 * (so caches are warm after the first, discarded, round), in-memory
 * settings, and GTK's Cairo renderer (GL under Xvfb is a software
 * emulation that says nothing of a real screen).
 *
 * Usage: bench-startup [--runs N] [--national FILE] [--compare PROGRAM]
 *
 * --compare times the start page, the demo and the national process with
 * another build too (say, of the commit before a change), in the same run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bench-figures.h"
#include "bench-generate.h"
#include "cocrea-document.h"

typedef struct {
  const char *name;
  const char *program; /* COCREA_EXE or BARE_EXE */
  const char *file;    /* NULL: none */
  gboolean forget;     /* remove the verification stamps first */
  const char *page;    /* then show this page (COCREA_REPORT_PAGE), or NULL */
  GArray *first;       /* ms to the first frame, per run */
  GArray *settled;     /* ms to the settled frame */
  GArray *cpu;         /* CPU ms of the program, start to exit */
  GArray *page_ms;     /* ms to the frame showing @page */
  GArray *rss;         /* MB of memory (VmRSS) then */
} Case;

static double
median (GArray *samples)
{
  return bench_figures (samples).median;
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* Removes every verification stamp in @cache_dir (cocrea-verify.c). */
static void
forget_verified (const char *cache_dir)
{
  g_autofree char *dir = g_build_filename (cache_dir, "cocrea", "verified", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *stamp = g_build_filename (dir, name, NULL);
      g_unlink (stamp);
    }
}

typedef struct {
  GMainLoop *loop;
  char *out;
  gboolean timed_out;
} Wait;

static void
communicated_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;
  g_autoptr (GError) error = NULL;

  if (!g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &wait->out, NULL,
                                             &error))
    g_printerr ("%s\n", error->message);
  g_main_loop_quit (wait->loop);
}

static gboolean
timeout_cb (gpointer data)
{
  Wait *wait = data;

  wait->timed_out = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* The value after @key at the start of a line of @out, or -1. */
static gint64
read_stamp (const char *out, const char *key)
{
  g_autofree char *marker = g_strconcat (key, " ", NULL);
  const char *at = out != NULL ? strstr (out, marker) : NULL;

  return at != NULL ? g_ascii_strtoll (at + strlen (marker), NULL, 10) : -1;
}

/* Runs @c once; records it unless @warm_up. FALSE when it did not report. */
static gboolean
run_case (Case *c, GSubprocessLauncher *launcher, const char *cache_dir, gboolean warm_up)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, NULL, FALSE };
  const char *argv[] = { c->program, c->file, NULL };
  g_autofree char *out = NULL;
  double cpu0;
  gint64 t0, first, settled;
  guint timeout;

  if (c->forget)
    forget_verified (cache_dir);

  if (c->page != NULL)
    g_subprocess_launcher_setenv (launcher, "COCREA_REPORT_PAGE", c->page, TRUE);
  cpu0 = children_cpu_ms ();
  t0 = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_subprocess_launcher_unsetenv (launcher, "COCREA_REPORT_PAGE");
  if (process == NULL)
    g_error ("%s: %s", c->program, error->message);
  timeout = g_timeout_add_seconds (60, timeout_cb, &wait);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &wait);
  g_main_loop_run (loop);
  if (wait.timed_out)
    {
      g_subprocess_force_exit (process);
      g_printerr ("%s did not report within 60 s\n", c->name);
      return FALSE;
    }
  g_source_remove (timeout);
  out = wait.out;
  /* Reaped by now: its CPU time is counted among the children's. */
  g_subprocess_wait (process, NULL, NULL);

  first = read_stamp (out, "first-frame");
  settled = read_stamp (out, "settled-frame");
  if (first < 0 || settled < 0)
    {
      g_printerr ("%s did not report its first frame\n", c->name);
      return FALSE;
    }
  if (!warm_up)
    {

      double first_ms = (first - t0) / 1e3, settled_ms = (settled - t0) / 1e3;
      double cpu_ms = children_cpu_ms () - cpu0;

      g_array_append_val (c->first, first_ms);
      g_array_append_val (c->settled, settled_ms);
      g_array_append_val (c->cpu, cpu_ms);
      if (c->page != NULL)
        {
          gint64 page = read_stamp (out, "page-frame");
          double page_ms = (page - t0) / 1e3;
          double rss_mb = read_stamp (out, "rss-kb") / 1024.0;

          if (page < 0)
            {
              g_printerr ("%s did not report its page\n", c->name);
              return FALSE;
            }
          g_array_append_val (c->page_ms, page_ms);
          g_array_append_val (c->rss, rss_mb);
        }
    }
  return TRUE;
}

static GSubprocessLauncher *
new_launcher (const char *home)
{
  GSubprocessLauncher *launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  static const char *const dirs[][2] = {
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_subprocess_launcher_setenv (launcher, dirs[i][0], dir, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
  g_subprocess_launcher_setenv (launcher, "COCREA_REPORT_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "COCREA_OPEN_DEMO");
  return launcher;
}

static void
make_demo (const char *path)
{
  const char *argv[] = { COCREA_EXE, "demo", path, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process =
    g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);

  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    g_error ("cocrea demo: %s", error->message);
}

int
main (int argc, char **argv)
{
  g_autofree char *national = NULL;
  g_autofree char *compare = NULL;
  int runs = 7;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Measured runs of each case (default 7)", "N" },
    { "national", 0, 0, G_OPTION_ARG_FILENAME, &national,
      "The national process (bench-open --keep DIR makes DIR/nacional.cocrea)", "FILE" },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, &compare,
      "Also time another build of cocrea (one that reports its first frame), e.g. before a change",
      "PROGRAM" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autofree char *home = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *generated = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  double bare, bare_adw;
  Case cases[] = {
    { "Bare GTK 4 window (bench-bare-window)", BARE_EXE, NULL, FALSE },
    { "Bare libadwaita window (bench-bare-adw-window)", BARE_ADW_EXE, NULL, FALSE },
    { "Cocrea, start page", COCREA_EXE, NULL, FALSE },
    { "Cocrea, demo process (Renca 2019)", COCREA_EXE, NULL, FALSE },
    { "Cocrea, national process (100,000 contributions)", COCREA_EXE, NULL, FALSE },
    { "Cocrea, national process, first opening on this computer (every check)", COCREA_EXE,
      NULL, TRUE },
    { "Cocrea, national process, then Merge & tally", COCREA_EXE, NULL, FALSE, "merge" },
    /* --compare: the same starts of another build, in the same run. */
    { "Compared build, start page", NULL, NULL, FALSE },
    { "Compared build, demo process", NULL, NULL, FALSE },
    { "Compared build, national process", NULL, NULL, FALSE },
  };
  guint n_cases = 7;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display: run it under xvfb-run (see its first lines)\n");
      return 1;
    }

  home = g_dir_make_tmp ("cocrea-startup-XXXXXX", &error);
  g_assert_no_error (error);
  cache_dir = g_build_filename (home, "cache", NULL);
  demo = g_build_filename (home, "demo.cocrea", NULL);
  make_demo (demo);
  if (national == NULL)
    {
      g_autoptr (CocreaDocument) doc = NULL;

      generated = g_build_filename (home, "nacional.cocrea", NULL);
      doc = cocrea_document_create (generated, "Plan Nacional de Gobierno Abierto", "Santiago",
                                    2019, 2021, &error);
      g_assert_no_error (error);
      g_clear_object (&doc);
      bench_generate (generated);
      national = g_strdup (generated);
    }
  cases[3].file = demo;
  cases[4].file = national;
  cases[5].file = national;
  cases[6].file = national;
  if (compare != NULL)
    {
      for (guint i = 7; i < 10; i++)
        cases[i].program = compare;
      cases[8].file = demo;
      cases[9].file = national;
      n_cases = 10;
    }
  launcher = new_launcher (home);

  for (guint i = 0; i < n_cases; i++)
    {
      cases[i].first = g_array_new (FALSE, FALSE, sizeof (double));
      cases[i].settled = g_array_new (FALSE, FALSE, sizeof (double));
      cases[i].cpu = g_array_new (FALSE, FALSE, sizeof (double));
      cases[i].page_ms = g_array_new (FALSE, FALSE, sizeof (double));
      cases[i].rss = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* A first round fills the caches (fonts, icons, the stamps) and is not
   * counted; then the cases take turns, so that a change of load on the
   * machine falls on all of them. */
  for (int run = 0; run <= runs; run++)
    for (guint i = 0; i < n_cases; i++)
      if (!run_case (&cases[i], launcher, cache_dir, run == 0))
        return 1;

  bare = median (cases[0].settled);
  bare_adw = median (cases[1].settled);
  {
    g_autofree char *load = NULL;

    g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);
    printf ("Start-up to the first frame, %s, %d runs each, medians (load average now: %.*s)\n\n",
            date, runs, load != NULL ? (int) strcspn (load, " ") : 1, load != NULL ? load : "?");
  }
  printf ("| Start | First frame | Showing what was asked | × bare GTK 4 window |"
          " × bare libadwaita window | CPU |\n"
          "|---|---|---|---|---|---|\n");
  for (guint i = 0; i < n_cases; i++)
    {
      double settled = median (cases[i].settled);

      printf ("| %s | %.0f ms | %.0f ms | %.2f | %.2f | %.0f ms |\n", cases[i].name,
              median (cases[i].first), settled, settled / bare, settled / bare_adw,
              median (cases[i].cpu));
    }
  printf ("\n| Then a page | Showing it | Memory then (VmRSS) |\n|---|---|---|\n");
  for (guint i = 0; i < n_cases; i++)
    if (cases[i].page != NULL)
      printf ("| %s | %.0f ms | %.0f MB |\n", cases[i].name, median (cases[i].page_ms),
              median (cases[i].rss));
  for (guint i = 0; i < n_cases; i++)
    {
      g_array_unref (cases[i].first);
      g_array_unref (cases[i].settled);
      g_array_unref (cases[i].cpu);
      g_array_unref (cases[i].page_ms);
      g_array_unref (cases[i].rss);
    }

  /* The private folders go; the national process stays only if given. */
  if (generated != NULL)
    g_unlink (generated);
  g_unlink (demo);
  {
    g_autofree char *rm_argv0 = g_find_program_in_path ("rm");
    const char *rm[] = { rm_argv0, "-rf", home, NULL };

    if (rm_argv0 != NULL)
      g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
