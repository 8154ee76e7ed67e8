/* cocrea-history-window.c — who did what in the process, and when
 *
 * The audit log every edit leaves, newest first, filtered by kind
 * (decisions, scores, merges, imports, laptops…) and by a search over
 * what was done and who did it. It follows the process: an edit made
 * while it is open shows at once. Reading it changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "cocrea-choice.h"
#include "cocrea-history-item.h"
#include "cocrea-history-window.h"
#include "cocrea-history.h"
#include "cocrea-text.h"

/* The id of "every kind" in the kind dropdown. */
#define ALL_KINDS (-1)

struct _CocreaHistoryWindow
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  GListStore *entries;        /* of CocreaHistoryItem, newest first */
  GtkFilterListModel *shown;
  GtkCustomFilter *filter;
  GListStore *kinds;          /* of CocreaChoice */

  /* template children */
  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_dropdown;
  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (CocreaHistoryWindow, cocrea_history_window, ADW_TYPE_WINDOW)

static gboolean
item_matches (gpointer item, gpointer user_data)
{
  CocreaHistoryWindow *self = user_data;
  gint64 kind = cocrea_choice_id_at (G_LIST_MODEL (self->kinds),
                                     gtk_drop_down_get_selected (self->kind_dropdown), ALL_KINDS);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (kind != ALL_KINDS && cocrea_history_item_get_kind (item) != kind)
    return FALSE;
  if (*search != '\0')
    {
      /* Accents and case do not matter, as everywhere people search. */
      g_autofree char *needle = cocrea_text_fold (search);
      g_autofree char *what = cocrea_text_fold (cocrea_history_item_get_description (item));
      g_autofree char *who = cocrea_text_fold (cocrea_history_item_get_author (item));

      return strstr (what, needle) != NULL || strstr (who, needle) != NULL;
    }
  return TRUE;
}

static void
update_shown (CocreaHistoryWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edit", "%u edits", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
filter_changed_cb (CocreaHistoryWindow *self)
{
  /* Setting the dropdown's model while the window is built selects. */
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

/* Reads the history again; an error shows in the title, not in a dialog
 * over the window that is being read. */
static void
reload (CocreaHistoryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = cocrea_history_list (self->document, NULL, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (list == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, error->message);
      return;
    }
  for (guint i = list->len; i > 0; i--)
    g_ptr_array_add (items, cocrea_history_item_new (g_ptr_array_index (list, i - 1)));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  update_shown (self);
}

/* How many entries the filters let through: for tests. */
guint
cocrea_history_window_get_n_shown (CocreaHistoryWindow *self)
{
  g_return_val_if_fail (COCREA_IS_HISTORY_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

static void
cocrea_history_window_dispose (GObject *object)
{
  CocreaHistoryWindow *self = COCREA_HISTORY_WINDOW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_HISTORY_WINDOW);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_object (&self->kinds);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_history_window_parent_class)->dispose (object);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (COCREA_HISTORY_WINDOW (widget)->search_entry));
}

static void
cocrea_history_window_class_init (CocreaHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_history_window_dispose;

  g_type_ensure (COCREA_TYPE_CHOICE);
  g_type_ensure (COCREA_TYPE_HISTORY_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CocreaHistoryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaHistoryWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CocreaHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CocreaHistoryWindow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_install_action (widget_class, "history.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "history.search", NULL);
}

static void
cocrea_history_window_init (CocreaHistoryWindow *self)
{
  g_autoptr (CocreaChoice) all = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = g_list_store_new (COCREA_TYPE_CHOICE);
  all = cocrea_choice_new (ALL_KINDS, _("Every kind"));
  g_list_store_append (self->kinds, all);
  /* The kinds people look for first, "other" last. */
  for (CocreaHistoryKind k = COCREA_HISTORY_DECISION; k < COCREA_N_HISTORY_KINDS; k++)
    {
      g_autoptr (CocreaChoice) choice = cocrea_choice_new (k, cocrea_history_kind_label (k));
      g_list_store_append (self->kinds, choice);
    }
  {
    g_autoptr (CocreaChoice) other = cocrea_choice_new (COCREA_HISTORY_OTHER,
                                                        cocrea_history_kind_label (COCREA_HISTORY_OTHER));
    g_list_store_append (self->kinds, other);
  }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (self->kinds));

  self->entries = g_list_store_new (COCREA_TYPE_HISTORY_ITEM);
  self->filter = gtk_custom_filter_new (item_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * cocrea_history_window_new:
 * The history of @document, following its edits while open.
 */
CocreaHistoryWindow *
cocrea_history_window_new (GtkWindow *parent, CocreaDocument *document)
{
  CocreaHistoryWindow *self;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  self = g_object_new (COCREA_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}
