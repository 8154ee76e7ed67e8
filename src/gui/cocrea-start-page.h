/* cocrea-start-page.h — what a window shows before a process is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCREA_TYPE_START_PAGE (cocrea_start_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaStartPage, cocrea_start_page, COCREA, START_PAGE, GtkWidget)

GListModel *cocrea_start_page_get_recent (CocreaStartPage *self);

G_END_DECLS
