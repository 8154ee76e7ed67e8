/* cocrea-merge-page.h — merging contributions under proposals, and the tally
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_MERGE_PAGE (cocrea_merge_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaMergePage, cocrea_merge_page, COCREA, MERGE_PAGE, GtkWidget)

void cocrea_merge_page_set_document (CocreaMergePage *self,
                                     CocreaDocument  *document);

G_END_DECLS
