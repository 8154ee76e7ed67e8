/* test-gui-viability.c — prioritise, score by keyboard and select, under a real display
 *
 * Runs in process under Xvfb on the Renca demo: opens the process,
 * goes to the Viability page, scores cells from the keyboard and checks
 * the file and the aggregates; then the quota rule on the Selection page
 * and the accessible names of the new controls. Exits 77 (skipped)
 * without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "cocrea-application.h"
#include "cocrea-chart-view.h"
#include "cocrea-db.h"
#include "cocrea-decision-dialog.h"
#include "cocrea-document-private.h"
#include "cocrea-evaluator.h"
#include "cocrea-item-widget.h"
#include "cocrea-prioritise-page.h"
#include "cocrea-priority-item.h"
#include "cocrea-proposal.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-ranking.h"
#include "cocrea-score-matrix.h"
#include "cocrea-score.h"
#include "cocrea-selection-page.h"
#include "cocrea-selection.h"
#include "cocrea-shortlist-cell.h"
#include "cocrea-viability-page.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *window;

/* The score @evaluator_id gave, or -1. */
static int
stored_score (gint64 evaluator_id, gint64 proposal_id, const char *criterion)
{
  g_autoptr (CocreaDocument) reader = NULL;
  g_autoptr (GListModel) scores = NULL;
  g_autoptr (GError) error = NULL;

  /* A second, read-only opening: what is on disk, not in the window's memory. */
  reader = cocrea_document_open (gui.demo_path, COCREA_OPEN_FALLBACK_READ_ONLY, &error);
  g_assert_no_error (error);
  scores = cocrea_score_list (reader, evaluator_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr (CocreaScore) score = g_list_model_get_item (scores, i);

      if (cocrea_score_get_proposal_id (score) == proposal_id &&
          g_str_equal (cocrea_score_get_criterion (score), criterion))
        return cocrea_score_get_value (score);
    }
  return -1;
}

/* The focus of the window, active or not (Xvfb has no window manager
 * to make it active, so gtk_widget_has_focus() would be FALSE). */
static gboolean
is_focus (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget)) == widget;
}

static guint
aggregate_n (CocreaViabilityPage *page, gint64 proposal_id, guint criterion)
{
  CocreaRanking *ranking = cocrea_viability_page_get_ranking (page);
  int p = cocrea_ranking_data_find_proposal (ranking->data, proposal_id);

  g_assert_cmpint (p, >=, 0);
  return cocrea_ranking_get_cell (ranking, (guint) p, criterion)->n;
}

static void
test_open (void)
{
  window = gui_open_demo (0, 0);
}

static const CocreaPriorityWeights mentions_only = { 1, 0, 0 };
static const CocreaPriorityWeights moved = { 2, 0.5, 0 };
static const CocreaPriorityWeights equal = { 1, 1, 1 };

/* TRUE when the file keeps the weights @data. */
static gboolean
weights_kept (gpointer data)
{
  const CocreaPriorityWeights *want = data;
  CocreaPriorityWeights kept;
  g_autoptr (GError) error = NULL;

  g_assert_true (cocrea_priority_weights_load (cocrea_window_get_document (COCREA_WINDOW (window)),
                                               &kept, &error));
  return kept.mentions == want->mentions && kept.axes == want->axes &&
         kept.inclusion == want->inclusion;
}

static gint64
count_log (const char *action)
{
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s'", action);
  g_autoptr (GError) error = NULL;
  gint64 n = -1;

  g_assert_true (cocrea_db_query_int (cocrea_document_get_db (document), sql, &n, &error));
  return n;
}

static void
test_prioritise (void)
{
  CocreaPrioritisePage *page =
    COCREA_PRIORITISE_PAGE (gui_show_page (window, "prioritise", COCREA_TYPE_PRIORITISE_PAGE));
  CocreaChartView *chart = COCREA_CHART_VIEW (gui_find_one_of_type (GTK_WIDGET (page), COCREA_TYPE_CHART_VIEW));
  g_autoptr (GPtrArray) scales = gui_find_all_of_type (GTK_WIDGET (page), GTK_TYPE_SCALE);

  g_assert_cmpuint (cocrea_prioritise_page_count_changed (page), ==, 0);
  /* Mentions alone reorder the Renca proposals. */
  cocrea_prioritise_page_set_weights (page, 1, 0, 0, 0);
  gui_settle ();
  g_assert_cmpuint (cocrea_prioritise_page_count_changed (page), >, 0);
  /* Kept in the file once the scales rest, as one edit. */
  gui_wait_for (weights_kept, (gpointer) &mentions_only);
  g_assert_cmpint (count_log ("priority-weights"), ==, 1);

  /* Moved again and left at once: leaving the page keeps them. */
  cocrea_prioritise_page_set_weights (page, 2, 0.5, 0, 0);
  gui_show_page (window, "selection", COCREA_TYPE_SELECTION_PAGE);
  g_assert_true (weights_kept ((gpointer) &moved));
  page = COCREA_PRIORITISE_PAGE (gui_show_page (window, "prioritise", COCREA_TYPE_PRIORITISE_PAGE));

  cocrea_prioritise_page_set_weights (page, 1, 1, 1, 0);
  g_assert_cmpuint (cocrea_prioritise_page_count_changed (page), ==, 0);
  gui_wait_for (weights_kept, (gpointer) &equal);
  g_assert_cmpint (count_log ("priority-weights"), ==, 3);

  /* The weight of supports online is offered only where there are any:
   * the demo had no Decidim phase. */
  g_assert_cmpuint (scales->len, ==, 4);
  {
    guint visible = 0;
    for (guint i = 0; i < scales->len; i++)
      {
        g_assert_true (gtk_test_accessible_has_property (scales->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL));
        visible += gtk_widget_get_visible (scales->pdata[i]);
      }
    g_assert_cmpuint (visible, ==, 3);
  }

  g_assert_nonnull (chart);
  g_assert_nonnull (cocrea_chart_view_get_chart (chart));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

/* The mapped shortlist cell of proposal @id on the Prioritise page. */
static GtkWidget *
shortlist_cell_of (GtkWidget *page, gint64 id)
{
  g_autoptr (GPtrArray) cells = gui_find_all_of_type (page, COCREA_TYPE_SHORTLIST_CELL);

  for (guint i = 0; i < cells->len; i++)
    {
      CocreaPriorityItem *item = cocrea_item_widget_get_item (cells->pdata[i]);

      if (item != NULL && gtk_widget_get_mapped (cells->pdata[i]) &&
          cocrea_priority_item_get_id (item) == id)
        return cells->pdata[i];
    }
  return NULL;
}

/* A label showing @text with the CSS class @css, mapped. */
static gboolean
shows_label_with_class (GtkWidget *root, const char *text, const char *css)
{
  g_autoptr (GPtrArray) labels = gui_find_all_of_type (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0 &&
        gtk_widget_has_css_class (labels->pdata[i], css))
      return TRUE;
  return FALSE;
}

/* Add Evaluator opens on the name, without calling it missing before
 * anything was typed; emptied, the name is asked for. */
static void
test_evaluator_dialog (void)
{
  GtkWidget *page = gui_show_page (window, "viability", COCREA_TYPE_VIABILITY_PAGE);
  GtkWidget *dialog = NULL, *error_label = NULL, *name;
  g_autoptr (GPtrArray) entries = NULL;

  g_assert_true (gtk_widget_activate_action (page, "viability.add-evaluator", NULL));
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gui_wait_for (gui_is_mapped, dialog);
  gui_settle ();
  entries = gui_find_all_of_type (dialog, GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 2);
  name = entries->pdata[0];
  error_label = gui_find_error_label (dialog);
  g_assert_nonnull (error_label);

  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (is_focus (gtk_root_get_focus (GTK_ROOT (dialog))) &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Ana");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  g_assert_true (gtk_widget_get_visible (error_label));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* A response from code does not close the dialog; its button would. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
}

/* A shortlisted row no longer offers "Shortlist…" but to edit its reason,
 * and says "Shortlisted" in the accent colour, bold, where "Undecided" and
 * "Not shortlisted" are not; rows decided at selection offer nothing. */
static void
test_shortlisted_row (void)
{
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  GtkWidget *page = gui_show_page (window, "prioritise", COCREA_TYPE_PRIORITISE_PAGE);
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_find_one_of_type (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (GError) error = NULL;
  gint64 candidate = 0, selected = 0;
  GtkWidget *cell, *button;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CocreaPriorityItem) item = g_list_model_get_item (rows, i);
      CocreaDecision decision;

      if (!cocrea_priority_item_get_decision (item, &decision))
        continue;
      if (candidate == 0 && decision == COCREA_DECISION_NOT_SHORTLISTED)
        candidate = cocrea_priority_item_get_id (item);
      if (selected == 0 && decision == COCREA_DECISION_SELECTED)
        selected = cocrea_priority_item_get_id (item);
    }
  g_assert_cmpint (candidate, >, 0);
  g_assert_cmpint (selected, >, 0);

  cell = shortlist_cell_of (page, candidate);
  g_assert_nonnull (cell);
  button = gui_find_one_of_type (cell, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Shortlist…");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (shows_label_with_class (page, "Not shortlisted", "not-shortlisted"));
  g_assert_false (shows_label_with_class (page, "Not shortlisted", "shortlisted"));

  g_assert_true (cocrea_selection_decide (document, candidate, COCREA_DECISION_SHORTLISTED,
                                          "Prueba", FALSE, &error));
  g_assert_no_error (error);
  gui_settle ();
  cell = shortlist_cell_of (page, candidate);
  g_assert_nonnull (cell);
  button = gui_find_one_of_type (cell, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Edit Reason…");
  g_assert_true (shows_label_with_class (page, "Shortlisted", "shortlisted"));
  gui_screenshot ("gui-prioritise-shortlisted.png");

  cell = shortlist_cell_of (page, selected);
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_get_visible (gui_find_one_of_type (cell, GTK_TYPE_BUTTON)));
  g_assert_true (shows_label_with_class (cell, "Decided in Selection", "dim-label"));

  /* Back as it was: the later tests count the Renca shortlist. */
  g_assert_true (cocrea_selection_decide (document, candidate, COCREA_DECISION_NOT_SHORTLISTED,
                                          "Prueba", FALSE, &error));
  g_assert_no_error (error);
  gui_settle ();
}

static void
test_score_by_keyboard (void)
{
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  CocreaViabilityPage *page;
  CocreaScoreMatrix *matrix;
  CocreaChartView *chart;
  GtkWidget *dropdown;
  g_autoptr (GError) error = NULL;
  gint64 evaluator, p0, p1;
  const char *c0, *c1;
  guint n_before, row, column;

  page = COCREA_VIABILITY_PAGE (gui_show_page (window, "viability", COCREA_TYPE_VIABILITY_PAGE));

  /* A new evaluator: their matrix starts empty. */
  evaluator = cocrea_evaluator_add (document, "Evaluadora de prueba", "Secplan", &error);
  g_assert_no_error (error);
  gui_settle ();
  g_assert_true (cocrea_viability_page_set_evaluator (page, evaluator));
  gui_settle ();
  g_assert_cmpint (cocrea_viability_page_get_evaluator (page), ==, evaluator);

  matrix = COCREA_SCORE_MATRIX (gui_find_one_of_type (GTK_WIDGET (page), COCREA_TYPE_SCORE_MATRIX));
  g_assert_nonnull (matrix);
  /* The Renca shortlist: eight proposals, five criteria. */
  g_assert_cmpuint (cocrea_score_matrix_get_n_rows (matrix), ==, 8);
  g_assert_cmpuint (cocrea_score_matrix_get_n_columns (matrix), >=, 4);

  cocrea_score_matrix_set_cursor (matrix, 0, 0);
  gui_settle ();
  g_assert_true (is_focus (cocrea_score_matrix_get_cell (matrix, 0, 0)));

  /* Keys go through cocrea_score_matrix_handle_key, the function the
   * matrix's key controller calls: synthesising X key events under Xvfb
   * is unreliable, and this checks the very same code path. */
  p0 = cocrea_score_matrix_get_proposal_id (matrix, 1);
  c0 = cocrea_score_matrix_get_criterion (matrix, 1);
  n_before = aggregate_n (page, p0, 1);
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_Down, 0));
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_Right, 0));
  cocrea_score_matrix_get_cursor (matrix, &row, &column);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  gui_settle ();
  g_assert_true (is_focus (cocrea_score_matrix_get_cell (matrix, 1, 1)));
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_4, 0));
  gui_settle ();
  g_assert_cmpint (stored_score (evaluator, p0, c0), ==, 4);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cocrea_score_matrix_get_cell (matrix, 1, 1))), ==, "4");
  /* The aggregate counts the new evaluator. */
  g_assert_cmpuint (aggregate_n (page, p0, 1), ==, n_before + 1);

  /* Next cell to the right, then down: the keypad works too. */
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_Down, 0));
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_Right, 0));
  p1 = cocrea_score_matrix_get_proposal_id (matrix, 2);
  c1 = cocrea_score_matrix_get_criterion (matrix, 2);
  g_usleep (1000 * 1000); /* past the two-digit window of the previous digit */
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_KP_2, 0));
  gui_settle ();
  g_assert_cmpint (stored_score (evaluator, p1, c1), ==, 2);

  /* Out of the 1–5 scale: refused, shown, nothing saved. */
  g_usleep (1000 * 1000);
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_9, 0));
  g_assert_cmpint (stored_score (evaluator, p1, c1), ==, 2);
  g_assert_true (gtk_widget_has_css_class (cocrea_score_matrix_get_cell (matrix, 2, 2), "error"));
  g_assert_nonnull (strstr (cocrea_score_matrix_get_message (matrix), "9"));

  /* Delete clears the cell. */
  g_assert_true (cocrea_score_matrix_handle_key (matrix, GDK_KEY_Delete, 0));
  gui_settle ();
  g_assert_cmpint (stored_score (evaluator, p1, c1), ==, -1);
  g_assert_cmpint (stored_score (evaluator, p0, c0), ==, 4);

  /* The new controls have names; the chart describes itself. */
  dropdown = gui_find_one_of_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (cocrea_score_matrix_get_cell (matrix, 1, 1)),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  chart = COCREA_CHART_VIEW (gui_find_one_of_type (GTK_WIDGET (page), COCREA_TYPE_CHART_VIEW));
  g_assert_nonnull (chart);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_selection_quota (void)
{
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRankingData) data = NULL;
  CocreaSelectionSummary summary = { 0 };
  GtkWidget *page, *dialog;
  gint64 candidate = 0;
  gboolean decided = FALSE;
  CocreaDecision decision;

  page = gui_show_page (window, "selection", COCREA_TYPE_SELECTION_PAGE);

  /* The demo fills every quota: 2 municipal + 3 community. */
  g_assert_true (cocrea_selection_get_summary (document, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.selected, ==, summary.quota_total);

  data = cocrea_ranking_data_load (document, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < data->proposals->len && candidate == 0; i++)
    if (g_strcmp0 (g_array_index (data->proposals, CocreaRankProposal, i).status, "not-selected") == 0)
      candidate = g_array_index (data->proposals, CocreaRankProposal, i).id;
  g_assert_cmpint (candidate, >, 0);

  /* What the decision dialog's "Record" does: refused without force,
   * with the core's message and a destructive "Select Anyway". */
  g_assert_false (cocrea_decision_apply (page, document, candidate, COCREA_DECISION_SELECTED,
                                         "Prueba de cuota"));
  gui_wait_for (gui_has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "force"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "force"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "quota"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_settle ();

  g_assert_true (cocrea_selection_get_decision (document, candidate, &decided, &decision, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (decided);
  g_assert_cmpint (decision, ==, COCREA_DECISION_NOT_SELECTED);
  g_assert_true (cocrea_selection_get_summary (document, &summary, &error));
  g_assert_cmpint (summary.selected, ==, summary.quota_total);
}

static gboolean
popover_open (gpointer dropdown)
{
  GtkWidget *popover = gui_find_one_of_type (dropdown, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
nothing_pending (gpointer unused)
{
  return !g_main_context_pending (NULL);
}

/* All Evaluators at the default window size: the aggregate table fits
 * its width (the Overall column was cut off, and only a pointer could
 * scroll to it), and the chart below it takes the focus, so the keyboard
 * scrolls the page down to it. */
static void
test_aggregate_in_view (void)
{
  CocreaViabilityPage *page;
  GtkWidget *aggregate, *scroller, *chart;
  GtkAdjustment *hadjustment;
  GtkWidget *page_scroller;
  AdwClamp *clamp;
  int was;

  /* The page as wide as in a window of 1100 pixels, the width windows
   * opened at before 1280 (kept by those who used it): its clamp narrowed,
   * since resizing a shown window under Xvfb races with drawing. */
  page = COCREA_VIABILITY_PAGE (gui_show_page (window, "viability", COCREA_TYPE_VIABILITY_PAGE));
  clamp = ADW_CLAMP (gui_find_one_of_type (GTK_WIDGET (page), ADW_TYPE_CLAMP));
  was = adw_clamp_get_maximum_size (clamp);
  adw_clamp_set_maximum_size (clamp, 1100 - 226 - 28);
  for (guint i = 0; i < 10; i++)
    gui_settle ();
  gui_screenshot ("gui-viability-aggregate-1100.png");
  aggregate = gui_find_one_of_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (aggregate);
  scroller = gtk_widget_get_ancestor (aggregate, GTK_TYPE_SCROLLED_WINDOW);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_test_message ("aggregate: %g wide in %g", gtk_adjustment_get_upper (hadjustment),
                  gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));

  chart = gui_find_one_of_type (GTK_WIDGET (page), COCREA_TYPE_CHART_VIEW);
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_focusable (chart));
  g_assert_true (gtk_widget_grab_focus (chart));
  gui_wait_for (nothing_pending, NULL);
  for (guint i = 0; i < 10; i++)
    gui_settle ();
  /* Focused, it is scrolled into view. */
  page_scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  {
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page_scroller));
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (chart, page_scroller, &bounds));
    g_test_message ("chart at %g..%g in %g (scrolled %g)", bounds.origin.y,
                    bounds.origin.y + bounds.size.height, gtk_adjustment_get_page_size (v),
                    gtk_adjustment_get_value (v));
    g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
    g_assert_cmpfloat (bounds.origin.y, <, gtk_adjustment_get_page_size (v));
  }
  gui_screenshot ("gui-viability-chart-focused.png");
  adw_clamp_set_maximum_size (clamp, was);
  gui_settle ();
}

/* The decision dialog: a message dialog with a drop-down. */
static gboolean
decision_dialog_shown (gpointer found)
{
  *(GtkWidget **) found = gui_find_dialog_with (GTK_TYPE_DROP_DOWN);
  return *(GtkWidget **) found != NULL;
}

/* "Decide…" on a proposal never decided on offers no decision as taken;
 * the list opened from the keyboard chooses its highlighted item on Enter;
 * the reason's "required" shows only once the field was touched. */
static void
test_decide_undecided (void)
{
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) proposals = NULL;
  GtkWidget *page, *dialog, *dropdown, *entry, *error_label = NULL;
  gint64 undecided = 0;
  gboolean decided = TRUE;
  CocreaDecision decision;

  page = gui_show_page (window, "selection", COCREA_TYPE_SELECTION_PAGE);
  proposals = cocrea_proposal_list (document, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (proposals) && undecided == 0; i++)
    {
      g_autoptr (CocreaProposal) proposal = g_list_model_get_item (proposals, i);
      gint64 id = cocrea_proposal_get_id (proposal);

      g_assert_true (cocrea_selection_get_decision (document, id, &decided, &decision, NULL, &error));
      if (!decided && cocrea_proposal_get_merged_into_id (proposal) == 0)
        undecided = id;
    }
  /* The demo decided on every proposal: a new one, out of one contribution. */
  if (undecided == 0)
    {
      const gint64 first = 1;

      g_assert_true (cocrea_merge_new_proposal (document, "Propuesta sin decidir", &first, 1,
                                                &undecided, NULL, &error));
      g_assert_no_error (error);
      gui_settle ();
    }
  g_assert_cmpint (undecided, >, 0);

  gtk_widget_activate_action (page, "selection.decide", "x", undecided);
  gui_wait_for (decision_dialog_shown, &dialog);
  gui_wait_for (gui_is_mapped, dialog);
  gui_settle ();
  dropdown = gui_find_one_of_type (dialog, GTK_TYPE_DROP_DOWN);
  entry = gui_find_one_of_type (dialog, GTK_TYPE_ENTRY);
  g_assert_nonnull (dropdown);
  g_assert_nonnull (entry);

  /* Nothing chosen, nothing to record, and no error before any typing. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  error_label = gui_find_error_label (dialog);
  g_assert_nonnull (error_label);
  g_assert_false (gtk_widget_get_visible (error_label));
  gui_screenshot ("decide-undecided.png");

  /* The decision is the first field: open its list, go down one, Enter. */
  g_assert_true (is_focus (dropdown) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), dropdown));
  gui_press_keys (dialog, "space");
  gui_wait_for (popover_open, dropdown);
  gui_press_keys (dialog, "Down Down Return");
  g_assert_false (popover_open (dropdown));
  /* The list opens on its first item: two down is the third. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 2);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide"));

  /* Typed and emptied: now the reason is asked for. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "x");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Motivo de prueba");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide"));

  /* Cancelled: still undecided. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* A response from code does not close the dialog; its button would. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  g_assert_true (cocrea_selection_get_decision (document, undecided, &decided, &decision, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (decided);
}

int
main (int argc, char **argv)
{
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-viability", "org.cocrea.Cocrea.TestViability"))
    return 77;

  g_test_add_func ("/gui-viability/open", test_open);
  g_test_add_func ("/gui-viability/prioritise", test_prioritise);
  g_test_add_func ("/gui-viability/shortlisted-row", test_shortlisted_row);
  g_test_add_func ("/gui-viability/evaluator-dialog", test_evaluator_dialog);
  g_test_add_func ("/gui-viability/score-by-keyboard", test_score_by_keyboard);
  g_test_add_func ("/gui-viability/aggregate-in-view", test_aggregate_in_view);
  g_test_add_func ("/gui-viability/selection-quota", test_selection_quota);
  g_test_add_func ("/gui-viability/decide-undecided", test_decide_undecided);

  return gui_harness_run ();
}
