/* cocrea-viability-page.h — the viability workshop: evaluators score the shortlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"
#include "cocrea-ranking.h"

G_BEGIN_DECLS

#define COCREA_TYPE_VIABILITY_PAGE (cocrea_viability_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaViabilityPage, cocrea_viability_page, COCREA, VIABILITY_PAGE, CocreaPage)

gint64         cocrea_viability_page_get_evaluator (CocreaViabilityPage *self);
gboolean       cocrea_viability_page_set_evaluator (CocreaViabilityPage *self,
                                                    gint64               evaluator_id);
CocreaRanking *cocrea_viability_page_get_ranking   (CocreaViabilityPage *self);
void           cocrea_viability_page_merge_from    (CocreaViabilityPage *self,
                                                    const char          *path);

G_END_DECLS
