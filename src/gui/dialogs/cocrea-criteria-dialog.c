/* cocrea-criteria-dialog.c — edit the viability criteria of a process
 *
 * One group per criterion: name, description, scale and weight. Save
 * checks every field first and shows what is wrong beside it; nothing is
 * written until all are valid, then each criterion goes through the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-criteria-dialog.h"
#include "cocrea-criterion.h"

typedef struct {
  char *key;
  GtkWidget *name;
  GtkWidget *name_error;
  GtkWidget *description;
  GtkWidget *scale_min;
  GtkWidget *scale_max;
  GtkWidget *scale_error;
  GtkWidget *weight;
  GtkWidget *error;
} CriterionRows;

struct _CocreaCriteriaDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  GArray *criteria; /* CriterionRows */

  /* template children */
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (CocreaCriteriaDialog, cocrea_criteria_dialog, ADW_TYPE_WINDOW)

static void
criterion_rows_clear (gpointer data)
{
  g_free (((CriterionRows *) data)->key);
}

static GtkWidget *
error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
show_field_error (GtkWidget *label, GtkWidget *field, const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
  if (field == NULL)
    return;
  if (text != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static GtkWidget *
spin_row (AdwPreferencesGroup *group, const char *title, GtkWidget **first, GtkWidget **second,
          const char *first_name, const char *second_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *first = gtk_spin_button_new_with_range (0, 100, 1);
  gtk_widget_set_valign (*first, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  first_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *first);
  if (second != NULL)
    {
      *second = gtk_spin_button_new_with_range (1, 100, 1);
      gtk_widget_set_valign (*second, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (*second), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      second_name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *second);
    }
  adw_preferences_group_add (group, row);
  return row;
}

static void
add_criterion (CocreaCriteriaDialog *self, CocreaCriterion *criterion)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  CriterionRows rows = { g_strdup (cocrea_criterion_get_key (criterion)) };
  g_autofree char *min_name = NULL;
  g_autofree char *max_name = NULL;
  g_autofree char *weight_name = NULL;

  adw_preferences_group_set_title (group, cocrea_criterion_get_name (criterion));

  rows.name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows.name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (rows.name), cocrea_criterion_get_name (criterion));
  adw_preferences_group_add (group, rows.name);
  rows.name_error = error_label ();
  adw_preferences_group_add (group, rows.name_error);

  rows.description = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows.description), _("Description"));
  gtk_editable_set_text (GTK_EDITABLE (rows.description),
                         cocrea_criterion_get_description (criterion) != NULL
                           ? cocrea_criterion_get_description (criterion) : "");
  adw_preferences_group_add (group, rows.description);

  /* TRANSLATORS: accessible names of the scale and weight controls: "Lowest score of Budget viability" */
  min_name = g_strdup_printf (_("Lowest score of %s"), cocrea_criterion_get_name (criterion));
  max_name = g_strdup_printf (_("Highest score of %s"), cocrea_criterion_get_name (criterion));
  weight_name = g_strdup_printf (_("Weight of %s"), cocrea_criterion_get_name (criterion));
  spin_row (group, _("Scale, lowest to highest"), &rows.scale_min, &rows.scale_max, min_name,
            max_name);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rows.scale_min), cocrea_criterion_get_scale_min (criterion));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rows.scale_max), cocrea_criterion_get_scale_max (criterion));
  rows.scale_error = error_label ();
  adw_preferences_group_add (group, rows.scale_error);

  spin_row (group, _("Weight"), &rows.weight, NULL, weight_name, NULL);
  gtk_spin_button_set_range (GTK_SPIN_BUTTON (rows.weight), 0, 10);
  gtk_spin_button_set_increments (GTK_SPIN_BUTTON (rows.weight), 0.5, 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (rows.weight), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rows.weight), cocrea_criterion_get_weight (criterion));

  rows.error = error_label ();
  adw_preferences_group_add (group, rows.error);

  adw_preferences_page_add (self->page, group);
  g_array_append_val (self->criteria, rows);
}

/**
 * cocrea_criteria_dialog_save:
 * Checks every criterion, showing each problem beside its field, and
 * writes them all when there is none. Returns whether all were saved.
 */
gboolean
cocrea_criteria_dialog_save (CocreaCriteriaDialog *self)
{
  gboolean valid = TRUE;
  gboolean saved = TRUE;

  g_return_val_if_fail (COCREA_IS_CRITERIA_DIALOG (self), FALSE);

  for (guint i = 0; i < self->criteria->len; i++)
    {
      CriterionRows *rows = &g_array_index (self->criteria, CriterionRows, i);
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->name))));
      int min = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rows->scale_min));
      int max = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rows->scale_max));

      show_field_error (rows->name_error, rows->name, *name == '\0' ? _("A name is required.") : NULL);
      show_field_error (rows->scale_error, rows->scale_max,
                        min >= max ? _("The highest score must be above the lowest.") : NULL);
      show_field_error (rows->error, NULL, NULL);
      valid = valid && *name != '\0' && min < max;
    }
  if (!valid)
    return FALSE;

  for (guint i = 0; i < self->criteria->len; i++)
    {
      CriterionRows *rows = &g_array_index (self->criteria, CriterionRows, i);
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->name))));
      g_autofree char *description =
        g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->description))));
      g_autoptr (GError) error = NULL;

      if (!cocrea_criterion_update (self->document, rows->key, name, description,
                                    gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rows->scale_min)),
                                    gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rows->scale_max)),
                                    gtk_spin_button_get_value (GTK_SPIN_BUTTON (rows->weight)), &error))
        {
          show_field_error (rows->error, NULL, error->message);
          saved = FALSE;
        }
    }
  return saved;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  if (cocrea_criteria_dialog_save (COCREA_CRITERIA_DIALOG (widget)))
    gtk_window_destroy (GTK_WINDOW (widget));
}

/**
 * cocrea_criteria_dialog_new:
 * A dialog over the criteria of @document, or NULL with @error set when
 * they cannot be read.
 */
GtkWidget *
cocrea_criteria_dialog_new (CocreaDocument *document, GError **error)
{
  g_autoptr (GListModel) criteria = NULL;
  CocreaCriteriaDialog *self;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  criteria = cocrea_criterion_list (document, error);
  if (criteria == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_CRITERIA_DIALOG, NULL);
  self->document = g_object_ref (document);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (CocreaCriterion) criterion = g_list_model_get_item (criteria, i);
      add_criterion (self, criterion);
    }
  return GTK_WIDGET (self);
}

static void
cocrea_criteria_dialog_dispose (GObject *object)
{
  CocreaCriteriaDialog *self = COCREA_CRITERIA_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->criteria, g_array_unref);

  G_OBJECT_CLASS (cocrea_criteria_dialog_parent_class)->dispose (object);
}

static void
cocrea_criteria_dialog_class_init (CocreaCriteriaDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_criteria_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "criteria.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-criteria-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaCriteriaDialog, page);
}

static void
cocrea_criteria_dialog_init (CocreaCriteriaDialog *self)
{
  self->criteria = g_array_new (FALSE, FALSE, sizeof (CriterionRows));
  g_array_set_clear_func (self->criteria, criterion_rows_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}
