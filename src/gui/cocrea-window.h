/* cocrea-window.h — a window: the start page, or one process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-application.h"
#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_WINDOW (cocrea_window_get_type ())
G_DECLARE_FINAL_TYPE (CocreaWindow, cocrea_window, COCREA, WINDOW, AdwApplicationWindow)

CocreaWindow   *cocrea_window_new            (CocreaApplication *application);
CocreaDocument *cocrea_window_get_document   (CocreaWindow      *self);
const char     *cocrea_window_get_path       (CocreaWindow      *self);
gboolean        cocrea_window_is_settled     (CocreaWindow      *self);
void            cocrea_window_show_page      (CocreaWindow      *self,
                                              const char        *name);
gboolean        cocrea_window_open_path      (CocreaWindow      *self,
                                              const char        *path);
void            cocrea_window_begin_open     (CocreaWindow      *self,
                                              const char        *path);
void            cocrea_window_set_document   (CocreaWindow      *self,
                                              CocreaDocument    *document);
void            cocrea_window_new_process    (CocreaWindow      *self);
void            cocrea_window_show_error     (CocreaWindow      *self,
                                              const char        *heading,
                                              const GError      *error);
void            cocrea_window_add_toast      (CocreaWindow      *self,
                                              const char        *text);

G_END_DECLS
