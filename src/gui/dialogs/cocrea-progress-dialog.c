/* cocrea-progress-dialog.c — records where a milestone of the plan stands
 *
 * Status, the day it was seen (today unless told) and the evidence, with
 * the milestone's earlier records below for the forum to compare. The
 * core checks the record; a refusal is shown under the field at fault
 * and everything typed stays in the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-error.h"
#include "cocrea-fit-screen.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-progress-dialog.h"
#include "cocrea-stage.h"
#include "cocrea-undo.h"

struct _CocreaProgressDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  gint64 milestone_id;

  /* template children */
  AdwPreferencesGroup *milestone_group;
  AdwComboRow *status_row;
  AdwEntryRow *date_row;
  GtkLabel *date_error;
  GtkTextView *evidence_view;
  GtkLabel *evidence_error;
  GtkLabel *error_label;
  GtkLabel *history_empty;
  GtkWidget *history_scroller;
  GtkListView *history_view;
};

G_DEFINE_FINAL_TYPE (CocreaProgressDialog, cocrea_progress_dialog, ADW_TYPE_WINDOW)

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

static void
clear_errors (CocreaProgressDialog *self)
{
  show_message (self->date_error, NULL);
  show_message (self->evidence_error, NULL);
  show_message (self->error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
changed_cb (CocreaProgressDialog *self)
{
  clear_errors (self);
}

static void
activated_cb (CocreaProgressDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static char *
get_evidence (CocreaProgressDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->evidence_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * cocrea_progress_dialog_save:
 * Records the dialog's status, day and evidence for its milestone and
 * closes the dialog, emitting "saved" with the undo record and the new
 * record's id. On failure the dialog stays, with what was typed kept and
 * the message under the field at fault; @error says why.
 */
gboolean
cocrea_progress_dialog_save (CocreaProgressDialog *self, GError **error)
{
  g_autofree char *evidence = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) local_error = NULL;
  CocreaProgress status;
  const char *date;
  gint64 id = 0;

  g_return_val_if_fail (COCREA_IS_PROGRESS_DIALOG (self), FALSE);

  clear_errors (self);
  status = (CocreaProgress) adw_combo_row_get_selected (self->status_row);
  date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  evidence = get_evidence (self);

  if (!cocrea_milestone_progress_record (self->document, self->milestone_id, status, date,
                                         evidence, &id, &undo, &local_error))
    {
      /* The core names the field in its message; which one it is follows
       * from its rules: only "done" needs evidence, and the day is the
       * only other field it checks. */
      trimmed = g_strstrip (g_strdup (evidence));
      if (!g_error_matches (local_error, COCREA_ERROR, COCREA_ERROR_INVALID))
        show_message (self->error_label, local_error->message);
      else if (status == COCREA_PROGRESS_DONE && *trimmed == '\0')
        {
          show_message (self->evidence_error, local_error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->evidence_view));
        }
      else
        {
          show_message (self->date_error, local_error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
        }
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

  /* The dialog itself shows the error under the field. */
  cocrea_progress_dialog_save (COCREA_PROGRESS_DIALOG (widget), &error);
}

static void
history_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *evidence = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (evidence), 0);
  gtk_label_set_wrap (GTK_LABEL (evidence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (evidence), PANGO_WRAP_WORD_CHAR);
  /* A long evidence text is read in full in the file, not here. */
  gtk_label_set_lines (GTK_LABEL (evidence), 3);
  gtk_label_set_ellipsize (GTK_LABEL (evidence), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (evidence, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), evidence);
  gtk_list_item_set_child (item, box);
}

static void
history_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CocreaProgressRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *evidence = gtk_widget_get_next_sibling (heading);
  g_autofree char *day = cocrea_format_partial_date (cocrea_progress_record_get_recorded_on (record));
  /* TRANSLATORS: an earlier progress record, "In progress · 31 January 2020" */
  g_autofree char *text = g_strdup_printf (_("%s · %s"),
                                           cocrea_progress_label (cocrea_progress_record_get_status (record)),
                                           day);
  const char *said = cocrea_progress_record_get_evidence (record);

  gtk_label_set_text (GTK_LABEL (heading), text);
  gtk_label_set_text (GTK_LABEL (evidence), said);
  gtk_widget_set_visible (evidence, *said != '\0');
}

static void
cocrea_progress_dialog_dispose (GObject *object)
{
  CocreaProgressDialog *self = COCREA_PROGRESS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PROGRESS_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_progress_dialog_parent_class)->dispose (object);
}

static void
cocrea_progress_dialog_class_init (CocreaProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_progress_dialog_dispose;

  /**
   * CocreaProgressDialog::saved:
   * @undo: takes the record back
   * @id: the new record's id
   * The progress is in the process; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, COCREA_TYPE_UNDO, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, milestone_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, evidence_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, history_empty);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, history_scroller);
  gtk_widget_class_bind_template_child (widget_class, CocreaProgressDialog, history_view);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_bind_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
cocrea_progress_dialog_init (CocreaProgressDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = cocrea_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_dialog_open_on (GTK_WINDOW (self), GTK_WIDGET (self->status_row));

  /* In the order of CocreaProgress. */
  for (guint i = 0; i < COCREA_N_PROGRESS; i++)
    gtk_string_list_append (labels, cocrea_progress_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  g_signal_connect_object (gtk_text_view_get_buffer (self->evidence_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cocrea_progress_dialog_new:
 * A dialog recording progress for milestone @milestone_id of @document,
 * its status set to where the milestone stands now (in progress when it
 * has not started, the likeliest next record); NULL with @error set when
 * the milestone cannot be read.
 */
CocreaProgressDialog *
cocrea_progress_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 milestone_id,
                            GError **error)
{
  g_autoptr (CocreaMilestoneState) state = NULL;
  g_autoptr (GListModel) history = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;
  g_autofree char *title = NULL;
  CocreaProgressDialog *self;
  guint n;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  state = cocrea_milestone_progress_get_state (document, milestone_id, NULL, error);
  if (state == NULL)
    return NULL;
  history = cocrea_milestone_progress_list (document, milestone_id, error);
  if (history == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_PROGRESS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->milestone_id = milestone_id;

  /* TRANSLATORS: the heading of the progress dialog, "Milestone 1.3" */
  title = g_strdup_printf (_("Milestone %d.%d"), state->commitment_position, state->position);
  adw_preferences_group_set_title (self->milestone_group, title);
  adw_preferences_group_set_description (self->milestone_group, state->deliverable);
  adw_combo_row_set_selected (self->status_row, state->status == COCREA_PROGRESS_NOT_STARTED
                                                  ? COCREA_PROGRESS_IN_PROGRESS
                                                  : state->status);

  n = g_list_model_get_n_items (history);
  selection = gtk_no_selection_new (g_object_ref (history));
  gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (GTK_WIDGET (self->history_empty), n == 0);
  gtk_widget_set_visible (self->history_scroller, n > 0);
  clear_errors (self);
  return self;
}
