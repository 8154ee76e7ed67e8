/* cocrea-process-view.h — one process: the page list beside the chosen page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PROCESS_VIEW (cocrea_process_view_get_type ())
G_DECLARE_FINAL_TYPE (CocreaProcessView, cocrea_process_view, COCREA, PROCESS_VIEW, GtkWidget)

void            cocrea_process_view_set_document (CocreaProcessView *self,
                                                  CocreaDocument    *document);
CocreaDocument *cocrea_process_view_get_document (CocreaProcessView *self);
gboolean        cocrea_process_view_get_can_go_back (CocreaProcessView *self);
gboolean        cocrea_process_view_is_current   (CocreaProcessView *self);
GtkWidget      *cocrea_process_view_get_page     (CocreaProcessView *self,
                                                  const char        *name);
void            cocrea_process_view_show_page    (CocreaProcessView *self,
                                                  const char        *name);
void            cocrea_process_view_go_back      (CocreaProcessView *self);
gboolean        cocrea_process_view_undo         (CocreaProcessView *self,
                                                  gboolean           redo);

G_END_DECLS
