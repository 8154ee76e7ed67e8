/* cocrea-process-settings-dialog.c — edits the process record
 *
 * What the user typed stays in the dialog until it is saved: a refused
 * value is marked and explained, nothing is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <math.h>

#include "cocrea-error.h"
#include "cocrea-process-settings-dialog.h"
#include "cocrea-representation.h"

struct _CocreaProcessSettingsDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  CocreaProcessInfo *info; /* as read when the dialog opened */

  /* template children */
  AdwEntryRow *title_row;
  AdwEntryRow *municipality_row;
  AdwEntryRow *period_row;
  GtkSpinButton *quota_total;
  GtkSpinButton *quota_municipal;
  GtkSpinButton *quota_community;
  GtkWidget *quota_municipal_row;
  GtkWidget *quota_community_row;
  AdwEntryRow *population_rows[COCREA_N_INCLUSION]; /* cocrea_inclusion_key() order */
  AdwEntryRow *population_source_row;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaProcessSettingsDialog, cocrea_process_settings_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
clear_error (CocreaProcessSettingsDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_row), "error");
  gtk_widget_remove_css_class (self->quota_municipal_row, "error");
  gtk_widget_remove_css_class (self->quota_community_row, "error");
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->population_rows[g]), "error");
}

/*
 * read_population:
 * The population shares as typed, or NULL with @error set and the row at
 * fault marked when one is not a percentage from 0 to 100.
 */
static CocreaPopulation *
read_population (CocreaProcessSettingsDialog *self, GError **error)
{
  g_autoptr (CocreaPopulation) population = cocrea_population_new ();
  int bad = -1;

  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->population_rows[g]));

      if (!cocrea_population_parse_percent (text, g, &population->percent[g], error))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->population_rows[g]), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->population_rows[g]));
          return NULL;
        }
    }
  if (!cocrea_population_validate (population, &bad, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->population_rows[bad]), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->population_rows[bad]));
      return NULL;
    }
  g_free (population->source);
  population->source = get_text (self->population_source_row);
  return g_steal_pointer (&population);
}

static void
entry_changed_cb (CocreaProcessSettingsDialog *self)
{
  g_autofree char *title = get_text (self->title_row);
  g_autofree char *municipality = get_text (self->municipality_row);

  clear_error (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 *title != '\0' && *municipality != '\0');
}

static void
entry_activated_cb (CocreaProcessSettingsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/**
 * cocrea_process_settings_dialog_save:
 * Writes the values in the dialog to the process. On failure the dialog
 * keeps them, marks the field at fault and shows why; @error says it too.
 */
gboolean
cocrea_process_settings_dialog_save (CocreaProcessSettingsDialog *self, GError **error)
{
  g_autofree char *title = get_text (self->title_row);
  g_autofree char *municipality = get_text (self->municipality_row);
  g_autofree char *period = get_text (self->period_row);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CocreaPopulation) population = NULL;
  CocreaProcessInfo info;
  int start = 0, end = 0;

  g_return_val_if_fail (COCREA_IS_PROCESS_SETTINGS_DIALOG (self), FALSE);

  clear_error (self);

  if (*period != '\0' && !cocrea_parse_period (period, &start, &end, &local_error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_row), "error");
      goto fail;
    }

  /* Every field is checked before anything is written. */
  population = read_population (self, &local_error);
  if (population == NULL)
    goto fail;

  info = *self->info;
  info.title = title;
  info.municipality = municipality;
  info.period_start = start;
  info.period_end = end;
  info.quota_total = gtk_spin_button_get_value_as_int (self->quota_total);
  info.quota_municipal = gtk_spin_button_get_value_as_int (self->quota_municipal);
  info.quota_community = gtk_spin_button_get_value_as_int (self->quota_community);

  if (!cocrea_document_update_process (self->document, &info, &local_error))
    {
      if (info.quota_municipal + info.quota_community > info.quota_total)
        {
          gtk_widget_add_css_class (self->quota_municipal_row, "error");
          gtk_widget_add_css_class (self->quota_community_row, "error");
        }
      goto fail;
    }
  if (!cocrea_population_set (self->document, population, &local_error))
    goto fail;

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;

fail:
  gtk_label_set_text (self->error_label, local_error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  /* The dialog itself shows the error next to the fields. */
  cocrea_process_settings_dialog_save (COCREA_PROCESS_SETTINGS_DIALOG (widget), &error);
}

static void
cocrea_process_settings_dialog_dispose (GObject *object)
{
  CocreaProcessSettingsDialog *self = COCREA_PROCESS_SETTINGS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PROCESS_SETTINGS_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->info, cocrea_process_info_free);

  G_OBJECT_CLASS (cocrea_process_settings_dialog_parent_class)->dispose (object);
}

static void
cocrea_process_settings_dialog_class_init (CocreaProcessSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_process_settings_dialog_dispose;

  /**
   * CocreaProcessSettingsDialog::saved:
   * The new settings are in the process; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-process-settings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, quota_total);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, quota_municipal);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, quota_community);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, quota_municipal_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, quota_community_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessSettingsDialog,
                                        population_source_row);
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      g_autofree char *id = g_strdup_printf ("%s_population_row", cocrea_inclusion_key (g));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (id), FALSE,
                                                 G_STRUCT_OFFSET (CocreaProcessSettingsDialog,
                                                                  population_rows) +
                                                   g * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cocrea_process_settings_dialog_init (CocreaProcessSettingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cocrea_process_settings_dialog_new:
 * A dialog showing the settings of @document, or NULL with @error set
 * when they cannot be read.
 */
CocreaProcessSettingsDialog *
cocrea_process_settings_dialog_new (GtkWindow *parent, CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaPopulation) population = NULL;
  CocreaProcessSettingsDialog *self;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_PROCESS_SETTINGS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), info->title ? info->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->municipality_row),
                         info->municipality ? info->municipality : "");
  if (info->period_start > 0)
    {
      g_autofree char *period = NULL;

      if (info->period_end > info->period_start)
        period = g_strdup_printf ("%d-%d", info->period_start, info->period_end);
      else
        period = g_strdup_printf ("%d", info->period_start);
      gtk_editable_set_text (GTK_EDITABLE (self->period_row), period);
    }
  gtk_spin_button_set_value (self->quota_total, info->quota_total);
  gtk_spin_button_set_value (self->quota_municipal, info->quota_municipal);
  gtk_spin_button_set_value (self->quota_community, info->quota_community);

  population = cocrea_population_get (document, error);
  if (population == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    if (!isnan (population->percent[g]))
      {
        /* As people write it, with the locale's decimal mark: "51,2". */
        g_autofree char *text = g_strdup_printf ("%g", population->percent[g]);
        gtk_editable_set_text (GTK_EDITABLE (self->population_rows[g]), text);
      }
  gtk_editable_set_text (GTK_EDITABLE (self->population_source_row), population->source);

  self->info = g_steal_pointer (&info);
  entry_changed_cb (self);

  return self;
}
