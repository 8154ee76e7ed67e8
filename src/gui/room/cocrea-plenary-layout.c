/* cocrea-plenary-layout.c — rows top down, as many as fit whole
 *
 * The projector shows as many proposals as fit legibly, and never half
 * of one: a row cut at the bottom of the screen is read wrong from the
 * back of the hall. This layout stacks its children at their natural
 * height for the width given, and those that would not fit whole are not
 * mapped (the first always is). "n-fit" says how many were shown, which
 * is how far Page Down moves. Titles wrap, so how many fit depends on the
 * width, the text size and the titles themselves: only the layout knows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-plenary-layout.h"

#define SPACING 14

struct _CocreaPlenaryLayout
{
  GtkLayoutManager parent_instance;

  guint n_fit;
};

G_DEFINE_FINAL_TYPE (CocreaPlenaryLayout, cocrea_plenary_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_N_FIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Vertically: at least the first row, at best all of them. */
static void
cocrea_plenary_layout_measure (GtkLayoutManager *manager, GtkWidget *widget,
                               GtkOrientation orientation, int for_size, int *minimum,
                               int *natural, int *minimum_baseline, int *natural_baseline)
{
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
          continue;
        }
      if (first)
        *minimum = child_min;
      *natural += child_nat + (first ? 0 : SPACING);
      first = FALSE;
    }
}

static void
cocrea_plenary_layout_allocate (GtkLayoutManager *manager, GtkWidget *widget, int width,
                                int height, int baseline)
{
  CocreaPlenaryLayout *self = COCREA_PLENARY_LAYOUT (manager);
  gboolean full = FALSE;
  guint n_fit = 0;
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      if (!full)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL,
                              NULL);
          /* Once one does not fit, none after it shows: the rows stay in order. */
          full = n_fit > 0 && y + child_height > height;
        }
      gtk_widget_set_child_visible (child, !full);
      if (full)
        continue;
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + SPACING;
      n_fit++;
    }

  if (n_fit != self->n_fit)
    {
      self->n_fit = n_fit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FIT]);
    }
}

/* How many rows the last layout showed whole (the first one counts even
 * when it is taller than the space). */
guint
cocrea_plenary_layout_get_n_fit (CocreaPlenaryLayout *self)
{
  g_return_val_if_fail (COCREA_IS_PLENARY_LAYOUT (self), 0);

  return self->n_fit;
}

static void
cocrea_plenary_layout_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_N_FIT:
      g_value_set_uint (value, COCREA_PLENARY_LAYOUT (object)->n_fit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_plenary_layout_class_init (CocreaPlenaryLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = cocrea_plenary_layout_get_property;
  layout_class->measure = cocrea_plenary_layout_measure;
  layout_class->allocate = cocrea_plenary_layout_allocate;

  /**
   * CocreaPlenaryLayout:n-fit:
   * How many rows the last layout showed whole.
   */
  properties[PROP_N_FIT] = g_param_spec_uint ("n-fit", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_plenary_layout_init (CocreaPlenaryLayout *self)
{
}
