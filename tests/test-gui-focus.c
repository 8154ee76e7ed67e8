/* test-gui-focus.c — the focus goes back to what opened a dialog (issue 11)
 *
 * Runs in process under Xvfb on the Renca demo. Each dialog is opened
 * from its control with a real key (xdotool: Space on the focused
 * button), closed with Escape and again by doing what it is for, and
 * the window's focus must then be back on the control that opened it,
 * or on the control of the same row when the page built its rows anew
 * (the same action and target), or on the list it was in, never lost
 * (the next Tab then started over at the header bar). Covered: Shortlist…
 * and Edit Reason…, Decide…, Edit Contribution, New Activity, Record
 * Progress…, Merge into a New Proposal, Proposal Details, Add Comment…,
 * Answer…, New Group, and Process Settings… from the main menu. Exits 77 (skipped) without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "cocrea-activities-page.h"
#include "cocrea-activity-dialog.h"
#include "cocrea-application.h"
#include "cocrea-capture-page.h"
#include "cocrea-comment-dialog.h"
#include "cocrea-consultation-page.h"
#include "cocrea-merge-page.h"
#include "cocrea-proposal-dialog.h"
#include "cocrea-plan-page.h"
#include "cocrea-prioritise-page.h"
#include "cocrea-progress-dialog.h"
#include "cocrea-proposal.h"
#include "cocrea-response-dialog.h"
#include "cocrea-selection-page.h"
#include "cocrea-selection.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *window;

/* The dialog shown over the window, if any. */
static GtkWidget *
shown_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == window && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static gboolean
dialog_open (gpointer unused)
{
  return shown_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer unused)
{
  return shown_dialog () == NULL;
}

/* A mapped, sensitive button under @root with the action @name and, when
 * @id is not 0, the target @id. */
static GtkWidget *
find_button (GtkWidget *root, const char *name, gint64 id)
{
  g_autoptr (GPtrArray) buttons = gui_find_all_of_type (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      if (gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), name) == 0 &&
          (id == 0 || (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_INT64) &&
                       g_variant_get_int64 (target) == id)))
        return button;
    }
  return NULL;
}

/* The response button of an AdwMessageDialog that shows @label. */
static gboolean
match_label (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Focuses @opener, presses Space on it and returns the dialog it opened. */
static GtkWidget *
open_from (GtkWidget *opener)
{
  g_assert_true (gtk_widget_grab_focus (opener));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == opener);
  gui_press_keys (GTK_WIDGET (window), "space");
  gui_wait_for (dialog_open, NULL);
  gui_settle ();
  return shown_dialog ();
}

/* Waits for the dialog to go and the window to lay out the frames after. */
static void
wait_closed (void)
{
  gui_wait_for (dialog_closed, NULL);
  for (guint i = 0; i < 5; i++)
    {
      g_usleep (20 * 1000);
      gui_settle ();
    }
}

/* The window's focus (active or not: Xvfb has no window manager). */
static GtkWidget *
window_focus (void)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The focus is on a button of action @name and target @id: the opener,
 * or the control that stands for it in the row built anew. */
static void
assert_focus_on (const char *name, gint64 id)
{
  GtkWidget *focus = window_focus ();
  GVariant *target;

  if (focus == NULL)
    g_error ("The focus was lost after the dialog closed (wanted %s)", name);
  if (!GTK_IS_ACTIONABLE (focus) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), name) != 0)
    g_error ("The focus went to a %s (%s), not back to the %s control",
             G_OBJECT_TYPE_NAME (focus),
             GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL
               ? gtk_button_get_label (GTK_BUTTON (focus)) : "",
             name);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus));
  if (id != 0)
    g_assert_cmpint (g_variant_get_int64 (target), ==, id);
}

/* The focus is in @list (on one of its rows). */
static void
assert_focus_in (GtkWidget *list)
{
  GtkWidget *focus = window_focus ();

  if (focus == NULL)
    g_error ("The focus was lost after the dialog closed (wanted in a list)");
  if (!gtk_widget_is_ancestor (focus, list))
    g_error ("The focus went to a %s, not back to the list", G_OBJECT_TYPE_NAME (focus));
}

/* The id of a proposal in the Prioritise table decided as @decision. */
static gint64
proposal_decided_as (CocreaDecision wanted)
{
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  g_autoptr (GListModel) proposals = NULL;
  g_autoptr (GError) error = NULL;

  proposals = cocrea_proposal_list (document, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr (CocreaProposal) proposal = g_list_model_get_item (proposals, i);
      gint64 id = cocrea_proposal_get_id (proposal);
      gboolean decided = FALSE;
      CocreaDecision decision;

      g_assert_true (cocrea_selection_get_decision (document, id, &decided, &decision, NULL, &error));
      if (decided && decision == wanted && cocrea_proposal_get_merged_into_id (proposal) == 0)
        return id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_open (void)
{
  window = gui_open_demo (0, 0);
}

/* Shortlist… on a row: Escape, then shortlisting (the row is read
 * again and its button becomes Edit Reason…), then Edit Reason… */
static void
test_shortlist (void)
{
  CocreaDocument *document = cocrea_window_get_document (COCREA_WINDOW (window));
  GtkWidget *page = gui_show_page (window, "prioritise", COCREA_TYPE_PRIORITISE_PAGE);
  gint64 id = proposal_decided_as (COCREA_DECISION_NOT_SHORTLISTED);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  dialog = open_from (find_button (page, "prioritise.shortlist", id));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("prioritise.shortlist", id);

  /* The reason, then Enter: the row shows the decision, its button is new. */
  dialog = open_from (window_focus ());
  gui_press_keys (dialog, "P r u e b a Return");
  wait_closed ();
  assert_focus_on ("prioritise.shortlist", id);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (window_focus ())), ==, "Edit Reason…");

  dialog = open_from (window_focus ());
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("prioritise.shortlist", id);

  /* Back as it was. */
  g_assert_true (cocrea_selection_decide (document, id, COCREA_DECISION_NOT_SHORTLISTED, "Prueba",
                                          FALSE, &error));
  g_assert_no_error (error);
  gui_settle ();
}

/* Decide… on the Selection page: Escape, then recording the decision
 * again with the reason already written (Enter). */
static void
test_decide (void)
{
  GtkWidget *page = gui_show_page (window, "selection", COCREA_TYPE_SELECTION_PAGE);
  gint64 id = proposal_decided_as (COCREA_DECISION_SELECTED);
  GtkWidget *dialog;

  dialog = open_from (find_button (page, "selection.decide", id));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("selection.decide", id);

  dialog = open_from (window_focus ());
  gui_press_keys (dialog, "Return");
  wait_closed ();
  assert_focus_on ("selection.decide", id);
}

/* Edit… on a captured contribution: Escape, then Save (its button, as a
 * click does). */
static void
test_edit_contribution (void)
{
  GtkWidget *page = gui_show_page (window, "capture", COCREA_TYPE_CAPTURE_PAGE);
  GtkWidget *opener, *dialog, *save;
  gint64 id;

  opener = find_button (page, "capture.edit-contribution", 0);
  g_assert_nonnull (opener);
  id = g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (opener)));

  dialog = open_from (opener);
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("capture.edit-contribution", id);

  dialog = open_from (window_focus ());
  save = gui_find_one (dialog, match_label, "_Save");
  g_assert_nonnull (save);
  gtk_widget_activate (save);
  wait_closed ();
  assert_focus_on ("capture.edit-contribution", id);
}

/* New Activity: Escape, then Ctrl+S with the fields filled in. */
static void
test_new_activity (void)
{
  GtkWidget *page = gui_show_page (window, "activities", COCREA_TYPE_ACTIVITIES_PAGE);
  g_autoptr (GPtrArray) rows = NULL;
  GtkWidget *dialog;

  dialog = open_from (find_button (page, "activities.add", 0));
  g_assert_true (COCREA_IS_ACTIVITY_DIALOG (dialog));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("activities.add", 0);

  dialog = open_from (window_focus ());
  rows = gui_find_all_of_type (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  gtk_editable_set_text (rows->pdata[0], "Encuentro de foco");
  gtk_editable_set_text (rows->pdata[1], "2019-04-06");
  gtk_editable_set_text (rows->pdata[2], "Liceo A-90");
  gui_press_keys (dialog, "ctrl+s");
  wait_closed ();
  assert_focus_on ("activities.add", 0);
}

/* Record Progress… on a milestone: Escape, then Ctrl+S (its status, today:
 * the row is built anew with its new record). */
static void
test_record_progress (void)
{
  GtkWidget *page = gui_show_page (window, "plan", COCREA_TYPE_PLAN_PAGE);
  GtkWidget *opener, *dialog;
  gint64 id;

  opener = find_button (page, "editor.record-progress", 0);
  if (opener == NULL)
    {
      /* The plan's first commitment, whose editor shows its milestones. */
      GtkWidget *list = gui_find_one_of_type (page, GTK_TYPE_LIST_VIEW);

      g_assert_nonnull (list);
      gtk_widget_grab_focus (list);
      gui_settle ();
      opener = find_button (page, "editor.record-progress", 0);
    }
  if (opener == NULL)
    {
      g_test_skip ("The demo's plan shows no milestone");
      return;
    }
  id = g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (opener)));

  dialog = open_from (opener);
  g_assert_true (COCREA_IS_PROGRESS_DIALOG (dialog));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("editor.record-progress", id);

  /* Done needs a word of evidence. */
  dialog = open_from (window_focus ());
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gui_find_one_of_type (dialog, GTK_TYPE_TEXT_VIEW))),
                            "Acta de la sesión", -1);
  gui_press_keys (dialog, "ctrl+s");
  wait_closed ();
  assert_focus_on ("editor.record-progress", id);
}

/* Merge & tally: Ctrl+Shift+M on a selected contribution (Escape, then
 * Enter on the title: the contribution's row changes), and Enter on a
 * proposal of the tally, which opens its details (Escape, then Ctrl+S). */
static void
test_merge (void)
{
  GtkWidget *page = gui_show_page (window, "merge", COCREA_TYPE_MERGE_PAGE);
  g_autoptr (GPtrArray) views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *contributions, *tally, *dialog;

  g_assert_cmpuint (views->len, ==, 2);
  contributions = views->pdata[0];
  tally = views->pdata[1];

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (contributions))),
                                   0, TRUE);
  gui_settle ();
  g_assert_true (gtk_widget_child_focus (contributions, GTK_DIR_TAB_FORWARD));
  assert_focus_in (contributions);
  gui_press_keys (GTK_WIDGET (window), "ctrl+shift+m");
  gui_wait_for (dialog_open, NULL);
  dialog = shown_dialog ();
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_in (contributions);

  gui_press_keys (GTK_WIDGET (window), "ctrl+shift+m");
  gui_wait_for (dialog_open, NULL);
  dialog = shown_dialog ();
  gui_press_keys (dialog, "ctrl+a F o c o Return");
  wait_closed ();
  assert_focus_in (contributions);

  g_assert_true (gtk_widget_child_focus (tally, GTK_DIR_TAB_FORWARD));
  assert_focus_in (tally);
  gui_press_keys (GTK_WIDGET (window), "Return");
  gui_wait_for (dialog_open, NULL);
  dialog = shown_dialog ();
  g_assert_true (COCREA_IS_PROPOSAL_DIALOG (dialog));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_in (tally);

  gui_press_keys (GTK_WIDGET (window), "Return");
  gui_wait_for (dialog_open, NULL);
  dialog = shown_dialog ();
  gui_press_keys (dialog, "ctrl+s");
  wait_closed ();
  assert_focus_in (tally);
}

/* The entry row under @root whose title starts with @prefix. */
static GtkEditable *
entry_row (GtkWidget *root, const char *prefix)
{
  g_autoptr (GPtrArray) rows = gui_find_all_of_type (root, ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (adw_preferences_row_get_title (rows->pdata[i]), prefix))
      return rows->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

/* Consultation: Add Comment… (Escape, then a comment saved with
 * Ctrl+S: the list is read again) and Answer… on a selected comment
 * (Escape, then the answer saved again). */
static void
test_consultation (void)
{
  GtkWidget *page = gui_show_page (window, "consultation", COCREA_TYPE_CONSULTATION_PAGE);
  GtkWidget *view = gui_find_one_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *dialog;

  dialog = open_from (find_button (page, "consultation.add", 0));
  g_assert_true (COCREA_IS_COMMENT_DIALOG (dialog));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("consultation.add", 0);

  dialog = open_from (window_focus ());
  gtk_editable_set_text (entry_row (dialog, "Received"), "2019-12-03");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gui_find_one_of_type (dialog, GTK_TYPE_TEXT_VIEW))),
                            "Que las actas se lean en voz alta", -1);
  gui_press_keys (dialog, "ctrl+s");
  wait_closed ();
  assert_focus_on ("consultation.add", 0);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view))),
                                   0, TRUE);
  gui_settle ();
  dialog = open_from (find_button (page, "consultation.respond", 0));
  g_assert_true (COCREA_IS_RESPONSE_DIALOG (dialog));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("consultation.respond", 0);

  dialog = open_from (window_focus ());
  gui_press_keys (dialog, "ctrl+s");
  wait_closed ();
  assert_focus_on ("consultation.respond", 0);
}

/* New Group on Activities & groups (an AdwMessageDialog): Escape, then a
 * name and Enter. */
static void
test_new_group (void)
{
  GtkWidget *page = gui_show_page (window, "activities", COCREA_TYPE_ACTIVITIES_PAGE);
  GtkWidget *dialog;

  dialog = open_from (find_button (page, "activities.add-group", 0));
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  assert_focus_on ("activities.add-group", 0);

  dialog = open_from (window_focus ());
  gtk_editable_set_text (GTK_EDITABLE (gui_find_one_of_type (dialog, GTK_TYPE_ENTRY)), "Mesa de foco");
  gtk_widget_grab_focus (gui_find_one_of_type (dialog, GTK_TYPE_ENTRY));
  gui_press_keys (dialog, "Return");
  wait_closed ();
  assert_focus_on ("activities.add-group", 0);
}

static gboolean
menu_open (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Process Settings… from the main menu (Space on the menu button, P):
 * Escape gives the focus back to the menu button, the popover's item
 * being gone. */
static void
test_main_menu (void)
{
  g_autoptr (GPtrArray) buttons = gui_find_all_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GtkWidget *menu = NULL, *dialog, *focus;

  for (guint i = 0; i < buttons->len && menu == NULL; i++)
    if (gtk_widget_get_mapped (buttons->pdata[i]) && gtk_menu_button_get_primary (buttons->pdata[i]))
      menu = buttons->pdata[i];
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_grab_focus (menu));
  gui_press_keys (GTK_WIDGET (window), "space");
  gui_wait_for (menu_open, menu);
  gui_press_keys (GTK_WIDGET (window), "p");
  gui_wait_for (dialog_open, NULL);
  dialog = shown_dialog ();
  gui_press_keys (dialog, "Escape");
  wait_closed ();
  focus = window_focus ();
  g_assert_nonnull (focus);
  if (focus != menu && !gtk_widget_is_ancestor (focus, menu))
    g_error ("The focus went to a %s, not back to the main menu", G_OBJECT_TYPE_NAME (focus));
}

int
main (int argc, char **argv)
{
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-focus", "org.cocrea.Cocrea.TestFocus"))
    return 77;

  g_test_add_func ("/gui-focus/open", test_open);
  g_test_add_func ("/gui-focus/shortlist", test_shortlist);
  g_test_add_func ("/gui-focus/decide", test_decide);
  g_test_add_func ("/gui-focus/edit-contribution", test_edit_contribution);
  g_test_add_func ("/gui-focus/new-activity", test_new_activity);
  g_test_add_func ("/gui-focus/record-progress", test_record_progress);
  g_test_add_func ("/gui-focus/merge", test_merge);
  g_test_add_func ("/gui-focus/consultation", test_consultation);
  g_test_add_func ("/gui-focus/new-group", test_new_group);
  g_test_add_func ("/gui-focus/main-menu", test_main_menu);

  return gui_harness_run ();
}
