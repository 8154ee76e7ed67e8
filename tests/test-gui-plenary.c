/* test-gui-plenary.c — the projector view, under a real display
 *
 * Runs in process under Xvfb on the Renca demo. The view opens read-only
 * and never takes the write lock: the command line (the built `cocrea`,
 * COCREA_BIN) imports into the file while it is open, and the view shows
 * the new count within 2 s, keeping the rows that did not change. The
 * facilitator's window in the same process writes too, and the view
 * follows. Then the keys: + and − change the text size, Page Down and Up
 * page through, T runs the round timer, Esc leaves full screen and a
 * second Esc closes. Exits 77 (skipped) without a display. With
 * COCREA_SCREENSHOT_DIR set, it saves screenshots there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cocrea-application.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution.h"
#include "cocrea-plenary-row.h"
#include "cocrea-plenary-window.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-proposal.h"
#include "cocrea-tally.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static CocreaPlenaryWindow *plenary;

static gboolean
match_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The rows showing now, top down: mapped and laid out whole. */
static GPtrArray *
shown_rows (void)
{
  g_autoptr (GPtrArray) rows = gui_find_all_of_type (GTK_WIDGET (plenary), COCREA_TYPE_PLENARY_ROW);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]))
      g_ptr_array_add (shown, rows->pdata[i]);
  return shown;
}

/* The row whose title is @title, shown now, or NULL. */
static GtkWidget *
row_titled (const char *title)
{
  g_autoptr (GPtrArray) rows = shown_rows ();

  for (guint i = 0; i < rows->len; i++)
    if (gui_find_one (rows->pdata[i], match_text, title) != NULL)
      return rows->pdata[i];
  return NULL;
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets the view draw a few frames: how many rows fit is known only once
 * the text at its new size is laid out. */
static void
wait_frames (void)
{
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (plenary), tick_cb, &ticks, NULL);

  while (ticks < 3)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (GTK_WIDGET (plenary), id);
  gui_settle ();
}

/* What pressing @keys does in the view, as GTK dispatches a key to it:
 * the window's shortcuts caught on the way down (capture) first, then
 * those on the way up, the first one for the keys in each activated. */
static void
press (const char *keys)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (plenary));
  GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_BUBBLE };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != phases[p])
          continue;
        for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
          {
            g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
            g_autofree char *trigger =
              gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

            if (g_strcmp0 (trigger, keys) != 0)
              continue;
            g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                         GTK_WIDGET (plenary),
                                                         gtk_shortcut_get_arguments (shortcut)));
            gui_settle ();
            if (plenary != NULL)
              wait_frames ();
            return;
          }
      }
  g_error ("no shortcut for %s in the projector view", keys);
}

static gboolean
has_plenary (gpointer data)
{
  return gui_find_toplevel (COCREA_TYPE_PLENARY_WINDOW) != NULL &&
         gtk_widget_get_mapped (gui_find_toplevel (COCREA_TYPE_PLENARY_WINDOW));
}

/* `cocrea FILE --plenary` sends app.plenary: the view, alone. */
static void
test_open (void)
{
  g_autofree char *lock = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GListModel) tally = NULL;
  g_autoptr (CocreaProposal) top = NULL;
  g_autoptr (GError) error = NULL;
  CocreaDocument *document;
  int height;

  g_action_group_activate_action (G_ACTION_GROUP (gui.app), "plenary",
                                  g_variant_new_string (gui.demo_path));
  gui_wait_for (has_plenary, NULL);
  plenary = COCREA_PLENARY_WINDOW (gui_find_toplevel (COCREA_TYPE_PLENARY_WINDOW));
  gui_settle ();

  document = cocrea_plenary_window_get_document (plenary);
  g_assert_true (cocrea_document_is_read_only (document));
  /* No lock file beside the process. */
  {
    g_autofree char *dir = g_path_get_dirname (gui.demo_path);
    g_autofree char *base = g_path_get_basename (gui.demo_path);
    g_autofree char *name = g_strdup_printf (".%s.lock", base);

    lock = g_build_filename (dir, name, NULL);
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }

  /* The tally's order, the most mentioned first. */
  tally = cocrea_tally (document, &error);
  g_assert_no_error (error);
  top = g_list_model_get_item (tally, 0);
  rows = shown_rows ();
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_nonnull (gui_find_one (rows->pdata[0], match_text, cocrea_proposal_get_title (top)));
  g_assert_nonnull (gui_find_one (rows->pdata[0], match_text, "4 contributions · 4 groups"));
  g_assert_nonnull (gui_find_one (GTK_WIDGET (plenary), match_text,
                                  "Plan de Acción Comunal de Gobierno Abierto de Renca"));
  g_assert_cmpuint (rows->len, ==, cocrea_plenary_window_get_n_shown (plenary));

  /* The demo has its five commitments: the quotas, and each selected row
   * says so in words, with its origin. */
  g_assert_nonnull (gui_find_one (GTK_WIDGET (plenary), match_text,
                                  "Selected: 5 of 5 (municipal 2 of 2, community 3 of 3)"));
  g_assert_nonnull (gui_find_one (row_titled ("Coordinación de seguridad entre dirigentes, municipio y Carabineros"),
                                  match_text, "Selected · Community"));
  g_assert_nonnull (gui_find_one (row_titled ("Foro Regular de Gobierno Abierto"), match_text,
                                  "Selected · Municipal"));
  g_assert_null (gui_find_one (rows->pdata[0], match_text, "Selected · Community"));

  /* The whole screen, also without a window manager to make it full
   * screen (as here): no margin cut off as for other windows. */
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (plenary));
    GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                              surface);
    GdkRectangle screen;

    gdk_monitor_get_geometry (monitor, &screen);
    g_assert_cmpint (gdk_surface_get_height (surface), ==, screen.height);
    g_assert_cmpint (gdk_surface_get_width (surface), ==, screen.width);
  }

  /* Sized for the screen: 28 px body text at 1080 lines, in proportion. */
  height = gtk_widget_get_height (GTK_WIDGET (plenary));
  g_assert_cmpint (ABS ((int) cocrea_plenary_window_get_text_px (plenary) - 28 * height / 1080), <=, 1);
  if (height >= 1080)
    g_assert_cmpuint (rows->len, >=, 10);
  /* No row cut at the bottom. */
  for (guint i = 0; i < rows->len; i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (rows->pdata[i], GTK_WIDGET (plenary), &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
    }
  gui_screenshot ("plenary.png");
}

static gboolean
reclamos_has_three (gpointer data)
{
  GtkWidget *row = row_titled ("Reclamos con respuesta pública");

  return row != NULL && gui_find_one (row, match_text, "3 contributions · 1 group") != NULL;
}

/* Another program writes while the view is open: the view took no lock,
 * so the write succeeds, and the view shows it within 2 s. */
static void
test_command_line_writes (void)
{
  const char *bin = g_getenv ("COCREA_BIN");
  g_autofree char *csv = g_build_filename (gui.tmp_dir, "mesa.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = shown_rows ();
  g_autoptr (GPtrArray) after = NULL;
  gpointer top_item = cocrea_item_widget_get_item (before->pdata[0]);
  g_autofree char *out = NULL, *err = NULL;
  int status = -1;
  gint64 written;

  g_assert_nonnull (bin);
  g_assert_false (reclamos_has_three (NULL));
  g_file_set_contents (csv, "text,proposal\n"
                            "Que respondan los reclamos en la web,Reclamos con respuesta pública\n"
                            "Un plazo para responder cada reclamo,Reclamos con respuesta pública\n",
                       -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { bin, "import", gui.demo_path, "--csv", csv, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
  }
  written = g_get_monotonic_time ();
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("cocrea import failed while the projector view was open: %s", err);

  gui_wait_for_seconds (reclamos_has_three, NULL, 2);
  g_assert_cmpint (g_get_monotonic_time () - written, <, 2 * G_USEC_PER_SEC);

  /* The rows that show the same kept their widget and their item. */
  after = shown_rows ();
  g_assert_true (after->pdata[0] == before->pdata[0]);
  g_assert_true (cocrea_item_widget_get_item (after->pdata[0]) == top_item);
  gui_screenshot ("plenary-after-import.png");
}

static gboolean
first_has_five (gpointer data)
{
  g_autoptr (GPtrArray) rows = shown_rows ();

  return rows->len > 0 && gui_find_one (rows->pdata[0], match_text, data) != NULL;
}

static gboolean
security_not_selected (gpointer data)
{
  GtkWidget *row = row_titled ("Coordinación de seguridad entre dirigentes, municipio y Carabineros");

  return row != NULL && gui_find_one (row, match_text, "Selected · Community") == NULL &&
         gui_find_one (GTK_WIDGET (plenary), match_text,
                       "Selected: 4 of 5 (municipal 2 of 2, community 2 of 3)") != NULL;
}

/* A decision taken on the command line changes no count, and still shows. */
static void
test_command_line_decides (void)
{
  const char *bin = g_getenv ("COCREA_BIN");
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  int status = -1;

  g_assert_false (security_not_selected (NULL));
  {
    g_autoptr (GListModel) tally = cocrea_tally (cocrea_plenary_window_get_document (plenary), &error);
    g_autoptr (CocreaProposal) second = g_list_model_get_item (tally, 1);

    g_assert_no_error (error);
    g_assert_cmpstr (cocrea_proposal_get_title (second), ==,
                     "Coordinación de seguridad entre dirigentes, municipio y Carabineros");
    id = g_strdup_printf ("%" G_GINT64_FORMAT, cocrea_proposal_get_id (second));
  }
  {
    const char *argv[] = { bin, "decide", gui.demo_path, id, "--reject", "--reason",
                           "Ya lo hace Seguridad Pública", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
  }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("cocrea decide failed while the projector view was open: %s", err);
  gui_wait_for_seconds (security_not_selected, NULL, 2);
}

/* Whether @window's primary menu has View → Projector (win.projector). */
static gboolean
menu_has_projector (GtkWindow *window)
{
  GtkWidget *button = gui_find_one_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autoptr (GMenuModel) submenu = g_menu_model_get_item_link (section, j, G_MENU_LINK_SUBMENU);
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (submenu == NULL || g_strcmp0 (label, "_View") != 0)
            continue;
          for (int k = 0; k < g_menu_model_get_n_items (submenu); k++)
            {
              g_autoptr (GMenuModel) inner = g_menu_model_get_item_link (submenu, k, G_MENU_LINK_SECTION);

              for (int m = 0; inner != NULL && m < g_menu_model_get_n_items (inner); m++)
                {
                  g_autofree char *action = NULL;

                  g_menu_model_get_item_attribute (inner, m, G_MENU_ATTRIBUTE_ACTION, "s", &action);
                  if (g_strcmp0 (action, "win.projector") == 0)
                    return TRUE;
                }
            }
        }
    }
  return FALSE;
}

/* The projector views open now. */
static GPtrArray *
count_views (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *views = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (COCREA_IS_PLENARY_WINDOW (toplevel) && gtk_widget_get_visible (toplevel))
        g_ptr_array_add (views, toplevel);
    }
  return views;
}

/* The facilitator's window in this process writes; the view follows. */
static void
test_facilitator_writes (void)
{
  GtkWindow *window = cocrea_application_open_path (gui.app, gui.demo_path);
  CocreaDocument *document;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) tally = NULL;
  g_autoptr (CocreaProposal) top = NULL;
  g_autoptr (GListModel) contributions = NULL;
  g_autoptr (CocreaContribution) like = NULL;
  CocreaContributionFields fields;
  gint64 id = 0;

  gui_wait_for (gui_is_mapped, window);
  document = cocrea_window_get_document (COCREA_WINDOW (window));
  g_assert_false (cocrea_document_is_read_only (document));

  tally = cocrea_tally (document, &error);
  g_assert_no_error (error);
  top = g_list_model_get_item (tally, 0);
  contributions = cocrea_contribution_list (document, 0, 0, &error);
  g_assert_no_error (error);
  like = g_list_model_get_item (contributions, 0);
  cocrea_contribution_get_fields (like, &fields);
  fields.text = "Otra mesa pide lo mismo";
  g_assert_true (cocrea_contribution_add (document, &fields, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_merge_into (document, cocrea_proposal_get_id (top), &id, 1, NULL, &error));
  g_assert_no_error (error);

  gui_wait_for_seconds (first_has_five, (gpointer) "5 contributions · 4 groups", 2);

  /* View → Projector (F5) in the window that holds the file opens one
   * more view, read-only too. */
  g_assert_true (menu_has_projector (window));
  {
    g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app),
                                                                   "win.projector");
    g_autoptr (GPtrArray) views = NULL;

    g_assert_cmpstr (accels[0], ==, "F5");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL));
    gui_settle ();
    views = count_views ();
    g_assert_cmpuint (views->len, ==, 2);
    for (guint i = 0; i < views->len; i++)
      {
        CocreaDocument *doc = cocrea_plenary_window_get_document (views->pdata[i]);

        g_assert_true (cocrea_document_is_read_only (doc));
        if (views->pdata[i] != plenary)
          gtk_window_destroy (views->pdata[i]);
      }
  }
  gtk_window_destroy (window);
  gui_settle ();
}

/* + and − change the text size; the pages follow what fits. */
static void
test_keys (void)
{
  guint px = cocrea_plenary_window_get_text_px (plenary);
  guint shown = cocrea_plenary_window_get_n_shown (plenary);
  GtkWidget *timer = NULL;

  gtk_window_present (GTK_WINDOW (plenary));
  press ("plus");
  g_assert_cmpuint (cocrea_plenary_window_get_text_px (plenary), >, px);
  press ("plus");
  press ("plus");
  g_assert_cmpuint (cocrea_plenary_window_get_n_shown (plenary), <, shown);
  press ("minus");
  press ("minus");
  press ("minus");
  g_assert_cmpuint (cocrea_plenary_window_get_text_px (plenary), ==, px);
  press ("minus");
  g_assert_cmpuint (cocrea_plenary_window_get_text_px (plenary), <, px);
  press ("<Control>0");
  g_assert_cmpuint (cocrea_plenary_window_get_text_px (plenary), ==, px);

  /* Larger, so that not all fit: Page Down shows the next ones. */
  for (int i = 0; i < 4; i++)
    press ("plus");
  shown = cocrea_plenary_window_get_n_shown (plenary);
  g_assert_cmpuint (cocrea_plenary_window_get_first (plenary), ==, 0);
  press ("Page_Down");
  g_assert_cmpuint (cocrea_plenary_window_get_first (plenary), ==, shown);
  g_assert_null (row_titled ("Presupuesto municipal y fondos concursables abiertos"));
  press ("Up");
  g_assert_cmpuint (cocrea_plenary_window_get_first (plenary), ==, 0);
  press ("Down");
  g_assert_cmpuint (cocrea_plenary_window_get_first (plenary), ==, shown);
  /* Pages differ in length: Page Up goes back to where the page began. */
  {
    guint second = cocrea_plenary_window_get_first (plenary);

    press ("Page_Down");
    g_assert_cmpuint (cocrea_plenary_window_get_first (plenary), >, second);
    press ("Page_Up");
    g_assert_cmpuint (cocrea_plenary_window_get_first (plenary), ==, second);
  }
  press ("Home");
  g_assert_cmpuint (cocrea_plenary_window_get_first (plenary), ==, 0);
  press ("<Control>0");

  /* T: the round timer, shown large, runs; T again pauses it. */
  press ("t");
  timer = gui_find_one (GTK_WIDGET (plenary), match_text, "10:00");
  if (timer == NULL)
    timer = gui_find_one (GTK_WIDGET (plenary), match_text, "9:59");
  g_assert_nonnull (timer);
  g_assert_true (gtk_widget_get_mapped (timer));
  press ("t");
  gui_screenshot ("plenary-keys.png");

  /* Esc leaves full screen, and the view stays; a second Esc closes it. */
  press ("Escape");
  g_assert_nonnull (gui_find_toplevel (COCREA_TYPE_PLENARY_WINDOW));
  g_object_add_weak_pointer (G_OBJECT (plenary), (gpointer *) &plenary);
  press ("Escape");
  g_assert_null (plenary);
}

static void
test_accessible (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (gui.app), "plenary",
                                  g_variant_new_string (gui.demo_path));
  gui_wait_for (has_plenary, NULL);
  plenary = COCREA_PLENARY_WINDOW (gui_find_toplevel (COCREA_TYPE_PLENARY_WINDOW));
  gui_settle ();
  gui_check_accessible_labels (GTK_WIDGET (plenary), 6);
  {
    g_autoptr (GPtrArray) rows = shown_rows ();

    for (guint i = 0; i < rows->len; i++)
      g_assert_true (gui_has_accessible_name (rows->pdata[i]));
  }
}

int
main (int argc, char **argv)
{
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-plenary", "org.cocrea.Cocrea.TestPlenary"))
    return 77;

  g_test_add_func ("/gui-plenary/open", test_open);
  g_test_add_func ("/gui-plenary/command-line-writes", test_command_line_writes);
  g_test_add_func ("/gui-plenary/command-line-decides", test_command_line_decides);
  g_test_add_func ("/gui-plenary/facilitator-writes", test_facilitator_writes);
  g_test_add_func ("/gui-plenary/keys", test_keys);
  g_test_add_func ("/gui-plenary/accessible", test_accessible);

  return gui_harness_run ();
}
