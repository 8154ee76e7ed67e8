/* test-gui-consultation.c — the Consultation page, under a real display
 *
 * Runs in process under Xvfb on the Renca demo, which holds four answered
 * comments: the summary agrees with the core's; a window of 8 working
 * days is saved and warned about, a wrong day is refused under its row
 * and a window that would leave comments outside is refused, the old
 * window comes back from the toast; a comment is added through its
 * dialog (a day after the window first refused, nothing typed lost) and
 * is listed and in the file; it is answered "not accepted", refused
 * without a reason in the dialog with the rule shown before saving, then
 * saved with one; the list is filtered by commitment and to the plan as
 * a whole (empty state); Enter edits; the comment is deleted and brought
 * back from the toast; every control has an accessible name; and a
 * read-only opening shows everything and lets nothing be changed. Exits
 * 77 (skipped) without a display. With COCREA_SCREENSHOT_DIR set, it
 * also saves screenshots there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "cocrea-application.h"
#include "cocrea-choice.h"
#include "cocrea-comment-dialog.h"
#include "cocrea-commitment.h"
#include "cocrea-consultation-page.h"
#include "cocrea-consultation.h"
#include "cocrea-error.h"
#include "cocrea-response-dialog.h"
#include "cocrea-window.h"
#include "gui-harness.h"

static GtkWindow *window;
static GtkWidget *page;
static gint64 added_id;

static const char added_text[] = "Que el compromiso publique las actas de cada mesa 🌱\n"
                                 "y las deje en la biblioteca municipal.";
static const char added_reason[] = "Las actas ya se publican en el portal de transparencia.";

static CocreaDocument *
document (void)
{
  return cocrea_window_get_document (COCREA_WINDOW (window));
}

static CocreaConsultationWindow *
stored_window (void)
{
  g_autoptr (CocreaDocument) file = gui_read_demo ();
  g_autoptr (GError) error = NULL;
  CocreaConsultationWindow *stored = cocrea_consultation_get_window (file, &error);

  g_assert_no_error (error);
  return stored;
}

static GListModel *
stored_comments (void)
{
  g_autoptr (CocreaDocument) file = gui_read_demo ();
  g_autoptr (GError) error = NULL;
  GListModel *list = cocrea_consultation_list_comments (file, COCREA_CONSULTATION_ALL, &error);

  g_assert_no_error (error);
  return list;
}

/* Comment @id as the file has it, or NULL. */
static CocreaConsultationComment *
stored_comment (gint64 id)
{
  g_autoptr (CocreaDocument) file = gui_read_demo ();

  return cocrea_consultation_lookup_comment (file, id, NULL);
}

static gboolean
match_mapped_label (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
match_mapped_prefix (GtkWidget *widget, gconstpointer prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* A label of @root showing @text, the summary's no-break spaces read as
 * spaces. */
static gboolean
match_spaced_label (GtkWidget *widget, gconstpointer text)
{
  g_autoptr (GString) shown = NULL;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  shown = g_string_new (gtk_label_get_text (GTK_LABEL (widget)));
  g_string_replace (shown, "\u00a0", " ", 0);
  return g_strcmp0 (shown->str, text) == 0;
}

/* The row of @type under @root titled @title. */
static gpointer
find_row (GtkWidget *root, GType type, const char *title)
{
  g_autoptr (GPtrArray) rows = gui_find_all_of_type (root, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

#define find_entry_row(root, title) ((AdwEntryRow *) find_row ((root), ADW_TYPE_ENTRY_ROW, (title)))
#define find_combo_row(root, title) ((AdwComboRow *) find_row ((root), ADW_TYPE_COMBO_ROW, (title)))

/* A mapped button under @root whose action is @action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget *root, const char *action)
{
  g_autoptr (GPtrArray) buttons = gui_find_all_of_type (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0 &&
        gtk_widget_get_mapped (buttons->pdata[i]))
      return buttons->pdata[i];
  return NULL;
}

/* The button of the toast that says @title, or NULL while it does not
 * show. Toasts going away stay in the tree a moment: the title tells
 * them apart. */
static GtkWidget *
toast_button (const char *title)
{
  g_autoptr (GPtrArray) labels = gui_find_all (GTK_WIDGET (window), match_mapped_label, title);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *toast = gtk_widget_get_ancestor (labels->pdata[i],
                                                  g_type_from_name ("AdwToastWidget"));
      GtkWidget *button = toast != NULL ? gui_find_one_of_type (toast, GTK_TYPE_BUTTON) : NULL;

      /* The first button is the toast's own; the close button follows. */
      if (button != NULL && gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) != NULL)
        return button;
    }
  return NULL;
}

/* The toast that says @title shows alone: those it replaced have gone.
 * A person takes longer than their fading to reach the button; and
 * libadwaita 1.2 aborts when the toast in front is dismissed while one it
 * pushed back is still fading (adw-toast-overlay.c, show_toast). */
static gboolean
has_toast (gpointer title)
{
  g_autoptr (GPtrArray) toasts = gui_find_all_of_type (GTK_WIDGET (window),
                                                       g_type_from_name ("AdwToastWidget"));

  return toasts->len == 1 && toast_button (title) != NULL;
}

/* Clicks the Undo of the toast that says @title, which activates @action. */
static void
click_toast (const char *title, const char *action)
{
  GtkWidget *button;

  gui_wait_for (has_toast, (gpointer) title);
  button = toast_button (title);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
  g_signal_emit_by_name (button, "clicked");
  gui_settle ();
}

static GtkSingleSelection *
comment_rows (void)
{
  GtkWidget *view = gui_find_one_of_type (page, GTK_TYPE_COLUMN_VIEW);

  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

static gint64
selected_id (void)
{
  CocreaConsultationComment *comment = gtk_single_selection_get_selected_item (comment_rows ());

  return comment != NULL ? cocrea_consultation_comment_get_id (comment) : 0;
}

static void
select_row (gint64 id)
{
  GListModel *rows = G_LIST_MODEL (comment_rows ());

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CocreaConsultationComment) comment = g_list_model_get_item (rows, i);

      if (cocrea_consultation_comment_get_id (comment) == id)
        {
          gtk_single_selection_set_selected (comment_rows (), i);
          gui_settle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static gboolean
no_dialog (gpointer data)
{
  return !gui_has_toplevel (data);
}

static void
test_open (void)
{
  window = gui_open_demo (1260, 780);
  page = gui_show_page (window, "consultation", COCREA_TYPE_CONSULTATION_PAGE);
}

/* The summary says what the core counts, in the words of the page. */
static void
check_summary (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaConsultationSummary) summary = cocrea_consultation_get_summary (document (), &error);
  const CocreaConsultationCounts *all;
  g_autofree char *answers = NULL;
  g_autofree char *channels = NULL;

  g_assert_no_error (error);
  all = &summary->overall;
  answers = g_strdup_printf ("%u comment%s: %u accepted, %u partly accepted, %u not accepted, "
                             "%u pending",
                             all->total, all->total == 1 ? "" : "s",
                             all->by_response[COCREA_RESPONSE_ACCEPTED],
                             all->by_response[COCREA_RESPONSE_PARTLY],
                             all->by_response[COCREA_RESPONSE_NOT_ACCEPTED],
                             all->by_response[COCREA_RESPONSE_PENDING]);
  channels = g_strdup_printf ("By channel: %u online, %u in person, %u by email",
                              all->by_channel[COCREA_CHANNEL_ONLINE],
                              all->by_channel[COCREA_CHANNEL_IN_PERSON],
                              all->by_channel[COCREA_CHANNEL_EMAIL]);
  if (gui_find_one (page, match_spaced_label, answers) == NULL)
    g_error ("the summary does not say “%s”", answers);
  g_assert_nonnull (gui_find_one (page, match_spaced_label, channels));
}

static void
test_summary (void)
{
  g_autoptr (GListModel) stored = stored_comments ();

  /* The demo's four comments: 2 accepted, 1 partly, 1 not accepted. */
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 4);
  g_assert_nonnull (gui_find_one (page, match_spaced_label,
                                  "4 comments: 2 accepted, 1 partly accepted, 1 not accepted, "
                                  "0 pending"));
  check_summary ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comment_rows ())), ==, 4);
  /* Something is chosen, so Edit and Answer work at once. */
  g_assert_cmpint (selected_id (), !=, 0);
  /* The demo's window: 2 to 13 December 2019, ten working days. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (page, "Opens, for example 2019-12-02"))),
                   ==, "2019-12-02");
  g_assert_nonnull (gui_find_one (page, match_mapped_label, "10"));
  g_assert_null (gui_find_one (page, match_mapped_prefix, "Only "));
  gui_screenshot ("consultation.png");
}

static void
apply (AdwEntryRow *opens, const char *opens_text, AdwEntryRow *closes, const char *closes_text)
{
  gtk_editable_set_text (GTK_EDITABLE (opens), opens_text);
  gtk_editable_set_text (GTK_EDITABLE (closes), closes_text);
  g_signal_emit_by_name (closes, "apply");
  gui_settle ();
}

static void
test_window (void)
{
  AdwEntryRow *opens = find_entry_row (page, "Opens, for example 2019-12-02");
  AdwEntryRow *closes = find_entry_row (page, "Closes, for example 2019-12-13");
  g_autoptr (CocreaConsultationWindow) stored = NULL;

  /* A day that is not one: explained under the rows, kept as typed, the
   * file untouched. */
  apply (opens, "2019-12-03", closes, "2019-12-32");
  g_assert_nonnull (gui_find_one (page, match_mapped_prefix, "Closes: write the day"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (closes), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (opens), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (closes)), ==, "2019-12-32");
  stored = stored_window ();
  g_assert_cmpstr (stored->closes, ==, "2019-12-13");
  g_clear_pointer (&stored, cocrea_consultation_window_free);

  /* 3 to 12 December: every comment still inside, but 8 working days. */
  apply (opens, "2019-12-03", closes, "2019-12-12");
  stored = stored_window ();
  g_assert_cmpstr (stored->opens, ==, "2019-12-03");
  g_assert_cmpstr (stored->closes, ==, "2019-12-12");
  g_assert_cmpint (stored->working_days, ==, 8);
  g_assert_true (stored->too_short);
  g_clear_pointer (&stored, cocrea_consultation_window_free);
  g_assert_null (gui_find_one (page, match_mapped_prefix, "Closes:"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (closes), "error"));
  g_assert_nonnull (gui_find_one (page, match_mapped_label, "8"));
  g_assert_nonnull (gui_find_one (page, match_mapped_prefix,
                                  "Only 8 working days: OGP asks for at least 10."));
  gui_screenshot ("consultation-short.png");

  /* One that would leave comments outside is refused, and says so. */
  apply (opens, "2019-12-06", closes, "2019-12-12");
  g_assert_nonnull (gui_find_one (page, match_mapped_prefix, "2 comments were received outside"));
  stored = stored_window ();
  g_assert_cmpstr (stored->opens, ==, "2019-12-03");
  g_clear_pointer (&stored, cocrea_consultation_window_free);

  /* The toast of the short window brings back the ten days. */
  click_toast ("Consultation window saved", "consultation.restore-window");
  stored = stored_window ();
  g_assert_cmpstr (stored->opens, ==, "2019-12-02");
  g_assert_cmpstr (stored->closes, ==, "2019-12-13");
  g_assert_false (stored->too_short);
  g_assert_null (gui_find_one (page, match_mapped_prefix, "Only "));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (opens)), ==, "2019-12-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (closes)), ==, "2019-12-13");
}

static char *
buffer_text (GtkTextView *view)
{
  char *text = NULL;

  g_object_get (gtk_text_view_get_buffer (view), "text", &text, NULL);
  return text;
}

static void
test_add (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) commitments = cocrea_commitment_list (document (), &error);
  g_autoptr (CocreaCommitment) first = g_list_model_get_item (commitments, 0);
  g_autoptr (GListModel) stored = NULL;
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *one_line = NULL;
  AdwEntryRow *received;
  GtkTextView *text;
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (page, "consultation.add", NULL));
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (COCREA_TYPE_COMMENT_DIALOG));
  dialog = gui_find_toplevel (COCREA_TYPE_COMMENT_DIALOG);
  gui_check_accessible_labels (dialog, 6);
  /* Save waits for a text. */
  g_assert_false (gtk_widget_get_sensitive (find_action_button (dialog, "dialog.save")));

  /* "1. Name" is the second choice, after the plan as a whole. */
  adw_combo_row_set_selected (find_combo_row (dialog, "About"), 1);
  adw_combo_row_set_selected (find_combo_row (dialog, "Channel"), COCREA_CHANNEL_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (dialog, "Author (optional)")),
                         "Mesa 4, Villa Lo Benito");
  received = find_entry_row (dialog, "Received, for example 2019-12-03");
  gtk_editable_set_text (GTK_EDITABLE (received), "2019-12-20");
  text = GTK_TEXT_VIEW (gui_find_one_of_type (dialog, GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), added_text, -1);
  g_assert_true (gtk_widget_get_sensitive (find_action_button (dialog, "dialog.save")));

  /* After the window closed: refused under the day, nothing lost. */
  g_assert_false (cocrea_comment_dialog_save (COCREA_COMMENT_DIALOG (dialog), &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  gui_settle ();
  g_assert_true (gui_has_toplevel (GUI_TYPE_DATA (COCREA_TYPE_COMMENT_DIALOG)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (received), "error"));
  g_assert_nonnull (gui_find_one (dialog, match_mapped_prefix,
                                  "Received: the consultation closed on 13 December 2019"));
  kept = buffer_text (text);
  g_assert_cmpstr (kept, ==, added_text);
  g_assert_cmpuint (adw_combo_row_get_selected (find_combo_row (dialog, "Channel")), ==,
                    COCREA_CHANNEL_EMAIL);
  stored = stored_comments ();
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 4);
  g_clear_object (&stored);
  gui_screenshot ("consultation-add-refused.png");

  gtk_editable_set_text (GTK_EDITABLE (received), "2019-12-04");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (received), "error"));
  g_assert_true (cocrea_comment_dialog_save (COCREA_COMMENT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gui_wait_for (no_dialog, GUI_TYPE_DATA (COCREA_TYPE_COMMENT_DIALOG));
  gui_settle ();

  /* In the file as typed, about commitment 1, its answer pending. */
  stored = stored_comments ();
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (stored, i);

      if (g_strcmp0 (cocrea_consultation_comment_get_text (c), added_text) == 0)
        added_id = cocrea_consultation_comment_get_id (c);
    }
  g_assert_cmpint (added_id, !=, 0);
  comment = stored_comment (added_id);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_id (comment), ==,
                   cocrea_commitment_get_id (first));
  g_assert_cmpint (cocrea_consultation_comment_get_channel (comment), ==, COCREA_CHANNEL_EMAIL);
  g_assert_cmpstr (cocrea_consultation_comment_get_author (comment), ==, "Mesa 4, Villa Lo Benito");
  g_assert_cmpstr (cocrea_consultation_comment_get_received_on (comment), ==, "2019-12-04");
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_PENDING);

  /* Listed on one line, chosen, and counted. */
  one_line = g_strdelimit (g_strdup (added_text), "\n", ' ');
  g_assert_nonnull (gui_find_one (page, match_mapped_label, one_line));
  g_assert_cmpint (selected_id (), ==, added_id);
  g_assert_nonnull (gui_find_one (GTK_WIDGET (window), match_mapped_label, "Comment added"));
  check_summary ();
}

static void
test_respond (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autofree char *kept = NULL;
  GtkTextView *reason;
  GtkWidget *dialog;
  GtkWidget *frame;

  select_row (added_id);
  g_assert_true (gtk_widget_activate_action (page, "consultation.respond", NULL));
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (COCREA_TYPE_RESPONSE_DIALOG));
  dialog = gui_find_toplevel (COCREA_TYPE_RESPONSE_DIALOG);
  gui_check_accessible_labels (dialog, 4);
  /* It shows the comment it answers. */
  g_assert_nonnull (gui_find_one (dialog, match_mapped_label, added_text));
  g_assert_null (gui_find_one (dialog, match_mapped_prefix, "A comment partly accepted"));

  /* The rule shows as soon as the answer is chosen, before any saving. */
  cocrea_response_dialog_set_response (COCREA_RESPONSE_DIALOG (dialog), COCREA_RESPONSE_NOT_ACCEPTED);
  gui_settle ();
  g_assert_nonnull (gui_find_one (dialog, match_mapped_prefix,
                                  "A comment partly accepted or not accepted needs the reason why"));
  reason = GTK_TEXT_VIEW (gui_find_one_of_type (dialog, GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason), "   ", -1);
  gui_screenshot ("consultation-respond-rule.png");

  /* Without a reason: refused in the dialog, the answer and what was
   * typed kept, the file untouched. */
  g_assert_false (cocrea_response_dialog_save (COCREA_RESPONSE_DIALOG (dialog), &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  gui_settle ();
  g_assert_true (gui_has_toplevel (GUI_TYPE_DATA (COCREA_TYPE_RESPONSE_DIALOG)));
  g_assert_nonnull (gui_find_one (dialog, match_mapped_prefix, "Reason: a comment partly accepted"));
  frame = gtk_widget_get_ancestor (GTK_WIDGET (reason), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_has_css_class (frame, "error"));
  /* The focus goes where the reason is to be typed. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == GTK_WIDGET (reason));
  g_assert_cmpint (cocrea_response_dialog_get_response (COCREA_RESPONSE_DIALOG (dialog)), ==,
                   COCREA_RESPONSE_NOT_ACCEPTED);
  kept = buffer_text (reason);
  g_assert_cmpstr (kept, ==, "   ");
  comment = stored_comment (added_id);
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_PENDING);
  g_clear_object (&comment);
  gui_screenshot ("consultation-respond-refused.png");

  /* With a reason: saved, the dialog closes, the summary follows. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason), added_reason, -1);
  g_assert_false (gtk_widget_has_css_class (frame, "error"));
  g_assert_true (cocrea_response_dialog_save (COCREA_RESPONSE_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gui_wait_for (no_dialog, GUI_TYPE_DATA (COCREA_TYPE_RESPONSE_DIALOG));
  gui_settle ();
  comment = stored_comment (added_id);
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==,
                   COCREA_RESPONSE_NOT_ACCEPTED);
  g_assert_cmpstr (cocrea_consultation_comment_get_response_reason (comment), ==, added_reason);
  g_assert_nonnull (gui_find_one (page, match_spaced_label,
                                  "5 comments: 2 accepted, 1 partly accepted, 2 not accepted, "
                                  "0 pending"));
  check_summary ();
}

/* Chooses the dropdown row whose text starts with @prefix. */
static void
choose_filter (const char *prefix)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gui_find_one_of_type (page, GTK_TYPE_DROP_DOWN));
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr (CocreaChoice) choice = g_list_model_get_item (choices, i);

      if (g_str_has_prefix (cocrea_choice_get_label (choice), prefix))
        {
          gtk_drop_down_set_selected (dropdown, i);
          gui_settle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_filter (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) commitments = cocrea_commitment_list (document (), &error);
  g_autoptr (CocreaCommitment) third = g_list_model_get_item (commitments, 2);
  g_autofree char *label = g_strdup_printf ("3. %s", cocrea_commitment_get_name (third));
  GListModel *rows = G_LIST_MODEL (comment_rows ());
  GtkWidget *empty;

  /* Commitment 3: the demo's two comments on it, and nothing else. */
  choose_filter (label);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (rows, i);

      g_assert_cmpint (cocrea_consultation_comment_get_commitment_id (c), ==,
                       cocrea_commitment_get_id (third));
    }
  g_assert_cmpint (selected_id (), !=, 0);
  gui_screenshot ("consultation-filtered.png");

  /* The plan as a whole has none: the empty state says so. */
  choose_filter ("The plan as a whole");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  empty = gui_find_one_of_type (page, ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==,
                   "No Comments on the Plan as a Whole");
  /* Nothing chosen, nothing to edit. */
  g_assert_false (gtk_widget_get_sensitive (find_action_button (page, "consultation.edit")));

  choose_filter ("All comments");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  g_assert_false (gtk_widget_get_mapped (empty));
}

/* Enter or a double click on a row is the list view's "activate": it
 * edits the row. */
static void
test_activate_edits (void)
{
  GtkWidget *view = gui_find_one_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GListModel *rows = G_LIST_MODEL (comment_rows ());
  g_autoptr (CocreaConsultationComment) first = g_list_model_get_item (rows, 0);
  GtkWidget *dialog;
  g_autofree char *shown = NULL;

  g_signal_emit_by_name (view, "activate", 0);
  gui_wait_for (gui_has_toplevel, GUI_TYPE_DATA (COCREA_TYPE_COMMENT_DIALOG));
  dialog = gui_find_toplevel (COCREA_TYPE_COMMENT_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Comment");
  shown = buffer_text (GTK_TEXT_VIEW (gui_find_one_of_type (dialog, GTK_TYPE_TEXT_VIEW)));
  g_assert_cmpstr (shown, ==, cocrea_consultation_comment_get_text (first));
  gtk_window_close (GTK_WINDOW (dialog));
  gui_wait_for (no_dialog, GUI_TYPE_DATA (COCREA_TYPE_COMMENT_DIALOG));
}

static void
test_delete_undo (void)
{
  g_autoptr (GListModel) stored = NULL;
  g_autoptr (CocreaConsultationComment) back = NULL;

  select_row (added_id);
  g_assert_true (gtk_widget_activate_action (page, "consultation.delete", NULL));
  gui_settle ();
  /* No question: gone at once, and the toast can bring it back. */
  g_assert_false (gui_has_toplevel (GUI_TYPE_DATA (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_null (stored_comment (added_id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comment_rows ())), ==, 4);
  g_assert_nonnull (gui_find_one (GTK_WIDGET (window), match_mapped_label, "Comment deleted"));
  check_summary ();

  click_toast ("Comment deleted", "consultation.undo");
  back = stored_comment (added_id);
  g_assert_nonnull (back);
  g_assert_cmpstr (cocrea_consultation_comment_get_text (back), ==, added_text);
  g_assert_cmpint (cocrea_consultation_comment_get_response (back), ==,
                   COCREA_RESPONSE_NOT_ACCEPTED);
  g_assert_cmpstr (cocrea_consultation_comment_get_response_reason (back), ==, added_reason);
  stored = stored_comments ();
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comment_rows ())), ==, 5);
  check_summary ();

  /* Ctrl+Shift+Z deletes it again, Ctrl+Z brings it back. */
  g_assert_true (gtk_widget_activate_action (page, "consultation.redo", NULL));
  gui_settle ();
  g_assert_null (stored_comment (added_id));
  g_assert_true (gtk_widget_activate_action (page, "consultation.undo-last", NULL));
  gui_settle ();
  g_clear_object (&back);
  back = stored_comment (added_id);
  g_assert_nonnull (back);
}

/* Delete on the list is the page's delete: a shortcut of the list. */
static void
test_delete_key (void)
{
  GtkWidget *view = gui_find_one_of_type (page, GTK_TYPE_COLUMN_VIEW);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (view);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (trigger);

          if (GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         "consultation.delete") == 0 &&
              strstr (keys, "Delete") != NULL)
            found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_accessible (void)
{
  gui_check_accessible_labels (page, 9);
}

/* A second opening while the window holds the file: read-only. Everything
 * shows; nothing can be changed. */
static void
test_read_only (void)
{
  g_autoptr (CocreaDocument) file = gui_read_demo ();
  GtkWidget *viewer = gtk_window_new ();
  GtkWidget *second;
  GtkSingleSelection *rows;

  g_assert_true (cocrea_document_is_read_only (file));
  second = g_object_new (COCREA_TYPE_CONSULTATION_PAGE, "document", file, NULL);
  gtk_window_set_default_size (GTK_WINDOW (viewer), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (viewer), second);
  gtk_window_present (GTK_WINDOW (viewer));
  gui_wait_for (gui_is_mapped, second);
  gui_settle ();

  rows = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (gui_find_one_of_type (second, GTK_TYPE_COLUMN_VIEW))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  g_assert_nonnull (gtk_single_selection_get_selected_item (rows));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_entry_row (second, "Opens, for example 2019-12-02"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_entry_row (second, "Closes, for example 2019-12-13"))));
  for (guint i = 0; i < 4; i++)
    {
      const char *actions[] = { "consultation.add", "consultation.edit", "consultation.respond",
                                "consultation.delete" };

      g_assert_false (gtk_widget_get_sensitive (find_action_button (second, actions[i])));
    }
  /* Even asked directly, nothing opens. */
  gtk_widget_activate_action (second, "consultation.add", NULL);
  gui_settle ();
  g_assert_false (gui_has_toplevel (GUI_TYPE_DATA (COCREA_TYPE_COMMENT_DIALOG)));
  gui_screenshot ("consultation-read-only.png");

  gtk_window_destroy (GTK_WINDOW (viewer));
  gui_settle ();
}

int
main (int argc, char **argv)
{
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-consultation", "org.cocrea.Cocrea.TestConsultation"))
    return 77;

  g_test_add_func ("/gui-consultation/open", test_open);
  g_test_add_func ("/gui-consultation/summary", test_summary);
  g_test_add_func ("/gui-consultation/window", test_window);
  g_test_add_func ("/gui-consultation/add", test_add);
  g_test_add_func ("/gui-consultation/respond", test_respond);
  g_test_add_func ("/gui-consultation/filter", test_filter);
  g_test_add_func ("/gui-consultation/activate-edits", test_activate_edits);
  g_test_add_func ("/gui-consultation/delete-undo", test_delete_undo);
  g_test_add_func ("/gui-consultation/delete-key", test_delete_key);
  g_test_add_func ("/gui-consultation/accessible", test_accessible);
  g_test_add_func ("/gui-consultation/read-only", test_read_only);

  return gui_harness_run ();
}
