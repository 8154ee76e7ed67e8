/* cocrea-rank-cell.h — a proposal's rank on the Prioritise page, and how it moved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_RANK_CELL (cocrea_rank_cell_get_type ())
G_DECLARE_FINAL_TYPE (CocreaRankCell, cocrea_rank_cell, COCREA, RANK_CELL, CocreaItemWidget)

G_END_DECLS
