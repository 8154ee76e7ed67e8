/* cocrea-decide-cell.c — the Decide button of a proposal on the Selection page
 *
 * The item is a CocreaSelectionItem; the button activates
 * selection.decide with the proposal's id, and a screen reader hears
 * which proposal it decides on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-decide-cell.h"
#include "cocrea-selection-item.h"

struct _CocreaDecideCell
{
  CocreaItemWidget parent_instance;

  /* template children */
  GtkButton *button;
};

G_DEFINE_FINAL_TYPE (CocreaDecideCell, cocrea_decide_cell, COCREA_TYPE_ITEM_WIDGET)

static void
cocrea_decide_cell_show_item (CocreaItemWidget *widget, gpointer data)
{
  CocreaDecideCell *self = COCREA_DECIDE_CELL (widget);
  CocreaSelectionItem *item = COCREA_SELECTION_ITEM (data);
  /* TRANSLATORS: accessible name of a row's button: "Decide on Open data portal" */
  g_autofree char *name = g_strdup_printf (_("Decide on %s"), cocrea_selection_item_get_title (item));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "x",
                                    cocrea_selection_item_get_id (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

static void
cocrea_decide_cell_class_init (CocreaDecideCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_decide_cell_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-decide-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaDecideCell, button);
}

static void
cocrea_decide_cell_init (CocreaDecideCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
