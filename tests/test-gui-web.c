/* test-gui-web.c — between the hall and the web (issue 16), in the window
 *
 * Runs in process under Xvfb on the Renca demo with Decidim's export
 * imported: the supports online in Merge & tally and as a weight on
 * Prioritise, and a commitment's OGP completion set by hand in the Plan
 * (a reason required, the choice kept), then undone. Exits 77 (skipped)
 * without a display. With COCREA_SCREENSHOT_DIR set, screenshots are
 * saved there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cocrea-activities-page.h"
#include "cocrea-application.h"
#include "cocrea-choice.h"
#include "cocrea-commitment-editor.h"
#include "cocrea-completion-dialog.h"
#include "cocrea-completion.h"
#include "cocrea-consultation-page.h"
#include "cocrea-consultation.h"
#include "cocrea-db.h"
#include "cocrea-decidim-import.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-export-page.h"
#include "cocrea-history-window.h"
#include "cocrea-history.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-merge-page.h"
#include "cocrea-plan-page.h"
#include "cocrea-prioritise-page.h"
#include "cocrea-revision-dialog.h"
#include "cocrea-revision.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *window;

static CocreaDocument *
window_document (void)
{
  return cocrea_window_get_document (COCREA_WINDOW (window));
}

static void
test_open (void)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *export = g_test_build_filename (G_TEST_DIST, "fixtures", "decidim",
                                                   "proposals-0.28.csv", NULL);

  window = cocrea_application_open_path (gui.app, gui.demo_path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (window, 1260, 780);
  gui_wait_for (gui_is_mapped, window);

  /* Decidim's proposals, 101 and 104 merged into the demo's proposal 4. */
  g_assert_true (cocrea_decidim_import (window_document (), export, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3);
  gui_settle ();
}

/* The column titled @title of @view, or NULL. */
static GtkColumnViewColumn *
find_column (GtkColumnView *view, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

/* Supports online get a column of their own in the tally, once any
 * contribution from Decidim is in a proposal. */
static void
test_merge_supports (void)
{
  GtkWidget *page = gui_show_page (window, "merge", COCREA_TYPE_MERGE_PAGE);
  g_autoptr (GPtrArray) views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GtkColumnViewColumn *supports = NULL;

  for (guint i = 0; i < views->len && supports == NULL; i++)
    supports = find_column (views->pdata[i], "Supports");
  /* Not merged yet: no proposal has supports, so no column (the page
   * takes it out of the view rather than hiding it). */
  g_assert_true (supports == NULL || !gtk_column_view_column_get_visible (supports));
}

/* TRUE once one of the column views @views shows a Supports column. */
static gboolean
supports_column_shown (gpointer views)
{
  GPtrArray *array = views;

  for (guint i = 0; i < array->len; i++)
    {
      GtkColumnViewColumn *supports = find_column (array->pdata[i], "Supports");

      if (supports != NULL && gtk_column_view_column_get_visible (supports))
        return TRUE;
    }
  return FALSE;
}

/* The contribution Decidim proposal @external_id became. */
static gint64
contribution_of (int external_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT contribution_id FROM contribution_source"
                                          " WHERE external_id = %d", external_id);
  gint64 id = 0;

  cocrea_db_query_int (cocrea_document_get_db (window_document ()), sql, &id, &error);
  g_assert_no_error (error);
  return id;
}

/* Merged into a proposal, their supports show in the tally. */
static void
test_merge_supports_after_merge (void)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *page = gui_show_page (window, "merge", COCREA_TYPE_MERGE_PAGE);
  g_autoptr (GPtrArray) views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  gint64 ids[2] = { contribution_of (101), contribution_of (104) };

  g_assert_false (supports_column_shown (views));
  g_assert_true (cocrea_merge_into (window_document (), 4, ids, 2, NULL, &error));
  g_assert_no_error (error);
  gui_wait_for (supports_column_shown, views);
  gui_screenshot ("gui-web-merge-supports.png");
}

/* The weight of supports online is offered where there are supports. */
static void
test_prioritise_supports (void)
{
  GtkWidget *page = gui_show_page (window, "prioritise", COCREA_TYPE_PRIORITISE_PAGE);
  g_autoptr (GPtrArray) scales = gui_find_all_of_type (page, GTK_TYPE_SCALE);
  guint visible = 0;

  for (guint i = 0; i < scales->len; i++)
    visible += gtk_widget_get_visible (scales->pdata[i]);
  g_assert_cmpuint (visible, ==, 4);
  gui_screenshot ("gui-web-prioritise-supports.png");
}

static CocreaCompletionState *
stored_completion (gint64 commitment_id)
{
  g_autoptr (CocreaDocument) reader = gui_read_demo ();
  g_autoptr (GError) error = NULL;
  CocreaCompletionState *state = cocrea_completion_get (reader, commitment_id, &error);

  g_assert_no_error (error);
  return state;
}

static gboolean
no_completion_dialog (gpointer data)
{
  return !gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_COMPLETION_DIALOG));
}

static gboolean
match_subtitle (GtkWidget *widget, gconstpointer text)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) == 0;
}

static gboolean
shows_subtitle (gpointer text)
{
  return gui_find_one (GTK_WIDGET (window), match_subtitle, text) != NULL;
}

/* The completion of the first commitment, set by hand: a reason is
 * required (refused under the field, the choice kept), then saved,
 * shown, and undone. */
static void
test_completion (void)
{
  GtkWidget *page = gui_show_page (window, "plan", COCREA_TYPE_PLAN_PAGE);
  CocreaCommitmentEditor *editor =
    COCREA_COMMITMENT_EDITOR (gui_find_one_of_type (page, COCREA_TYPE_COMMITMENT_EDITOR));
  gint64 id = cocrea_commitment_editor_get_commitment (editor);
  g_autoptr (CocreaCompletionState) before = stored_completion (id);
  g_autoptr (CocreaCompletionState) after = NULL;
  g_autoptr (CocreaCompletionState) undone = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *follows = g_strdup_printf ("%s · follows the milestones",
                                              cocrea_completion_label (before->derived));
  g_autofree char *by_hand = NULL;
  CocreaCompletionDialog *dialog;
  GtkCheckButton *hand;
  AdwComboRow *level;
  AdwEntryRow *reason;

  g_assert_false (before->set_by_hand);
  gui_wait_for (shows_subtitle, follows);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-completion", NULL));
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (COCREA_TYPE_COMPLETION_DIALOG));
  dialog = COCREA_COMPLETION_DIALOG (gui_find_toplevel (COCREA_TYPE_COMPLETION_DIALOG));
  gui_check_accessible_labels (GTK_WIDGET (dialog), 1);

  {
    g_autoptr (GPtrArray) checks = gui_find_all_of_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
    g_assert_cmpuint (checks->len, ==, 2);
    g_assert_true (gtk_check_button_get_active (checks->pdata[0]));
    hand = checks->pdata[1];
  }
  level = ADW_COMBO_ROW (gui_find_one_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  reason = ADW_ENTRY_ROW (gui_find_one_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_check_button_set_active (hand, TRUE);
  adw_combo_row_set_selected (level, COCREA_COMPLETION_COMPLETE);

  /* No reason: refused, nothing written, the dialog and choice stay. */
  g_assert_false (cocrea_completion_dialog_save (dialog, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  gui_settle ();
  g_assert_true (gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_COMPLETION_DIALOG)));
  g_assert_cmpuint (adw_combo_row_get_selected (level), ==, COCREA_COMPLETION_COMPLETE);
  gui_screenshot ("gui-web-completion-refused.png");

  gtk_editable_set_text (GTK_EDITABLE (reason), "El COSOC sesiona desde marzo con acta pública");
  g_assert_true (cocrea_completion_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gui_wait_for (no_completion_dialog, NULL);

  after = stored_completion (id);
  g_assert_true (after->set_by_hand);
  g_assert_cmpint (after->level, ==, COCREA_COMPLETION_COMPLETE);
  g_assert_cmpstr (after->reason, ==, "El COSOC sesiona desde marzo con acta pública");
  by_hand = g_strdup_printf ("Complete · set by hand (the milestones say %s): %s",
                             cocrea_completion_label (before->derived), after->reason);
  gui_wait_for (shows_subtitle, by_hand);
  gui_screenshot ("gui-web-completion.png");

  /* The toast's Undo, as the Plan page offers it. */
  g_assert_true (gtk_widget_activate_action (page, "plan.undo", "u", 0));
  gui_settle ();
  undone = stored_completion (id);
  g_assert_false (undone->set_by_hand);
  gui_wait_for (shows_subtitle, follows);
}

static gboolean
shows_one (gpointer history)
{
  return cocrea_history_window_get_n_shown (history) == 1;
}

static gboolean
shows_all (gpointer history)
{
  g_autoptr (GPtrArray) entries = cocrea_history_list (window_document (), NULL, NULL);
  return cocrea_history_window_get_n_shown (history) == entries->len;
}

static gboolean
no_history_window (gpointer data)
{
  return !gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_HISTORY_WINDOW));
}

/* The history from the primary menu (Ctrl+H): every edit, newest first,
 * filtered by kind and by a search, following edits made while open. */
static void
test_history (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = cocrea_history_list (window_document (), NULL, &error);
  CocreaHistoryWindow *history;
  GtkDropDown *kinds;
  GtkEditable *search;
  guint imports = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    imports += cocrea_history_entry_kind (entries->pdata[i]) == COCREA_HISTORY_IMPORT;
  g_assert_cmpuint (imports, ==, 2); /* the demo, then Decidim's export */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (COCREA_TYPE_HISTORY_WINDOW));
  history = COCREA_HISTORY_WINDOW (gui_find_toplevel (COCREA_TYPE_HISTORY_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (history), 900, 600);
  gui_settle ();
  gui_check_accessible_labels (GTK_WIDGET (history), 2);
  g_assert_cmpuint (cocrea_history_window_get_n_shown (history), ==, entries->len);
  gui_screenshot ("gui-web-history.png");

  kinds = GTK_DROP_DOWN (gui_find_one_of_type (GTK_WIDGET (history), GTK_TYPE_DROP_DOWN));
  /* Every kind, then the kinds in order from decisions: imports are 4th. */
  gtk_drop_down_set_selected (kinds, COCREA_HISTORY_IMPORT);
  g_assert_cmpuint (cocrea_history_window_get_n_shown (history), ==, imports);
  search = GTK_EDITABLE (gui_find_one_of_type (GTK_WIDGET (history), GTK_TYPE_SEARCH_ENTRY));
  /* A search entry waits a moment before it says it changed. */
  gtk_editable_set_text (search, "decidim");
  gui_wait_for (shows_one, history);

  /* An edit while it is open shows at once. */
  gtk_drop_down_set_selected (kinds, 0);
  gtk_editable_set_text (search, "");
  gui_wait_for (shows_all, history);
  {
    guint before = cocrea_history_window_get_n_shown (history);
    g_auto (CocreaDecidimImport) again = { 0 };
    g_autofree char *export = g_test_build_filename (G_TEST_DIST, "fixtures", "decidim",
                                                     "proposals-0.27.csv", NULL);

    g_assert_true (cocrea_decidim_import (window_document (), export, &again, NULL, &error));
    g_assert_no_error (error);
    gui_settle ();
    g_assert_cmpuint (cocrea_history_window_get_n_shown (history), ==, before + 1);
  }
  gtk_window_close (GTK_WINDOW (history));
  gui_wait_for (no_history_window, NULL);
}

/* A label showing @text. */
static gboolean
match_label (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
not_busy (gpointer page)
{
  return !cocrea_export_page_get_busy (page);
}

static gboolean
has_items (gpointer dropdown)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)) > 0;
}

/* Export @kind through the page into @name in the test folder, as the
 * save dialog does; returns the path. */
static char *
export_through (CocreaExportPage *page, CocreaExportKind kind, const char *name)
{
  char *path = g_build_filename (gui.tmp_dir, name, NULL);

  cocrea_export_page_export_to (page, kind, path);
  g_assert_true (cocrea_export_page_get_busy (page));
  gui_wait_for_seconds (not_busy, page, 120);
  g_assert_false (gui_has_toplevel (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* The standard output of @argv, which must succeed. */
static char *
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The Export page offers the exports of issue 16: the Decidim answers,
 * the final plan, the report of the commitment chosen in its row, and
 * the repository pack; each writes its file. */
static void
test_export (void)
{
  CocreaExportPage *page =
    COCREA_EXPORT_PAGE (gui_show_page (window, "export", COCREA_TYPE_EXPORT_PAGE));
  GtkDropDown *commitments =
    GTK_DROP_DOWN (gui_find_one_of_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  g_autofree char *answers = NULL;
  g_autofree char *final = NULL;
  g_autofree char *report = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;

  g_assert_nonnull (commitments);
  gui_wait_for (has_items, commitments);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (commitments)), ==, 5);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (commitments)));
  g_assert_true (gui_has_accessible_name (commitments));
  gui_check_accessible_labels (GTK_WIDGET (page), 10);
  gui_screenshot ("gui-web-export.png");

  answers = export_through (page, COCREA_EXPORT_DECIDIM_ANSWERS_CSV, "respuestas.csv");
  g_assert_true (g_file_get_contents (answers, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "id;state;answer/es\r\n"));
  /* Decidim proposal 101 is in proposal 4; 104 amends it, and Decidim
   * takes no answers for amendments. */
  g_assert_nonnull (strstr (contents, "\r\n101;"));
  g_assert_null (strstr (contents, "\r\n104;"));

  final = export_through (page, COCREA_EXPORT_FINAL_PLAN_PDF, "plan final.pdf");
  text = run ((const char *[]) { "pdftotext", "-q", final, "-", NULL });
  g_assert_nonnull (strstr (text, "Renca"));
  g_clear_pointer (&text, g_free);

  /* The second commitment, chosen in the row. */
  gtk_drop_down_set_selected (commitments, 1);
  report = export_through (page, COCREA_EXPORT_COMMITMENT_REPORT_PDF, "informe.pdf");
  text = run ((const char *[]) { "pdftotext", "-q", report, "-", NULL });
  {
    g_autoptr (CocreaChoice) second = g_list_model_get_item (gtk_drop_down_get_model (commitments), 1);
    const char *name = strchr (cocrea_choice_get_label (second), ' ') + 1;
    g_autofree char *start = g_strndup (name, 20);

    g_assert_nonnull (strstr (text, start));
  }

  pack = export_through (page, COCREA_EXPORT_PACK_ZIP, "paquete.zip");
  listing = run ((const char *[]) { "unzip", "-Z1", pack, NULL });
  g_assert_nonnull (strstr (listing, "MANIFEST.json\n"));
  g_assert_nonnull (strstr (listing, "MANIFEST.txt\n"));
}

static gboolean
shows_error_dialog (gpointer data)
{
  return gui_has_toplevel (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
}

/* The pack may not overwrite the process itself, nor be named like a
 * process: refused at once, in a dialog, before any work. */
static void
test_export_refused (void)
{
  CocreaExportPage *page =
    COCREA_EXPORT_PAGE (gui_show_page (window, "export", COCREA_TYPE_EXPORT_PAGE));
  g_autofree char *other = g_build_filename (gui.tmp_dir, "otro.cocrea", NULL);
  const char *paths[] = { gui.demo_path, other };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GtkWidget *dialog;
      GStatBuf before, after;

      g_assert_cmpint (g_stat (gui.demo_path, &before), ==, 0);
      cocrea_export_page_export_to (page, COCREA_EXPORT_PACK_ZIP, paths[i]);
      g_assert_false (cocrea_export_page_get_busy (page));
      gui_wait_for (shows_error_dialog, NULL);
      dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       "Could Not Export");
      gtk_window_destroy (GTK_WINDOW (dialog));
      gui_settle ();
      g_assert_cmpint (g_stat (gui.demo_path, &after), ==, 0);
      g_assert_cmpint (before.st_size, ==, after.st_size);
    }
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* The pack takes a Cancel as the PDFs do: no file, a toast, and the page
 * takes the next export. */
static void
test_export_pack_cancel (void)
{
  CocreaExportPage *page =
    COCREA_EXPORT_PAGE (gui_show_page (window, "export", COCREA_TYPE_EXPORT_PAGE));
  g_autofree char *path = g_build_filename (gui.tmp_dir, "cancelado.zip", NULL);

  cocrea_export_page_export_to (page, COCREA_EXPORT_PACK_ZIP, path);
  g_assert_true (cocrea_export_page_get_busy (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.cancel", NULL));
  gui_wait_for_seconds (not_busy, page, 60);
  gui_settle ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (gui_find_one (GTK_WIDGET (page), match_label,
                                  _("Export cancelled: no file was written")));
  g_assert_false (gui_has_toplevel (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
}

static gint64
count_contributions (void)
{
  g_autoptr (GError) error = NULL;
  gint64 n = -1;

  cocrea_db_query_int (cocrea_document_get_db (window_document ()),
                       "SELECT count(*) FROM contribution", &n, &error);
  g_assert_no_error (error);
  return n;
}

/* Activities & groups → Import… takes Decidim's export too, told by its
 * header: one edit, its summary in the toast, undone by its Undo. */
static void
test_import_decidim (void)
{
  GtkWidget *page = gui_show_page (window, "activities", COCREA_TYPE_ACTIVITIES_PAGE);
  g_autofree char *export = g_test_build_filename (G_TEST_DIST, "fixtures", "decidim",
                                                   "proposals-admin.json", NULL);
  const char *summary = "2 proposals imported from Decidim into “Decidim: presupuesto-2020”. "
                        "1 withdrawn proposal left out.";
  gint64 before = count_contributions ();
  GtkWidget *dialog;

  g_assert_true (cocrea_decidim_file_detect (export));
  cocrea_activities_page_import (COCREA_ACTIVITIES_PAGE (page), export);
  gui_settle ();
  g_assert_cmpint (count_contributions (), ==, before + 2);
  g_assert_false (gui_has_toplevel (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_nonnull (gui_find_one (page, match_label, summary));
  gui_screenshot ("gui-web-import-decidim.png");

  /* Again: nothing new, said in a dialog, nothing to undo. */
  cocrea_activities_page_import (COCREA_ACTIVITIES_PAGE (page), export);
  gui_wait_for (shows_error_dialog, NULL);
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Nothing Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "2 were already in the process"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  g_assert_cmpint (count_contributions (), ==, before + 2);

  /* One Undo takes the whole import back. */
  g_assert_true (gtk_widget_activate_action (page, "activities.undo", "u", 0));
  gui_settle ();
  g_assert_cmpint (count_contributions (), ==, before);
}

/* Chooses comment @id in the Consultation page's list. */
static void
choose_comment (GtkWidget *page, gint64 id)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_find_one_of_type (page, GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (cocrea_consultation_comment_get_id (c) == id)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          gui_settle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static gboolean
no_revision_dialog (gpointer data)
{
  return !gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_REVISION_DIALOG));
}

/* What `cocrea consultation --json` says of the revisions of the file. */
static char *
consultation_json (void)
{
  return run ((const char *[]) { g_getenv ("COCREA_BIN"), "consultation", "--json",
                                 gui.demo_path, NULL });
}

static gboolean
page_shows (gpointer text)
{
  GtkWidget *page = gui_show_page (window, "consultation", COCREA_TYPE_CONSULTATION_PAGE);
  return gui_find_one (page, match_label, text) != NULL;
}

static gboolean
page_hides (gpointer text)
{
  return !page_shows (text);
}

/* Consultation → Change the Plan…: one field of a milestone changed in
 * answer to a comment, refused while it changes nothing, listed on the
 * page, read back by the command line, and undone with the change. */
static void
test_revise (void)
{
  GtkWidget *page = gui_show_page (window, "consultation", COCREA_TYPE_CONSULTATION_PAGE);
  const char *deliverable = "Diseño participativo con asambleas en cada barrio";
  CocreaRevisionDialog *dialog;
  AdwComboRow *commitment;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *json = NULL;
  g_autofree char *undone = NULL;
  /* In the user's language: also run in Spanish for its screenshots. */
  g_autofree char *listed = g_strdup_printf (_("%s of milestone %d.%d"),
                                             cocrea_revision_field_label ("deliverable"), 2, 1);

  /* Comment 4 was not accepted: it cannot change the plan. */
  choose_comment (page, 4);
  g_assert_false (gtk_widget_activate_action (page, "consultation.revise", NULL) &&
                  gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_REVISION_DIALOG)));
  g_assert_nonnull (gui_find_one (page, match_label,
                                  _("No changes yet. When a comment leads to a change in a "
                                    "commitment or milestone, choose the comment and “Change the "
                                    "Plan”: the final plan shows each change with its comment.")));

  /* Comment 1, accepted, on commitment 2. */
  choose_comment (page, 1);
  g_assert_true (gtk_widget_activate_action (page, "consultation.revise", NULL));
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (COCREA_TYPE_REVISION_DIALOG));
  dialog = COCREA_REVISION_DIALOG (gui_find_toplevel (COCREA_TYPE_REVISION_DIALOG));
  gui_check_accessible_labels (GTK_WIDGET (dialog), 3);
  commitment = ADW_COMBO_ROW (gui_find_one_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  /* The comment's commitment comes chosen. */
  g_assert_cmpuint (adw_combo_row_get_selected (commitment), ==, 1);

  g_assert_true (cocrea_revision_dialog_choose (dialog, 2, 1, "deliverable"));
  before = cocrea_revision_dialog_get_value (dialog);
  g_assert_cmpstr (before, !=, "");
  g_assert_false (cocrea_revision_dialog_choose (dialog, 2, 99, "deliverable"));

  /* Unchanged: refused, the dialog and the choice stay. */
  g_assert_false (cocrea_revision_dialog_save (dialog, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  gui_settle ();
  g_assert_true (gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_REVISION_DIALOG)));

  cocrea_revision_dialog_set_value (dialog, deliverable);
  gui_settle ();
  gui_screenshot ("gui-web-revision-dialog.png");
  g_assert_true (cocrea_revision_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gui_wait_for (no_revision_dialog, NULL);

  /* On the page, and in the file as the command line reads it. */
  gui_wait_for (page_shows, listed);
  gui_screenshot ("gui-web-revisions.png");
  json = consultation_json ();
  g_assert_nonnull (strstr (json, deliverable));
  g_assert_nonnull (strstr (json, "\"revisions\""));

  /* The toast's Undo takes back the change and its record. */
  g_assert_true (gtk_widget_activate_action (page, "consultation.undo", "u", 0));
  gui_settle ();
  gui_wait_for (page_hides, listed);
  undone = consultation_json ();
  g_assert_null (strstr (undone, deliverable));
}

int
main (int argc, char **argv)
{
  /* COCREA_TEST_LOCALEDIR: run in the user's language (LANGUAGE=es), for
   * screenshots of the Spanish strings; the tests that compare English
   * texts then fail, after their screenshots. */
  if (g_getenv ("COCREA_TEST_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COCREA_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-web", "org.cocrea.Cocrea.TestWeb"))
    return 77;

  g_test_add_func ("/gui-web/open", test_open);
  g_test_add_func ("/gui-web/merge-supports", test_merge_supports);
  g_test_add_func ("/gui-web/merge-supports-after-merge", test_merge_supports_after_merge);
  g_test_add_func ("/gui-web/prioritise-supports", test_prioritise_supports);
  g_test_add_func ("/gui-web/completion", test_completion);
  g_test_add_func ("/gui-web/history", test_history);
  g_test_add_func ("/gui-web/export", test_export);
  g_test_add_func ("/gui-web/export-refused", test_export_refused);
  g_test_add_func ("/gui-web/export-pack-cancel", test_export_pack_cancel);
  g_test_add_func ("/gui-web/import-decidim", test_import_decidim);
  g_test_add_func ("/gui-web/revise", test_revise);

  return gui_harness_run ();
}
