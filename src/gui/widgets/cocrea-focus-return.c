/* cocrea-focus-return.c — the focus goes back to what opened a dialog
 *
 * A GNOME dialog, once closed, gives the keyboard focus back to the
 * control that opened it. GTK 4.8 keeps each window's focus widget while
 * a dialog is up, but answering it usually changes what opened it: the
 * page reads its rows again, and the row's button is destroyed, or
 * recycled for another item, or made insensitive. The window then drops
 * its focus, and the next Tab starts over at the header bar's first
 * button.
 *
 * So, for every window with a transient parent: when it is shown, what
 * has the parent's focus is noted (the opener; an item of a popover menu
 * counts as the button the menu belongs to), with what finds it again:
 * its action and target, the list and the item of its row, its
 * ancestors. Once it is closed and the parent has laid out a frame (a
 * list builds its rows then), a focus that was lost goes back to the
 * first that can take it of: the opener; a control of the same action
 * and target; the row showing the same item (same type, same "id");
 * that list; the nearest ancestor with something focusable. A focus
 * the page moved on purpose while answering is left where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-focus-return.h"
#include "cocrea-item-widget.h"

#define OPENER_KEY "cocrea-focus-return"

typedef struct
{
  GWeakRef parent;          /* the window the dialog is transient for */
  GWeakRef widget;          /* what had the parent's focus */
  char *action_name;        /* the widget's action, when it has one */
  GVariant *action_target;
  GWeakRef list;            /* the list the widget is in a row of */
  GWeakRef item;            /* the item of that row */
  GType item_type;
  gint64 item_id;           /* the item's "id", when it has one */
  gboolean has_item_id;
  GPtrArray *ancestors;     /* GWeakRef *, nearest first, below the window */
  gboolean lost;            /* the parent dropped its focus meanwhile */
  gulong focus_handler;
} Opener;

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
opener_clear (gpointer data)
{
  Opener *self = data;
  g_autoptr (GtkWidget) parent = g_weak_ref_get (&self->parent);

  if (parent != NULL && self->focus_handler != 0)
    g_signal_handler_disconnect (parent, self->focus_handler);
  g_weak_ref_clear (&self->parent);
  g_weak_ref_clear (&self->widget);
  g_weak_ref_clear (&self->list);
  g_weak_ref_clear (&self->item);
  g_free (self->action_name);
  g_clear_pointer (&self->action_target, g_variant_unref);
  g_clear_pointer (&self->ancestors, g_ptr_array_unref);
}

static Opener *
opener_ref (Opener *self)
{
  return g_rc_box_acquire (self);
}

static void
opener_unref (gpointer self)
{
  g_rc_box_release_full (self, opener_clear);
}

/* The rows of a list are the children of these (a column view's rows,
 * of its inner list view). */
static gboolean
is_row_parent (GtkWidget *widget)
{
  return GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget) ||
         GTK_IS_GRID_VIEW (widget);
}

/* The row holding @widget (or @widget itself), its list in @list (a
 * column view rather than its inner list view); NULL when in no list. */
static GtkWidget *
row_of (GtkWidget *widget, GtkWidget **list)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (parent != NULL && is_row_parent (parent))
        {
          GtkWidget *view = gtk_widget_get_parent (parent);

          *list = GTK_IS_COLUMN_VIEW (view) ? view : parent;
          return w;
        }
    }
  *list = NULL;
  return NULL;
}

/* The widget under @root (or @root) showing an item, or NULL. */
static CocreaItemWidget *
item_widget_in (GtkWidget *root)
{
  if (COCREA_IS_ITEM_WIDGET (root))
    return COCREA_ITEM_WIDGET (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CocreaItemWidget *found = item_widget_in (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The item @row shows: the one of @widget's own cell if it has one. */
static GObject *
item_of_row (GtkWidget *row, GtkWidget *widget)
{
  GtkWidget *cell = widget != NULL ? gtk_widget_get_ancestor (widget, COCREA_TYPE_ITEM_WIDGET) : NULL;
  CocreaItemWidget *shown;

  if (cell != NULL && gtk_widget_is_ancestor (cell, row))
    return cocrea_item_widget_get_item (COCREA_ITEM_WIDGET (cell));
  shown = item_widget_in (row);
  return shown != NULL ? cocrea_item_widget_get_item (shown) : NULL;
}

static gboolean
get_id (GObject *item, gint64 *id)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "id");

  if (pspec == NULL || pspec->value_type != G_TYPE_INT64)
    return FALSE;
  g_object_get (item, "id", id, NULL);
  return TRUE;
}

/* Whether @item is the one the opener's row showed: the same record
 * read again (same type and id), or the same object. */
static gboolean
is_same_item (Opener *self, GObject *item)
{
  g_autoptr (GObject) before = NULL;
  gint64 id;

  if (item == NULL)
    return FALSE;
  if (self->has_item_id)
    return G_OBJECT_TYPE (item) == self->item_type && get_id (item, &id) && id == self->item_id;
  before = g_weak_ref_get (&self->item);
  return before == item;
}

static gboolean
has_action (GtkWidget *widget, const char *name, GVariant *target)
{
  GVariant *its;

  if (!GTK_IS_ACTIONABLE (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) != 0)
    return FALSE;
  its = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return (its == NULL && target == NULL) ||
         (its != NULL && target != NULL && g_variant_equal (its, target));
}

/* What a popover's item stands for: the button the popover belongs to. */
static GtkWidget *
outside_popovers (GtkWidget *widget)
{
  GtkWidget *popover;

  while (widget != NULL && (popover = gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER)) != NULL)
    widget = gtk_widget_get_parent (popover);
  return widget;
}

static void
focus_changed_cb (GtkWindow *parent, GParamSpec *pspec, Opener *self)
{
  if (gtk_root_get_focus (GTK_ROOT (parent)) == NULL)
    self->lost = TRUE;
}

/* Notes @widget, which has @parent's focus, and how to find it again. */
static Opener *
opener_new (GtkWindow *parent, GtkWidget *widget)
{
  Opener *self = g_rc_box_new0 (Opener);
  GtkWidget *list = NULL;
  GtkWidget *row = row_of (widget, &list);
  GtkWidget *above;

  g_weak_ref_init (&self->parent, parent);
  g_weak_ref_init (&self->widget, widget);
  g_weak_ref_init (&self->list, list);
  g_weak_ref_init (&self->item, NULL);
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      self->action_name = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
      self->action_target = target != NULL ? g_variant_ref (target) : NULL;
    }
  if (row != NULL)
    {
      GObject *item = item_of_row (row, widget);

      if (item != NULL)
        {
          g_weak_ref_set (&self->item, item);
          self->item_type = G_OBJECT_TYPE (item);
          self->has_item_id = get_id (item, &self->item_id);
        }
    }

  /* Nothing inside the list: its rows may show other items by then. */
  self->ancestors = g_ptr_array_new_with_free_func (weak_ref_free);
  for (above = gtk_widget_get_parent (list != NULL ? list : widget);
       above != NULL && above != GTK_WIDGET (parent); above = gtk_widget_get_parent (above))
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, above);
      g_ptr_array_add (self->ancestors, ref);
    }
  return self;
}

/* Whether @widget is shown in @parent and can be used. */
static gboolean
is_usable (GtkWidget *widget, GtkWindow *parent)
{
  return widget != NULL && gtk_widget_get_root (widget) == GTK_ROOT (parent) &&
         gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget);
}

/* Whether @widget, the noted one, now stands for something else: a row
 * widget the list gave another item, or a button another target. */
static gboolean
is_recycled (Opener *self, GtkWidget *widget)
{
  GtkWidget *list = NULL;
  GtkWidget *row;

  if (self->action_name != NULL && !has_action (widget, self->action_name, self->action_target))
    return TRUE;
  if (!self->has_item_id && self->item_type == G_TYPE_INVALID)
    return FALSE;
  row = row_of (widget, &list);
  return row == NULL || !is_same_item (self, item_of_row (row, widget));
}

static gboolean
take_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (widget) || gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* The first usable widget under @root with the action @name and, unless
 * @any_target, the noted target; popovers are not looked into. */
static GtkWidget *
find_action (Opener *self, GtkWidget *root, GtkWindow *parent, gboolean any_target)
{
  if (GTK_IS_POPOVER (root) || !gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_ACTIONABLE (root) && is_usable (root, parent) &&
      (any_target ? g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)),
                               self->action_name) == 0
                  : has_action (root, self->action_name, self->action_target)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action (self, child, parent, any_target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of @list showing the noted item, or NULL. */
static GtkWidget *
find_row (Opener *self, GtkWidget *list)
{
  GtkWidget *rows = list;

  if (GTK_IS_COLUMN_VIEW (list))
    for (rows = gtk_widget_get_first_child (list); rows != NULL && !GTK_IS_LIST_VIEW (rows);
         rows = gtk_widget_get_next_sibling (rows))
      ;
  if (rows == NULL)
    return NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && is_same_item (self, item_of_row (row, NULL)))
      return row;
  return NULL;
}

/* Gives @parent's focus back to the noted widget or what stands for it;
 * FALSE when nothing could take it. */
static gboolean
give_back (Opener *self, GtkWindow *parent)
{
  g_autoptr (GtkWidget) widget = g_weak_ref_get (&self->widget);
  g_autoptr (GtkWidget) list = g_weak_ref_get (&self->list);
  GtkWidget *found;

  if (is_usable (widget, parent) && !is_recycled (self, widget) && take_focus (widget))
    return TRUE;
  if (self->action_name != NULL &&
      (found = find_action (self, GTK_WIDGET (parent), parent, FALSE)) != NULL && take_focus (found))
    return TRUE;
  if (is_usable (list, parent))
    {
      GtkWidget *row = (self->has_item_id || self->item_type != G_TYPE_INVALID) ? find_row (self, list) : NULL;

      /* The row's control of that action, whatever its target now. */
      if (row != NULL && self->action_name != NULL &&
          (found = find_action (self, row, parent, TRUE)) != NULL && take_focus (found))
        return TRUE;
      if (row != NULL && take_focus (row))
        return TRUE;
      if (take_focus (list))
        return TRUE;
    }
  for (guint i = 0; i < self->ancestors->len; i++)
    {
      g_autoptr (GtkWidget) above = g_weak_ref_get (self->ancestors->pdata[i]);

      if (is_usable (above, parent) && gtk_widget_child_focus (above, GTK_DIR_TAB_FORWARD))
        return TRUE;
    }
  return FALSE;
}

static gboolean
restore_cb (gpointer data)
{
  Opener *self = data;
  g_autoptr (GtkWindow) parent = g_weak_ref_get (&self->parent);
  g_autoptr (GtkWidget) widget = NULL;
  GtkWidget *focus;

  if (parent == NULL)
    return G_SOURCE_REMOVE;
  g_clear_signal_handler (&self->focus_handler, parent);
  if (!gtk_widget_get_mapped (GTK_WIDGET (parent)))
    return G_SOURCE_REMOVE;

  focus = gtk_root_get_focus (GTK_ROOT (parent));
  widget = g_weak_ref_get (&self->widget);
  /* Kept, or moved on purpose: nothing to do. */
  if (!self->lost && focus != NULL && (focus != widget || !is_recycled (self, widget)))
    return G_SOURCE_REMOVE;
  give_back (self, parent);
  return G_SOURCE_REMOVE;
}

/* Once the frame after the dialog closed is laid out: rows are built. */
static gboolean
after_frame_cb (GtkWidget *parent, GdkFrameClock *clock, gpointer data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_cb, opener_ref (data), opener_unref);
  return G_SOURCE_REMOVE;
}

static void
dialog_mapped_cb (GtkWindow *dialog)
{
  GtkWindow *parent = gtk_window_get_transient_for (dialog);
  GtkWidget *focus = parent != NULL ? outside_popovers (gtk_root_get_focus (GTK_ROOT (parent))) : NULL;

  /* Nothing had the focus (a dialog at start-up): nothing to give back. */
  if (focus == NULL)
    g_object_set_data (G_OBJECT (dialog), OPENER_KEY, NULL);
  else
    g_object_set_data_full (G_OBJECT (dialog), OPENER_KEY, opener_new (parent, focus), opener_unref);
}

static void
dialog_unmapped_cb (GtkWindow *dialog)
{
  Opener *self = g_object_steal_data (G_OBJECT (dialog), OPENER_KEY);
  g_autoptr (GtkWindow) parent = NULL;
  g_autoptr (GtkWidget) widget = NULL;
  GtkWidget *focus;

  if (self == NULL)
    return;
  parent = g_weak_ref_get (&self->parent);
  if (parent == NULL || !gtk_widget_get_mapped (GTK_WIDGET (parent)))
    {
      opener_unref (self);
      return;
    }

  focus = outside_popovers (gtk_root_get_focus (GTK_ROOT (parent)));
  widget = g_weak_ref_get (&self->widget);
  if (focus == NULL)
    self->lost = TRUE;
  else if (focus != widget)
    {
      /* The answer moved the focus on purpose: that is where it returns. */
      opener_unref (self);
      self = opener_new (parent, focus);
    }
  self->focus_handler = g_signal_connect (parent, "notify::focus-widget",
                                          G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_tick_callback (GTK_WIDGET (parent), after_frame_cb, self, opener_unref);
}

/**
 * cocrea_focus_return_watch:
 * From now on, whenever @window (a dialog, or any window with a transient
 * parent) closes, the parent's focus goes back to what opened it, or to
 * what stands for it now (see above). Safe to call twice.
 */
void
cocrea_focus_return_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "cocrea-focus-return-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "cocrea-focus-return-watched", GINT_TO_POINTER (TRUE));
  g_signal_connect (window, "map", G_CALLBACK (dialog_mapped_cb), NULL);
  g_signal_connect (window, "unmap", G_CALLBACK (dialog_unmapped_cb), NULL);
}
