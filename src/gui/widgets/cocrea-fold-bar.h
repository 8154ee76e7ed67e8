/* cocrea-fold-bar.h — a heading and its buttons, on two lines when one is too short
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCREA_TYPE_FOLD_BAR (cocrea_fold_bar_get_type ())
G_DECLARE_FINAL_TYPE (CocreaFoldBar, cocrea_fold_bar, COCREA, FOLD_BAR, GtkWidget)

GtkWidget *cocrea_fold_bar_new         (void);
int        cocrea_fold_bar_get_spacing (CocreaFoldBar *self);
void       cocrea_fold_bar_set_spacing (CocreaFoldBar *self,
                                        int            spacing);
gboolean   cocrea_fold_bar_is_folded   (CocreaFoldBar *self);

G_END_DECLS
