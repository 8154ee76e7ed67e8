/* cocrea-aggregate-cell.h — one cell of the Viability page's aggregate table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_AGGREGATE_CELL (cocrea_aggregate_cell_get_type ())
G_DECLARE_FINAL_TYPE (CocreaAggregateCell, cocrea_aggregate_cell, COCREA, AGGREGATE_CELL,
                      CocreaItemWidget)

G_END_DECLS
