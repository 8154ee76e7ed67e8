/* cocrea-first-frame.c — when start-up ends, as the user sees it
 *
 * With COCREA_REPORT_FIRST_FRAME=1 in the environment, the first window
 * writes on standard output the times at which its frame clock finished
 * painting ("after-paint"), in microseconds of g_get_monotonic_time(),
 * which is CLOCK_MONOTONIC, shared by every program on the computer:
 *
 *   first-frame T     the first frame of all, whatever it shows
 *   settled-frame T   the first frame showing what was asked for: the
 *                     start page, or the page in sight of a process,
 *                     read from its file
 *
 * With COCREA_REPORT_PAGE=NAME as well ("merge"), the window then shows
 * that page of the process and writes, once it shows it read from the
 * file,
 *
 *   page-frame T      the first frame showing that page
 *   rss-kb N          the memory the program holds then (VmRSS)
 *
 * and the application then quits as app.quit does. bench/bench-startup
 * subtracts the time at which it started the program; a bare GTK window
 * (bench/bench-bare-window.c) reports the same way, so the two compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "cocrea-first-frame.h"

typedef struct
{
  CocreaWindow *window; /* not owned: the watch goes with it */
  gboolean first_reported;
  gboolean page_asked;  /* COCREA_REPORT_PAGE was shown */
  gulong paint_id;
} FirstFrameWatch;

/* VmRSS of this program in kB, or -1. */
static gint64
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmRSS:")) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

static gboolean watching;

/* TRUE when the environment asks for the report (and no window took it yet). */
gboolean
cocrea_first_frame_wanted (void)
{
  return !watching && g_strcmp0 (g_getenv ("COCREA_REPORT_FIRST_FRAME"), "1") == 0;
}

static void
after_paint_cb (GdkFrameClock *clock, FirstFrameWatch *watch)
{
  gint64 now = g_get_monotonic_time ();
  GApplication *app = g_application_get_default ();

  if (!watch->first_reported)
    {
      printf ("first-frame %" G_GINT64_FORMAT "\n", now);
      watch->first_reported = TRUE;
    }
  if (!cocrea_window_is_settled (watch->window))
    return;

  if (!watch->page_asked)
    {
      const char *page = g_getenv ("COCREA_REPORT_PAGE");

      printf ("settled-frame %" G_GINT64_FORMAT "\n", now);
      fflush (stdout);
      watch->page_asked = TRUE;
      if (page != NULL && *page != '\0' && cocrea_window_get_document (watch->window) != NULL)
        {
          cocrea_window_show_page (watch->window, page);
          return;
        }
    }
  else
    {
      printf ("page-frame %" G_GINT64_FORMAT "\nrss-kb %" G_GINT64_FORMAT "\n", now, rss_kb ());
      fflush (stdout);
    }
  g_clear_signal_handler (&watch->paint_id, clock);
  /* As the menu's Quit does: the window closes, stores its size and lets
   * go of its file. */
  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
realize_cb (CocreaWindow *window, FirstFrameWatch *watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock != NULL && watch->paint_id == 0)
    watch->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), watch);
}

static void
unrealize_cb (CocreaWindow *window, FirstFrameWatch *watch)
{
  g_clear_signal_handler (&watch->paint_id, gtk_widget_get_frame_clock (GTK_WIDGET (window)));
}

/**
 * cocrea_first_frame_watch:
 * Reports @window's first frames on standard output, as said above, and
 * quits once it shows what was asked for. Only the first window asked is
 * watched.
 */
void
cocrea_first_frame_watch (CocreaWindow *window)
{
  FirstFrameWatch *watch;

  g_return_if_fail (COCREA_IS_WINDOW (window));
  if (watching)
    return;
  watching = TRUE;

  watch = g_new0 (FirstFrameWatch, 1);
  watch->window = window;
  g_object_set_data_full (G_OBJECT (window), "cocrea-first-frame-watch", watch, g_free);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), watch);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), watch);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (window, watch);
}
