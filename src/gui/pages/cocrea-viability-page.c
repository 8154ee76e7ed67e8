/* cocrea-viability-page.c — the viability workshop: evaluators score the shortlist
 *
 * Top: the evaluator, chosen from a dropdown, and their scoring matrix
 * (CocreaScoreMatrix, typed from the keyboard). Below: what all the
 * evaluators say together, as a table and as a heatmap. Every edit is
 * committed by the core at once; the page re-reads on the document's
 * "changed" signal, so edits from other pages show here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-aggregate-cell.h"
#include "cocrea-aggregate-item.h"
#include "cocrea-column-fit.h"
#include "cocrea-chart-view.h"
#include "cocrea-criterion.h"
#include "cocrea-process-charts.h"
#include "cocrea-conflict-item.h"
#include "cocrea-conflict-row.h"
#include "cocrea-criteria-dialog.h"
#include "cocrea-evaluator.h"
#include "cocrea-merge-scores.h"
#include "cocrea-score-matrix.h"
#include "cocrea-viability-page.h"

struct _CocreaViabilityPage
{
  CocreaPage parent_instance;

  GListModel *evaluators;
  CocreaRanking *ranking;
  char *columns_key; /* the criteria the aggregate's columns show */
  /* Set while the page itself fills the dropdown, which is no choice. */
  gboolean filling;

  /* template children */
  GtkLabel *error_label;
  GtkDropDown *evaluator_dropdown;
  CocreaScoreMatrix *matrix;
  GtkColumnView *aggregate_view;
  CocreaChartView *chart_view;
};

G_DEFINE_FINAL_TYPE (CocreaViabilityPage, cocrea_viability_page, COCREA_TYPE_PAGE)

/* The evaluator shown in the matrix, or 0 when there is none. */
gint64
cocrea_viability_page_get_evaluator (CocreaViabilityPage *self)
{
  CocreaEvaluator *evaluator;

  g_return_val_if_fail (COCREA_IS_VIABILITY_PAGE (self), 0);

  evaluator = gtk_drop_down_get_selected_item (self->evaluator_dropdown);
  return evaluator != NULL ? cocrea_evaluator_get_id (evaluator) : 0;
}

/**
 * cocrea_viability_page_set_evaluator:
 * Shows the scores of @evaluator_id. Returns FALSE when the process has
 * no such evaluator.
 */
gboolean
cocrea_viability_page_set_evaluator (CocreaViabilityPage *self, gint64 evaluator_id)
{
  g_return_val_if_fail (COCREA_IS_VIABILITY_PAGE (self), FALSE);

  if (self->evaluators == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (self->evaluators); i++)
    {
      g_autoptr (CocreaEvaluator) evaluator = g_list_model_get_item (self->evaluators, i);

      if (cocrea_evaluator_get_id (evaluator) == evaluator_id)
        {
          gtk_drop_down_set_selected (self->evaluator_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* The aggregates as computed from the file the last time it changed. */
CocreaRanking *
cocrea_viability_page_get_ranking (CocreaViabilityPage *self)
{
  g_return_val_if_fail (COCREA_IS_VIABILITY_PAGE (self), NULL);
  return self->ranking;
}

static void
set_error (CocreaViabilityPage *self, const GError *error)
{
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the scores: %s"), error->message);
      gtk_label_set_text (self->error_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
evaluator_selected_cb (CocreaViabilityPage *self)
{
  if (self->filling)
    return;
  cocrea_score_matrix_load (self->matrix, cocrea_page_get_document (COCREA_PAGE (self)),
                            cocrea_viability_page_get_evaluator (self));
}

/* Rows of the aggregate table: the shortlisted proposals, best overall
 * first. */
static GListModel *
aggregate_rows (CocreaRanking *ranking)
{
  GListStore *rows = g_list_store_new (COCREA_TYPE_AGGREGATE_ITEM);

  for (guint r = 0; r < ranking->data->proposals->len; r++)
    {
      guint p = ranking->order[r];
      const char *status = g_array_index (ranking->data->proposals, CocreaRankProposal, p).status;
      g_autoptr (CocreaAggregateItem) row = NULL;

      if (g_strcmp0 (status, "shortlisted") != 0 && g_strcmp0 (status, "selected") != 0 &&
          g_strcmp0 (status, "not-selected") != 0)
        continue;
      row = cocrea_aggregate_item_new (ranking, p);
      g_list_store_append (rows, row);
    }
  return G_LIST_MODEL (rows);
}

/* A column of the aggregate table: the proposal, a criterion (by its
 * index) or the overall viability, each cell a CocreaAggregateCell. */
static void
add_aggregate_column (CocreaViabilityPage *self, const char *title, int column, gboolean expand)
{
  g_autofree char *value = g_strdup_printf ("%d", column);
  g_autoptr (GtkListItemFactory) factory =
    cocrea_item_widget_factory_new (COCREA_TYPE_AGGREGATE_CELL, FALSE, "column", value);
  g_autoptr (GtkColumnViewColumn) view_column = gtk_column_view_column_new (title, NULL);

  gtk_column_view_column_set_factory (view_column, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->aggregate_view, view_column);
}

/* The figures' columns as wide as their headings and their widest cell
 * ("4.0 · med 4.0", "#1 · 79 %"), in the text size of the day, or a little
 * narrower, their figures on more lines, when the view is too narrow
 * (150 % text); the proposals take the rest, at least their longest word
 * ("Coordinación" whole, not "Coordinac-ión"). A disagreement's cell is in
 * bold and has its icon (16 px, 6 px from the text). */
static void
fit_aggregate_columns (CocreaViabilityPage *self, GListModel *rows)
{
  GListModel *columns = gtk_column_view_get_columns (self->aggregate_view);
  guint n_rows = g_list_model_get_n_items (rows);

  /* The first column is the proposals'; the others hold the criteria, in
   * order, then the overall viability. */
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr (GtkColumnViewColumn) view_column = g_list_model_get_item (columns, c);
      int column = c == 0                                      ? COCREA_AGGREGATE_PROPOSAL
                   : c + 1 < g_list_model_get_n_items (columns) ? (int) c - 1
                                                                : COCREA_AGGREGATE_OVERALL;
      g_autoptr (GPtrArray) texts = g_ptr_array_new ();
      gboolean any_flagged = FALSE;

      for (guint r = 0; r < n_rows; r++)
        {
          g_autoptr (CocreaAggregateItem) row = g_list_model_get_item (rows, r);
          const char *text, *tooltip;
          gboolean flagged;

          if (cocrea_aggregate_item_describe (row, column, &text, &tooltip, &flagged) && text != NULL)
            g_ptr_array_add (texts, (gpointer) text);
          any_flagged |= flagged;
        }
      g_ptr_array_add (texts, NULL);
      cocrea_column_fit_content (view_column, (const char *const *) texts->pdata,
                                 COCREA_COLUMN_FIT_WRAP | (any_flagged ? COCREA_COLUMN_FIT_BOLD : 0),
                                 any_flagged ? 16 + 6 : 0);
    }
}

/* The criteria names, one per line: the columns to show. */
static char *
columns_key (CocreaRanking *ranking)
{
  GString *key = g_string_new (NULL);

  for (guint c = 0; ranking != NULL && c < ranking->data->criteria->len; c++)
    g_string_append_printf (key, "%s\n", g_array_index (ranking->data->criteria, CocreaRankCriterion, c).name);
  return g_string_free (key, FALSE);
}

/* New rows on every change; new columns only when the criteria changed,
 * since columns swapped on a shown view make GTK 4.8 lay out twice. */
static void
rebuild_aggregate (CocreaViabilityPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->aggregate_view);
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autoptr (GListModel) rows = NULL;
  g_autofree char *key = columns_key (self->ranking);

  if (g_strcmp0 (key, self->columns_key) != 0)
    {
      gtk_column_view_set_model (self->aggregate_view, NULL);
      while (g_list_model_get_n_items (columns) > 0)
        {
          g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
          gtk_column_view_remove_column (self->aggregate_view, column);
        }
      g_free (self->columns_key);
      self->columns_key = g_strdup (key);

      if (self->ranking != NULL)
        {
          add_aggregate_column (self, _("Proposal"), COCREA_AGGREGATE_PROPOSAL, TRUE);
          /* Headed as in the score grid: a criterion's full name did
           * not fit its column ("Technical viabilit"). */
          for (guint c = 0; c < self->ranking->data->criteria->len; c++)
            {
              const CocreaRankCriterion *criterion =
                &g_array_index (self->ranking->data->criteria, CocreaRankCriterion, c);

              add_aggregate_column (self, cocrea_criterion_short_name (criterion->key, criterion->name),
                                    (int) c, FALSE);
            }
          add_aggregate_column (self, _("Overall"), COCREA_AGGREGATE_OVERALL, FALSE);
        }
    }

  if (self->ranking == NULL)
    {
      gtk_column_view_set_model (self->aggregate_view, NULL);
      return;
    }
  rows = aggregate_rows (self->ranking);
  fit_aggregate_columns (self, rows);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->aggregate_view, selection);
}

/* Re-reads the evaluators, keeping the chosen one when it still exists. */
static void
refresh_evaluators (CocreaViabilityPage *self, gint64 keep_id, GError **error)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GListModel) evaluators = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (document != NULL)
    {
      evaluators = cocrea_evaluator_list (document, error);
      if (evaluators == NULL)
        return;
    }

  for (guint i = 0; evaluators != NULL && i < g_list_model_get_n_items (evaluators); i++)
    {
      g_autoptr (CocreaEvaluator) evaluator = g_list_model_get_item (evaluators, i);

      if (cocrea_evaluator_get_id (evaluator) == keep_id || selected == GTK_INVALID_LIST_POSITION)
        selected = i;
    }

  self->filling = TRUE;
  g_set_object (&self->evaluators, evaluators);
  gtk_drop_down_set_model (self->evaluator_dropdown, evaluators);
  gtk_drop_down_set_selected (self->evaluator_dropdown, selected);
  self->filling = FALSE;
}

static void
update_actions (CocreaViabilityPage *self)
{
  gboolean writable = cocrea_page_is_writable (COCREA_PAGE (self));
  gboolean has_evaluator = cocrea_viability_page_get_evaluator (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viability.add-evaluator", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viability.rename-evaluator",
                                 writable && has_evaluator);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viability.delete-evaluator",
                                 writable && has_evaluator);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viability.edit-criteria", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viability.merge-scores", writable);
}

/* Everything from the file again: evaluators, the matrix, aggregates and
 * the chart. The matrix keeps its place and focus. */
static void
refresh_full (CocreaViabilityPage *self, gint64 keep_evaluator)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaRankingData) data = NULL;
  g_autoptr (CocreaChart) chart = NULL;
  g_autoptr (GError) error = NULL;

  set_error (self, NULL);
  g_clear_pointer (&self->ranking, cocrea_ranking_free);

  refresh_evaluators (self, keep_evaluator, &error);
  if (error == NULL && document != NULL)
    {
      data = cocrea_ranking_data_load (document, &error);
      if (data != NULL)
        {
          self->ranking = cocrea_ranking_compute (data);
          chart = cocrea_chart_new_viability (self->ranking);
        }
    }
  if (error != NULL)
    set_error (self, error);

  cocrea_score_matrix_load (self->matrix, document, cocrea_viability_page_get_evaluator (self));
  rebuild_aggregate (self);
  cocrea_chart_view_set_chart (self->chart_view, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_view), chart != NULL);
  update_actions (self);
}

/* Scores, evaluators, criteria and the shortlist change from other
 * pages and from merges: all show here. */
static void
cocrea_viability_page_reload (CocreaPage *page)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (page);

  refresh_full (self, cocrea_viability_page_get_evaluator (self));
}

/* Evaluator dialog: name and department, with the name required. */

typedef struct {
  GtkWidget *dialog;   /* not a reference: the dialog owns the state */
  gint64 evaluator_id; /* 0: a new evaluator */
  GtkWidget *name;
  GtkWidget *department;
  GtkWidget *name_error;
  gboolean touched; /* "required" waits for the first edit of the name */
} EvaluatorDialog;

/* An empty name cannot be saved; it is called an error only once the
 * user has typed in the field, not in a dialog just opened. */
static void
update_evaluator_dialog (EvaluatorDialog *state)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->name))));
  gboolean ok = *text != '\0';

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (state->dialog), "save", ok);
  gtk_widget_set_visible (state->name_error, !ok && state->touched);
}

static void
evaluator_name_changed_cb (GtkEditable *name, EvaluatorDialog *state)
{
  state->touched = TRUE;
  update_evaluator_dialog (state);
}

static void
evaluator_response_cb (CocreaPage *page, const char *response, gpointer data)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (page);
  EvaluatorDialog *state = data;
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  gint64 id = state->evaluator_id;

  if (g_strcmp0 (response, "save") != 0 || document == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->name))));
  department = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->department))));
  if (id == 0)
    {
      id = cocrea_evaluator_add (document, name, department, &error);
      if (id > 0)
        refresh_full (self, id);
    }
  else if (cocrea_evaluator_update (document, id, name, department, &error))
    refresh_full (self, id);

  if (error != NULL)
    cocrea_page_show_error (COCREA_PAGE (self),
                            state->evaluator_id == 0 ? _("Could Not Add the Evaluator")
                                                     : _("Could Not Rename the Evaluator"),
                            error);
}

static GtkWidget *
labelled_entry (GtkWidget *box, const char *label_text, const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static void
open_evaluator_dialog (CocreaViabilityPage *self, CocreaEvaluator *evaluator)
{
  EvaluatorDialog *state = g_new0 (EvaluatorDialog, 1);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  state->evaluator_id = evaluator != NULL ? cocrea_evaluator_get_id (evaluator) : 0;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   evaluator != NULL ? _("Rename Evaluator") : _("Add Evaluator"),
                                   _("An evaluator is a person or a group of the municipal team who scores the shortlisted proposals."));
  state->name = labelled_entry (box, _("_Name"),
                                evaluator != NULL ? cocrea_evaluator_get_name (evaluator) : NULL);
  state->name_error = gtk_label_new (_("A name is required."));
  gtk_label_set_xalign (GTK_LABEL (state->name_error), 0);
  gtk_widget_add_css_class (state->name_error, "error");
  gtk_widget_add_css_class (state->name_error, "caption");
  gtk_box_append (GTK_BOX (box), state->name_error);
  state->department = labelled_entry (box, _("_Department"),
                                      evaluator != NULL ? cocrea_evaluator_get_department (evaluator)
                                                        : NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", evaluator != NULL ? _("_Rename") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  state->dialog = dialog;
  g_signal_connect (state->name, "changed", G_CALLBACK (evaluator_name_changed_cb), state);
  cocrea_page_connect_response (COCREA_PAGE (self), ADW_MESSAGE_DIALOG (dialog),
                                evaluator_response_cb, state, g_free);
  update_evaluator_dialog (state);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (state->name);
}

static void
add_evaluator_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_evaluator_dialog (COCREA_VIABILITY_PAGE (widget), NULL);
}

static void
rename_evaluator_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (widget);
  CocreaEvaluator *evaluator = gtk_drop_down_get_selected_item (self->evaluator_dropdown);

  if (evaluator != NULL)
    open_evaluator_dialog (self, evaluator);
}

/* @data: the id of the evaluator the dialog asks about. */
static void
delete_response_cb (CocreaPage *page, const char *response, gpointer data)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  gint64 id = *(gint64 *) data;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || document == NULL)
    return;
  if (!cocrea_evaluator_delete (document, id, &error))
    cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Delete the Evaluator"), error);
  else
    {
      refresh_full (self, 0);
      cocrea_page_add_toast (COCREA_PAGE (self), _("Evaluator deleted"));
    }
}

static void
delete_evaluator_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (widget);
  CocreaEvaluator *evaluator = gtk_drop_down_get_selected_item (self->evaluator_dropdown);
  g_autofree char *heading = NULL;
  gint64 *id;
  GtkWidget *dialog;

  if (evaluator == NULL)
    return;

  /* TRANSLATORS: "Delete Ana Pérez?" */
  heading = g_strdup_printf (_("Delete %s?"), cocrea_evaluator_get_name (evaluator));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Their scores and notes are deleted with them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = cocrea_evaluator_get_id (evaluator);
  cocrea_page_connect_response (COCREA_PAGE (self), ADW_MESSAGE_DIALOG (dialog), delete_response_cb,
                                id, g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_criteria_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (document == NULL)
    return;
  dialog = cocrea_criteria_dialog_new (document, &error);
  if (dialog == NULL)
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Read the Criteria"), error);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Merge scores: file, plan, review, apply. */

/* The Merge Scores dialog's plan and the user's choices on its conflicts
 * (CocreaConflictItem, in the order of plan->conflicts). */
typedef struct {
  CocreaMergeScoresPlan *plan;
  GListStore *conflicts;
} MergeDialog;

static void
merge_dialog_free (gpointer data)
{
  MergeDialog *state = data;

  g_clear_pointer (&state->plan, cocrea_merge_scores_plan_free);
  g_clear_object (&state->conflicts);
  g_free (state);
}

static void
merge_response_cb (CocreaPage *page, const char *response, gpointer data)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (page);
  MergeDialog *state = data;
  CocreaDocument *document = cocrea_page_get_document (page);
  CocreaMergeScoresPlan *plan = state->plan;
  g_autoptr (GError) error = NULL;
  guint n_written = 0;

  if (g_strcmp0 (response, "merge") != 0 || document == NULL)
    return;

  /* Ours wherever the user did not take theirs. */
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      g_autoptr (CocreaConflictItem) conflict =
        g_list_model_get_item (G_LIST_MODEL (state->conflicts), i);

      g_array_index (plan->conflicts, CocreaScoreChange, i).resolution =
        cocrea_conflict_item_get_take_theirs (conflict) ? COCREA_MERGE_TAKE_THEIRS
                                                        : COCREA_MERGE_KEEP_OURS;
    }

  if (!cocrea_merge_scores_apply (document, plan, &n_written, &error))
    cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Merge the Scores"), error);
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u score merged", "%u scores merged",
                                                         n_written), n_written);
      cocrea_page_add_toast (COCREA_PAGE (self), text);
    }
}

/**
 * cocrea_viability_page_merge_from:
 * Reads the scores of the process file at @path and, when there is
 * anything to bring in, asks which side wins each conflict (ours unless
 * the user says otherwise) before writing. A file of another process is
 * refused with the core's message.
 */
void
cocrea_viability_page_merge_from (CocreaViabilityPage *self, const char *path)
{
  CocreaDocument *document;
  g_autoptr (CocreaMergeScoresPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  GtkListItemFactory *factory;
  MergeDialog *state;
  GtkWidget *dialog, *box, *scroller, *list;

  g_return_if_fail (COCREA_IS_VIABILITY_PAGE (self));

  document = cocrea_page_get_document (COCREA_PAGE (self));
  if (document == NULL)
    return;

  plan = cocrea_merge_scores_plan (document, path, &error);
  if (plan == NULL)
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Merge Scores"), error);
      return;
    }

  if (plan->new_scores->len == 0 && plan->conflicts->len == 0)
    {
      cocrea_page_add_toast (COCREA_PAGE (self),
                             _("Nothing to merge: this process already has all those scores"));
      return;
    }

  g_string_append_printf (body, ngettext ("%u new score will be added.", "%u new scores will be added.",
                                          plan->new_scores->len), plan->new_scores->len);
  if (plan->conflicts->len > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, ngettext ("%u score differs from this file: choose which to keep.",
                                              "%u scores differ from this file: choose which to keep.",
                                              plan->conflicts->len), plan->conflicts->len);
    }
  for (guint i = 0; i < plan->skipped->len; i++)
    g_string_append_printf (body, "\n%s", (const char *) plan->skipped->pdata[i]);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Merge Scores?"), body->str);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  state = g_new0 (MergeDialog, 1);
  state->conflicts = g_list_store_new (COCREA_TYPE_CONFLICT_ITEM);
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      g_autoptr (CocreaConflictItem) conflict =
        cocrea_conflict_item_new (&g_array_index (plan->conflicts, CocreaScoreChange, i));

      g_list_store_append (state->conflicts, conflict);
    }

  if (plan->conflicts->len > 0)
    {
      factory = cocrea_item_widget_factory_new (COCREA_TYPE_CONFLICT_ROW, FALSE, NULL, NULL);
      list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                  G_LIST_MODEL (g_object_ref (state->conflicts)))),
                                factory);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Conflicting scores"), -1);
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      gtk_box_append (GTK_BOX (box), scroller);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  state->plan = g_steal_pointer (&plan);
  cocrea_page_connect_response (COCREA_PAGE (self), ADW_MESSAGE_DIALOG (dialog), merge_response_cb,
                                state, merge_dialog_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_file_chosen_cb (GtkNativeDialog *chooser, int response, CocreaViabilityPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cocrea_viability_page_merge_from (self, path);
    }
  g_object_unref (chooser);
}

static void
merge_scores_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Merge Scores from Another File"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Cocrea processes"));
  gtk_file_filter_add_pattern (filter, "*.cocrea");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (merge_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cocrea_viability_page_dispose (GObject *object)
{
  CocreaViabilityPage *self = COCREA_VIABILITY_PAGE (object);

  if (self->aggregate_view != NULL)
    gtk_column_view_set_model (self->aggregate_view, NULL);
  g_clear_pointer (&self->ranking, cocrea_ranking_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_VIABILITY_PAGE);
  g_clear_object (&self->evaluators);
  g_clear_pointer (&self->columns_key, g_free);

  G_OBJECT_CLASS (cocrea_viability_page_parent_class)->dispose (object);
}

static void
cocrea_viability_page_class_init (CocreaViabilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_viability_page_dispose;
  page_class->reload = cocrea_viability_page_reload;

  g_type_ensure (COCREA_TYPE_SCORE_MATRIX);
  g_type_ensure (COCREA_TYPE_CHART_VIEW);
  g_type_ensure (COCREA_TYPE_AGGREGATE_CELL);
  g_type_ensure (COCREA_TYPE_CONFLICT_ROW);

  gtk_widget_class_install_action (widget_class, "viability.add-evaluator", NULL, add_evaluator_action);
  gtk_widget_class_install_action (widget_class, "viability.rename-evaluator", NULL,
                                   rename_evaluator_action);
  gtk_widget_class_install_action (widget_class, "viability.delete-evaluator", NULL,
                                   delete_evaluator_action);
  gtk_widget_class_install_action (widget_class, "viability.edit-criteria", NULL, edit_criteria_action);
  gtk_widget_class_install_action (widget_class, "viability.merge-scores", NULL, merge_scores_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-viability-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaViabilityPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaViabilityPage, evaluator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CocreaViabilityPage, matrix);
  gtk_widget_class_bind_template_child (widget_class, CocreaViabilityPage, aggregate_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaViabilityPage, chart_view);
}

static void
cocrea_viability_page_init (CocreaViabilityPage *self)
{
  g_autoptr (GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  name = gtk_property_expression_new (COCREA_TYPE_EVALUATOR, NULL, "name");
  gtk_drop_down_set_expression (self->evaluator_dropdown, name);
  g_signal_connect_object (self->evaluator_dropdown, "notify::selected",
                           G_CALLBACK (evaluator_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evaluator_dropdown, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  /* Proposal titles wrap in what the criteria leave, so the Overall
   * column stays in view. */
  cocrea_column_fit (self->aggregate_view, 100);
  update_actions (self);
}
