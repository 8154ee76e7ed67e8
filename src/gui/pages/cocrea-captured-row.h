/* cocrea-captured-row.h — one contribution captured in a group, on the Capture page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CAPTURED_ROW (cocrea_captured_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCapturedRow, cocrea_captured_row, COCREA, CAPTURED_ROW, CocreaItemWidget)

G_END_DECLS
