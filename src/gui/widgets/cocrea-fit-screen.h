/* cocrea-fit-screen.h — how dialogs open: no larger than the screen, on their first field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCREA_FIT_SCREEN_MARGIN 48

void cocrea_fit_screen_clamp           (GtkWindow          *window,
                                        const GdkRectangle *screen);
void cocrea_fit_screen_watch           (GtkWindow          *window);
void cocrea_dialog_open_on             (GtkWindow          *dialog,
                                        GtkWidget          *field);

G_END_DECLS
