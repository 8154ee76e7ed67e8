/* cocrea-rank-cell.c — a proposal's rank on the Prioritise page, and how it moved
 *
 * The item is a CocreaPriorityItem: its rank, then an arrow up or down
 * by the places it moved from its rank under equal weights (nothing when
 * it did not move), coloured by the "up" and "down" classes. A screen
 * reader hears both in one sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-priority-item.h"
#include "cocrea-rank-cell.h"

struct _CocreaRankCell
{
  CocreaItemWidget parent_instance;

  /* template children */
  GtkLabel *rank_label;
  GtkLabel *change_label;
};

G_DEFINE_FINAL_TYPE (CocreaRankCell, cocrea_rank_cell, COCREA_TYPE_ITEM_WIDGET)

static void
cocrea_rank_cell_show_item (CocreaItemWidget *widget, gpointer data)
{
  CocreaRankCell *self = COCREA_RANK_CELL (widget);
  CocreaPriorityItem *item = COCREA_PRIORITY_ITEM (data);
  GtkWidget *change = GTK_WIDGET (self->change_label);
  guint rank = cocrea_priority_item_get_rank (item);
  int moved = cocrea_priority_item_get_moved (item);
  g_autofree char *rank_text = g_strdup_printf ("%u", rank);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  gtk_label_set_text (self->rank_label, rank_text);
  gtk_widget_remove_css_class (change, "up");
  gtk_widget_remove_css_class (change, "down");
  if (moved > 0)
    {
      text = g_strdup_printf ("↑%d", moved);
      gtk_widget_add_css_class (change, "up");
      /* TRANSLATORS: read by screen readers: "Rank 2, up 3 places" */
      description = g_strdup_printf (ngettext ("Rank %u, up %d place", "Rank %u, up %d places", moved),
                                     rank, moved);
    }
  else if (moved < 0)
    {
      text = g_strdup_printf ("↓%d", -moved);
      gtk_widget_add_css_class (change, "down");
      description = g_strdup_printf (ngettext ("Rank %u, down %d place", "Rank %u, down %d places", -moved),
                                     rank, -moved);
    }
  else
    description = g_strdup_printf (_("Rank %u"), rank);
  gtk_label_set_text (self->change_label, text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
cocrea_rank_cell_class_init (CocreaRankCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_rank_cell_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-rank-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaRankCell, rank_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaRankCell, change_label);
  /* What a screen reader met here when the cell was a plain box. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_rank_cell_init (CocreaRankCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
