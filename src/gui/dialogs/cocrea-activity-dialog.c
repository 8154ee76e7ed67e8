/* cocrea-activity-dialog.c — adds or edits an activity
 *
 * Kind, name, date, place, attendance and the five inclusion counts.
 * What was typed stays in the dialog until it is saved: a refused value
 * is marked and explained next to its field, nothing is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cocrea-activity-dialog.h"
#include "cocrea-activity.h"
#include "cocrea-error.h"
#include "cocrea-fit-screen.h"
#include "cocrea-undo.h"

struct _CocreaActivityDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  gint64 activity_id; /* 0 for a new one */
  GtkSpinButton *attendance;
  GtkWidget *attendance_row;
  GtkSpinButton *inclusion[COCREA_N_INCLUSION];
  GtkWidget *inclusion_rows[COCREA_N_INCLUSION];

  /* template children */
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwEntryRow *place_row;
  AdwPreferencesGroup *attendance_group;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (CocreaActivityDialog, cocrea_activity_dialog, ADW_TYPE_WINDOW)

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
clear_errors (CocreaActivityDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_remove_css_class (self->attendance_row, "error");
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    gtk_widget_remove_css_class (self->inclusion_rows[i], "error");
}

static void
changed_cb (CocreaActivityDialog *self)
{
  g_autofree char *name = get_text (self->name_row);

  clear_errors (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", *name != '\0');
}

static void
activated_cb (CocreaActivityDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/* Empty, or a real date written YYYY-MM-DD (a year or a month alone, as
 * the file allows, too). */
static gboolean
date_is_valid (const char *text)
{
  int year = 0, month = 1, day = 1;
  int n;
  gsize length = strlen (text);

  if (*text == '\0')
    return TRUE;
  if (length != 4 && length != 7 && length != 10)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  n = sscanf (text, "%4d-%2d-%2d", &year, &month, &day);
  return n >= 1 && year >= 1 && month >= 1 && month <= 12 &&
         g_date_valid_dmy (day, month, year);
}

static void
show_error (CocreaActivityDialog *self, GtkWidget *row, const char *message)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/**
 * cocrea_activity_dialog_save:
 * Adds or updates the activity with the dialog's values and closes the
 * dialog, emitting "saved" with the undo record and the activity's id.
 * On failure the dialog stays, with the values kept and the field at
 * fault marked; @error says why.
 */
gboolean
cocrea_activity_dialog_save (CocreaActivityDialog *self, GError **error)
{
  g_autofree char *name = get_text (self->name_row);
  g_autofree char *date = get_text (self->date_row);
  g_autofree char *place = get_text (self->place_row);
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) local_error = NULL;
  CocreaActivityFields fields = { 0 };
  gint64 id = self->activity_id;
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_ACTIVITY_DIALOG (self), FALSE);

  clear_errors (self);

  if (!date_is_valid (date))
    {
      g_set_error_literal (&local_error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Write the date as year, month and day, for example 2019-03-26"));
      show_error (self, GTK_WIDGET (self->date_row), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  fields.kind = adw_combo_row_get_selected (self->kind_row);
  fields.name = name;
  fields.held_on = *date != '\0' ? date : NULL;
  fields.place = *place != '\0' ? place : NULL;
  fields.attendance = gtk_spin_button_get_value_as_int (self->attendance);
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    fields.inclusion[i] = gtk_spin_button_get_value_as_int (self->inclusion[i]);

  if (id == 0)
    ok = cocrea_activity_add (self->document, &fields, &id, &undo, &local_error);
  else
    ok = cocrea_activity_update (self->document, id, &fields, &undo, &local_error);

  if (!ok)
    {
      GtkWidget *row = NULL;

      /* Point at the field the core refused. */
      if (*name == '\0')
        row = GTK_WIDGET (self->name_row);
      else
        for (guint i = 0; i < COCREA_N_INCLUSION && row == NULL; i++)
          if (fields.inclusion[i] > fields.attendance)
            {
              row = self->inclusion_rows[i];
              gtk_widget_add_css_class (self->attendance_row, "error");
            }
      show_error (self, row, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, undo, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  /* The dialog itself shows the error next to the fields. */
  cocrea_activity_dialog_save (COCREA_ACTIVITY_DIALOG (widget), &error);
}

/* A row with a number to type: AdwSpinRow is not in libadwaita 1.2. */
static GtkSpinButton *
add_count_row (CocreaActivityDialog *self, const char *title, const char *accessible,
               GtkWidget **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1000000, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (self->attendance_group, row);
  *row_out = row;
  return GTK_SPIN_BUTTON (spin);
}

static void
cocrea_activity_dialog_dispose (GObject *object)
{
  CocreaActivityDialog *self = COCREA_ACTIVITY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_ACTIVITY_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_activity_dialog_parent_class)->dispose (object);
}

static void
cocrea_activity_dialog_class_init (CocreaActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_activity_dialog_dispose;

  /**
   * CocreaActivityDialog::saved:
   * @undo: takes the edit back
   * @id: the activity's id
   * The activity is in the process; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, COCREA_TYPE_UNDO, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaActivityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivityDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivityDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivityDialog, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaActivityDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
cocrea_activity_dialog_init (CocreaActivityDialog *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_dialog_open_on (GTK_WINDOW (self), GTK_WIDGET (self->name_row));

  /* In the order of CocreaActivityKind. */
  for (guint i = 0; i < COCREA_N_ACTIVITY_KINDS; i++)
    gtk_string_list_append (kinds, cocrea_activity_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, COCREA_ACTIVITY_WORKSHOP);

  self->attendance = add_count_row (self, _("Attendees"), _("Number of attendees"),
                                    &self->attendance_row);
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    {
      /* TRANSLATORS: accessible name of a count, "Attendees who are: Women" */
      g_autofree char *accessible = g_strdup_printf (_("Attendees who are: %s"),
                                                     cocrea_inclusion_label (i));

      self->inclusion[i] = add_count_row (self, cocrea_inclusion_label (i), accessible,
                                          &self->inclusion_rows[i]);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
}

/**
 * cocrea_activity_dialog_new:
 * A dialog for activity @activity_id of @document, or for a new one when
 * it is 0; NULL with @error set when the activity cannot be read.
 */
CocreaActivityDialog *
cocrea_activity_dialog_new (GtkWindow *parent, CocreaDocument *document, gint64 activity_id,
                            GError **error)
{
  g_autoptr (CocreaActivity) activity = NULL;
  CocreaActivityDialog *self;
  const char *text;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (activity_id != 0)
    {
      activity = cocrea_activity_lookup (document, activity_id, error);
      if (activity == NULL)
        return NULL;
    }

  self = g_object_new (COCREA_TYPE_ACTIVITY_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->activity_id = activity_id;

  if (activity == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Activity"));
      return self;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Activity"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cocrea_activity_get_name (activity));
  adw_combo_row_set_selected (self->kind_row, cocrea_activity_get_kind (activity));
  text = cocrea_activity_get_held_on (activity);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text != NULL ? text : "");
  text = cocrea_activity_get_place (activity);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), text != NULL ? text : "");
  gtk_spin_button_set_value (self->attendance, cocrea_activity_get_attendance (activity));
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    gtk_spin_button_set_value (self->inclusion[i], cocrea_activity_get_inclusion (activity, i));
  clear_errors (self);
  return self;
}
