/* cocrea-decision-dialog.c — decide on a proposal, with the reason the OGP asks for
 *
 * Shortlisting (Prioritise page) and selecting (Selection page) are the
 * same act: a decision with a written reason, audit-logged by the core.
 * The reason is required: the dialog will not accept an empty one and
 * says so beside the field. A selection that breaks a quota is refused
 * by the core; the user sees its message and may select anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-decision-dialog.h"
#include "cocrea-error.h"

typedef struct {
  GtkWidget *dialog;      /* not a reference: the dialog owns the state */
  CocreaDocument *document;
  GtkWidget *parent;
  gint64 proposal_id;
  CocreaDecision decision;
  char *reason;
  GtkWidget *choice;      /* NULL when the decision is fixed */
  GtkWidget *reason_entry;
  GtkWidget *reason_error;
  gboolean reason_touched; /* the "required" message waits for the first edit */
} Decision;

/* A GClosureNotify: the response handler owns the state. */
static void
decision_free (gpointer data, GClosure *closure)
{
  Decision *state = data;

  g_clear_object (&state->document);
  g_clear_object (&state->parent);
  g_free (state->reason);
  g_free (state);
}

/* Through the window's actions: @parent is a page inside it. */
static void
report (GtkWidget *parent, const char *heading, const GError *error)
{
  gtk_widget_activate_action (parent, "win.show-error", "(ss)", heading, error->message);
}

static void
toast_done (GtkWidget *parent, CocreaDecision decision)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: a toast after a decision: "Decision recorded: Shortlisted" */
  text = g_strdup_printf (_("Decision recorded: %s"), cocrea_decision_label (decision));
  gtk_widget_activate_action (parent, "win.toast", "s", text);
}

static void
force_response_cb (AdwMessageDialog *dialog, const char *response, Decision *state)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "force") != 0)
    return;
  if (!cocrea_selection_decide (state->document, state->proposal_id, state->decision,
                                state->reason, TRUE, &error))
    report (state->parent, _("Could Not Record the Decision"), error);
  else
    toast_done (state->parent, state->decision);
}

/**
 * cocrea_decision_apply:
 * Records @decision with @reason. When the core refuses a selection for
 * breaking a quota, shows its message with "Select Anyway" (which forces
 * it) and returns FALSE, as it does for any other refusal, which is
 * shown over @parent's window. Returns TRUE when recorded.
 */
gboolean
cocrea_decision_apply (GtkWidget *parent, CocreaDocument *document, gint64 proposal_id,
                       CocreaDecision decision, const char *reason)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  Decision *state;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), FALSE);
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (cocrea_selection_decide (document, proposal_id, decision, reason, FALSE, &error))
    {
      toast_done (parent, decision);
      return TRUE;
    }

  if (decision != COCREA_DECISION_SELECTED ||
      !g_error_matches (error, COCREA_ERROR, COCREA_ERROR_INVALID) || reason == NULL ||
      *reason == '\0')
    {
      report (parent, _("Could Not Record the Decision"), error);
      return FALSE;
    }

  /* Over a quota: the core's own words, and a way through for a process
   * that has a reason to break it. */
  state = g_new0 (Decision, 1);
  state->document = g_object_ref (document);
  state->parent = g_object_ref (parent);
  state->proposal_id = proposal_id;
  state->decision = decision;
  state->reason = g_strdup (reason);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                   _("Over the Quota"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "force", _("_Select Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "force",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The state lives as long as the handler, that is as long as the dialog. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (force_response_cb), state,
                         decision_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* "Record" waits for a decision (when one is to be chosen) and a reason.
 * An empty reason is marked as an error only once the user has typed in
 * the field: a dialog that opens in red scolds before anything was done. */
static void
update_response (Decision *state)
{
  g_autofree char *reason =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->reason_entry))));
  gboolean has_reason = *reason != '\0';
  gboolean has_choice = state->choice == NULL ||
    gtk_drop_down_get_selected (GTK_DROP_DOWN (state->choice)) != GTK_INVALID_LIST_POSITION;
  gboolean show_error = !has_reason && state->reason_touched;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (state->dialog), "decide",
                                           has_reason && has_choice);
  gtk_widget_set_visible (state->reason_error, show_error);
  if (show_error)
    gtk_widget_add_css_class (state->reason_entry, "error");
  else
    gtk_widget_remove_css_class (state->reason_entry, "error");
}

static void
reason_changed_cb (GtkEditable *entry, Decision *state)
{
  state->reason_touched = TRUE;
  update_response (state);
}

static void
choice_changed_cb (GObject *choice, GParamSpec *pspec, Decision *state)
{
  update_response (state);
}

static void
decide_response_cb (AdwMessageDialog *dialog, const char *response, Decision *state)
{
  g_autofree char *reason = NULL;
  CocreaDecision decision = state->decision;

  if (g_strcmp0 (response, "decide") != 0)
    return;
  if (state->choice != NULL)
    {
      guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (state->choice));

      if (chosen == GTK_INVALID_LIST_POSITION)
        return;
      decision = (CocreaDecision) chosen;
    }
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->reason_entry))));
  cocrea_decision_apply (state->parent, state->document, state->proposal_id, decision, reason);
}

/**
 * cocrea_decision_dialog_present:
 * Asks for the reason of a decision on a proposal (and, when
 * @choose_decision, which decision: the one already recorded, or none
 * chosen yet for a proposal never decided on), then records it as
 * cocrea_decision_apply() does. Without @choose_decision, @decision is
 * the one recorded.
 */
void
cocrea_decision_dialog_present (GtkWidget *parent, CocreaDocument *document, gint64 proposal_id,
                                const char *proposal_title, gboolean choose_decision,
                                CocreaDecision decision)
{
  Decision *state = g_new0 (Decision, 1);
  GtkWidget *dialog, *box, *label;
  g_autofree char *reason = NULL;
  gboolean decided = FALSE;
  CocreaDecision current = decision;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (COCREA_IS_DOCUMENT (document));

  state->document = g_object_ref (document);
  state->parent = g_object_ref (parent);
  state->proposal_id = proposal_id;
  state->decision = decision;

  /* The reason written before, to correct rather than retype. */
  cocrea_selection_get_decision (document, proposal_id, &decided, &current, &reason, NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                   choose_decision ? _("Decide on the Proposal")
                                                   : _("Shortlist the Proposal"),
                                   proposal_title);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (choose_decision)
    {
      g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

      for (int d = 0; d < COCREA_N_DECISIONS; d++)
        gtk_string_list_append (labels, cocrea_decision_label ((CocreaDecision) d));
      label = gtk_label_new_with_mnemonic (_("_Decision"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      state->choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      /* No decision yet: none is offered as if it had been taken. */
      gtk_drop_down_set_selected (GTK_DROP_DOWN (state->choice),
                                  decided ? (guint) current : GTK_INVALID_LIST_POSITION);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), state->choice);
      gtk_accessible_update_property (GTK_ACCESSIBLE (state->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Decision"), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), state->choice);
    }

  label = gtk_label_new_with_mnemonic (_("_Reason (required)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  state->reason_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (state->reason_entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (state->reason_entry), 40);
  gtk_editable_set_text (GTK_EDITABLE (state->reason_entry), reason != NULL ? reason : "");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), state->reason_entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->reason_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the decision"), -1);
  state->reason_error = gtk_label_new (_("Every decision needs a written reason."));
  gtk_label_set_xalign (GTK_LABEL (state->reason_error), 0);
  gtk_widget_add_css_class (state->reason_error, "error");
  gtk_widget_add_css_class (state->reason_error, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), state->reason_entry);
  gtk_box_append (GTK_BOX (box), state->reason_error);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "decide", choose_decision ? _("_Record") : _("_Shortlist"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decide",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "decide");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  state->dialog = dialog;
  /* The state lives as long as the handler, that is as long as the dialog;
   * the entry is the dialog's child, so goes first. */
  g_signal_connect (state->reason_entry, "changed", G_CALLBACK (reason_changed_cb), state);
  if (state->choice != NULL)
    g_signal_connect (state->choice, "notify::selected", G_CALLBACK (choice_changed_cb), state);
  g_signal_connect_data (dialog, "response", G_CALLBACK (decide_response_cb), state,
                         decision_free, 0);
  update_response (state);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The first thing to fill: the decision when there is none yet. */
  if (state->choice != NULL && !decided)
    gtk_widget_grab_focus (state->choice);
  else
    gtk_widget_grab_focus (state->reason_entry);
}
