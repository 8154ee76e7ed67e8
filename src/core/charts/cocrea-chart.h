/* cocrea-chart.h — what a chart shows, apart from how it is drawn
 *
 * A chart is categories (one per bar group or heatmap row), a list of
 * #CocreaChartSeries (one per bar colour or heatmap column) and the
 * words around them. cocrea-chart-renderer draws it on any cairo_t.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-chart-series.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_CHART_BARS,    /* horizontal bars, grouped when there are several series */
  COCREA_CHART_HEATMAP, /* rows = categories, columns = series */
  COCREA_CHART_TIMELINE, /* a span per category on a time axis (days, as GDate's Julian
                          * days): each series' range low–high, one series per state */
} CocreaChartKind;

#define COCREA_TYPE_CHART (cocrea_chart_get_type ())
G_DECLARE_FINAL_TYPE (CocreaChart, cocrea_chart, COCREA, CHART, GObject)

CocreaChart      *cocrea_chart_new               (CocreaChartKind     kind,
                                                  const char         *title);
void              cocrea_chart_set_categories    (CocreaChart        *self,
                                                  const char * const *categories);
void              cocrea_chart_add_series        (CocreaChart        *self,
                                                  CocreaChartSeries  *series);
void              cocrea_chart_set_value_label   (CocreaChart        *self,
                                                  const char         *label);
void              cocrea_chart_set_flag_label    (CocreaChart        *self,
                                                  const char         *label);
void              cocrea_chart_set_digits        (CocreaChart        *self,
                                                  guint               digits);
void              cocrea_chart_set_note          (CocreaChart        *self,
                                                  const char         *note);
void              cocrea_chart_set_category_notes (CocreaChart       *self,
                                                  const char * const *notes);
void              cocrea_chart_set_marker        (CocreaChart        *self,
                                                  double              value,
                                                  const char         *label);

CocreaChartKind   cocrea_chart_get_kind          (CocreaChart        *self);
const char       *cocrea_chart_get_title         (CocreaChart        *self);
guint             cocrea_chart_get_n_categories  (CocreaChart        *self);
const char       *cocrea_chart_get_category      (CocreaChart        *self,
                                                  guint               index);
GListModel       *cocrea_chart_get_series        (CocreaChart        *self);
guint             cocrea_chart_get_n_series      (CocreaChart        *self);
CocreaChartSeries *cocrea_chart_get_series_at    (CocreaChart        *self,
                                                  guint               index);
const char       *cocrea_chart_get_value_label   (CocreaChart        *self);
const char       *cocrea_chart_get_flag_label    (CocreaChart        *self);
const char       *cocrea_chart_get_note          (CocreaChart        *self);
const char       *cocrea_chart_get_category_note (CocreaChart        *self,
                                                  guint               index);
gboolean          cocrea_chart_get_marker        (CocreaChart        *self,
                                                  double             *value,
                                                  const char        **label);
guint             cocrea_chart_get_digits        (CocreaChart        *self);
double            cocrea_chart_get_max_value     (CocreaChart        *self);
char             *cocrea_chart_format_value      (CocreaChart        *self,
                                                  double              value);
char             *cocrea_chart_get_description   (CocreaChart        *self);

G_END_DECLS
