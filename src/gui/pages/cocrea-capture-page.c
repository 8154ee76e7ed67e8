/* cocrea-capture-page.c — typing a workshop's contributions as people speak
 *
 * Built for speed in the hall: the activity and group stay in sight, the
 * text keeps the focus, Enter commits the contribution at once and clears
 * the text for the next one. Beside it, the likely duplicates of what is
 * typed (or of what was just saved) appear, and Ctrl+M merges into the
 * first of them. Below, what this group said, newest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-activity.h"
#include "cocrea-capture-page.h"
#include "cocrea-captured-row.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-sheet-code.h"
#include "cocrea-suggest.h"
#include "cocrea-suggestion-row.h"
#include "cocrea-sync-copy.h"
#include "cocrea-text.h"

/* Long enough not to query on every key of a fast typist, short enough
 * to feel live. */
#define SUGGEST_DELAY_MS 150
#define SUGGEST_LIMIT 8

struct _CocreaCapturePage
{
  CocreaPage parent_instance;

  /* The dropdowns show names; these hold the ids, in the same order. */
  GArray *activity_ids;
  GArray *group_ids;
  gint64 groups_activity_id; /* whose groups group_ids holds */
  gboolean rebuilding;
  /* Where a laptop's copy of the process opens capture: its table. */
  gint64 focus_activity;
  gint64 focus_group;

  GListStore *captured; /* CocreaContribution of the group, newest first */
  GtkCustomFilter *filter;
  char **filter_words;
  GtkSingleSelection *captured_selection;

  GListStore *suggestions;
  guint suggest_source;
  gint64 subject_id;    /* contribution the suggestions are for; 0 for typed text */
  gint64 last_saved_id;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkDropDown *activity_dropdown;
  GtkDropDown *group_dropdown;
  GtkEntry *sheet_entry;
  GtkWidget *text_frame;
  GtkTextView *text_view;
  GtkLabel *text_error;
  GtkToggleButton *origin_button;
  GtkToggleButton *axis_button_0;
  GtkToggleButton *axis_button_1;
  GtkToggleButton *axis_button_2;
  GtkToggleButton *axis_button_3;
  GtkEntry *area_entry;
  GtkLabel *suggestions_label;
  GtkListView *suggestions_view;
  GtkLabel *captured_label;
  GtkSearchEntry *search_entry;
  GtkListView *captured_view;
};

G_DEFINE_FINAL_TYPE (CocreaCapturePage, cocrea_capture_page, COCREA_TYPE_PAGE)

static void refresh_activities (CocreaCapturePage *self);
static void refresh_groups (CocreaCapturePage *self);
static void refresh_captured (CocreaCapturePage *self);
static void suggest_now (CocreaCapturePage *self);

static GtkToggleButton *
axis_button (CocreaCapturePage *self, guint index)
{
  GtkToggleButton *buttons[COCREA_N_AXES] = {
    self->axis_button_0, self->axis_button_1, self->axis_button_2, self->axis_button_3,
  };

  g_assert (index < COCREA_N_AXES);
  return buttons[index];
}

static gint64
selected_id (GtkDropDown *dropdown, GArray *ids)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return 0;
  return g_array_index (ids, gint64, position);
}

gint64
cocrea_capture_page_get_activity_id (CocreaCapturePage *self)
{
  g_return_val_if_fail (COCREA_IS_CAPTURE_PAGE (self), 0);

  return selected_id (self->activity_dropdown, self->activity_ids);
}

gint64
cocrea_capture_page_get_group_id (CocreaCapturePage *self)
{
  g_return_val_if_fail (COCREA_IS_CAPTURE_PAGE (self), 0);

  return selected_id (self->group_dropdown, self->group_ids);
}

static void
select_id (GtkDropDown *dropdown, GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, ids->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
}

/**
 * cocrea_capture_page_select:
 * Shows activity @activity_id and its group @group_id (0 for none) as the
 * place being captured. Returns FALSE when either is unknown.
 */
gboolean
cocrea_capture_page_select (CocreaCapturePage *self, gint64 activity_id, gint64 group_id)
{
  g_return_val_if_fail (COCREA_IS_CAPTURE_PAGE (self), FALSE);

  cocrea_page_ensure_current (COCREA_PAGE (self));
  select_id (self->activity_dropdown, self->activity_ids, activity_id);
  if (cocrea_capture_page_get_activity_id (self) != activity_id)
    return FALSE;
  select_id (self->group_dropdown, self->group_ids, group_id);
  return cocrea_capture_page_get_group_id (self) == group_id;
}

/*
 * cocrea_capture_page_select_sheet:
 * Reads @text as the code of a paper sheet of this process and shows its
 * activity and group as the place being captured, so the sheet is typed
 * at its own table. Returns FALSE with @error set for a code that is
 * mistyped, of another process, of a place this process no longer has,
 * or of an attendance or scoring sheet.
 */
gboolean
cocrea_capture_page_select_sheet (CocreaCapturePage *self, const char *text, GError **error)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  CocreaSheetCode code;

  g_return_val_if_fail (COCREA_IS_CAPTURE_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (document == NULL)
    return FALSE;
  if (!cocrea_sheet_code_resolve (document, text, &code, error))
    return FALSE;
  if (code.kind != COCREA_SHEET_CAPTURE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is the code of an attendance or scoring sheet, not of a proposal sheet"),
                   text);
      return FALSE;
    }
  /* The lists may not know a table added moments ago by another window. */
  if (!cocrea_capture_page_select (self, code.activity_id, code.group_id))
    {
      refresh_activities (self);
      if (!cocrea_capture_page_select (self, code.activity_id, code.group_id))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                       _("The table of sheet “%s” is not in the list; reopen the process"), text);
          return FALSE;
        }
    }
  return TRUE;
}

/* Says where the sheet was sent, for everyone and for screen readers. */
static void
announce_sheet (CocreaCapturePage *self, const char *code)
{
  g_autofree char *text = NULL;
  GtkStringObject *activity = gtk_drop_down_get_selected_item (self->activity_dropdown);
  GtkStringObject *group = gtk_drop_down_get_selected_item (self->group_dropdown);

  /* TRANSLATORS: after a sheet code was typed, "Sheet C4F2A-3-12-1-K: Workshop (2019-03-26), Mesa 3" */
  text = g_strdup_printf (_("Sheet %s: %s, %s"), code,
                          activity != NULL ? gtk_string_object_get_string (activity) : "",
                          group != NULL ? gtk_string_object_get_string (group) : "");
  cocrea_page_add_toast (COCREA_PAGE (self), text);
}

static void
sheet_changed_cb (CocreaCapturePage *self)
{
  cocrea_mark_invalid (GTK_WIDGET (self->sheet_entry), FALSE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->sheet_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Enter in the sheet field (a scanner sends one after the code). */
static void
sheet_activated_cb (CocreaCapturePage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sheet_entry))));
  g_autoptr (GError) error = NULL;

  if (*text == '\0')
    return;
  if (!cocrea_capture_page_select_sheet (self, text, &error))
    {
      /* The code stays as typed, to be corrected. */
      cocrea_mark_invalid (GTK_WIDGET (self->sheet_entry), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->sheet_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      cocrea_page_add_toast (COCREA_PAGE (self), error->message);
      return;
    }
  announce_sheet (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->sheet_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* The text of the entry, without the blank lines around it. */
static char *
get_typed_text (CocreaCapturePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
clear_text_error (CocreaCapturePage *self)
{
  gtk_widget_remove_css_class (self->text_frame, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->text_error), FALSE);
}

static void
show_text_error (CocreaCapturePage *self, const char *message)
{
  gtk_widget_add_css_class (self->text_frame, "error");
  gtk_label_set_text (self->text_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->text_error), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/* ---- the activity and group being captured ---- */

/* Long activity names are cut in the button, so they cannot widen the
 * window; the popup shows them whole. */
static void
setup_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

static void
set_choice_factories (GtkDropDown *dropdown)
{
  g_autoptr (GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice), NULL);
  g_signal_connect (popup, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (FALSE));
  g_signal_connect (popup, "bind", G_CALLBACK (bind_choice), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, popup);
}

/* The dropdowns are rebuilt only when an edit changed activities or
 * groups (records-changed), never as contributions are typed: a rebuild
 * would move the selection and the focus under the typist's hands. */
static void
refresh_activities (CocreaCapturePage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GListModel) activities = NULL;
  g_autoptr (GtkStringList) names = NULL;
  g_autoptr (GError) error = NULL;
  gint64 current = cocrea_capture_page_get_activity_id (self);

  if (document == NULL)
    activities = G_LIST_MODEL (g_list_store_new (COCREA_TYPE_ACTIVITY));
  else
    activities = cocrea_activity_list (document, &error);
  if (activities == NULL)
    {
      cocrea_page_add_toast (COCREA_PAGE (self), error->message);
      return;
    }

  names = gtk_string_list_new (NULL);
  g_array_set_size (self->activity_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr (CocreaActivity) activity = g_list_model_get_item (activities, i);
      gint64 id = cocrea_activity_get_id (activity);
      const char *held_on = cocrea_activity_get_held_on (activity);
      g_autofree char *name = NULL;

      if (held_on != NULL && *held_on != '\0')
        /* TRANSLATORS: an activity in the capture page: "Main workshop (2019-03-26)" */
        name = g_strdup_printf (_("%s (%s)"), cocrea_activity_get_name (activity), held_on);
      else
        name = g_strdup (cocrea_activity_get_name (activity));
      gtk_string_list_append (names, name);
      g_array_append_val (self->activity_ids, id);
    }

  self->rebuilding = TRUE;
  gtk_drop_down_set_model (self->activity_dropdown, G_LIST_MODEL (names));
  if (current == 0)
    current = self->focus_activity;
  /* Workshops hold the groups: the first workshop is the likely start. */
  if (current == 0)
    for (guint i = 0; i < g_list_model_get_n_items (activities) && current == 0; i++)
      {
        g_autoptr (CocreaActivity) activity = g_list_model_get_item (activities, i);

        if (cocrea_activity_get_kind (activity) == COCREA_ACTIVITY_WORKSHOP)
          current = cocrea_activity_get_id (activity);
      }
  select_id (self->activity_dropdown, self->activity_ids, current);
  self->rebuilding = FALSE;

  refresh_groups (self);
}


static void
refresh_groups (CocreaCapturePage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GListModel) groups = NULL;
  g_autoptr (GtkStringList) names = NULL;
  g_autoptr (GError) error = NULL;
  gint64 activity_id = cocrea_capture_page_get_activity_id (self);
  gint64 current = cocrea_capture_page_get_group_id (self);
  gint64 none = 0;

  if (document == NULL || activity_id == 0)
    groups = G_LIST_MODEL (g_list_store_new (COCREA_TYPE_GROUP));
  else
    groups = cocrea_group_list (document, activity_id, &error);
  if (groups == NULL)
    {
      cocrea_page_add_toast (COCREA_PAGE (self), error->message);
      return;
    }

  names = gtk_string_list_new (NULL);
  g_array_set_size (self->group_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr (CocreaGroup) group = g_list_model_get_item (groups, i);
      gint64 id = cocrea_group_get_id (group);

      gtk_string_list_append (names, cocrea_group_get_name (group));
      g_array_append_val (self->group_ids, id);
    }
  /* Surveys and interviews have no table groups. */
  if (activity_id != 0)
    {
      gtk_string_list_append (names, _("No group"));
      g_array_append_val (self->group_ids, none);
    }

  self->rebuilding = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (names));
  /* A workshop's first table, rather than "No group", to start with; the
   * same activity's groups built again keep what was chosen. */
  if (activity_id != self->groups_activity_id && current == 0 && activity_id == self->focus_activity)
    current = self->focus_group;
  if (activity_id != self->groups_activity_id && current == 0 && self->group_ids->len > 0)
    current = g_array_index (self->group_ids, gint64, 0);
  self->groups_activity_id = activity_id;
  select_id (self->group_dropdown, self->group_ids, current);
  self->rebuilding = FALSE;

  refresh_captured (self);
}

static void reset_fields (CocreaCapturePage *self);
static void suggest_now (CocreaCapturePage *self);

/* Another place: what was said at the last one (its fields, its "Similar"
 * suggestions and what Merge into Top Suggestion would act on) goes. */
static void
place_changed (CocreaCapturePage *self)
{
  self->last_saved_id = 0;
  reset_fields (self);
  suggest_now (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
activity_selected_cb (CocreaCapturePage *self)
{
  if (self->rebuilding)
    return;
  refresh_groups (self);
  place_changed (self);
}

static void
group_selected_cb (CocreaCapturePage *self)
{
  if (self->rebuilding)
    return;
  refresh_captured (self);
  place_changed (self);
}

/* ---- what was captured ---- */

static void
update_captured_label (CocreaCapturePage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->captured_selection));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->captured));
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (ngettext ("Captured Here: %u Contribution",
                                      "Captured Here: %u Contributions", all),
                            all);
  else
    /* TRANSLATORS: "Captured Here: 3 of 12 Contributions", while filtering */
    text = g_strdup_printf (ngettext ("Captured Here: %u of %u Contribution",
                                      "Captured Here: %u of %u Contributions", all),
                            shown, all);
  gtk_label_set_text (self->captured_label, text);
}

/* Selects contribution @id in the captured list again, if it shows
 * (0: nothing to select). */
static void
select_captured (CocreaCapturePage *self, gint64 id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->captured_selection));

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr (CocreaContribution) item =
        g_list_model_get_item (G_LIST_MODEL (self->captured_selection), i);

      if (cocrea_contribution_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->captured_selection, i);
          return;
        }
    }
}

/* Reads the contributions of the current activity and group again,
 * keeping the selected one selected. */
static void
refresh_captured (CocreaCapturePage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  gint64 activity_id = cocrea_capture_page_get_activity_id (self);
  gint64 group_id = cocrea_capture_page_get_group_id (self);
  CocreaContribution *selected = gtk_single_selection_get_selected_item (self->captured_selection);
  gint64 selected_contribution = selected != NULL ? cocrea_contribution_get_id (selected) : 0;
  guint n;

  if (document != NULL && activity_id != 0)
    {
      list = cocrea_contribution_list (document, activity_id, group_id, &error);
      if (list == NULL)
        {
          cocrea_page_add_toast (COCREA_PAGE (self), error->message);
          return;
        }
      n = g_list_model_get_n_items (list);
      /* Newest first: what was just said is on top. */
      for (guint i = n; i > 0; i--)
        {
          CocreaContribution *item = g_list_model_get_item (list, i - 1);

          /* "No group" lists the activity's contributions without one. */
          if (group_id == 0 && cocrea_contribution_get_group_id (item) != 0)
            {
              g_object_unref (item);
              continue;
            }
          g_ptr_array_add (items, item);
        }
    }

  g_list_store_splice (self->captured, 0, g_list_model_get_n_items (G_LIST_MODEL (self->captured)),
                       items->pdata, items->len);

  select_captured (self, selected_contribution);

  update_captured_label (self);
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  CocreaCapturePage *self = user_data;

  return cocrea_contribution_matches (item, (const char * const *) self->filter_words);
}

/* Splits the typed words once per keystroke, not once per row. */
static void
search_changed_cb (CocreaCapturePage *self)
{
  g_strfreev (self->filter_words);
  self->filter_words = cocrea_contribution_filter_words (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_captured_label (self);
}

/* ---- suggestions ---- */

static void
update_merge_action (CocreaCapturePage *self)
{
  gboolean writable = cocrea_page_is_writable (COCREA_PAGE (self));
  gboolean has_suggestion = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "capture.merge-suggestion",
                                 writable && has_suggestion);
}

/* Shows the likely duplicates of @text, leaving out contribution
 * @exclude_id (the one the text is, when it was saved). */
static void
show_suggestions (CocreaCapturePage *self, const char *text, gint64 exclude_id)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GListModel) found = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  self->subject_id = exclude_id;

  if (document != NULL && text != NULL && *text != '\0')
    {
      found = cocrea_suggest (document, text, SUGGEST_LIMIT, exclude_id, &error);
      if (found == NULL)
        g_debug ("No suggestions: %s", error->message);
      else
        for (guint i = 0; i < g_list_model_get_n_items (found); i++)
          g_ptr_array_add (items, g_list_model_get_item (found, i));
    }

  g_list_store_splice (self->suggestions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)),
                       items->pdata, items->len);

  if (exclude_id != 0)
    gtk_label_set_text (self->suggestions_label, _("Similar to the Selected Contribution"));
  else
    gtk_label_set_text (self->suggestions_label, _("Similar"));
  update_merge_action (self);
}

static gboolean
suggest_timeout_cb (gpointer user_data)
{
  CocreaCapturePage *self = user_data;

  self->suggest_source = 0;
  suggest_now (self);
  return G_SOURCE_REMOVE;
}

static void
suggest_now (CocreaCapturePage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autofree char *text = get_typed_text (self);

  g_clear_handle_id (&self->suggest_source, g_source_remove);

  if (*text != '\0')
    {
      show_suggestions (self, text, 0);
      return;
    }

  /* With nothing typed, the contribution just saved or selected. */
  {
    CocreaContribution *selected = gtk_single_selection_get_selected_item (self->captured_selection);
    g_autoptr (CocreaContribution) saved = NULL;

    if (selected == NULL && self->last_saved_id != 0 && document != NULL)
      selected = saved = cocrea_contribution_lookup (document, self->last_saved_id, NULL);
    if (selected != NULL)
      show_suggestions (self, cocrea_contribution_get_text (selected),
                        cocrea_contribution_get_id (selected));
    else
      show_suggestions (self, NULL, 0);
  }
}

static void
text_changed_cb (CocreaCapturePage *self)
{
  clear_text_error (self);
  g_clear_handle_id (&self->suggest_source, g_source_remove);
  self->suggest_source = g_timeout_add (SUGGEST_DELAY_MS, suggest_timeout_cb, self);
}

static void
captured_selected_cb (CocreaCapturePage *self)
{
  g_autofree char *text = get_typed_text (self);

  /* What is being typed keeps its suggestions. */
  if (*text == '\0')
    suggest_now (self);
}

/* ---- saving ---- */

/* Origin back to the community, no axes, no area. */
static void
reset_fields (CocreaCapturePage *self)
{
  gtk_toggle_button_set_active (self->origin_button, FALSE);
  for (guint i = 0; i < COCREA_N_AXES; i++)
    gtk_toggle_button_set_active (axis_button (self, i), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->area_entry), "");
}

static gboolean
save_typed (CocreaCapturePage *self, gint64 *id)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autofree char *text = get_typed_text (self);
  g_autofree char *area = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->area_entry))));
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  CocreaContributionFields fields = { 0 };

  if (document == NULL)
    return FALSE;
  if (*text == '\0')
    {
      show_text_error (self, _("Type the contribution before saving it"));
      return FALSE;
    }
  /* A scanner types into the focused text: a sheet code there is a sheet
   * to switch to, never a contribution. */
  if (cocrea_sheet_code_looks_like (text))
    {
      g_autoptr (GError) sheet_error = NULL;

      if (!cocrea_capture_page_select_sheet (self, text, &sheet_error))
        {
          show_text_error (self, sheet_error->message);
          return FALSE;
        }
      announce_sheet (self, text);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
      clear_text_error (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return FALSE;
    }
  fields.activity_id = cocrea_capture_page_get_activity_id (self);
  if (fields.activity_id == 0)
    {
      show_text_error (self, _("Choose an activity first; add one in “Activities & groups”"));
      return FALSE;
    }
  fields.group_id = cocrea_capture_page_get_group_id (self);
  fields.origin = gtk_toggle_button_get_active (self->origin_button) ? COCREA_ORIGIN_MUNICIPAL
                                                                     : COCREA_ORIGIN_COMMUNITY;
  fields.text = text;
  fields.area = *area != '\0' ? area : NULL;
  for (guint i = 0; i < COCREA_N_AXES; i++)
    if (gtk_toggle_button_get_active (axis_button (self, i)))
      fields.axes |= 1u << i;

  if (!cocrea_contribution_add (document, &fields, id, &undo, &error))
    {
      /* The text stays where it was typed. */
      show_text_error (self, error->message);
      return FALSE;
    }

  cocrea_page_remember (COCREA_PAGE (self), undo, _("Contribution saved"));
  self->last_saved_id = *id;

  /* Ready for the next one, as the page says under the fields: the same
   * place (activity, group); origin, axes and area afresh, so nothing is
   * saved as municipal or under an area without being asked for. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  reset_fields (self);
  gtk_single_selection_set_selected (self->captured_selection, GTK_INVALID_LIST_POSITION);
  clear_text_error (self);
  show_suggestions (self, text, *id);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (widget);
  gint64 id = 0;

  save_typed (self, &id);
}

/* Enter saves; Shift+Enter is a new line inside the contribution;
 * Alt+Enter merges into the top suggestion (the text view would take it
 * for a new line before the page's shortcut). */
static gboolean
text_key_pressed_cb (CocreaCapturePage *self, guint keyval, guint keycode, GdkModifierType state)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == GDK_ALT_MASK)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "capture.merge-suggestion", NULL);
      return TRUE;
    }
  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "capture.save", NULL);
  return TRUE;
}

/* Alt+1…4 toggle an axis and Alt+O the origin, leaving the focus where it
 * is (the text): taken before the window's mnemonics, which would move the
 * focus onto the toggle so that the next Enter toggles it back. */
static gboolean
page_key_pressed_cb (CocreaCapturePage *self, guint keyval, guint keycode, GdkModifierType state)
{
  GtkToggleButton *toggle = NULL;

  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != GDK_ALT_MASK)
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_4)
    toggle = axis_button (self, keyval - GDK_KEY_1);
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_4)
    toggle = axis_button (self, keyval - GDK_KEY_KP_1);
  else if (keyval == GDK_KEY_o || keyval == GDK_KEY_O)
    toggle = self->origin_button;
  if (toggle == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (toggle)))
    return FALSE;
  gtk_toggle_button_set_active (toggle, !gtk_toggle_button_get_active (toggle));
  return TRUE;
}

/* Enter in the area saves, as in the text. */
static void
area_activated_cb (CocreaCapturePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "capture.save", NULL);
}

/* Merges contribution @subject_id into @suggestion: into its proposal,
 * or, for a contribution not merged yet, into a new proposal named after
 * it that holds both. */
static void
merge_into_suggestion (CocreaCapturePage *self, gint64 subject_id, CocreaSuggestion *suggestion)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  gint64 target = cocrea_suggestion_get_proposal_id (suggestion);
  gboolean ok;

  if (cocrea_suggestion_get_kind (suggestion) == COCREA_SUGGESTION_PROPOSAL)
    target = cocrea_suggestion_get_id (suggestion);

  if (target != 0)
    ok = cocrea_merge_into (document, target, &subject_id, 1, &undo, &error);
  else
    {
      gint64 ids[2] = { cocrea_suggestion_get_id (suggestion), subject_id };
      g_autofree char *title = cocrea_text_first_line (cocrea_suggestion_get_text (suggestion), 120);

      ok = cocrea_merge_new_proposal (document, title, ids, 2, &target, &undo, &error);
    }

  if (!ok)
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Merge"), error);
      return;
    }
  cocrea_page_remember (COCREA_PAGE (self), undo, _("Merged into the suggestion"));
  suggest_now (self);
}

/* The contribution Ctrl+M acts on: what is typed (saved first), else the
 * selected one, else the one saved last. */
static gint64
merge_subject (CocreaCapturePage *self)
{
  g_autofree char *text = get_typed_text (self);
  CocreaContribution *selected;
  gint64 id = 0;

  if (*text != '\0')
    return save_typed (self, &id) ? id : 0;

  selected = gtk_single_selection_get_selected_item (self->captured_selection);
  if (selected != NULL)
    return cocrea_contribution_get_id (selected);
  return self->last_saved_id;
}

static void
merge_suggestion_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (widget);
  g_autoptr (CocreaSuggestion) top = NULL;
  gint64 subject = merge_subject (self);

  if (subject == 0)
    return;
  /* The suggestions shown may lag the typing by the debounce: ask again. */
  suggest_now (self);
  if (self->subject_id != subject || g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)) == 0)
    {
      cocrea_page_add_toast (COCREA_PAGE (self), _("Nothing similar to merge into"));
      return;
    }
  top = g_list_model_get_item (G_LIST_MODEL (self->suggestions), 0);
  merge_into_suggestion (self, subject, top);
}

static void
suggestion_activated_cb (CocreaCapturePage *self, guint position)
{
  g_autoptr (CocreaSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (self->suggestions), position);
  gint64 subject;

  if (suggestion == NULL || !cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  subject = merge_subject (self);
  if (subject != 0 && subject != cocrea_suggestion_get_id (suggestion))
    merge_into_suggestion (self, subject, suggestion);
}

/* ---- editing and deleting ---- */

static void
delete_contribution_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = g_variant_get_int64 (param);

  if (document == NULL)
    return;
  if (!cocrea_contribution_delete (document, id, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Delete the Contribution"), error);
      return;
    }
  if (self->last_saved_id == id)
    self->last_saved_id = 0;
  cocrea_page_remember (COCREA_PAGE (self), undo, _("Contribution deleted"));
  suggest_now (self);
}

/* What the Edit Contribution dialog edits, owned by its response
 * handler; the page may go while it is open. The widgets are the
 * dialog's, which outlive the handler. */
typedef struct
{
  CocreaContribution *contribution;
  GtkTextBuffer *buffer;
  GtkDropDown *group;
  GArray *group_ids;     /* gint64 per row of @group, 0 for "No group" */
  GtkCheckButton *municipal;
  GtkCheckButton *axes[COCREA_N_AXES];
  GtkEditable *area;
} EditDialog;

static void
edit_dialog_free (gpointer data)
{
  EditDialog *state = data;

  g_clear_object (&state->contribution);
  g_clear_pointer (&state->group_ids, g_array_unref);
  g_free (state);
}

static void
edit_buffer_changed_cb (GtkTextBuffer *buffer, AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  /* An empty contribution is refused by the core: say so before. */
  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
edit_response_cb (CocreaPage *page, const char *response, gpointer data)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (page);
  EditDialog *state = data;
  CocreaDocument *document = cocrea_page_get_document (page);
  CocreaContribution *contribution = state->contribution;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *area = NULL;
  CocreaContributionFields fields, before;
  GtkTextIter start, end;
  guint group_row;

  if (g_strcmp0 (response, "save") != 0 || document == NULL)
    return;

  gtk_text_buffer_get_bounds (state->buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (state->buffer, &start, &end, FALSE));
  area = g_strstrip (g_strdup (gtk_editable_get_text (state->area)));
  cocrea_contribution_get_fields (contribution, &before);
  fields = before;
  fields.text = text;
  fields.area = *area != '\0' ? area : NULL;
  fields.origin = gtk_check_button_get_active (state->municipal) ? COCREA_ORIGIN_MUNICIPAL
                                                                 : COCREA_ORIGIN_COMMUNITY;
  fields.axes = 0;
  for (guint i = 0; i < COCREA_N_AXES; i++)
    if (gtk_check_button_get_active (state->axes[i]))
      fields.axes |= 1u << i;
  group_row = gtk_drop_down_get_selected (state->group);
  if (group_row < state->group_ids->len)
    fields.group_id = g_array_index (state->group_ids, gint64, group_row);

  /* Nothing changed: no edit to undo. */
  if (g_strcmp0 (before.text, fields.text) == 0 &&
      g_strcmp0 (before.area != NULL ? before.area : "", area) == 0 &&
      before.origin == fields.origin && before.axes == fields.axes &&
      before.group_id == fields.group_id)
    return;

  if (!cocrea_contribution_update (document, cocrea_contribution_get_id (contribution),
                                   &fields, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Edit the Contribution"), error);
      return;
    }
  cocrea_page_remember (COCREA_PAGE (self), undo, _("Contribution edited"));
}

/* A label above @widget, naming it for the eye, the mnemonic and the
 * screen reader. */
static void
append_labelled (GtkBox *box, const char *mnemonic, GtkWidget *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (box, label);
  gtk_box_append (box, widget);
}

/* The groups of the contribution's activity, "No group" last, as the
 * page offers them; @state->group_ids follows the rows. */
static GtkWidget *
edit_group_dropdown (CocreaDocument *document, CocreaContribution *contribution, EditDialog *state)
{
  g_autoptr (GListModel) groups = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  gint64 none = 0;
  guint current = GTK_INVALID_LIST_POSITION;

  state->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  groups = cocrea_group_list (document, cocrea_contribution_get_activity_id (contribution), NULL);
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr (CocreaGroup) group = g_list_model_get_item (groups, i);
      gint64 id = cocrea_group_get_id (group);

      gtk_string_list_append (names, cocrea_group_get_name (group));
      g_array_append_val (state->group_ids, id);
    }
  gtk_string_list_append (names, _("No group"));
  g_array_append_val (state->group_ids, none);
  for (guint i = 0; i < state->group_ids->len; i++)
    if (g_array_index (state->group_ids, gint64, i) == cocrea_contribution_get_group_id (contribution))
      current = i;

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), current);
  state->group = GTK_DROP_DOWN (dropdown);
  return dropdown;
}

static void
edit_contribution_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaContribution) contribution = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *box, *marks, *area;
  GtkWidget *scroller;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  EditDialog *state;
  GtkRoot *root = gtk_widget_get_root (widget);
  guint axes;

  if (document == NULL)
    return;
  contribution = cocrea_contribution_lookup (document, g_variant_get_int64 (param), &error);
  if (contribution == NULL)
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Edit the Contribution"), error);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Edit Contribution"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  state = g_new0 (EditDialog, 1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* Everything captured can be corrected here: a contribution filed
   * under the wrong table, or saved as municipal by mistake, feeds the
   * tally and the 2+3 quota. */
  append_labelled (GTK_BOX (box), _("_Group"), edit_group_dropdown (document, contribution, state));

  /* A text view: a contribution may be longer than an entry holds. */
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Contribution text"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, cocrea_contribution_get_text (contribution), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "capture-entry");
  gtk_box_append (GTK_BOX (box), scroller);

  /* Origin and axes as the page marks them, in words. */
  marks = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (marks), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (marks), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (marks), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Origin and OGP axes"), -1);
  state->municipal = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Municipal origin")));
  gtk_check_button_set_active (state->municipal,
                               cocrea_contribution_get_origin (contribution) == COCREA_ORIGIN_MUNICIPAL);
  gtk_flow_box_append (GTK_FLOW_BOX (marks), GTK_WIDGET (state->municipal));
  axes = cocrea_contribution_get_axes (contribution);
  for (guint i = 0; i < COCREA_N_AXES; i++)
    {
      state->axes[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (cocrea_axis_label (i)));
      gtk_check_button_set_active (state->axes[i], (axes & (1u << i)) != 0);
      gtk_flow_box_append (GTK_FLOW_BOX (marks), GTK_WIDGET (state->axes[i]));
    }
  gtk_box_append (GTK_BOX (box), marks);

  area = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (area), cocrea_contribution_get_area (contribution) != NULL
                                              ? cocrea_contribution_get_area (contribution) : "");
  gtk_entry_set_activates_default (GTK_ENTRY (area), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (area), _("For example, health"));
  state->area = GTK_EDITABLE (area);
  append_labelled (GTK_BOX (box), _("A_rea"), area);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  state->contribution = g_steal_pointer (&contribution);
  state->buffer = buffer;
  g_signal_connect (buffer, "changed", G_CALLBACK (edit_buffer_changed_cb), dialog);
  cocrea_page_connect_response (COCREA_PAGE (self), ADW_MESSAGE_DIALOG (dialog), edit_response_cb,
                                state, edit_dialog_free);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* ---- undo ---- */

/* What was saved last may be gone: suggest for the typed text again. */
static void
cocrea_capture_page_after_undo (CocreaPage *page, gboolean redone)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (page);

  if (redone)
    return;
  self->last_saved_id = 0;
  suggest_now (self);
}

/* ---- the document ---- */

static void
cocrea_capture_page_reload (CocreaPage *page)
{
  /* The groups and the contributions follow. */
  refresh_activities (COCREA_CAPTURE_PAGE (page));
}

/* Whether contribution @c is listed under what is being captured: the
 * activity, and the group, or no group for "No group". */
static gboolean
is_captured_here (CocreaCapturePage *self, CocreaContribution *c)
{
  return cocrea_contribution_get_activity_id (c) == cocrea_capture_page_get_activity_id (self) &&
         cocrea_contribution_get_group_id (c) == cocrea_capture_page_get_group_id (self);
}

/* The position of contribution @id in the captured list, or G_MAXUINT. */
static guint
captured_position (CocreaCapturePage *self, gint64 id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->captured));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (G_LIST_MODEL (self->captured), i);

      if (cocrea_contribution_get_id (c) == id)
        return i;
    }
  return G_MAXUINT;
}

/* Above this many contributions changed at once (an import), the group's
 * list is read again rather than each one looked up. */
#define MAX_FOLLOWED 64

/*
 * follow_contributions:
 * Takes into the captured list what an edit did to contributions: those
 * removed or moved elsewhere go, those added or changed here are looked
 * up and take their place, newest first; the selected one stays selected.
 */
static void
follow_contributions (CocreaCapturePage *self, CocreaRecordChanges *changes)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  CocreaContribution *selected = gtk_single_selection_get_selected_item (self->captured_selection);
  gint64 selected_id = selected != NULL ? cocrea_contribution_get_id (selected) : 0;
  const gint64 *ids;
  guint n;

  if (cocrea_capture_page_get_activity_id (self) == 0)
    return;
  if (cocrea_record_changes_get_n_ids (changes) > MAX_FOLLOWED)
    {
      refresh_captured (self);
      return;
    }

  ids = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_REMOVED, &n);
  for (guint i = 0; i < n; i++)
    {
      guint at = captured_position (self, ids[i]);

      if (at != G_MAXUINT)
        g_list_store_remove (self->captured, at);
    }
  for (CocreaChange change = COCREA_CHANGE_ADDED; change <= COCREA_CHANGE_CHANGED; change++)
    {
      ids = cocrea_record_changes_get_ids (changes, change, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (CocreaContribution) c = cocrea_contribution_lookup (document, ids[i], NULL);
          guint at = captured_position (self, ids[i]);

          if (c != NULL && is_captured_here (self, c))
            {
              guint to = 0;

              if (at != G_MAXUINT)
                {
                  g_list_store_splice (self->captured, at, 1, (gpointer *) &c, 1);
                  continue;
                }
              /* Newest first: before the first older one. */
              while (to < g_list_model_get_n_items (G_LIST_MODEL (self->captured)))
                {
                  g_autoptr (CocreaContribution) other =
                    g_list_model_get_item (G_LIST_MODEL (self->captured), to);

                  if (cocrea_contribution_get_id (other) < ids[i])
                    break;
                  to++;
                }
              g_list_store_insert (self->captured, to, c);
            }
          else if (at != G_MAXUINT)
            g_list_store_remove (self->captured, at);
        }
    }

  select_captured (self, selected_id);
  update_captured_label (self);
}

/*
 * cocrea_capture_page_records_changed:
 * Activities and groups changed: their dropdowns are built again (the
 * choices kept); contributions: the captured list takes just those.
 */
static void
cocrea_capture_page_records_changed (CocreaPage *page, CocreaRecordChanges *changes)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (page);

  switch (cocrea_record_changes_get_kind (changes))
    {
    case COCREA_RECORD_ACTIVITY:
      refresh_activities (self);
      break;
    case COCREA_RECORD_GROUP:
      refresh_groups (self);
      break;
    case COCREA_RECORD_CONTRIBUTION:
      follow_contributions (self, changes);
      break;
    default:
      break;
    }
}

/* Starts afresh on another document: nothing chosen, nothing typed. */
static void
cocrea_capture_page_document_set (CocreaPage *page)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (page);
  gboolean writable = cocrea_page_is_writable (page);

  self->last_saved_id = 0;
  self->groups_activity_id = 0;
  self->focus_activity = self->focus_group = 0;
  if (cocrea_page_get_document (page) != NULL)
    cocrea_sync_get_focus (cocrea_page_get_document (page), &self->focus_activity,
                           &self->focus_group, NULL);
  gtk_drop_down_set_selected (self->activity_dropdown, GTK_INVALID_LIST_POSITION);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "capture.save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "capture.edit-contribution", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "capture.delete-contribution", writable);
  gtk_text_view_set_editable (self->text_view, writable);
  show_suggestions (self, NULL, 0);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (COCREA_CAPTURE_PAGE (widget)->search_entry));
}

static gboolean
cocrea_capture_page_grab_focus (GtkWidget *widget)
{
  /* Coming to the page means coming to type. */
  return gtk_widget_grab_focus (GTK_WIDGET (COCREA_CAPTURE_PAGE (widget)->text_view));
}

/* Tab walks the page's controls in order, from the activity and group
 * down. GTK's default would call the grab_focus above when Tab enters the
 * page or Shift+Tab leaves it, which threw the focus into the text: Tab
 * never reached the activity, group or sheet, and Shift+Tab cycled
 * between them and the text. */
static gboolean
cocrea_capture_page_focus (GtkWidget *widget, GtkDirectionType direction)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL && gtk_widget_child_focus (child, direction);
}

static void
cocrea_capture_page_dispose (GObject *object)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (object);

  g_clear_handle_id (&self->suggest_source, g_source_remove);
  if (self->captured_view != NULL)
    gtk_list_view_set_model (self->captured_view, NULL);
  if (self->suggestions_view != NULL)
    gtk_list_view_set_model (self->suggestions_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_CAPTURE_PAGE);
  g_clear_object (&self->captured_selection);
  g_clear_object (&self->captured);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (cocrea_capture_page_parent_class)->dispose (object);
}

static void
cocrea_capture_page_finalize (GObject *object)
{
  CocreaCapturePage *self = COCREA_CAPTURE_PAGE (object);

  g_array_unref (self->activity_ids);
  g_array_unref (self->group_ids);
  g_strfreev (self->filter_words);

  G_OBJECT_CLASS (cocrea_capture_page_parent_class)->finalize (object);
}

static void
cocrea_capture_page_class_init (CocreaCapturePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_capture_page_dispose;
  object_class->finalize = cocrea_capture_page_finalize;
  widget_class->grab_focus = cocrea_capture_page_grab_focus;
  widget_class->focus = cocrea_capture_page_focus;
  page_class->document_set = cocrea_capture_page_document_set;
  page_class->reload = cocrea_capture_page_reload;
  page_class->records_changed = cocrea_capture_page_records_changed;
  page_class->after_undo = cocrea_capture_page_after_undo;
  /* cocrea_capture_page_select() reads the dropdowns, which must hold the
   * activities and groups of now also while the page is out of sight:
   * read soon after the page gets its document, shown or not (at once
   * when select asks), and followed record by record after that. */
  page_class->reload_when_hidden = TRUE;

  g_type_ensure (COCREA_TYPE_CAPTURED_ROW);
  g_type_ensure (COCREA_TYPE_SUGGESTION_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-capture-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, activity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, sheet_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, text_frame);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, text_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, text_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, origin_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, axis_button_0);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, axis_button_1);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, axis_button_2);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, axis_button_3);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, area_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, suggestions_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, suggestions_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, captured_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturePage, captured_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sheet_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sheet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_activated_cb);

  gtk_widget_class_install_action (widget_class, "capture.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "capture.merge-suggestion", NULL,
                                   merge_suggestion_action);
  gtk_widget_class_install_action (widget_class, "capture.edit-contribution", "x",
                                   edit_contribution_action);
  gtk_widget_class_install_action (widget_class, "capture.delete-contribution", "x",
                                   delete_contribution_action);
  gtk_widget_class_install_action (widget_class, "capture.find", NULL, find_action);
  cocrea_page_class_install_undo_action (page_class, "capture");
  cocrea_page_class_install_history_keys (page_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "capture.merge-suggestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK,
                                       "capture.merge-suggestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_ALT_MASK,
                                       "capture.merge-suggestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "capture.find", NULL);
}

static void
cocrea_capture_page_init (CocreaCapturePage *self)
{
  g_autoptr (GtkNoSelection) suggestion_selection = NULL;
  GtkFilterListModel *filtered;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_page_set_toast_overlay (COCREA_PAGE (self), self->toast_overlay);
  self->activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->captured = g_list_store_new (COCREA_TYPE_CONTRIBUTION);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->captured)),
                                        GTK_FILTER (self->filter));
  self->captured_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->captured_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->captured_selection, TRUE);
  gtk_list_view_set_model (self->captured_view, GTK_SELECTION_MODEL (self->captured_selection));
  g_signal_connect_object (self->captured_selection, "notify::selected",
                           G_CALLBACK (captured_selected_cb), self, G_CONNECT_SWAPPED);

  self->suggestions = g_list_store_new (COCREA_TYPE_SUGGESTION);
  suggestion_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->suggestions)));
  gtk_list_view_set_model (self->suggestions_view, GTK_SELECTION_MODEL (suggestion_selection));

  set_choice_factories (self->activity_dropdown);
  set_choice_factories (self->group_dropdown);
  g_signal_connect_object (self->activity_dropdown, "notify::selected",
                           G_CALLBACK (activity_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_dropdown, "notify::selected",
                           G_CALLBACK (group_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  /* Named so tests can find it and press Enter the way a user does. */
  gtk_event_controller_set_name (keys, "capture-enter");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (text_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "capture-toggles");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (page_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (self->area_entry, "activate", G_CALLBACK (area_activated_cb), self,
                           G_CONNECT_SWAPPED);

  update_merge_action (self);
  update_captured_label (self);
}
