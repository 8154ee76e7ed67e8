/* cocrea-prioritise-page.c — rank the proposals and shortlist them
 *
 * Proposals ranked by mentions, link to the OGP axes and contribution to
 * inclusion (and, in a process with a Decidim phase, the supports given
 * online), each with a weight. The ranking is recomputed in memory as a
 * weight moves (the core's prioritisation is a pure function of the
 * loaded data), and every proposal whose rank differs from the ranking
 * under equal weights shows by how much: that is the sensitivity the
 * facilitators discuss.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-chart-view.h"
#include "cocrea-process-charts.h"
#include "cocrea-decision-dialog.h"
#include "cocrea-priority-item.h"
#include "cocrea-prioritise-page.h"
#include "cocrea-rank-cell.h"
#include "cocrea-ranking.h"
#include "cocrea-selection.h"
#include "cocrea-shortlist-cell.h"

struct _CocreaPrioritisePage
{
  CocreaPage parent_instance;

  CocreaRankingData *data;
  guint *rank;        /* per proposal, under the current weights */
  guint *base_rank;   /* per proposal, under equal weights */
  double *scores;     /* per proposal, under the current weights */
  guint n_changed;
  GListStore *rows; /* CocreaPriorityItem, by rank */

  /* The weights are kept in the file once the scales rest (see
   * weights_changed_cb), in the document they were set for. */
  CocreaDocument *weights_document;
  guint save_id;
  gboolean loading_weights;

  /* template children */
  GtkLabel *error_label;
  GtkAdjustment *mentions_adjustment;
  GtkAdjustment *axes_adjustment;
  GtkAdjustment *inclusion_adjustment;
  GtkAdjustment *supports_adjustment;
  GtkWidget *supports_label;
  GtkWidget *supports_scale;
  GtkWidget *supports_hint;
  GtkLabel *changes_label;
  GtkColumnView *ranking_view;
  CocreaChartView *chart_view;
};

G_DEFINE_FINAL_TYPE (CocreaPrioritisePage, cocrea_prioritise_page, COCREA_TYPE_PAGE)

/* How many mentions the chart shows. */
#define CHART_TOP_N 18

/* Dragging a scale makes dozens of values a second: the weights are kept
 * once it has rested this long, as one edit in the audit log. */
#define SAVE_WEIGHTS_DELAY_MS 600

/* How many proposals rank differently than under equal weights. */
guint
cocrea_prioritise_page_count_changed (CocreaPrioritisePage *self)
{
  g_return_val_if_fail (COCREA_IS_PRIORITISE_PAGE (self), 0);
  return self->n_changed;
}

static void
get_weights (CocreaPrioritisePage *self, CocreaPriorityWeights *weights)
{
  weights->mentions = gtk_adjustment_get_value (self->mentions_adjustment);
  weights->axes = gtk_adjustment_get_value (self->axes_adjustment);
  weights->inclusion = gtk_adjustment_get_value (self->inclusion_adjustment);
  weights->supports = gtk_adjustment_get_value (self->supports_adjustment);
}

/* The weight of supports online is offered where there are any (a process
 * with a Decidim phase), or where one was set. */
static void
update_supports_visible (CocreaPrioritisePage *self)
{
  gboolean visible = gtk_adjustment_get_value (self->supports_adjustment) > 0;

  for (guint i = 0; self->data != NULL && !visible && i < self->data->proposals->len; i++)
    visible = g_array_index (self->data->proposals, CocreaRankProposal, i).supports > 0;
  gtk_widget_set_visible (self->supports_label, visible);
  gtk_widget_set_visible (self->supports_scale, visible);
  gtk_widget_set_visible (self->supports_hint, visible);
}

static int
compare_by_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const guint *rank = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (rank[x] != rank[y])
    return rank[x] < rank[y] ? -1 : 1;
  return (x > y) - (x < y);
}

/* Ranks again under the weights shown, and lists the proposals in the
 * new order. Cheap: no file access. */
static void
rerank (CocreaPrioritisePage *self)
{
  CocreaPriorityWeights weights, equal;
  g_autoptr (GArray) changes = NULL;
  g_autoptr (GArray) order = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->scores, g_free);
  self->n_changed = 0;

  if (self->data == NULL)
    {
      g_list_store_remove_all (self->rows);
      gtk_label_set_text (self->changes_label, "");
      return;
    }

  n = self->data->proposals->len;
  get_weights (self, &weights);
  cocrea_priority_weights_init_default (&equal);
  self->rank = cocrea_priority_rank (self->data, &weights, &self->scores);
  changes = cocrea_priority_changes (self->data, &equal, &weights);
  self->n_changed = changes->len;

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_by_rank, self->rank);
  for (guint i = 0; i < n; i++)
    {
      guint p = g_array_index (order, guint, i);

      g_ptr_array_add (items, cocrea_priority_item_new (&g_array_index (self->data->proposals,
                                                                       CocreaRankProposal, p),
                                                        self->rank[p], self->base_rank[p],
                                                        self->scores[p]));
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  if (changes->len == 0)
    gtk_label_set_text (self->changes_label,
                        _("The ranking is the same as with equal weights."));
  else
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u proposal ranks differently than with equal weights (arrows show how).",
                                   "%u proposals rank differently than with equal weights (arrows show how).",
                                   changes->len), changes->len);
      gtk_label_set_text (self->changes_label, text);
    }
}

/* Keeps the weights shown in the document they were set for, now. With
 * @report, a failure is shown; a page being destroyed can only log it. */
static void
save_weights (CocreaPrioritisePage *self, gboolean report)
{
  g_autoptr (CocreaDocument) document = g_steal_pointer (&self->weights_document);
  g_autoptr (GError) error = NULL;
  CocreaPriorityWeights weights;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (document == NULL)
    return;

  get_weights (self, &weights);
  if (cocrea_priority_weights_save (document, &weights, &error))
    return;
  if (report)
    cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Keep the Weights"), error);
  else
    g_warning ("The prioritisation weights were not kept: %s", error->message);
}

static gboolean
save_weights_cb (gpointer data)
{
  CocreaPrioritisePage *self = data;

  self->save_id = 0;
  save_weights (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* A scale moved: rank again at once, keep the weights once it rests. */
static void
weights_changed_cb (CocreaPrioritisePage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));

  rerank (self);
  if (self->loading_weights || !cocrea_page_is_writable (COCREA_PAGE (self)))
    return;

  g_set_object (&self->weights_document, document);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_WEIGHTS_DELAY_MS, save_weights_cb, self);
}

/**
 * cocrea_prioritise_page_set_weights:
 * Sets the weights, as the scales do, and ranks again. They are kept in
 * the file a moment later, as after a move of the scales.
 */
void
cocrea_prioritise_page_set_weights (CocreaPrioritisePage *self, double mentions, double axes,
                                    double inclusion, double supports)
{
  g_return_if_fail (COCREA_IS_PRIORITISE_PAGE (self));

  gtk_adjustment_set_value (self->mentions_adjustment, mentions);
  gtk_adjustment_set_value (self->axes_adjustment, axes);
  gtk_adjustment_set_value (self->inclusion_adjustment, inclusion);
  gtk_adjustment_set_value (self->supports_adjustment, supports);
  update_supports_visible (self);
  rerank (self);
}

/* Leaving the page, or the window closing: keep what is pending now,
 * while everything is still alive. */
static void
cocrea_prioritise_page_unmap (GtkWidget *widget)
{
  CocreaPrioritisePage *self = COCREA_PRIORITISE_PAGE (widget);

  if (self->save_id != 0)
    save_weights (self, TRUE);
  GTK_WIDGET_CLASS (cocrea_prioritise_page_parent_class)->unmap (widget);
}

/* Another process: keep the weights still pending for the one before,
 * then show the new one's kept weights. */
static void
cocrea_prioritise_page_document_set (CocreaPage *page)
{
  CocreaPrioritisePage *self = COCREA_PRIORITISE_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  CocreaPriorityWeights weights;
  g_autoptr (GError) error = NULL;

  save_weights (self, TRUE);

  cocrea_priority_weights_init_default (&weights);
  /* A file opened read-only at an older version has no kept weights. */
  if (document != NULL && !cocrea_priority_weights_load (document, &weights, &error))
    g_debug ("No prioritisation weights kept: %s", error->message);

  self->loading_weights = TRUE;
  cocrea_prioritise_page_set_weights (self, weights.mentions, weights.axes, weights.inclusion,
                                      weights.supports);
  self->loading_weights = FALSE;
}

/* Merges, tallies and decisions elsewhere change mentions and status. */
static void
cocrea_prioritise_page_reload (CocreaPage *page)
{
  CocreaPrioritisePage *self = COCREA_PRIORITISE_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaChart) chart = NULL;
  CocreaPriorityWeights equal;

  g_clear_pointer (&self->data, cocrea_ranking_data_unref);
  g_clear_pointer (&self->base_rank, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (document != NULL)
    {
      self->data = cocrea_ranking_data_load (document, &error);
      if (self->data == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not read the proposals: %s"), error->message);
          gtk_label_set_text (self->error_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      else
        {
          cocrea_priority_weights_init_default (&equal);
          self->base_rank = cocrea_priority_rank (self->data, &equal, NULL);
          chart = cocrea_chart_new_mentions (self->data, CHART_TOP_N);
        }
    }

  cocrea_chart_view_set_chart (self->chart_view, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_view), chart != NULL);
  update_supports_visible (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prioritise.shortlist",
                                 cocrea_page_is_writable (page));
  rerank (self);
}

static void
shortlist_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CocreaPrioritisePage *self = COCREA_PRIORITISE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  int p;

  if (self->data == NULL || (p = cocrea_ranking_data_find_proposal (self->data, id)) < 0)
    return;
  cocrea_decision_dialog_present (widget, cocrea_page_get_document (COCREA_PAGE (self)), id,
                                  g_array_index (self->data->proposals, CocreaRankProposal, p).title,
                                  FALSE, COCREA_DECISION_SHORTLISTED);
}

static void
reset_weights_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CocreaPriorityWeights equal;

  cocrea_priority_weights_init_default (&equal);
  cocrea_prioritise_page_set_weights (COCREA_PRIORITISE_PAGE (widget), equal.mentions, equal.axes,
                                      equal.inclusion, equal.supports);
}

static void
cocrea_prioritise_page_dispose (GObject *object)
{
  CocreaPrioritisePage *self = COCREA_PRIORITISE_PAGE (object);

  /* Normally kept on unmap already; this is the last chance. */
  save_weights (self, FALSE);
  if (self->ranking_view != NULL)
    gtk_column_view_set_model (self->ranking_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PRIORITISE_PAGE);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->data, cocrea_ranking_data_unref);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->base_rank, g_free);
  g_clear_pointer (&self->scores, g_free);

  G_OBJECT_CLASS (cocrea_prioritise_page_parent_class)->dispose (object);
}

static void
cocrea_prioritise_page_class_init (CocreaPrioritisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_prioritise_page_dispose;
  page_class->reload = cocrea_prioritise_page_reload;
  page_class->document_set = cocrea_prioritise_page_document_set;
  widget_class->unmap = cocrea_prioritise_page_unmap;

  g_type_ensure (COCREA_TYPE_CHART_VIEW);
  g_type_ensure (COCREA_TYPE_PRIORITY_ITEM);
  g_type_ensure (COCREA_TYPE_RANK_CELL);
  g_type_ensure (COCREA_TYPE_SHORTLIST_CELL);

  gtk_widget_class_install_action (widget_class, "prioritise.shortlist", "x", shortlist_action);
  gtk_widget_class_install_action (widget_class, "prioritise.reset-weights", NULL,
                                   reset_weights_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-prioritise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, mentions_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, axes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, inclusion_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, supports_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, supports_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, supports_scale);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, supports_hint);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, changes_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, ranking_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrioritisePage, chart_view);
}

static void
cocrea_prioritise_page_init (CocreaPrioritisePage *self)
{
  g_autoptr (GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (COCREA_TYPE_PRIORITY_ITEM);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows))));
  gtk_column_view_set_model (self->ranking_view, selection);

  /* Live: every move of a scale re-ranks. */
  g_signal_connect_object (self->mentions_adjustment, "value-changed",
                           G_CALLBACK (weights_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->axes_adjustment, "value-changed",
                           G_CALLBACK (weights_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inclusion_adjustment, "value-changed",
                           G_CALLBACK (weights_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->supports_adjustment, "value-changed",
                           G_CALLBACK (weights_changed_cb), self, G_CONNECT_SWAPPED);
}
