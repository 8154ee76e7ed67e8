/* cocrea-comment-dialog.c — records or edits a comment of the public consultation
 *
 * What the comment is about (a commitment or the plan as a whole), how it
 * arrived, who made it, when, and what it says. What was typed stays in
 * the dialog until it is saved: a refused value is marked and explained
 * under the fields, nothing is lost. The answer is given elsewhere
 * (CocreaResponseDialog): an edit here keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-choice.h"
#include "cocrea-comment-dialog.h"
#include "cocrea-commitment.h"
#include "cocrea-consultation.h"
#include "cocrea-error.h"
#include "cocrea-page.h"
#include "cocrea-undo.h"

struct _CocreaCommentDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  gint64 comment_id;      /* 0 for a new one */

  /* template children */
  AdwComboRow *commitment_row;
  AdwComboRow *channel_row;
  AdwEntryRow *author_row;
  AdwEntryRow *received_row;
  GtkWidget *text_frame;
  GtkTextView *text_view;
  GtkLabel *fields_error; /* under the rows above */
  GtkLabel *text_error;   /* under the text */
};

G_DEFINE_FINAL_TYPE (CocreaCommentDialog, cocrea_comment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
typed_text (CocreaCommentDialog *self)
{
  char *text = NULL;

  g_object_get (gtk_text_view_get_buffer (self->text_view), "text", &text, NULL);
  return text;
}

static void
clear_errors (CocreaCommentDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->fields_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->text_error), FALSE);
  cocrea_mark_invalid (GTK_WIDGET (self->commitment_row), FALSE);
  cocrea_mark_invalid (GTK_WIDGET (self->received_row), FALSE);
  cocrea_mark_invalid (self->text_frame, FALSE);
}

/* Save is offered once there is something to save: a comment is what the
 * person said. */
static void
changed_cb (CocreaCommentDialog *self)
{
  g_autofree char *text = typed_text (self);

  clear_errors (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", *g_strstrip (text) != '\0');
}

static void
activated_cb (CocreaCommentDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/**
 * cocrea_comment_dialog_save:
 * Records the comment, or rewrites it, with the dialog's values and
 * closes the dialog, emitting "saved" with the undo record and the
 * comment's id. On failure the dialog stays, with the values kept and
 * the field at fault marked; @error says why.
 */
gboolean
cocrea_comment_dialog_save (CocreaCommentDialog *self, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) local_error = NULL;
  CocreaCommentFields fields = { 0 };
  gint64 id = self->comment_id;
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_COMMENT_DIALOG (self), FALSE);

  clear_errors (self);
  text = typed_text (self);
  /* A CocreaChoice per commitment, and 0 for the plan as a whole. */
  fields.commitment_id = cocrea_choice_id_at (adw_combo_row_get_model (self->commitment_row),
                                              adw_combo_row_get_selected (self->commitment_row), 0);
  fields.channel = adw_combo_row_get_selected (self->channel_row);
  fields.author = gtk_editable_get_text (GTK_EDITABLE (self->author_row));
  fields.received_on = gtk_editable_get_text (GTK_EDITABLE (self->received_row));
  fields.text = text;

  if (id == 0)
    ok = cocrea_consultation_add_comment (self->document, &fields, &id, &undo, &local_error);
  else
    ok = cocrea_consultation_update_comment (self->document, id, &fields, &undo, &local_error);

  if (!ok)
    {
      GtkLabel *message = self->fields_error;

      /* The core names the field in its message; mark the one it means:
       * an unknown commitment, an empty text, else the day received (the
       * only other value it checks), and say why under it. */
      if (g_error_matches (local_error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND))
        cocrea_mark_invalid (GTK_WIDGET (self->commitment_row), TRUE);
      else if (*g_strstrip (text) == '\0')
        {
          cocrea_mark_invalid (self->text_frame, TRUE);
          message = self->text_error;
        }
      else if (g_error_matches (local_error, COCREA_ERROR, COCREA_ERROR_INVALID))
        cocrea_mark_invalid (GTK_WIDGET (self->received_row), TRUE);
      gtk_label_set_text (message, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (message), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, undo, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  /* The dialog itself shows the error under the fields. */
  cocrea_comment_dialog_save (COCREA_COMMENT_DIALOG (widget), &error);
}

static void
cocrea_comment_dialog_dispose (GObject *object)
{
  CocreaCommentDialog *self = COCREA_COMMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_COMMENT_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_comment_dialog_parent_class)->dispose (object);
}

static void
cocrea_comment_dialog_class_init (CocreaCommentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_comment_dialog_dispose;

  /**
   * CocreaCommentDialog::saved:
   * @undo: takes the edit back
   * @id: the comment's id
   * The comment is in the process; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, COCREA_TYPE_UNDO, G_TYPE_INT64);

  g_type_ensure (COCREA_TYPE_CHOICE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-comment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, commitment_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, text_frame);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, fields_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommentDialog, text_error);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
cocrea_comment_dialog_init (CocreaCommentDialog *self)
{
  g_autoptr (GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of CocreaChannel. */
  for (guint i = 0; i < COCREA_N_CHANNELS; i++)
    gtk_string_list_append (channels, cocrea_channel_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
}

/* Offers the plan as a whole and each commitment, "2. Name", and chooses
 * @chosen_id. */
static gboolean
fill_commitments (CocreaCommentDialog *self, gint64 chosen_id, GError **error)
{
  g_autoptr (GListModel) commitments = cocrea_commitment_list (self->document, error);
  g_autoptr (GListStore) choices = g_list_store_new (COCREA_TYPE_CHOICE);
  g_autoptr (CocreaChoice) none = NULL;
  guint chosen = 0;

  if (commitments == NULL)
    return FALSE;
  none = cocrea_choice_new (0, _("The plan as a whole"));
  g_list_store_append (choices, none);
  for (guint i = 0; i < g_list_model_get_n_items (commitments); i++)
    {
      g_autoptr (CocreaCommitment) commitment = g_list_model_get_item (commitments, i);
      gint64 id = cocrea_commitment_get_id (commitment);
      g_autofree char *label = g_strdup_printf ("%d. %s", cocrea_commitment_get_position (commitment),
                                                cocrea_commitment_get_name (commitment));
      g_autoptr (CocreaChoice) choice = cocrea_choice_new (id, label);

      if (id == chosen_id)
        chosen = g_list_model_get_n_items (G_LIST_MODEL (choices));
      g_list_store_append (choices, choice);
    }
  adw_combo_row_set_model (self->commitment_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->commitment_row, chosen);
  return TRUE;
}

/**
 * cocrea_comment_dialog_new:
 * A dialog for comment @comment_id of @document, or for a new one about
 * commitment @commitment_id (0: the plan as a whole) when @comment_id is
 * 0; NULL with @error set when the comment or the plan cannot be read.
 */
CocreaCommentDialog *
cocrea_comment_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 comment_id,
                           gint64 commitment_id, GError **error)
{
  g_autoptr (CocreaConsultationComment) comment = NULL;
  CocreaCommentDialog *self;
  CocreaCommentFields fields = { .commitment_id = commitment_id };

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (comment_id != 0)
    {
      comment = cocrea_consultation_lookup_comment (document, comment_id, error);
      if (comment == NULL)
        return NULL;
      cocrea_consultation_comment_get_fields (comment, &fields);
    }

  self = g_object_new (COCREA_TYPE_COMMENT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->comment_id = comment_id;
  if (!fill_commitments (self, fields.commitment_id, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  gtk_window_set_title (GTK_WINDOW (self), comment == NULL ? _("New Comment") : _("Edit Comment"));
  if (comment != NULL)
    {
      adw_combo_row_set_selected (self->channel_row, fields.channel);
      gtk_editable_set_text (GTK_EDITABLE (self->author_row), fields.author != NULL ? fields.author : "");
      gtk_editable_set_text (GTK_EDITABLE (self->received_row),
                             fields.received_on != NULL ? fields.received_on : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), fields.text, -1);
    }
  clear_errors (self);
  return self;
}
