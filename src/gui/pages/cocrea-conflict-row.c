/* cocrea-conflict-row.c — a conflict of the Merge Scores dialog, with its choice
 *
 * The item is a CocreaConflictItem: its text comes through the template,
 * and the dropdown (keep ours, take theirs) shows and sets its choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-conflict-item.h"
#include "cocrea-conflict-row.h"

struct _CocreaConflictRow
{
  CocreaItemWidget parent_instance;

  gboolean showing; /* the dropdown follows the item: no choice made */

  /* template children */
  GtkDropDown *choice;
};

G_DEFINE_FINAL_TYPE (CocreaConflictRow, cocrea_conflict_row, COCREA_TYPE_ITEM_WIDGET)

/* Row 0 keeps ours, row 1 takes theirs. */
static void
choice_changed_cb (CocreaConflictRow *self)
{
  CocreaConflictItem *item = cocrea_item_widget_get_item (COCREA_ITEM_WIDGET (self));

  if (item != NULL && !self->showing)
    cocrea_conflict_item_set_take_theirs (item, gtk_drop_down_get_selected (self->choice) == 1);
}

static void
cocrea_conflict_row_show_item (CocreaItemWidget *widget, gpointer data)
{
  CocreaConflictRow *self = COCREA_CONFLICT_ROW (widget);
  CocreaConflictItem *item = COCREA_CONFLICT_ITEM (data);

  self->showing = TRUE;
  gtk_drop_down_set_selected (self->choice, cocrea_conflict_item_get_take_theirs (item) ? 1 : 0);
  self->showing = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cocrea_conflict_item_get_choice_name (item), -1);
}

static void
cocrea_conflict_row_class_init (CocreaConflictRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_conflict_row_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaConflictRow, choice);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  /* What a screen reader met here when the row was a plain box. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_conflict_row_init (CocreaConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
