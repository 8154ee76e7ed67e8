/* test-gui.c — the window, as a user meets it, under a real display
 *
 * Runs in process under Xvfb: builds the application, opens windows on
 * real files and checks what they show through the widget tree. Exits 77
 * (skipped) without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>

#include <adwaita.h>

#include "cocrea-application.h"
#include "cocrea-activity-dialog.h"
#include "cocrea-comment-dialog.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-fit-screen.h"
#include "cocrea-progress-dialog.h"
#include "cocrea-proposal-dialog.h"
#include "cocrea-response-dialog.h"
#include "cocrea-lock.h"
#include "cocrea-merge-page.h"
#include "cocrea-new-process-dialog.h"
#include "cocrea-overview-page.h"
#include "cocrea-process-settings-dialog.h"
#include "cocrea-recent-item.h"
#include "cocrea-stage.h"
#include "cocrea-start-page.h"
#include "cocrea-stats.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *demo_window;
static GtkWindow *new_window;

static gboolean
match_action (GtkWidget *widget, gconstpointer name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static gboolean
match_label_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A label whose accessible name is @name (the overview's figures). */
static gboolean
match_accessible_label (GtkWidget *widget, gconstpointer name)
{
  g_autofree char *mismatch = NULL;

  /* Labels name themselves after their text: a figure also has a description. */
  if (!GTK_IS_LABEL (widget) ||
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
    return FALSE;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  return mismatch == NULL;
}

static void
check_figure (GtkWidget *root, const char *name, gint64 expected)
{
  GtkWidget *label = gui_find_one (root, match_accessible_label, name);
  g_autofree char *text = NULL;
  g_autofree char *with_share = NULL;

  g_assert_nonnull (label);
  text = g_strdup_printf ("%" G_GINT64_FORMAT, expected);
  with_share = g_strconcat (text, " (", NULL);
  /* Inclusion figures carry their share after the number: "45 (55 %)". */
  if (!g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), with_share));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (label),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_start_page (void)
{
  CocreaWindow *window = cocrea_window_new (gui.app);
  struct { const char *action; const char *label; const char *name; } buttons[] = {
    { "app.new", "_New Process…", "New Process…" },
    { "app.open", "_Open…", "Open…" },
    { "app.open-demo", "Open the _Demo", "Open the Demo" },
  };

  gtk_window_present (GTK_WINDOW (window));
  gui_wait_for (gui_is_mapped, window);
  gui_settle ();

  g_assert_null (cocrea_window_get_document (window));
  /* The keyboard starts on New Process, not on the main menu. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 gui_find_one (GTK_WIDGET (window), match_action, "app.new"));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gui_find_one (GTK_WIDGET (window), match_action, buttons[i].action);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
      /* Named by its visible text alone, once, without the underline (not
       * "New process New Process…" nor "_New Process… New Process…"). */
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, buttons[i].label);
      g_assert_true (gui_has_accessible_name (button));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           buttons[i].name);
    }

  /* The primary menu button is icon-only: it needs a name of its own. */
  {
    g_autoptr (GPtrArray) menus = gui_find_all_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
    g_assert_cmpuint (menus->len, >=, 1);
    g_assert_true (gtk_test_accessible_has_property (menus->pdata[0],
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_process (void)
{
  g_autoptr (CocreaDocument) reader = NULL;
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (GError) error = NULL;
  AdwWindowTitle *title;
  CocreaStats stats = { 0 };
  GtkWidget *overview;

  demo_window = cocrea_application_open_path (gui.app, gui.demo_path);
  g_assert_nonnull (demo_window);
  gui_wait_for (gui_is_mapped, demo_window);
  gui_settle ();

  g_assert_nonnull (cocrea_window_get_document (COCREA_WINDOW (demo_window)));
  g_assert_false (cocrea_document_is_read_only (cocrea_window_get_document (COCREA_WINDOW (demo_window))));

  reader = cocrea_document_open (gui.demo_path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  info = cocrea_document_get_process (reader, &error);
  g_assert_no_error (error);

  title = ADW_WINDOW_TITLE (gui_find_one_of_type (GTK_WIDGET (demo_window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, info->title);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, info->municipality);

  overview = gui_find_one_of_type (GTK_WIDGET (demo_window), g_type_from_name ("CocreaOverviewPage"));
  g_assert_nonnull (overview);
  g_assert_true (gtk_widget_get_mapped (overview));

  /* All seven stages, by name. */
  stages = cocrea_stage_list (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 7);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr (CocreaStage) stage = g_list_model_get_item (stages, i);

      g_assert_nonnull (gui_find_one (overview, match_label_text, cocrea_stage_get_name (stage)));
    }

  g_assert_true (cocrea_stats_load (reader, &stats, &error));
  g_assert_no_error (error);
  /* The Renca 2019 figures. */
  g_assert_cmpint (stats.groups, ==, 8);
  g_assert_cmpint (stats.commitments, ==, 5);
  g_assert_cmpint (stats.attendance, >=, 82);

  check_figure (overview, "Activities", stats.activities);
  check_figure (overview, "Groups", stats.groups);
  check_figure (overview, "Contributions", stats.contributions);
  check_figure (overview, "Proposals", stats.proposals);
  check_figure (overview, "Commitments", stats.commitments);
  check_figure (overview, "Attendance", stats.attendance);
  check_figure (overview, "Women", stats.women);
  check_figure (overview, "Youth", stats.youth);
  check_figure (overview, "Migrants", stats.migrants);
  check_figure (overview, "Indigenous peoples", stats.indigenous);
  check_figure (overview, "People with disabilities", stats.disability);

  /* Opening it again presents the same window. */
  g_assert_true (cocrea_application_open_path (gui.app, gui.demo_path) == demo_window);
}

static gboolean
match_revealed (GtkWidget *widget, gconstpointer unused)
{
  return GTK_IS_REVEALER (widget) && gtk_revealer_get_child_revealed (GTK_REVEALER (widget));
}

static void
test_second_open_read_only (void)
{
  g_autoptr (CocreaDocument) second = NULL;
  g_autoptr (GError) error = NULL;
  CocreaWindow *window;
  GtkWidget *notice;
  GtkWidget *button;

  g_assert_nonnull (demo_window);

  /* The window holds the file's lock: a second opening is read-only. */
  second = cocrea_document_open (gui.demo_path, COCREA_OPEN_FALLBACK_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_document_is_read_only (second));
  g_assert_nonnull (cocrea_document_get_read_only_reason (second));

  window = cocrea_window_new (gui.app);
  cocrea_window_set_document (window, second);
  gtk_window_present (GTK_WINDOW (window));
  gui_wait_for (gui_is_mapped, window);
  gui_settle ();

  notice = gui_find_one (GTK_WIDGET (window), match_revealed, NULL);
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_get_mapped (notice));
  button = gui_find_one (notice, match_action, "win.save-copy");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle ();
}

static void
test_damaged_file (void)
{
  g_autofree char *path = g_build_filename (gui.tmp_dir, "damaged.cocrea", NULL);
  g_autoptr (GError) error = NULL;
  char bytes[4096];
  GtkWindow *window;
  GtkWidget *dialog;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) g_random_int_range (0, 256);
  g_file_set_contents (path, bytes, sizeof bytes, &error);
  g_assert_no_error (error);

  window = cocrea_application_open_path (gui.app, path);
  g_assert_nonnull (window);
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));

  /* The window stays on the start page and says why. */
  g_assert_null (cocrea_window_get_document (COCREA_WINDOW (window)));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_nonnull (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
  gui_settle ();
}

/* Whether @dialog's focus is in its first field (a preferences row),
 * rather than on Cancel, the first button of its header bar. */
static gboolean
focus_in_first_field (GtkWidget *dialog)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  GtkWidget *first = gui_find_one_of_type (dialog, ADW_TYPE_PREFERENCES_ROW);

  g_test_message ("%s: focus on %s", G_OBJECT_TYPE_NAME (dialog),
                  focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  return focus != NULL && first != NULL && (focus == first || gtk_widget_is_ancestor (focus, first));
}

static void
test_new_process (void)
{
  g_autofree char *path = g_build_filename (gui.tmp_dir, "new.cocrea", NULL);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) document = NULL;
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (gui.app), "new", NULL);
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (COCREA_TYPE_NEW_PROCESS_DIALOG));
  dialog = gui_find_toplevel (COCREA_TYPE_NEW_PROCESS_DIALOG);
  g_assert_nonnull (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  rows = gui_find_all_of_type (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  /* It opens on the title, not on Cancel. */
  gui_wait_for (gui_is_mapped, dialog);
  gui_settle ();
  g_assert_true (focus_in_first_field (dialog));
  gtk_editable_set_text (rows->pdata[0], "Plan de Gobierno Abierto");
  gtk_editable_set_text (rows->pdata[1], "Renca");

  /* A period that is not one is refused, and nothing typed is lost. */
  gtk_editable_set_text (rows->pdata[2], "next year");
  document = cocrea_new_process_dialog_create_at (COCREA_NEW_PROCESS_DIALOG (dialog), path, &error);
  g_assert_null (document);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "Plan de Gobierno Abierto");

  gtk_editable_set_text (rows->pdata[2], "2019-2021");
  document = cocrea_new_process_dialog_create_at (COCREA_NEW_PROCESS_DIALOG (dialog), path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  gui_settle ();

  /* The demo window is busy, so the new process has a window of its own. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (gui.app)); l != NULL; l = l->next)
    if (COCREA_IS_WINDOW (l->data) && cocrea_window_get_document (l->data) == document)
      new_window = l->data;
  g_assert_nonnull (new_window);
  g_assert_true (new_window != demo_window);
  g_assert_true (cocrea_window_get_document (COCREA_WINDOW (demo_window)) != document);
  gui_wait_for (gui_is_mapped, new_window);
  g_assert_cmpstr (gtk_window_get_title (new_window), ==, "Plan de Gobierno Abierto");
}

static void
test_process_settings (void)
{
  g_autoptr (GPtrArray) spins = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaProcessInfo) info = NULL;
  CocreaDocument *document;
  GtkWidget *dialog;
  AdwWindowTitle *title;

  g_assert_nonnull (new_window);
  document = cocrea_window_get_document (COCREA_WINDOW (new_window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (new_window), "win.process-settings", NULL));
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (COCREA_TYPE_PROCESS_SETTINGS_DIALOG));
  dialog = gui_find_toplevel (COCREA_TYPE_PROCESS_SETTINGS_DIALOG);

  rows = gui_find_all_of_type (dialog, ADW_TYPE_ENTRY_ROW);
  /* Title, municipality and period; then five census shares and their source. */
  g_assert_cmpuint (rows->len, ==, 3 + 6);
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "Plan de Gobierno Abierto");
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[2]), ==, "2019-2021");
  spins = gui_find_all_of_type (dialog, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, ==, 3);

  /* Quotas that do not add up are refused; the dialog keeps the values. */
  gtk_editable_set_text (rows->pdata[0], "Plan de Acción Renca");
  gtk_spin_button_set_value (spins->pdata[0], 5);
  gtk_spin_button_set_value (spins->pdata[1], 4);
  gtk_spin_button_set_value (spins->pdata[2], 3);
  g_assert_false (cocrea_process_settings_dialog_save (COCREA_PROCESS_SETTINGS_DIALOG (dialog), &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "Plan de Acción Renca");

  gtk_spin_button_set_value (spins->pdata[1], 2);
  g_assert_true (cocrea_process_settings_dialog_save (COCREA_PROCESS_SETTINGS_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gui_settle ();

  info = cocrea_document_get_process (document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->title, ==, "Plan de Acción Renca");
  g_assert_cmpint (info->quota_total, ==, 5);
  g_assert_cmpint (info->quota_municipal, ==, 2);
  g_assert_cmpint (info->quota_community, ==, 3);

  /* The header follows the change. */
  title = ADW_WINDOW_TITLE (gui_find_one_of_type (GTK_WIDGET (new_window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Plan de Acción Renca");
}

/* Whether a shortcut of the Shortcuts window @window shows @accel (as
 * gtk_accelerator_parse() reads it), alone or among its alternatives. */
static gboolean
shortcuts_list (GtkWidget *window, const char *accel)
{
  g_autoptr (GPtrArray) shown = gui_find_all_of_type (window, GTK_TYPE_SHORTCUTS_SHORTCUT);
  guint key = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (guint i = 0; i < shown->len; i++)
    {
      g_autofree char *accelerator = NULL;
      g_auto (GStrv) alternatives = NULL;

      g_object_get (shown->pdata[i], "accelerator", &accelerator, NULL);
      if (accelerator == NULL)
        continue;
      alternatives = g_strsplit (accelerator, " ", -1);
      for (guint j = 0; alternatives[j] != NULL; j++)
        {
          guint its_key = 0;
          GdkModifierType its_mods = 0;

          if (gtk_accelerator_parse (alternatives[j], &its_key, &its_mods) && its_key == key &&
              its_mods == mods)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_about_and_shortcuts (void)
{
  GtkWidget *about;
  GtkWidget *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (gui.app), "about", NULL);
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW));
  about = gui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Cocrea");
  gtk_window_destroy (GTK_WINDOW (about));

  g_action_group_activate_action (G_ACTION_GROUP (gui.app), "shortcuts", NULL);
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW));
  shortcuts = gui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  gui_wait_for (gui_is_mapped, shortcuts);
  gui_settle ();

  /* Every section is laid out and drawn without a warning: a section
   * that overflows to a second page made GTK 4.8 warn ("GtkLabel
   * reported min width -3") about its page buttons. */
  {
    g_autoptr (GPtrArray) sections = gui_find_all_of_type (shortcuts, GTK_TYPE_SHORTCUTS_SECTION);

    g_assert_cmpuint (sections->len, >=, 1);
    for (guint i = 0; i < sections->len; i++)
      {
        g_autofree char *name = NULL;

        g_object_get (sections->pdata[i], "section-name", &name, NULL);
        g_object_set (shortcuts, "section-name", name, NULL);
        gui_settle ();
        gui_wait_for (gui_is_mapped, sections->pdata[i]);
        for (int j = 0; j < 5; j++)
          gui_settle ();
      }
  }

  /* Every accelerator the application sets is listed. */
  {
    g_auto (GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (gui.app));

    for (guint i = 0; actions[i] != NULL; i++)
      {
        g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app),
                                                                       actions[i]);

        for (guint j = 0; accels[j] != NULL; j++)
          if (!shortcuts_list (shortcuts, accels[j]))
            g_error ("%s (%s) is not in the Shortcuts window", accels[j], actions[i]);
      }
    g_assert_true (shortcuts_list (shortcuts, "F5"));
  }
  gtk_widget_set_visible (shortcuts, FALSE);
  gui_settle ();
}

static gint64
first_id (CocreaDocument *document, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(id) FROM %s", table);
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (cocrea_db_query_int (cocrea_document_get_db (document), sql, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The netbook case: each of the tallest dialogs, opened on a 1024×600
 * screen, is no taller than the screen (less the desktop's bar) and
 * scrolls inside instead. They asked for 630 to 720 pixels. */
static void
test_dialogs_fit_small_screen (void)
{
  const GdkRectangle netbook = { 0, 0, 1024, 600 };
  CocreaDocument *document;
  GtkWidget *dialogs[5];
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (demo_window);
  document = cocrea_window_get_document (COCREA_WINDOW (demo_window));
  dialogs[0] = GTK_WIDGET (cocrea_activity_dialog_new (demo_window, document, 0, &error));
  g_assert_no_error (error);
  dialogs[1] = GTK_WIDGET (cocrea_proposal_dialog_new (demo_window, document,
                                                       first_id (document, "proposal"), &error));
  g_assert_no_error (error);
  dialogs[2] = GTK_WIDGET (cocrea_progress_dialog_new (demo_window, document,
                                                       first_id (document, "milestone"), &error));
  g_assert_no_error (error);
  dialogs[3] = GTK_WIDGET (cocrea_comment_dialog_new (demo_window, document, 0, 0, &error));
  g_assert_no_error (error);
  dialogs[4] = GTK_WIDGET (cocrea_response_dialog_new (demo_window, document,
                                                       first_id (document, "consultation_comment"),
                                                       &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      int width, height, minimum;

      g_assert_nonnull (dialogs[i]);
      gtk_window_get_default_size (GTK_WINDOW (dialogs[i]), &width, &height);
      g_test_message ("%s asks for %d×%d", G_OBJECT_TYPE_NAME (dialogs[i]), width, height);
      cocrea_fit_screen_clamp (GTK_WINDOW (dialogs[i]), &netbook);
      gtk_window_present (GTK_WINDOW (dialogs[i]));
      gui_wait_for (gui_is_mapped, dialogs[i]);
      gui_settle ();
      /* New Activity, Record Progress and Answer open on their first field. */
      if (i == 0 || i == 2 || i == 4)
        g_assert_true (focus_in_first_field (dialogs[i]));
      gtk_widget_measure (dialogs[i], GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (dialogs[i]),
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %d high (at least %d)", G_OBJECT_TYPE_NAME (dialogs[i]),
                      gtk_widget_get_height (dialogs[i]), minimum);
      g_assert_cmpint (gtk_widget_get_height (dialogs[i]), <=, 600 - COCREA_FIT_SCREEN_MARGIN);
      g_assert_cmpint (minimum, <=, 600 - COCREA_FIT_SCREEN_MARGIN);
      g_assert_cmpint (gtk_widget_get_width (dialogs[i]), <=, 1024);
      if (i == 0)
        gui_screenshot ("gui-activity-dialog-600.png");
      gtk_window_destroy (GTK_WINDOW (dialogs[i]));
      gui_settle ();
    }

  /* On the screen it opens on (Xvfb's 1280×800), the same happens by itself. */
  {
    GtkWidget *dialog = GTK_WIDGET (cocrea_activity_dialog_new (demo_window, document, 0, &error));
    GdkRectangle screen;
    GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);

    g_assert_no_error (error);
    gdk_monitor_get_geometry (monitor, &screen);
    g_object_unref (monitor);
    gtk_window_set_default_size (GTK_WINDOW (dialog), 500, screen.height + 200);
    gtk_window_present (GTK_WINDOW (dialog));
    gui_wait_for (gui_is_mapped, dialog);
    gui_settle ();
    g_assert_cmpint (gtk_widget_get_height (dialog), <=, screen.height - COCREA_FIT_SCREEN_MARGIN);
    gtk_window_destroy (GTK_WINDOW (dialog));
    gui_settle ();
  }
}

static gboolean
no_windows_left (gpointer unused)
{
  return gtk_application_get_windows (GTK_APPLICATION (gui.app)) == NULL;
}

static gboolean
lock_file_gone (gpointer lock_path)
{
  return !g_file_test (lock_path, G_FILE_TEST_EXISTS);
}

/* Runs last: the signal closes every window. A SIGTERM (logout, `kill`)
 * closes the files cleanly, so no lock file stays behind, even with a
 * dialog open over the window. */
static void
test_quit_on_sigterm (void)
{
  g_autofree char *lock_path = cocrea_lock_path_for (gui.demo_path);

  g_assert_nonnull (demo_window);
  g_assert_nonnull (cocrea_window_get_document (COCREA_WINDOW (demo_window)));
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  g_assert_true (cocrea_lock_is_held (gui.demo_path));

  /* A dialog holding the document open as well. */
  gtk_widget_activate_action (GTK_WIDGET (demo_window), "win.process-settings", NULL);
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (COCREA_TYPE_PROCESS_SETTINGS_DIALOG));
  gui_settle ();

  g_assert_cmpint (raise (SIGTERM), ==, 0);
  gui_wait_for (no_windows_left, NULL);
  gui_wait_for (lock_file_gone, lock_path);
  g_assert_false (cocrea_lock_is_held (gui.demo_path));
}

static gboolean
has_document (gpointer window)
{
  return cocrea_window_get_document (COCREA_WINDOW (window)) != NULL;
}

static gboolean
is_settled (gpointer window)
{
  return cocrea_window_is_settled (COCREA_WINDOW (window));
}

/* A copy of the demo under @name in the test folder. */
static char *
copy_demo (const char *name)
{
  g_autofree char *path = g_build_filename (gui.tmp_dir, name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_file_get_contents (gui.demo_path, &bytes, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/*
 * What a person's request does (app.open-path, the Open dialog, a file on
 * the command line): the window shows at once, says the file is being
 * opened, and shows the process once a thread has opened and checked it.
 * A file damaged past its header is refused there, before anything reads
 * it: the window goes back to the start page and says why. Only the page
 * in sight is built; another is built when first shown.
 */
static void
test_open_in_background (void)
{
  g_autofree char *damaged = copy_demo ("damaged-inside.cocrea");
  g_autofree char *good = copy_demo ("opened-in-background.cocrea");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (damaged);
  g_autoptr (GFileIOStream) stream = NULL;
  g_autofree char *garbage = g_malloc (64 * 1024);
  GtkWindow *window;
  GtkWidget *dialog;
  GtkWidget *merge;
  AdwWindowTitle *title;

  /* Pages 5 onwards overwritten: the header and the schema are intact. */
  for (guint i = 0; i < 64 * 1024; i++)
    garbage[i] = (char) g_random_int_range (0, 256);
  stream = g_file_open_readwrite (file, NULL, &error);
  g_assert_no_error (error);
  g_seekable_seek (G_SEEKABLE (stream), 4 * 4096, G_SEEK_SET, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)), garbage,
                             64 * 1024, NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  window = cocrea_application_begin_open (gui.app, damaged);
  g_assert_nonnull (window);
  g_assert_null (cocrea_window_get_document (COCREA_WINDOW (window)));
  g_assert_false (cocrea_window_is_settled (COCREA_WINDOW (window)));
  g_assert_cmpstr (cocrea_window_get_path (COCREA_WINDOW (window)), ==, damaged);
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "damaged"));
  g_assert_null (cocrea_window_get_document (COCREA_WINDOW (window)));
  g_assert_null (cocrea_window_get_path (COCREA_WINDOW (window)));
  g_assert_true (cocrea_window_is_settled (COCREA_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();

  /* The same window, back on the start page, takes the next file. */
  g_assert_true (cocrea_application_begin_open (gui.app, good) == window);
  g_assert_false (cocrea_window_is_settled (COCREA_WINDOW (window)));
  /* Asked twice while it opens: the same window, one opening. */
  g_assert_true (cocrea_application_begin_open (gui.app, good) == window);
  gui_wait_for (has_document, window);
  gui_wait_for (is_settled, window);
  g_assert_false (cocrea_document_is_read_only (cocrea_window_get_document (COCREA_WINDOW (window))));
  title = ADW_WINDOW_TITLE (gui_find_one_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   "Plan de Acción Comunal de Gobierno Abierto de Renca");

  g_assert_nonnull (gui_find_one_of_type (GTK_WIDGET (window), COCREA_TYPE_OVERVIEW_PAGE));
  g_assert_null (gui_find_one_of_type (GTK_WIDGET (window), COCREA_TYPE_MERGE_PAGE));
  merge = gui_show_page (window, "merge", COCREA_TYPE_MERGE_PAGE);
  g_assert_true (cocrea_page_get_document (COCREA_PAGE (merge)) ==
                 cocrea_window_get_document (COCREA_WINDOW (window)));

  gtk_window_destroy (window);
  gui_settle ();
}

static gboolean
recent_lists (gpointer start_page)
{
  GListModel *recent = cocrea_start_page_get_recent (start_page);

  for (guint i = 0; i < g_list_model_get_n_items (recent); i++)
    {
      g_autoptr (CocreaRecentItem) item = g_list_model_get_item (recent, i);

      if (g_str_has_suffix (cocrea_recent_item_get_path (item), "opened-in-background.cocrea"))
        return TRUE;
    }
  return FALSE;
}

/* The start page reads its recent processes, each checked as any opening
 * is, in a thread once it shows: their titles come from the files. */
static void
test_recent_list (void)
{
  CocreaWindow *window = cocrea_window_new (gui.app);
  GtkWidget *start_page;
  GListModel *recent;

  gtk_window_present (GTK_WINDOW (window));
  start_page = gui_find_one_of_type (GTK_WIDGET (window), COCREA_TYPE_START_PAGE);
  g_assert_nonnull (start_page);
  gui_wait_for (recent_lists, start_page);

  recent = cocrea_start_page_get_recent (COCREA_START_PAGE (start_page));
  for (guint i = 0; i < g_list_model_get_n_items (recent); i++)
    {
      g_autoptr (CocreaRecentItem) item = g_list_model_get_item (recent, i);

      if (g_str_has_suffix (cocrea_recent_item_get_path (item), "opened-in-background.cocrea"))
        {
          g_assert_true (cocrea_recent_item_get_available (item));
          g_assert_cmpstr (cocrea_recent_item_get_title (item), ==,
                           "Plan de Acción Comunal de Gobierno Abierto de Renca");
        }
      else if (g_str_has_suffix (cocrea_recent_item_get_path (item), "damaged-inside.cocrea"))
        g_assert_not_reached (); /* never shown, so never remembered */
    }

  gtk_window_destroy (GTK_WINDOW (window));
  gui_settle ();
}

int
main (int argc, char **argv)
{
  if (!gui_harness_init (&argc, &argv, "cocrea-gui", "org.cocrea.Cocrea.Test"))
    return 77;

  g_test_add_func ("/gui/start-page", test_start_page);
  g_test_add_func ("/gui/open-process", test_open_process);
  g_test_add_func ("/gui/second-open-read-only", test_second_open_read_only);
  g_test_add_func ("/gui/damaged-file", test_damaged_file);
  g_test_add_func ("/gui/open-in-background", test_open_in_background);
  g_test_add_func ("/gui/recent-list", test_recent_list);
  g_test_add_func ("/gui/new-process", test_new_process);
  g_test_add_func ("/gui/process-settings", test_process_settings);
  g_test_add_func ("/gui/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/gui/dialogs-fit-small-screen", test_dialogs_fit_small_screen);
  g_test_add_func ("/gui/quit-on-sigterm", test_quit_on_sigterm);

  return gui_harness_run ();
}
