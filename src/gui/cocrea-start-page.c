/* cocrea-start-page.c — what a window shows before a process is open
 *
 * The recent processes are read when the page is shown, in a thread:
 * each file passes the checks of any opening first (the whole file, a
 * fraction of a second for a national process), which a window that
 * opens a file at once, or starts, must not wait for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-application.h"
#include "cocrea-recent-item.h"
#include "cocrea-recent-row.h"
#include "cocrea-start-page.h"

struct _CocreaStartPage
{
  GtkWidget parent_instance;

  GSettings *settings; /* NULL without the schema: no recent list then */
  GListStore *recent;
  /* The list of recent files changed since it was last read. */
  gboolean recent_stale;
  GCancellable *reading; /* the reading under way, if any */
  guint focus_idle;

  /* template children */
  GtkWidget *status_page;
  GtkWidget *recent_box;
  GtkListView *recent_list;
  GtkWidget *new_button;
};

G_DEFINE_FINAL_TYPE (CocreaStartPage, cocrea_start_page, GTK_TYPE_WIDGET)

static void
read_recent_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *const *paths = data;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    g_ptr_array_add (items, cocrea_recent_item_new (paths[i]));
  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
recent_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  CocreaStartPage *self = COCREA_START_PAGE (source);
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), NULL);

  /* NULL: cancelled by a newer reading or by the page's end. */
  if (items == NULL)
    return;
  g_clear_object (&self->reading);
  g_list_store_splice (self->recent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->recent_box, items->len > 0);
}

/* Reads the recent list again if it changed and the page shows; else it
 * is read when the page is next shown. */
static void
reload_recent (CocreaStartPage *self)
{
  g_autoptr (GTask) task = NULL;
  char **paths;

  self->recent_stale = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->recent_stale = FALSE;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  paths = self->settings != NULL ? g_settings_get_strv (self->settings, "recent-files")
                                 : g_new0 (char *, 1);
  self->reading = g_cancellable_new ();
  task = g_task_new (self, self->reading, recent_read_cb, NULL);
  g_task_set_source_tag (task, reload_recent);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, read_recent_in_thread);
}

/* Shown, the page offers its first button to the keyboard, unless the
 * focus is already in it: the window would otherwise start on the main
 * menu of the header bar. Once the window has chosen its first focus. */
static gboolean
focus_first_button (gpointer data)
{
  CocreaStartPage *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->focus_idle = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    gtk_widget_grab_focus (self->new_button);
  return G_SOURCE_REMOVE;
}

static void
cocrea_start_page_unmap (GtkWidget *widget)
{
  CocreaStartPage *self = COCREA_START_PAGE (widget);

  g_clear_handle_id (&self->focus_idle, g_source_remove);
  GTK_WIDGET_CLASS (cocrea_start_page_parent_class)->unmap (widget);
}

static void
cocrea_start_page_map (GtkWidget *widget)
{
  CocreaStartPage *self = COCREA_START_PAGE (widget);

  GTK_WIDGET_CLASS (cocrea_start_page_parent_class)->map (widget);
  if (self->recent_stale)
    reload_recent (self);
  self->focus_idle = g_idle_add (focus_first_button, self);
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
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
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
  widget_class->map = cocrea_start_page_map;
  widget_class->unmap = cocrea_start_page_unmap;

  g_type_ensure (COCREA_TYPE_RECENT_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaStartPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CocreaStartPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaStartPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, CocreaStartPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "recent.remove", "s", remove_action);
}

static void
cocrea_start_page_init (CocreaStartPage *self)
{
  g_autoptr (GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent = g_list_store_new (COCREA_TYPE_RECENT_ITEM);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->recent))));
  gtk_list_view_set_model (self->recent_list, selection);

  self->settings = cocrea_settings_try_new ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-files",
                             G_CALLBACK (reload_recent), self, G_CONNECT_SWAPPED);
  reload_recent (self);
}
