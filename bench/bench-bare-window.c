/* bench-bare-window.c — the yardstick for Cocrea's start-up: a bare GTK 4 window
 *
 * A GtkApplication that shows one empty GtkApplicationWindow of Cocrea's
 * default size and reports its first frame exactly as Cocrea does with
 * COCREA_REPORT_FIRST_FRAME=1 (src/gui/cocrea-first-frame.c): the
 * monotonic time of the frame clock's first "after-paint", then it quits.
 * bench-startup runs both in the same session, so that the ratio says
 * what Cocrea adds to what any GTK program pays.
 *
 * Built with BARE_LIBADWAITA defined (bench-bare-adw-window), it is the
 * same window as a libadwaita application makes it: an AdwApplication
 * and an AdwApplicationWindow holding only a header bar. That adds what
 * every libadwaita program pays, and Cocrea too: libadwaita's start, its
 * style sheet and style manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#ifdef BARE_LIBADWAITA
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif

static void
after_paint_cb (GdkFrameClock *clock, GtkApplication *app)
{
  gint64 now = g_get_monotonic_time ();

  printf ("first-frame %" G_GINT64_FORMAT "\nsettled-frame %" G_GINT64_FORMAT "\n", now, now);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (G_APPLICATION (app));
}

static void
realize_cb (GtkWidget *window, GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GtkApplication *app)
{
#ifdef BARE_LIBADWAITA
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare libadwaita window");
#else
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare GTK 4 window");
#endif
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
#ifdef BARE_LIBADWAITA
  g_autoptr (GtkApplication) app = GTK_APPLICATION (
    adw_application_new ("org.cocrea.BenchBareAdwWindow", G_APPLICATION_DEFAULT_FLAGS));
#else
  g_autoptr (GtkApplication) app =
    gtk_application_new ("org.cocrea.BenchBareWindow", G_APPLICATION_DEFAULT_FLAGS);
#endif

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
