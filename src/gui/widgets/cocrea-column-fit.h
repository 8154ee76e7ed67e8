/* cocrea-column-fit.h — a column view's expanding column, as wide as the others leave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cocrea_column_fit (GtkColumnView *view,
                        int            least);

G_END_DECLS
