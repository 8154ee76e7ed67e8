/* cocrea-stage-row.c — one stage of the process on the overview page
 *
 * Its number, name and period, and its status as a coloured pill. The
 * name and status come from the stage through the template; the number,
 * the period (or that there is none), the pill's colour and what a
 * screen reader says are set here with the stage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-stage-row.h"

struct _CocreaStageRow
{
  GtkWidget parent_instance;

  CocreaStage *stage;

  /* template children */
  GtkLabel *position_label;
  GtkLabel *period_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (CocreaStageRow, cocrea_stage_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CocreaStage *
cocrea_stage_row_get_stage (CocreaStageRow *self)
{
  g_return_val_if_fail (COCREA_IS_STAGE_ROW (self), NULL);

  return self->stage;
}

/**
 * cocrea_stage_row_set_stage:
 * Shows @stage, or nothing with %NULL (a row the list view has let go of).
 */
void
cocrea_stage_row_set_stage (CocreaStageRow *self, CocreaStage *stage)
{
  static const char *status_classes[] = { "pending", "in-progress", "done" };
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  int position;

  g_return_if_fail (COCREA_IS_STAGE_ROW (self));
  g_return_if_fail (stage == NULL || COCREA_IS_STAGE (stage));

  if (!g_set_object (&self->stage, stage))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  if (stage == NULL)
    return;

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
cocrea_stage_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaStageRow *self = COCREA_STAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_stage_row_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CocreaStageRow *self = COCREA_STAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      cocrea_stage_row_set_stage (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_stage_row_dispose (GObject *object)
{
  CocreaStageRow *self = COCREA_STAGE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_STAGE_ROW);
  /* Unbound children of the template go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (cocrea_stage_row_parent_class)->dispose (object);
}

static void
cocrea_stage_row_class_init (CocreaStageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_stage_row_dispose;
  object_class->get_property = cocrea_stage_row_get_property;
  object_class->set_property = cocrea_stage_row_set_property;

  /**
   * CocreaStageRow:stage:
   * The stage shown, or %NULL.
   */
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, COCREA_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
