/* cocrea-response-dialog.c — answers a comment of the public consultation
 *
 * Shows the comment, and takes the answer (accepted, partly accepted,
 * not accepted, pending) and its reason: the OGP reasoned response. The
 * core refuses a partial or negative answer without a reason; the dialog
 * says so as soon as such an answer is chosen, before any saving, and
 * when a save is refused everything chosen and typed stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-consultation.h"
#include "cocrea-fit-screen.h"
#include "cocrea-page.h"
#include "cocrea-response-dialog.h"
#include "cocrea-stage.h"
#include "cocrea-undo.h"

/* The rows of the answer, in the order people weigh them. */
static const CocreaResponse row_responses[] = {
  COCREA_RESPONSE_ACCEPTED,
  COCREA_RESPONSE_PARTLY,
  COCREA_RESPONSE_NOT_ACCEPTED,
  COCREA_RESPONSE_PENDING,
};

G_STATIC_ASSERT (G_N_ELEMENTS (row_responses) == COCREA_N_RESPONSES);

struct _CocreaResponseDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  gint64 comment_id;

  /* template children */
  AdwPreferencesGroup *comment_group;
  GtkLabel *comment_label;
  AdwComboRow *response_row;
  GtkWidget *reason_frame;
  GtkTextView *reason_view;
  GtkLabel *rule_label;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaResponseDialog, cocrea_response_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
needs_reason (CocreaResponse response)
{
  return response == COCREA_RESPONSE_PARTLY || response == COCREA_RESPONSE_NOT_ACCEPTED;
}

/* The frame turns red; the text inside is what a screen reader reports. */
static void
mark_reason (CocreaResponseDialog *self, gboolean wrong)
{
  cocrea_mark_invalid (self->reason_frame, wrong);
  cocrea_mark_invalid (GTK_WIDGET (self->reason_view), wrong);
}

/* The rule shows, and a screen reader hears the reason is required, as
 * soon as an answer that needs one is chosen. */
static void
changed_cb (CocreaResponseDialog *self)
{
  gboolean required = needs_reason (cocrea_response_dialog_get_response (self));

  gtk_widget_set_visible (GTK_WIDGET (self->rule_label), required);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_view),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  mark_reason (self, FALSE);
}

CocreaResponse
cocrea_response_dialog_get_response (CocreaResponseDialog *self)
{
  guint row;

  g_return_val_if_fail (COCREA_IS_RESPONSE_DIALOG (self), COCREA_RESPONSE_PENDING);

  row = adw_combo_row_get_selected (self->response_row);
  return row < G_N_ELEMENTS (row_responses) ? row_responses[row] : COCREA_RESPONSE_PENDING;
}

void
cocrea_response_dialog_set_response (CocreaResponseDialog *self, CocreaResponse response)
{
  g_return_if_fail (COCREA_IS_RESPONSE_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (row_responses); i++)
    if (row_responses[i] == response)
      adw_combo_row_set_selected (self->response_row, i);
}

/**
 * cocrea_response_dialog_save:
 * Records the chosen answer and reason and closes the dialog, emitting
 * "saved" with the undo record and the comment's id. On failure the
 * dialog stays, with the answer and the reason kept and the reason
 * marked; @error says why.
 */
gboolean
cocrea_response_dialog_save (CocreaResponseDialog *self, GError **error)
{
  g_autofree char *reason = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (COCREA_IS_RESPONSE_DIALOG (self), FALSE);

  g_object_get (gtk_text_view_get_buffer (self->reason_view), "text", &reason, NULL);
  if (!cocrea_consultation_respond (self->document, self->comment_id,
                                    cocrea_response_dialog_get_response (self), reason, &undo,
                                    &local_error))
    {
      mark_reason (self, needs_reason (cocrea_response_dialog_get_response (self)));
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      /* Where the missing reason is to be typed, for the keyboard and
       * the screen reader alike. */
      if (needs_reason (cocrea_response_dialog_get_response (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));
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

  /* The dialog itself shows the error under the reason. */
  cocrea_response_dialog_save (COCREA_RESPONSE_DIALOG (widget), &error);
}

static void
cocrea_response_dialog_dispose (GObject *object)
{
  CocreaResponseDialog *self = COCREA_RESPONSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_RESPONSE_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_response_dialog_parent_class)->dispose (object);
}

static void
cocrea_response_dialog_class_init (CocreaResponseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_response_dialog_dispose;

  /**
   * CocreaResponseDialog::saved:
   * @undo: takes the answer back
   * @id: the comment's id
   * The answer is in the process; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, COCREA_TYPE_UNDO, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-response-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaResponseDialog, comment_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaResponseDialog, comment_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaResponseDialog, response_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaResponseDialog, reason_frame);
  gtk_widget_class_bind_template_child (widget_class, CocreaResponseDialog, reason_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaResponseDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaResponseDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
cocrea_response_dialog_init (CocreaResponseDialog *self)
{
  g_autoptr (GtkStringList) responses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_dialog_open_on (GTK_WINDOW (self), GTK_WIDGET (self->response_row));

  for (guint i = 0; i < G_N_ELEMENTS (row_responses); i++)
    gtk_string_list_append (responses, cocrea_response_label (row_responses[i]));
  adw_combo_row_set_model (self->response_row, G_LIST_MODEL (responses));
  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cocrea_comment_describe:
 * Where @comment came from, for a dialog's heading: "2. Name · Email ·
 * Carolina Muñoz · 10 December 2019".
 */
char *
cocrea_comment_describe (CocreaConsultationComment *comment)
{
  GString *text = g_string_new (NULL);
  int position = cocrea_consultation_comment_get_commitment_position (comment);
  const char *author = cocrea_consultation_comment_get_author (comment);
  const char *received = cocrea_consultation_comment_get_received_on (comment);

  if (position > 0)
    g_string_append_printf (text, "%d. %s", position,
                            cocrea_consultation_comment_get_commitment_name (comment));
  else
    g_string_append (text, _("The plan as a whole"));
  g_string_append_printf (text, " · %s",
                          cocrea_channel_label (cocrea_consultation_comment_get_channel (comment)));
  if (author != NULL && *author != '\0')
    g_string_append_printf (text, " · %s", author);
  if (received != NULL)
    {
      g_autofree char *day = cocrea_format_partial_date (received);

      g_string_append_printf (text, " · %s", day);
    }
  return g_string_free (text, FALSE);
}

/**
 * cocrea_response_dialog_new:
 * A dialog that answers comment @comment_id of @document, showing its
 * answer and reason so far; NULL with @error set when the comment cannot
 * be read.
 */
CocreaResponseDialog *
cocrea_response_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 comment_id,
                            GError **error)
{
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autofree char *where = NULL;
  CocreaResponseDialog *self;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  comment = cocrea_consultation_lookup_comment (document, comment_id, error);
  if (comment == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_RESPONSE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->comment_id = comment_id;

  where = cocrea_comment_describe (comment);
  adw_preferences_group_set_description (self->comment_group, where);
  gtk_label_set_text (self->comment_label, cocrea_consultation_comment_get_text (comment));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view),
                            cocrea_consultation_comment_get_response_reason (comment), -1);
  cocrea_response_dialog_set_response (self, cocrea_consultation_comment_get_response (comment));
  changed_cb (self);
  return self;
}
