/* cocrea-plenary-row.c — one proposal of the tally, as the projector shows it
 *
 * Its place in the tally (1, 2, …), the title wrapped in full, and a bar
 * as long as its contributions against the most mentioned proposal's,
 * with the counts in words beside it: the bar is never the only way the
 * figure is said.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-plenary-row.h"
#include "cocrea-proposal.h"
#include "cocrea-types.h"

struct _CocreaPlenaryRow
{
  CocreaItemWidget parent_instance;

  guint rank;    /* 1 for the most mentioned */
  guint maximum; /* the most mentioned proposal's contributions */
  gboolean selected; /* chosen as a commitment of the plan */

  /* template children */
  GtkLabel *rank_label;
  GtkLabel *title_label;
  GtkProgressBar *bar;
  GtkLabel *count_label;
  GtkLabel *badge_label;
};

G_DEFINE_FINAL_TYPE (CocreaPlenaryRow, cocrea_plenary_row, COCREA_TYPE_ITEM_WIDGET)

/* "12 contributions · 5 groups", as the row says it beside its title; the
 * groups only when some table said it (a staff interview has none). */
static char *
describe_counts (CocreaProposal *proposal)
{
  guint contributions = cocrea_proposal_get_n_contributions (proposal);
  guint groups = cocrea_proposal_get_n_groups (proposal);
  g_autofree char *said = g_strdup_printf (ngettext ("%u contribution", "%u contributions",
                                                     contributions),
                                           contributions);
  g_autofree char *from = NULL;

  if (groups == 0)
    return g_steal_pointer (&said);
  from = g_strdup_printf (ngettext ("%u group", "%u groups", groups), groups);
  /* TRANSLATORS: "12 contributions · 5 groups" beside a proposal on the projector */
  return g_strdup_printf (_("%s · %s"), said, from);
}

static void
cocrea_plenary_row_show_item (CocreaItemWidget *widget, gpointer item)
{
  CocreaPlenaryRow *self = COCREA_PLENARY_ROW (widget);
  CocreaProposal *proposal = COCREA_PROPOSAL (item);
  guint contributions = cocrea_proposal_get_n_contributions (proposal);
  g_autofree char *counts = describe_counts (proposal);
  g_autofree char *rank = g_strdup_printf ("%u", self->rank);
  g_autofree char *name = NULL;

  /* TRANSLATORS: what a screen reader says of a row on the projector:
   * its place, the proposal's title and its counts */
  name = g_strdup_printf (_("%u. %s: %s"), self->rank, cocrea_proposal_get_title (proposal),
                          counts);
  gtk_label_set_text (self->rank_label, rank);
  gtk_label_set_text (self->title_label, cocrea_proposal_get_title (proposal));
  gtk_label_set_text (self->count_label, counts);
  if (self->selected)
    {
      g_autofree char *badge = NULL;

      /* Said in words, not by colour alone: "Selected · Community". */
      badge = g_strdup_printf (_("%s · %s"), _("Selected"),
                               cocrea_origin_label (cocrea_proposal_get_origin (proposal)));
      gtk_label_set_text (self->badge_label, badge);
      g_free (name);
      /* TRANSLATORS: what a screen reader says of a row on the projector:
       * its place, the proposal's title, its counts, and that it was
       * selected ("Selected · Community") */
      name = g_strdup_printf (_("%u. %s: %s; %s"), self->rank,
                              cocrea_proposal_get_title (proposal), counts, badge);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), self->selected);
  gtk_progress_bar_set_fraction (self->bar, self->maximum == 0 ? 0.0
                                            : MIN (1.0, (double) contributions / self->maximum));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  counts, -1);
}

/**
 * cocrea_plenary_row_set_selected:
 * Whether the row's proposal was selected as a commitment: the row says
 * so beside its title, with its origin (the quota it counts in).
 */
void
cocrea_plenary_row_set_selected (CocreaPlenaryRow *self, gboolean selected)
{
  gpointer item;

  g_return_if_fail (COCREA_IS_PLENARY_ROW (self));

  if (self->selected == !!selected)
    return;
  self->selected = !!selected;
  item = cocrea_item_widget_get_item (COCREA_ITEM_WIDGET (self));
  if (item != NULL)
    cocrea_plenary_row_show_item (COCREA_ITEM_WIDGET (self), item);
}

/**
 * cocrea_plenary_row_set_place:
 * The row's @rank in the tally (1 for the first) and the contributions of
 * the most mentioned proposal, which a full bar stands for.
 */
void
cocrea_plenary_row_set_place (CocreaPlenaryRow *self, guint rank, guint maximum)
{
  gpointer item;

  g_return_if_fail (COCREA_IS_PLENARY_ROW (self));

  if (self->rank == rank && self->maximum == maximum)
    return;
  self->rank = rank;
  self->maximum = maximum;
  item = cocrea_item_widget_get_item (COCREA_ITEM_WIDGET (self));
  if (item != NULL)
    cocrea_plenary_row_show_item (COCREA_ITEM_WIDGET (self), item);
}

static void
cocrea_plenary_row_class_init (CocreaPlenaryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_plenary_row_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-plenary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryRow, bar);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryRow, badge_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
cocrea_plenary_row_init (CocreaPlenaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CocreaPlenaryRow *
cocrea_plenary_row_new (void)
{
  return g_object_new (COCREA_TYPE_PLENARY_ROW, NULL);
}
