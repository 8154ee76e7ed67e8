/* cocrea-prepare-laptops-dialog.c — Prepare Laptops: one copy of the process per table
 *
 * Before the workshop, on the main laptop: a folder (a USB stick), an
 * activity, and the tables that get a laptop. Each copy is named after
 * its table ("Taller-26-03-Mesa-3.cocrea"), holds that table (and every
 * proposal) unless the whole process is wanted, and opens capture on its
 * table. Files already in the folder are never replaced: they may hold a
 * round not brought back yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cocrea-activity.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-prepare-laptops-dialog.h"
#include "cocrea-sync-copy.h"
#include "cocrea-types.h"

/* One table offered a laptop: its row's check and the file it would get. */
typedef struct {
  gint64 group_id;  /* 0: the activity without tables, as one copy */
  char *label;
  char *file;
  GtkCheckButton *check;
} Table;

struct _CocreaPrepareLaptopsDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  GListModel *activities;
  GPtrArray *tables;  /* of Table, for the activity chosen */
  GPtrArray *rows;    /* the rows shown for them, to take out again */
  char *folder;

  /* template children */
  AdwActionRow *folder_row;
  AdwComboRow *activity_row;
  GtkSwitch *limit_switch;
  AdwPreferencesGroup *tables_group;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaPrepareLaptopsDialog, cocrea_prepare_laptops_dialog, ADW_TYPE_WINDOW)

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
table_free (Table *table)
{
  g_free (table->label);
  g_free (table->file);
  g_free (table);
}

static void
show_error (CocreaPrepareLaptopsDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static CocreaActivity *
chosen_activity (CocreaPrepareLaptopsDialog *self)
{
  guint position = adw_combo_row_get_selected (self->activity_row);

  if (position == GTK_INVALID_LIST_POSITION ||
      position >= g_list_model_get_n_items (self->activities))
    return NULL;
  return g_list_model_get_item (self->activities, position);
}

static void
add_table (CocreaPrepareLaptopsDialog *self, CocreaActivity *activity, gint64 group_id,
           const char *group_name)
{
  Table *table = g_new0 (Table, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *kind = cocrea_activity_kind_label (cocrea_activity_get_kind (activity));

  table->group_id = group_id;
  table->label = g_strdup (group_name != NULL ? group_name : cocrea_activity_get_name (activity));
  table->file = cocrea_sync_copy_file_name (kind, cocrea_activity_get_held_on (activity),
                                            group_name);
  table->check = GTK_CHECK_BUTTON (check);
  gtk_check_button_set_active (table->check, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  table->label, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), table->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), table->file);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->tables_group, row);
  g_ptr_array_add (self->tables, table);
  g_ptr_array_add (self->rows, row);
}

/* Lists the tables of the activity chosen, every one ticked. */
static void
activity_changed_cb (CocreaPrepareLaptopsDialog *self)
{
  g_autoptr (CocreaActivity) activity = chosen_activity (self);
  g_autoptr (GListModel) groups = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->tables_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->tables, 0);
  show_error (self, NULL);
  if (activity == NULL)
    return;

  groups = cocrea_group_list (self->document, cocrea_activity_get_id (activity), &error);
  if (groups == NULL)
    {
      show_error (self, error->message);
      return;
    }
  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CocreaGroup) group = g_list_model_get_item (groups, i);
      add_table (self, activity, cocrea_group_get_id (group), cocrea_group_get_name (group));
    }
  /* An activity without tables (an interview, a survey) gets one laptop. */
  if (n == 0)
    add_table (self, activity, 0, NULL);
}

/**
 * cocrea_prepare_laptops_dialog_set_folder:
 * Where the copies go (a USB stick); the file chooser calls it, so do tests.
 */
void
cocrea_prepare_laptops_dialog_set_folder (CocreaPrepareLaptopsDialog *self, const char *folder)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (COCREA_IS_PREPARE_LAPTOPS_DIALOG (self));

  g_free (self->folder);
  self->folder = g_strdup (folder);
  shown = folder != NULL ? g_filename_display_name (folder) : g_strdup (_("None chosen"));
  adw_action_row_set_subtitle (self->folder_row, shown);
  show_error (self, NULL);
}

/*
 * cocrea_prepare_laptops_dialog_write:
 * Writes one copy per table ticked into the folder, emits "written" and
 * closes. Refuses, writing nothing, without a folder, without a table, or
 * when a file of that name is already there. A copy that cannot be
 * written stops the rest; the message says which were written.
 */
gboolean
cocrea_prepare_laptops_dialog_write (CocreaPrepareLaptopsDialog *self, GError **error)
{
  g_autoptr (CocreaActivity) activity = chosen_activity (self);
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr (GString) existing = g_string_new (NULL);
  gboolean limit = gtk_switch_get_active (self->limit_switch);
  guint written = 0;

  g_return_val_if_fail (COCREA_IS_PREPARE_LAPTOPS_DIALOG (self), FALSE);

  show_error (self, NULL);
  if (self->folder == NULL)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Choose the folder the copies go to"));
      goto fail;
    }
  for (guint i = 0; i < self->tables->len; i++)
    {
      Table *table = self->tables->pdata[i];
      g_autofree char *path = NULL;

      if (!gtk_check_button_get_active (table->check))
        continue;
      g_ptr_array_add (chosen, table);
      path = g_build_filename (self->folder, table->file, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_string_append_printf (existing, "%s“%s”", existing->len > 0 ? ", " : "", table->file);
    }
  if (activity == NULL || chosen->len == 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Tick at least one table"));
      goto fail;
    }
  if (existing->len > 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS,
                   _("The folder already holds %s, which may hold a round not brought back "
                     "yet: bring it back first, or choose another folder"),
                   existing->str);
      goto fail;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      Table *table = chosen->pdata[i];
      g_autofree char *path = g_build_filename (self->folder, table->file, NULL);
      g_autoptr (GError) local_error = NULL;
      CocreaSyncCopyOptions options = {
        .label = table->label,
        .activity_id = cocrea_activity_get_id (activity),
        .group_ids = table->group_id != 0 ? &table->group_id : NULL,
        .n_groups = table->group_id != 0 ? 1 : 0,
        .keep_everything = !limit,
      };

      if (!cocrea_sync_write_copy (self->document, path, &options, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       ngettext ("%u copy was written; the others were not: %s",
                                 "%u copies were written; the others were not: %s", written),
                       written, local_error->message);
          goto fail;
        }
      written++;
    }

  g_signal_emit (self, signals[WRITTEN], 0, written, self->folder);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;

fail:
  show_error (self, (*error)->message);
  return FALSE;
}

static void
write_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  /* The dialog shows the error itself. */
  cocrea_prepare_laptops_dialog_write (COCREA_PREPARE_LAPTOPS_DIALOG (widget), &error);
}

static void
folder_response_cb (GtkNativeDialog *chooser, int response, CocreaPrepareLaptopsDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        cocrea_prepare_laptops_dialog_set_folder (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_folder_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPrepareLaptopsDialog *self = COCREA_PREPARE_LAPTOPS_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder for the Copies"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                         _("_Cancel"));
  if (self->folder != NULL)
    {
      g_autoptr (GFile) current = g_file_new_for_path (self->folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cocrea_prepare_laptops_dialog_dispose (GObject *object)
{
  CocreaPrepareLaptopsDialog *self = COCREA_PREPARE_LAPTOPS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PREPARE_LAPTOPS_DIALOG);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->activities);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (cocrea_prepare_laptops_dialog_parent_class)->dispose (object);
}

static void
cocrea_prepare_laptops_dialog_finalize (GObject *object)
{
  g_free (COCREA_PREPARE_LAPTOPS_DIALOG (object)->folder);
  G_OBJECT_CLASS (cocrea_prepare_laptops_dialog_parent_class)->finalize (object);
}

static void
cocrea_prepare_laptops_dialog_class_init (CocreaPrepareLaptopsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_prepare_laptops_dialog_dispose;
  object_class->finalize = cocrea_prepare_laptops_dialog_finalize;

  /**
   * CocreaPrepareLaptopsDialog::written:
   * @n: how many copies were written
   * @folder: where
   */
  signals[WRITTEN] = g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-prepare-laptops-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaPrepareLaptopsDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrepareLaptopsDialog, activity_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrepareLaptopsDialog, limit_switch);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrepareLaptopsDialog, tables_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaPrepareLaptopsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, activity_changed_cb);
  gtk_widget_class_install_action (widget_class, "prepare.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "prepare.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cocrea_prepare_laptops_dialog_init (CocreaPrepareLaptopsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->rows = g_ptr_array_new ();
}

/**
 * cocrea_prepare_laptops_dialog_new:
 * @parent: the process's window
 * @document: the process to hand out
 * @activity_id: the activity to start with (the one selected), or 0
 * @error: return location for a #CocreaError
 *
 * The dialog, its folder the process's own (choose a USB stick), every
 * table of the activity ticked. %NULL with @error set when the activities
 * cannot be read.
 */
CocreaPrepareLaptopsDialog *
cocrea_prepare_laptops_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 activity_id,
                                   GError **error)
{
  g_autoptr (GListModel) activities = NULL;
  g_autoptr (GtkExpression) name = NULL;
  g_autofree char *folder = NULL;
  CocreaPrepareLaptopsDialog *self;
  guint start = 0;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  activities = cocrea_activity_list (document, error);
  if (activities == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr (CocreaActivity) activity = g_list_model_get_item (activities, i);
      if (cocrea_activity_get_id (activity) == activity_id)
        start = i;
    }

  self = g_object_new (COCREA_TYPE_PREPARE_LAPTOPS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->activities = g_steal_pointer (&activities);
  name = gtk_property_expression_new (COCREA_TYPE_ACTIVITY, NULL, "name");
  adw_combo_row_set_expression (self->activity_row, name);
  adw_combo_row_set_model (self->activity_row, self->activities);
  adw_combo_row_set_selected (self->activity_row, start);
  activity_changed_cb (self);

  folder = g_path_get_dirname (cocrea_document_get_path (document));
  cocrea_prepare_laptops_dialog_set_folder (self, folder);
  return self;
}
