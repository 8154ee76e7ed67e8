/* cocrea-application.c — the application: windows, recent files, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <stdlib.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>

#include "cocrea-application.h"
#include "cocrea-access.h"
#include "cocrea-demo.h"
#include "cocrea-error.h"
#include "cocrea-plenary-window.h"
#include "cocrea-first-frame.h"
#include "cocrea-resources.h"
#include "cocrea-window.h"

#define MAX_RECENT 10

struct _CocreaApplication
{
  AdwApplication parent_instance;

  GSettings *settings; /* NULL when the schema is not installed */
  char *plenary_path;  /* `cocrea FILE --plenary`: the file, absolute */
};

G_DEFINE_FINAL_TYPE (CocreaApplication, cocrea_application, ADW_TYPE_APPLICATION)

/*
 * cocrea_same_file:
 * Whether two paths name the same file, following symbolic links and
 * "..". Paths that do not exist compare by their canonical spelling.
 */
gboolean
cocrea_same_file (const char *a, const char *b)
{
  g_autofree char *real_a = NULL;
  g_autofree char *real_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  real_a = realpath (a, NULL);
  real_b = realpath (b, NULL);
  if (real_a == NULL)
    real_a = g_canonicalize_filename (a, NULL);
  if (real_b == NULL)
    real_b = g_canonicalize_filename (b, NULL);

  return g_strcmp0 (real_a, real_b) == 0;
}

/*
 * cocrea_application_get_demo_path:
 * Where "Open the Demo" keeps its copy of the Renca 2019 process: in the
 * user's data folder, so edits to the demo survive a restart.
 */
char *
cocrea_application_get_demo_path (void)
{
  /* TRANSLATORS: file name of the demo process; keep the .cocrea suffix */
  return g_build_filename (g_get_user_data_dir (), "cocrea", _("Renca 2019 (demo).cocrea"), NULL);
}

/*
 * cocrea_application_ensure_demo:
 * Writes the demo process at @path unless a file is already there.
 * Returns FALSE with @error set when it cannot.
 */
gboolean
cocrea_application_ensure_demo (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) local_error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!cocrea_demo_write (path, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_IO,
                             _("The demo process is not available in this build"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * cocrea_settings_try_new:
 * The application's settings, or NULL when the schema is not installed:
 * an odd uninstalled run still works, it just forgets window sizes and
 * recent files.
 */
GSettings *
cocrea_settings_try_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, COCREA_APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Settings schema %s not found; settings are not kept", COCREA_APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

GSettings *
cocrea_application_get_settings (CocreaApplication *self)
{
  g_return_val_if_fail (COCREA_IS_APPLICATION (self), NULL);

  return self->settings;
}

static CocreaWindow *
find_window_for_path (CocreaApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (COCREA_IS_WINDOW (l->data) &&
          cocrea_same_file (cocrea_window_get_path (COCREA_WINDOW (l->data)), path))
        return COCREA_WINDOW (l->data);
    }

  return NULL;
}

/* A window to show a newly opened process in: the active one while it
 * still shows the start page, else a new one. */
static CocreaWindow *
get_free_window (CocreaApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (COCREA_IS_WINDOW (active) && cocrea_window_get_path (COCREA_WINDOW (active)) == NULL)
    return COCREA_WINDOW (active);

  return cocrea_window_new (self);
}

static CocreaWindow *
get_any_window (CocreaApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (COCREA_IS_WINDOW (active))
    return COCREA_WINDOW (active);

  return cocrea_window_new (self);
}

/* The window that shows @path, else a free one that opens it: at once
 * when @wait, else in a thread behind the window's "Opening…" page. */
static GtkWindow *
open_in_window (CocreaApplication *self, const char *path, gboolean wait)
{
  CocreaWindow *window = find_window_for_path (self, path);

  if (window == NULL)
    {
      window = get_free_window (self);
      gtk_window_present (GTK_WINDOW (window));
      if (wait)
        cocrea_window_open_path (window, path);
      else
        cocrea_window_begin_open (window, path);
    }
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/**
 * cocrea_application_open_path:
 * Opens the process at @path in a window, or presents the window that
 * already shows it. Failures are shown to the user in that window. The
 * process is shown when this returns (tests rely on it); what people ask
 * for goes through cocrea_application_begin_open(), which does not wait.
 * Returns: (transfer none): the window used
 */
GtkWindow *
cocrea_application_open_path (CocreaApplication *self, const char *path)
{
  g_return_val_if_fail (COCREA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return open_in_window (self, path, TRUE);
}

/**
 * cocrea_application_begin_open:
 * As cocrea_application_open_path(), but the window shows at once and
 * the file is opened (and checked) in a thread: what a person's request
 * does (cocrea_window_begin_open()).
 * Returns: (transfer none): the window used
 */
GtkWindow *
cocrea_application_begin_open (CocreaApplication *self, const char *path)
{
  g_return_val_if_fail (COCREA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return open_in_window (self, path, FALSE);
}

/**
 * cocrea_application_show_document:
 * Shows @document, already open (just created, for example), in a window.
 * Returns: (transfer none): the window used
 */
GtkWindow *
cocrea_application_show_document (CocreaApplication *self, CocreaDocument *document)
{
  CocreaWindow *window;

  g_return_val_if_fail (COCREA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  window = get_free_window (self);
  cocrea_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

void
cocrea_application_add_recent (CocreaApplication *self, const char *path)
{
  g_auto (GStrv) old = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) recent = NULL;
  g_autofree char *canonical = NULL;
  guint n = 1;

  g_return_if_fail (COCREA_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  canonical = realpath (path, NULL);
  if (canonical == NULL)
    canonical = g_canonicalize_filename (path, NULL);

  old = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, canonical);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (cocrea_same_file (old[i], canonical))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

static void
new_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CocreaApplication *self = user_data;
  CocreaWindow *window = get_any_window (self);

  gtk_window_present (GTK_WINDOW (window));
  cocrea_window_new_process (window);
}

static void
open_response_cb (GtkNativeDialog *native, int response, gpointer user_data)
{
  CocreaApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cocrea_application_begin_open (self, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static GtkFileFilter *
new_process_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Co-creation processes"));
  gtk_file_filter_add_mime_type (filter, "application/x-cocrea");
  gtk_file_filter_add_suffix (filter, "cocrea");

  return filter;
}

static void
open_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CocreaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr (GtkFileFilter) filter = new_process_filter ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open a Process"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_path_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  cocrea_application_begin_open (user_data, g_variant_get_string (param, NULL));
}

static void
open_demo (CocreaApplication *self)
{
  g_autofree char *path = cocrea_application_get_demo_path ();
  g_autoptr (GError) error = NULL;

  if (!cocrea_application_ensure_demo (path, &error))
    {
      CocreaWindow *window = get_any_window (self);

      gtk_window_present (GTK_WINDOW (window));
      cocrea_window_show_error (window, _("Could Not Open the Demo"), error);
      return;
    }

  cocrea_application_begin_open (self, path);
}

static void
open_demo_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  open_demo (user_data);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CocreaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;
  const char *developers[] = { _("The Cocrea contributors"), NULL };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Cocrea"),
                        "application-icon", COCREA_APPLICATION_ID,
                        "developer-name", _("The Cocrea contributors"),
                        "version", COCREA_VERSION,
                        "comments", _("Run an open-government co-creation process, from the "
                                      "first workshop to the published action plan."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The Shortcuts window is built the first time it is asked for, not with
 * every window as GtkApplication does with a gtk/help-overlay.ui: its
 * hundred labels were 5 % of the work before a window's first frame. */
static void
shortcuts_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CocreaApplication *self = user_data;
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (get_any_window (self));
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/cocrea/Cocrea/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (window));
  /* Presented, not only shown as win.show-help-overlay does: opened a
   * second time, it must come above the window again. */
  gtk_window_present (GTK_WINDOW (overlay));
}

/*
 * help_uri:
 * Where the user guide is: the installed one (help:org.cocrea.Cocrea, which
 * the help viewer looks up in the user's language), or, for a build run
 * from its folder, the pages main.c found there (COCREA_HELP_DIR).
 */
static char *
help_uri (void)
{
  const char *dir = g_getenv ("COCREA_HELP_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strconcat ("ghelp:", dir, NULL);
  return g_strdup ("help:" COCREA_APPLICATION_ID);
}

/* Says why the guide did not open; @error (may be NULL) gives the detail. */
static void
show_help_error (CocreaApplication *self, const GError *error)
{
  CocreaWindow *window = get_any_window (self);
  g_autoptr (GError) message = NULL;

  if (error == NULL)
    message = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   _("The guide opens in Help, GNOME’s help viewer, which is not "
                                     "installed on this computer. Install the “yelp” package "
                                     "(for example with “sudo apt install yelp”) and press F1 again."));
  else
    message = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The help viewer could not show the guide: %s"), error->message);

  gtk_window_present (GTK_WINDOW (window));
  cocrea_window_show_error (window, _("Could Not Open the Help"), message);
}

static void
help_shown_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CocreaApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_help_error (self, error);
}

static void
help_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CocreaApplication *self = user_data;
  CocreaWindow *window = get_any_window (self);
  g_autofree char *uri = help_uri ();
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  g_autoptr (GAppInfo) viewer = g_app_info_get_default_for_uri_scheme (scheme);

  /* Without a viewer GTK would only log a warning: say it to the user. */
  if (viewer == NULL)
    {
      show_help_error (self, NULL);
      return;
    }
  gtk_show_uri_full (GTK_WINDOW (window), uri, GDK_CURRENT_TIME, NULL, help_shown_cb,
                     g_object_ref (self));
}

/* Closes every window, then ends the application. Closing the process
 * windows first lets each store its size and release its file; any other
 * window left (a dialog) is destroyed so that nothing still holds a
 * document, whose lock file would otherwise stay behind. */
static void
quit_application (CocreaApplication *self)
{
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_autoptr (GList) left = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (COCREA_IS_WINDOW (l->data))
      gtk_window_close (l->data);
  left = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = left; l != NULL; l = l->next)
    gtk_window_destroy (l->data);

  g_application_quit (G_APPLICATION (self));
}

/* app.plenary (a path): the projector view of a process, opened
 * read-only in its own window; `cocrea FILE --plenary` sends it here. */
static void
plenary_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  CocreaApplication *self = user_data;
  const char *path = g_variant_get_string (param, NULL);
  g_autoptr (GError) error = NULL;
  CocreaPlenaryWindow *plenary;

  plenary = cocrea_plenary_window_new (GTK_APPLICATION (self), path, &error);
  if (plenary == NULL)
    {
      CocreaWindow *window = get_any_window (self);

      gtk_window_present (GTK_WINDOW (window));
      cocrea_window_show_error (window, _("Could Not Open the Projector View"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (plenary));
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  quit_application (COCREA_APPLICATION (user_data));
}

/* SIGTERM (a logout, `kill`), SIGINT (Ctrl+C in a terminal) and SIGHUP (the
 * terminal closed) end the application the way Ctrl+Q does, so the file is
 * closed cleanly and its lock file goes. Every edit is already in the file:
 * nothing needs saving. */
static gboolean
quit_on_signal (gpointer user_data)
{
  quit_application (COCREA_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-path", open_path_activated, "s" },
  { "open-demo", open_demo_activated },
  { "plenary", plenary_activated, "s" },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
  { "help", help_activated },
  { "quit", quit_activated },
};

/* COCREA_REPORT_FIRST_FRAME: the first window reports when it painted
 * (cocrea-first-frame.c). */
static void
window_added_cb (GtkApplication *app, GtkWindow *window)
{
  if (COCREA_IS_WINDOW (window) && cocrea_first_frame_wanted ())
    cocrea_first_frame_watch (COCREA_WINDOW (window));
}

static void
cocrea_application_startup (GApplication *app)
{
  CocreaApplication *self = COCREA_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  struct { const char *action; const char *accel; } accels[] = {
    { "app.new", "<Ctrl>n" },
    { "app.open", "<Ctrl>o" },
    { "app.quit", "<Ctrl>q" },
    { "app.shortcuts", "<Ctrl>question" },
    { "app.help", "F1" },
    { "win.save-copy", "<Ctrl><Shift>s" },
    { "win.close", "<Ctrl>w" },
    { "win.history", "<Ctrl>h" },
    { "win.projector", "F5" },
  };

  G_APPLICATION_CLASS (cocrea_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  cocrea_access_watch_toplevels ();
  g_unix_signal_add (SIGTERM, quit_on_signal, self);
  g_unix_signal_add (SIGINT, quit_on_signal, self);
  g_unix_signal_add (SIGHUP, quit_on_signal, self);
  if (cocrea_first_frame_wanted ())
    g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);

  /* Ctrl+? is app.shortcuts' (it builds the Shortcuts window first): no
   * gtk/help-overlay.ui gives win.show-help-overlay an accelerator. */
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      const char *one[] = { accels[i].accel, NULL };
      gtk_application_set_accels_for_action (gtk_app, accels[i].action, one);
    }
}

static void
cocrea_application_activate (GApplication *app)
{
  CocreaApplication *self = COCREA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cocrea_window_new (self));
  gtk_window_present (window);

  /* The README's run command shows the demo straight away. */
  if (g_strcmp0 (g_getenv ("COCREA_OPEN_DEMO"), "1") == 0)
    open_demo (self);
}

/* `cocrea FILE --plenary`: the view opens in the Cocrea already running,
 * if any (this process then ends at once), else here, before activate()
 * presents it. */
static int
cocrea_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  CocreaApplication *self = COCREA_APPLICATION (app);
  g_autoptr (GError) error = NULL;

  if (self->plenary_path == NULL)
    return -1;
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("cocrea: %s\n", error->message);
      return 1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (app), "plenary",
                                  g_variant_new_string (self->plenary_path));
  return g_application_get_is_remote (app) ? 0 : -1;
}

static void
cocrea_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  CocreaApplication *self = COCREA_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        cocrea_application_begin_open (self, path);
    }
}

static void
cocrea_application_dispose (GObject *object)
{
  CocreaApplication *self = COCREA_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->plenary_path, g_free);

  G_OBJECT_CLASS (cocrea_application_parent_class)->dispose (object);
}

static void
cocrea_application_class_init (CocreaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cocrea_application_dispose;
  app_class->startup = cocrea_application_startup;
  app_class->activate = cocrea_application_activate;
  app_class->open = cocrea_application_open;
  app_class->handle_local_options = cocrea_application_handle_local_options;

  /* Pulls the resource bundle out of the static library, for test programs
   * that do not compile it in themselves. */
  g_assert (cocrea_get_resource () != NULL);
}

static void
cocrea_application_init (CocreaApplication *self)
{
  self->settings = cocrea_settings_try_new ();
}

/**
 * cocrea_application_run_plenary:
 * @self: the application, not yet run
 * @argv0: the program's name
 * @path: the process file `cocrea FILE --plenary` named
 *
 * Runs the projector view of @path: in the Cocrea already running when
 * there is one (its facilitator's window keeps the file), else in this
 * process. A file that cannot be read is said on standard error, in the
 * user's language, before any window.
 *
 * Returns: the exit status
 */
int
cocrea_application_run_plenary (CocreaApplication *self, const char *argv0, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) check = NULL;
  char *args[] = { (char *) argv0, NULL };

  g_return_val_if_fail (COCREA_IS_APPLICATION (self), 1);
  g_return_val_if_fail (path != NULL, 1);

  /* Read-only, as the view opens it: a missing, damaged or foreign file
   * is refused here, with the same words, without a display. */
  check = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
  if (check == NULL)
    {
      g_printerr ("cocrea: %s\n", error->message);
      return 1;
    }
  cocrea_document_close (check);

  g_free (self->plenary_path);
  self->plenary_path = g_canonicalize_filename (path, NULL);
  /* handle_local_options() sends it where it shows. */
  return g_application_run (G_APPLICATION (self), 1, args);
}

CocreaApplication *
cocrea_application_new (void)
{
  return g_object_new (COCREA_TYPE_APPLICATION,
                       "application-id", COCREA_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/cocrea/Cocrea",
                       NULL);
}
