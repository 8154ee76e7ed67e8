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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-column-fit.h"

typedef struct
{
  GtkColumnView *view; /* not a reference: the state is the view's data */
  int least;
  guint idle;
} Fit;

static void
fit_free (gpointer data)
{
  Fit *fit = data;

  g_clear_handle_id (&fit->idle, g_source_remove);
  g_free (fit);
}

static gboolean
fit_now (gpointer data)
{
  Fit *fit = data;
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fit->view));
  GListModel *columns = gtk_column_view_get_columns (fit->view);
  g_autoptr (GtkColumnViewColumn) expanding = NULL;
  int others = 0;
  int width;

  fit->idle = 0;
  if (hadjustment == NULL)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      if (expanding == NULL && gtk_column_view_column_get_expand (column))
        expanding = g_steal_pointer (&column);
      else
        others += MAX (gtk_column_view_column_get_fixed_width (column), 0);
    }
  if (expanding == NULL)
    return G_SOURCE_REMOVE;
  width = MAX (fit->least, (int) gtk_adjustment_get_page_size (hadjustment) - others);
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
 * fixed widths leave, and at least @least pixels, as the view's width and
 * its columns change. The other columns should have fixed widths.
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
  g_signal_connect (view, "destroy", G_CALLBACK (view_destroyed_cb), NULL);
  fit_later (fit);
}
