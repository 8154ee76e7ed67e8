/* cocrea-chart-renderer.h — draws a #CocreaChart with Cairo
 *
 * The window draws through gtk_snapshot_append_cairo(), the PDF export
 * embeds a PNG made by cocrea_chart_render_png(): one drawing code path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "cocrea-chart.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} CocreaColor;

#define COCREA_CHART_N_SERIES_COLORS 6

/* The colours a chart is drawn with. The GUI copies a default palette and
 * puts in its style's foreground, background and accent colours. */
typedef struct {
  CocreaColor foreground;  /* text and axes */
  CocreaColor background;  /* painted first unless transparent */
  CocreaColor accent;      /* the first (or only) series */
  CocreaColor grid;        /* grid lines and empty cells */
  CocreaColor flag;        /* flag markers (disagreement) */
  CocreaColor heat_low;    /* heatmap, bottom of the scale */
  CocreaColor heat_high;   /* heatmap, top of the scale */
  CocreaColor series[COCREA_CHART_N_SERIES_COLORS]; /* series 2, 3…; series[0] is unused */
} CocreaChartPalette;

const CocreaChartPalette *cocrea_chart_palette_get_default (gboolean dark);

void     cocrea_chart_draw        (CocreaChart              *chart,
                                   cairo_t                  *cr,
                                   double                    x,
                                   double                    y,
                                   double                    width,
                                   double                    height,
                                   const CocreaChartPalette *palette);
GBytes  *cocrea_chart_render_png  (CocreaChart              *chart,
                                   int                       width,
                                   int                       height,
                                   const CocreaChartPalette *palette,
                                   GError                  **error);
gboolean cocrea_chart_write_png   (CocreaChart              *chart,
                                   const char               *path,
                                   int                       width,
                                   int                       height,
                                   const CocreaChartPalette *palette,
                                   GError                  **error);

G_END_DECLS
