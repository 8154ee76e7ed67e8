/* gui-harness.c — what the GUI tests share: the application, the demo file,
 * the main loop and the widget tree
 *
 * Each GUI test runs in process under Xvfb: it builds the application,
 * opens windows on real files and checks what they show through the widget
 * tree. Without a display it is skipped (exit status 77), which the test
 * runner script counts as a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "cocrea-demo.h"
#include "gui-harness.h"
#include "test-process.h"

GuiHarness gui;

/**
 * gui_harness_init:
 * Starts a GUI test called @name: GTest, a temporary folder that stands in
 * for the user's data, GTK and libadwaita, the demo file and an
 * application registered as @application_id. Returns FALSE, having
 * cleaned up, when there is no display: the test then exits with 77.
 */
gboolean
gui_harness_init (int *argc, char ***argv, const char *name, const char *application_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (name, "-XXXXXX", NULL);
  g_autofree char *data_home = NULL;

  g_test_init (argc, argv, NULL);

  gui.tmp_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  /* Nothing the test does may touch the user's own files. */
  data_home = g_build_filename (gui.tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the GUI tests\n");
      test_remove_tree (gui.tmp_dir);
      g_clear_pointer (&gui.tmp_dir, g_free);
      return FALSE;
    }
  adw_init ();

  gui.demo_path = g_build_filename (gui.tmp_dir, "renca.cocrea", NULL);
  cocrea_demo_write (gui.demo_path, &error);
  g_assert_no_error (error);

  gui.app = g_object_new (COCREA_TYPE_APPLICATION,
                          "application-id", application_id,
                          "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                          "resource-base-path", "/org/cocrea/Cocrea",
                          NULL);
  g_application_register (G_APPLICATION (gui.app), NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

/**
 * gui_harness_run:
 * Runs the tests added since gui_harness_init(), then closes every window
 * and removes the temporary folder. Returns the exit status.
 */
int
gui_harness_run (void)
{
  int status = g_test_run ();

  g_list_free_full (g_list_copy (gtk_application_get_windows (GTK_APPLICATION (gui.app))),
                    (GDestroyNotify) gtk_window_destroy);
  gui_settle ();
  g_clear_object (&gui.app);
  test_remove_tree (gui.tmp_dir);
  g_clear_pointer (&gui.tmp_dir, g_free);
  g_clear_pointer (&gui.demo_path, g_free);
  return status;
}

/* ---- the main loop ---- */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, or fails after @seconds. */
void
gui_wait_for_seconds (GuiCondition done, gpointer data, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (done (data));
}

/* Runs the main loop until @done says so, or fails after five seconds. */
void
gui_wait_for (GuiCondition done, gpointer data)
{
  gui_wait_for_seconds (done, data, 5);
}

gboolean
gui_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Lets pending layout and redraws happen. */
void
gui_settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  g_usleep (20000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- the widget tree ---- */

static void
collect (GtkWidget *root, GuiMatch match, gconstpointer data, GPtrArray *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, found);
}

/* Every widget under @root, @root too, that @match accepts, in tree order. */
GPtrArray *
gui_find_all (GtkWidget *root, GuiMatch match, gconstpointer data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, match, data, found);
  return found;
}

/* The first of gui_find_all(), or NULL. */
GtkWidget *
gui_find_one (GtkWidget *root, GuiMatch match, gconstpointer data)
{
  g_autoptr (GPtrArray) found = gui_find_all (root, match, data);

  return found->len > 0 ? found->pdata[0] : NULL;
}

/* Matches widgets of the GType in @type (see GUI_TYPE_DATA). */
gboolean
gui_match_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GPtrArray *
gui_find_all_of_type (GtkWidget *root, GType type)
{
  return gui_find_all (root, gui_match_type, GUI_TYPE_DATA (type));
}

GtkWidget *
gui_find_one_of_type (GtkWidget *root, GType type)
{
  return gui_find_one (root, gui_match_type, GUI_TYPE_DATA (type));
}

/* The first toplevel of @type that is visible, if any. */
GtkWidget *
gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (toplevel))
        return toplevel;
    }
  return NULL;
}

/* A GuiCondition: a toplevel of the GType in @type shows. */
/**
 * gui_find_dialog_with:
 * The shown message dialog holding a widget of @child_type (the decision
 * dialog's drop-down, Edit Contribution's text view), or NULL.
 */
GtkWidget *
gui_find_dialog_with (GType child_type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel) &&
          gui_find_one_of_type (toplevel, child_type) != NULL)
        return toplevel;
    }
  return NULL;
}

/**
 * gui_find_error_label:
 * The last label under @root with the "error" class (the message beside a
 * required field), or NULL.
 */
GtkWidget *
gui_find_error_label (GtkWidget *root)
{
  g_autoptr (GPtrArray) labels = gui_find_all_of_type (root, GTK_TYPE_LABEL);
  GtkWidget *found = NULL;

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error"))
      found = labels->pdata[i];
  return found;
}

gboolean
gui_has_toplevel (gpointer type)
{
  return gui_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

/**
 * gui_show_page:
 * Shows the process page called @name in @window, as a click in the
 * sidebar does, and returns it once it is mapped and drawn. Fails unless
 * the page is a @type.
 */
GtkWidget *
gui_show_page (GtkWindow *window, const char *name, GType type)
{
  g_autoptr (GPtrArray) stacks = gui_find_all_of_type (GTK_WIDGET (window), GTK_TYPE_STACK);
  GtkWidget *stack = NULL;
  GtkWidget *page;

  for (guint i = 0; i < stacks->len && stack == NULL; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], name) != NULL)
      stack = stacks->pdata[i];
  g_assert_nonnull (stack);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), name);
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), name);
  /* A process's pages sit in an AdwBin each, built when first shown. */
  if (ADW_IS_BIN (page))
    page = adw_bin_get_child (ADW_BIN (page));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, type));
  gui_wait_for (gui_is_mapped, page);
  gui_settle ();
  return page;
}

/**
 * gui_read_demo:
 * Opens the demo file a second time, read-only (a window holds it): what
 * is on disk, not what a window has in memory.
 */
CocreaDocument *
gui_read_demo (void)
{
  g_autoptr (GError) error = NULL;
  CocreaDocument *reader = cocrea_document_open (gui.demo_path, COCREA_OPEN_FALLBACK_READ_ONLY,
                                                 &error);

  g_assert_no_error (error);
  return reader;
}

static gboolean
has_ancestor_of_type (GtkWidget *widget, GType type)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
      return TRUE;
  return FALSE;
}

/**
 * gui_has_accessible_name:
 * Whether a screen reader finds a name for @widget, and only one: an
 * accessible label, or the visible label it is labelled by (GTK 4.8
 * reads both one after the other, "New process New Process…", so a
 * widget that has both fails too).
 */
gboolean
gui_has_accessible_name (gpointer widget)
{
  gboolean label = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL);
  gboolean labelled_by = gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  return label != labelled_by;
}

/**
 * gui_check_accessible_labels:
 * Fails unless every control under @root that a person operates (buttons,
 * dropdowns, entries and entry rows, combo rows, text views, lists) has a
 * name of its own for screen readers, one only (see
 * gui_has_accessible_name()), and there are at least @at_least.
 * The inner parts of composite widgets are named by their owner, and
 * toasts belong to libadwaita.
 */
void
gui_check_accessible_labels (GtkWidget *root, guint at_least)
{
  GType types[] = {
    GTK_TYPE_BUTTON, GTK_TYPE_DROP_DOWN, GTK_TYPE_SEARCH_ENTRY, GTK_TYPE_TEXT_VIEW,
    GTK_TYPE_ENTRY, GTK_TYPE_LIST_VIEW, GTK_TYPE_COLUMN_VIEW, ADW_TYPE_ENTRY_ROW,
    ADW_TYPE_COMBO_ROW,
  };
  guint checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr (GPtrArray) found = gui_find_all_of_type (root, types[t]);

      for (guint i = 0; i < found->len; i++)
        {
          GtkWidget *widget = found->pdata[i];

          if (has_ancestor_of_type (widget, GTK_TYPE_DROP_DOWN) ||
              has_ancestor_of_type (widget, ADW_TYPE_ENTRY_ROW) ||
              has_ancestor_of_type (widget, ADW_TYPE_COMBO_ROW) ||
              has_ancestor_of_type (widget, g_type_from_name ("AdwToastWidget")) ||
              has_ancestor_of_type (widget, GTK_TYPE_POPOVER) ||
              (has_ancestor_of_type (widget, GTK_TYPE_COLUMN_VIEW) && GTK_IS_LIST_VIEW (widget)))
            continue;
          if (!gui_has_accessible_name (widget))
            g_error ("%s %p (%s) has no accessible name, or two", G_OBJECT_TYPE_NAME (widget),
                     widget, gtk_widget_get_tooltip_text (widget));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, at_least);
}

/**
 * gui_screenshot:
 * With COCREA_SCREENSHOT_DIR set, saves the screen there as @name (a
 * PNG, through ImageMagick's import) once pending drawing is done; does
 * nothing otherwise.
 */
void
gui_screenshot (const char *name)
{
  const char *dir = g_getenv ("COCREA_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  for (int i = 0; i < 10; i++)
    gui_settle ();
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("/usr/bin/import -window root '%s'", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/*
 * gui_press_keys:
 * Presses @keys (xdotool's names, "ctrl+s Return") in @toplevel through
 * the X server, as a keyboard does: the open list of a drop-down is a
 * popup of its own, and a dialog's key bindings are the window's, which a
 * call into a widget would not go through. Then lets GTK answer them.
 */
void
gui_press_keys (GtkWidget *toplevel, const char *keys)
{
  g_autofree char *xid = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *press = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (toplevel))));
  focus = g_strconcat ("xdotool windowfocus --sync ", xid, NULL);
  g_assert_true (g_spawn_command_line_sync (focus, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  gui_settle ();
  press = g_strconcat ("xdotool key --delay 100 ", keys, NULL);
  g_assert_true (g_spawn_command_line_sync (press, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (20 * 1000);
      gui_settle ();
    }
}

/*
 * gui_open_demo:
 * Opens the demo process in a window of @width × @height (0 × 0: its
 * default size), waits until it is shown and lets it settle.
 */
GtkWindow *
gui_open_demo (int width, int height)
{
  GtkWindow *window = cocrea_application_open_path (gui.app, gui.demo_path);

  g_assert_nonnull (window);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  gui_wait_for (gui_is_mapped, window);
  gui_settle ();
  return window;
}
