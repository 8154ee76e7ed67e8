/* cocrea-selection-page.c — the final commitments, under the quotas, with reasons
 *
 * The quotas on top (selected against each quota), then every proposal
 * with its decision and reason: the OGP reasoned response. Decisions are
 * made in the decision dialog, which requires a reason and offers to
 * break a quota only after showing the core's refusal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-decide-cell.h"
#include "cocrea-decision-dialog.h"
#include "cocrea-proposal.h"
#include "cocrea-selection-item.h"
#include "cocrea-selection-page.h"
#include "cocrea-selection.h"

struct _CocreaSelectionPage
{
  CocreaPage parent_instance;

  /* template children */
  GtkLabel *error_label;
  GtkLabel *municipal_value;
  GtkLabel *community_value;
  GtkLabel *total_value;
  GtkLabel *undecided_label;
  GtkColumnView *decisions_view;
};

G_DEFINE_FINAL_TYPE (CocreaSelectionPage, cocrea_selection_page, COCREA_TYPE_PAGE)

static void
show_error (CocreaSelectionPage *self, const GError *error)
{
  g_autofree char *text = g_strdup_printf (_("Could not read the decisions: %s"), error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* "2 / 2", with a sentence for screen readers and a warning style when a
 * quota is exceeded (possible only when forced). */
static void
set_quota (GtkLabel *label, const char *caption, int selected, int quota)
{
  g_autofree char *text = g_strdup_printf ("%d / %d", selected, quota);
  g_autofree char *description =
    /* TRANSLATORS: "Municipal: 2 selected of a quota of 2" */
    g_strdup_printf (_("%s: %d selected of a quota of %d"), caption, selected, quota);

  gtk_label_set_text (label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "quota-over");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "quota-full");
  if (selected > quota)
    gtk_widget_add_css_class (GTK_WIDGET (label), "quota-over");
  else if (selected == quota)
    gtk_widget_add_css_class (GTK_WIDGET (label), "quota-full");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* A decision's label: "decision" and the decision's own style. */
static GStrv
decision_classes (gpointer unused, const char *style)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "decision");
  if (style != NULL)
    g_strv_builder_add (builder, style);
  return g_strv_builder_end (builder);
}

/* Decisions come from this page, the Prioritise page and the command line. */
static void
cocrea_selection_page_reload (CocreaPage *page)
{
  CocreaSelectionPage *self = COCREA_SELECTION_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (GListModel) proposals = NULL;
  g_autoptr (GListStore) rows = NULL;
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autoptr (GError) error = NULL;
  CocreaSelectionSummary summary = { 0 };

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_column_view_set_model (self->decisions_view, NULL);
  if (document == NULL)
    return;

  if (!cocrea_selection_get_summary (document, &summary, &error))
    {
      show_error (self, error);
      return;
    }
  set_quota (self->municipal_value, _("Municipal"), summary.selected_municipal, summary.quota_municipal);
  set_quota (self->community_value, _("Community"), summary.selected_community, summary.quota_community);
  set_quota (self->total_value, _("Total"), summary.selected, summary.quota_total);
  if (summary.undecided > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%d proposal has no decision yet.",
                                                         "%d proposals have no decision yet.",
                                                         summary.undecided),
                                               summary.undecided);
      gtk_label_set_text (self->undecided_label, text);
    }
  else
    gtk_label_set_text (self->undecided_label, _("Every proposal has a decision and a reason."));

  proposals = cocrea_proposal_list (document, &error);
  if (proposals == NULL)
    {
      show_error (self, error);
      return;
    }
  rows = g_list_store_new (COCREA_TYPE_SELECTION_ITEM);
  for (guint i = 0, n = g_list_model_get_n_items (proposals); i < n; i++)
    {
      g_autoptr (CocreaProposal) proposal = g_list_model_get_item (proposals, i);
      g_autoptr (CocreaSelectionItem) row = NULL;

      /* Proposals merged into another are decided through that one. */
      if (cocrea_proposal_get_merged_into_id (proposal) != 0)
        continue;
      row = cocrea_selection_item_new (document, proposal);
      g_list_store_append (rows, row);
    }
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows))));
  gtk_column_view_set_model (self->decisions_view, selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "selection.decide",
                                 !cocrea_document_is_read_only (document));
}

static void
decide_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CocreaSelectionPage *self = COCREA_SELECTION_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr (CocreaProposal) proposal = NULL;
  g_autoptr (GError) error = NULL;
  gboolean decided = FALSE;
  CocreaDecision decision = COCREA_DECISION_SELECTED;

  if (document == NULL)
    return;
  proposal = cocrea_proposal_lookup (document, id, &error);
  if (proposal == NULL)
    {
      show_error (self, error);
      return;
    }
  cocrea_selection_get_decision (document, id, &decided, &decision, NULL, NULL);
  cocrea_decision_dialog_present (widget, document, id, cocrea_proposal_get_title (proposal),
                                  TRUE, decided ? decision : COCREA_DECISION_SELECTED);
}

static void
cocrea_selection_page_dispose (GObject *object)
{
  CocreaSelectionPage *self = COCREA_SELECTION_PAGE (object);

  if (self->decisions_view != NULL)
    gtk_column_view_set_model (self->decisions_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_SELECTION_PAGE);

  G_OBJECT_CLASS (cocrea_selection_page_parent_class)->dispose (object);
}

static void
cocrea_selection_page_class_init (CocreaSelectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_selection_page_dispose;
  page_class->reload = cocrea_selection_page_reload;

  gtk_widget_class_install_action (widget_class, "selection.decide", "x", decide_action);

  g_type_ensure (COCREA_TYPE_SELECTION_ITEM);
  g_type_ensure (COCREA_TYPE_DECIDE_CELL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-selection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, municipal_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, community_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, total_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, undecided_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, decisions_view);
  gtk_widget_class_bind_template_callback (widget_class, decision_classes);
}

static void
cocrea_selection_page_init (CocreaSelectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
