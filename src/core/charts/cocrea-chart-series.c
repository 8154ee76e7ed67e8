/* cocrea-chart-series.c
 *
 * A series is data only: what to draw is the renderer's business, so the
 * same series serve the window, the PDF and the accessible description.
 * A NAN value means "no value" (for instance a cell nobody scored).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "cocrea-chart-series.h"

struct _CocreaChartSeries {
  GObject parent_instance;

  char *name;
  GArray *values;    /* double */
  GArray *low;       /* double, NULL without ranges */
  GArray *high;      /* double, NULL without ranges */
  GArray *flags;     /* gboolean, NULL without flags */
  double scale_min;  /* NAN: the chart's */
  double scale_max;
  gboolean muted;    /* drawn in a grey of the text colour, not a colour of its own */
};

G_DEFINE_FINAL_TYPE (CocreaChartSeries, cocrea_chart_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_VALUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_chart_series_finalize (GObject *object)
{
  CocreaChartSeries *self = COCREA_CHART_SERIES (object);

  g_free (self->name);
  g_array_unref (self->values);
  g_clear_pointer (&self->low, g_array_unref);
  g_clear_pointer (&self->high, g_array_unref);
  g_clear_pointer (&self->flags, g_array_unref);

  G_OBJECT_CLASS (cocrea_chart_series_parent_class)->finalize (object);
}

static void
cocrea_chart_series_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaChartSeries *self = COCREA_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_VALUES:
      g_value_set_uint (value, self->values->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_chart_series_class_init (CocreaChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_chart_series_finalize;
  object_class->get_property = cocrea_chart_series_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_VALUES] =
    g_param_spec_uint ("n-values", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_chart_series_init (CocreaChartSeries *self)
{
  self->scale_min = NAN;
  self->scale_max = NAN;
}

static GArray *
array_of (const void *items, guint n, guint size)
{
  GArray *array = g_array_sized_new (FALSE, TRUE, size, n);
  if (n > 0)
    g_array_append_vals (array, items, n);
  return array;
}

/* A series called @name (shown in legends) holding a copy of @values. */
CocreaChartSeries *
cocrea_chart_series_new (const char *name, const double *values, guint n_values)
{
  CocreaChartSeries *self = g_object_new (COCREA_TYPE_CHART_SERIES, NULL);

  g_return_val_if_fail (values != NULL || n_values == 0, NULL);

  self->name = g_strdup (name);
  self->values = array_of (values, n_values, sizeof (double));
  return self;
}

/* Adds a low–high range per value (drawn as whiskers on bars); copies as many as there are values. */
void
cocrea_chart_series_set_range (CocreaChartSeries *self, const double *low, const double *high)
{
  g_return_if_fail (COCREA_IS_CHART_SERIES (self));
  g_return_if_fail (low != NULL && high != NULL);

  g_clear_pointer (&self->low, g_array_unref);
  g_clear_pointer (&self->high, g_array_unref);
  self->low = array_of (low, self->values->len, sizeof (double));
  self->high = array_of (high, self->values->len, sizeof (double));
}

/* Marks values (the viability heatmap flags disagreement); copies one per value. */
void
cocrea_chart_series_set_flags (CocreaChartSeries *self, const gboolean *flags)
{
  g_return_if_fail (COCREA_IS_CHART_SERIES (self));
  g_return_if_fail (flags != NULL);

  g_clear_pointer (&self->flags, g_array_unref);
  self->flags = array_of (flags, self->values->len, sizeof (gboolean));
}

/* The scale the values live on, when it is the series' own (a criterion's 1–5). */
void
cocrea_chart_series_set_scale (CocreaChartSeries *self, double min, double max)
{
  g_return_if_fail (COCREA_IS_CHART_SERIES (self));
  g_return_if_fail (max > min);

  self->scale_min = min;
  self->scale_max = max;
}

const char *
cocrea_chart_series_get_name (CocreaChartSeries *self)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), NULL);
  return self->name;
}

guint
cocrea_chart_series_get_n_values (CocreaChartSeries *self)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), 0);
  return self->values->len;
}

/* The value at @index, or NAN when there is none. */
double
cocrea_chart_series_get_value (CocreaChartSeries *self, guint index)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), NAN);
  if (index >= self->values->len)
    return NAN;
  return g_array_index (self->values, double, index);
}

gboolean
cocrea_chart_series_has_range (CocreaChartSeries *self)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), FALSE);
  return self->low != NULL;
}

double
cocrea_chart_series_get_low (CocreaChartSeries *self, guint index)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), NAN);
  if (self->low == NULL || index >= self->low->len)
    return NAN;
  return g_array_index (self->low, double, index);
}

double
cocrea_chart_series_get_high (CocreaChartSeries *self, guint index)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), NAN);
  if (self->high == NULL || index >= self->high->len)
    return NAN;
  return g_array_index (self->high, double, index);
}

gboolean
cocrea_chart_series_get_flag (CocreaChartSeries *self, guint index)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), FALSE);
  if (self->flags == NULL || index >= self->flags->len)
    return FALSE;
  return g_array_index (self->flags, gboolean, index);
}

/* TRUE and the series' own scale, or FALSE when it uses the chart's. */
gboolean
cocrea_chart_series_get_scale (CocreaChartSeries *self, double *min, double *max)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), FALSE);
  if (isnan (self->scale_min))
    return FALSE;
  if (min != NULL)
    *min = self->scale_min;
  if (max != NULL)
    *max = self->scale_max;
  return TRUE;
}

/* A muted series is drawn in a grey taken from the text colour: what has
 * not started yet steps back behind what is under way or done. */
void
cocrea_chart_series_set_muted (CocreaChartSeries *self, gboolean muted)
{
  g_return_if_fail (COCREA_IS_CHART_SERIES (self));
  self->muted = muted;
}

gboolean
cocrea_chart_series_get_muted (CocreaChartSeries *self)
{
  g_return_val_if_fail (COCREA_IS_CHART_SERIES (self), FALSE);
  return self->muted;
}
