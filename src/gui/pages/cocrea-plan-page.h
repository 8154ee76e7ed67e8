/* cocrea-plan-page.h — the draft plan: commitments in order, and the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PLAN_PAGE (cocrea_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPlanPage, cocrea_plan_page, COCREA, PLAN_PAGE, CocreaPage)

void cocrea_plan_page_set_show_timeline (CocreaPlanPage *self,
                                         gboolean        show);

G_END_DECLS
