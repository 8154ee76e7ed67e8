/* cocrea-proposal-dialog.c — edits a consolidated proposal's details
 *
 * Title, description, area, OGP axes, inclusion flags and origin. What
 * was typed stays in the dialog until it is saved: a refused value is
 * marked and explained, nothing is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-proposal-dialog.h"
#include "cocrea-proposal.h"
#include "cocrea-undo.h"

struct _CocreaProposalDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  gint64 proposal_id;
  GtkCheckButton *axis_checks[COCREA_N_AXES];
  GtkCheckButton *inclusion_checks[COCREA_N_INCLUSION];

  /* template children */
  AdwEntryRow *title_row;
  AdwEntryRow *area_row;
  AdwComboRow *origin_row;
  GtkTextView *description_view;
  AdwPreferencesGroup *axes_group;
  AdwPreferencesGroup *inclusion_group;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaProposalDialog, cocrea_proposal_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed_cb (CocreaProposalDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", *title != '\0');
}

/**
 * cocrea_proposal_dialog_save:
 * Writes the dialog's values to the proposal and closes the dialog,
 * emitting "saved" with the undo record. On failure the dialog stays,
 * with the values and the reason shown; @error says it too.
 */
gboolean
cocrea_proposal_dialog_save (CocreaProposalDialog *self, GError **error)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *area = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->area_row))));
  g_autofree char *description = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) local_error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  CocreaProposalFields fields = { 0 };
  GtkTextIter start, end;

  g_return_val_if_fail (COCREA_IS_PROPOSAL_DIALOG (self), FALSE);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  fields.title = title;
  fields.description = *description != '\0' ? description : NULL;
  fields.area = *area != '\0' ? area : NULL;
  fields.origin = adw_combo_row_get_selected (self->origin_row) == 1 ? COCREA_ORIGIN_MUNICIPAL
                                                                     : COCREA_ORIGIN_COMMUNITY;
  for (guint i = 0; i < COCREA_N_AXES; i++)
    if (gtk_check_button_get_active (self->axis_checks[i]))
      fields.axes |= 1u << i;
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    if (gtk_check_button_get_active (self->inclusion_checks[i]))
      fields.inclusion |= 1u << i;

  if (!cocrea_proposal_update (self->document, self->proposal_id, &fields, &undo, &local_error))
    {
      if (*title == '\0')
        gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
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

  /* The dialog itself shows the error next to the fields. */
  cocrea_proposal_dialog_save (COCREA_PROPOSAL_DIALOG (widget), &error);
}

static GtkCheckButton *
add_check_row (AdwPreferencesGroup *group, const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return GTK_CHECK_BUTTON (check);
}

static void
cocrea_proposal_dialog_dispose (GObject *object)
{
  CocreaProposalDialog *self = COCREA_PROPOSAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PROPOSAL_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_proposal_dialog_parent_class)->dispose (object);
}

static void
cocrea_proposal_dialog_class_init (CocreaProposalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_proposal_dialog_dispose;

  /**
   * CocreaProposalDialog::saved:
   * @undo: takes the edit back
   * The proposal holds the new details; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, COCREA_TYPE_UNDO);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-proposal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaProposalDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProposalDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProposalDialog, origin_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProposalDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaProposalDialog, axes_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaProposalDialog, inclusion_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaProposalDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
cocrea_proposal_dialog_init (CocreaProposalDialog *self)
{
  g_autoptr (GtkStringList) origins = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of CocreaOrigin. */
  for (guint i = 0; i < COCREA_N_ORIGINS; i++)
    gtk_string_list_append (origins, cocrea_origin_label (i));
  adw_combo_row_set_model (self->origin_row, G_LIST_MODEL (origins));

  for (guint i = 0; i < COCREA_N_AXES; i++)
    self->axis_checks[i] = add_check_row (self->axes_group, cocrea_axis_label (i));
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    self->inclusion_checks[i] = add_check_row (self->inclusion_group, cocrea_inclusion_label (i));
}

/**
 * cocrea_proposal_dialog_new:
 * A dialog showing proposal @proposal_id of @document, or NULL with
 * @error set when it cannot be read.
 */
CocreaProposalDialog *
cocrea_proposal_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 proposal_id,
                            GError **error)
{
  g_autoptr (CocreaProposal) proposal = NULL;
  CocreaProposalDialog *self;
  const char *description;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  proposal = cocrea_proposal_lookup (document, proposal_id, error);
  if (proposal == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_PROPOSAL_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->proposal_id = proposal_id;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), cocrea_proposal_get_title (proposal));
  gtk_editable_set_text (GTK_EDITABLE (self->area_row),
                         cocrea_proposal_get_area (proposal) != NULL ? cocrea_proposal_get_area (proposal) : "");
  description = cocrea_proposal_get_description (proposal);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description != NULL ? description : "", -1);
  adw_combo_row_set_selected (self->origin_row, cocrea_proposal_get_origin (proposal));
  for (guint i = 0; i < COCREA_N_AXES; i++)
    gtk_check_button_set_active (self->axis_checks[i], cocrea_proposal_get_axes (proposal) & (1u << i));
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    gtk_check_button_set_active (self->inclusion_checks[i],
                                 cocrea_proposal_get_inclusion (proposal) & (1u << i));
  return self;
}
