/* cocrea-prioritise-page.h — rank the proposals and shortlist them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PRIORITISE_PAGE (cocrea_prioritise_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPrioritisePage, cocrea_prioritise_page, COCREA, PRIORITISE_PAGE, GtkWidget)

void cocrea_prioritise_page_set_document (CocreaPrioritisePage *self,
                                          CocreaDocument       *document);
void cocrea_prioritise_page_set_weights  (CocreaPrioritisePage *self,
                                          double                mentions,
                                          double                axes,
                                          double                inclusion);
guint cocrea_prioritise_page_count_changed (CocreaPrioritisePage *self);

G_END_DECLS
