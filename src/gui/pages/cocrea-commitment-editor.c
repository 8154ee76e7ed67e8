/* cocrea-commitment-editor.c — every field of one commitment, in the OGP template
 *
 * Nothing here has a Save button: a field is written when focus leaves it
 * or after a short pause in typing, each write one edit. A date that is
 * not a date is shown as wrong under its field and kept in the entry,
 * while the other fields are saved with the date the file already has, so
 * nothing typed is lost and nothing invalid is stored.
 *
 * Deletes hand their undo record up through the "undoable" signal: the
 * page keeps the undo history and shows the toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-actor-row.h"
#include "cocrea-actor.h"
#include "cocrea-commitment-editor.h"
#include "cocrea-completion-dialog.h"
#include "cocrea-completion.h"
#include "cocrea-commitment.h"
#include "cocrea-error.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-milestone-row.h"
#include "cocrea-milestone.h"
#include "cocrea-progress-dialog.h"
#include "cocrea-stage.h"
#include "cocrea-text.h"

/* How long typing may pause before the field is written. */
#define SAVE_DELAY_MS 600

enum {
  TEXT_PROBLEM,
  TEXT_DESCRIPTION,
  TEXT_CONTRIBUTION,
  TEXT_RELEVANCE,
  TEXT_ADDITIONAL_INFO,
  N_LONG_TEXTS
};

static const char *const long_text_titles[N_LONG_TEXTS] = {
  N_("The problem it addresses"),
  N_("What the commitment is"),
  N_("How it will contribute to solving the problem"),
  N_("Why it is relevant to OGP values"),
  N_("Additional information"),
};

struct _CocreaCommitmentEditor
{
  GtkWidget parent_instance;

  CocreaDocument *document;
  gulong changed_id;
  gint64 id;
  CocreaCommitment *commitment;   /* as last read or written */
  CocreaContactFields contact;    /* as last read or written */
  guint save_id;
  guint height_tick_id;
  guint stable_frames;
  GtkWidget *width_root;           /* weak: the window whose size we follow */
  gboolean loading;               /* filling the widgets: no saves */
  gboolean writing;               /* our own write: "changed" is expected */

  GtkTextView *texts[N_LONG_TEXTS];

  /* template children */
  GtkBox *form;
  GtkLabel *error_label;
  AdwPreferencesGroup *main_group;
  AdwEntryRow *name_row;
  AdwEntryRow *note_row;
  AdwComboRow *origin_row;
  AdwEntryRow *origin_detail_row;
  AdwEntryRow *lead_unit_row;
  AdwEntryRow *starts_row;
  AdwEntryRow *ends_row;
  GtkLabel *date_error;
  GtkBox *texts_box;
  GtkListBox *milestones_list;
  AdwEntryRow *new_milestone_row;
  GtkLabel *milestone_error;
  AdwActionRow *completion_row;
  AdwEntryRow *contact_name_row;
  AdwEntryRow *contact_title_row;
  AdwEntryRow *contact_department_row;
  AdwEntryRow *contact_email_row;
  AdwEntryRow *contact_phone_row;
  GtkListBox *actors_list;
  AdwComboRow *actor_kind_row;
  AdwEntryRow *new_actor_row;
};

G_DEFINE_FINAL_TYPE (CocreaCommitmentEditor, cocrea_commitment_editor, GTK_TYPE_WIDGET)

enum {
  UNDOABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (CocreaCommitmentEditor *self);

static void
show_message (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
report (CocreaCommitmentEditor *self, const GError *error)
{
  show_message (self->error_label, error != NULL ? error->message : NULL);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Stored text and typed text are the same once typed text is normalised
 * the way the core stores it. */
static gboolean
same_text (const char *stored, const char *typed)
{
  g_autofree char *clean = cocrea_text_normalize (typed);
  return g_strcmp0 (stored != NULL ? stored : "", clean) == 0;
}

/* Checks the typed dates: marks what is wrong and returns the dates to
 * store (the typed ones when right, the stored ones otherwise). */
static void
check_dates (CocreaCommitmentEditor *self, const char **starts_on, const char **ends_on)
{
  const char *starts = gtk_editable_get_text (GTK_EDITABLE (self->starts_row));
  const char *ends = gtk_editable_get_text (GTK_EDITABLE (self->ends_row));
  g_autoptr (GError) error = NULL;
  gboolean starts_bad = FALSE, ends_bad = FALSE;
  g_autofree char *starts_clean = cocrea_text_normalize (starts);
  g_autofree char *ends_clean = cocrea_text_normalize (ends);

  if (!cocrea_plan_dates_validate (starts_clean, NULL, &error))
    starts_bad = TRUE;
  else if (!cocrea_plan_dates_validate (starts_clean, ends_clean, &error))
    ends_bad = TRUE;

  if (starts_bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->starts_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->starts_row), "error");
  if (ends_bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->ends_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->ends_row), "error");
  show_message (self->date_error, error != NULL ? error->message : NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->starts_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                                  starts_bad ? GTK_ACCESSIBLE_INVALID_TRUE
                                             : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->ends_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                                  ends_bad ? GTK_ACCESSIBLE_INVALID_TRUE
                                           : GTK_ACCESSIBLE_INVALID_FALSE, -1);

  *starts_on = error == NULL ? starts : cocrea_commitment_get_starts_on (self->commitment);
  *ends_on = error == NULL ? ends : cocrea_commitment_get_ends_on (self->commitment);
}

static void
save_commitment (CocreaCommitmentEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *clean_name = NULL;
  CocreaCommitmentFields stored, fields;
  gboolean changed;

  cocrea_commitment_get_fields (self->commitment, &stored);
  for (int i = 0; i < N_LONG_TEXTS; i++)
    g_ptr_array_add (texts, text_view_get_text (self->texts[i]));

  fields.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  fields.note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  fields.origin = adw_combo_row_get_selected (self->origin_row) == 1 ? COCREA_ORIGIN_MUNICIPAL
                                                                     : COCREA_ORIGIN_COMMUNITY;
  fields.origin_detail = gtk_editable_get_text (GTK_EDITABLE (self->origin_detail_row));
  fields.lead_unit = gtk_editable_get_text (GTK_EDITABLE (self->lead_unit_row));
  check_dates (self, &fields.starts_on, &fields.ends_on);
  fields.problem = texts->pdata[TEXT_PROBLEM];
  fields.description = texts->pdata[TEXT_DESCRIPTION];
  fields.contribution = texts->pdata[TEXT_CONTRIBUTION];
  fields.relevance = texts->pdata[TEXT_RELEVANCE];
  fields.additional_info = texts->pdata[TEXT_ADDITIONAL_INFO];

  /* An emptied name is refused like a bad date: kept in the entry. */
  clean_name = cocrea_text_normalize (fields.name);
  if (*clean_name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      show_message (self->error_label, _("Name: a commitment needs a name"));
      fields.name = stored.name;
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      show_message (self->error_label, NULL);
    }

  changed = !same_text (stored.name, fields.name) || !same_text (stored.note, fields.note) ||
            stored.origin != fields.origin ||
            !same_text (stored.origin_detail, fields.origin_detail) ||
            !same_text (stored.lead_unit, fields.lead_unit) ||
            !same_text (stored.starts_on, fields.starts_on) ||
            !same_text (stored.ends_on, fields.ends_on) ||
            !same_text (stored.problem, fields.problem) ||
            !same_text (stored.description, fields.description) ||
            !same_text (stored.contribution, fields.contribution) ||
            !same_text (stored.relevance, fields.relevance) ||
            !same_text (stored.additional_info, fields.additional_info);
  if (!changed)
    return;

  self->writing = TRUE;
  if (cocrea_commitment_update (self->document, self->id, &fields, &error))
    {
      CocreaCommitment *fresh = cocrea_commitment_lookup (self->document, self->id, &error);
      if (fresh != NULL)
        g_set_object (&self->commitment, fresh);
      g_clear_object (&fresh);
    }
  self->writing = FALSE;
  if (error != NULL)
    report (self, error);
}

static void
save_contact (CocreaCommitmentEditor *self)
{
  g_autoptr (GError) error = NULL;
  CocreaContactFields typed = {
    .name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->contact_name_row)),
    .title = (char *) gtk_editable_get_text (GTK_EDITABLE (self->contact_title_row)),
    .department = (char *) gtk_editable_get_text (GTK_EDITABLE (self->contact_department_row)),
    .email = (char *) gtk_editable_get_text (GTK_EDITABLE (self->contact_email_row)),
    .phone = (char *) gtk_editable_get_text (GTK_EDITABLE (self->contact_phone_row)),
  };

  if (same_text (self->contact.name, typed.name) && same_text (self->contact.title, typed.title) &&
      same_text (self->contact.department, typed.department) &&
      same_text (self->contact.email, typed.email) && same_text (self->contact.phone, typed.phone))
    return;

  self->writing = TRUE;
  if (cocrea_commitment_set_contact (self->document, self->id, &typed, &error))
    {
      cocrea_contact_fields_clear (&self->contact);
      cocrea_commitment_get_contact (self->document, self->id, &self->contact, &error);
    }
  self->writing = FALSE;
  if (error != NULL)
    report (self, error);
}

/*
 * cocrea_commitment_editor_save_now:
 * Writes what is typed and not yet written (the pause after typing has
 * not passed, or focus has not left the field). The page calls it before
 * showing another commitment.
 */
void
cocrea_commitment_editor_save_now (CocreaCommitmentEditor *self)
{
  g_return_if_fail (COCREA_IS_COMMITMENT_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->document == NULL || self->commitment == NULL || self->loading ||
      cocrea_document_is_read_only (self->document))
    return;
  save_commitment (self);
  save_contact (self);
}

static gboolean
save_timeout_cb (gpointer data)
{
  CocreaCommitmentEditor *self = data;

  self->save_id = 0;
  cocrea_commitment_editor_save_now (self);
  return G_SOURCE_REMOVE;
}

/* Any typing: write after a pause. */
static void
field_changed_cb (CocreaCommitmentEditor *self)
{
  if (self->loading || self->commitment == NULL)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Focus left a field: write now. */
static void
focus_leave_cb (GtkEventControllerFocus *controller, CocreaCommitmentEditor *self)
{
  if (self->save_id != 0)
    cocrea_commitment_editor_save_now (self);
}

static void check_heights (CocreaCommitmentEditor *self);

static void
watch_field (CocreaCommitmentEditor *self, GtkWidget *widget, GObject *changes)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect_object (changes, "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

/* A GtkTextView outside a scrolled window measures its height from the
 * layout it has validated so far, and GTK 4.8 does not ask again once the
 * layout is done: a long text would stay cut at its first height. For a
 * few frames after a change of text or width, a view whose measure
 * differs from its height is asked to measure again. */
static gboolean
height_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (widget);
  gboolean stable = TRUE;

  for (int i = 0; i < N_LONG_TEXTS; i++)
    {
      GtkWidget *view = GTK_WIDGET (self->texts[i]);
      int minimum = 0;

      if (!gtk_widget_get_mapped (view))
        continue;
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &minimum,
                          NULL, NULL, NULL);
      if (minimum != gtk_widget_get_height (view))
        {
          gtk_widget_queue_resize (view);
          stable = FALSE;
        }
    }
  self->stable_frames = stable ? self->stable_frames + 1 : 0;
  if (self->stable_frames < 10)
    return G_SOURCE_CONTINUE;
  self->height_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
check_heights (CocreaCommitmentEditor *self)
{
  self->stable_frames = 0;
  if (self->height_tick_id == 0)
    self->height_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), height_tick_cb, NULL,
                                                         NULL);
}

/* ---- milestones ---- */

static void
emit_undoable (CocreaCommitmentEditor *self, CocreaUndo *undo, const char *text)
{
  g_signal_emit (self, signals[UNDOABLE], 0, undo, text);
}

/* Writes @row's milestone if what is typed differs from what is stored. */
static void
milestone_edited_cb (CocreaMilestoneRow *row, CocreaCommitmentEditor *self)
{
  g_autoptr (GError) error = NULL;
  CocreaMilestone *milestone = cocrea_milestone_row_get_milestone (row);
  const char *d, *s, *e;

  cocrea_milestone_row_get_typed (row, &d, &s, &e);
  if (same_text (cocrea_milestone_get_deliverable (milestone), d) &&
      same_text (cocrea_milestone_get_starts_on (milestone), s) &&
      same_text (cocrea_milestone_get_ends_on (milestone), e))
    {
      cocrea_milestone_row_show_message (row, NULL);
      return;
    }

  self->writing = TRUE;
  cocrea_milestone_update (self->document, cocrea_milestone_get_id (milestone), d, s, e, &error);
  self->writing = FALSE;
  /* The entries keep what was typed; the message says what to fix. */
  cocrea_milestone_row_show_message (row, error != NULL ? error->message : NULL);
  if (error == NULL)
    {
      g_autoptr (GListModel) fresh = cocrea_milestone_list (self->document, self->id, NULL);
      for (guint i = 0; fresh != NULL && i < g_list_model_get_n_items (fresh); i++)
        {
          g_autoptr (CocreaMilestone) m = g_list_model_get_item (fresh, i);
          if (cocrea_milestone_get_id (m) == cocrea_milestone_get_id (milestone))
            cocrea_milestone_row_set_stored (row, m);
        }
    }
}

/* Writes every milestone row with typing not yet written. */
static void
save_milestones (CocreaCommitmentEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->milestones_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (COCREA_IS_MILESTONE_ROW (row))
      cocrea_milestone_row_flush (COCREA_MILESTONE_ROW (row));
}

/* editor.move-milestone (id, position): the Up and Down buttons of a row. */
static void
move_milestone_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  gint64 id;
  int position;

  g_variant_get (param, "(xi)", &id, &position);
  save_milestones (self);
  if (!cocrea_milestone_move (self->document, id, position, &error))
    report (self, error);
}

/* editor.delete-milestone (id) */
static void
delete_milestone_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;

  save_milestones (self);
  if (!cocrea_milestone_delete (self->document, g_variant_get_int64 (param), &undo, &error))
    report (self, error);
  else
    emit_undoable (self, undo, _("Milestone deleted"));
}

static void
progress_saved_cb (CocreaProgressDialog *dialog, CocreaUndo *undo, gint64 id,
                   CocreaCommitmentEditor *self)
{
  emit_undoable (self, undo, _("Progress recorded"));
}

/* editor.record-progress (id): opens the progress dialog of a milestone. */
static void
record_progress_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  CocreaProgressDialog *dialog;

  /* The dialog names the milestone: what was typed in its row goes first. */
  save_milestones (self);
  dialog = cocrea_progress_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->document,
                                       g_variant_get_int64 (param), &error);
  if (dialog == NULL)
    {
      report (self, error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (progress_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
completion_saved_cb (CocreaCompletionDialog *dialog, CocreaUndo *undo,
                     CocreaCommitmentEditor *self)
{
  if (undo != NULL)
    emit_undoable (self, undo, _("Completion level changed"));
}

/* editor.set-completion: opens the completion dialog of the commitment. */
static void
set_completion_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  CocreaCompletionDialog *dialog;

  dialog = cocrea_completion_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                         self->document, self->id, &error);
  if (dialog == NULL)
    {
      report (self, error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (completion_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Substantial · follows the milestones", or the level set by hand with
 * what the milestones say and why. */
static void
show_completion (CocreaCommitmentEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCompletionState) state = cocrea_completion_get (self->document, self->id,
                                                                   &error);
  g_autofree char *text = NULL;

  if (state == NULL)
    {
      report (self, error);
      return;
    }
  if (state->set_by_hand)
    /* TRANSLATORS: a completion level set by hand, what the milestones say, and why */
    text = g_strdup_printf (_("%s · set by hand (the milestones say %s): %s"),
                            cocrea_completion_label (state->level),
                            cocrea_completion_label (state->derived), state->reason);
  else
    /* TRANSLATORS: a completion level that follows the milestones */
    text = g_strdup_printf (_("%s · follows the milestones"), cocrea_completion_label (state->level));
  adw_action_row_set_subtitle (self->completion_row, text);
}

static GtkWidget *
milestone_row_new (CocreaCommitmentEditor *self, CocreaMilestone *milestone, gboolean first,
                   gboolean last)
{
  GtkWidget *row = cocrea_milestone_row_new (milestone, first, last);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaMilestoneState) state =
    cocrea_milestone_progress_get_state (self->document, cocrea_milestone_get_id (milestone), NULL,
                                         &error);

  if (state == NULL)
    report (self, error);
  cocrea_milestone_row_show_progress (COCREA_MILESTONE_ROW (row), state);
  g_signal_connect_object (row, "edited", G_CALLBACK (milestone_edited_cb), self, 0);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
new_milestone_apply_cb (CocreaCommitmentEditor *self)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_milestone_row));

  if (self->commitment == NULL)
    return;
  cocrea_commitment_editor_save_now (self);
  save_milestones (self);
  if (!cocrea_milestone_add (self->document, self->id, text, NULL, NULL, NULL, &error))
    {
      show_message (self->milestone_error, error->message);
      return;
    }
  show_message (self->milestone_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_milestone_row), "");
}

/* ---- actors ---- */

/* editor.remove-actor (id): the button of an actor's row. */
static void
remove_actor_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;

  if (!cocrea_actor_delete (self->document, g_variant_get_int64 (param), &undo, &error))
    report (self, error);
  else
    emit_undoable (self, undo, _("Actor removed"));
}

static void
new_actor_apply_cb (CocreaCommitmentEditor *self)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_actor_row));
  CocreaActorKind kind = adw_combo_row_get_selected (self->actor_kind_row) == 0
                           ? COCREA_ACTOR_MUNICIPAL
                           : COCREA_ACTOR_CIVIL_SOCIETY;

  if (self->commitment == NULL)
    return;
  cocrea_commitment_editor_save_now (self);
  if (!cocrea_actor_add (self->document, self->id, kind, text, NULL, &error))
    {
      report (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_actor_row), "");
}

/* ---- loading ---- */

static void
set_entry (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
reload (CocreaCommitmentEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) milestones = NULL;
  g_autoptr (GListModel) actors = NULL;
  g_autofree char *title = NULL;
  const char *texts[N_LONG_TEXTS];
  gboolean editable;

  g_clear_handle_id (&self->save_id, g_source_remove);
  clear_list (self->milestones_list);
  clear_list (self->actors_list);
  g_clear_object (&self->commitment);
  cocrea_contact_fields_clear (&self->contact);
  show_message (self->error_label, NULL);
  show_message (self->date_error, NULL);
  show_message (self->milestone_error, NULL);

  if (self->document != NULL && self->id != 0)
    self->commitment = cocrea_commitment_lookup (self->document, self->id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->form), self->commitment != NULL);
  if (self->commitment == NULL)
    {
      if (error != NULL && !g_error_matches (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->form), TRUE);
          report (self, error);
        }
      return;
    }

  self->loading = TRUE;
  /* TRANSLATORS: the heading of the editor, "Commitment 3" */
  title = g_strdup_printf (_("Commitment %d"), cocrea_commitment_get_position (self->commitment));
  adw_preferences_group_set_title (self->main_group, title);
  set_entry (self->name_row, cocrea_commitment_get_name (self->commitment));
  set_entry (self->note_row, cocrea_commitment_get_note (self->commitment));
  adw_combo_row_set_selected (self->origin_row,
                              cocrea_commitment_get_origin (self->commitment) ==
                                  COCREA_ORIGIN_MUNICIPAL ? 1 : 0);
  set_entry (self->origin_detail_row, cocrea_commitment_get_origin_detail (self->commitment));
  set_entry (self->lead_unit_row, cocrea_commitment_get_lead_unit (self->commitment));
  set_entry (self->starts_row, cocrea_commitment_get_starts_on (self->commitment));
  set_entry (self->ends_row, cocrea_commitment_get_ends_on (self->commitment));
  texts[TEXT_PROBLEM] = cocrea_commitment_get_problem (self->commitment);
  texts[TEXT_DESCRIPTION] = cocrea_commitment_get_description (self->commitment);
  texts[TEXT_CONTRIBUTION] = cocrea_commitment_get_contribution (self->commitment);
  texts[TEXT_RELEVANCE] = cocrea_commitment_get_relevance (self->commitment);
  texts[TEXT_ADDITIONAL_INFO] = cocrea_commitment_get_additional_info (self->commitment);
  for (int i = 0; i < N_LONG_TEXTS; i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->texts[i]), texts[i], -1);

  if (cocrea_commitment_get_contact (self->document, self->id, &self->contact, &error))
    {
      set_entry (self->contact_name_row, self->contact.name);
      set_entry (self->contact_title_row, self->contact.title);
      set_entry (self->contact_department_row, self->contact.department);
      set_entry (self->contact_email_row, self->contact.email);
      set_entry (self->contact_phone_row, self->contact.phone);
    }

  milestones = cocrea_milestone_list (self->document, self->id, error == NULL ? &error : NULL);
  for (guint i = 0, n = milestones ? g_list_model_get_n_items (milestones) : 0; i < n; i++)
    {
      g_autoptr (CocreaMilestone) m = g_list_model_get_item (milestones, i);
      gtk_list_box_append (self->milestones_list, milestone_row_new (self, m, i == 0, i + 1 == n));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->milestones_list),
                          milestones != NULL && g_list_model_get_n_items (milestones) > 0);
  show_completion (self);

  actors = cocrea_actor_list (self->document, self->id, error == NULL ? &error : NULL);
  for (guint i = 0, n = actors ? g_list_model_get_n_items (actors) : 0; i < n; i++)
    {
      g_autoptr (CocreaActor) a = g_list_model_get_item (actors, i);
      gtk_list_box_append (self->actors_list, cocrea_actor_row_new (a));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actors_list),
                          actors != NULL && g_list_model_get_n_items (actors) > 0);

  if (error != NULL)
    report (self, error);

  editable = !cocrea_document_is_read_only (self->document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), editable);
  /* Progress is recorded on a file that takes edits. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.record-progress", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.set-completion", editable);
  self->loading = FALSE;
  check_heights (self);
}

/* Another edit (a milestone added, an undo, the command line): write what
 * is typed first, then show the file as it is. */
static void
document_changed_cb (CocreaCommitmentEditor *self)
{
  if (self->writing)
    return;
  cocrea_commitment_editor_save_now (self);
  save_milestones (self);
  reload (self);
}

void
cocrea_commitment_editor_set_document (CocreaCommitmentEditor *self, CocreaDocument *document)
{
  g_return_if_fail (COCREA_IS_COMMITMENT_EDITOR (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  self->id = 0;
  if (document != NULL)
    self->changed_id = g_signal_connect_object (document, "changed",
                                                G_CALLBACK (document_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  reload (self);
}

/*
 * cocrea_commitment_editor_set_commitment:
 * Shows commitment @id (0 for none), after writing what was typed in the
 * one shown before.
 */
void
cocrea_commitment_editor_set_commitment (CocreaCommitmentEditor *self, gint64 id)
{
  g_return_if_fail (COCREA_IS_COMMITMENT_EDITOR (self));

  if (self->id == id && (id == 0 || self->commitment != NULL))
    return;
  cocrea_commitment_editor_save_now (self);
  save_milestones (self);
  self->id = id;
  reload (self);
}

gint64
cocrea_commitment_editor_get_commitment (CocreaCommitmentEditor *self)
{
  g_return_val_if_fail (COCREA_IS_COMMITMENT_EDITOR (self), 0);
  return self->id;
}

GtkWidget *
cocrea_commitment_editor_new (void)
{
  return g_object_new (COCREA_TYPE_COMMITMENT_EDITOR, NULL);
}

static void
build_text_views (CocreaCommitmentEditor *self)
{
  for (int i = 0; i < N_LONG_TEXTS; i++)
    {
      GtkWidget *heading = gtk_label_new (_(long_text_titles[i]));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, i == 0 ? 0 : 12);

      /* No scrolled window: the view grows with its text inside the
       * page's own scrolling, so a long text is never cut off.
       * Spell checking: Debian 12 has no spell checker for GTK 4
       * (libspelling is newer, gspell is GTK 3 only), so there is none. */
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
      gtk_widget_set_size_request (view, -1, 72);
      gtk_widget_add_css_class (view, "plan-text");
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(long_text_titles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      heading, NULL, -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);

      gtk_box_append (self->texts_box, heading);
      gtk_box_append (self->texts_box, frame);
      self->texts[i] = GTK_TEXT_VIEW (view);
      watch_field (self, view, G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))));
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                               G_CALLBACK (check_heights), self, G_CONNECT_SWAPPED);
    }
}

/* The window's width changes the wrapping of the long texts. */
static void
cocrea_commitment_editor_map (GtkWidget *widget)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  GTK_WIDGET_CLASS (cocrea_commitment_editor_parent_class)->map (widget);
  if (GTK_IS_WINDOW (root) && self->width_root != GTK_WIDGET (root))
    {
      if (self->width_root != NULL)
        g_signal_handlers_disconnect_by_data (self->width_root, self);
      g_set_weak_pointer (&self->width_root, GTK_WIDGET (root));
      g_signal_connect_object (root, "notify::default-width", G_CALLBACK (check_heights), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (root, "notify::maximized", G_CALLBACK (check_heights), self,
                               G_CONNECT_SWAPPED);
    }
  check_heights (self);
}

static void
cocrea_commitment_editor_dispose (GObject *object)
{
  CocreaCommitmentEditor *self = COCREA_COMMITMENT_EDITOR (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->height_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->height_tick_id);
  self->height_tick_id = 0;
  if (self->width_root != NULL)
    g_signal_handlers_disconnect_by_data (self->width_root, self);
  g_clear_weak_pointer (&self->width_root);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  if (self->milestones_list != NULL)
    clear_list (self->milestones_list);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_COMMITMENT_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->commitment);
  cocrea_contact_fields_clear (&self->contact);

  G_OBJECT_CLASS (cocrea_commitment_editor_parent_class)->dispose (object);
}

static void
cocrea_commitment_editor_class_init (CocreaCommitmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_commitment_editor_dispose;
  widget_class->map = cocrea_commitment_editor_map;

  /**
   * CocreaCommitmentEditor::undoable:
   * @undo: the record that takes the edit back
   * @text: what happened, for a toast ("Milestone deleted")
   */
  signals[UNDOABLE] = g_signal_new ("undoable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, COCREA_TYPE_UNDO,
                                    G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-commitment-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, form);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, main_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, origin_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, origin_detail_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, lead_unit_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, texts_box);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, milestones_list);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, new_milestone_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, milestone_error);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, completion_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, contact_title_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor,
                                        contact_department_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, actors_list);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, actor_kind_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaCommitmentEditor, new_actor_row);
  gtk_widget_class_bind_template_callback (widget_class, new_milestone_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_actor_apply_cb);

  gtk_widget_class_install_action (widget_class, "editor.move-milestone", "(xi)",
                                   move_milestone_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-milestone", "x",
                                   delete_milestone_action);
  gtk_widget_class_install_action (widget_class, "editor.record-progress", "x",
                                   record_progress_action);
  gtk_widget_class_install_action (widget_class, "editor.set-completion", NULL,
                                   set_completion_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-actor", "x", remove_actor_action);
}

static void
cocrea_commitment_editor_init (CocreaCommitmentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    AdwEntryRow *rows[] = {
      self->name_row, self->note_row, self->origin_detail_row, self->lead_unit_row,
      self->starts_row, self->ends_row, self->contact_name_row, self->contact_title_row,
      self->contact_department_row, self->contact_email_row, self->contact_phone_row,
    };
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      watch_field (self, GTK_WIDGET (rows[i]), G_OBJECT (rows[i]));
  }
  build_text_views (self);
  g_signal_connect_object (self->origin_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
  reload (self);
}
