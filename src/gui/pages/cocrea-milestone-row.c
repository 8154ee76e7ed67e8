/* cocrea-milestone-row.c — one milestone of a commitment, edited in place
 *
 * Its number, deliverable and dates in entries, buttons that move and
 * delete it, a message under the entries when what was typed is refused,
 * and where it stands (status, the day of the latest record, a button to
 * record more). The buttons activate the commitment editor's actions
 * (editor.move-milestone, editor.delete-milestone, editor.record-progress)
 * with this milestone as their target.
 *
 * Typing is written by the editor, which owns the document: the row says
 * "edited" after a pause in typing, when focus leaves an entry or on
 * Enter, and cocrea_milestone_row_flush() says it at once for typing still
 * waiting for its pause.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-dates.h"
#include "cocrea-milestone-row.h"

/* How long typing may pause before the milestone is written. */
#define SAVE_DELAY_MS 600

struct _CocreaMilestoneRow
{
  GtkListBoxRow parent_instance;

  CocreaMilestone *milestone; /* as last read or written */
  guint timeout_id;           /* typing waiting for its pause */

  /* template children */
  GtkLabel *number_label;
  GtkEntry *deliverable_entry;
  GtkEntry *starts_entry;
  GtkEntry *ends_entry;
  GtkButton *up_button;
  GtkButton *down_button;
  GtkButton *delete_button;
  GtkLabel *message_label;
  GtkLabel *status_label;
  GtkLabel *recorded_label;
  GtkButton *progress_button;
};

G_DEFINE_FINAL_TYPE (CocreaMilestoneRow, cocrea_milestone_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_MILESTONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The milestone as last read or written. */
CocreaMilestone *
cocrea_milestone_row_get_milestone (CocreaMilestoneRow *self)
{
  g_return_val_if_fail (COCREA_IS_MILESTONE_ROW (self), NULL);
  return self->milestone;
}

/* The milestone as just written, what was typed being unchanged. */
void
cocrea_milestone_row_set_stored (CocreaMilestoneRow *self, CocreaMilestone *stored)
{
  g_return_if_fail (COCREA_IS_MILESTONE_ROW (self));
  g_return_if_fail (COCREA_IS_MILESTONE (stored));

  if (g_set_object (&self->milestone, stored))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONE]);
}

/* What the entries hold now. */
void
cocrea_milestone_row_get_typed (CocreaMilestoneRow *self, const char **deliverable,
                                const char **starts_on, const char **ends_on)
{
  g_return_if_fail (COCREA_IS_MILESTONE_ROW (self));

  *deliverable = gtk_editable_get_text (GTK_EDITABLE (self->deliverable_entry));
  *starts_on = gtk_editable_get_text (GTK_EDITABLE (self->starts_entry));
  *ends_on = gtk_editable_get_text (GTK_EDITABLE (self->ends_entry));
}

/* Says under the entries why what was typed was refused; %NULL hides it. */
void
cocrea_milestone_row_show_message (CocreaMilestoneRow *self, const char *message)
{
  g_return_if_fail (COCREA_IS_MILESTONE_ROW (self));

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/**
 * cocrea_milestone_row_show_progress:
 * Shows where the milestone stands: @state's status coloured as
 * libadwaita colours states (overdue over everything but done), the day
 * of the latest record, and the button that records more (enabled with
 * its action). With @state %NULL (it could not be read), nothing.
 */
void
cocrea_milestone_row_show_progress (CocreaMilestoneRow *self, const CocreaMilestoneState *state)
{
  int position;
  g_autofree char *accessible = NULL;
  g_autofree char *button_label = NULL;
  g_autofree char *day = NULL;
  g_autofree char *said = NULL;
  const char *text, *style;

  g_return_if_fail (COCREA_IS_MILESTONE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), state != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->recorded_label), state != NULL && state->recorded_on != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_button), state != NULL);
  if (state == NULL)
    return;

  position = cocrea_milestone_get_position (self->milestone);
  text = cocrea_progress_label (state->status);
  style = state->status == COCREA_PROGRESS_DONE          ? "success"
          : state->status == COCREA_PROGRESS_IN_PROGRESS ? "warning"
                                                         : "dim-label";
  if (state->overdue)
    {
      text = _("Overdue");
      style = "error";
    }
  gtk_label_set_text (self->status_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);
  /* TRANSLATORS: accessible name of a milestone's status, "Milestone 2 status: Overdue" */
  accessible = g_strdup_printf (_("Milestone %d status: %s"), position, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (state->recorded_on != NULL)
    {
      day = cocrea_format_partial_date (state->recorded_on);
      /* Overdue hides the status itself: say it beside the day. */
      said = state->overdue
               /* TRANSLATORS: "In progress, recorded 31 January 2020" */
               ? g_strdup_printf (_("%s, recorded %s"), cocrea_progress_label (state->status), day)
               /* TRANSLATORS: "Recorded 31 January 2020" */
               : g_strdup_printf (_("Recorded %s"), day);
      gtk_label_set_text (self->recorded_label, said);
    }

  /* TRANSLATORS: accessible name of a button, "Record progress of milestone 2" */
  button_label = g_strdup_printf (_("Record progress of milestone %d"), position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
}

/* Says "edited" now for typing still waiting for its pause. */
void
cocrea_milestone_row_flush (CocreaMilestoneRow *self)
{
  g_return_if_fail (COCREA_IS_MILESTONE_ROW (self));

  if (self->timeout_id == 0)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_signal_emit (self, signals[EDITED], 0);
}

static gboolean
edited_timeout_cb (gpointer data)
{
  CocreaMilestoneRow *self = data;

  self->timeout_id = 0;
  g_signal_emit (self, signals[EDITED], 0);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (CocreaMilestoneRow *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* Removed in dispose: the source never outlives the row. */
  self->timeout_id = g_timeout_add (SAVE_DELAY_MS, edited_timeout_cb, self);
}

/* Fills the row from @milestone, once: later the entries keep what is
 * typed. */
static void
show_milestone (CocreaMilestoneRow *self)
{
  int position = cocrea_milestone_get_position (self->milestone);
  gint64 id = cocrea_milestone_get_id (self->milestone);
  g_autofree char *n = g_strdup_printf ("%d", position);
  g_autofree char *what = g_strdup_printf (_("Milestone %d: activity or deliverable"), position);
  g_autofree char *from = g_strdup_printf (_("Milestone %d: start"), position);
  g_autofree char *to = g_strdup_printf (_("Milestone %d: end"), position);
  const char *starts_on = cocrea_milestone_get_starts_on (self->milestone);
  const char *ends_on = cocrea_milestone_get_ends_on (self->milestone);

  gtk_label_set_text (self->number_label, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->number_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->deliverable_entry),
                         cocrea_milestone_get_deliverable (self->milestone));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deliverable_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->starts_entry), starts_on != NULL ? starts_on : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->starts_entry), from);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->starts_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, from, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->ends_entry), ends_on != NULL ? ends_on : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->ends_entry), to);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ends_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, to, -1);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->up_button), "(xi)", id, position - 1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->down_button), "(xi)", id, position + 1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", id);
  /* The buttons say which milestone they act on; the tooltips need not. */
  {
    g_autofree char *up = g_strdup_printf (_("Move milestone %d up"), position);
    g_autofree char *down = g_strdup_printf (_("Move milestone %d down"), position);
    g_autofree char *delete = g_strdup_printf (_("Delete milestone %d"), position);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button), GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button), GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete,
                                    -1);
  }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->progress_button), "x", id);
}

/**
 * cocrea_milestone_row_new:
 * A row editing @milestone; @first and @last disable moving it up or
 * down.
 */
GtkWidget *
cocrea_milestone_row_new (CocreaMilestone *milestone, gboolean first, gboolean last)
{
  CocreaMilestoneRow *self;

  g_return_val_if_fail (COCREA_IS_MILESTONE (milestone), NULL);

  self = g_object_new (COCREA_TYPE_MILESTONE_ROW, "milestone", milestone, NULL);
  /* Without its action: an action's button is as sensitive as the action. */
  if (first)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->up_button), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), FALSE);
    }
  if (last)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->down_button), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), FALSE);
    }
  return GTK_WIDGET (self);
}

static void
cocrea_milestone_row_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  CocreaMilestoneRow *self = COCREA_MILESTONE_ROW (object);

  switch (prop_id)
    {
    case PROP_MILESTONE:
      g_value_set_object (value, self->milestone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_milestone_row_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  CocreaMilestoneRow *self = COCREA_MILESTONE_ROW (object);

  switch (prop_id)
    {
    case PROP_MILESTONE:
      /* Construct-only: the entries are filled once. */
      self->milestone = g_value_dup_object (value);
      show_milestone (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_milestone_row_dispose (GObject *object)
{
  CocreaMilestoneRow *self = COCREA_MILESTONE_ROW (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_MILESTONE_ROW);
  g_clear_object (&self->milestone);

  G_OBJECT_CLASS (cocrea_milestone_row_parent_class)->dispose (object);
}

static void
cocrea_milestone_row_class_init (CocreaMilestoneRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_milestone_row_dispose;
  object_class->get_property = cocrea_milestone_row_get_property;
  object_class->set_property = cocrea_milestone_row_set_property;

  /**
   * CocreaMilestoneRow:milestone:
   * The milestone edited, as last read or written.
   */
  properties[PROP_MILESTONE] =
    g_param_spec_object ("milestone", NULL, NULL, COCREA_TYPE_MILESTONE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CocreaMilestoneRow::edited:
   * What is typed is to be written: typing paused, focus left an entry,
   * Enter was pressed, or the row was flushed.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-milestone-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, deliverable_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, starts_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, ends_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, recorded_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaMilestoneRow, progress_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cocrea_milestone_row_flush);
}

static void
cocrea_milestone_row_init (CocreaMilestoneRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
