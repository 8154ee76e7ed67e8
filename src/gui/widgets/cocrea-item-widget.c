/* cocrea-item-widget.c — a widget showing one item of a list model: rows and cells
 *
 * The rows and cells of Cocrea's lists are small template classes derived
 * from this one. A list's GtkBuilderListItemFactory binds the list item's
 * item to the "item" property; the subclass's template binds its labels
 * to the item's properties (<lookup name="item">CocreaFooRow</lookup>),
 * and its show_item() does the rest in C. So a row knows its item through
 * a property, and no widget needs a tag to be found again.
 *
 * The base class also lets go of the template when the widget goes, so a
 * subclass needs no dispose of its own unless it holds more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-item-widget.h"

typedef struct
{
  GObject *item;
} CocreaItemWidgetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CocreaItemWidget, cocrea_item_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The item shown, or %NULL. */
gpointer
cocrea_item_widget_get_item (CocreaItemWidget *self)
{
  CocreaItemWidgetPrivate *priv;

  g_return_val_if_fail (COCREA_IS_ITEM_WIDGET (self), NULL);
  priv = cocrea_item_widget_get_instance_private (self);

  return priv->item;
}

/**
 * cocrea_item_widget_set_item:
 * Shows @item, a GObject, or nothing with %NULL (a row the list view has
 * let go of: what it showed stays until the next item).
 */
void
cocrea_item_widget_set_item (CocreaItemWidget *self, gpointer item)
{
  CocreaItemWidgetPrivate *priv;
  CocreaItemWidgetClass *klass;

  g_return_if_fail (COCREA_IS_ITEM_WIDGET (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));
  priv = cocrea_item_widget_get_instance_private (self);

  if (!g_set_object (&priv->item, item))
    return;
  klass = COCREA_ITEM_WIDGET_GET_CLASS (self);
  if (item != NULL && klass->show_item != NULL)
    klass->show_item (self, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * cocrea_item_widget_factory_new:
 * A GtkBuilderListItemFactory making a @type (a CocreaItemWidget) for each
 * list item, bound to its item, with @property set to @value (as a .ui
 * file writes it) unless @property is %NULL. For lists whose columns are
 * made as the data comes (one per criterion); a list known beforehand
 * writes its factory in its template.
 */
GtkListItemFactory *
cocrea_item_widget_factory_new (GType type, gboolean activatable, const char *property,
                                const char *value)
{
  g_autofree char *escaped = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *xml = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (g_type_is_a (type, COCREA_TYPE_ITEM_WIDGET), NULL);
  g_return_val_if_fail (property == NULL || value != NULL, NULL);

  if (property != NULL)
    {
      escaped = g_markup_escape_text (value, -1);
      setting = g_strdup_printf ("<property name=\"%s\">%s</property>", property, escaped);
    }
  xml = g_strdup_printf ("<interface>"
                         "<template class=\"GtkListItem\">"
                         "<property name=\"activatable\">%s</property>"
                         "<property name=\"child\">"
                         "<object class=\"%s\">%s"
                         "<binding name=\"item\"><lookup name=\"item\">GtkListItem</lookup></binding>"
                         "</object>"
                         "</property>"
                         "</template>"
                         "</interface>",
                         activatable ? "True" : "False", g_type_name (type),
                         setting != NULL ? setting : "");
  length = strlen (xml);
  bytes = g_bytes_new_take (g_steal_pointer (&xml), length);
  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

static void
cocrea_item_widget_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaItemWidget *self = COCREA_ITEM_WIDGET (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, cocrea_item_widget_get_item (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_item_widget_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  CocreaItemWidget *self = COCREA_ITEM_WIDGET (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      cocrea_item_widget_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_item_widget_dispose (GObject *object)
{
  CocreaItemWidget *self = COCREA_ITEM_WIDGET (object);
  CocreaItemWidgetPrivate *priv = cocrea_item_widget_get_instance_private (self);
  GtkWidget *child;

  /* The template is the final class's. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  /* Unbound children of the template go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->item);

  G_OBJECT_CLASS (cocrea_item_widget_parent_class)->dispose (object);
}

static void
cocrea_item_widget_class_init (CocreaItemWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_item_widget_dispose;
  object_class->get_property = cocrea_item_widget_get_property;
  object_class->set_property = cocrea_item_widget_set_property;

  /**
   * CocreaItemWidget:item:
   * The item of the list model shown, or %NULL.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One child filling the widget, unless the template sets another
   * layout (a GtkBoxLayout for a row of several). */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The subclass's init calls gtk_widget_init_template(): here the instance
 * is not yet of the class that has the template. */
static void
cocrea_item_widget_init (CocreaItemWidget *self)
{
}
