/* cocrea-chart.c
 *
 * The accessible description is generated from the same data the
 * renderer draws, so a screen reader hears exactly what is on screen and
 * the PDF can put it under the image as its text alternative.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n-lib.h>

#include "cocrea-chart.h"

struct _CocreaChart {
  GObject parent_instance;

  CocreaChartKind kind;
  char *title;
  GPtrArray *categories; /* char* */
  GListStore *series;    /* CocreaChartSeries */
  char *value_label;
  char *flag_label;
  char *note;
  GPtrArray *category_notes; /* char*, NULL entries allowed; empty when none */
  char *marker_label;        /* NULL: no marker */
  double marker;
  guint digits;
};

G_DEFINE_FINAL_TYPE (CocreaChart, cocrea_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_chart_finalize (GObject *object)
{
  CocreaChart *self = COCREA_CHART (object);

  g_free (self->title);
  g_ptr_array_unref (self->categories);
  g_object_unref (self->series);
  g_free (self->value_label);
  g_free (self->flag_label);
  g_free (self->note);
  g_ptr_array_unref (self->category_notes);
  g_free (self->marker_label);

  G_OBJECT_CLASS (cocrea_chart_parent_class)->finalize (object);
}

static void
cocrea_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaChart *self = COCREA_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, cocrea_chart_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_chart_class_init (CocreaChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_chart_finalize;
  object_class->get_property = cocrea_chart_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_chart_init (CocreaChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_list_store_new (COCREA_TYPE_CHART_SERIES);
  self->category_notes = g_ptr_array_new_with_free_func (g_free);
}

/* An empty chart of @kind called @title. */
CocreaChart *
cocrea_chart_new (CocreaChartKind kind, const char *title)
{
  CocreaChart *self = g_object_new (COCREA_TYPE_CHART, NULL);

  self->kind = kind;
  self->title = g_strdup (title != NULL ? title : "");
  return self;
}

/* Sets the category names (a NULL-terminated array), replacing any. */
void
cocrea_chart_set_categories (CocreaChart *self, const char *const *categories)
{
  g_return_if_fail (COCREA_IS_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    g_ptr_array_add (self->categories, g_strdup (categories[i]));
}

/* Appends @series, which should have one value per category. */
void
cocrea_chart_add_series (CocreaChart *self, CocreaChartSeries *series)
{
  g_return_if_fail (COCREA_IS_CHART (self));
  g_return_if_fail (COCREA_IS_CHART_SERIES (series));

  if (cocrea_chart_series_get_n_values (series) != self->categories->len)
    g_warning ("Series “%s” has %u values for %u categories", cocrea_chart_series_get_name (series),
               cocrea_chart_series_get_n_values (series), self->categories->len);
  g_list_store_append (self->series, series);
}

/* What the values measure ("Mentions"), shown under the value axis. */
void
cocrea_chart_set_value_label (CocreaChart *self, const char *label)
{
  g_return_if_fail (COCREA_IS_CHART (self));
  g_free (self->value_label);
  self->value_label = g_strdup (label);
}

/* What a flag marker means ("Evaluators disagree"), shown in the legend. */
void
cocrea_chart_set_flag_label (CocreaChart *self, const char *label)
{
  g_return_if_fail (COCREA_IS_CHART (self));
  g_free (self->flag_label);
  self->flag_label = g_strdup (label);
}

/* Digits after the decimal point when values are written out. */
void
cocrea_chart_set_digits (CocreaChart *self, guint digits)
{
  g_return_if_fail (COCREA_IS_CHART (self));
  self->digits = MIN (digits, 3);
}

/* A line under the chart ("Top 10 of 42"); also ends the description. */
void
cocrea_chart_set_note (CocreaChart *self, const char *note)
{
  g_return_if_fail (COCREA_IS_CHART (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

/* A word or two per category (NULL-terminated, one per category), drawn
 * beside its bar on a timeline ("Done", "In progress · overdue") and read
 * in the description, so a state is never told by colour alone. */
void
cocrea_chart_set_category_notes (CocreaChart *self, const char *const *notes)
{
  g_return_if_fail (COCREA_IS_CHART (self));

  g_ptr_array_set_size (self->category_notes, 0);
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_ptr_array_add (self->category_notes, g_strdup (notes[i]));
}

/* The note of category @index, or NULL. */
const char *
cocrea_chart_get_category_note (CocreaChart *self, guint index)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  if (index >= self->category_notes->len)
    return NULL;
  return g_ptr_array_index (self->category_notes, index);
}

/* A line across the value axis at @value, called @label ("Today"). */
void
cocrea_chart_set_marker (CocreaChart *self, double value, const char *label)
{
  g_return_if_fail (COCREA_IS_CHART (self));
  g_free (self->marker_label);
  self->marker_label = g_strdup (label != NULL ? label : "");
  self->marker = value;
}

/* Whether the chart has a marker, and where and what it is. */
gboolean
cocrea_chart_get_marker (CocreaChart *self, double *value, const char **label)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), FALSE);
  if (self->marker_label == NULL)
    return FALSE;
  if (value != NULL)
    *value = self->marker;
  if (label != NULL)
    *label = self->marker_label;
  return TRUE;
}

CocreaChartKind
cocrea_chart_get_kind (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), COCREA_CHART_BARS);
  return self->kind;
}

const char *
cocrea_chart_get_title (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  return self->title;
}

guint
cocrea_chart_get_n_categories (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), 0);
  return self->categories->len;
}

const char *
cocrea_chart_get_category (CocreaChart *self, guint index)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, index);
}

/* The series, as a list model of #CocreaChartSeries (transfer none). */
GListModel *
cocrea_chart_get_series (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  return G_LIST_MODEL (self->series);
}

guint
cocrea_chart_get_n_series (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->series));
}

/* The series at @index (transfer none). */
CocreaChartSeries *
cocrea_chart_get_series_at (CocreaChart *self, guint index)
{
  g_autoptr (CocreaChartSeries) series = NULL;

  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  series = g_list_model_get_item (G_LIST_MODEL (self->series), index);
  /* The store keeps its own reference, so a borrowed pointer stays valid. */
  return series;
}

const char *
cocrea_chart_get_value_label (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  return self->value_label;
}

const char *
cocrea_chart_get_flag_label (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  return self->flag_label;
}

const char *
cocrea_chart_get_note (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  return self->note;
}

guint
cocrea_chart_get_digits (CocreaChart *self)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), 0);
  return self->digits;
}

/* The largest value or range top over all series; 0 when there is none. */
double
cocrea_chart_get_max_value (CocreaChart *self)
{
  double max = 0;

  g_return_val_if_fail (COCREA_IS_CHART (self), 0);

  for (guint s = 0; s < cocrea_chart_get_n_series (self); s++)
    {
      CocreaChartSeries *series = cocrea_chart_get_series_at (self, s);
      for (guint i = 0; i < cocrea_chart_series_get_n_values (series); i++)
        {
          double v = cocrea_chart_series_get_value (series, i);
          double h = cocrea_chart_series_get_high (series, i);
          if (!isnan (v))
            max = MAX (max, v);
          if (!isnan (h))
            max = MAX (max, h);
        }
    }
  return max;
}

/* @value with the chart's digits, or a dash for NAN (no value). */
char *
cocrea_chart_format_value (CocreaChart *self, double value)
{
  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);
  if (isnan (value))
    return g_strdup ("–");
  return g_strdup_printf ("%.*f", (int) self->digits, value);
}

/* A day of a timeline (a Julian day) as "2019-09-30". */
static char *
format_day (double day)
{
  g_autoptr (GDate) date = NULL;

  if (isnan (day) || day < 1 || day > G_MAXUINT32)
    return g_strdup ("–");
  date = g_date_new_julian ((guint32) day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Each span of a timeline with its dates and note, then the marker. */
static void
append_timeline_description (CocreaChart *self, GString *text)
{
  double marker = 0;
  const char *marker_label = NULL;

  /* TRANSLATORS: describes a timeline chart to a screen reader user */
  g_string_append_printf (text, _("Timeline of %u items."), self->categories->len);
  for (guint i = 0; i < self->categories->len; i++)
    {
      const char *note = cocrea_chart_get_category_note (self, i);

      g_string_append_printf (text, " %s:", (const char *) g_ptr_array_index (self->categories, i));
      for (guint s = 0; s < cocrea_chart_get_n_series (self); s++)
        {
          CocreaChartSeries *series = cocrea_chart_get_series_at (self, s);
          double low = cocrea_chart_series_get_low (series, i);

          if (cocrea_chart_series_has_range (series) && !isnan (low))
            {
              g_autofree char *from = format_day (low);
              g_autofree char *to = format_day (cocrea_chart_series_get_high (series, i));
              g_string_append_printf (text, _(" (from %s to %s)"), from, to);
              break;
            }
        }
      if (note != NULL)
        g_string_append_printf (text, " %s", note);
      g_string_append_c (text, '.');
    }
  if (cocrea_chart_get_marker (self, &marker, &marker_label))
    {
      g_autofree char *day = format_day (marker);
      g_string_append_printf (text, " %s: %s.", marker_label, day);
    }
  if (self->note != NULL)
    g_string_append_printf (text, " %s", self->note);
}

/*
 * cocrea_chart_get_description:
 * A plain-language account of every value, for screen readers and as
 * the text alternative of the image in a PDF: the title, the kind of
 * chart, then each category with its values (and flags), then the note.
 */
char *
cocrea_chart_get_description (CocreaChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n_series;

  g_return_val_if_fail (COCREA_IS_CHART (self), NULL);

  n_series = cocrea_chart_get_n_series (self);
  g_string_append_printf (text, "%s. ", self->title);

  if (self->categories->len == 0 || n_series == 0)
    {
      g_string_append (text, _("There is nothing to show yet."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (self->kind == COCREA_CHART_TIMELINE)
    {
      append_timeline_description (self, text);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (self->kind == COCREA_CHART_HEATMAP)
    /* TRANSLATORS: describes a table-like chart to a screen reader user */
    g_string_append_printf (text, _("Table chart with %u rows and %u columns."),
                            self->categories->len, n_series);
  else if (n_series == 1)
    g_string_append_printf (text, _("Bar chart of %u items."), self->categories->len);
  else
    g_string_append_printf (text, _("Bar chart of %u items, %u bars each."),
                            self->categories->len, n_series);
  if (self->value_label != NULL)
    g_string_append_printf (text, " %s: %s.", _("Values"), self->value_label);

  for (guint i = 0; i < self->categories->len; i++)
    {
      g_string_append_printf (text, " %s:", (const char *) g_ptr_array_index (self->categories, i));
      for (guint s = 0; s < n_series; s++)
        {
          CocreaChartSeries *series = cocrea_chart_get_series_at (self, s);
          g_autofree char *value = cocrea_chart_format_value (self, cocrea_chart_series_get_value (series, i));

          if (n_series > 1)
            g_string_append_printf (text, "%s %s %s", s > 0 ? "," : "",
                                    cocrea_chart_series_get_name (series), value);
          else
            g_string_append_printf (text, " %s", value);

          if (cocrea_chart_series_has_range (series) &&
              !isnan (cocrea_chart_series_get_low (series, i)))
            {
              g_autofree char *low = cocrea_chart_format_value (self, cocrea_chart_series_get_low (series, i));
              g_autofree char *high = cocrea_chart_format_value (self, cocrea_chart_series_get_high (series, i));
              /* TRANSLATORS: a range of values, "from 2 to 5" */
              g_string_append_printf (text, _(" (from %s to %s)"), low, high);
            }
          if (cocrea_chart_series_get_flag (series, i) && self->flag_label != NULL)
            g_string_append_printf (text, " (%s)", self->flag_label);
        }
      g_string_append_c (text, '.');
    }

  if (self->note != NULL)
    g_string_append_printf (text, " %s", self->note);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
