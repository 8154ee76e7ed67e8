/* cocrea-merge-page.h — merging contributions under proposals, and the tally
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_MERGE_PAGE (cocrea_merge_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaMergePage, cocrea_merge_page, COCREA, MERGE_PAGE, CocreaPage)

G_END_DECLS
