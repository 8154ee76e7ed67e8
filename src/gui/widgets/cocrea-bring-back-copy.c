/* cocrea-bring-back-copy.c — one laptop's copy in Bring Back Laptops: its preview and its button
 *
 * Shows what bringing one copy back would do before anything changes:
 * how many activities, groups, contributions, proposals and merge links
 * are new, changed or deleted, what cannot come in, and the conflicts,
 * each with both versions and a choice that nobody makes for the user.
 * Its "Bring Back" button (copy.apply) is sensitive only when there is
 * something to bring and every conflict is decided; pressing it emits
 * "apply", and the dialog does the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-bring-back-copy.h"
#include "cocrea-item-widget.h"
#include "cocrea-sync-conflict-row.h"

struct _CocreaBringBackCopy
{
  GtkWidget parent_instance;

  char *path;
  CocreaSyncPlan *plan;
  gboolean done;
  gboolean failed;

  /* template children */
  GtkLabel *title;
  GtkLabel *file;
  GtkButton *apply_button;
  GtkLabel *status;
  GtkWidget *counts;
  GtkLabel *new_label;
  GtkLabel *changed_label;
  GtkLabel *deleted_label;
  GtkLabel *remarks;
  GtkLabel *conflicts_label;
  GtkWidget *conflicts_window;
  GtkListView *conflicts_view;
};

G_DEFINE_FINAL_TYPE (CocreaBringBackCopy, cocrea_bring_back_copy, GTK_TYPE_WIDGET)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* TRUE when the plan brings something and nothing is left to decide. */
gboolean
cocrea_bring_back_copy_can_apply (CocreaBringBackCopy *self)
{
  g_return_val_if_fail (COCREA_IS_BRING_BACK_COPY (self), FALSE);

  return !self->done && !self->failed && self->plan != NULL &&
         !cocrea_sync_plan_is_empty (self->plan) &&
         cocrea_sync_plan_get_n_unresolved (self->plan) == 0;
}

static void
update_button (CocreaBringBackCopy *self)
{
  guint unresolved = self->plan != NULL ? cocrea_sync_plan_get_n_unresolved (self->plan) : 0;
  g_autofree char *label = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "copy.apply",
                                 cocrea_bring_back_copy_can_apply (self));
  if (unresolved > 0 && !self->done)
    label = g_strdup_printf (ngettext ("Decide %u conflict to bring it back",
                                          "Decide %u conflicts to bring it back", unresolved),
                             unresolved);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->apply_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->apply_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->plan != NULL ? cocrea_sync_plan_get_label (self->plan)
                                                     : self->path,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  label != NULL ? label : _("Bring this copy back as one edit"),
                                  -1);
}

static void
resolution_changed_cb (CocreaBringBackCopy *self)
{
  update_button (self);
}

static void
set_count (GtkLabel *label, CocreaSyncPlan *plan, CocreaSyncChange change)
{
  g_autofree char *text = cocrea_sync_plan_describe (plan, change);
  /* TRANSLATORS: none of a kind of change in a copy brought back */
  gtk_label_set_text (label, text != NULL ? text : _("nothing"));
}

/* The notes and the rows that cannot come in, one line each. */
static char *
remarks_text (CocreaSyncPlan *plan)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (const char *const *s = cocrea_sync_plan_get_notes (plan); *s != NULL; s++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", *s);
  for (const char *const *s = cocrea_sync_plan_get_skipped (plan); *s != NULL; s++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", *s);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * cocrea_bring_back_copy_set_plan:
 * Shows @plan, the comparison of this copy with the process: the counts,
 * remarks and conflicts, and whether it can be brought back.
 */
void
cocrea_bring_back_copy_set_plan (CocreaBringBackCopy *self, CocreaSyncPlan *plan)
{
  GListModel *conflicts;
  g_autoptr (GtkNoSelection) selection = NULL;
  g_autofree char *remarks = NULL;
  guint n_conflicts;

  g_return_if_fail (COCREA_IS_BRING_BACK_COPY (self));
  g_return_if_fail (COCREA_IS_SYNC_PLAN (plan));

  g_set_object (&self->plan, plan);
  self->failed = FALSE;
  conflicts = cocrea_sync_plan_get_conflicts (plan);
  n_conflicts = g_list_model_get_n_items (conflicts);

  gtk_label_set_text (self->title, cocrea_sync_plan_get_label (plan));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  if (cocrea_sync_plan_is_empty (plan))
    gtk_label_set_text (self->status, _("Nothing new: everything in this copy is already here."));
  else
    gtk_label_set_text (self->status, "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), cocrea_sync_plan_is_empty (plan));

  set_count (self->new_label, plan, COCREA_SYNC_NEW);
  set_count (self->changed_label, plan, COCREA_SYNC_CHANGED);
  set_count (self->deleted_label, plan, COCREA_SYNC_DELETED);
  gtk_widget_set_visible (self->counts, !cocrea_sync_plan_is_empty (plan));

  remarks = remarks_text (plan);
  gtk_label_set_text (self->remarks, remarks);
  gtk_widget_set_visible (GTK_WIDGET (self->remarks), *remarks != '\0');

  if (n_conflicts > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u conflict: choose which version stays",
                                      "%u conflicts: choose which version stays each time",
                                      n_conflicts),
                         n_conflicts);
      gtk_label_set_text (self->conflicts_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_label), n_conflicts > 0);
  gtk_widget_set_visible (self->conflicts_window, n_conflicts > 0);
  /* A list view asks only for the rows it shows: give the first ones room,
   * and scroll past a few. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->conflicts_window),
                                              MIN (n_conflicts, 3) * 120);
  selection = gtk_no_selection_new (g_object_ref (conflicts));
  gtk_list_view_set_model (self->conflicts_view, GTK_SELECTION_MODEL (selection));
  for (guint i = 0; i < n_conflicts; i++)
    {
      g_autoptr (CocreaSyncConflict) c = g_list_model_get_item (conflicts, i);
      g_signal_connect_object (c, "notify::resolution", G_CALLBACK (resolution_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update_button (self);
}

/* Shows why this copy cannot be brought back (another process, damaged…). */
void
cocrea_bring_back_copy_set_error (CocreaBringBackCopy *self, const char *message)
{
  g_return_if_fail (COCREA_IS_BRING_BACK_COPY (self));

  self->failed = TRUE;
  gtk_label_set_text (self->status, message);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
  gtk_widget_set_visible (self->counts, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->remarks), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_label), FALSE);
  gtk_widget_set_visible (self->conflicts_window, FALSE);
  update_button (self);
}

/* Marks the copy as brought back, saying what came in. */
void
cocrea_bring_back_copy_set_done (CocreaBringBackCopy *self, const char *summary)
{
  g_return_if_fail (COCREA_IS_BRING_BACK_COPY (self));

  self->done = TRUE;
  gtk_label_set_text (self->status, summary);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "success");
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_label), FALSE);
  gtk_widget_set_visible (self->conflicts_window, FALSE);
  gtk_button_set_label (self->apply_button, _("Brought Back"));
  update_button (self);
}

gboolean
cocrea_bring_back_copy_get_done (CocreaBringBackCopy *self)
{
  g_return_val_if_fail (COCREA_IS_BRING_BACK_COPY (self), FALSE);
  return self->done;
}

/* The copy's file, as chosen. */
const char *
cocrea_bring_back_copy_get_path (CocreaBringBackCopy *self)
{
  g_return_val_if_fail (COCREA_IS_BRING_BACK_COPY (self), NULL);
  return self->path;
}

/* The comparison shown, or NULL when the copy could not be read. */
CocreaSyncPlan *
cocrea_bring_back_copy_get_plan (CocreaBringBackCopy *self)
{
  g_return_val_if_fail (COCREA_IS_BRING_BACK_COPY (self), NULL);
  return self->failed ? NULL : self->plan;
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaBringBackCopy *self = COCREA_BRING_BACK_COPY (widget);

  if (cocrea_bring_back_copy_can_apply (self))
    g_signal_emit (self, signals[APPLY], 0);
}

static void
cocrea_bring_back_copy_dispose (GObject *object)
{
  CocreaBringBackCopy *self = COCREA_BRING_BACK_COPY (object);
  GtkWidget *child;

  if (self->conflicts_view != NULL)
    gtk_list_view_set_model (self->conflicts_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_BRING_BACK_COPY);
  /* The template's unnamed boxes too: a plain GtkWidget keeps what it parents. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (cocrea_bring_back_copy_parent_class)->dispose (object);
}

static void
cocrea_bring_back_copy_finalize (GObject *object)
{
  g_free (COCREA_BRING_BACK_COPY (object)->path);
  G_OBJECT_CLASS (cocrea_bring_back_copy_parent_class)->finalize (object);
}

static void
cocrea_bring_back_copy_class_init (CocreaBringBackCopyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_bring_back_copy_dispose;
  object_class->finalize = cocrea_bring_back_copy_finalize;

  /**
   * CocreaBringBackCopy::apply:
   * The user asked to bring this copy back, its conflicts decided.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-bring-back-copy.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, title);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, file);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, status);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, counts);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, new_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, changed_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, deleted_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, remarks);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, conflicts_window);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackCopy, conflicts_view);
  gtk_widget_class_install_action (widget_class, "copy.apply", NULL, apply_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_bring_back_copy_init (CocreaBringBackCopy *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  factory = cocrea_item_widget_factory_new (COCREA_TYPE_SYNC_CONFLICT_ROW, FALSE, NULL, NULL);
  gtk_list_view_set_factory (self->conflicts_view, factory);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "copy.apply", FALSE);
}

/* A copy not compared yet, shown by its file name. */
CocreaBringBackCopy *
cocrea_bring_back_copy_new (const char *path)
{
  CocreaBringBackCopy *self = g_object_new (COCREA_TYPE_BRING_BACK_COPY, NULL);
  g_autofree char *name = g_filename_display_basename (path);

  self->path = g_strdup (path);
  gtk_label_set_text (self->title, name);
  gtk_label_set_text (self->file, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return self;
}
