/* cocrea-overview-page.h — where a process stands: stages and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_OVERVIEW_PAGE (cocrea_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaOverviewPage, cocrea_overview_page, COCREA, OVERVIEW_PAGE, CocreaPage)

G_END_DECLS
