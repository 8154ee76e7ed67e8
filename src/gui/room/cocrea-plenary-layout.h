/* cocrea-plenary-layout.h — rows top down, as many as fit whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCREA_TYPE_PLENARY_LAYOUT (cocrea_plenary_layout_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPlenaryLayout, cocrea_plenary_layout, COCREA, PLENARY_LAYOUT,
                      GtkLayoutManager)

guint cocrea_plenary_layout_get_n_fit (CocreaPlenaryLayout *self);

G_END_DECLS
