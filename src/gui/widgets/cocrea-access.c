/* cocrea-access.c — what GTK 4.8 leaves undone for keyboards and screen
 * readers, done once for every window
 *
 * Buttons with a mnemonic ("_Save") are named twice by GTK 4.8: by their
 * raw label and by the label widget they are labelled by ("_Save Save").
 * Here they keep one name, their text without the underline.
 *
 * Two things GTK 4.8 does not do for GtkListView, GtkColumnView, GtkListBox
 * and GtkFlowBox:
 *
 * - A list is one Tab stop. GTK 4.8 moves Tab from row to row (30 Tabs
 *   to cross a table); GNOME lists take Tab to enter and leave, and the
 *   arrows inside. Tab on a row first reaches the row's own buttons, then
 *   leaves the list; Shift+Tab goes back to the row, then leaves.
 * - Rows and cells have names. GTK 4.8 names an unlabelled row or cell by
 *   its class ("GtkColumnViewCell", "GtkListItemWidget",
 *   "GtkFlowBoxChild"), or not at all. Each row and cell here is labelled
 *   by the labels it shows, through the labelled-by relation, so its name
 *   follows the text when a recycled row is bound to another item.
 *
 * Row widgets appear as a list view scrolls or grows, so the names are set
 * again, in an idle, whenever the list's adjustments or model change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "cocrea-access.h"
#include "cocrea-fit-screen.h"
#include "cocrea-focus-return.h"

#define NAMING_KEY "cocrea-list-access-naming"

static gboolean
is_list (GtkWidget *widget)
{
  return GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_LIST_BOX (widget) ||
         GTK_IS_FLOW_BOX (widget) || GTK_IS_GRID_VIEW (widget);
}

/* The list rows are direct children of: the list view itself, or the
 * column view's inner list view, or the box. */
static gboolean
is_row_parent (GtkWidget *widget)
{
  return GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget) ||
         GTK_IS_GRID_VIEW (widget);
}

/* Whether @widget names itself: a label with text, or a widget with an
 * accessible label of its own (an icon button, a described image). */
static gboolean
speaks (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
collect_descendants (GtkWidget *widget, GType type, const char *type_name, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (child, type)) ||
          (type_name != NULL && g_str_equal (G_OBJECT_TYPE_NAME (child), type_name)))
        g_ptr_array_add (found, child);
      collect_descendants (child, type, type_name, found);
    }
}

/* Every widget under @widget of @type. */
static GPtrArray *
descendants_of_type (GtkWidget *widget, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_descendants (widget, type, NULL, found);
  return found;
}

/* Every widget under @widget of the private GTK type called @type_name. */
static GPtrArray *
descendants_named (GtkWidget *widget, const char *type_name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_descendants (widget, G_TYPE_INVALID, type_name, found);
  return found;
}

/* GTK 4.8 reads a widget that has an accessible label and a mnemonic label
 * twice ("Thematic area Area"): the accessible label, which says more,
 * stays. */
static void
drop_mnemonic_relation (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Appends to @names the visible widgets under @widget that name themselves,
 * not looking inside those (a button's own label is its business). */
static void
collect_names (GtkWidget *widget, GPtrArray *names)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (speaks (child))
        g_ptr_array_add (names, child);
      else if (!GTK_IS_POPOVER (child))
        collect_names (child, names);
    }
}

/* Labels @row by what it shows; returns FALSE when it shows nothing
 * that names itself. @row's own accessible label, if a page set one,
 * is left alone. */
static gboolean
label_by_content (GtkWidget *row)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GValue value = G_VALUE_INIT;
  GList *list = NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  collect_names (row, names);
  if (names->len == 0)
    return FALSE;
  for (guint i = names->len; i > 0; i--)
    list = g_list_prepend (list, names->pdata[i - 1]);
  g_value_init (&value, G_TYPE_POINTER);
  g_value_set_pointer (&value, list);
  /* The relation takes the list (and watches its widgets go away). */
  gtk_accessible_update_relation_value (GTK_ACCESSIBLE (row), 1,
                                        (GtkAccessibleRelation[]) { GTK_ACCESSIBLE_RELATION_LABELLED_BY },
                                        &value);
  g_value_unset (&value);
  return TRUE;
}

/* The title of column @index of the column view holding @row_parent, or NULL. */
static const char *
column_title (GtkWidget *row_parent, guint index)
{
  GtkWidget *view = gtk_widget_get_ancestor (row_parent, GTK_TYPE_COLUMN_VIEW);
  g_autoptr (GtkColumnViewColumn) column = NULL;

  if (view == NULL)
    return NULL;
  column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)), index);
  return column != NULL ? gtk_column_view_column_get_title (column) : NULL;
}

/* One name for a button: GTK 4.8 gives a button both an accessible label
 * (its raw text, "_Save", or the page's "Decide on …") and the labelled-by
 * relation to its label widget, and reads both. The relation goes; the
 * raw text becomes the text shown, without the underline. */
static void
name_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);
  const char *raw = gtk_button_get_label (button);
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (raw != NULL && GTK_IS_LABEL (child))
    {
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, raw);
      if (mismatch == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        gtk_label_get_text (GTK_LABEL (child)), -1);
    }
}

static void
install_button (GtkButton *button)
{
  if (g_object_get_data (G_OBJECT (button), "cocrea-access") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "cocrea-access", GINT_TO_POINTER (TRUE));
      /* GTK names it again whenever the label changes. */
      g_signal_connect_after (button, "notify::label", G_CALLBACK (name_button), NULL);
      g_signal_connect_after (button, "notify::use-underline", G_CALLBACK (name_button), NULL);
    }
  name_button (button);
}

/* The list in the popup of a dropdown or combo row is named by it. */
static void
name_popup_lists (GtkWidget *dropdown)
{
  g_autoptr (GPtrArray) lists = descendants_of_type (dropdown, GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < lists->len; i++)
    if (ADW_IS_PREFERENCES_ROW (dropdown))
      gtk_accessible_update_property (GTK_ACCESSIBLE (lists->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (dropdown)), -1);
    else
      gtk_accessible_update_relation (GTK_ACCESSIBLE (lists->pdata[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, dropdown, NULL, -1);
}

/* The toggle button inside a dropdown says what the dropdown is for and
 * what it shows ("Activity Taller de generación…"), instead of
 * "GtkToggleButton". */
static void
name_dropdown (GtkWidget *dropdown)
{
  GtkWidget *button = gtk_widget_get_first_child (dropdown);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GValue value = G_VALUE_INIT;
  GList *list = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;
  drop_mnemonic_relation (dropdown);
  /* What shows the chosen item, and the popup's list, speak for the dropdown. */
  {
    g_autoptr (GPtrArray) items = descendants_named (button, "GtkListItemWidget");

    for (guint i = 0; i < items->len; i++)
      label_by_content (items->pdata[i]);
    name_popup_lists (dropdown);
  }
  collect_names (button, names);
  for (guint i = names->len; i > 0; i--)
    list = g_list_prepend (list, names->pdata[i - 1]);
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL))
    list = g_list_prepend (list, dropdown);
  if (list == NULL)
    return;
  g_value_init (&value, G_TYPE_POINTER);
  g_value_set_pointer (&value, list);
  gtk_accessible_update_relation_value (GTK_ACCESSIBLE (button), 1,
                                        (GtkAccessibleRelation[]) { GTK_ACCESSIBLE_RELATION_LABELLED_BY },
                                        &value);
  g_value_unset (&value);
}

static gboolean
name_dropdown_idle_cb (gpointer dropdown)
{
  g_object_set_data (dropdown, "cocrea-access-naming", NULL);
  name_dropdown (dropdown);
  return G_SOURCE_REMOVE;
}

/* Names the dropdown's parts again once a new choice or model is shown. */
static void
schedule_dropdown_naming (GtkWidget *dropdown)
{
  if (g_object_get_data (G_OBJECT (dropdown), "cocrea-access-naming") != NULL)
    return;
  g_object_set_data (G_OBJECT (dropdown), "cocrea-access-naming", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_LOW, name_dropdown_idle_cb, g_object_ref (dropdown), g_object_unref);
}

static void
install_dropdown (GtkWidget *dropdown)
{
  if (g_object_get_data (G_OBJECT (dropdown), "cocrea-access") == NULL)
    {
      g_object_set_data (G_OBJECT (dropdown), "cocrea-access", GINT_TO_POINTER (TRUE));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (schedule_dropdown_naming), NULL);
      g_signal_connect (dropdown, "notify::model", G_CALLBACK (schedule_dropdown_naming), NULL);
      g_signal_connect (dropdown, "map", G_CALLBACK (schedule_dropdown_naming), NULL);
    }
  name_dropdown (dropdown);
}

/* A scrolled window is named by the list it scrolls, or by its page. */
static void
name_scrolled (GtkWidget *scrolled)
{
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *page;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return;
  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  if (child != NULL && gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      child, NULL, -1);
      return;
    }
  for (page = scrolled; page != NULL; page = gtk_widget_get_parent (page))
    {
      GtkWidget *parent = gtk_widget_get_parent (page);

      const char *title = GTK_IS_STACK (parent)
                            ? gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (parent), page))
                            : NULL;

      if (title != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          title, -1);
          return;
        }
    }
}

/* A column view's inner list is named as the column view is; its header
 * row and column titles by the titles they show. */
static void
name_column_view_parts (GtkWidget *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (column_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
          gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          column_view, NULL, -1);
      }
    else
      {
        label_by_content (child);
        for (GtkWidget *title = gtk_widget_get_first_child (child); title != NULL;
             title = gtk_widget_get_next_sibling (title))
          label_by_content (title);
      }
}

static void
name_rows (GtkWidget *row_parent)
{
  for (GtkWidget *row = gtk_widget_get_first_child (row_parent); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      guint index = 0;

      if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) == NULL)
        continue;
      /* Rows are built as the list scrolls: their buttons get one name too. */
      cocrea_access_install_all (row);
      /* A flow box child around a control is no Tab stop of its own: the
       * control is (Tab reached each capture toggle twice). */
      if (GTK_IS_FLOW_BOX_CHILD (row) && gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (row)) != NULL &&
          gtk_widget_get_focusable (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (row))))
        gtk_widget_set_focusable (row, FALSE);
      label_by_content (row);

      /* A column view row holds one cell per column: each cell is named by
       * what it shows, or by its column when it shows nothing. */
      if (gtk_widget_get_ancestor (row_parent, GTK_TYPE_COLUMN_VIEW) == NULL)
        continue;
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
           cell = gtk_widget_get_next_sibling (cell), index++)
        if (!label_by_content (cell))
          {
            const char *title = column_title (row_parent, index);

            if (title != NULL)
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              title, -1);
          }
    }
}

static void
name_all (GtkWidget *widget)
{
  /* Columns may be added after the view was first named. */
  if (GTK_IS_COLUMN_VIEW (widget))
    name_column_view_parts (widget);
  if (is_row_parent (widget))
    name_rows (widget);
  /* A boxed list holding one row (a card: "OGP completion") is named by it. */
  if (GTK_IS_LIST_BOX (widget) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 1) == NULL &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    label_by_content (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!is_row_parent (widget))
      name_all (child);
}

static gboolean
name_idle_cb (gpointer data)
{
  GtkWidget *list = data;

  g_object_set_data (G_OBJECT (list), NAMING_KEY, NULL);
  name_all (list);
  return G_SOURCE_REMOVE;
}

static void
schedule_naming (GtkWidget *list)
{
  guint id;

  if (g_object_get_data (G_OBJECT (list), NAMING_KEY) != NULL)
    return;
  id = g_idle_add_full (G_PRIORITY_LOW, name_idle_cb, g_object_ref (list), g_object_unref);
  g_object_set_data (G_OBJECT (list), NAMING_KEY, GUINT_TO_POINTER (id));
}

/* Names @list's rows again when @owner's adjustment @property changes. */
static void
watch_adjustment_of (GtkWidget *list, GtkWidget *owner, const char *property)
{
  GtkAdjustment *adjustment = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (owner), property) == NULL)
    return;
  g_object_get (owner, property, &adjustment, NULL);
  if (adjustment == NULL)
    return;
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (schedule_naming), list,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (schedule_naming), list,
                           G_CONNECT_SWAPPED);
  g_object_unref (adjustment);
}

static gboolean
name_after_frame_cb (GtkWidget *list, GdkFrameClock *clock, gpointer data)
{
  schedule_naming (list);
  return G_SOURCE_REMOVE;
}

/* Items added, removed or moved get row widgets in the next frame's
 * layout, without the adjustments changing (shortlisting a proposal on
 * Prioritise left its new rows read as "GtkListItemWidget"): name them
 * once that frame is laid out. */
static void
items_changed_cb (GtkWidget *list)
{
  gtk_widget_add_tick_callback (list, name_after_frame_cb, NULL, NULL);
}

/* Follows the items of @list's model (a list, column or grid view). */
static void
watch_model (GtkWidget *list)
{
  GListModel *model = NULL;

  if (GTK_IS_LIST_VIEW (list))
    model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  else if (GTK_IS_COLUMN_VIEW (list))
    model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (list)));
  else if (GTK_IS_GRID_VIEW (list))
    model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  if (model == NULL || g_object_get_data (G_OBJECT (list), "cocrea-list-model") == model)
    return;
  g_object_set_data (G_OBJECT (list), "cocrea-list-model", model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), list,
                           G_CONNECT_SWAPPED);
}

static void
model_changed_cb (GtkWidget *list)
{
  watch_model (list);
  schedule_naming (list);
}

/* Names @list's rows and cells now, and again whenever they may change. */
static void
watch_naming (GtkWidget *list)
{
  if (g_object_get_data (G_OBJECT (list), "cocrea-list-naming") != NULL)
    return;
  g_object_set_data (G_OBJECT (list), "cocrea-list-naming", GINT_TO_POINTER (TRUE));

  watch_adjustment_of (list, list, "vadjustment");
  watch_adjustment_of (list, list, "hadjustment");
  g_signal_connect (list, "map", G_CALLBACK (schedule_naming), NULL);
  g_signal_connect (list, "notify::model", G_CALLBACK (model_changed_cb), NULL);
  watch_model (list);
  if (GTK_IS_LIST_BOX (list) || GTK_IS_FLOW_BOX (list))
    {
      /* Boxes have no adjustment of their own: rows added or removed
       * change the height of the scrolled window around them. */
      GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);

      if (scrolled != NULL)
        watch_adjustment_of (list, scrolled, "vadjustment");
    }
  schedule_naming (list);
}

/* The row of @list that holds @focus, or NULL. */
static GtkWidget *
focused_row (GtkWidget *list, GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL && w != list; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (parent != NULL && is_row_parent (parent))
        return w;
    }
  return NULL;
}

/* Moves the focus past @list in @direction, as if the list held one
 * focusable widget: the list refuses focus for a moment, so the window's
 * focus chain goes on to the next widget (wrapping around at the end). */
static void
leave_list (GtkWidget *list, GtkDirectionType direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (list));

  gtk_widget_set_can_focus (list, FALSE);
  if (!gtk_widget_child_focus (root, direction))
    gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (list, TRUE);
}

/* Space selects the row with the focus, as in GTK 3's tree views, and
 * Ctrl+Space toggles it. GTK 4.8 makes both toggle, and the arrows already
 * select the row they reach: Space then took the selection away from the
 * row the facilitator was choosing in Merge & tally. Returns whether the
 * key was used (only on a selected row; GTK selects an unselected one). */
static gboolean
select_focused_row (GtkWidget *list)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));
  GtkWidget *row = focus != NULL ? focused_row (list, focus) : NULL;

  if (row == NULL || focus != row || GTK_IS_LIST_BOX_ROW (row) || GTK_IS_FLOW_BOX_CHILD (row))
    return FALSE;
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, GtkWidget *list)
{
  GtkWidget *focus, *row;
  gboolean backward;

  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    return select_focused_row (list);
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

  focus = gtk_root_get_focus (gtk_widget_get_root (list));
  row = focus != NULL ? focused_row (list, focus) : NULL;
  if (row == NULL)
    return FALSE;
  /* A flow box lays out controls (the capture toggles) more than it
   * lists: Tab goes from control to control. */
  if (GTK_IS_FLOW_BOX (list))
    return FALSE;
  /* A boxed list without a selection is a form or a set of settings
   * (entry rows, combo rows, rows that open something): Tab goes from row
   * to row, as in any GNOME dialog. Entry rows are activatable, so asking
   * for rows that activate nothing left Tab stuck between the first field
   * of New Process and its Cancel button. */
  if (GTK_IS_LIST_BOX (list) && gtk_list_box_get_selection_mode (GTK_LIST_BOX (list)) == GTK_SELECTION_NONE)
    return FALSE;

  if (!backward && gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD))
    return TRUE;
  if (backward && focus != row && gtk_widget_get_focusable (row))
    {
      gtk_widget_grab_focus (row);
      return TRUE;
    }
  leave_list (list, backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/**
 * cocrea_list_access_install:
 * Makes @list (a GtkListView, GtkColumnView, GtkListBox, GtkFlowBox or
 * GtkGridView) one Tab stop with the arrows inside, and names its rows
 * and cells by what they show. Safe to call twice.
 */
void
cocrea_list_access_install (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (is_list (list));

  if (g_object_get_data (G_OBJECT (list), "cocrea-list-access") != NULL)
    return;
  g_object_set_data (G_OBJECT (list), "cocrea-list-access", GINT_TO_POINTER (TRUE));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), list, 0);
  gtk_widget_add_controller (list, keys);

  watch_naming (list);
}

/**
 * cocrea_access_install_all:
 * cocrea_list_access_install() on every list under @root (and @root),
 * one name for every button, and names for dropdown buttons and
 * scrolled windows. Safe to call again as widgets are added.
 */
void
cocrea_access_install_all (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    install_button (GTK_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root))
    install_dropdown (root);
  else if (ADW_IS_COMBO_ROW (root))
    {
      drop_mnemonic_relation (root);
      name_popup_lists (root);
    }
  else if (GTK_IS_IMAGE (root) &&
           !gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    /* An icon beside words says nothing a screen reader should read
     * ("GtkImage"); one that means something has a label. */
    gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_SCROLLED_WINDOW (root))
    name_scrolled (root);
  else if (GTK_IS_COLUMN_VIEW (root))
    name_column_view_parts (root);
  else
    drop_mnemonic_relation (root);
  if (is_list (root) && gtk_widget_get_ancestor (root, GTK_TYPE_POPOVER) == NULL)
    cocrea_list_access_install (root);
  else if (is_list (root))
    watch_naming (root); /* a dropdown's popup keeps its own keys */
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cocrea_access_install_all (child);
}

static void
toplevel_mapped_cb (GtkWidget *window)
{
  cocrea_access_install_all (window);
}

static void
toplevels_changed_cb (GListModel *toplevels, guint position, guint removed, guint added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "cocrea-access") != NULL)
        continue;
      g_object_set_data (G_OBJECT (window), "cocrea-access", GINT_TO_POINTER (TRUE));
      g_signal_connect (window, "map", G_CALLBACK (toplevel_mapped_cb), NULL);
      if (GTK_IS_WINDOW (window))
        {
          cocrea_fit_screen_watch (GTK_WINDOW (window));
          cocrea_focus_return_watch (GTK_WINDOW (window));
        }
    }
}

/**
 * cocrea_access_watch_toplevels:
 * From now on, every window and dialog gets cocrea_access_install_all()
 * each time it is shown, opens no larger than its screen
 * (cocrea_fit_screen_watch()), and gives the focus back to what opened it
 * when it closes (cocrea_focus_return_watch()). Call once, at start-up.
 */
void
cocrea_access_watch_toplevels (void)
{
  static gboolean watching;
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (watching)
    return;
  watching = TRUE;
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
}
