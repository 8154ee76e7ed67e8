/* cocrea-activities-page.c — the activities of a process and their table groups
 *
 * Above, the activities (kind, date, place, attendance); below, the
 * groups of the selected one. Adding and editing go through dialogs that
 * keep what was typed when the core refuses it; deleting something that
 * holds contributions asks first; every change has an "Undo" toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-activities-page.h"
#include "cocrea-activity-dialog.h"
#include "cocrea-activity.h"
#include "cocrea-group.h"
#include "cocrea-undo-stack.h"
#include "cocrea-window.h"

typedef enum {
  CELL_NAME,
  CELL_KIND,
  CELL_DATE,
  CELL_PLACE,
  CELL_ATTENDANCE,
  CELL_CONTRIBUTIONS,
  CELL_GROUP_NAME,
  CELL_GROUP_SIZE,
  CELL_GROUP_CONTRIBUTIONS,
} CellKind;

struct _CocreaActivitiesPage
{
  GtkWidget parent_instance;

  CocreaDocument *document;
  gulong changed_id;
  gboolean stale;
  CocreaUndoStack *undo_stack;

  GListStore *activities;
  GtkSingleSelection *activity_selection;
  GListStore *groups;
  GtkSingleSelection *group_selection;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkLabel *activities_label;
  GtkLabel *groups_label;
  GtkColumnView *activities_view;
  GtkColumnView *groups_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *place_column;
  GtkColumnViewColumn *attendance_column;
  GtkColumnViewColumn *contributions_column;
  GtkColumnViewColumn *group_name_column;
  GtkColumnViewColumn *group_size_column;
  GtkColumnViewColumn *group_contributions_column;
};

G_DEFINE_FINAL_TYPE (CocreaActivitiesPage, cocrea_activities_page, GTK_TYPE_WIDGET)

static void refresh_groups (CocreaActivitiesPage *self);

static void
add_toast (CocreaActivitiesPage *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_error (CocreaActivitiesPage *self, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (COCREA_IS_WINDOW (root))
    cocrea_window_show_error (COCREA_WINDOW (root), heading, error);
  else
    add_toast (self, error->message);
}

static void
remember (CocreaActivitiesPage *self, CocreaUndo *undo, const char *text)
{
  guint serial = cocrea_undo_stack_push (self->undo_stack, undo);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               cocrea_undo_toast_new (text, "activities.undo", serial));
}

static gboolean
writable (CocreaActivitiesPage *self)
{
  return self->document != NULL && !cocrea_document_is_read_only (self->document);
}

static GtkWindow *
parent_window (CocreaActivitiesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CocreaActivity *
selected_activity (CocreaActivitiesPage *self)
{
  return gtk_single_selection_get_selected_item (self->activity_selection);
}

static CocreaGroup *
selected_group (CocreaActivitiesPage *self)
{
  return gtk_single_selection_get_selected_item (self->group_selection);
}

static void
update_actions (CocreaActivitiesPage *self)
{
  gboolean can = writable (self);
  gboolean activity = selected_activity (self) != NULL;
  gboolean group = selected_group (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.add", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.edit", can && activity);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.delete", can && activity);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.add-group", can && activity);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.edit-group", can && group);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.delete-group", can && group);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.undo-last",
                                 can && cocrea_undo_stack_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.redo",
                                 can && cocrea_undo_stack_can_redo (self->undo_stack));
}

/* ---- cells ---- */

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean number = kind == CELL_ATTENDANCE || kind == CELL_CONTRIBUTIONS ||
                    kind == CELL_GROUP_SIZE || kind == CELL_GROUP_CONTRIBUTIONS;

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CellKind kind = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *number = NULL;
  const char *text = NULL;

  switch (kind)
    {
    case CELL_NAME:
      text = cocrea_activity_get_name (item);
      break;
    case CELL_KIND:
      text = cocrea_activity_kind_label (cocrea_activity_get_kind (item));
      break;
    case CELL_DATE:
      text = cocrea_activity_get_held_on (item);
      break;
    case CELL_PLACE:
      text = cocrea_activity_get_place (item);
      break;
    case CELL_ATTENDANCE:
      text = number = g_strdup_printf ("%d", cocrea_activity_get_attendance (item));
      break;
    case CELL_CONTRIBUTIONS:
      text = number = g_strdup_printf ("%u", cocrea_activity_get_n_contributions (item));
      break;
    case CELL_GROUP_NAME:
      text = cocrea_group_get_name (item);
      break;
    case CELL_GROUP_SIZE:
      if (cocrea_group_get_size (item) >= 0)
        text = number = g_strdup_printf ("%d", cocrea_group_get_size (item));
      break;
    case CELL_GROUP_CONTRIBUTIONS:
      text = number = g_strdup_printf ("%u", cocrea_group_get_n_contributions (item));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
set_factory (GtkColumnViewColumn *column, CellKind kind)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);
}

/* ---- reading the document ---- */

/* Replaces the rows of @store with @list, keeping the row with the same
 * id selected. @get_id reads an item's id. */
static void
replace_keeping_selection (GListStore *store, GtkSingleSelection *selection, GListModel *list,
                           gint64 (*get_id) (gpointer))
{
  gpointer selected = gtk_single_selection_get_selected_item (selection);
  gint64 selected_id = selected != NULL ? get_id (selected) : 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (list, i);

      if (selected_id != 0 && get_id (item) == selected_id)
        position = i;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, position);
  else if (n > 0 && gtk_single_selection_get_selected (selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, 0);
}

static gint64
activity_id_of (gpointer item)
{
  return cocrea_activity_get_id (item);
}

static gint64
group_id_of (gpointer item)
{
  return cocrea_group_get_id (item);
}

static void
update_labels (CocreaActivitiesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->activities));
  CocreaActivity *activity = selected_activity (self);
  g_autofree char *activities = g_strdup_printf (ngettext ("%u Activity", "%u Activities", n), n);
  g_autofree char *groups = NULL;

  gtk_label_set_text (self->activities_label, activities);
  if (activity != NULL)
    /* TRANSLATORS: heading of the groups list, "Groups of Main workshop" */
    groups = g_strdup_printf (_("Groups of %s"), cocrea_activity_get_name (activity));
  else
    groups = g_strdup (_("Groups"));
  gtk_label_set_text (self->groups_label, groups);
}

static void
refresh (CocreaActivitiesPage *self)
{
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GError) error = NULL;

  self->stale = FALSE;
  if (self->document != NULL)
    {
      list = cocrea_activity_list (self->document, &error);
      if (list == NULL)
        add_toast (self, error->message);
    }
  replace_keeping_selection (self->activities, self->activity_selection, list, activity_id_of);
  refresh_groups (self);
}

static void
refresh_groups (CocreaActivitiesPage *self)
{
  CocreaActivity *activity = selected_activity (self);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GError) error = NULL;

  if (self->document != NULL && activity != NULL)
    {
      list = cocrea_group_list (self->document, cocrea_activity_get_id (activity), &error);
      if (list == NULL)
        add_toast (self, error->message);
    }
  replace_keeping_selection (self->groups, self->group_selection, list, group_id_of);
  update_labels (self);
  update_actions (self);
}

static void
document_changed_cb (CocreaActivitiesPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
cocrea_activities_page_map (GtkWidget *widget)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);

  GTK_WIDGET_CLASS (cocrea_activities_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

/* ---- activities ---- */

static void
activity_saved_cb (CocreaActivitiesPage *self, CocreaUndo *undo, gint64 id)
{
  const char *action = cocrea_undo_get_action (undo);

  remember (self, undo, g_strcmp0 (action, "add-activity") == 0 ? _("Activity added")
                                                                 : _("Activity saved"));
  /* Show the activity just added. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->activities)); i++)
    {
      g_autoptr (CocreaActivity) activity = g_list_model_get_item (G_LIST_MODEL (self->activities), i);

      if (cocrea_activity_get_id (activity) == id)
        gtk_single_selection_set_selected (self->activity_selection, i);
    }
}

static void
open_activity_dialog (CocreaActivitiesPage *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  CocreaActivityDialog *dialog;

  if (!writable (self))
    return;
  dialog = cocrea_activity_dialog_new (parent_window (self), self->document, id, &error);
  if (dialog == NULL)
    {
      show_error (self, _("Could Not Read the Activity"), error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (activity_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  open_activity_dialog (COCREA_ACTIVITIES_PAGE (widget), 0);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaActivity *activity = selected_activity (self);

  if (activity != NULL)
    open_activity_dialog (self, cocrea_activity_get_id (activity));
}

static void
delete_activity (CocreaActivitiesPage *self, gint64 id)
{
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;

  if (!cocrea_activity_delete (self->document, id, &undo, &error))
    {
      show_error (self, _("Could Not Delete the Activity"), error);
      return;
    }
  remember (self, undo, _("Activity deleted"));
}

static void
delete_group (CocreaActivitiesPage *self, gint64 id)
{
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;

  if (!cocrea_group_delete (self->document, id, &undo, &error))
    {
      show_error (self, _("Could Not Delete the Group"), error);
      return;
    }
  remember (self, undo, _("Group deleted"));
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, CocreaActivitiesPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "id");
  gboolean group = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "group"));

  if (g_strcmp0 (response, "delete") != 0 || !writable (self))
    return;
  if (group)
    delete_group (self, id);
  else
    delete_activity (self, id);
}

/* Asks before deleting what holds contributions: an activity's go with
 * it, a group's stay in the activity without a group. */
static void
confirm_delete (CocreaActivitiesPage *self, const char *heading, guint n_contributions, gint64 id,
                gboolean group)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (group)
    body = g_strdup_printf (ngettext ("It holds %u contribution, which will stay in the activity "
                                      "without a group. You can undo this.",
                                      "It holds %u contributions, which will stay in the activity "
                                      "without a group. You can undo this.",
                                      n_contributions),
                            n_contributions);
  else
    body = g_strdup_printf (ngettext ("It holds %u contribution, which will be deleted with it. "
                                      "You can undo this.",
                                      "It holds %u contributions, which will be deleted with it. "
                                      "You can undo this.",
                                      n_contributions),
                            n_contributions);
  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (dialog), "group", GINT_TO_POINTER (group));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaActivity *activity = selected_activity (self);
  g_autofree char *heading = NULL;

  if (activity == NULL || !writable (self))
    return;
  if (cocrea_activity_get_n_contributions (activity) == 0)
    {
      delete_activity (self, cocrea_activity_get_id (activity));
      return;
    }
  heading = g_strdup_printf (_("Delete “%s”?"), cocrea_activity_get_name (activity));
  confirm_delete (self, heading, cocrea_activity_get_n_contributions (activity),
                  cocrea_activity_get_id (activity), FALSE);
}

/* ---- groups ---- */

static void open_group_dialog (CocreaActivitiesPage *self, gint64 group_id, const char *name,
                               int size, const char *problem);

static void
group_response_cb (AdwMessageDialog *dialog, const char *response, CocreaActivitiesPage *self)
{
  gint64 group_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "id");
  GtkEditable *name_entry = g_object_get_data (G_OBJECT (dialog), "name");
  GtkSpinButton *size_spin = g_object_get_data (G_OBJECT (dialog), "size");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (name_entry)));
  int size = gtk_spin_button_get_value_as_int (size_spin);
  CocreaActivity *activity = selected_activity (self);
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || !writable (self))
    return;

  if (group_id == 0)
    ok = activity != NULL &&
         cocrea_group_add (self->document, cocrea_activity_get_id (activity), name, size, &id,
                           &undo, &error);
  else
    ok = cocrea_group_update (self->document, group_id, name, size, &undo, &error);

  if (!ok)
    {
      /* The message dialog closes on any answer: open it again with what
       * was typed and why it was refused. */
      if (error != NULL)
        {
          add_toast (self, error->message);
          open_group_dialog (self, group_id, name, size, error->message);
        }
      return;
    }
  remember (self, undo, group_id == 0 ? _("Group added") : _("Group saved"));
}

static void
group_entry_activated_cb (GtkEntry *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "save");
}

static void
open_group_dialog (CocreaActivitiesPage *self, gint64 group_id, const char *name, int size,
                   const char *problem)
{
  GtkWidget *dialog;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name_label = gtk_label_new_with_mnemonic (_("_Name"));
  GtkWidget *size_label = gtk_label_new_with_mnemonic (_("_People at the table"));
  GtkWidget *name_entry = gtk_entry_new ();
  GtkWidget *size_spin = gtk_spin_button_new_with_range (0, 1000, 1);

  dialog = adw_message_dialog_new (parent_window (self),
                                   group_id == 0 ? _("New Group") : _("Edit Group"), problem);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_xalign (GTK_LABEL (size_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (name_label), name_entry);
  gtk_label_set_mnemonic_widget (GTK_LABEL (size_label), size_spin);
  gtk_widget_set_hexpand (name_entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_entry), name != NULL ? name : "");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size_spin), MAX (size, 0));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the group"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (size_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People at the table"), -1);
  if (problem != NULL)
    gtk_widget_add_css_class (name_entry, "error");
  gtk_grid_attach (GTK_GRID (grid), name_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name_entry, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), size_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), size_spin, 1, 1, 1, 1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);

  g_object_set_data_full (G_OBJECT (dialog), "id", g_memdup2 (&group_id, sizeof group_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "name", name_entry);
  g_object_set_data (G_OBJECT (dialog), "size", size_spin);
  g_signal_connect (name_entry, "activate", G_CALLBACK (group_entry_activated_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (group_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_entry);
}

static void
add_group_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  /* TRANSLATORS: suggested name of a new table group, "Mesa 9" */
  g_autofree char *name = g_strdup_printf (_("Table %u"),
                                           g_list_model_get_n_items (G_LIST_MODEL (self->groups)) + 1);

  if (selected_activity (self) != NULL && writable (self))
    open_group_dialog (self, 0, name, 8, NULL);
}

static void
edit_group_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaGroup *group = selected_group (self);

  if (group != NULL && writable (self))
    open_group_dialog (self, cocrea_group_get_id (group), cocrea_group_get_name (group),
                       cocrea_group_get_size (group), NULL);
}

static void
delete_group_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaGroup *group = selected_group (self);
  g_autofree char *heading = NULL;

  if (group == NULL || !writable (self))
    return;
  if (cocrea_group_get_n_contributions (group) == 0)
    {
      delete_group (self, cocrea_group_get_id (group));
      return;
    }
  heading = g_strdup_printf (_("Delete “%s”?"), cocrea_group_get_name (group));
  confirm_delete (self, heading, cocrea_group_get_n_contributions (group),
                  cocrea_group_get_id (group), TRUE);
}

/* ---- undo ---- */

static void
undo_with (CocreaActivitiesPage *self, guint serial)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!writable (self))
    return;
  if (!cocrea_undo_stack_undo (self->undo_stack, self->document, serial, &text, &error))
    {
      if (error != NULL)
        show_error (self, _("Could Not Undo"), error);
      return;
    }
  add_toast (self, text);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  undo_with (COCREA_ACTIVITIES_PAGE (widget), g_variant_get_uint32 (param));
}

static void
undo_last_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  undo_with (COCREA_ACTIVITIES_PAGE (widget), 0);
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!writable (self))
    return;
  if (!cocrea_undo_stack_redo (self->undo_stack, self->document, &text, &error))
    {
      if (error != NULL)
        show_error (self, _("Could Not Redo"), error);
      return;
    }
  add_toast (self, text);
}

static void
activity_activated_cb (CocreaActivitiesPage *self, guint position)
{
  gtk_single_selection_set_selected (self->activity_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "activities.edit", NULL);
}

static void
group_activated_cb (CocreaActivitiesPage *self, guint position)
{
  gtk_single_selection_set_selected (self->group_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "activities.edit-group", NULL);
}

/**
 * cocrea_activities_page_set_document:
 * Shows the activities of @document, which may be %NULL.
 */
void
cocrea_activities_page_set_document (CocreaActivitiesPage *self, CocreaDocument *document)
{
  g_return_if_fail (COCREA_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (document == NULL || COCREA_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect_object (document, "changed",
                                                G_CALLBACK (document_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  cocrea_undo_stack_clear (self->undo_stack);
  gtk_single_selection_set_selected (self->activity_selection, GTK_INVALID_LIST_POSITION);
  refresh (self);
}

static void
cocrea_activities_page_dispose (GObject *object)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (object);
  GtkWidget *child;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  if (self->activities_view != NULL)
    gtk_column_view_set_model (self->activities_view, NULL);
  if (self->groups_view != NULL)
    gtk_column_view_set_model (self->groups_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_ACTIVITIES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->activity_selection);
  g_clear_object (&self->group_selection);
  g_clear_object (&self->activities);
  g_clear_object (&self->groups);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (cocrea_activities_page_parent_class)->dispose (object);
}

static void
cocrea_activities_page_class_init (CocreaActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_activities_page_dispose;
  widget_class->map = cocrea_activities_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, activities_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, groups_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, activities_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, groups_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, place_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, attendance_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, contributions_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, group_name_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, group_size_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, group_contributions_column);

  gtk_widget_class_install_action (widget_class, "activities.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "activities.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "activities.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "activities.add-group", NULL, add_group_action);
  gtk_widget_class_install_action (widget_class, "activities.edit-group", NULL, edit_group_action);
  gtk_widget_class_install_action (widget_class, "activities.delete-group", NULL,
                                   delete_group_action);
  gtk_widget_class_install_action (widget_class, "activities.undo", "u", undo_action);
  gtk_widget_class_install_action (widget_class, "activities.undo-last", NULL, undo_last_action);
  gtk_widget_class_install_action (widget_class, "activities.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "activities.undo-last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "activities.redo", NULL);
}

static void
cocrea_activities_page_init (CocreaActivitiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo_stack = cocrea_undo_stack_new ();

  self->activities = g_list_store_new (COCREA_TYPE_ACTIVITY);
  self->activity_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->activities)));
  gtk_single_selection_set_autoselect (self->activity_selection, FALSE);
  set_factory (self->name_column, CELL_NAME);
  set_factory (self->kind_column, CELL_KIND);
  set_factory (self->date_column, CELL_DATE);
  set_factory (self->place_column, CELL_PLACE);
  set_factory (self->attendance_column, CELL_ATTENDANCE);
  set_factory (self->contributions_column, CELL_CONTRIBUTIONS);
  gtk_column_view_set_model (self->activities_view, GTK_SELECTION_MODEL (self->activity_selection));

  self->groups = g_list_store_new (COCREA_TYPE_GROUP);
  self->group_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->groups)));
  gtk_single_selection_set_autoselect (self->group_selection, FALSE);
  set_factory (self->group_name_column, CELL_GROUP_NAME);
  set_factory (self->group_size_column, CELL_GROUP_SIZE);
  set_factory (self->group_contributions_column, CELL_GROUP_CONTRIBUTIONS);
  gtk_column_view_set_model (self->groups_view, GTK_SELECTION_MODEL (self->group_selection));

  g_signal_connect_object (self->activity_selection, "notify::selected",
                           G_CALLBACK (refresh_groups), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activities_view, "activate",
                           G_CALLBACK (activity_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups_view, "activate",
                           G_CALLBACK (group_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}
