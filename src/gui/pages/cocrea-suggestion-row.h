/* cocrea-suggestion-row.h — one likely duplicate of what is typed, on the Capture page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SUGGESTION_ROW (cocrea_suggestion_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaSuggestionRow, cocrea_suggestion_row, COCREA, SUGGESTION_ROW,
                      CocreaItemWidget)

G_END_DECLS
