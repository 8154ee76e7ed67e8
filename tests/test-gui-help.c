/* test-gui-help.c — the user guide behind F1 and the primary menu
 *
 * Runs in process under Xvfb on the Renca demo. The primary menu has a Help
 * item and F1 is its accelerator. With COCREA_TEST_HELP_VIEWER=fake the test
 * installs a help viewer of its own (a desktop file in the private data
 * folder that writes the address it was given to a file): pressing F1 must
 * hand it help:org.cocrea.Cocrea. With COCREA_TEST_HELP_VIEWER=none every
 * help viewer is taken away (mimeapps.list): F1 must then explain, in a
 * message dialog, that the "yelp" package is missing. Exits 77 (skipped)
 * without a display.
 *
 * /help/figures shows every page of the demo and, with COCREA_SCREENSHOT_DIR
 * set, saves each as a PNG: that is how the guide's figures
 * (help/C/figures, help/es/figures) are made (see help/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cocrea-activities-page.h"
#include "cocrea-application.h"
#include "cocrea-capture-page.h"
#include "cocrea-consultation-page.h"
#include "cocrea-export-page.h"
#include "cocrea-merge-page.h"
#include "cocrea-overview-page.h"
#include "cocrea-plan-page.h"
#include "cocrea-prioritise-page.h"
#include "cocrea-selection-page.h"
#include "cocrea-viability-page.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *window;
static char *viewer_log; /* where the fake viewer writes the address it got */

/* What pressing @accel in @widget's window does: the application action it
 * is bound to is looked up and activated, as GTK's shortcut controller for
 * application accelerators does. */
static void
activate_accel (GtkWidget *widget, const char *accel)
{
  g_auto (GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (gui.app), accel);

  g_assert_nonnull (actions);
  g_assert_nonnull (actions[0]);
  g_assert_true (gtk_widget_activate_action (widget, actions[0], NULL));
}

static void
test_open (void)
{
  window = gui_open_demo (0, 0);
}

/* The primary menu lists Help (app.help), and F1 is bound to it. */
static void
test_menu_and_key (void)
{
  GtkWidget *button = gui_find_one_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;
  gboolean found = FALSE;
  g_auto (GStrv) accels = NULL;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu) && !found; i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (action, "app.help") == 0)
            {
              g_assert_cmpstr (label, ==, _("_Help"));
              found = TRUE;
            }
        }
    }
  g_assert_true (found);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app), "app.help");
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (gui.app), "help"));
}

static gboolean
viewer_was_called (gpointer data)
{
  return g_file_test (viewer_log, G_FILE_TEST_EXISTS);
}

/* F1 hands the installed guide's address to the help viewer. */
static void
test_f1_opens_viewer (void)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  activate_accel (GTK_WIDGET (window), "F1");
  gui_wait_for_seconds (viewer_was_called, NULL, 20);
  g_assert_true (g_file_get_contents (viewer_log, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (contents), ==, "help:org.cocrea.Cocrea");
  g_assert_false (gui_has_toplevel (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
}

/* Without any help viewer, F1 says what to install, in a dialog. */
static void
test_f1_without_viewer (void)
{
  GtkWidget *dialog;

  activate_accel (GTK_WIDGET (window), "F1");
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("Could Not Open the Help"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“yelp”"));
  g_assert_false (g_file_test (viewer_log, G_FILE_TEST_EXISTS));
  gui_screenshot ("help-missing-viewer.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
}

/* Selects the demo's main workshop (the third activity), so the figure
 * shows its eight table groups. */
static void
show_workshop_groups (GtkWidget *page)
{
  GtkWidget *view = gui_find_one_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  g_assert_true (GTK_IS_SINGLE_SELECTION (model));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 2);
  gui_settle ();
}

static gboolean
has_suggestions (gpointer page)
{
  g_autoptr (GPtrArray) labels = gui_find_all_of_type (page, GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < labels->len; i++)
    if (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (labels->pdata[i]))) > 0 &&
        gtk_widget_get_mapped (labels->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Types a proposal (not saved) so the figure shows the Similar list. */
static void
type_capture_text (GtkWidget *page)
{
  GtkWidget *text = gui_find_one_of_type (page, GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));

  gtk_text_buffer_set_text (buffer, "Coordinación de seguridad en el barrio", -1);
  gtk_widget_grab_focus (text);
  gui_wait_for (has_suggestions, page);
  gui_settle ();
}

/* Every page of the demo, shown in turn: the guide's figures. */
static void
test_figures (void)
{
  struct { const char *name; GType type; } pages[] = {
    { "overview", COCREA_TYPE_OVERVIEW_PAGE },
    { "activities", COCREA_TYPE_ACTIVITIES_PAGE },
    { "capture", COCREA_TYPE_CAPTURE_PAGE },
    { "merge", COCREA_TYPE_MERGE_PAGE },
    { "prioritise", COCREA_TYPE_PRIORITISE_PAGE },
    { "viability", COCREA_TYPE_VIABILITY_PAGE },
    { "selection", COCREA_TYPE_SELECTION_PAGE },
    { "plan", COCREA_TYPE_PLAN_PAGE },
    { "consultation", COCREA_TYPE_CONSULTATION_PAGE },
    { "export", COCREA_TYPE_EXPORT_PAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *file = g_strconcat (pages[i].name, ".png", NULL);
      GtkWidget *page = gui_show_page (window, pages[i].name, pages[i].type);

      g_assert_true (gtk_widget_get_mapped (page));
      if (pages[i].type == COCREA_TYPE_ACTIVITIES_PAGE)
        show_workshop_groups (page);
      else if (pages[i].type == COCREA_TYPE_CAPTURE_PAGE)
        type_capture_text (page);
      gui_screenshot (file);
    }
}

/* The fake viewer: a script and a desktop file claiming help: and ghelp:. */
static void
install_fake_viewer (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *apps = g_build_filename (gui.tmp_dir, "data", "applications", NULL);
  g_autofree char *script = g_build_filename (gui.tmp_dir, "fake-help-viewer", NULL);
  g_autofree char *desktop = g_build_filename (apps, "cocrea-test-help.desktop", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s.part'\n"
                                                  "mv '%s.part' '%s'\n",
                                                  viewer_log, viewer_log, viewer_log);
  g_autofree char *desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\n"
                                                   "Name=Test help viewer\nExec=%s %%u\n"
                                                   "MimeType=x-scheme-handler/help;"
                                                   "x-scheme-handler/ghelp;\nNoDisplay=true\n",
                                                   script);

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_true (g_file_set_contents (script, script_text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, &error));
  g_assert_no_error (error);
}

/* mimeapps.list in the private config folder: the fake viewer is the
 * default, or (@none) the usual viewers are taken away. */
static void
write_mimeapps (const char *config, gboolean none)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (config, "mimeapps.list", NULL);
  const char *removed = "yelp.desktop;org.gnome.Yelp.desktop;org.kde.khelpcenter.desktop;";
  g_autofree char *text = NULL;

  if (none)
    text = g_strdup_printf ("[Removed Associations]\nx-scheme-handler/help=%s\n"
                            "x-scheme-handler/ghelp=%s\n", removed, removed);
  else
    text = g_strdup ("[Default Applications]\nx-scheme-handler/help=cocrea-test-help.desktop\n"
                     "x-scheme-handler/ghelp=cocrea-test-help.desktop\n");
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  const char *mode = g_getenv ("COCREA_TEST_HELP_VIEWER");
  gboolean none = g_strcmp0 (mode, "none") == 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *mimeapps = NULL;
  int status;

  /* An installed run must not find a build folder's guide. GLib reads the
   * config folder once, early (GTK's settings): set it before GTK starts. */
  g_unsetenv ("COCREA_HELP_DIR");
  /* In English unless LANGUAGE says otherwise (the Spanish figures). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COCREA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  config = g_dir_make_tmp ("cocrea-gui-help-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  write_mimeapps (config, none);
  mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-help", "org.cocrea.Cocrea.TestHelp"))
    {
      g_unlink (mimeapps);
      g_rmdir (config);
      return 77;
    }
  viewer_log = g_build_filename (gui.tmp_dir, "viewer-called", NULL);
  if (!none)
    install_fake_viewer ();

  g_test_add_func ("/help/open", test_open);
  g_test_add_func ("/help/menu-and-key", test_menu_and_key);
  if (none)
    g_test_add_func ("/help/f1-without-viewer", test_f1_without_viewer);
  else
    g_test_add_func ("/help/f1-opens-viewer", test_f1_opens_viewer);
  g_test_add_func ("/help/figures", test_figures);

  status = gui_harness_run ();
  g_free (viewer_log);
  g_unlink (mimeapps);
  g_rmdir (config);
  return status;
}
