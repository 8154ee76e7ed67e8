/* cocrea-decide-cell.h — the Decide button of a proposal on the Selection page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_DECIDE_CELL (cocrea_decide_cell_get_type ())
G_DECLARE_FINAL_TYPE (CocreaDecideCell, cocrea_decide_cell, COCREA, DECIDE_CELL, CocreaItemWidget)

G_END_DECLS
