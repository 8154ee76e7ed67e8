/* cocrea-conflict-row.h — a conflict of the Merge Scores dialog, with its choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CONFLICT_ROW (cocrea_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaConflictRow, cocrea_conflict_row, COCREA, CONFLICT_ROW, CocreaItemWidget)

G_END_DECLS
