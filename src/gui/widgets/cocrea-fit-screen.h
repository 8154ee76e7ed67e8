/* cocrea-fit-screen.h — windows and dialogs no larger than the screen they open on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCREA_FIT_SCREEN_MARGIN 48

void cocrea_fit_screen_clamp           (GtkWindow          *window,
                                        const GdkRectangle *screen);
void cocrea_fit_screen_watch_toplevels (void);

G_END_DECLS
