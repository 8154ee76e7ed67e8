/* cocrea-access.h — what GTK 4.8 leaves undone for keyboards and screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cocrea_list_access_install    (GtkWidget *list);
void cocrea_access_install_all     (GtkWidget *root);
void cocrea_access_watch_toplevels (void);

G_END_DECLS
