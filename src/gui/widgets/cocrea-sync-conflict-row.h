/* cocrea-sync-conflict-row.h — a conflict of a laptop's copy, both versions and the choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SYNC_CONFLICT_ROW (cocrea_sync_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaSyncConflictRow, cocrea_sync_conflict_row, COCREA, SYNC_CONFLICT_ROW,
                      CocreaItemWidget)

G_END_DECLS
