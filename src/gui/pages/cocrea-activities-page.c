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
#include "cocrea-bring-back-dialog.h"
#include "cocrea-csv-import.h"
#include "cocrea-decidim-import.h"
#include "cocrea-fold-bar.h"
#include "cocrea-group.h"
#include "cocrea-prepare-laptops-dialog.h"

struct _CocreaActivitiesPage
{
  CocreaPage parent_instance;

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
};

G_DEFINE_FINAL_TYPE (CocreaActivitiesPage, cocrea_activities_page, COCREA_TYPE_PAGE)

static void refresh_groups (CocreaActivitiesPage *self);

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
  gboolean can = cocrea_page_is_writable (COCREA_PAGE (self));
  gboolean activity = selected_activity (self) != NULL;
  gboolean group = selected_group (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.add", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.import", can);
  /* Handing copies out only reads the process; bringing them back writes. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.prepare-laptops",
                                 cocrea_page_get_document (COCREA_PAGE (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.bring-back", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.edit", can && activity);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.delete", can && activity);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.add-group", can && activity);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.edit-group", can && group);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.delete-group", can && group);
}

/* ---- cells ---- */

/* A group's size, blank when nobody counted the people at the table. */
static char *
format_group_size (gpointer unused, int size)
{
  return size >= 0 ? g_strdup_printf ("%d", size) : g_strdup ("");
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
  g_autofree char *activities = g_strdup_printf (ngettext ("%'u Activity", "%'u Activities", n), n);
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
cocrea_activities_page_reload (CocreaPage *page)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GError) error = NULL;

  if (document != NULL)
    {
      list = cocrea_activity_list (document, &error);
      if (list == NULL)
        cocrea_page_add_toast (COCREA_PAGE (self), error->message);
    }
  replace_keeping_selection (self->activities, self->activity_selection, list, activity_id_of);
  refresh_groups (self);
}

static void
refresh_groups (CocreaActivitiesPage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  CocreaActivity *activity = selected_activity (self);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GError) error = NULL;

  if (document != NULL && activity != NULL)
    {
      list = cocrea_group_list (document, cocrea_activity_get_id (activity), &error);
      if (list == NULL)
        cocrea_page_add_toast (COCREA_PAGE (self), error->message);
    }
  replace_keeping_selection (self->groups, self->group_selection, list, group_id_of);
  update_labels (self);
  update_actions (self);
}

/* ---- activities ---- */

static void
activity_saved_cb (CocreaActivitiesPage *self, CocreaUndo *undo, gint64 id)
{
  const char *action = cocrea_undo_get_action (undo);

  cocrea_page_remember (COCREA_PAGE (self), undo,
                        g_strcmp0 (action, "add-activity") == 0 ? _("Activity added")
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
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GError) error = NULL;
  CocreaActivityDialog *dialog;

  if (!cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  dialog = cocrea_activity_dialog_new (parent_window (self), document, id, &error);
  if (dialog == NULL)
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Read the Activity"), error);
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

  if (!cocrea_activity_delete (cocrea_page_get_document (COCREA_PAGE (self)), id, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Delete the Activity"), error);
      return;
    }
  cocrea_page_remember (COCREA_PAGE (self), undo, _("Activity deleted"));
}

static void
delete_group (CocreaActivitiesPage *self, gint64 id)
{
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;

  if (!cocrea_group_delete (cocrea_page_get_document (COCREA_PAGE (self)), id, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Delete the Group"), error);
      return;
    }
  cocrea_page_remember (COCREA_PAGE (self), undo, _("Group deleted"));
}

/* What a message dialog of the page is about; its response handler owns
 * it. The page is held weakly: it may go while the dialog is open. */
/* What a message dialog of the page is about; the dialog owns it. */
typedef struct
{
  gint64 id;
  gboolean group;        /* deleting: a group, not an activity */
  GtkWidget *name_entry; /* the group dialog's fields, its children */
  GtkWidget *size_spin;
} DialogState;

static DialogState *
dialog_state_new (gint64 id)
{
  DialogState *state = g_new0 (DialogState, 1);

  state->id = id;
  return state;
}

static void
confirm_response_cb (CocreaPage *page, const char *response, gpointer data)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (page);
  DialogState *state = data;

  if (g_strcmp0 (response, "delete") != 0 || !cocrea_page_is_writable (page))
    return;
  if (state->group)
    delete_group (self, state->id);
  else
    delete_activity (self, state->id);
}

/* Asks before deleting what holds contributions: an activity's go with
 * it, a group's stay in the activity without a group. */
static void
confirm_delete (CocreaActivitiesPage *self, const char *heading, guint n_contributions, gint64 id,
                gboolean group)
{
  g_autofree char *body = NULL;
  DialogState *state = dialog_state_new (id);
  GtkWidget *dialog;

  state->group = group;
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
  cocrea_page_connect_response (COCREA_PAGE (self), ADW_MESSAGE_DIALOG (dialog),
                                confirm_response_cb, state, g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaActivity *activity = selected_activity (self);
  g_autofree char *heading = NULL;

  if (activity == NULL || !cocrea_page_is_writable (COCREA_PAGE (self)))
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
group_response_cb (CocreaPage *page, const char *response, gpointer data)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (page);
  DialogState *state = data;
  gint64 group_id = state->id;
  g_autofree char *name =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->name_entry))));
  int size = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (state->size_spin));
  CocreaDocument *document;
  CocreaActivity *activity;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || !cocrea_page_is_writable (page))
    return;
  document = cocrea_page_get_document (page);
  activity = selected_activity (self);

  if (group_id == 0)
    ok = activity != NULL &&
         cocrea_group_add (document, cocrea_activity_get_id (activity), name, size, &id,
                           &undo, &error);
  else
    ok = cocrea_group_update (document, group_id, name, size, &undo, &error);

  if (!ok)
    {
      /* The message dialog closes on any answer: open it again with what
       * was typed and why it was refused. */
      if (error != NULL)
        {
          cocrea_page_add_toast (COCREA_PAGE (self), error->message);
          open_group_dialog (self, group_id, name, size, error->message);
        }
      return;
    }
  cocrea_page_remember (COCREA_PAGE (self), undo,
                        group_id == 0 ? _("Group added") : _("Group saved"));
}

static void
group_entry_activated_cb (GtkEntry *entry, AdwMessageDialog *dialog)
{
  /* As the Save button does: answer, then close (a second Enter would
   * otherwise add the group again). */
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
open_group_dialog (CocreaActivitiesPage *self, gint64 group_id, const char *name, int size,
                   const char *problem)
{
  DialogState *state = dialog_state_new (group_id);
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

  /* The fields are the dialog's children: they live as long as the state. */
  state->name_entry = name_entry;
  state->size_spin = size_spin;
  g_signal_connect (name_entry, "activate", G_CALLBACK (group_entry_activated_cb), dialog);
  cocrea_page_connect_response (COCREA_PAGE (self), ADW_MESSAGE_DIALOG (dialog), group_response_cb,
                                state, g_free);
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

  if (selected_activity (self) != NULL && cocrea_page_is_writable (COCREA_PAGE (self)))
    open_group_dialog (self, 0, name, 8, NULL);
}

static void
edit_group_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaGroup *group = selected_group (self);

  if (group != NULL && cocrea_page_is_writable (COCREA_PAGE (self)))
    open_group_dialog (self, cocrea_group_get_id (group), cocrea_group_get_name (group),
                       cocrea_group_get_size (group), NULL);
}

static void
delete_group_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaGroup *group = selected_group (self);
  g_autofree char *heading = NULL;

  if (group == NULL || !cocrea_page_is_writable (COCREA_PAGE (self)))
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

/* The rows belonged to the document shown before; the new one's are read
 * when the page shows. */
static void
cocrea_activities_page_document_set (CocreaPage *page)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (page);

  gtk_single_selection_set_selected (self->activity_selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->activities);
  update_actions (self);
}

static void
cocrea_activities_page_dispose (GObject *object)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (object);

  if (self->activities_view != NULL)
    gtk_column_view_set_model (self->activities_view, NULL);
  if (self->groups_view != NULL)
    gtk_column_view_set_model (self->groups_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_ACTIVITIES_PAGE);
  g_clear_object (&self->activity_selection);
  g_clear_object (&self->group_selection);
  g_clear_object (&self->activities);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (cocrea_activities_page_parent_class)->dispose (object);
}

/* ---- importing a spreadsheet ---- */

/* Decidim's proposals export, as contributions of an online activity:
 * one edit, its summary (added, withdrawn left out, already present) in
 * the toast with Undo. An export that brings nothing new says so in a
 * dialog, as an empty sheet does. */
static void
import_decidim (CocreaActivitiesPage *self, const char *path)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!cocrea_decidim_import (cocrea_page_get_document (COCREA_PAGE (self)), path, &result, &undo,
                              &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Import the Decidim Export"), error);
      return;
    }
  text = cocrea_decidim_import_describe (&result);
  if (undo == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                  _("Nothing Imported"), text);
      return;
    }
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

/**
 * cocrea_activities_page_import:
 * @self: the page
 * @path: a CSV file: a workshop's sheet, or Decidim's proposals export
 *   (CSV or JSON, told by its header)
 *
 * Adds every row of @path as a contribution, with the activities and
 * groups the rows name, as one edit: a toast says how many, with Undo;
 * a bad file or row changes nothing and is explained in a dialog.
 *
 * The import runs here, in the main thread: the process's connection
 * belongs to it, and a document edited from two threads would tell the
 * pages of its changes from the wrong one. The core imports 100,000
 * rows in under a second (bench/bench-merge.c); a workshop's sheet
 * takes milliseconds.
 */
void
cocrea_activities_page_import (CocreaActivitiesPage *self, const char *path)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) warnings = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_return_if_fail (COCREA_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (path != NULL);

  if (!cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  if (cocrea_decidim_file_detect (path))
    {
      import_decidim (self, path);
      return;
    }
  if (!cocrea_csv_import_full (document, path, &n, &undo, &warnings, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Import the Spreadsheet"), error);
      return;
    }

  name = g_filename_display_basename (path);
  if (undo == NULL)
    {
      /* A header and no rows: nothing was added, nothing to undo. Said
       * in a dialog: a toast would queue behind the last import's. */
      g_autofree char *empty = g_strdup_printf (_("“%s” has no rows to import"), name);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                  _("Nothing Imported"), empty);
      return;
    }
  if (warnings[0] != NULL)
    {
      g_autofree char *body = g_strjoinv ("\n", warnings);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                  _("Some Columns Were Not Imported"), body);
    }
  /* TRANSLATORS: a toast, "Imported 24 contributions from “mesa-3.csv”" */
  text = g_strdup_printf (ngettext ("Imported %u contribution from “%s”",
                                    "Imported %u contributions from “%s”", n),
                          n, name);
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

static void
import_response_cb (GtkNativeDialog *chooser, int response, CocreaActivitiesPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cocrea_activities_page_import (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) decidim = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Contributions"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  /* TRANSLATORS: a file type in the file chooser */
  gtk_file_filter_set_name (sheets, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_mime_type (sheets, "text/csv");
  gtk_file_filter_add_pattern (sheets, "*.csv");
  gtk_file_filter_add_pattern (sheets, "*.CSV");
  gtk_file_filter_add_pattern (sheets, "*.tsv");
  gtk_file_filter_add_pattern (sheets, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sheets);
  /* TRANSLATORS: a file type in the file chooser; the open data export
   * is CSV, the administration's is JSON */
  gtk_file_filter_set_name (decidim, _("Decidim proposals exports (CSV or JSON)"));
  gtk_file_filter_add_pattern (decidim, "*.csv");
  gtk_file_filter_add_pattern (decidim, "*.CSV");
  gtk_file_filter_add_pattern (decidim, "*.json");
  gtk_file_filter_add_pattern (decidim, "*.JSON");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), decidim);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- several laptops ---- */

static void
copies_written_cb (CocreaPrepareLaptopsDialog *dialog, guint n, const char *folder,
                   CocreaActivitiesPage *self)
{
  g_autofree char *name = g_filename_display_basename (folder);
  /* TRANSLATORS: a toast, "Wrote 8 copies to “USB”" */
  g_autofree char *text = g_strdup_printf (ngettext ("Wrote %u copy to “%s”",
                                                     "Wrote %u copies to “%s”", n),
                                           n, name);

  cocrea_page_add_toast (COCREA_PAGE (self), text);
}

static void
prepare_laptops_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  CocreaActivity *activity = selected_activity (self);
  CocreaPrepareLaptopsDialog *dialog;
  g_autoptr (GError) error = NULL;

  dialog = cocrea_prepare_laptops_dialog_new (parent_window (self),
                                              cocrea_page_get_document (COCREA_PAGE (self)),
                                              activity ? cocrea_activity_get_id (activity) : 0,
                                              &error);
  if (dialog == NULL)
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Prepare the Laptops"), error);
      return;
    }
  g_signal_connect_object (dialog, "written", G_CALLBACK (copies_written_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_applied_cb (CocreaBringBackDialog *dialog, CocreaUndo *undo, const char *summary,
                 CocreaActivitiesPage *self)
{
  cocrea_page_remember (COCREA_PAGE (self), undo, summary);
}

/**
 * cocrea_activities_page_bring_back:
 * @self: the page
 * @paths: laptops' copies of the process
 *
 * Opens Bring Back Laptops on @paths: a preview of each copy, each then
 * brought back as one edit that the page's Undo takes back whole.
 */
void
cocrea_activities_page_bring_back (CocreaActivitiesPage *self, const char *const *paths)
{
  CocreaBringBackDialog *dialog;

  g_return_if_fail (COCREA_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (paths != NULL);

  if (!cocrea_page_is_writable (COCREA_PAGE (self)) || paths[0] == NULL)
    return;
  dialog = cocrea_bring_back_dialog_new (parent_window (self),
                                         cocrea_page_get_document (COCREA_PAGE (self)), paths);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (copy_applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bring_back_response_cb (GtkNativeDialog *chooser, int response, CocreaActivitiesPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GPtrArray) paths = g_ptr_array_new_null_terminated (0, g_free, TRUE);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      if (paths->len > 0)
        cocrea_activities_page_bring_back (self, (const char *const *) paths->pdata);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
bring_back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaActivitiesPage *self = COCREA_ACTIVITIES_PAGE (widget);
  g_autoptr (GtkFileFilter) processes = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Bring Back Laptops"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"),
                                         _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* TRANSLATORS: a file type in the file chooser */
  gtk_file_filter_set_name (processes, _("Copies of the process"));
  gtk_file_filter_add_mime_type (processes, "application/x-cocrea");
  gtk_file_filter_add_pattern (processes, "*.cocrea");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), processes);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (bring_back_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cocrea_activities_page_class_init (CocreaActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_activities_page_dispose;
  page_class->document_set = cocrea_activities_page_document_set;
  page_class->reload = cocrea_activities_page_reload;

  g_type_ensure (COCREA_TYPE_FOLD_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, activities_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, groups_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, activities_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivitiesPage, groups_view);
  gtk_widget_class_bind_template_callback (widget_class, format_group_size);

  gtk_widget_class_install_action (widget_class, "activities.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "activities.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "activities.prepare-laptops", NULL,
                                   prepare_laptops_action);
  gtk_widget_class_install_action (widget_class, "activities.bring-back", NULL, bring_back_action);
  gtk_widget_class_install_action (widget_class, "activities.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "activities.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "activities.add-group", NULL, add_group_action);
  gtk_widget_class_install_action (widget_class, "activities.edit-group", NULL, edit_group_action);
  gtk_widget_class_install_action (widget_class, "activities.delete-group", NULL,
                                   delete_group_action);
  cocrea_page_class_install_undo_action (page_class, "activities");
  cocrea_page_class_install_history_keys (page_class);
}

static void
cocrea_activities_page_init (CocreaActivitiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_page_set_toast_overlay (COCREA_PAGE (self), self->toast_overlay);

  self->activities = g_list_store_new (COCREA_TYPE_ACTIVITY);
  self->activity_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->activities)));
  gtk_single_selection_set_autoselect (self->activity_selection, FALSE);
  gtk_column_view_set_model (self->activities_view, GTK_SELECTION_MODEL (self->activity_selection));

  self->groups = g_list_store_new (COCREA_TYPE_GROUP);
  self->group_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->groups)));
  gtk_single_selection_set_autoselect (self->group_selection, FALSE);
  gtk_column_view_set_model (self->groups_view, GTK_SELECTION_MODEL (self->group_selection));

  g_signal_connect_object (self->activity_selection, "notify::selected",
                           G_CALLBACK (refresh_groups), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activities_view, "activate",
                           G_CALLBACK (activity_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups_view, "activate",
                           G_CALLBACK (group_activated_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
