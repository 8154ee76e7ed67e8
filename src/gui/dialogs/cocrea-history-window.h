/* cocrea-history-window.h — who did what in the process, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_HISTORY_WINDOW (cocrea_history_window_get_type ())
G_DECLARE_FINAL_TYPE (CocreaHistoryWindow, cocrea_history_window, COCREA, HISTORY_WINDOW,
                      AdwWindow)

CocreaHistoryWindow *cocrea_history_window_new     (GtkWindow           *parent,
                                                    CocreaDocument      *document);
guint                cocrea_history_window_get_n_shown (CocreaHistoryWindow *self);

G_END_DECLS
