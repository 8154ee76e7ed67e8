/* cocrea-chart-view.h — shows a CocreaChart on screen, in the style's colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-chart.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CHART_VIEW (cocrea_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CocreaChartView, cocrea_chart_view, COCREA, CHART_VIEW, GtkWidget)

GtkWidget   *cocrea_chart_view_new       (void);
void         cocrea_chart_view_set_chart (CocreaChartView *self,
                                          CocreaChart     *chart);
CocreaChart *cocrea_chart_view_get_chart (CocreaChartView *self);

G_END_DECLS
