/* test-gui-room.c — what Cocrea does in the hall, under a real display
 *
 * Runs in process under Xvfb on the Renca demo: the overview's
 * representation against the commune's population (figures as the core
 * computes them, the under-represented groups said in words), the census
 * shares edited in the process settings (a bad share refused and kept).
 * Exits 77 (skipped) without a display. With COCREA_SCREENSHOT_DIR set,
 * it saves screenshots there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "cocrea-application.h"
#include "cocrea-capture-page.h"
#include "cocrea-chart-view.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution.h"
#include "cocrea-group.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-overview-page.h"
#include "cocrea-plan-page.h"
#include "cocrea-process-settings-dialog.h"
#include "cocrea-representation.h"
#include "cocrea-sheet-code.h"
#include "cocrea-stats.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *window;

static gboolean
match_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
match_name (GtkWidget *widget, gconstpointer name)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0;
}

/* The widget of the template of @root whose id is @id. */
static GtkWidget *
find_id (GtkWidget *root, const char *id)
{
  GtkWidget *widget = gui_find_one (root, match_name, id);

  g_assert_nonnull (widget);
  return widget;
}

/* The entry row titled @title under @root. */
static AdwEntryRow *
find_entry_row (GtkWidget *root, const char *title)
{
  g_autoptr (GPtrArray) rows = gui_find_all_of_type (root, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* Scrolls the scrolled window holding @widget so @widget is at its top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  gui_settle ();
}

static void
test_open (void)
{
  window = gui_open_demo (1260, 900);
}

static CocreaRepresentation *
stored_representation (void)
{
  g_autoptr (CocreaDocument) reader = gui_read_demo ();
  g_autoptr (GError) error = NULL;
  CocreaRepresentation *r = cocrea_representation_compute (reader, &error);

  g_assert_no_error (error);
  return r;
}

/* The overview shows each group's figures as the core computes them, and
 * an under-represented group in words, with its sentence for screen
 * readers; the chart is drawn. */
static void
test_representation (void)
{
  GtkWidget *page = gui_show_page (window, "overview", COCREA_TYPE_OVERVIEW_PAGE);
  g_autoptr (CocreaRepresentation) r = stored_representation ();
  GtkWidget *grid = find_id (page, "representation_grid");
  CocreaChartView *chart = COCREA_CHART_VIEW (find_id (page, "representation_chart"));
  guint flagged = 0;

  g_assert_true (gtk_widget_get_visible (grid));
  g_assert_false (gtk_widget_get_visible (find_id (page, "representation_settings_button")));
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      g_autofree char *id = g_strdup_printf ("%s_representation_assessment", cocrea_inclusion_key (g));
      g_autofree char *share_id = g_strdup_printf ("%s_representation_share", cocrea_inclusion_key (g));
      g_autofree char *share = g_strdup_printf ("%.1f %%", r->groups[g].share * 100);
      GtkLabel *assessment = GTK_LABEL (find_id (grid, id));
      const char *expected = r->groups[g].under_represented ? "⚠ Under-represented"
                                                            : "Not under-represented";

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_id (grid, share_id))), ==, share);
      g_assert_cmpstr (gtk_label_get_text (assessment), ==, expected);
      g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (assessment), "under-represented"), ==,
                       r->groups[g].under_represented);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (assessment),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      flagged += r->groups[g].under_represented;
    }
  /* The demo's illustrative shares leave four groups short of 0.8. */
  g_assert_cmpuint (flagged, ==, 4);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chart)));
  g_assert_cmpuint (cocrea_chart_get_n_categories (cocrea_chart_view_get_chart (chart)), ==,
                    COCREA_N_INCLUSION);

  scroll_to (find_id (page, "representation_heading"));
  gui_screenshot ("overview-representation.png");
}

static gboolean
dialog_gone (gpointer data)
{
  return !gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_PROCESS_SETTINGS_DIALOG));
}

/* The settings dialog shows the census shares; a share that is not a
 * percentage is refused, marked, kept as typed and nothing is written; a
 * good one is saved and the overview follows. */
static void
test_settings (void)
{
  GtkWidget *dialog;
  AdwEntryRow *youth;
  g_autoptr (CocreaRepresentation) after = NULL;
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.process-settings", NULL));
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (COCREA_TYPE_PROCESS_SETTINGS_DIALOG));
  dialog = gui_find_toplevel (COCREA_TYPE_PROCESS_SETTINGS_DIALOG);
  gui_wait_for (gui_is_mapped, dialog);

  youth = find_entry_row (dialog, "Youth (%)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (youth)), ==, "24");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (dialog, "Women (%)"))), ==,
                   "51");

  gtk_editable_set_text (GTK_EDITABLE (youth), "muchos");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  gui_settle ();
  g_assert_true (gui_has_toplevel (GSIZE_TO_POINTER (COCREA_TYPE_PROCESS_SETTINGS_DIALOG)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (youth), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (youth)), ==, "muchos");
  g_assert_nonnull (gui_find_one (dialog, match_text, "Youth: “muchos” is not a percentage"));
  gui_screenshot ("settings-population-refused.png");

  gtk_editable_set_text (GTK_EDITABLE (youth), "101");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  gui_settle ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (youth), "error"));
  {
    g_autoptr (CocreaRepresentation) unchanged = stored_representation ();
    g_assert_cmpfloat (unchanged->groups[1].population_share, ==, 0.24);
  }

  /* A comma is a decimal mark too; 12 % against 11.9 % is 0.99. */
  gtk_editable_set_text (GTK_EDITABLE (youth), "12,0");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  gui_wait_for (dialog_gone, NULL);

  after = stored_representation ();
  g_assert_cmpfloat_with_epsilon (after->groups[1].population_share, 0.12, 1e-12);
  g_assert_false (after->groups[1].under_represented);

  page = gui_show_page (window, "overview", COCREA_TYPE_OVERVIEW_PAGE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_id (page, "youth_representation_assessment"))),
                   ==, "Not under-represented");
}

/* The code of the proposal sheet of the workshop's table called @name,
 * made for the process on disk (or, with @other_process, for a process
 * whose uuid differs). */
static char *
sheet_code (const char *name, gboolean other_process, gint64 *group_id)
{
  g_autoptr (CocreaDocument) reader = gui_read_demo ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) groups = cocrea_group_list (reader, 3, &error);
  CocreaSheetCode code;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr (CocreaGroup) group = g_list_model_get_item (groups, i);
      if (g_str_equal (cocrea_group_get_name (group), name))
        *group_id = cocrea_group_get_id (group);
    }
  g_assert_true (cocrea_sheet_code_make (reader, COCREA_SHEET_CAPTURE, 3, *group_id, 1, &code, &error));
  g_assert_no_error (error);
  if (other_process)
    code.tag[0] = code.tag[0] == 'F' ? 'E' : 'F';
  return cocrea_sheet_code_format (&code);
}

static gint64
stored_contributions (void)
{
  g_autoptr (CocreaDocument) reader = gui_read_demo ();
  g_autoptr (GError) error = NULL;
  CocreaStats stats = { 0 };

  g_assert_true (cocrea_stats_load (reader, &stats, &error));
  g_assert_no_error (error);
  return stats.contributions;
}

/* A sheet code typed (or scanned) in the Sheet field picks its activity
 * and table and gives the text the focus; scanned into the text itself it
 * does the same instead of becoming a contribution; a code of another
 * process is refused where it was typed, and nothing moves. */
static void
test_capture_sheet (void)
{
  CocreaCapturePage *page = COCREA_CAPTURE_PAGE (gui_show_page (window, "capture", COCREA_TYPE_CAPTURE_PAGE));
  GtkWidget *entry = find_id (GTK_WIDGET (page), "sheet_entry");
  GtkTextView *text = GTK_TEXT_VIEW (find_id (GTK_WIDGET (page), "text_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text);
  gint64 five = 0, two = 0, seven = 0;
  g_autofree char *code5 = sheet_code ("Mesa 5", FALSE, &five);
  g_autofree char *code2 = sheet_code ("Mesa 2", FALSE, &two);
  g_autofree char *foreign = sheet_code ("Mesa 7", TRUE, &seven);
  g_autofree char *lower = g_ascii_strdown (code5, -1);
  gint64 before = stored_contributions ();

  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Typed in the Sheet field, in lower case, then Enter. */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), lower);
  g_signal_emit_by_name (entry, "activate");
  gui_settle ();
  g_assert_cmpint (cocrea_capture_page_get_activity_id (page), ==, 3);
  g_assert_cmpint (cocrea_capture_page_get_group_id (page), ==, five);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text)));
  gui_screenshot ("capture-sheet.png");

  /* Scanned into the text: the page switches, nothing is saved. */
  gtk_text_buffer_set_text (buffer, code2, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "capture.save", NULL));
  gui_settle ();
  g_assert_cmpint (cocrea_capture_page_get_group_id (page), ==, two);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_cmpint (stored_contributions (), ==, before);

  /* What is typed next goes to that table. */
  gtk_text_buffer_set_text (buffer, "Bancas y sombra en la plaza de la villa", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "capture.save", NULL));
  gui_settle ();
  g_assert_cmpint (stored_contributions (), ==, before + 1);
  {
    g_autoptr (CocreaDocument) reader = gui_read_demo ();
    g_autoptr (GError) error = NULL;
    g_autoptr (GListModel) list = cocrea_contribution_list (reader, 3, two, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr (CocreaContribution) c = g_list_model_get_item (list, i);
        found = found || g_str_equal (cocrea_contribution_get_text (c), "Bancas y sombra en la plaza de la villa");
      }
    g_assert_true (found);
  }

  /* Another process's sheet: refused, marked, kept; the table stays. */
  gtk_editable_set_text (GTK_EDITABLE (entry), foreign);
  g_signal_emit_by_name (entry, "activate");
  gui_settle ();
  g_assert_cmpint (cocrea_capture_page_get_group_id (page), ==, two);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, foreign);
  gui_screenshot ("capture-sheet-refused.png");
  /* Correcting it clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Scanned into the text, refused: the text stays and says why. */
  gtk_text_buffer_set_text (buffer, foreign, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "capture.save", NULL));
  gui_settle ();
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 0);
  {
    GtkLabel *why = GTK_LABEL (find_id (GTK_WIDGET (page), "text_error"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (why)));
    g_assert_nonnull (strstr (gtk_label_get_text (why), "another process"));
  }
  g_assert_cmpint (stored_contributions (), ==, before + 1);
  gtk_text_buffer_set_text (buffer, "", -1);
}

/* The Plan page shows every milestone on the timeline in place of the
 * editor, follows a progress record at once, and gives the editor back
 * when a commitment is chosen. */
static void
test_timeline (void)
{
  CocreaPlanPage *page = COCREA_PLAN_PAGE (gui_show_page (window, "plan", COCREA_TYPE_PLAN_PAGE));
  CocreaChartView *view = COCREA_CHART_VIEW (find_id (GTK_WIDGET (page), "timeline_chart"));
  GtkWidget *editor = find_id (GTK_WIDGET (page), "editor");
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (GError) error = NULL;
  const CocreaMilestoneState *first;
  CocreaChart *chart;
  guint index = 0;

  states = cocrea_milestone_progress_follow_up (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, >, 10);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.show-timeline", NULL));
  gui_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_visible (editor));
  chart = cocrea_chart_view_get_chart (view);
  g_assert_cmpint (cocrea_chart_get_kind (chart), ==, COCREA_CHART_TIMELINE);
  g_assert_cmpuint (cocrea_chart_get_n_categories (chart), ==, states->len);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* The first milestone not done yet is recorded done: the timeline says so. */
  for (index = 0; index < states->len; index++)
    if (((CocreaMilestoneState *) g_ptr_array_index (states, index))->status != COCREA_PROGRESS_DONE)
      break;
  g_assert_cmpuint (index, <, states->len);
  first = g_ptr_array_index (states, index);
  g_assert_cmpstr (cocrea_chart_get_category_note (chart, index), !=, "Done");
  g_assert_true (cocrea_milestone_progress_record (document, first->milestone_id, COCREA_PROGRESS_DONE,
                                                   "2020-06-01", "Acta de constitución", NULL, NULL, &error));
  g_assert_no_error (error);
  gui_settle ();
  chart = cocrea_chart_view_get_chart (view);
  g_assert_cmpstr (cocrea_chart_get_category_note (chart, index), ==, "Done");
  gui_screenshot ("plan-timeline.png");

  /* Choosing a commitment shows its editor again. */
  {
    GtkListView *list = GTK_LIST_VIEW (find_id (GTK_WIDGET (page), "commitments_view"));
    GtkSelectionModel *model = gtk_list_view_get_model (list);
    guint other = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)) == 0 ? 1 : 0;

    gtk_selection_model_select_item (model, other, TRUE);
    gui_settle ();
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_visible (editor));
}

int
main (int argc, char **argv)
{
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-room", "org.cocrea.Cocrea.TestRoom"))
    return 77;

  g_test_add_func ("/gui-room/open", test_open);
  g_test_add_func ("/gui-room/representation", test_representation);
  g_test_add_func ("/gui-room/settings", test_settings);
  g_test_add_func ("/gui-room/capture-sheet", test_capture_sheet);
  g_test_add_func ("/gui-room/timeline", test_timeline);

  return gui_harness_run ();
}
