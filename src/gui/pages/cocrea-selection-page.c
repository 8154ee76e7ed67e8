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

#include "cocrea-decision-dialog.h"
#include "cocrea-proposal.h"
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

enum {
  COLUMN_TITLE,
  COLUMN_ORIGIN,
  COLUMN_DECISION,
  COLUMN_REASON,
  COLUMN_DECIDE,
};

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

static gboolean
not_merged (gpointer item, gpointer user_data)
{
  return cocrea_proposal_get_merged_into_id (item) == 0;
}

/* Decisions come from this page, the Prioritise page and the command line. */
static void
cocrea_selection_page_reload (CocreaPage *page)
{
  CocreaSelectionPage *self = COCREA_SELECTION_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (GListModel) proposals = NULL;
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autoptr (GError) error = NULL;
  CocreaSelectionSummary summary = { 0 };
  GtkFilter *filter;
  GListModel *visible;

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
  /* Proposals merged into another are decided through that one. */
  filter = GTK_FILTER (gtk_custom_filter_new (not_merged, NULL, NULL));
  visible = G_LIST_MODEL (gtk_filter_list_model_new (g_steal_pointer (&proposals), filter));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (visible));
  gtk_column_view_set_model (self->decisions_view, selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "selection.decide",
                                 !cocrea_document_is_read_only (document));
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *widget;

  if (column == COLUMN_DECIDE)
    {
      widget = gtk_button_new_with_mnemonic (_("Decide…"));
      gtk_widget_add_css_class (widget, "flat");
    }
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0);
      if (column == COLUMN_TITLE || column == COLUMN_REASON)
        {
          gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
          gtk_label_set_width_chars (GTK_LABEL (widget), column == COLUMN_TITLE ? 26 : 30);
          gtk_label_set_max_width_chars (GTK_LABEL (widget), 44);
        }
      if (column == COLUMN_DECISION)
        gtk_widget_add_css_class (widget, "decision");
    }
  gtk_list_item_set_child (list_item, widget);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static const char *decision_classes[] = { "not-shortlisted", "shortlisted", "selected", "not-selected" };

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CocreaSelectionPage *self = g_object_get_data (G_OBJECT (factory), "page");
  int column = GPOINTER_TO_INT (user_data);
  CocreaProposal *proposal = gtk_list_item_get_item (list_item);
  GtkWidget *widget = gtk_list_item_get_child (list_item);
  g_autofree char *reason = NULL;
  gboolean decided = FALSE;
  CocreaDecision decision = COCREA_DECISION_NOT_SHORTLISTED;

  if (column == COLUMN_DECISION || column == COLUMN_REASON)
    cocrea_selection_get_decision (cocrea_page_get_document (COCREA_PAGE (self)),
                                   cocrea_proposal_get_id (proposal), &decided,
                                   &decision, &reason, NULL);

  switch (column)
    {
    case COLUMN_TITLE:
      gtk_label_set_text (GTK_LABEL (widget), cocrea_proposal_get_title (proposal));
      break;
    case COLUMN_ORIGIN:
      gtk_label_set_text (GTK_LABEL (widget), cocrea_origin_label (cocrea_proposal_get_origin (proposal)));
      break;
    case COLUMN_DECISION:
      for (guint i = 0; i < G_N_ELEMENTS (decision_classes); i++)
        gtk_widget_remove_css_class (widget, decision_classes[i]);
      gtk_widget_remove_css_class (widget, "undecided");
      gtk_label_set_text (GTK_LABEL (widget), decided ? cocrea_decision_label (decision) : _("Undecided"));
      gtk_widget_add_css_class (widget, decided ? decision_classes[decision] : "undecided");
      break;
    case COLUMN_REASON:
      gtk_label_set_text (GTK_LABEL (widget), reason != NULL ? reason : "");
      break;
    case COLUMN_DECIDE:
      {
        /* TRANSLATORS: accessible name of a row's button: "Decide on Open data portal" */
        g_autofree char *name = g_strdup_printf (_("Decide on %s"), cocrea_proposal_get_title (proposal));

        gtk_actionable_set_action_target (GTK_ACTIONABLE (widget), "x", cocrea_proposal_get_id (proposal));
        /* The target first: an action with a parameter refuses a button without one. */
        gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "selection.decide");
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (CocreaSelectionPage *self, const char *title, int column, gboolean expand)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->decisions_view, view_column);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-selection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, municipal_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, community_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, total_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, undecided_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaSelectionPage, decisions_view);
}

static void
cocrea_selection_page_init (CocreaSelectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, _("Proposal"), COLUMN_TITLE, TRUE);
  add_column (self, _("Origin"), COLUMN_ORIGIN, FALSE);
  add_column (self, _("Decision"), COLUMN_DECISION, FALSE);
  add_column (self, _("Reason"), COLUMN_REASON, TRUE);
  add_column (self, "", COLUMN_DECIDE, FALSE);
}
