/* cocrea-selection-page.h — the final commitments, under the quotas, with reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SELECTION_PAGE (cocrea_selection_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaSelectionPage, cocrea_selection_page, COCREA, SELECTION_PAGE, CocreaPage)

G_END_DECLS
