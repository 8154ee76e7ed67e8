/* cocrea-stage-row.h — one stage of the process on the overview page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_STAGE_ROW (cocrea_stage_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaStageRow, cocrea_stage_row, COCREA, STAGE_ROW, CocreaItemWidget)

G_END_DECLS
