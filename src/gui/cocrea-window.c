/* cocrea-window.c — a window: the start page, or one process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-window.h"
#include "cocrea-access.h"
#include "cocrea-new-process-dialog.h"
#include "cocrea-history-window.h"
#include "cocrea-plenary-window.h"
#include "cocrea-process-settings-dialog.h"
#include "cocrea-process-view.h"
#include "cocrea-start-page.h"

struct _CocreaWindow
{
  AdwApplicationWindow parent_instance;

  CocreaDocument *document;
  gulong changed_id;
  /* Created when a process is first shown: a window that shows only the
   * start page never builds the pages of a process. */
  CocreaProcessView *process_view;
  /* The file being opened in a thread (cocrea_window_begin_open), and
   * what stops that opening from being shown. */
  char *opening_path;
  GCancellable *opening;

  /* template children */
  GtkWidget *back_button;
  AdwWindowTitle *window_title;
  GtkMenuButton *menu_button;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  CocreaStartPage *start_page;
  AdwStatusPage *loading_page;
  GtkSpinner *loading_spinner;
};

G_DEFINE_FINAL_TYPE (CocreaWindow, cocrea_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (CocreaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return COCREA_IS_APPLICATION (app) ? cocrea_application_get_settings (COCREA_APPLICATION (app)) : NULL;
}

void
cocrea_window_add_toast (CocreaWindow *self, const char *text)
{
  g_return_if_fail (COCREA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/**
 * cocrea_window_show_error:
 * Tells the user what went wrong, in a message dialog over this window.
 */
void
cocrea_window_show_error (CocreaWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (COCREA_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_title (CocreaWindow *self)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Cocrea"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Cocrea"));
      return;
    }

  info = cocrea_document_get_process (self->document, &error);
  if (info == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  adw_window_title_set_title (self->window_title, info->title);
  adw_window_title_set_subtitle (self->window_title, info->municipality);
  gtk_window_set_title (GTK_WINDOW (self), info->title);
}

static void
update_back_button (CocreaWindow *self)
{
  gboolean in_process = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "process") == 0;
  gboolean can_go_back = FALSE;

  if (self->process_view != NULL)
    g_object_get (self->process_view, "can-go-back", &can_go_back, NULL);
  gtk_widget_set_visible (self->back_button, in_process && can_go_back);
}

static void
document_changed_cb (CocreaWindow *self)
{
  update_title (self);
}

CocreaDocument *
cocrea_window_get_document (CocreaWindow *self)
{
  g_return_val_if_fail (COCREA_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * cocrea_window_is_settled:
 * TRUE when the window shows what it was asked to: the start page, or the
 * page in sight of a process, read from the file; FALSE while a file is
 * being opened.
 */
gboolean
cocrea_window_is_settled (CocreaWindow *self)
{
  const char *shown;

  g_return_val_if_fail (COCREA_IS_WINDOW (self), FALSE);

  shown = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (shown, "loading") == 0)
    return FALSE;
  if (g_strcmp0 (shown, "process") != 0)
    return TRUE;
  return cocrea_process_view_is_current (self->process_view);
}

/**
 * cocrea_window_show_page:
 * Shows the page called @name ("merge"...) of the process shown; does
 * nothing on the start page.
 */
void
cocrea_window_show_page (CocreaWindow *self, const char *name)
{
  g_return_if_fail (COCREA_IS_WINDOW (self));

  if (self->process_view != NULL && self->document != NULL)
    cocrea_process_view_show_page (self->process_view, name);
}

/**
 * cocrea_window_get_path:
 * The file of the process shown, or of the one being opened here; %NULL
 * on the start page.
 */
const char *
cocrea_window_get_path (CocreaWindow *self)
{
  g_return_val_if_fail (COCREA_IS_WINDOW (self), NULL);

  if (self->opening_path != NULL)
    return self->opening_path;
  return self->document != NULL ? cocrea_document_get_path (self->document) : NULL;
}

static void
ensure_process_view (CocreaWindow *self)
{
  if (self->process_view != NULL)
    return;

  self->process_view = g_object_new (COCREA_TYPE_PROCESS_VIEW, NULL);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->process_view), "process");
  /* Done for the window when it was shown; the view comes later. */
  cocrea_access_install_all (GTK_WIDGET (self->process_view));
  g_signal_connect_object (self->process_view, "notify::can-go-back",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
}

/* Forgets an opening under way: its result, when it comes, is let go. */
static void
stop_opening (CocreaWindow *self)
{
  if (self->opening == NULL)
    return;
  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  g_clear_pointer (&self->opening_path, g_free);
  gtk_spinner_stop (self->loading_spinner);
}

/**
 * cocrea_window_set_document:
 * Shows @document in this window, in place of the start page, and
 * remembers it among the recent processes.
 */
void
cocrea_window_set_document (CocreaWindow *self, CocreaDocument *document)
{
  GtkApplication *app;
  gboolean writable;

  g_return_if_fail (COCREA_IS_WINDOW (self));
  g_return_if_fail (document == NULL || COCREA_IS_DOCUMENT (document));

  stop_opening (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);

  g_set_object (&self->document, document);

  if (document != NULL)
    self->changed_id = g_signal_connect_object (document, "changed",
                                                G_CALLBACK (document_changed_cb), self,
                                                G_CONNECT_SWAPPED);

  if (document != NULL)
    ensure_process_view (self);
  if (self->process_view != NULL)
    cocrea_process_view_set_document (self->process_view, document);
  gtk_stack_set_visible_child_name (self->stack, document != NULL ? "process" : "start");

  writable = document != NULL && !cocrea_document_is_read_only (document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.process-settings", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.projector", document != NULL);

  update_title (self);
  update_back_button (self);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (document != NULL && COCREA_IS_APPLICATION (app))
    cocrea_application_add_recent (COCREA_APPLICATION (app), cocrea_document_get_path (document));
}

/**
 * cocrea_window_open_path:
 * Opens the process at @path here. A file another Cocrea holds opens
 * read-only; any other failure is shown in a dialog and the window keeps
 * what it showed. Returns whether the process is now shown.
 */
gboolean
cocrea_window_open_path (CocreaWindow *self, const char *path)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (COCREA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = cocrea_document_open (path, COCREA_OPEN_FALLBACK_READ_ONLY, &error);
  if (document == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      cocrea_window_show_error (self, heading, error);
      return FALSE;
    }

  cocrea_window_set_document (self, document);
  return TRUE;
}

static void
open_in_thread (GTask *task, gpointer source, gpointer path, GCancellable *cancellable)
{
  GError *error = NULL;
  CocreaDocument *document = cocrea_document_open (path, COCREA_OPEN_FALLBACK_READ_ONLY, &error);

  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  CocreaWindow *self = COCREA_WINDOW (source);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  /* Cancelled: another opening, another document or the window's end
   * came first; the file is let go (and unlocked) with the task. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  path = g_steal_pointer (&self->opening_path);
  stop_opening (self);
  if (document == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      gtk_stack_set_visible_child_name (self->stack, self->document != NULL ? "process" : "start");
      cocrea_window_show_error (self, heading, error);
      return;
    }
  cocrea_window_set_document (self, document);
}

/**
 * cocrea_window_begin_open:
 * Opens the process at @path here without making the window wait: it
 * shows that the file is being opened while a thread opens it, which
 * runs every check (cocrea_document_open()) before anything reads the
 * file, and then shows the process. A file another Cocrea holds opens
 * read-only; a file refused is said in a dialog and the window goes back
 * to what it showed. A later opening or document replaces this one.
 */
void
cocrea_window_begin_open (CocreaWindow *self, const char *path)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (COCREA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  stop_opening (self);
  self->opening = g_cancellable_new ();
  self->opening_path = g_strdup (path);

  name = g_filename_display_basename (path);
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (self, self->opening, opened_cb, NULL);
  g_task_set_source_tag (task, cocrea_window_begin_open);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

static void
process_created_cb (CocreaWindow *self, CocreaDocument *document)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (COCREA_IS_APPLICATION (app))
    cocrea_application_show_document (COCREA_APPLICATION (app), document);
  else
    cocrea_window_set_document (self, document);
}

void
cocrea_window_new_process (CocreaWindow *self)
{
  CocreaNewProcessDialog *dialog;

  g_return_if_fail (COCREA_IS_WINDOW (self));

  dialog = cocrea_new_process_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (process_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_copy_response_cb (GtkNativeDialog *native, int response, gpointer user_data)
{
  g_autoptr (CocreaWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path != NULL && cocrea_document_save_copy (self->document, path, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *text = g_strdup_printf (_("Saved a copy as “%s”"), name);
          AdwToast *toast = adw_toast_new (text);

          adw_toast_set_button_label (toast, _("_Open"));
          adw_toast_set_action_name (toast, "app.open-path");
          adw_toast_set_action_target_value (toast, g_variant_new_string (path));
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      else if (path != NULL)
        cocrea_window_show_error (self, _("Could Not Save a Copy"), error);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
save_copy_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaWindow *self = COCREA_WINDOW (widget);
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;

  if (self->document == NULL)
    return;

  info = cocrea_document_get_process (self->document, NULL);
  /* TRANSLATORS: suggested file name of a copy; %s is the process title */
  suggested = g_strdup_printf (_("%s (copy).cocrea"), info != NULL ? info->title : _("Process"));
  g_strdelimit (suggested, "/", '-');

  native = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  g_signal_connect (native, "response", G_CALLBACK (save_copy_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
settings_saved_cb (CocreaWindow *self)
{
  cocrea_window_add_toast (self, _("Process settings saved"));
}

static void
process_settings_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaWindow *self = COCREA_WINDOW (widget);
  CocreaProcessSettingsDialog *dialog;
  g_autoptr (GError) error = NULL;

  if (self->document == NULL)
    return;

  dialog = cocrea_process_settings_dialog_new (GTK_WINDOW (self), self->document, &error);
  if (dialog == NULL)
    {
      cocrea_window_show_error (self, _("Could Not Read the Process Settings"), error);
      return;
    }

  g_signal_connect_object (dialog, "saved", G_CALLBACK (settings_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.history: who did what in the process, and when. */
static void
history_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaWindow *self = COCREA_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (cocrea_history_window_new (GTK_WINDOW (self), self->document)));
}

/* win.projector (F5): the live tally, full screen, for the room. It opens
 * the file again read-only, so this window keeps writing. */
static void
projector_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaWindow *self = COCREA_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GError) error = NULL;
  CocreaPlenaryWindow *plenary;

  if (self->document == NULL || app == NULL)
    return;
  plenary = cocrea_plenary_window_new (app, cocrea_document_get_path (self->document), &error);
  if (plenary == NULL)
    {
      cocrea_window_show_error (self, _("Could Not Open the Projector View"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (plenary));
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaWindow *self = COCREA_WINDOW (widget);

  if (self->process_view != NULL)
    cocrea_process_view_go_back (self->process_view);
}

/* win.undo-page and win.redo-page: Ctrl+Z and Ctrl+Shift+Z outside the
 * page (the focus in the header bar) act on the page shown. Keys pressed
 * in the page reach the page's own shortcuts first. */
static void
undo_page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaWindow *self = COCREA_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "process") == 0)
    cocrea_process_view_undo (self->process_view, g_str_equal (action_name, "win.redo-page"));
}

/* win.toast: what a page or dialog says in passing, in the window's
 * toasts. Widgets inside the window reach it through this action rather
 * than by knowing the window's type. */
static void
toast_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  cocrea_window_add_toast (COCREA_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* win.show-error: (heading, message) of something that failed, in a
 * message dialog over the window, as cocrea_window_show_error(). */
static void
show_error_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;
  const char *heading;
  const char *message;

  g_variant_get (param, "(&s&s)", &heading, &message);
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);
  cocrea_window_show_error (COCREA_WINDOW (widget), heading, error);
}

static gboolean
cocrea_window_close_request (GtkWindow *window)
{
  CocreaWindow *self = COCREA_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (cocrea_window_parent_class)->close_request (window);
}

/* Only known once the window belongs to the application. */
static void
restore_size (CocreaWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
cocrea_window_dispose (GObject *object)
{
  CocreaWindow *self = COCREA_WINDOW (object);

  stop_opening (self);
  self->process_view = NULL; /* the stack's child, which goes with it */
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_WINDOW);

  G_OBJECT_CLASS (cocrea_window_parent_class)->dispose (object);
}

static void
cocrea_window_class_init (CocreaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cocrea_window_dispose;
  window_class->close_request = cocrea_window_close_request;

  g_type_ensure (COCREA_TYPE_START_PAGE);
  g_type_ensure (COCREA_TYPE_PROCESS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/cocrea/Cocrea/cocrea-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CocreaWindow, loading_spinner);

  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.process-settings", NULL,
                                   process_settings_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.projector", NULL, projector_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.undo-page", NULL, undo_page_action);
  gtk_widget_class_install_action (widget_class, "win.redo-page", NULL, undo_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo-page", NULL);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-error", "(ss)", show_error_action);
}

static void
cocrea_window_init (CocreaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.process-settings", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.projector", FALSE);
}

CocreaWindow *
cocrea_window_new (CocreaApplication *application)
{
  CocreaWindow *self = g_object_new (COCREA_TYPE_WINDOW, "application", application, NULL);

  restore_size (self);
  return self;
}
