/* cocrea-process-charts.h — the charts of a process, built from its data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-catalog.h"
#include "cocrea-chart.h"
#include "cocrea-document.h"
#include "cocrea-ranking.h"
#include "cocrea-representation.h"

G_BEGIN_DECLS

CocreaChart *cocrea_chart_new_mentions         (CocreaRankingData *data,
                                                guint              top_n);
CocreaChart *cocrea_chart_new_viability        (CocreaRanking     *ranking);
CocreaChart *cocrea_chart_new_attendance       (CocreaDocument    *document,
                                                GError           **error);
CocreaChart *cocrea_chart_new_representation   (const CocreaRepresentation *representation,
                                                CocreaCatalog     *catalog);
CocreaChart *cocrea_chart_new_timeline         (GPtrArray         *states,
                                                const char        *today,
                                                CocreaCatalog     *catalog);

G_END_DECLS
