/* test-gui-capture.c — capture by keyboard, merge and undo, under a real display
 *
 * Runs in process under Xvfb on the Renca demo: types three contributions
 * on the capture page the way a facilitator does (text, then Enter),
 * checks they are in the file and in the list, merges two of them on the
 * merge page, checks the tally, undoes the merge; drags a contribution and
 * then a proposal onto tally rows and undoes that; adds an activity and a
 * group, refuses a bad date without losing what was typed, asks before
 * deleting a group that holds contributions and undoes that; and checks
 * that every new control has a name for screen readers. Exits 77 (skipped) without
 * a display.
 *
 * Keyboard input: GTK 4 has no public way to inject key events into a
 * window, so the test reaches the same code the keys reach. Enter in the
 * capture text is the page's key controller (named "capture-enter"): the
 * test emits its "key-pressed" signal with GDK_KEY_Return, exactly what
 * GTK does on a real key press. Ctrl-bound commands are actions, which
 * the test activates with gtk_widget_activate_action(), as the shortcut
 * does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "cocrea-activities-page.h"
#include "cocrea-activity-dialog.h"
#include "cocrea-activity.h"
#include "cocrea-application.h"
#include "cocrea-capture-page.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution-view.h"
#include "cocrea-contribution.h"
#include "cocrea-group.h"
#include "cocrea-merge-page.h"
#include "cocrea-proposal.h"
#include "cocrea-tally.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *window;
static GListModel *choices[2]; /* the capture page's dropdown models, compared by address */
static gint64 activity_id;
static gint64 group_id;
static gint64 captured_ids[3];

static const char *typed[] = {
  "Luminarias nuevas en la plaza de Huamachuco",
  "Más luz en las plazas y pasajes del barrio 🌙",
  "Consejo vecinal de seguridad con reuniones mensuales",
};

static gboolean
match_label_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
match_label_prefix (GtkWidget *widget, gconstpointer prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
match_button_action (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static CocreaDocument *
document (void)
{
  return cocrea_window_get_document (COCREA_WINDOW (window));
}

static guint
count_contributions (gint64 activity, gint64 group)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = cocrea_contribution_list (document (), activity, group, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static gint64
newest_contribution (void)
{
  g_autoptr (GListModel) list = cocrea_contribution_list (document (), 0, 0, NULL);
  g_autoptr (CocreaContribution) last = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);

  return cocrea_contribution_get_id (last);
}

/* Presses Enter in the capture text, through the page's key controller. */
static gboolean
press_enter (GtkWidget *text_view)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (text_view);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "capture-enter") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static void
type_text (GtkWidget *text_view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
}

static char *
buffer_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_capture (void)
{
  g_autoptr (GListModel) activities = NULL;
  g_autoptr (GListModel) groups = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *page;
  GtkWidget *text_view;
  GtkWidget *frame;
  guint before;

  window = gui_open_demo (0, 0);

  page = gui_show_page (window, "capture", COCREA_TYPE_CAPTURE_PAGE);
  text_view = gui_find_one_of_type (page, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);

  /* The main workshop and its second table. */
  activities = cocrea_activity_list (document (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (activities) && activity_id == 0; i++)
    {
      g_autoptr (CocreaActivity) activity = g_list_model_get_item (activities, i);

      if (cocrea_activity_get_kind (activity) == COCREA_ACTIVITY_WORKSHOP &&
          cocrea_activity_get_n_groups (activity) > 1)
        activity_id = cocrea_activity_get_id (activity);
    }
  g_assert_cmpint (activity_id, !=, 0);
  groups = cocrea_group_list (document (), activity_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr (CocreaGroup) group = g_list_model_get_item (groups, 1);

    group_id = cocrea_group_get_id (group);
  }
  g_assert_true (cocrea_capture_page_select (COCREA_CAPTURE_PAGE (page), activity_id, group_id));
  gui_settle ();
  g_assert_cmpint (cocrea_capture_page_get_activity_id (COCREA_CAPTURE_PAGE (page)), ==, activity_id);
  g_assert_cmpint (cocrea_capture_page_get_group_id (COCREA_CAPTURE_PAGE (page)), ==, group_id);

  /* The text has the focus: one types straight away. */
  gtk_widget_grab_focus (page);
  gui_settle ();
  g_assert_true (gtk_widget_has_focus (text_view));

  before = count_contributions (activity_id, group_id);
  /* Typing never builds the activity and group choices again (that would
   * move them under the typist's hands): the page hears that only
   * contributions changed. */
  {
    g_autoptr (GPtrArray) dropdowns = gui_find_all_of_type (page, GTK_TYPE_DROP_DOWN);

    g_assert_cmpuint (dropdowns->len, ==, 2);
    choices[0] = gtk_drop_down_get_model (dropdowns->pdata[0]);
    choices[1] = gtk_drop_down_get_model (dropdowns->pdata[1]);
  }
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *left = NULL;

      type_text (text_view, typed[i]);
      g_assert_true (press_enter (text_view));
      gui_settle ();
      /* Committed at once, and the text is ready for the next one. */
      g_assert_cmpuint (count_contributions (activity_id, group_id), ==, before + i + 1);
      captured_ids[i] = newest_contribution ();
      left = buffer_text (text_view);
      g_assert_cmpstr (left, ==, "");
      g_assert_true (gtk_widget_has_focus (text_view));
    }
  {
    g_autoptr (GPtrArray) dropdowns = gui_find_all_of_type (page, GTK_TYPE_DROP_DOWN);

    g_assert_true (gtk_drop_down_get_model (dropdowns->pdata[0]) == choices[0]);
    g_assert_true (gtk_drop_down_get_model (dropdowns->pdata[1]) == choices[1]);
  }

  /* They are in the file, as typed, emoji included. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr (CocreaDocument) reader = cocrea_document_open (gui.demo_path, COCREA_OPEN_READ_ONLY, &error);
      g_autoptr (CocreaContribution) saved = NULL;

      g_assert_no_error (error);
      saved = cocrea_contribution_lookup (reader, captured_ids[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cocrea_contribution_get_text (saved), ==, typed[i]);
      g_assert_cmpint (cocrea_contribution_get_group_id (saved), ==, group_id);
    }

  /* And in the list below, newest first. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_nonnull (gui_find_one (page, match_label_text, typed[i]));

  /* An empty text is refused where it was typed; nothing is saved. */
  type_text (text_view, "   ");
  g_assert_true (press_enter (text_view));
  gui_settle ();
  g_assert_cmpuint (count_contributions (activity_id, group_id), ==, before + 3);
  frame = gtk_widget_get_parent (text_view);
  g_assert_true (gtk_widget_has_css_class (frame, "error"));

  /* A 100 KB paste is kept whole. */
  {
    GString *big = g_string_new (NULL);
    g_autoptr (CocreaContribution) saved = NULL;

    while (big->len < 100 * 1024)
      g_string_append (big, "Participación ciudadana en el presupuesto 🌳 ");
    g_strchomp (big->str);
    big->len = strlen (big->str);
    type_text (text_view, big->str);
    g_assert_true (press_enter (text_view));
    gui_settle ();
    g_assert_false (gtk_widget_has_css_class (frame, "error"));
    saved = cocrea_contribution_lookup (document (), newest_contribution (), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (cocrea_contribution_get_text (saved)), ==, big->len);
    g_string_free (big, TRUE);

    /* Ctrl+Z on the page takes the last one back. */
    g_assert_true (gtk_widget_activate_action (page, "capture.undo-last", NULL));
    gui_settle ();
    g_assert_cmpuint (count_contributions (activity_id, group_id), ==, before + 3);
  }

  /* Alt+1..4 and Alt+O are the page's keys, not mnemonics: a mnemonic
   * moves the focus onto its toggle, and the next Enter toggled it back
   * (test-keyboard-capture presses them). The toggles take no focus on a
   * click either, so typing goes on. */
  {
    g_autoptr (GPtrArray) toggles = gui_find_all_of_type (page, GTK_TYPE_TOGGLE_BUTTON);
    guint checked = 0;

    for (guint i = 0; i < toggles->len; i++)
      {
        GtkWidget *child = gtk_button_get_child (toggles->pdata[i]);

        if (!GTK_IS_LABEL (child) || gtk_widget_get_ancestor (toggles->pdata[i], GTK_TYPE_FLOW_BOX) == NULL)
          continue;
        g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (child)), ==, GDK_KEY_VoidSymbol);
        g_assert_false (gtk_widget_get_focus_on_click (toggles->pdata[i]));
        checked++;
      }
    g_assert_cmpuint (checked, ==, 5);
  }

  gui_check_accessible_labels (page, 8);
}

static guint
find_position (GListModel *model, gint64 contribution_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CocreaContribution) item = g_list_model_get_item (model, i);

      if (cocrea_contribution_get_id (item) == contribution_id)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

/* The tally row titled @title as the merge page shows it, or NULL. */
static CocreaProposal *
tally_row (GtkWidget *page, const char *title)
{
  g_autoptr (GPtrArray) views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GListModel *model;

  g_assert_cmpuint (views->len, ==, 2);
  model = G_LIST_MODEL (gtk_column_view_get_model (views->pdata[1]));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CocreaProposal) proposal = g_list_model_get_item (model, i);

      if (g_strcmp0 (cocrea_proposal_get_title (proposal), title) == 0)
        return proposal;
    }
  return NULL;
}

static gboolean
shows_one_row (gpointer view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) == 1;
}

static void
test_merge (void)
{
  const char *title = "Iluminación de plazas y pasajes";
  g_autoptr (GPtrArray) views = NULL;
  g_autoptr (CocreaContribution) first = NULL;
  g_autoptr (GError) error = NULL;
  GtkSelectionModel *selection;
  CocreaContributionList *list;
  CocreaProposal *row;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_assert_nonnull (window);
  page = gui_show_page (window, "merge", COCREA_TYPE_MERGE_PAGE);

  views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (views->len, ==, 2);
  selection = gtk_column_view_get_model (views->pdata[0]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                    count_contributions (0, 0));

  /* Two of the three just captured. */
  gtk_selection_model_select_item (selection, find_position (G_LIST_MODEL (selection), captured_ids[0]), TRUE);
  gtk_selection_model_select_item (selection, find_position (G_LIST_MODEL (selection), captured_ids[1]), FALSE);
  gui_settle ();
  /* What the page shows, read once: a merge must not make it read again. */
  list = cocrea_contribution_view_get_list (
    COCREA_CONTRIBUTION_VIEW (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection))));
  g_assert_nonnull (list);

  g_assert_true (gtk_widget_activate_action (page, "merge.new-proposal", NULL));
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  entry = gui_find_one_of_type (dialog, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  /* Prefilled with the first selected text. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed[0]);
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  /* A click closes the dialog too; a response from code does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();

  row = tally_row (page, title);
  g_assert_nonnull (row);
  g_assert_cmpuint (cocrea_proposal_get_n_contributions (row), ==, 2);
  g_assert_cmpuint (cocrea_proposal_get_n_groups (row), ==, 1);
  g_assert_cmpuint (cocrea_proposal_get_n_activities (row), ==, 1);
  first = cocrea_contribution_lookup (document (), captured_ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_contribution_get_proposal_id (first), !=, 0);
  /* Followed, not read again: the same list, the two rows still selected,
   * and their Proposal column names the new proposal. */
  g_assert_true (cocrea_contribution_view_get_list (
                   COCREA_CONTRIBUTION_VIEW (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection)))) == list);
  {
    g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (selection);

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
    g_assert_true (gtk_bitset_contains (selected, find_position (G_LIST_MODEL (selection), captured_ids[0])));
  }
  {
    GtkWidget *search = gui_find_one_of_type (page, GTK_TYPE_SEARCH_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (search), "Huamachuco");
    gui_wait_for (shows_one_row, views->pdata[0]);
    gui_settle ();
    g_assert_nonnull (gui_find_one (views->pdata[0], match_label_text, title));
    gui_screenshot ("merge-followed.png");
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    gui_settle ();
  }

  /* Ctrl+Z takes the merge back: the proposal is gone from the tally. */
  g_assert_true (gtk_widget_activate_action (page, "merge.undo-last", NULL));
  gui_settle ();
  g_assert_null (tally_row (page, title));
  g_clear_object (&first);
  first = cocrea_contribution_lookup (document (), captured_ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_contribution_get_proposal_id (first), ==, 0);

  /* Ctrl+Shift+Z does it again. */
  g_assert_true (gtk_widget_activate_action (page, "merge.redo", NULL));
  gui_settle ();
  row = tally_row (page, title);
  g_assert_nonnull (row);
  g_assert_cmpuint (cocrea_proposal_get_n_contributions (row), ==, 2);

  /* The Undo of a toast whose edit is no longer the latest says so, and
   * takes nothing back. */
  g_assert_true (gtk_widget_activate_action (page, "merge.undo", "u", 999999));
  gui_settle ();
  g_assert_nonnull (gui_find_one (GTK_WIDGET (window), match_label_prefix,
                                  "Only the latest change can be undone"));
  g_assert_nonnull (tally_row (page, title));

  gui_check_accessible_labels (page, 8);
}

/* ---- drag and drop ---- */

/* A mapped cell of @view (a label the page's factory made) whose item
 * passes @match, or NULL. */
typedef gboolean (*ItemMatch) (gpointer item, gconstpointer data);

typedef struct {
  ItemMatch match;
  gconstpointer data;
} CellQuery;

static gboolean
match_cell (GtkWidget *widget, gconstpointer data)
{
  const CellQuery *query = data;
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "list-item");

  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && list_item != NULL &&
         gtk_list_item_get_item (list_item) != NULL &&
         query->match (gtk_list_item_get_item (list_item), query->data);
}

static GtkWidget *
find_cell (GtkWidget *view, ItemMatch match, gconstpointer data)
{
  CellQuery query = { match, data };

  return gui_find_one (view, match_cell, &query);
}

static gboolean
is_contribution (gpointer item, gconstpointer id)
{
  return COCREA_IS_CONTRIBUTION (item) && cocrea_contribution_get_id (item) == *(const gint64 *) id;
}

static gboolean
is_other_proposal (gpointer item, gconstpointer id)
{
  return COCREA_IS_PROPOSAL (item) && cocrea_proposal_get_id (item) != *(const gint64 *) id;
}

/* The controller of @type on @cell. */
static gpointer
cell_controller (GtkWidget *cell, GType type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (cell);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller; /* the widget keeps it */
    }
  g_assert_not_reached ();
  return NULL;
}

/*
 * drag_and_drop:
 * What GTK does when a row is dragged from @from and dropped on @to: the
 * drag source's "prepare" makes the content, the drop target's "drop"
 * receives its value. Under Xvfb there is no pointer to drag with, and
 * the code under test is those two handlers.
 */
static gboolean
drag_and_drop (GtkWidget *from, GtkWidget *to)
{
  GtkDragSource *source = cell_controller (from, GTK_TYPE_DRAG_SOURCE);
  GtkDropTarget *target = cell_controller (to, GTK_TYPE_DROP_TARGET);
  g_autoptr (GdkContentProvider) content = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_signal_emit_by_name (source, "prepare", 2.0, 2.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (target, "drop", &value, 2.0, 2.0, &handled);
  gui_settle ();
  return handled;
}


static void
test_drag_and_drop (void)
{
  g_autoptr (GPtrArray) views = NULL;
  g_autoptr (CocreaContribution) dragged = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *page, *search, *from, *to;
  GtkListItem *to_item;
  gint64 none = 0, target_id, source_id;
  guint target_before, source_n = 0;
  CocreaProposal *target;

  g_assert_nonnull (window);
  page = gui_show_page (window, "merge", COCREA_TYPE_MERGE_PAGE);
  views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (views->len, ==, 2);

  /* The third contribution captured, still on its own, found by its text
   * so that its row is on screen. */
  search = gui_find_one_of_type (page, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "consejo vecinal seguridad mensuales");
  gui_wait_for (shows_one_row, views->pdata[0]);
  gui_settle ();
  from = find_cell (views->pdata[0], is_contribution, &captured_ids[2]);
  g_assert_nonnull (from);

  /* Dropped on the first tally row on screen. */
  to = find_cell (views->pdata[1], is_other_proposal, &none);
  g_assert_nonnull (to);
  to_item = g_object_get_data (G_OBJECT (to), "list-item");
  target = gtk_list_item_get_item (to_item);
  target_id = cocrea_proposal_get_id (target);
  target_before = cocrea_proposal_get_n_contributions (target);

  g_assert_true (drag_and_drop (from, to));
  dragged = cocrea_contribution_lookup (document (), captured_ids[2], &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_contribution_get_proposal_id (dragged), ==, target_id);
  g_assert_nonnull (gui_find_one (GTK_WIDGET (window), match_label_prefix,
                                  "Merged 1 contribution into “"));
  g_clear_object (&dragged);

  /* Undone like any merge. */
  g_assert_true (gtk_widget_activate_action (page, "merge.undo-last", NULL));
  gui_settle ();
  dragged = cocrea_contribution_lookup (document (), captured_ids[2], &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_contribution_get_proposal_id (dragged), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  gui_settle ();

  /* A proposal dragged onto another goes under it: its contributions count
   * there, and it leaves the tally. */
  to = find_cell (views->pdata[1], is_other_proposal, &none);
  target_id = cocrea_proposal_get_id (gtk_list_item_get_item (g_object_get_data (G_OBJECT (to), "list-item")));
  from = find_cell (views->pdata[1], is_other_proposal, &target_id);
  g_assert_nonnull (from);
  source_id = cocrea_proposal_get_id (gtk_list_item_get_item (g_object_get_data (G_OBJECT (from), "list-item")));
  {
    g_autoptr (GListModel) tally = cocrea_tally (document (), &error);
    for (guint i = 0; i < g_list_model_get_n_items (tally); i++)
      {
        g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);
        if (cocrea_proposal_get_id (p) == target_id)
          target_before = cocrea_proposal_get_n_contributions (p);
        if (cocrea_proposal_get_id (p) == source_id)
          source_n = cocrea_proposal_get_n_contributions (p);
      }
  }
  g_assert_cmpuint (source_n, >, 0);
  g_assert_true (drag_and_drop (from, to));
  {
    g_autoptr (GListModel) tally = cocrea_tally (document (), &error);
    gboolean source_listed = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (tally); i++)
      {
        g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);
        if (cocrea_proposal_get_id (p) == target_id)
          g_assert_cmpuint (cocrea_proposal_get_n_contributions (p), ==, target_before + source_n);
        source_listed |= cocrea_proposal_get_id (p) == source_id;
      }
    g_assert_false (source_listed);
  }

  /* Dropping a proposal on itself does nothing. */
  to = find_cell (views->pdata[1], is_other_proposal, &none);
  g_assert_false (drag_and_drop (to, to));

  g_assert_true (gtk_widget_activate_action (page, "merge.undo-last", NULL));
  gui_settle ();
}

static guint
count_activities (void)
{
  g_autoptr (GListModel) list = cocrea_activity_list (document (), NULL);

  return g_list_model_get_n_items (list);
}

static void
test_activities (void)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) groups = NULL;
  g_autoptr (CocreaGroup) group = NULL;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *entry;
  guint n_activities = count_activities ();
  guint n_contributions;

  g_assert_nonnull (window);
  page = gui_show_page (window, "activities", COCREA_TYPE_ACTIVITIES_PAGE);
  gui_check_accessible_labels (page, 8);

  /* A new activity: a date that is not one is refused, the name stays. */
  g_assert_true (gtk_widget_activate_action (page, "activities.add", NULL));
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (COCREA_TYPE_ACTIVITY_DIALOG));
  dialog = gui_find_toplevel (COCREA_TYPE_ACTIVITY_DIALOG);
  rows = gui_find_all_of_type (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  gtk_editable_set_text (rows->pdata[0], "Encuentro de jóvenes");
  gtk_editable_set_text (rows->pdata[1], "2019-02-30");
  gtk_editable_set_text (rows->pdata[2], "Liceo A-90");
  g_assert_false (cocrea_activity_dialog_save (COCREA_ACTIVITY_DIALOG (dialog), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (rows->pdata[1], "error"));
  g_assert_cmpstr (gtk_editable_get_text (rows->pdata[0]), ==, "Encuentro de jóvenes");
  g_assert_cmpuint (count_activities (), ==, n_activities);

  gtk_editable_set_text (rows->pdata[1], "2019-04-06");
  g_assert_true (cocrea_activity_dialog_save (COCREA_ACTIVITY_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gui_settle ();
  g_assert_cmpuint (count_activities (), ==, n_activities + 1);
  g_assert_nonnull (gui_find_one (page, match_label_text, "Encuentro de jóvenes"));

  /* Ctrl+Z takes it back. */
  g_assert_true (gtk_widget_activate_action (page, "activities.undo-last", NULL));
  gui_settle ();
  g_assert_cmpuint (count_activities (), ==, n_activities);

  /* The group captured into holds contributions: deleting it asks first. */
  groups = cocrea_group_list (document (), activity_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (groups) && group == NULL; i++)
    {
      g_autoptr (CocreaGroup) item = g_list_model_get_item (groups, i);

      if (cocrea_group_get_id (item) == group_id)
        group = g_object_ref (item);
    }
  g_assert_nonnull (group);
  n_contributions = count_contributions (0, 0);
  {
    g_autoptr (GPtrArray) views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
    GtkSelectionModel *activities = gtk_column_view_get_model (views->pdata[0]);
    GtkSelectionModel *group_rows;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (activities)); i++)
      {
        g_autoptr (CocreaActivity) item = g_list_model_get_item (G_LIST_MODEL (activities), i);

        if (cocrea_activity_get_id (item) == activity_id)
          gtk_selection_model_select_item (activities, i, TRUE);
      }
    gui_settle ();
    group_rows = gtk_column_view_get_model (views->pdata[1]);
    gtk_selection_model_select_item (group_rows, 1, TRUE);
    gui_settle ();
  }
  g_assert_true (gtk_widget_activate_action (page, "activities.delete-group", NULL));
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "contributions"));
  /* Nothing is gone before the answer. */
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  /* A click closes the dialog too; a response from code does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  /* The contributions stay in the activity, without a group. */
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions);
  g_assert_cmpuint (count_contributions (activity_id, group_id), ==, 0);

  /* And the undo brings the group and its contributions back. */
  g_assert_true (gtk_widget_activate_action (page, "activities.undo-last", NULL));
  gui_settle ();
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions);
  g_assert_cmpuint (count_contributions (activity_id, group_id), >=, 3);

  /* A group is added through a small dialog. */
  g_assert_true (gtk_widget_activate_action (page, "activities.add-group", NULL));
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  entry = gui_find_one_of_type (dialog, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Mesa 9");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  /* A click closes the dialog too; a response from code does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  {
    g_autoptr (GPtrArray) views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (views->pdata[1]));
    g_autoptr (CocreaGroup) last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);

    /* In the file, and in the list of the activity's groups. */
    g_assert_cmpstr (cocrea_group_get_name (last), ==, "Mesa 9");
    g_assert_cmpint (cocrea_group_get_activity_id (last), ==, activity_id);
  }
}

/* Writes @text as @name in the test's folder and returns its path. */
static char *
write_sheet (const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (gui.tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_import (void)
{
  g_autofree char *sheet =
    write_sheet ("mesa-9.csv", "actividad;mesa;propuesta\n"
                               "Cabildo de invierno;Mesa 1;Más bancas en la plaza\n"
                               "Cabildo de invierno;Mesa 2;Talleres de huertos comunitarios\n");
  g_autofree char *bad =
    write_sheet ("mala.csv", "texto,origen\nUna propuesta,comunidad\nOtra,ONG\n");
  g_autofree char *twice = write_sheet ("dos.csv", "propuesta;texto\nuna;otra\n");
  g_autofree char *unread = write_sheet ("notas.csv", "texto;notas\nLuminarias;una nota\n");
  g_autofree char *header = write_sheet ("encabezado.csv", "actividad;texto\n");
  guint n_contributions = count_contributions (0, 0);
  guint n_activities = count_activities ();
  GtkWidget *page, *dialog;

  g_assert_nonnull (window);
  page = gui_show_page (window, "activities", COCREA_TYPE_ACTIVITIES_PAGE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (gui_find_one (page, match_button_action,
                                                                     "activities.import"))));

  cocrea_activities_page_import (COCREA_ACTIVITIES_PAGE (page), sheet);
  gui_settle ();
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions + 2);
  g_assert_cmpuint (count_activities (), ==, n_activities + 1);
  g_assert_nonnull (gui_find_one (page, match_label_text, "Cabildo de invierno"));
  g_assert_nonnull (gui_find_one (GTK_WIDGET (window), match_label_text,
                                  "Imported 2 contributions from “mesa-9.csv”"));

  /* One Ctrl+Z takes the whole sheet back. */
  g_assert_true (gtk_widget_activate_action (page, "activities.undo-last", NULL));
  gui_settle ();
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions);
  g_assert_cmpuint (count_activities (), ==, n_activities);
  g_assert_null (gui_find_one (page, match_label_text, "Cabildo de invierno"));

  /* A bad row: nothing is imported, and a dialog says which line. */
  cocrea_activities_page_import (COCREA_ACTIVITIES_PAGE (page), bad);
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Import the Spreadsheet");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "Line 3: "));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions);

  /* Issue 10: two columns naming the text are refused, naming both. */
  cocrea_activities_page_import (COCREA_ACTIVITIES_PAGE (page), twice);
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Columns 1 (“propuesta”) and 2 (“texto”)"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions);

  /* A column Cocrea does not read: the rest is imported, the column named. */
  cocrea_activities_page_import (COCREA_ACTIVITIES_PAGE (page), unread);
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Some Columns Were Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Column 2 (“notas”)"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions + 1);

  /* A header and no rows: said, nothing added, nothing to undo. */
  cocrea_activities_page_import (COCREA_ACTIVITIES_PAGE (page), header);
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG));
  dialog = gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Nothing Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "“encabezado.csv” has no rows to import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();
  g_assert_cmpuint (count_contributions (0, 0), ==, n_contributions + 1);
}

/* Mapped labels under @root whose text is cut with "…". */
static guint
count_ellipsized (GtkWidget *root, const char *prefix)
{
  g_autoptr (GPtrArray) labels = gui_find_all_of_type (root, GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)) || *gtk_label_get_text (label) == '\0' ||
          (prefix != NULL && !g_str_has_prefix (gtk_label_get_text (label), prefix)))
        continue;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        {
          g_test_message ("cut: %s", gtk_label_get_text (label));
          n++;
        }
    }
  return n;
}

/* At the window's default size the tally is readable: its titles (and
 * the column titles) are whole, wrapped over lines if need be, and the
 * contributions' group names too. It was 12 letters and "…". */
static void
test_merge_readable (void)
{
  g_autoptr (GPtrArray) views = NULL;
  GtkWidget *page;
  int width, height;

  g_assert_nonnull (window);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 720);
  page = gui_show_page (window, "merge", COCREA_TYPE_MERGE_PAGE);
  views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (views->len, ==, 2);
  for (guint i = 0; i < 10; i++)
    gui_settle ();
  gui_screenshot ("gui-capture-merge-default-size.png");

  g_assert_cmpuint (count_ellipsized (views->pdata[1], NULL), ==, 0);
  g_assert_cmpuint (count_ellipsized (views->pdata[0], "Mesa"), ==, 0);
  /* The tally's titles get most of its width. */
  g_assert_cmpint (gtk_widget_get_width (views->pdata[1]), >=, 480);
}

/* The Edit Contribution dialog: a message dialog holding a text view. */
static gboolean
edit_dialog_shown (gpointer found)
{
  *(GtkWidget **) found = gui_find_dialog_with (GTK_TYPE_TEXT_VIEW);
  return *(GtkWidget **) found != NULL;
}

static gboolean
match_check_label (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), text) == 0;
}

/* Edit Contribution corrects everything captured: the text, the group
 * (within the activity), the origin, the axes and the area; Undo puts
 * them all back. */
static void
test_edit (void)
{
  g_autoptr (CocreaContribution) before = NULL;
  g_autoptr (CocreaContribution) after = NULL;
  g_autoptr (CocreaContribution) undone = NULL;
  g_autoptr (GListModel) groups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaGroup) first = NULL;
  GtkWidget *page, *dialog = NULL, *view, *dropdown, *area, *check;
  gint64 id = captured_ids[2];
  g_autofree char *area_before = NULL;

  g_assert_nonnull (window);
  page = gui_show_page (window, "capture", COCREA_TYPE_CAPTURE_PAGE);
  before = cocrea_contribution_lookup (document (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_contribution_get_group_id (before), ==, group_id);
  g_assert_cmpint (cocrea_contribution_get_origin (before), ==, COCREA_ORIGIN_COMMUNITY);
  g_assert_cmpuint (cocrea_contribution_get_axes (before), ==, 0);
  area_before = g_strdup (cocrea_contribution_get_area (before));
  groups = cocrea_group_list (document (), activity_id, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (groups, 0);
  g_assert_cmpint (cocrea_group_get_id (first), !=, group_id);

  g_assert_true (gtk_widget_activate_action (page, "capture.edit-contribution", "x", id));
  gui_wait_for (edit_dialog_shown, &dialog);
  gui_wait_for (gui_is_mapped, dialog);
  gui_settle ();

  /* It opens on what was saved. */
  dropdown = gui_find_one_of_type (dialog, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 1);
  view = gui_find_one_of_type (dialog, GTK_TYPE_TEXT_VIEW);
  {
    g_autofree char *text = buffer_text (view);

    g_assert_cmpstr (text, ==, typed[2]);
  }
  area = gui_find_one_of_type (dialog, GTK_TYPE_ENTRY);
  g_assert_nonnull (area);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (area)), ==, "");
  gui_check_accessible_labels (dialog, 7);

  /* Everything changed at once. */
  type_text (view, "Consejo vecinal de seguridad con reuniones quincenales");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  check = gui_find_one (dialog, match_check_label, "Municipal origin");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  check = gui_find_one (dialog, match_check_label, cocrea_axis_label (0));
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  check = gui_find_one (dialog, match_check_label, cocrea_axis_label (2));
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (area), "Seguridad");
  gui_screenshot ("gui-capture-edit-contribution.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  /* A response from code does not close the dialog; its button would. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_settle ();

  after = cocrea_contribution_lookup (document (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cocrea_contribution_get_text (after), ==,
                   "Consejo vecinal de seguridad con reuniones quincenales");
  g_assert_cmpint (cocrea_contribution_get_group_id (after), ==, cocrea_group_get_id (first));
  g_assert_cmpint (cocrea_contribution_get_activity_id (after), ==, activity_id);
  g_assert_cmpint (cocrea_contribution_get_origin (after), ==, COCREA_ORIGIN_MUNICIPAL);
  g_assert_cmpuint (cocrea_contribution_get_axes (after), ==, (1u << 0) | (1u << 2));
  g_assert_cmpstr (cocrea_contribution_get_area (after), ==, "Seguridad");
  /* It left this group's list for the other one. */
  g_assert_null (gui_find_one (page, match_label_text, typed[2]));
  g_assert_null (gui_find_one (page, match_label_text,
                               "Consejo vecinal de seguridad con reuniones quincenales"));

  /* One Undo puts all of it back. */
  g_assert_true (gtk_widget_activate_action (page, "capture.undo-last", NULL));
  gui_settle ();
  undone = cocrea_contribution_lookup (document (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cocrea_contribution_get_text (undone), ==, typed[2]);
  g_assert_cmpint (cocrea_contribution_get_group_id (undone), ==, group_id);
  g_assert_cmpint (cocrea_contribution_get_origin (undone), ==, COCREA_ORIGIN_COMMUNITY);
  g_assert_cmpuint (cocrea_contribution_get_axes (undone), ==, 0);
  g_assert_cmpstr (cocrea_contribution_get_area (undone), ==, area_before);
  g_assert_nonnull (gui_find_one (page, match_label_text, typed[2]));
}

int
main (int argc, char **argv)
{
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-capture", "org.cocrea.Cocrea.TestCapture"))
    return 77;

  g_test_add_func ("/gui-capture/capture", test_capture);
  g_test_add_func ("/gui-capture/merge", test_merge);
  g_test_add_func ("/gui-capture/merge-readable", test_merge_readable);
  g_test_add_func ("/gui-capture/drag-and-drop", test_drag_and_drop);
  g_test_add_func ("/gui-capture/edit", test_edit);
  g_test_add_func ("/gui-capture/activities", test_activities);
  g_test_add_func ("/gui-capture/import", test_import);

  return gui_harness_run ();
}
