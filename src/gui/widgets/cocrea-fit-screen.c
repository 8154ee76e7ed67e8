/* cocrea-fit-screen.c — how dialogs open: no larger than the screen, on their first field
 *
 * Dialogs ask for a default size that shows all their fields at once
 * (up to 720 pixels high). On a netbook's 1024×600 screen that is more
 * than there is: the buttons of the header bar went off the top or the
 * last field off the bottom. A window's default size is cut to the screen
 * it opens on, its height less room for the desktop's own bar; the
 * dialogs' contents are preferences pages, which scroll inside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-fit-screen.h"

/**
 * cocrea_fit_screen_clamp:
 * Cuts @window's default size to @screen, less COCREA_FIT_SCREEN_MARGIN
 * pixels of height for the desktop's bar (GNOME's runs along the top; a
 * window exactly as wide as its screen fits, so the width keeps all of
 * it). A default size that fits, or none, is left alone.
 */
void
cocrea_fit_screen_clamp (GtkWindow *window, const GdkRectangle *screen)
{
  int width, height;
  int max_width, max_height;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (screen != NULL);

  gtk_window_get_default_size (window, &width, &height);
  max_width = MAX (screen->width, 1);
  max_height = MAX (screen->height - COCREA_FIT_SCREEN_MARGIN, 1);
  if (width > max_width || height > max_height)
    gtk_window_set_default_size (window, MIN (width, max_width), MIN (height, max_height));
}

/* The monitor a window opens on: its parent's, else the first one. */
static GdkMonitor *
window_monitor (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = NULL;
  GListModel *monitors;
  GdkMonitor *monitor = NULL;

  if (parent != NULL)
    surface = gtk_native_get_surface (GTK_NATIVE (parent));
  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (monitor != NULL)
    return monitor;
  monitors = gdk_display_get_monitors (display);
  if (g_list_model_get_n_items (monitors) == 0)
    return NULL;
  monitor = g_list_model_get_item (monitors, 0);
  g_object_unref (monitor); /* the display keeps it */
  return monitor;
}

/* Realized, not yet shown: the default size still counts. */
static void
window_realized_cb (GtkWindow *window)
{
  GdkMonitor *monitor = window_monitor (window);
  GdkRectangle screen;

  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &screen);
  cocrea_fit_screen_clamp (window, &screen);
}

/**
 * cocrea_fit_screen_watch:
 * Makes @window open no larger than its screen (cocrea_fit_screen_clamp()
 * once realized). cocrea_access_watch_toplevels() calls it for every
 * window and dialog.
 */
void
cocrea_fit_screen_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
}

/* Mapped, the window has chosen its first focus (the header bar's first
 * button, Cancel): the field takes it instead. */
static void
dialog_mapped_cb (GtkWindow *dialog, GtkWidget *field)
{
  gtk_widget_grab_focus (field);
}

/**
 * cocrea_dialog_open_on:
 * Makes @dialog open with the focus on @field, its first field, rather
 * than on Cancel, so that one types straight away. Call once, before it
 * is shown; @field is a child of @dialog.
 */
void
cocrea_dialog_open_on (GtkWindow *dialog, GtkWidget *field)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (gtk_widget_is_ancestor (field, GTK_WIDGET (dialog)));

  g_signal_connect_object (dialog, "map", G_CALLBACK (dialog_mapped_cb), field, 0);
}
