/* cocrea-shortlist-cell.h — the Shortlist button of a proposal on the Prioritise page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SHORTLIST_CELL (cocrea_shortlist_cell_get_type ())
G_DECLARE_FINAL_TYPE (CocreaShortlistCell, cocrea_shortlist_cell, COCREA, SHORTLIST_CELL,
                      CocreaItemWidget)

G_END_DECLS
