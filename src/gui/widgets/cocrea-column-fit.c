/* cocrea-column-fit.c — a column view's expanding column, as wide as the others leave
 *
 * Tables whose texts wrap (proposal titles, contributions) let one column
 * take the width the others leave. GTK 4.8 measures a wrapped cell of an
 * expanding column at the whole row's width, and keeps a row's height
 * when that column later widens or narrows (rows' sizes are cached by
 * the list's width): rows come out too tall, or their text is cut. A
 * column with a fixed width is measured at that width, and measured again
 * when the width is set. So the expanding column's width is set here, to
 * what the others leave, whenever the view's width or its columns change.
 *
 * The other columns' fixed widths were numbers of pixels, which cut their
 * headings and figures with large text (issue 11: "Contribut", "4.0 · med"
 * at 150 %). A column given its content (cocrea_column_fit_content()) is
 * as wide as its heading and its widest text need in the view's font, and
 * follows the text size when the desktop changes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-column-fit.h"

typedef struct
{
  GtkColumnView *view; /* not a reference: the state is the view's data */
  int least;
  guint idle;
} Fit;

/* What a column must show whole: its texts, and what its cells show
 * beside them. */
typedef struct
{
  char **texts;
  CocreaColumnFitFlags flags;
  int extra;
} Content;

/* Adwaita's (libadwaita 1.2) tables: a cell's padding (6 px each side)
 * and its left border (1 px); a heading's the same, in bold at 9 pt, and
 * a sortable column's heading has a 16 px sort indicator 6 px after its
 * title. SLACK: a pixel or two of rounding. */
#define CELL_PADDING (6 + 6 + 1)
#define HEADING_FONT_SIZE 9
#define SORT_INDICATOR (16 + 6)
#define SLACK 2

static void
content_free (gpointer data)
{
  Content *content = data;

  g_strfreev (content->texts);
  g_free (content);
}

static void
fit_free (gpointer data)
{
  Fit *fit = data;

  g_clear_handle_id (&fit->idle, g_source_remove);
  g_free (fit);
}

/* The width @text takes in @view's font, in pixels: in bold with @bold,
 * at HEADING_FONT_SIZE points with @heading, and wrapped at @wrap_width
 * pixels unless it is negative (at 0: broken wherever it may be, the
 * widest unbreakable piece). Figures are measured with tabular digits,
 * as the "numeric" style class shows them. */
static int
text_width (GtkColumnView *view, const char *text, gboolean bold, gboolean heading, int wrap_width)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoRectangle logical;

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (heading)
    pango_attr_list_insert (attrs, pango_attr_size_new (HEADING_FONT_SIZE * PANGO_SCALE));
  else
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (wrap_width >= 0)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_width (layout, wrap_width * PANGO_SCALE);
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

/* The width @column's heading needs, whole. */
static int
heading_width (GtkColumnView *view, GtkColumnViewColumn *column)
{
  const char *title = gtk_column_view_column_get_title (column);

  if (title == NULL || *title == '\0')
    return 0;
  return text_width (view, title, TRUE, TRUE, -1) +
         (gtk_column_view_column_get_sorter (column) != NULL ? SORT_INDICATOR : 0) + CELL_PADDING +
         SLACK;
}

/* The widths @column needs to show its heading and @content whole: on
 * one line (@natural), and broken where the texts may break (@minimum,
 * the same as @natural unless COCREA_COLUMN_FIT_WRAP). */
static void
content_widths (GtkColumnView *view, GtkColumnViewColumn *column, const Content *content,
                int *minimum, int *natural)
{
  gboolean bold = (content->flags & COCREA_COLUMN_FIT_BOLD) != 0;
  gboolean wrap = (content->flags & COCREA_COLUMN_FIT_WRAP) != 0;

  *minimum = *natural = heading_width (view, column);
  for (guint i = 0; content->texts != NULL && content->texts[i] != NULL; i++)
    {
      int one_line = text_width (view, content->texts[i], bold, FALSE, -1);
      int broken = wrap ? text_width (view, content->texts[i], bold, FALSE, 0) : one_line;

      *natural = MAX (*natural, one_line + content->extra + CELL_PADDING + SLACK);
      *minimum = MAX (*minimum, broken + content->extra + CELL_PADDING + SLACK);
    }
}

/* The width @column takes when its texts wrap to fit @cap pixels: as
 * wide as their widest line then, so that the width they leave goes to
 * the expanding column. */
static int
wrapped_width (GtkColumnView *view, GtkColumnViewColumn *column, const Content *content, int cap)
{
  gboolean bold = (content->flags & COCREA_COLUMN_FIT_BOLD) != 0;
  int room = MAX (cap - content->extra - CELL_PADDING - SLACK, 0);
  int width = heading_width (view, column);

  for (guint i = 0; content->texts != NULL && content->texts[i] != NULL; i++)
    width = MAX (width, text_width (view, content->texts[i], bold, FALSE, room) + content->extra +
                          CELL_PADDING + SLACK);
  return MIN (width, cap);
}

/* The width of the columns of @minimum and @natural widths when none is
 * wider than @cap, unless its minimum is. */
static int
capped_sum (GArray *minimum, GArray *natural, int cap)
{
  int sum = 0;

  for (guint i = 0; i < natural->len; i++)
    sum += MAX (g_array_index (minimum, int, i), MIN (g_array_index (natural, int, i), cap));
  return sum;
}

/* The widest cap under which the columns take no more than @room: the
 * widest columns give way first, and alike (five criteria's figures all
 * go onto more lines, and a narrow column keeps its line). */
static int
widest_cap (GArray *minimum, GArray *natural, int room)
{
  int low = 0, high = 0;

  for (guint i = 0; i < natural->len; i++)
    high = MAX (high, g_array_index (natural, int, i));
  if (capped_sum (minimum, natural, high) <= room)
    return high;
  while (low < high)
    {
      int middle = low + (high - low + 1) / 2;

      if (capped_sum (minimum, natural, middle) <= room)
        low = middle;
      else
        high = middle - 1;
    }
  return low;
}

/* The columns given their content get their whole width when the view
 * has room for it beside the expanding column's least, else the widest
 * of them wrap their texts at the same width (not below their minimum)
 * and keep the width of their widest line; the expanding column takes
 * what is left. */
static gboolean
fit_now (gpointer data)
{
  Fit *fit = data;
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fit->view));
  GListModel *columns = gtk_column_view_get_columns (fit->view);
  g_autoptr (GtkColumnViewColumn) expanding = NULL;
  g_autoptr (GPtrArray) fitted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) minimum = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) natural = g_array_new (FALSE, FALSE, sizeof (int));
  int least = fit->least;
  int words = 0; /* the expanding column's longest word, given its content */
  int others = 0;
  int page, cap, width;

  fit->idle = 0;
  if (hadjustment == NULL)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      Content *content;
      int min, nat;

      if (!gtk_column_view_column_get_visible (column))
        continue;
      content = g_object_get_data (G_OBJECT (column), "cocrea-column-fit-content");
      if (expanding == NULL && gtk_column_view_column_get_expand (column))
        {
          least = MAX (least, heading_width (fit->view, column));
          if (content != NULL)
            {
              content_widths (fit->view, column, content, &min, &nat);
              words = min;
            }
          expanding = g_steal_pointer (&column);
          continue;
        }
      if (content == NULL)
        {
          others += MAX (gtk_column_view_column_get_fixed_width (column), 0);
          continue;
        }
      content_widths (fit->view, column, content, &min, &nat);
      g_ptr_array_add (fitted, g_steal_pointer (&column));
      g_array_append_val (minimum, min);
      g_array_append_val (natural, nat);
    }

  page = (int) gtk_adjustment_get_page_size (hadjustment);
  /* Its longest word whole, unless that would take more than a third. */
  least = MAX (least, MIN (words, page / 3));
  cap = widest_cap (minimum, natural, page - others - (expanding != NULL ? least : 0));
  for (guint i = 0; i < fitted->len; i++)
    {
      int min = g_array_index (minimum, int, i);
      int nat = g_array_index (natural, int, i);
      GtkColumnViewColumn *column = fitted->pdata[i];

      if (nat <= cap)
        width = nat;
      else
        width = MAX (min, wrapped_width (fit->view, column,
                                         g_object_get_data (G_OBJECT (column), "cocrea-column-fit-content"),
                                         cap));
      if (gtk_column_view_column_get_fixed_width (fitted->pdata[i]) != width)
        gtk_column_view_column_set_fixed_width (fitted->pdata[i], width);
      others += width;
    }

  if (expanding == NULL)
    return G_SOURCE_REMOVE;
  width = MAX (least, page - others);
  if (gtk_column_view_column_get_fixed_width (expanding) != width)
    gtk_column_view_column_set_fixed_width (expanding, width);
  return G_SOURCE_REMOVE;
}

/* Widths change while GTK allocates, where a column may not be resized:
 * the column follows just after, before the next frame is drawn. */
static void
fit_later (Fit *fit)
{
  if (fit != NULL && fit->view != NULL && fit->idle == 0)
    fit->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_now, fit, NULL);
}

static void
width_changed_cb (GtkAdjustment *hadjustment, GParamSpec *pspec, GtkColumnView *view)
{
  fit_later (g_object_get_data (G_OBJECT (view), "cocrea-column-fit"));
}

static void
columns_changed_cb (GListModel *columns, guint position, guint removed, guint added,
                    GtkColumnView *view)
{
  fit_later (g_object_get_data (G_OBJECT (view), "cocrea-column-fit"));
}

/* The desktop's text size or font changed: the columns given their
 * content follow. */
static void
font_changed_cb (GtkSettings *settings, GParamSpec *pspec, GtkColumnView *view)
{
  fit_later (g_object_get_data (G_OBJECT (view), "cocrea-column-fit"));
}

/* A view being destroyed is fitted no more. */
static void
view_destroyed_cb (GtkColumnView *view)
{
  Fit *fit = g_object_get_data (G_OBJECT (view), "cocrea-column-fit");

  g_clear_handle_id (&fit->idle, g_source_remove);
  fit->view = NULL;
}

/**
 * cocrea_column_fit:
 * From now on, keeps the first visible expanding column of @view (which
 * must already sit in its scrolled window) as wide as the other columns'
 * fixed widths leave, and at least @least pixels and its heading's width,
 * as the view's width and its columns change. The other columns should
 * have fixed widths, or be given their content
 * (cocrea_column_fit_content()).
 */
void
cocrea_column_fit (GtkColumnView *view, int least)
{
  GtkAdjustment *hadjustment;
  Fit *fit;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  g_return_if_fail (hadjustment != NULL);

  fit = g_new0 (Fit, 1);
  fit->view = view;
  fit->least = least;
  g_object_set_data_full (G_OBJECT (view), "cocrea-column-fit", fit, fit_free);
  /* Connected for as long as the view lives. */
  g_signal_connect_object (hadjustment, "notify::page-size", G_CALLBACK (width_changed_cb), view, 0);
  g_signal_connect_object (gtk_column_view_get_columns (view), "items-changed",
                           G_CALLBACK (columns_changed_cb), view, 0);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (view)), "notify::gtk-xft-dpi",
                           G_CALLBACK (font_changed_cb), view, 0);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (view)), "notify::gtk-font-name",
                           G_CALLBACK (font_changed_cb), view, 0);
  g_signal_connect (view, "destroy", G_CALLBACK (view_destroyed_cb), NULL);
  fit_later (fit);
}

/**
 * cocrea_column_fit_content:
 * From now on, keeps @column as wide as its heading and the widest of
 * @texts need in the view's font, plus @extra pixels for what a cell
 * shows beside its text (an icon); with %COCREA_COLUMN_FIT_WRAP, narrower
 * when the view is too narrow. The expanding column of a view fitted by
 * cocrea_column_fit() is given its content (%COCREA_COLUMN_FIT_WRAP) to
 * be kept as wide as its longest word, up to a third of the view: its
 * texts wrap, but not inside a word. Call it again when the texts change;
 * %NULL @texts: the heading alone.
 */
void
cocrea_column_fit_content (GtkColumnViewColumn *column, const char *const *texts,
                           CocreaColumnFitFlags flags, int extra)
{
  GtkColumnView *view;
  Content *content;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (extra >= 0);

  content = g_new0 (Content, 1);
  content->texts = g_strdupv ((char **) texts);
  content->flags = flags;
  content->extra = extra;
  g_object_set_data_full (G_OBJECT (column), "cocrea-column-fit-content", content, content_free);
  view = gtk_column_view_column_get_column_view (column);
  if (view != NULL)
    fit_later (g_object_get_data (G_OBJECT (view), "cocrea-column-fit"));
}
