/* cocrea-completion-dialog.c — sets a commitment's completion on OGP's scale
 *
 * Two choices: follow the milestones (the level they give is shown), or
 * set a level by hand with a reason. Saving records the choice as one
 * undoable edit and closes the dialog; a refusal (no reason) is shown
 * under the reason and what was typed stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-completion.h"
#include "cocrea-completion-dialog.h"
#include "cocrea-error.h"
#include "cocrea-undo.h"

struct _CocreaCompletionDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  CocreaCompletionState *state;

  /* template children */
  AdwPreferencesGroup *commitment_group;
  AdwActionRow *follow_row;
  GtkCheckButton *follow_check;
  GtkCheckButton *hand_check;
  AdwPreferencesGroup *hand_group;
  AdwComboRow *level_row;
  AdwEntryRow *reason_row;
  GtkLabel *reason_error;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaCompletionDialog, cocrea_completion_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* Anything changed: old refusals go, and the level and reason are asked
 * for only when the level is set by hand. */
static void
changed_cb (CocreaCompletionDialog *self)
{
  show_message (self->reason_error, NULL);
  show_message (self->error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->hand_group),
                            gtk_check_button_get_active (self->hand_check));
}

static void
activated_cb (CocreaCompletionDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/**
 * cocrea_completion_dialog_save:
 * Records the dialog's choice for its commitment and closes the dialog,
 * emitting "saved" with the undo record (%NULL when nothing changed). On
 * failure the dialog stays, the message under the reason; @error says why.
 */
gboolean
cocrea_completion_dialog_save (CocreaCompletionDialog *self, GError **error)
{
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_COMPLETION_DIALOG (self), FALSE);

  changed_cb (self);
  if (gtk_check_button_get_active (self->follow_check))
    ok = cocrea_completion_follow_milestones (self->document, self->state->commitment_id, &undo,
                                              &local_error);
  else
    ok = cocrea_completion_set (self->document, self->state->commitment_id,
                                (CocreaCompletion) adw_combo_row_get_selected (self->level_row),
                                gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &undo,
                                &local_error);
  if (!ok)
    {
      if (g_error_matches (local_error, COCREA_ERROR, COCREA_ERROR_INVALID))
        {
          show_message (self->reason_error, local_error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
        }
      else
        show_message (self->error_label, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, undo);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  /* The dialog itself shows the error. */
  cocrea_completion_dialog_save (COCREA_COMPLETION_DIALOG (widget), &error);
}

static void
cocrea_completion_dialog_dispose (GObject *object)
{
  CocreaCompletionDialog *self = COCREA_COMPLETION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_COMPLETION_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->state, cocrea_completion_state_free);

  G_OBJECT_CLASS (cocrea_completion_dialog_parent_class)->dispose (object);
}

static void
cocrea_completion_dialog_class_init (CocreaCompletionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_completion_dialog_dispose;

  /**
   * CocreaCompletionDialog::saved:
   * @undo: (nullable): takes the change back; %NULL when nothing changed
   * The choice is in the process; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, COCREA_TYPE_UNDO);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-completion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, commitment_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, follow_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, follow_check);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, hand_check);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, hand_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, reason_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaCompletionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
cocrea_completion_dialog_init (CocreaCompletionDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of CocreaCompletion. */
  for (guint i = 0; i < COCREA_N_COMPLETION; i++)
    gtk_string_list_append (labels, cocrea_completion_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (labels));
}

/**
 * cocrea_completion_dialog_new:
 * A dialog setting the completion of commitment @commitment_id of
 * @document, showing its current choice; NULL with @error set when the
 * commitment cannot be read.
 */
CocreaCompletionDialog *
cocrea_completion_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 commitment_id,
                              GError **error)
{
  CocreaCompletionDialog *self;
  CocreaCompletionState *state;
  g_autofree char *title = NULL;
  g_autofree char *follow = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  state = cocrea_completion_get (document, commitment_id, error);
  if (state == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_COMPLETION_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->state = state;

  /* TRANSLATORS: the heading of the completion dialog, "Commitment 3" */
  title = g_strdup_printf (_("Commitment %d"), state->position);
  adw_preferences_group_set_title (self->commitment_group, title);
  adw_preferences_group_set_description (self->commitment_group, state->name);
  /* TRANSLATORS: what the milestones say now, "They say: Limited" */
  follow = g_strdup_printf (_("They say: %s"), cocrea_completion_label (state->derived));
  adw_action_row_set_subtitle (self->follow_row, follow);

  gtk_check_button_set_active (state->set_by_hand ? self->hand_check : self->follow_check, TRUE);
  adw_combo_row_set_selected (self->level_row, state->level);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                         state->reason != NULL ? state->reason : "");
  changed_cb (self);
  return self;
}
