/* cocrea-aggregate-cell.c — one cell of the Viability page's aggregate table
 *
 * The item is a CocreaAggregateItem; the "column" property says which of
 * its cells this is (the proposal, a criterion, or the overall
 * viability). A disagreement among the evaluators shows a warning icon,
 * a tooltip saying how far apart they are, and the same words for a
 * screen reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-aggregate-cell.h"
#include "cocrea-aggregate-item.h"

struct _CocreaAggregateCell
{
  CocreaItemWidget parent_instance;

  int column;

  /* template children */
  GtkLabel *label;
  GtkWidget *flag;
};

G_DEFINE_FINAL_TYPE (CocreaAggregateCell, cocrea_aggregate_cell, COCREA_TYPE_ITEM_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_aggregate_cell_show_item (CocreaItemWidget *widget, gpointer item)
{
  CocreaAggregateCell *self = COCREA_AGGREGATE_CELL (widget);
  const char *text = NULL;
  const char *tooltip = NULL;
  gboolean flagged = FALSE;

  if (!cocrea_aggregate_item_describe (item, self->column, &text, &tooltip, &flagged))
    return;
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (self->flag, flagged);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  if (flagged)
    gtk_widget_add_css_class (GTK_WIDGET (self), "disagreement");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "disagreement");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tooltip != NULL ? tooltip : "", -1);
}

/* The proposal's title wraps; the figures keep their digits in line, and
 * wrap between them only when their column is narrowed. */
static void
set_column (CocreaAggregateCell *self, int column)
{
  self->column = column;
  if (column == COCREA_AGGREGATE_PROPOSAL)
    {
      /* Wraps in the width its column is given (cocrea_column_fit). */
      gtk_label_set_wrap (self->label, TRUE);
      gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (self->label, 8);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
      /* Only when its column is narrowed to fit (large text), and then
       * between figures: the item keeps each figure together. */
      gtk_label_set_wrap (self->label, TRUE);
      gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD);
    }
}

static void
cocrea_aggregate_cell_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_int (value, COCREA_AGGREGATE_CELL (object)->column);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_aggregate_cell_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COLUMN:
      set_column (COCREA_AGGREGATE_CELL (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_aggregate_cell_class_init (CocreaAggregateCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cocrea_aggregate_cell_get_property;
  object_class->set_property = cocrea_aggregate_cell_set_property;
  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_aggregate_cell_show_item;

  /**
   * CocreaAggregateCell:column:
   * The cell's column: COCREA_AGGREGATE_PROPOSAL, COCREA_AGGREGATE_OVERALL
   * or a criterion's index.
   */
  properties[PROP_COLUMN] =
    g_param_spec_int ("column", NULL, NULL, G_MININT, G_MAXINT, COCREA_AGGREGATE_PROPOSAL,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-aggregate-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaAggregateCell, label);
  gtk_widget_class_bind_template_child (widget_class, CocreaAggregateCell, flag);
  /* What a screen reader met here when the cell was a plain box. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_aggregate_cell_init (CocreaAggregateCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
