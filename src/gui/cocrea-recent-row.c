/* cocrea-recent-row.c — one row of the start page's recent processes
 *
 * The item is a CocreaRecentItem. Its title comes through the template;
 * what needs words around it (where and when, or why the file cannot be
 * opened, and what a screen reader says) is written here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-recent-item.h"
#include "cocrea-recent-row.h"

struct _CocreaRecentRow
{
  CocreaItemWidget parent_instance;

  /* template children */
  GtkImage *icon;
  GtkLabel *subtitle;
  GtkButton *remove_button;
};

G_DEFINE_FINAL_TYPE (CocreaRecentRow, cocrea_recent_row, COCREA_TYPE_ITEM_WIDGET)

static void
cocrea_recent_row_show_item (CocreaItemWidget *widget, gpointer data)
{
  CocreaRecentRow *self = COCREA_RECENT_ROW (widget);
  CocreaRecentItem *item = COCREA_RECENT_ITEM (data);
  g_autofree char *detail = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *row_label = NULL;

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
cocrea_recent_row_class_init (CocreaRecentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_recent_row_show_item;

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
