/* cocrea-consultation-page.c — the public consultation: window, comments and answers
 *
 * Above, the window the draft plan is open for comments, with its working
 * days and a warning when it is shorter than OGP asks, and the summary of
 * the answers and channels. Below, every comment received, which a
 * dropdown narrows to one commitment (or to the plan as a whole); each
 * is added, edited and answered through a dialog that keeps what was
 * typed when the core refuses it, and every change has an "Undo" toast.
 *
 * A consultation has tens or hundreds of comments: the page reads them
 * all again on every change and filters them in memory, so switching the
 * dropdown costs nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-choice.h"
#include "cocrea-comment-dialog.h"
#include "cocrea-consultation-page.h"
#include "cocrea-consultation.h"
#include "cocrea-fold-bar.h"
#include "cocrea-response-dialog.h"
#include "cocrea-revision-dialog.h"
#include "cocrea-revision-item.h"

struct _CocreaConsultationPage
{
  CocreaPage parent_instance;

  GListStore *comments;      /* every comment, in the order of the plan */
  GtkCustomFilter *filter;   /* those of filter_id */
  GtkSingleSelection *selection;
  GListStore *filter_choices; /* CocreaChoice: ALL, GENERAL, then the commitments */
  GListStore *revisions;     /* CocreaRevisionItem: the changes made in answer to comments */
  gint64 filter_id;
  gboolean refilling;        /* the dropdown's rows are being replaced */

  /* The window as the file has it, for the toast that restores it. */
  char *opens;
  char *closes;
  /* The window's rows hold typed days not yet saved: a reload keeps them. */
  gboolean window_typed;
  gboolean setting_window;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow *opens_row;
  AdwEntryRow *closes_row;
  GtkLabel *days_label;
  GtkLabel *window_error;
  GtkWidget *warning_box;
  GtkLabel *warning_label;
  GtkLabel *answers_label;
  GtkLabel *channels_label;
  GtkDropDown *filter_dropdown;
  GtkStack *comments_stack;
  GtkColumnView *comments_view;
  AdwStatusPage *empty_page;
  GtkStack *revisions_stack;
  GtkListView *revisions_view;
};

G_DEFINE_FINAL_TYPE (CocreaConsultationPage, cocrea_consultation_page, COCREA_TYPE_PAGE)

static CocreaConsultationComment *
selected_comment (CocreaConsultationPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CocreaConsultationPage *self)
{
  gboolean can = cocrea_page_is_writable (COCREA_PAGE (self));
  gboolean comment = selected_comment (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.add", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.edit", can && comment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.respond", can && comment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.delete", can && comment);
  /* A comment not accepted changes nothing in the plan, by definition. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.revise",
                                 can && comment &&
                                 cocrea_consultation_comment_get_response (selected_comment (self)) !=
                                   COCREA_RESPONSE_NOT_ACCEPTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consultation.restore-window", can);
  gtk_editable_set_editable (GTK_EDITABLE (self->opens_row), can);
  gtk_editable_set_editable (GTK_EDITABLE (self->closes_row), can);
  adw_entry_row_set_show_apply_button (self->opens_row, can);
  adw_entry_row_set_show_apply_button (self->closes_row, can);
}

/* ---- cells ---- */

/* The commitment a comment is on, "2. Name", or the plan as a whole. */
static char *
format_commitment (gpointer unused, int position, const char *name)
{
  if (position > 0)
    return g_strdup_printf ("%d. %s", position, name);
  return g_strdup (_("The plan as a whole"));
}

/* One line in the list; the whole text goes in the tooltip. */
static char *
one_line (gpointer unused, const char *text)
{
  return g_strdelimit (g_strdup (text != NULL ? text : ""), "\r\n", ' ');
}

/* A tooltip only when there is something to say. */
static char *
tooltip_or_none (gpointer unused, const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* An answer still pending is dimmed. */
static GStrv
response_classes (gpointer unused, guint response)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (response == COCREA_RESPONSE_PENDING)
    g_strv_builder_add (builder, "dim-label");
  return g_strv_builder_end (builder);
}

/* ---- the filter ---- */

static gboolean
filter_cb (gpointer item, gpointer user_data)
{
  CocreaConsultationPage *self = user_data;
  gint64 commitment_id = cocrea_consultation_comment_get_commitment_id (item);

  if (self->filter_id == COCREA_CONSULTATION_ALL)
    return TRUE;
  if (self->filter_id == COCREA_CONSULTATION_GENERAL)
    return commitment_id == 0;
  return commitment_id == self->filter_id;
}

/* The list, or what stands in for it when it is empty. */
static void
update_empty_state (CocreaConsultationPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->comments));

  if (all == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Comments Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Record each comment on the draft plan as it arrives, "
                                         "online, in person or by email, with “Add Comment”."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page,
                                 self->filter_id == COCREA_CONSULTATION_GENERAL
                                   ? _("No Comments on the Plan as a Whole")
                                   : _("No Comments on This Commitment"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose “All comments” to see the others."));
    }
  gtk_stack_set_visible_child_name (self->comments_stack, shown > 0 ? "list" : "empty");
}

/* Something is chosen whenever something is shown, so Edit and Answer
 * work straight after the page opens or the filter changes. */
static void
keep_a_selection (CocreaConsultationPage *self)
{
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
filter_chosen_cb (CocreaConsultationPage *self)
{
  guint row = gtk_drop_down_get_selected (self->filter_dropdown);

  if (self->refilling)
    return;
  self->filter_id = cocrea_choice_id_at (G_LIST_MODEL (self->filter_choices), row,
                                        COCREA_CONSULTATION_ALL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  keep_a_selection (self);
  update_empty_state (self);
  update_actions (self);
}

/* Chooses the dropdown row of @commitment_id, or "All comments" when it
 * has none. */
static void
choose_filter (CocreaConsultationPage *self, gint64 commitment_id)
{
  guint row = cocrea_choice_find (G_LIST_MODEL (self->filter_choices), commitment_id);

  if (row == GTK_INVALID_LIST_POSITION)
    row = 0;
  if (gtk_drop_down_get_selected (self->filter_dropdown) != row)
    gtk_drop_down_set_selected (self->filter_dropdown, row);
  else
    filter_chosen_cb (self);
}

/* Offers every comment, those on the plan as a whole, and each commitment
 * of the plan ("2. Name"), keeping the one chosen while it exists. */
static void
refill_filter (CocreaConsultationPage *self, const CocreaConsultationSummary *summary)
{
  g_autoptr (GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (choices, cocrea_choice_new (COCREA_CONSULTATION_ALL, _("All comments")));
  g_ptr_array_add (choices, cocrea_choice_new (COCREA_CONSULTATION_GENERAL,
                                               _("The plan as a whole")));
  for (guint i = 0; summary != NULL && i < summary->commitments->len; i++)
    {
      const CocreaConsultationCounts *c =
        &g_array_index (summary->commitments, CocreaConsultationCounts, i);

      /* The entry of the comments on no commitment has no number. */
      if (c->commitment_id <= 0 || c->position <= 0)
        continue;
      g_autofree char *label = g_strdup_printf ("%d. %s", c->position,
                                                c->name != NULL ? c->name : "");

      g_ptr_array_add (choices, cocrea_choice_new (c->commitment_id, label));
    }

  self->refilling = TRUE;
  g_list_store_splice (self->filter_choices, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->filter_choices)),
                       choices->pdata, choices->len);
  self->refilling = FALSE;
  choose_filter (self, self->filter_id);
}

/* ---- the summary ---- */

/* Takes @text, a count ("3 partly accepted"), and joins its words with
 * no-break spaces: a wrapped summary breaks between counts, never inside
 * one ("1 no / aceptado"). */
static char *
glue_words (char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);

  g_free (text);
  return g_strjoinv ("\u00a0", words);
}

static void
show_summary (CocreaConsultationPage *self, const CocreaConsultationSummary *summary)
{
  const CocreaConsultationCounts *all = summary != NULL ? &summary->overall : NULL;
  const guint *answer = all != NULL ? all->by_response : NULL;
  const guint *channel = all != NULL ? all->by_channel : NULL;
  guint accepted = 0, partly = 0, not_accepted = 0, pending = 0;
  guint online = 0, in_person = 0, email = 0;
  char *part[5];
  g_autofree char *answers = NULL;
  g_autofree char *channels = NULL;

  if (all == NULL || all->total == 0)
    {
      gtk_label_set_text (self->answers_label, _("No comments received yet"));
      gtk_label_set_text (self->channels_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->channels_label), FALSE);
      return;
    }

  accepted = answer[COCREA_RESPONSE_ACCEPTED];
  partly = answer[COCREA_RESPONSE_PARTLY];
  not_accepted = answer[COCREA_RESPONSE_NOT_ACCEPTED];
  pending = answer[COCREA_RESPONSE_PENDING];
  part[0] = glue_words (g_strdup_printf (ngettext ("%u comment", "%u comments", all->total),
                                          all->total));
  part[1] = glue_words (g_strdup_printf (ngettext ("%u accepted", "%u accepted", accepted),
                                          accepted));
  part[2] = glue_words (g_strdup_printf (ngettext ("%u partly accepted", "%u partly accepted",
                                                    partly),
                                          partly));
  part[3] = glue_words (g_strdup_printf (ngettext ("%u not accepted", "%u not accepted",
                                                    not_accepted),
                                          not_accepted));
  part[4] = glue_words (g_strdup_printf (ngettext ("%u pending", "%u pending", pending), pending));
  /* TRANSLATORS: the summary of the answers, "12 comments: 5 accepted, 3 partly
   * accepted, 2 not accepted, 2 pending" */
  answers = g_strdup_printf (_("%s: %s, %s, %s, %s"), part[0], part[1], part[2], part[3], part[4]);
  for (guint i = 0; i < G_N_ELEMENTS (part); i++)
    g_free (part[i]);

  online = channel[COCREA_CHANNEL_ONLINE];
  in_person = channel[COCREA_CHANNEL_IN_PERSON];
  email = channel[COCREA_CHANNEL_EMAIL];
  part[0] = glue_words (g_strdup_printf (ngettext ("%u online", "%u online", online), online));
  part[1] = glue_words (g_strdup_printf (ngettext ("%u in person", "%u in person", in_person),
                                          in_person));
  part[2] = glue_words (g_strdup_printf (ngettext ("%u by email", "%u by email", email), email));
  /* TRANSLATORS: how the comments arrived, "By channel: 7 online, 3 in person, 2 by email" */
  channels = g_strdup_printf (_("By channel: %s, %s, %s"), part[0], part[1], part[2]);
  for (guint i = 0; i < 3; i++)
    g_free (part[i]);

  gtk_label_set_text (self->answers_label, answers);
  gtk_label_set_text (self->channels_label, channels);
  gtk_widget_set_visible (GTK_WIDGET (self->channels_label), TRUE);
}

/* ---- the window ---- */

/* Says why the window was refused under its rows, marking @row (or none);
 * NULL @message clears both. */
static void
window_problem (CocreaConsultationPage *self, AdwEntryRow *row, const char *message)
{
  cocrea_mark_invalid (GTK_WIDGET (self->opens_row), message != NULL && row == self->opens_row);
  cocrea_mark_invalid (GTK_WIDGET (self->closes_row), message != NULL && row == self->closes_row);
  gtk_label_set_text (self->window_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->window_error), message != NULL);
}

/* Shows the day the file has in @row. An entry row offers its apply
 * button for any change made while it has the focus, also this one: the
 * button is switched off around it, so it offers to save only what the
 * user types. */
static void
show_day (CocreaConsultationPage *self, AdwEntryRow *row, const char *day)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), day != NULL ? day : "") == 0)
    return;
  self->setting_window = TRUE;
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), day != NULL ? day : "");
  adw_entry_row_set_show_apply_button (row, cocrea_page_is_writable (COCREA_PAGE (self)));
  self->setting_window = FALSE;
}

static void
show_window (CocreaConsultationPage *self, const CocreaConsultationWindow *window)
{
  g_autofree char *days = NULL;
  g_autofree char *warning = NULL;

  g_free (self->opens);
  g_free (self->closes);
  self->opens = g_strdup (window != NULL ? window->opens : NULL);
  self->closes = g_strdup (window != NULL ? window->closes : NULL);

  if (!self->window_typed)
    {
      show_day (self, self->opens_row, self->opens);
      show_day (self, self->closes_row, self->closes);
      window_problem (self, NULL, NULL);
    }

  if (window != NULL && window->working_days >= 0)
    days = g_strdup_printf ("%d", window->working_days);
  else
    /* TRANSLATORS: working days of a consultation whose days are not set */
    days = g_strdup (C_("working days", "Not set"));
  gtk_label_set_text (self->days_label, days);
  if (window != NULL && window->working_days >= 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->days_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->days_label), "dim-label");

  if (window != NULL && window->too_short)
    {
      warning = g_strdup_printf (ngettext ("Only %d working day: OGP asks for at least %d. Widen the "
                                           "window, or say in the plan why it is shorter.",
                                           "Only %d working days: OGP asks for at least %d. Widen the "
                                           "window, or say in the plan why it is shorter.",
                                           window->working_days),
                                 window->working_days, COCREA_CONSULTATION_MIN_WORKING_DAYS);
      gtk_label_set_text (self->warning_label, warning);
    }
  gtk_widget_set_visible (self->warning_box, window != NULL && window->too_short);
}

static void
window_typed_cb (CocreaConsultationPage *self)
{
  if (self->setting_window)
    return;
  self->window_typed = TRUE;
  window_problem (self, NULL, NULL);
}

static char *
typed_day (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Sets the window to @opens and @closes; on success a toast offers the
 * days it had before. */
static gboolean
set_window (CocreaConsultationPage *self, const char *opens, const char *closes, GError **error)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autofree char *old_opens = g_strdup (self->opens != NULL ? self->opens : "");
  g_autofree char *old_closes = g_strdup (self->closes != NULL ? self->closes : "");
  AdwToast *toast;

  /* The rows follow the file again once it has the days. */
  self->window_typed = FALSE;
  if (!cocrea_consultation_set_window (document, opens, closes, error))
    {
      self->window_typed = TRUE;
      return FALSE;
    }

  /* The window lives in the process record, which the core's undo records
   * do not cover: the toast's Undo sets the old days back. */
  toast = adw_toast_new (_("Consultation window saved"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "consultation.restore-window");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", old_opens, old_closes));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

/* Enter or the apply button in either row saves both days as typed. A
 * wrong day is marked and explained under the rows and stays typed. */
static void
window_apply_cb (CocreaConsultationPage *self)
{
  g_autofree char *opens = typed_day (self->opens_row);
  g_autofree char *closes = typed_day (self->closes_row);
  g_autoptr (GError) error = NULL;

  if (!cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  if (g_strcmp0 (opens, self->opens != NULL ? self->opens : "") == 0 &&
      g_strcmp0 (closes, self->closes != NULL ? self->closes : "") == 0)
    {
      self->window_typed = FALSE;
      window_problem (self, NULL, NULL);
      return;
    }
  /* The core's message names the day at fault; checking @opens alone
   * first tells which row to mark. */
  if (!cocrea_consultation_window_validate (opens, NULL, &error))
    window_problem (self, self->opens_row, error->message);
  else if (!cocrea_consultation_window_validate (opens, closes, &error))
    window_problem (self, self->closes_row, error->message);
  else if (!set_window (self, opens, closes, &error))
    window_problem (self, NULL, error->message);
}

static void
restore_window_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaConsultationPage *self = COCREA_CONSULTATION_PAGE (widget);
  g_autoptr (GError) error = NULL;
  const char *opens, *closes;

  if (!cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  g_variant_get (param, "(&s&s)", &opens, &closes);
  self->window_typed = FALSE;
  if (!cocrea_consultation_set_window (cocrea_page_get_document (COCREA_PAGE (self)), opens,
                                       closes, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Undo"), error);
      return;
    }
  cocrea_page_add_toast (COCREA_PAGE (self), _("Consultation window restored"));
}

/* ---- reading the document ---- */

/* Replaces the comments with @list, keeping the same comment selected;
 * when it is gone, the one now at its place. */
static void
replace_comments (CocreaConsultationPage *self, GListModel *list)
{
  CocreaConsultationComment *selected = selected_comment (self);
  gint64 selected_id = selected != NULL ? cocrea_consultation_comment_get_id (selected) : 0;
  guint old_position = gtk_single_selection_get_selected (self->selection);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;
  guint shown;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (self->comments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->comments)),
                       items->pdata, items->len);

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < shown && selected_id != 0; i++)
    {
      g_autoptr (CocreaConsultationComment) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (cocrea_consultation_comment_get_id (item) == selected_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  if (old_position != GTK_INVALID_LIST_POSITION && shown > 0)
    gtk_single_selection_set_selected (self->selection, MIN (old_position, shown - 1));
  keep_a_selection (self);
}

/* The changes made to the plan in answer to comments, in the order made:
 * as few as the comments, read again with them. */
static void
show_revisions (CocreaConsultationPage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  if (document != NULL && (revisions = cocrea_revision_list (document, 0, &error)) == NULL)
    cocrea_page_add_toast (COCREA_PAGE (self), error->message);
  for (guint i = 0; revisions != NULL && i < revisions->len; i++)
    g_ptr_array_add (items, cocrea_revision_item_new (revisions->pdata[i]));
  g_list_store_splice (self->revisions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->revisions)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->revisions_stack, items->len > 0 ? "list" : "empty");
}

static void
cocrea_consultation_page_reload (CocreaPage *page)
{
  CocreaConsultationPage *self = COCREA_CONSULTATION_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (CocreaConsultationWindow) window = NULL;
  g_autoptr (CocreaConsultationSummary) summary = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GError) error = NULL;

  if (document != NULL)
    {
      if ((window = cocrea_consultation_get_window (document, &error)) == NULL ||
          (summary = cocrea_consultation_get_summary (document, &error)) == NULL ||
          (list = cocrea_consultation_list_comments (document, COCREA_CONSULTATION_ALL, &error)) == NULL)
        cocrea_page_add_toast (page, error->message);
    }
  show_window (self, window);
  show_summary (self, summary);
  replace_comments (self, list);
  show_revisions (self);
  refill_filter (self, summary);
  update_empty_state (self);
  update_actions (self);
}

/* The comments belonged to the document shown before; the new one's are
 * read when the page shows. */
static void
cocrea_consultation_page_document_set (CocreaPage *page)
{
  CocreaConsultationPage *self = COCREA_CONSULTATION_PAGE (page);

  self->window_typed = FALSE;
  self->filter_id = COCREA_CONSULTATION_ALL;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->comments);
  g_list_store_remove_all (self->revisions);
  update_actions (self);
}

/* ---- comments ---- */

/* Shows comment @id chosen, showing every comment if the filter hides it. */
static void
select_comment (CocreaConsultationPage *self, gint64 id)
{
  for (int pass = 0; pass < 2; pass++)
    {
      GListModel *shown = G_LIST_MODEL (self->selection);

      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr (CocreaConsultationComment) item = g_list_model_get_item (shown, i);

          if (cocrea_consultation_comment_get_id (item) == id)
            {
              gtk_single_selection_set_selected (self->selection, i);
              return;
            }
        }
      choose_filter (self, COCREA_CONSULTATION_ALL);
    }
}

static void
comment_saved_cb (CocreaConsultationPage *self, CocreaUndo *undo, gint64 id)
{
  const char *action = cocrea_undo_get_action (undo);
  const char *text = _("Comment saved");

  if (g_strcmp0 (action, "add-comment") == 0)
    text = _("Comment added");
  else if (g_strcmp0 (action, "respond-comment") == 0)
    text = _("Answer saved");
  else if (g_strcmp0 (action, "revise-plan") == 0)
    text = _("Plan changed in answer to the comment");
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
  select_comment (self, id);
}

static void
present (CocreaConsultationPage *self, GtkWindow *dialog, const char *heading, GError *error)
{
  if (dialog == NULL)
    {
      cocrea_page_show_error (COCREA_PAGE (self), heading, error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (comment_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* The comment to edit or answer: the one chosen, while the document
 * takes edits; else 0. */
static gint64
comment_to_change (CocreaConsultationPage *self)
{
  CocreaConsultationComment *comment = selected_comment (self);

  if (comment == NULL || !cocrea_page_is_writable (COCREA_PAGE (self)))
    return 0;
  return cocrea_consultation_comment_get_id (comment);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaConsultationPage *self = COCREA_CONSULTATION_PAGE (widget);
  CocreaPage *page = COCREA_PAGE (self);
  g_autoptr (GError) error = NULL;
  CocreaCommentDialog *dialog;

  if (!cocrea_page_is_writable (page))
    return;
  /* A new comment is about the commitment the list shows, if one. */
  dialog = cocrea_comment_dialog_new (cocrea_page_get_window (page), cocrea_page_get_document (page),
                                      0, MAX (self->filter_id, 0), &error);
  present (self, GTK_WINDOW (dialog), _("Could Not Read the Plan"), error);
}

/* Edit, Answer and Change the Plan open their dialog on the chosen
 * comment. */
static void
open_comment_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaConsultationPage *self = COCREA_CONSULTATION_PAGE (widget);
  CocreaPage *page = COCREA_PAGE (self);
  gint64 id = comment_to_change (self);
  g_autoptr (GError) error = NULL;
  GtkWindow *dialog;

  if (id == 0)
    return;
  if (g_str_equal (action_name, "consultation.respond"))
    dialog = GTK_WINDOW (cocrea_response_dialog_new (cocrea_page_get_window (page),
                                                     cocrea_page_get_document (page), id, &error));
  else if (g_str_equal (action_name, "consultation.revise"))
    dialog = GTK_WINDOW (cocrea_revision_dialog_new (cocrea_page_get_window (page),
                                                     cocrea_page_get_document (page), id, &error));
  else
    dialog = GTK_WINDOW (cocrea_comment_dialog_new (cocrea_page_get_window (page),
                                                    cocrea_page_get_document (page), id, 0, &error));
  present (self, dialog, _("Could Not Read the Comment"), error);
}

/* No question first: the toast's Undo brings the comment back with its
 * answer, which is quicker than a dialog on every delete. */
static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaConsultationPage *self = COCREA_CONSULTATION_PAGE (widget);
  gint64 id = comment_to_change (self);
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;

  if (id == 0)
    return;
  if (!cocrea_consultation_delete_comment (cocrea_page_get_document (COCREA_PAGE (self)), id, &undo,
                                           &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Delete the Comment"), error);
      return;
    }
  cocrea_page_remember (COCREA_PAGE (self), undo, _("Comment deleted"));
}

/* Enter or a double click on a row edits it. */
static void
comment_activated_cb (CocreaConsultationPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "consultation.edit", NULL);
}

static void
cocrea_consultation_page_dispose (GObject *object)
{
  CocreaConsultationPage *self = COCREA_CONSULTATION_PAGE (object);

  if (self->comments_view != NULL)
    gtk_column_view_set_model (self->comments_view, NULL);
  if (self->filter_dropdown != NULL)
    gtk_drop_down_set_model (self->filter_dropdown, NULL);
  if (self->revisions_view != NULL)
    gtk_list_view_set_model (self->revisions_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_CONSULTATION_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->comments);
  g_clear_object (&self->filter_choices);
  g_clear_object (&self->revisions);
  g_clear_pointer (&self->opens, g_free);
  g_clear_pointer (&self->closes, g_free);

  G_OBJECT_CLASS (cocrea_consultation_page_parent_class)->dispose (object);
}

static void
cocrea_consultation_page_class_init (CocreaConsultationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_consultation_page_dispose;
  page_class->document_set = cocrea_consultation_page_document_set;
  page_class->reload = cocrea_consultation_page_reload;

  g_type_ensure (COCREA_TYPE_CHOICE);
  g_type_ensure (COCREA_TYPE_REVISION_ITEM);
  g_type_ensure (COCREA_TYPE_FOLD_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-consultation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, opens_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, closes_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, window_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, answers_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, channels_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, comments_stack);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, comments_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, revisions_stack);
  gtk_widget_class_bind_template_child (widget_class, CocreaConsultationPage, revisions_view);
  gtk_widget_class_bind_template_callback (widget_class, window_typed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_commitment);
  gtk_widget_class_bind_template_callback (widget_class, one_line);
  gtk_widget_class_bind_template_callback (widget_class, tooltip_or_none);
  gtk_widget_class_bind_template_callback (widget_class, response_classes);
  gtk_widget_class_bind_template_callback (widget_class, window_apply_cb);

  gtk_widget_class_install_action (widget_class, "consultation.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "consultation.edit", NULL, open_comment_action);
  gtk_widget_class_install_action (widget_class, "consultation.respond", NULL, open_comment_action);
  gtk_widget_class_install_action (widget_class, "consultation.revise", NULL, open_comment_action);
  gtk_widget_class_install_action (widget_class, "consultation.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "consultation.restore-window", "(ss)",
                                   restore_window_action);
  cocrea_page_class_install_undo_action (page_class, "consultation");
  cocrea_page_class_install_history_keys (page_class);
}

static void
cocrea_consultation_page_init (CocreaConsultationPage *self)
{
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_page_set_toast_overlay (COCREA_PAGE (self), self->toast_overlay);

  self->comments = g_list_store_new (COCREA_TYPE_CONSULTATION_COMMENT);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->comments)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->comments_view, GTK_SELECTION_MODEL (self->selection));

  self->revisions = g_list_store_new (COCREA_TYPE_REVISION_ITEM);
  {
    GtkNoSelection *none = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->revisions)));

    gtk_list_view_set_model (self->revisions_view, GTK_SELECTION_MODEL (none));
    g_object_unref (none);
  }

  self->filter_choices = g_list_store_new (COCREA_TYPE_CHOICE);
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (self->filter_choices));
  refill_filter (self, NULL);

  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (filter_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comments_view, "activate",
                           G_CALLBACK (comment_activated_cb), self, G_CONNECT_SWAPPED);
  update_empty_state (self);
  update_actions (self);
}
