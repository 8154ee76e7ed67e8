/* cocrea-new-process-dialog.c — asks what a new process is called, then where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-fit-screen.h"
#include "cocrea-new-process-dialog.h"

struct _CocreaNewProcessDialog
{
  AdwWindow parent_instance;

  /* template children */
  GtkWidget *create_button;
  AdwEntryRow *title_row;
  AdwEntryRow *municipality_row;
  AdwEntryRow *period_row;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaNewProcessDialog, cocrea_new_process_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (CocreaNewProcessDialog *self, GtkWidget *row, const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
clear_error (CocreaNewProcessDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_row), "error");
}

static void
entry_changed_cb (CocreaNewProcessDialog *self)
{
  g_autofree char *title = get_text (self->title_row);
  g_autofree char *municipality = get_text (self->municipality_row);

  clear_error (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 *title != '\0' && *municipality != '\0');
}

static void
entry_activated_cb (CocreaNewProcessDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

/* Reads the period; an empty one is allowed and stays unknown (0). */
static gboolean
parse_period (CocreaNewProcessDialog *self, int *start, int *end, GError **error)
{
  g_autofree char *period = get_text (self->period_row);

  *start = *end = 0;
  if (*period == '\0')
    return TRUE;

  return cocrea_parse_period (period, start, end, error);
}

/**
 * cocrea_new_process_dialog_create_at:
 * Creates the process the dialog describes in a new file at @path, emits
 * CocreaNewProcessDialog::created and closes the dialog. On failure the
 * dialog stays, with what the user typed, and @error says why.
 * Returns: (transfer full) (nullable): the new document
 */
CocreaDocument *
cocrea_new_process_dialog_create_at (CocreaNewProcessDialog *self, const char *path,
                                     GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *municipality = NULL;
  g_autoptr (CocreaDocument) document = NULL;
  int start, end;

  g_return_val_if_fail (COCREA_IS_NEW_PROCESS_DIALOG (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!parse_period (self, &start, &end, error))
    return NULL;

  title = get_text (self->title_row);
  municipality = get_text (self->municipality_row);
  document = cocrea_document_create (path, title, municipality, start, end, error);
  if (document == NULL)
    return NULL;

  g_signal_emit (self, signals[CREATED], 0, document);
  gtk_window_close (GTK_WINDOW (self));

  return g_steal_pointer (&document);
}

static void
save_response_cb (GtkNativeDialog *native, int response, gpointer user_data)
{
  g_autoptr (CocreaNewProcessDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *path = NULL;
      g_autoptr (CocreaDocument) document = NULL;
      g_autoptr (GError) error = NULL;

      if (chosen != NULL)
        {
          /* The suffix lets the file manager know the file is a process. */
          path = g_str_has_suffix (chosen, ".cocrea") ? g_strdup (chosen)
                                                      : g_strconcat (chosen, ".cocrea", NULL);
          document = cocrea_new_process_dialog_create_at (self, path, &error);
          if (document == NULL)
            show_error (self, NULL, error);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
create_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaNewProcessDialog *self = COCREA_NEW_PROCESS_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = get_text (self->title_row);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;
  int start, end;

  if (!parse_period (self, &start, &end, &error))
    {
      show_error (self, GTK_WIDGET (self->period_row), error);
      return;
    }

  suggested = g_strconcat (title, ".cocrea", NULL);
  g_strdelimit (suggested, "/", '-');

  native = gtk_file_chooser_native_new (_("Save the New Process"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
cocrea_new_process_dialog_class_init (CocreaNewProcessDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * CocreaNewProcessDialog::created:
   * @document: the new process, open and writable
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, COCREA_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-new-process-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaNewProcessDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaNewProcessDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaNewProcessDialog, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaNewProcessDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaNewProcessDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cocrea_new_process_dialog_init (CocreaNewProcessDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_dialog_open_on (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", FALSE);
}

CocreaNewProcessDialog *
cocrea_new_process_dialog_new (GtkWindow *parent)
{
  return g_object_new (COCREA_TYPE_NEW_PROCESS_DIALOG, "transient-for", parent, NULL);
}
