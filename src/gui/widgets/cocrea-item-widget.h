/* cocrea-item-widget.h — a widget showing one item of a list model: rows and cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COCREA_TYPE_ITEM_WIDGET (cocrea_item_widget_get_type ())
G_DECLARE_DERIVABLE_TYPE (CocreaItemWidget, cocrea_item_widget, COCREA, ITEM_WIDGET, GtkWidget)

struct _CocreaItemWidgetClass
{
  GtkWidgetClass parent_class;

  /* The item changed to @item, never %NULL: show what the template's
   * bindings cannot (words around a value, CSS classes, accessible
   * names, action targets). */
  void (*show_item) (CocreaItemWidget *self,
                     gpointer          item);
};

gpointer            cocrea_item_widget_get_item    (CocreaItemWidget *self);
void                cocrea_item_widget_set_item    (CocreaItemWidget *self,
                                                    gpointer          item);

GtkListItemFactory *cocrea_item_widget_factory_new (GType             type,
                                                    gboolean          activatable,
                                                    const char       *property,
                                                    const char       *value);

G_END_DECLS
