/* cocrea-stage-row.c — one stage of the process on the overview page
 *
 * Its number, name and period, and its status as a coloured pill. The
 * item is a CocreaStage: the name and status come from it through the
 * template; the number, the period (or that there is none), the pill's
 * colour and what a screen reader says are set here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-stage-row.h"
#include "cocrea-stage.h"

struct _CocreaStageRow
{
  CocreaItemWidget parent_instance;

  /* template children */
  GtkLabel *position_label;
  GtkLabel *period_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (CocreaStageRow, cocrea_stage_row, COCREA_TYPE_ITEM_WIDGET)

static void
cocrea_stage_row_show_item (CocreaItemWidget *widget, gpointer item)
{
  static const char *status_classes[] = { "pending", "in-progress", "done" };
  CocreaStageRow *self = COCREA_STAGE_ROW (widget);
  CocreaStage *stage = COCREA_STAGE (item);
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  int position;

  g_object_get (stage, "name", &name, "period", &period, "status-label", &status_label,
                "position", &position, NULL);
  number = g_strdup_printf ("%d", position);
  gtk_label_set_text (self->position_label, number);
  gtk_label_set_text (self->period_label,
                      period != NULL && *period != '\0' ? period : _("No dates yet"));

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  if ((guint) cocrea_stage_get_status (stage) < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                              status_classes[cocrea_stage_get_status (stage)]);

  /* TRANSLATORS: read by screen readers for a stage: "Stage 2, Co-creation meetings: Done" */
  description = g_strdup_printf (_("Stage %d, %s: %s"), position, name, status_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, period, -1);
}

static void
cocrea_stage_row_class_init (CocreaStageRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_stage_row_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-stage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaStageRow, position_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaStageRow, period_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaStageRow, status_label);
  /* What a screen reader met here when the row was a plain box. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_stage_row_init (CocreaStageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
