/* cocrea-selection-item.h — one proposal on the Selection page, with its decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-proposal.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SELECTION_ITEM (cocrea_selection_item_get_type ())
G_DECLARE_FINAL_TYPE (CocreaSelectionItem, cocrea_selection_item, COCREA, SELECTION_ITEM, GObject)

CocreaSelectionItem *cocrea_selection_item_new       (CocreaDocument      *document,
                                                      CocreaProposal      *proposal);
gint64               cocrea_selection_item_get_id    (CocreaSelectionItem *self);
const char          *cocrea_selection_item_get_title (CocreaSelectionItem *self);

G_END_DECLS
