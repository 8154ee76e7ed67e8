/* cocrea-recent-row.c — one row of the start page's recent processes
 *
 * The title comes from the item through the template; what needs words
 * around it (where and when, or why the file cannot be opened, and what
 * a screen reader says) is written here when the item is set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-recent-row.h"

struct _CocreaRecentRow
{
  GtkWidget parent_instance;

  CocreaRecentItem *item;

  /* template children */
  GtkImage *icon;
  GtkLabel *subtitle;
  GtkButton *remove_button;
};

G_DEFINE_FINAL_TYPE (CocreaRecentRow, cocrea_recent_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CocreaRecentItem *
cocrea_recent_row_get_item (CocreaRecentRow *self)
{
  g_return_val_if_fail (COCREA_IS_RECENT_ROW (self), NULL);

  return self->item;
}

/**
 * cocrea_recent_row_set_item:
 * Shows @item, or nothing with %NULL (a row the list view has let go of).
 */
void
cocrea_recent_row_set_item (CocreaRecentRow *self, CocreaRecentItem *item)
{
  g_autofree char *detail = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *row_label = NULL;

  g_return_if_fail (COCREA_IS_RECENT_ROW (self));
  g_return_if_fail (item == NULL || COCREA_IS_RECENT_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  if (item == NULL)
    return;

  if (cocrea_recent_item_get_available (item))
    {
      /* TRANSLATORS: "Renca · changed 26 Oct 2019, 15:04" */
      detail = g_strdup_printf (_("%s · changed %s"), cocrea_recent_item_get_municipality (item),
                                cocrea_recent_item_get_last_change (item));
      gtk_image_set_from_icon_name (self->icon, "x-office-document-symbolic");
    }
  else
    {
      detail = g_strdup_printf (_("Unavailable: %s"), cocrea_recent_item_get_reason (item));
      gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
    }
  gtk_label_set_text (self->subtitle, detail);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button),
                                          g_variant_new_string (cocrea_recent_item_get_path (item)));
  remove_label = g_strdup_printf (_("Remove “%s” from the recent processes"),
                                  cocrea_recent_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);

  row_label = g_strdup_printf ("%s, %s", cocrea_recent_item_get_title (item), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, row_label,
                                  -1);
}

static void
cocrea_recent_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaRecentRow *self = COCREA_RECENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_recent_row_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  CocreaRecentRow *self = COCREA_RECENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      cocrea_recent_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_recent_row_dispose (GObject *object)
{
  CocreaRecentRow *self = COCREA_RECENT_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_RECENT_ROW);
  /* Unbound children of the template go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cocrea_recent_row_parent_class)->dispose (object);
}

static void
cocrea_recent_row_class_init (CocreaRecentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_recent_row_dispose;
  object_class->get_property = cocrea_recent_row_get_property;
  object_class->set_property = cocrea_recent_row_set_property;

  /**
   * CocreaRecentRow:item:
   * The recent process shown, or %NULL.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, COCREA_TYPE_RECENT_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-recent-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaRecentRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CocreaRecentRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, CocreaRecentRow, remove_button);
  /* What a screen reader met here when the row was a plain box. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_recent_row_init (CocreaRecentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
