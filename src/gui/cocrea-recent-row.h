/* cocrea-recent-row.h — one row of the start page's recent processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_RECENT_ROW (cocrea_recent_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaRecentRow, cocrea_recent_row, COCREA, RECENT_ROW, CocreaItemWidget)

G_END_DECLS
