/* cocrea-captured-row.c — one contribution captured in a group, on the Capture page
 *
 * The item is a CocreaContribution: its text (three lines at most), a
 * line saying its number, origin, axes, area and whether it is merged,
 * and buttons that activate capture.edit-contribution and
 * capture.delete-contribution with its id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-captured-row.h"
#include "cocrea-contribution.h"
#include "cocrea-text.h"

struct _CocreaCapturedRow
{
  CocreaItemWidget parent_instance;

  /* template children */
  GtkLabel *text_label;
  GtkLabel *meta_label;
  GtkButton *edit_button;
  GtkButton *delete_button;
};

G_DEFINE_FINAL_TYPE (CocreaCapturedRow, cocrea_captured_row, COCREA_TYPE_ITEM_WIDGET)

static void
cocrea_captured_row_show_item (CocreaItemWidget *widget, gpointer item)
{
  CocreaCapturedRow *self = COCREA_CAPTURED_ROW (widget);
  CocreaContribution *contribution = COCREA_CONTRIBUTION (item);
  gint64 id = cocrea_contribution_get_id (contribution);
  g_autofree char *axes = cocrea_axes_to_labels (cocrea_contribution_get_axes (contribution));
  /* A pasted report must not make a row a metre tall. */
  g_autofree char *text = cocrea_text_first_line (cocrea_contribution_get_text (contribution), 600);
  const char *area = cocrea_contribution_get_area (contribution);
  GString *meta = g_string_new (NULL);
  g_autofree char *meta_text = NULL;
  g_autofree char *edit = NULL;
  g_autofree char *delete = NULL;

  /* TRANSLATORS: the number of a contribution, "#42" */
  g_string_append_printf (meta, _("#%lld"), (long long) id);
  g_string_append_printf (meta, " · %s", cocrea_origin_label (cocrea_contribution_get_origin (contribution)));
  if (axes != NULL && *axes != '\0')
    g_string_append_printf (meta, " · %s", axes);
  if (area != NULL && *area != '\0')
    g_string_append_printf (meta, " · %s", area);
  if (cocrea_contribution_get_proposal_id (contribution) != 0)
    /* TRANSLATORS: the contribution is merged under a proposal */
    g_string_append_printf (meta, " · %s", _("merged"));
  meta_text = g_string_free (meta, FALSE);

  gtk_label_set_text (self->text_label, text);
  gtk_label_set_text (self->meta_label, meta_text);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", id);
  /* Each row's buttons say which contribution they act on. */
  edit = g_strdup_printf (_("Edit contribution #%lld"), (long long) id);
  delete = g_strdup_printf (_("Delete contribution #%lld"), (long long) id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta_text, -1);
}

static void
cocrea_captured_row_class_init (CocreaCapturedRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_captured_row_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-captured-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturedRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturedRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturedRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaCapturedRow, delete_button);
  /* What a screen reader met here when the row was a plain box. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_captured_row_init (CocreaCapturedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
