/* cocrea-start-page.c — what a window shows before a process is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-application.h"
#include "cocrea-recent-item.h"
#include "cocrea-start-page.h"

struct _CocreaStartPage
{
  GtkWidget parent_instance;

  GSettings *settings; /* NULL without the schema: no recent list then */
  GListStore *recent;

  /* template children */
  GtkWidget *status_page;
  GtkWidget *recent_box;
  GtkListView *recent_list;
};

G_DEFINE_FINAL_TYPE (CocreaStartPage, cocrea_start_page, GTK_TYPE_WIDGET)

static void
reload_recent (CocreaStartPage *self)
{
  g_auto (GStrv) paths = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->settings != NULL)
    paths = g_settings_get_strv (self->settings, "recent-files");

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (items, cocrea_recent_item_new (paths[i]));

  g_list_store_splice (self->recent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->recent_box, items->len > 0);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (box, "recent-row");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove From the List"));
  /* A target of the right type before the name, else GTK warns; bind
   * sets the real one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "recent.remove");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), remove);

  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "remove", remove);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CocreaRecentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  GtkWidget *title = g_object_get_data (G_OBJECT (box), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkWidget *remove = g_object_get_data (G_OBJECT (box), "remove");
  g_autofree char *detail = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *row_label = NULL;

  if (cocrea_recent_item_get_available (item))
    {
      /* TRANSLATORS: "Renca · changed 26 Oct 2019, 15:04" */
      detail = g_strdup_printf (_("%s · changed %s"), cocrea_recent_item_get_municipality (item),
                                cocrea_recent_item_get_last_change (item));
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "x-office-document-symbolic");
    }
  else
    {
      detail = g_strdup_printf (_("Unavailable: %s"), cocrea_recent_item_get_reason (item));
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
    }

  gtk_label_set_text (GTK_LABEL (title), cocrea_recent_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (subtitle), detail);
  gtk_widget_set_sensitive (title, cocrea_recent_item_get_available (item));

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                          g_variant_new_string (cocrea_recent_item_get_path (item)));
  remove_label = g_strdup_printf (_("Remove “%s” from the recent processes"),
                                  cocrea_recent_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);

  row_label = g_strdup_printf ("%s, %s", cocrea_recent_item_get_title (item), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_label, -1);
}

static void
recent_activated_cb (CocreaStartPage *self, guint position)
{
  g_autoptr (CocreaRecentItem) item = g_list_model_get_item (G_LIST_MODEL (self->recent), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open-path", "s",
                                cocrea_recent_item_get_path (item));
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaStartPage *self = COCREA_START_PAGE (widget);
  const char *path = g_variant_get_string (param, NULL);
  g_auto (GStrv) old = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) recent = NULL;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  for (guint i = 0; old[i] != NULL; i++)
    if (g_strcmp0 (old[i], path) != 0)
      g_strv_builder_add (builder, old[i]);

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

/* The recent list, for tests. */
GListModel *
cocrea_start_page_get_recent (CocreaStartPage *self)
{
  g_return_val_if_fail (COCREA_IS_START_PAGE (self), NULL);

  return G_LIST_MODEL (self->recent);
}

static void
cocrea_start_page_dispose (GObject *object)
{
  CocreaStartPage *self = COCREA_START_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_START_PAGE);
  /* Unbound children of the template go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (cocrea_start_page_parent_class)->dispose (object);
}

static void
cocrea_start_page_class_init (CocreaStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_start_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaStartPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CocreaStartPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, CocreaStartPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "recent.remove", "s", remove_action);
}

static void
cocrea_start_page_init (CocreaStartPage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent = g_list_store_new (COCREA_TYPE_RECENT_ITEM);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->recent))));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->recent_list, factory);
  gtk_list_view_set_model (self->recent_list, selection);

  self->settings = cocrea_settings_try_new ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-files",
                             G_CALLBACK (reload_recent), self, G_CONNECT_SWAPPED);
  reload_recent (self);
}
