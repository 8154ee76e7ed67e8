/* cocrea-focus-return.h — the focus goes back to what opened a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cocrea_focus_return_watch (GtkWindow *window);

G_END_DECLS
