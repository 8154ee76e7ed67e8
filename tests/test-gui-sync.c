/* test-gui-sync.c — Prepare Laptops and Bring Back Laptops, under a real display
 *
 * On the Renca demo: Prepare Laptops writes one copy per table of the
 * workshop, each named after its table, and refuses to write over them a
 * second time; two laptops work on their copies (one types and merges,
 * one corrects a contribution also corrected here); Bring Back Laptops
 * previews both before anything changes (counts, the conflict with both
 * versions, the button held until it is decided), brings each back as
 * one edit, the tally following at once; one Undo per copy takes it back
 * whole. A copy opened in a window opens capture on its table. Exits 77
 * (skipped) without a display; with COCREA_SCREENSHOT_DIR set it saves
 * screenshots of both dialogs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cocrea-activities-page.h"
#include "cocrea-activity.h"
#include "cocrea-bring-back-copy.h"
#include "cocrea-bring-back-dialog.h"
#include "cocrea-capture-page.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-merge-page.h"
#include "cocrea-prepare-laptops-dialog.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-sync-conflict-row.h"
#include "cocrea-sync-copy.h"
#include "cocrea-sync-plan.h"
#include "cocrea-tally.h"
#include "cocrea-proposal.h"
#include "cocrea-types.h"
#include "gui-harness.h"

static GtkWindow *window;
static CocreaActivitiesPage *page;
static char *usb;
static gint64 workshop;
static char *copy_names[8];

static CocreaDocument *
document (void)
{
  return cocrea_page_get_document (COCREA_PAGE (page));
}

static gboolean
match_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A visible label holding @part: the test asserts what the data says,
 * not the words around it, so it also runs in Spanish for screenshots. */
static gboolean
match_part (GtkWidget *widget, gconstpointer part)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

static gboolean
match_subtitle (GtkWidget *widget, gconstpointer text)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) == 0;
}

/* The id of contribution @text in the window's process. */
static gint64
contribution_id (CocreaDocument *doc, const char *text)
{
  g_autoptr (GListModel) all = cocrea_contribution_list (doc, 0, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (all, i);
      if (g_str_equal (cocrea_contribution_get_text (c), text))
        return cocrea_contribution_get_id (c);
    }
  return 0;
}

static guint
n_contributions (CocreaDocument *doc)
{
  g_autoptr (GListModel) all = cocrea_contribution_list (doc, 0, 0, NULL);
  return g_list_model_get_n_items (all);
}

/* The tally's entry titled @title, or NULL. */
static CocreaProposal *
tally_entry (const char *title)
{
  g_autoptr (GListModel) tally = cocrea_tally (document (), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tally); i++)
    {
      g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);
      if (g_str_equal (cocrea_proposal_get_title (p), title))
        return g_steal_pointer (&p);
    }
  return NULL;
}

static void
edit_text (CocreaDocument *doc, gint64 id, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaContribution) c = cocrea_contribution_lookup (doc, id, &error);
  CocreaContributionFields fields;

  g_assert_no_error (error);
  cocrea_contribution_get_fields (c, &fields);
  fields.text = text;
  g_assert_true (cocrea_contribution_update (doc, id, &fields, NULL, &error));
  g_assert_no_error (error);
}

static void
test_open (void)
{
  g_autoptr (GListModel) activities = NULL;

  window = cocrea_application_open_path (gui.app, gui.demo_path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (window, 1260, 800);
  gui_wait_for (gui_is_mapped, window);
  page = COCREA_ACTIVITIES_PAGE (gui_show_page (window, "activities", COCREA_TYPE_ACTIVITIES_PAGE));

  activities = cocrea_activity_list (document (), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr (CocreaActivity) a = g_list_model_get_item (activities, i);
      if (cocrea_activity_get_kind (a) == COCREA_ACTIVITY_WORKSHOP && workshop == 0)
        workshop = cocrea_activity_get_id (a);
    }
  g_assert_cmpint (workshop, >, 0);
  gui_screenshot ("activities-page.png");
  usb = g_build_filename (gui.tmp_dir, "usb", NULL);
  g_assert_cmpint (g_mkdir (usb, 0755), ==, 0);
}

static CocreaPrepareLaptopsDialog *
open_prepare (void)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "activities.prepare-laptops", NULL);
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (COCREA_TYPE_PREPARE_LAPTOPS_DIALOG));
  return COCREA_PREPARE_LAPTOPS_DIALOG (gui_find_toplevel (COCREA_TYPE_PREPARE_LAPTOPS_DIALOG));
}

static gboolean
no_prepare_dialog (gpointer data)
{
  return !gui_has_toplevel (GUI_TYPE_DATA (COCREA_TYPE_PREPARE_LAPTOPS_DIALOG));
}

/* Chooses the workshop in the dialog's activity row. */
static void
choose_workshop (CocreaPrepareLaptopsDialog *dialog)
{
  AdwComboRow *activities = ADW_COMBO_ROW (gui_find_one_of_type (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_COMBO_ROW));
  GListModel *model = adw_combo_row_get_model (activities);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CocreaActivity) a = g_list_model_get_item (model, i);
      if (cocrea_activity_get_id (a) == workshop)
        adw_combo_row_set_selected (activities, i);
    }
  g_assert_cmpint (cocrea_activity_get_id (adw_combo_row_get_selected_item (activities)), ==,
                   workshop);
}

/* One copy per table, named after it; never written over. */
static void
test_prepare (void)
{
  CocreaPrepareLaptopsDialog *dialog = open_prepare ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  choose_workshop (dialog);

  /* A row per table, each showing the file it gets. */
  for (int g = 0; g < 8; g++)
    {
      g_autofree char *group = g_strdup_printf ("Mesa %d", g + 1);
      copy_names[g] = cocrea_sync_copy_file_name (cocrea_activity_kind_label (COCREA_ACTIVITY_WORKSHOP),
                                                  "2019-03-26", group);
      g_assert_nonnull (gui_find_one (GTK_WIDGET (dialog), match_subtitle, copy_names[g]));
    }
  g_assert_true (g_str_has_suffix (copy_names[2], "-26-03-Mesa-3.cocrea"));
  cocrea_prepare_laptops_dialog_set_folder (dialog, usb);
  gui_check_accessible_labels (GTK_WIDGET (dialog), 4);
  gui_screenshot ("prepare-laptops.png");

  g_assert_true (cocrea_prepare_laptops_dialog_write (dialog, &error));
  g_assert_no_error (error);
  gui_wait_for (no_prepare_dialog, NULL);
  for (int g = 0; g < 8; g++)
    {
      g_autofree char *path = g_build_filename (usb, copy_names[g], NULL);
      g_assert_true (cocrea_document_check_file (path, NULL, &error));
      g_assert_no_error (error);
    }

  /* A second time: the copies may hold a round not brought back yet. */
  {
    g_autofree char *path = g_build_filename (usb, copy_names[0], NULL);
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
    dialog = open_prepare ();
    choose_workshop (dialog);
    cocrea_prepare_laptops_dialog_set_folder (dialog, usb);
    g_assert_false (cocrea_prepare_laptops_dialog_write (dialog, &error));
    g_assert_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_nonnull (gui_find_one (GTK_WIDGET (dialog), match_part, copy_names[0]));
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
    g_assert_cmpstr (after, ==, before);
    gtk_window_close (GTK_WINDOW (dialog));
    gui_wait_for (no_prepare_dialog, NULL);
  }
}

static char *
usb_path (int g)
{
  return g_build_filename (usb, copy_names[g], NULL);
}

/* Table 3 types and merges; table 4 corrects a contribution corrected here too. */
static void
work_on_laptops (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *three = usb_path (2);
  g_autofree char *four = usb_path (3);
  g_autoptr (CocreaDocument) laptop = cocrea_document_open (three, COCREA_OPEN_DEFAULT, &error);
  gint64 activity = 0, group = 0, ids[3];

  g_assert_no_error (error);
  g_assert_true (cocrea_sync_get_focus (laptop, &activity, &group, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Mesa 3 en la tarde: plaza con juegos %d", i);
      CocreaContributionFields fields = {
        .activity_id = activity, .group_id = group, .origin = COCREA_ORIGIN_COMMUNITY, .text = text,
      };
      g_assert_true (cocrea_contribution_add (laptop, &fields, &ids[i], NULL, &error));
    }
  g_assert_true (cocrea_merge_new_proposal (laptop, "Juegos en las plazas", ids, 2, NULL, NULL,
                                            &error));
  g_assert_no_error (error);
  g_clear_object (&laptop);

  laptop = cocrea_document_open (four, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GListModel) mine = NULL;
    g_autoptr (CocreaContribution) first = NULL;
    g_autofree char *original = NULL;

    g_assert_true (cocrea_sync_get_focus (laptop, &activity, &group, &error));
    mine = cocrea_contribution_list (laptop, activity, group, &error);
    first = g_list_model_get_item (mine, 0);
    original = g_strdup (cocrea_contribution_get_text (first));
    edit_text (laptop, cocrea_contribution_get_id (first), "Corregido en la mesa 4");
    /* …and here, meanwhile, by the main laptop. */
    edit_text (document (), contribution_id (document (), original), "Corregido en el computador central");
  }
}

static gboolean
has_bring_back_dialog (gpointer data)
{
  return gui_has_toplevel (GUI_TYPE_DATA (COCREA_TYPE_BRING_BACK_DIALOG));
}

static gboolean
is_done (gpointer copy)
{
  return cocrea_bring_back_copy_get_done (copy);
}

static void
test_bring_back (void)
{
  g_autofree char *three = usb_path (2);
  g_autofree char *four = usb_path (3);
  const char *paths[] = { three, four, NULL };
  g_autoptr (GPtrArray) copies = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  CocreaBringBackCopy *mesa3, *mesa4;
  GtkWidget *dialog;
  guint before = n_contributions (document ());
  g_autoptr (CocreaProposal) none = NULL;

  work_on_laptops ();
  cocrea_activities_page_bring_back (page, paths);
  gui_wait_for (has_bring_back_dialog, NULL);
  dialog = gui_find_toplevel (COCREA_TYPE_BRING_BACK_DIALOG);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 700);
  copies = gui_find_all_of_type (dialog, COCREA_TYPE_BRING_BACK_COPY);
  g_assert_cmpuint (copies->len, ==, 2);
  mesa3 = copies->pdata[0];
  mesa4 = copies->pdata[1];

  /* The preview, before anything changes. */
  g_assert_nonnull (gui_find_one (GTK_WIDGET (mesa3), match_text, "Mesa 3"));
  {
    CocreaSyncPlan *plan = cocrea_bring_back_copy_get_plan (mesa3);
    g_autofree char *shown = cocrea_sync_plan_describe (plan, COCREA_SYNC_NEW);

    g_assert_cmpuint (cocrea_sync_plan_get_count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_NEW),
                      ==, 3);
    g_assert_cmpuint (cocrea_sync_plan_get_count (plan, COCREA_SYNC_PROPOSALS, COCREA_SYNC_NEW), ==,
                      1);
    g_assert_cmpuint (cocrea_sync_plan_get_count (plan, COCREA_SYNC_LINKS, COCREA_SYNC_NEW), ==, 2);
    g_assert_cmpuint (cocrea_sync_plan_get_n_changes (plan), ==, 6);
    g_assert_nonnull (gui_find_one (GTK_WIDGET (mesa3), match_text, shown));
  }
  g_assert_true (cocrea_bring_back_copy_can_apply (mesa3));
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (
                      cocrea_bring_back_copy_get_plan (mesa4))), ==, 1);
  g_assert_false (cocrea_bring_back_copy_can_apply (mesa4));
  g_assert_cmpuint (n_contributions (document ()), ==, before);
  none = tally_entry ("Juegos en las plazas");
  g_assert_null (none);
  rows = gui_find_all_of_type (GTK_WIDGET (mesa4), COCREA_TYPE_SYNC_CONFLICT_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (gui_find_one (rows->pdata[0], match_part,
                                  "“Corregido en el computador central” · "));
  g_assert_nonnull (gui_find_one (rows->pdata[0], match_part, "“Corregido en la mesa 4” · "));
  gui_check_accessible_labels (dialog, 4);
  gui_screenshot ("bring-back-preview.png");

  /* Table 3: one click; the tally follows at once. */
  gtk_widget_activate_action (GTK_WIDGET (mesa3), "copy.apply", NULL);
  gui_wait_for (is_done, mesa3);
  g_assert_cmpuint (n_contributions (document ()), ==, before + 3);
  {
    g_autoptr (CocreaProposal) games = tally_entry ("Juegos en las plazas");
    g_assert_nonnull (games);
    g_assert_cmpuint (cocrea_proposal_get_n_contributions (games), ==, 2);
  }

  /* Table 4 was compared again, against the process as it now is: still
   * held until its conflict is decided, then taken. */
  g_assert_false (cocrea_bring_back_copy_can_apply (mesa4));
  g_clear_pointer (&rows, g_ptr_array_unref);
  gui_settle ();
  rows = gui_find_all_of_type (GTK_WIDGET (mesa4), COCREA_TYPE_SYNC_CONFLICT_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_find_one_of_type (rows->pdata[0],
                                                                   GTK_TYPE_DROP_DOWN)), 2);
  g_assert_true (cocrea_bring_back_copy_can_apply (mesa4));
  gtk_widget_activate_action (GTK_WIDGET (mesa4), "copy.apply", NULL);
  gui_wait_for (is_done, mesa4);
  g_assert_cmpint (contribution_id (document (), "Corregido en la mesa 4"), >, 0);
  gui_screenshot ("bring-back-done.png");
  gtk_window_close (GTK_WINDOW (dialog));

  /* One Undo per copy, each whole. */
  gtk_widget_activate_action (GTK_WIDGET (page), "activities.undo-last", NULL);
  gui_settle ();
  g_assert_cmpint (contribution_id (document (), "Corregido en el computador central"), >, 0);
  g_assert_cmpint (contribution_id (document (), "Corregido en la mesa 4"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "activities.undo-last", NULL);
  gui_settle ();
  g_assert_cmpuint (n_contributions (document ()), ==, before);
  {
    g_autoptr (CocreaProposal) gone = tally_entry ("Juegos en las plazas");
    g_assert_null (gone);
  }
}

/* A table's copy opens capture on its table. */
static void
test_capture_focus (void)
{
  g_autofree char *five = usb_path (4);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) reader = cocrea_document_open (five, COCREA_OPEN_READ_ONLY, &error);
  GtkWindow *laptop;
  CocreaCapturePage *capture;
  gint64 activity = 0, group = 0;

  g_assert_true (cocrea_sync_get_focus (reader, &activity, &group, &error));
  g_assert_cmpint (group, >, 0);
  g_clear_object (&reader);
  laptop = cocrea_application_open_path (gui.app, five);
  g_assert_nonnull (laptop);
  gui_wait_for (gui_is_mapped, laptop);
  capture = COCREA_CAPTURE_PAGE (gui_show_page (laptop, "capture", COCREA_TYPE_CAPTURE_PAGE));
  g_assert_cmpint (cocrea_capture_page_get_activity_id (capture), ==, activity);
  g_assert_cmpint (cocrea_capture_page_get_group_id (capture), ==, group);
  gtk_window_destroy (laptop);
}

int
main (int argc, char **argv)
{
  /* COCREA_TEST_LOCALEDIR: run in the user's language (LANGUAGE=es), for
   * screenshots of the Spanish strings. */
  if (g_getenv ("COCREA_TEST_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COCREA_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-sync", "org.cocrea.Cocrea.TestSync"))
    return 77;

  g_test_add_func ("/gui-sync/open", test_open);
  g_test_add_func ("/gui-sync/prepare", test_prepare);
  g_test_add_func ("/gui-sync/bring-back", test_bring_back);
  g_test_add_func ("/gui-sync/capture-focus", test_capture_focus);

  return gui_harness_run ();
}
