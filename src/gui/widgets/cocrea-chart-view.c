/* cocrea-chart-view.c — shows a CocreaChart on screen, in the style's colours
 *
 * The chart's model and its Cairo drawing live in the core, shared with
 * the PDF export; this widget only gives them a surface, the colours of
 * the current style (light or dark) and a description for screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-chart-renderer.h"
#include "cocrea-chart-view.h"

struct _CocreaChartView
{
  GtkWidget parent_instance;

  CocreaChart *chart;
};

G_DEFINE_FINAL_TYPE (CocreaChartView, cocrea_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How tall the chart wants to be: a heatmap or bar row per category,
 * plus room for the title, legend and axis. A timeline's row holds two
 * lines of a milestone's name. */
#define ROW_HEIGHT 28
#define TIMELINE_ROW_HEIGHT 40
#define CHROME_HEIGHT 110

GtkWidget *
cocrea_chart_view_new (void)
{
  return g_object_new (COCREA_TYPE_CHART_VIEW, NULL);
}

CocreaChart *
cocrea_chart_view_get_chart (CocreaChartView *self)
{
  g_return_val_if_fail (COCREA_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * cocrea_chart_view_set_chart:
 * Shows @chart (or nothing) and tells assistive technologies what it
 * shows, in words: the chart's own description.
 */
void
cocrea_chart_view_set_chart (CocreaChartView *self, CocreaChart *chart)
{
  g_autofree char *description = NULL;

  g_return_if_fail (COCREA_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || COCREA_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  if (chart != NULL)
    {
      description = cocrea_chart_get_description (chart);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cocrea_chart_get_title (chart),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

static CocreaColor
to_color (const GdkRGBA *rgba)
{
  CocreaColor color = { rgba->red, rgba->green, rgba->blue, rgba->alpha };
  return color;
}

static void
cocrea_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CocreaChartView *self = COCREA_CHART_VIEW (widget);
  AdwStyleManager *style = adw_style_manager_get_default ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CocreaChartPalette palette;
  GdkRGBA foreground, accent;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  /* The default palette of the current scheme, with the text and accent
   * colours of the style, and no background: the card shows through. */
  palette = *cocrea_chart_palette_get_default (adw_style_manager_get_dark (style));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color",
                                       &accent))
    accent = (GdkRGBA) { palette.accent.red, palette.accent.green, palette.accent.blue, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  palette.foreground = to_color (&foreground);
  palette.accent = to_color (&accent);
  palette.background.alpha = 0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cocrea_chart_draw (self->chart, cr, 0, 0, width, height, &palette);
  cairo_destroy (cr);
}

static void
cocrea_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                           int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CocreaChartView *self = COCREA_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 560;
    }
  else
    {
      guint n = self->chart != NULL ? cocrea_chart_get_n_categories (self->chart) : 0;

      int row = self->chart != NULL && cocrea_chart_get_kind (self->chart) == COCREA_CHART_TIMELINE
                  ? TIMELINE_ROW_HEIGHT
                  : ROW_HEIGHT;

      *minimum = *natural = self->chart != NULL ? CHROME_HEIGHT + row * (int) MAX (n, 1) : 0;
    }
}

static void
style_changed_cb (CocreaChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cocrea_chart_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cocrea_chart_view_parent_class)->css_changed (widget, change);
  /* The text colour comes from CSS: a theme change must repaint. */
  gtk_widget_queue_draw (widget);
}

static void
cocrea_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaChartView *self = COCREA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_chart_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  CocreaChartView *self = COCREA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      cocrea_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_chart_view_dispose (GObject *object)
{
  CocreaChartView *self = COCREA_CHART_VIEW (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (cocrea_chart_view_parent_class)->dispose (object);
}

static void
cocrea_chart_view_class_init (CocreaChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_chart_view_dispose;
  object_class->get_property = cocrea_chart_view_get_property;
  object_class->set_property = cocrea_chart_view_set_property;
  widget_class->snapshot = cocrea_chart_view_snapshot;
  widget_class->measure = cocrea_chart_view_measure;
  widget_class->css_changed = cocrea_chart_view_css_changed;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, COCREA_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cocrea_chart_view_init (CocreaChartView *self)
{
  /* The palette follows the light or dark scheme as it changes. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}
