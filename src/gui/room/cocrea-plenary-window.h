/* cocrea-plenary-window.h — the projector view: the live tally for the whole room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PLENARY_WINDOW (cocrea_plenary_window_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPlenaryWindow, cocrea_plenary_window, COCREA, PLENARY_WINDOW,
                      AdwApplicationWindow)

CocreaPlenaryWindow *cocrea_plenary_window_new          (GtkApplication      *application,
                                                         const char          *path,
                                                         GError             **error);
CocreaDocument      *cocrea_plenary_window_get_document (CocreaPlenaryWindow *self);
guint                cocrea_plenary_window_get_text_px  (CocreaPlenaryWindow *self);
guint                cocrea_plenary_window_get_n_shown  (CocreaPlenaryWindow *self);
guint                cocrea_plenary_window_get_first    (CocreaPlenaryWindow *self);

G_END_DECLS
