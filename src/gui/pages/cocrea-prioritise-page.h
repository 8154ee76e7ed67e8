/* cocrea-prioritise-page.h — rank the proposals and shortlist them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PRIORITISE_PAGE (cocrea_prioritise_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPrioritisePage, cocrea_prioritise_page, COCREA, PRIORITISE_PAGE, CocreaPage)

void cocrea_prioritise_page_set_weights  (CocreaPrioritisePage *self,
                                          double                mentions,
                                          double                axes,
                                          double                inclusion,
                                          double                supports);
guint cocrea_prioritise_page_count_changed (CocreaPrioritisePage *self);

G_END_DECLS
