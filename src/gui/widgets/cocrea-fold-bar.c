/* cocrea-fold-bar.c — a heading and its buttons, on two lines when one is too short
 *
 * A page's heading shares its line with the page's buttons. With large
 * text (issue 11: GNOME's text scaling at 1.5 on a 1366 px screen) the
 * buttons alone filled the line and the heading was cut to "5 A…". A fold
 * bar has two children, the heading (or a box starting with it) and the
 * buttons (a box of them): on one line, the buttons at the end, when
 * both fit at their natural width; else the buttons on a line of their
 * own under the heading, so that neither is cut. At normal text size the
 * pages look as they did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-fold-bar.h"

/* Between the two lines, when folded. */
#define LINE_SPACING 6

struct _CocreaFoldBar
{
  GtkWidget parent_instance;

  int spacing;
  gboolean folded;
};

G_DEFINE_FINAL_TYPE (CocreaFoldBar, cocrea_fold_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
cocrea_fold_bar_new (void)
{
  return g_object_new (COCREA_TYPE_FOLD_BAR, NULL);
}

/* The first and the last child that take part in the layout; @start is
 * NULL when none does, and both are the same when only one does. */
static void
get_children (CocreaFoldBar *self, GtkWidget **start, GtkWidget **end)
{
  *start = *end = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (*start == NULL)
        *start = child;
      *end = child;
    }
}

/* The width the two need side by side, at their natural widths. */
static int
one_line_width (CocreaFoldBar *self, GtkWidget *start, GtkWidget *end, int *end_natural)
{
  int start_natural;

  gtk_widget_measure (start, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &start_natural, NULL, NULL);
  gtk_widget_measure (end, GTK_ORIENTATION_HORIZONTAL, -1, NULL, end_natural, NULL, NULL);
  return start_natural + self->spacing + *end_natural;
}

/* Narrowest: folded, as wide as the wider of the two. Natural: on one
 * line. Height for a width: of one line when both fit, else of two; for
 * no width in particular, of two (as high as it can need). */
static void
cocrea_fold_bar_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                         int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CocreaFoldBar *self = COCREA_FOLD_BAR (widget);
  GtkWidget *start, *end;
  int start_min, start_nat, end_min, end_nat, end_width;

  *minimum = *natural = 0;
  get_children (self, &start, &end);
  if (start == NULL)
    return;
  if (start == end)
    {
      gtk_widget_measure (start, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (start, orientation, -1, &start_min, &start_nat, NULL, NULL);
      gtk_widget_measure (end, orientation, -1, &end_min, &end_nat, NULL, NULL);
      *minimum = MAX (start_min, end_min);
      *natural = start_nat + self->spacing + end_nat;
      return;
    }

  if (for_size >= 0 && for_size >= one_line_width (self, start, end, &end_width))
    {
      gtk_widget_measure (start, orientation, for_size - self->spacing - end_width, &start_min,
                          &start_nat, NULL, NULL);
      gtk_widget_measure (end, orientation, end_width, &end_min, &end_nat, NULL, NULL);
      *minimum = MAX (start_min, end_min);
      *natural = MAX (start_nat, end_nat);
    }
  else
    {
      gtk_widget_measure (start, orientation, for_size, &start_min, &start_nat, NULL, NULL);
      gtk_widget_measure (end, orientation, for_size, &end_min, &end_nat, NULL, NULL);
      *minimum = start_min + LINE_SPACING + end_min;
      *natural = start_nat + LINE_SPACING + end_nat;
    }
}

static GtkSizeRequestMode
cocrea_fold_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cocrea_fold_bar_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CocreaFoldBar *self = COCREA_FOLD_BAR (widget);
  GtkWidget *start, *end;
  int end_width, start_height;

  get_children (self, &start, &end);
  if (start == NULL)
    return;
  if (start == end)
    {
      gtk_widget_allocate (start, width, height, -1, NULL);
      return;
    }

  self->folded = width < one_line_width (self, start, end, &end_width);
  if (!self->folded)
    {
      gtk_widget_size_allocate (start, &(GtkAllocation) { 0, 0, width - self->spacing - end_width, height }, -1);
      gtk_widget_size_allocate (end, &(GtkAllocation) { width - end_width, 0, end_width, height }, -1);
      return;
    }

  gtk_widget_measure (start, GTK_ORIENTATION_VERTICAL, width, NULL, &start_height, NULL, NULL);
  start_height = MIN (start_height, height);
  gtk_widget_size_allocate (start, &(GtkAllocation) { 0, 0, width, start_height }, -1);
  gtk_widget_size_allocate (end,
                            &(GtkAllocation) { 0, start_height + LINE_SPACING, width,
                                               MAX (height - start_height - LINE_SPACING, 0) },
                            -1);
}

int
cocrea_fold_bar_get_spacing (CocreaFoldBar *self)
{
  g_return_val_if_fail (COCREA_IS_FOLD_BAR (self), 0);
  return self->spacing;
}

/* The gap between the heading and the buttons on one line. */
void
cocrea_fold_bar_set_spacing (CocreaFoldBar *self, int spacing)
{
  g_return_if_fail (COCREA_IS_FOLD_BAR (self));
  g_return_if_fail (spacing >= 0);

  if (spacing == self->spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/* Whether the last layout put the buttons under the heading. */
gboolean
cocrea_fold_bar_is_folded (CocreaFoldBar *self)
{
  g_return_val_if_fail (COCREA_IS_FOLD_BAR (self), FALSE);
  return self->folded;
}

static void
cocrea_fold_bar_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cocrea_fold_bar_parent_class)->dispose (object);
}

static void
cocrea_fold_bar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, COCREA_FOLD_BAR (object)->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_fold_bar_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SPACING:
      cocrea_fold_bar_set_spacing (COCREA_FOLD_BAR (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_fold_bar_class_init (CocreaFoldBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_fold_bar_dispose;
  object_class->get_property = cocrea_fold_bar_get_property;
  object_class->set_property = cocrea_fold_bar_set_property;
  widget_class->measure = cocrea_fold_bar_measure;
  widget_class->get_request_mode = cocrea_fold_bar_get_request_mode;
  widget_class->size_allocate = cocrea_fold_bar_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 6,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "foldbar");
  /* What the box it stands for was. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_fold_bar_init (CocreaFoldBar *self)
{
  self->spacing = 6;
}
