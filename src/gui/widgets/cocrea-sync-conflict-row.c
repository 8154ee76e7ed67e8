/* cocrea-sync-conflict-row.c — a conflict of a laptop's copy, both versions and the choice
 *
 * The item is a CocreaSyncConflict: what and why come through the
 * template; both versions are written here ("deleted" where a side has
 * none), and the dropdown shows and sets the decision. Nothing is chosen
 * for the user: until they pick, the copy cannot be brought back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-sync-conflict-row.h"
#include "cocrea-sync-conflict.h"

struct _CocreaSyncConflictRow
{
  CocreaItemWidget parent_instance;

  gboolean showing; /* the dropdown follows the item: no choice made */

  /* template children */
  GtkLabel *ours;
  GtkLabel *theirs;
  GtkDropDown *choice;
};

G_DEFINE_FINAL_TYPE (CocreaSyncConflictRow, cocrea_sync_conflict_row, COCREA_TYPE_ITEM_WIDGET)

/* The dropdown's rows, in order; taking theirs only where it is offered. */
static CocreaSyncResolution
resolution_at (CocreaSyncConflict *conflict, guint position)
{
  if (position == 1)
    return COCREA_SYNC_KEEP_OURS;
  if (position == 2 && cocrea_sync_conflict_can_take_theirs (conflict))
    return COCREA_SYNC_TAKE_THEIRS;
  return COCREA_SYNC_UNRESOLVED;
}

static void
choice_changed_cb (CocreaSyncConflictRow *self)
{
  CocreaSyncConflict *conflict = cocrea_item_widget_get_item (COCREA_ITEM_WIDGET (self));

  if (conflict != NULL && !self->showing)
    cocrea_sync_conflict_set_resolution (conflict,
                                         resolution_at (conflict,
                                                        gtk_drop_down_get_selected (self->choice)));
}

static void
cocrea_sync_conflict_row_show_item (CocreaItemWidget *widget, gpointer data)
{
  CocreaSyncConflictRow *self = COCREA_SYNC_CONFLICT_ROW (widget);
  CocreaSyncConflict *conflict = COCREA_SYNC_CONFLICT (data);
  const char *ours = cocrea_sync_conflict_get_ours (conflict);
  const char *theirs = cocrea_sync_conflict_get_theirs (conflict);
  const char *choices[] = {
    _("Decide…"),
    _("Keep this file’s"),
    cocrea_sync_conflict_can_take_theirs (conflict) ? _("Take the copy’s") : NULL,
    NULL,
  };
  g_autoptr (GtkStringList) model = gtk_string_list_new (choices);
  /* TRANSLATORS: this file's version of a row in conflict, "Here: “Más luminarias”" */
  g_autofree char *here = g_strdup_printf (_("Here: %s"), ours != NULL ? ours : _("deleted"));
  /* TRANSLATORS: the copy's version of a row in conflict */
  g_autofree char *there = g_strdup_printf (_("In the copy: %s"),
                                            theirs != NULL ? theirs : _("deleted"));
  g_autofree char *name = g_strdup_printf (_("Which version of %s to keep"),
                                           cocrea_sync_conflict_get_title (conflict));

  gtk_label_set_text (self->ours, here);
  gtk_label_set_text (self->theirs, there);

  self->showing = TRUE;
  gtk_drop_down_set_model (self->choice, G_LIST_MODEL (model));
  switch (cocrea_sync_conflict_get_resolution (conflict))
    {
    case COCREA_SYNC_KEEP_OURS:
      gtk_drop_down_set_selected (self->choice, 1);
      break;
    case COCREA_SYNC_TAKE_THEIRS:
      gtk_drop_down_set_selected (self->choice, 2);
      break;
    case COCREA_SYNC_UNRESOLVED:
    default:
      gtk_drop_down_set_selected (self->choice, 0);
      break;
    }
  self->showing = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

static void
cocrea_sync_conflict_row_class_init (CocreaSyncConflictRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_sync_conflict_row_show_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-sync-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaSyncConflictRow, ours);
  gtk_widget_class_bind_template_child (widget_class, CocreaSyncConflictRow, theirs);
  gtk_widget_class_bind_template_child (widget_class, CocreaSyncConflictRow, choice);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_sync_conflict_row_init (CocreaSyncConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
