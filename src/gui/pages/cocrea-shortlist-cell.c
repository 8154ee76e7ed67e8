/* cocrea-shortlist-cell.c — the Shortlist button of a proposal on the Prioritise page
 *
 * The item is a CocreaPriorityItem; the button activates
 * prioritise.shortlist with the proposal's id, and a screen reader hears
 * which proposal it shortlists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-priority-item.h"
#include "cocrea-shortlist-cell.h"

struct _CocreaShortlistCell
{
  CocreaItemWidget parent_instance;

  /* template children */
  GtkButton *button;
  GtkWidget *decided_label;
};

G_DEFINE_FINAL_TYPE (CocreaShortlistCell, cocrea_shortlist_cell, COCREA_TYPE_ITEM_WIDGET)

static void
cocrea_shortlist_cell_show_item (CocreaItemWidget *widget, gpointer data)
{
  CocreaShortlistCell *self = COCREA_SHORTLIST_CELL (widget);
  CocreaPriorityItem *item = COCREA_PRIORITY_ITEM (data);
  g_autofree char *name = NULL;
  CocreaDecision decision = COCREA_DECISION_NOT_SHORTLISTED;
  gboolean decided = cocrea_priority_item_get_decision (item, &decision);
  /* Shortlisted already: the reason can be corrected, not given again.
   * Decided at selection: that is the Selection page's to change. */
  gboolean offered = !decided || decision == COCREA_DECISION_NOT_SHORTLISTED ||
                     decision == COCREA_DECISION_SHORTLISTED;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "x",
                                    cocrea_priority_item_get_id (item));
  gtk_widget_set_visible (GTK_WIDGET (self->button), offered);
  gtk_widget_set_visible (self->decided_label, !offered);
  if (decided && decision == COCREA_DECISION_SHORTLISTED)
    {
      gtk_button_set_label (self->button, _("Edit Reason…"));
      /* TRANSLATORS: accessible name of a row's button: "Edit the reason for shortlisting Open data portal" */
      name = g_strdup_printf (_("Edit the reason for shortlisting %s"),
                              cocrea_priority_item_get_title (item));
    }
  else
    {
      gtk_button_set_label (self->button, _("Shortlist…"));
      /* TRANSLATORS: accessible name of a row's button: "Shortlist Open data portal" */
      name = g_strdup_printf (_("Shortlist %s"), cocrea_priority_item_get_title (item));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

static void
cocrea_shortlist_cell_class_init (CocreaShortlistCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_shortlist_cell_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-shortlist-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaShortlistCell, button);
  gtk_widget_class_bind_template_child (widget_class, CocreaShortlistCell, decided_label);
}

static void
cocrea_shortlist_cell_init (CocreaShortlistCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
