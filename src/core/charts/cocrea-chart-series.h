/* cocrea-chart-series.h — one named series of values of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define COCREA_TYPE_CHART_SERIES (cocrea_chart_series_get_type ())
G_DECLARE_FINAL_TYPE (CocreaChartSeries, cocrea_chart_series, COCREA, CHART_SERIES, GObject)

CocreaChartSeries *cocrea_chart_series_new        (const char        *name,
                                                   const double      *values,
                                                   guint              n_values);
void               cocrea_chart_series_set_range  (CocreaChartSeries *self,
                                                   const double      *low,
                                                   const double      *high);
void               cocrea_chart_series_set_flags  (CocreaChartSeries *self,
                                                   const gboolean    *flags);
void               cocrea_chart_series_set_scale  (CocreaChartSeries *self,
                                                   double             min,
                                                   double             max);
void               cocrea_chart_series_set_muted  (CocreaChartSeries *self,
                                                   gboolean           muted);
gboolean           cocrea_chart_series_get_muted  (CocreaChartSeries *self);

const char        *cocrea_chart_series_get_name     (CocreaChartSeries *self);
guint              cocrea_chart_series_get_n_values (CocreaChartSeries *self);
double             cocrea_chart_series_get_value    (CocreaChartSeries *self,
                                                     guint              index);
gboolean           cocrea_chart_series_has_range    (CocreaChartSeries *self);
double             cocrea_chart_series_get_low      (CocreaChartSeries *self,
                                                     guint              index);
double             cocrea_chart_series_get_high     (CocreaChartSeries *self,
                                                     guint              index);
gboolean           cocrea_chart_series_get_flag     (CocreaChartSeries *self,
                                                     guint              index);
gboolean           cocrea_chart_series_get_scale    (CocreaChartSeries *self,
                                                     double            *min,
                                                     double            *max);

G_END_DECLS
