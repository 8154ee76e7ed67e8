/* cocrea-revision-dialog.c — changes the plan in answer to a consultation comment
 *
 * Stage 6 asks what changed between the draft and the final plan, and
 * which comment caused each change. The dialog shows the comment, lets
 * the user choose the commitment (the comment's own at first), one of its
 * milestones or the commitment itself, and the field, and offers that
 * field's text to edit. Saving goes through cocrea_revision_apply(): the
 * change and its record are one edit, undone together. When the core
 * refuses (a comment not accepted, a text that breaks the field's rules,
 * a text unchanged), the dialog stays with everything chosen and typed,
 * and says why under the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-choice.h"
#include "cocrea-commitment.h"
#include "cocrea-consultation.h"
#include "cocrea-error.h"
#include "cocrea-milestone.h"
#include "cocrea-page.h"
#include "cocrea-response-dialog.h"
#include "cocrea-revision-dialog.h"
#include "cocrea-revision.h"
#include "cocrea-text.h"
#include "cocrea-undo.h"

struct _CocreaRevisionDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  gint64 comment_id;
  GListModel *commitment_list;   /* CocreaCommitment, in the plan's order */
  GListModel *milestone_list;    /* CocreaMilestone of the chosen commitment */
  GListStore *commitments;       /* CocreaChoice: the commitment's id */
  GListStore *milestones;        /* CocreaChoice: 0 for the commitment itself, else the milestone's id */
  const char *const *field_keys; /* cocrea_revision_fields() of the choice */

  /* template children */
  AdwPreferencesGroup *comment_group;
  GtkLabel *comment_label;
  AdwComboRow *commitment_row;
  AdwComboRow *milestone_row;
  AdwComboRow *field_row;
  GtkWidget *value_frame;
  GtkTextView *value_view;
  GtkLabel *before_label;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaRevisionDialog, cocrea_revision_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CocreaCommitment *
chosen_commitment (CocreaRevisionDialog *self)
{
  guint row = adw_combo_row_get_selected (self->commitment_row);

  if (self->commitment_list == NULL || row >= g_list_model_get_n_items (self->commitment_list))
    return NULL;
  return g_list_model_get_item (self->commitment_list, row);
}

/* The chosen milestone, or NULL for the commitment itself. */
static CocreaMilestone *
chosen_milestone (CocreaRevisionDialog *self)
{
  guint row = adw_combo_row_get_selected (self->milestone_row);

  /* Row 0 is the commitment itself. */
  if (self->milestone_list == NULL || row == 0 || row == GTK_INVALID_LIST_POSITION ||
      row > g_list_model_get_n_items (self->milestone_list))
    return NULL;
  return g_list_model_get_item (self->milestone_list, row - 1);
}

static const char *
chosen_field (CocreaRevisionDialog *self)
{
  guint row = adw_combo_row_get_selected (self->field_row);

  if (self->field_keys == NULL || row >= g_strv_length ((char **) self->field_keys))
    return NULL;
  return self->field_keys[row];
}

/* What @field of @commitment says now. */
static const char *
commitment_value (CocreaCommitment *commitment, const char *field)
{
  const char *const *keys = cocrea_revision_fields (FALSE);
  CocreaCommitmentFields fields;

  cocrea_commitment_get_fields (commitment, &fields);
  {
    /* In the order of cocrea_revision_fields(). */
    const char *values[] = {
      fields.name, fields.note, fields.starts_on, fields.ends_on, fields.lead_unit,
      fields.problem, fields.description, fields.contribution, fields.relevance,
      fields.additional_info,
    };

    for (guint i = 0; i < G_N_ELEMENTS (values) && keys[i] != NULL; i++)
      if (g_str_equal (keys[i], field))
        return values[i];
  }
  return NULL;
}

static const char *
milestone_value (CocreaMilestone *milestone, const char *field)
{
  if (g_strcmp0 (field, "deliverable") == 0)
    return cocrea_milestone_get_deliverable (milestone);
  if (g_strcmp0 (field, "starts_on") == 0)
    return cocrea_milestone_get_starts_on (milestone);
  return cocrea_milestone_get_ends_on (milestone);
}

static void
show_problem (CocreaRevisionDialog *self, const char *message)
{
  cocrea_mark_invalid (self->value_frame, message != NULL);
  cocrea_mark_invalid (GTK_WIDGET (self->value_view), message != NULL);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Typing takes the last refusal away. */
static void
value_changed_cb (CocreaRevisionDialog *self)
{
  show_problem (self, NULL);
}

/* The field chosen: its text now, to edit, and said below. */
static void
field_chosen_cb (CocreaRevisionDialog *self)
{
  g_autoptr (CocreaCommitment) commitment = chosen_commitment (self);
  g_autoptr (CocreaMilestone) milestone = chosen_milestone (self);
  const char *field = chosen_field (self);
  const char *value = NULL;
  g_autofree char *now = NULL;

  if (commitment != NULL && field != NULL)
    value = milestone != NULL ? milestone_value (milestone, field)
                              : commitment_value (commitment, field);
  if (value == NULL)
    value = "";
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->value_view), value, -1);
  now = *value != '\0'
          /* TRANSLATORS: under the new text, the field's text before the change */
          ? g_strdup_printf (_("Now: “%s”"), value)
          : g_strdup (_("Now empty"));
  gtk_label_set_text (self->before_label, now);
  show_problem (self, NULL);
}

/* A milestone or the commitment itself: the fields it has. */
static void
milestone_chosen_cb (CocreaRevisionDialog *self)
{
  g_autoptr (CocreaMilestone) milestone = chosen_milestone (self);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const char *const *keys = cocrea_revision_fields (milestone != NULL);

  if (self->field_keys == keys && adw_combo_row_get_model (self->field_row) != NULL)
    {
      field_chosen_cb (self);
      return;
    }
  self->field_keys = keys;
  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (labels, cocrea_revision_field_label (keys[i]));
  /* Setting the model chooses its first field, which shows its text. */
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (labels));
  field_chosen_cb (self);
}

/* A commitment: the commitment itself, then its milestones. */
static void
commitment_chosen_cb (CocreaRevisionDialog *self)
{
  g_autoptr (CocreaCommitment) commitment = chosen_commitment (self);
  g_autoptr (GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->milestone_list);
  g_ptr_array_add (choices, cocrea_choice_new (0, _("The commitment itself")));
  if (commitment != NULL)
    {
      self->milestone_list = cocrea_milestone_list (self->document,
                                                    cocrea_commitment_get_id (commitment), &error);
      if (self->milestone_list == NULL)
        show_problem (self, error->message);
    }
  for (guint i = 0; self->milestone_list != NULL &&
                    i < g_list_model_get_n_items (self->milestone_list); i++)
    {
      g_autoptr (CocreaMilestone) m = g_list_model_get_item (self->milestone_list, i);
      const char *text = cocrea_milestone_get_deliverable (m);
      g_autofree char *deliverable = cocrea_text_first_line (text != NULL ? text : "", 40);
      /* TRANSLATORS: a milestone in a list, "2.3 Ordinance published" */
      g_autofree char *label = g_strdup_printf (_("%d.%d %s"),
                                                cocrea_commitment_get_position (commitment),
                                                cocrea_milestone_get_position (m), deliverable);

      g_ptr_array_add (choices, cocrea_choice_new (cocrea_milestone_get_id (m), label));
    }
  g_list_store_splice (self->milestones, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->milestones)),
                       choices->pdata, choices->len);
  adw_combo_row_set_selected (self->milestone_row, 0);
  milestone_chosen_cb (self);
}

/* The row of milestone number @position in the milestone row, or 0
 * (the commitment itself) when the chosen commitment has none such. */
static guint
milestone_row_of (CocreaRevisionDialog *self, int position)
{
  guint n = self->milestone_list != NULL ? g_list_model_get_n_items (self->milestone_list) : 0;

  for (guint j = 0; j < n; j++)
    {
      g_autoptr (CocreaMilestone) m = g_list_model_get_item (self->milestone_list, j);

      if (cocrea_milestone_get_position (m) == position)
        return j + 1;
    }
  return 0;
}

/**
 * cocrea_revision_dialog_choose:
 * Chooses commitment number @commitment of the plan, its milestone number
 * @milestone (0 for the commitment itself) and @field (one of
 * cocrea_revision_fields()), showing the field's text. What a user does
 * with the three rows.
 *
 * Returns: %FALSE when the plan has no such commitment, milestone or
 *   field (the commitment, when it exists, stays chosen)
 */
gboolean
cocrea_revision_dialog_choose (CocreaRevisionDialog *self, int commitment, int milestone,
                               const char *field)
{
  guint n, row = 0;

  g_return_val_if_fail (COCREA_IS_REVISION_DIALOG (self), FALSE);

  if (!cocrea_revision_field_is_valid (field, milestone > 0))
    return FALSE;
  n = self->commitment_list != NULL ? g_list_model_get_n_items (self->commitment_list) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CocreaCommitment) c = g_list_model_get_item (self->commitment_list, i);

      if (cocrea_commitment_get_position (c) != commitment)
        continue;
      adw_combo_row_set_selected (self->commitment_row, i);
      if (milestone > 0 && (row = milestone_row_of (self, milestone)) == 0)
        return FALSE;
      adw_combo_row_set_selected (self->milestone_row, row);
      for (guint k = 0; self->field_keys[k] != NULL; k++)
        if (g_str_equal (self->field_keys[k], field))
          adw_combo_row_set_selected (self->field_row, k);
      return TRUE;
    }
  return FALSE;
}

/* The new text as typed. */
char *
cocrea_revision_dialog_get_value (CocreaRevisionDialog *self)
{
  char *text = NULL;

  g_return_val_if_fail (COCREA_IS_REVISION_DIALOG (self), NULL);
  g_object_get (gtk_text_view_get_buffer (self->value_view), "text", &text, NULL);
  return text;
}

void
cocrea_revision_dialog_set_value (CocreaRevisionDialog *self, const char *value)
{
  g_return_if_fail (COCREA_IS_REVISION_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->value_view), value, -1);
}

/**
 * cocrea_revision_dialog_save:
 * Changes the chosen field to the typed text in answer to the comment,
 * records the revision, and closes the dialog, emitting "saved" with the
 * undo record (which takes both back) and the comment's id. On failure
 * the dialog stays with everything kept, and says why; so does @error.
 */
gboolean
cocrea_revision_dialog_save (CocreaRevisionDialog *self, GError **error)
{
  g_autoptr (CocreaCommitment) commitment = NULL;
  g_autoptr (CocreaMilestone) milestone = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (COCREA_IS_REVISION_DIALOG (self), FALSE);

  commitment = chosen_commitment (self);
  milestone = chosen_milestone (self);
  value = cocrea_revision_dialog_get_value (self);
  if (commitment == NULL)
    g_set_error_literal (&local_error, COCREA_ERROR, COCREA_ERROR_INVALID,
                         _("The plan has no commitments yet: write one on the Plan page first."));
  else
    cocrea_revision_apply (self->document, self->comment_id,
                           cocrea_commitment_get_id (commitment),
                           milestone != NULL ? cocrea_milestone_get_id (milestone) : 0,
                           chosen_field (self), value, NULL, &undo, &local_error);
  if (local_error != NULL)
    {
      show_problem (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, undo, self->comment_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  /* The dialog itself shows the error under the text. */
  cocrea_revision_dialog_save (COCREA_REVISION_DIALOG (widget), &error);
}

static void
cocrea_revision_dialog_dispose (GObject *object)
{
  CocreaRevisionDialog *self = COCREA_REVISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_REVISION_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->commitment_list);
  g_clear_object (&self->milestone_list);
  g_clear_object (&self->commitments);
  g_clear_object (&self->milestones);

  G_OBJECT_CLASS (cocrea_revision_dialog_parent_class)->dispose (object);
}

static void
cocrea_revision_dialog_class_init (CocreaRevisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_revision_dialog_dispose;

  /**
   * CocreaRevisionDialog::saved:
   * @undo: takes the change and its record back
   * @id: the comment's id
   * The plan is changed and the change recorded; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, COCREA_TYPE_UNDO, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-revision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, comment_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, comment_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, commitment_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, milestone_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, field_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, value_frame);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, value_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, before_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaRevisionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, commitment_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, milestone_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_chosen_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
cocrea_revision_dialog_init (CocreaRevisionDialog *self)
{
  self->commitments = g_list_store_new (COCREA_TYPE_CHOICE);
  self->milestones = g_list_store_new (COCREA_TYPE_CHOICE);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_expression (self->commitment_row,
                                gtk_property_expression_new (COCREA_TYPE_CHOICE, NULL, "label"));
  adw_combo_row_set_expression (self->milestone_row,
                                gtk_property_expression_new (COCREA_TYPE_CHOICE, NULL, "label"));
  adw_combo_row_set_model (self->milestone_row, G_LIST_MODEL (self->milestones));
  g_signal_connect_object (gtk_text_view_get_buffer (self->value_view), "changed",
                           G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cocrea_revision_dialog_new:
 * A dialog that changes the plan in answer to comment @comment_id of
 * @document, with the comment's commitment chosen (the first of the plan
 * for a comment on the plan as a whole); NULL with @error set when the
 * comment or the plan cannot be read.
 */
CocreaRevisionDialog *
cocrea_revision_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 comment_id,
                            GError **error)
{
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autoptr (GListModel) commitments = NULL;
  g_autoptr (GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = NULL;
  CocreaRevisionDialog *self;
  gint64 commitment_id;
  guint row = 0;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  comment = cocrea_consultation_lookup_comment (document, comment_id, error);
  if (comment == NULL || (commitments = cocrea_commitment_list (document, error)) == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_REVISION_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->comment_id = comment_id;
  self->commitment_list = g_steal_pointer (&commitments);

  where = cocrea_comment_describe (comment);
  adw_preferences_group_set_description (self->comment_group, where);
  gtk_label_set_text (self->comment_label, cocrea_consultation_comment_get_text (comment));

  commitment_id = cocrea_consultation_comment_get_commitment_id (comment);
  for (guint i = 0; i < g_list_model_get_n_items (self->commitment_list); i++)
    {
      g_autoptr (CocreaCommitment) c = g_list_model_get_item (self->commitment_list, i);
      g_autofree char *name = cocrea_text_first_line (cocrea_commitment_get_name (c), 40);
      g_autofree char *label = g_strdup_printf ("%d. %s", cocrea_commitment_get_position (c), name);

      if (cocrea_commitment_get_id (c) == commitment_id)
        row = i;
      g_ptr_array_add (choices, cocrea_choice_new (cocrea_commitment_get_id (c), label));
    }
  g_list_store_splice (self->commitments, 0, 0, choices->pdata, choices->len);
  adw_combo_row_set_model (self->commitment_row, G_LIST_MODEL (self->commitments));
  adw_combo_row_set_selected (self->commitment_row, row);
  commitment_chosen_cb (self);
  return self;
}
