/* test-gui-large-text.c — every page at 1366×768 with text at 150 %
 *
 * Issue 11: with GNOME's text scaling factor at 1.5 (Large Text), every
 * page of the demo must still fit a 1366×768 laptop screen without cut
 * controls. The scaling factor reaches GTK as the Xft resolution
 * (gtk-xft-dpi, 96 × 1.5 dpi here, as gnome-settings-daemon sets it; GTK 4
 * has no GDK_DPI_SCALE). For each page the test shows it in a 1366×768
 * window and checks that the window's content asks for no more than that
 * (GTK cuts what does not fit), that no table is wider than its
 * place (its last columns out of sight) and that no heading or choice is
 * cut with an ellipsis for want of room, then, with COCREA_SCREENSHOT_DIR
 * set, saves a picture of the page and the sidebar as GTK draws them
 * (and of each table, which may be scrolled out of sight). meson runs it
 * on a screen of its own, 1366×768, once in English and once in Spanish
 * (LANGUAGE=es), whose longer words are the harder test. Exits 77
 * (skipped) without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cocrea-application.h"
#include "cocrea-fold-bar.h"
#include "cocrea-page.h"
#include "cocrea-process-view.h"
#include "cocrea-window.h"
#include "gui-harness.h"

#define WIDTH 1366
#define HEIGHT 768
#define TEXT_SCALE 1.5

/* Pages whose tables may still be wider than the page at 150 % text, a
 * defect mended elsewhere; none now (the Viability score grid was the
 * last). Kept so that a page can be listed while it waits. */
static const char *known_wide[] = { NULL };

static const char *pages[] = {
  "overview", "activities", "capture", "merge", "prioritise",
  "viability", "selection", "plan", "consultation", "export",
};

/* @widget as it draws itself, as a PNG in COCREA_SCREENSHOT_DIR. */
static void
save_widget (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("COCREA_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* How many tables (or grids) on @page are wider than their scrolled
 * window, so that columns, and the buttons in them, are out of sight. */
static guint
count_wide_tables (GtkWidget *page, const char *page_name)
{
  g_autoptr (GPtrArray) scrolled = gui_find_all_of_type (page, GTK_TYPE_SCROLLED_WINDOW);
  guint wide = 0;

  for (guint i = 0; i < scrolled->len; i++)
    {
      GtkScrolledWindow *sw = scrolled->pdata[i];
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (sw);

      if (!gtk_widget_get_mapped (GTK_WIDGET (sw)))
        continue;
      if (gtk_adjustment_get_upper (h) > gtk_adjustment_get_page_size (h) + 1)
        {
          GtkWidget *child = gtk_scrolled_window_get_child (sw);

          g_test_message ("%s: a %s is %.0f wide in %.0f", page_name,
                          child != NULL ? G_OBJECT_TYPE_NAME (child) : "scrolled window",
                          gtk_adjustment_get_upper (h), gtk_adjustment_get_page_size (h));
          wide++;
        }
    }
  return wide;
}

/* Whether @label is in a list's row (a GtkListView, GtkColumnView or
 * GtkGridView): titles there are meant to give way to the list's other
 * columns and end in an ellipsis; the row's dialog shows them whole. */
static gboolean
is_in_list_row (GtkWidget *label)
{
  return gtk_widget_get_ancestor (label, GTK_TYPE_LIST_VIEW) != NULL ||
         gtk_widget_get_ancestor (label, GTK_TYPE_COLUMN_VIEW) != NULL ||
         gtk_widget_get_ancestor (label, GTK_TYPE_GRID_VIEW) != NULL;
}

/* A drop-down button may cut a long name of the process's (an activity,
 * a commitment: its list shows them whole), but must show this many of
 * its first characters, enough to tell which it is, and a shorter choice
 * ("All comments") whole. */
#define CHOICE_SHOWN_CHARS 16

/* The width @label needs to show the first @n characters of its text. */
static int
prefix_width (GtkWidget *label, guint n)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  const char *end = g_utf8_offset_to_pointer (text, MIN (n, g_utf8_strlen (text, -1)));
  g_autofree char *prefix = g_strndup (text, end - text);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (label, prefix);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* How many labels on @page, outside lists' rows, are cut with an
 * ellipsis for want of room: a heading ("5 A…" for "5 Activities") or
 * a choice on a drop-down button ("All comm…"). A label given its
 * natural width and still cut is cut where it was meant to be (at its
 * max-width-chars); so is a long name on a drop-down button, down to
 * CHOICE_SHOWN_CHARS. */
static guint
count_cut_labels (GtkWidget *page, const char *page_name)
{
  g_autoptr (GPtrArray) labels = gui_find_all_of_type (page, GTK_TYPE_LABEL);
  guint cut = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];
      int natural, needed;

      if (!gtk_widget_get_mapped (label) ||
          gtk_label_get_ellipsize (GTK_LABEL (label)) == PANGO_ELLIPSIZE_NONE ||
          is_in_list_row (label) ||
          !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        continue;
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      needed = natural;
      if (gtk_widget_get_ancestor (label, GTK_TYPE_DROP_DOWN) != NULL)
        needed = MIN (natural, prefix_width (label, CHOICE_SHOWN_CHARS));
      if (gtk_widget_get_width (label) < needed)
        {
          g_test_message ("%s: \"%s\" is cut to %d px; it needs %d", page_name,
                          gtk_label_get_text (GTK_LABEL (label)), gtk_widget_get_width (label), needed);
          cut++;
        }
    }
  return cut;
}

/* Whether @label, in a table's heading or cell, is shown only in part:
 * given less than it needs (its natural width, or its minimum when it
 * wraps), or running past a cell or a heading, which hide what overflows
 * them ("Contribut" for "Contributions", "4.0 · med" for "4.0 · med 4.0").
 * Labels that end in an ellipsis are meant to give way, and are left to
 * count_cut_labels(). */
static gboolean
is_clipped_in_table (GtkWidget *label)
{
  GtkWidget *view = gtk_widget_get_ancestor (label, GTK_TYPE_COLUMN_VIEW);
  int minimum, natural;

  if (view == NULL || gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    return FALSE;
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  if (gtk_widget_get_width (label) < (gtk_label_get_wrap (GTK_LABEL (label)) ? minimum : natural))
    return TRUE;
  for (GtkWidget *clip = gtk_widget_get_parent (label); clip != view; clip = gtk_widget_get_parent (clip))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_overflow (clip) != GTK_OVERFLOW_HIDDEN ||
          !gtk_widget_compute_bounds (label, clip, &bounds))
        continue;
      if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (clip) + 0.5)
        return TRUE;
    }
  return FALSE;
}

/* How many labels in @page's tables, headings or cells, are cut short. */
static guint
count_clipped_table_labels (GtkWidget *page, const char *page_name)
{
  g_autoptr (GPtrArray) labels = gui_find_all_of_type (page, GTK_TYPE_LABEL);
  guint clipped = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];

      if (!gtk_widget_get_mapped (label) || !is_clipped_in_table (label))
        continue;
      g_test_message ("%s: \"%s\" is cut by its table's column", page_name,
                      gtk_label_get_text (GTK_LABEL (label)));
      clipped++;
    }
  return clipped;
}

/* Each mapped table of @page, as it draws itself, whether or not it is
 * scrolled into sight (the Viability page's aggregate is below the fold). */
static void
save_tables (GtkWidget *page, guint number, const char *page_name)
{
  g_autoptr (GPtrArray) views = gui_find_all_of_type (page, GTK_TYPE_COLUMN_VIEW);
  guint saved = 0;

  for (guint i = 0; i < views->len; i++)
    {
      g_autofree char *name = NULL;

      if (!gtk_widget_get_mapped (views->pdata[i]))
        continue;
      name = g_strdup_printf ("large-text-%02u-%s-table-%u.png", number, page_name, ++saved);
      save_widget (views->pdata[i], name);
    }
}

static void
test_large_text (void)
{
  GtkWindow *window;
  GtkWidget *content;

  window = cocrea_application_open_path (gui.app, gui.demo_path);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gui_wait_for (gui_is_mapped, window);
  content = gtk_window_get_child (window);
  g_assert_nonnull (content);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("large-text-%02u-%s.png", i + 1, pages[i]);
      int min_width, min_height;

      GtkWidget *page = gui_show_page (window, pages[i], COCREA_TYPE_PAGE);
      for (int j = 0; j < 10; j++)
        gui_settle ();
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, WIDTH, &min_height, NULL, NULL, NULL);
      g_test_message ("%s: needs at least %d×%d", pages[i], min_width, min_height);
      /* Below the header bar, which GTK 4.8 will not draw by hand while
       * it waits for its allocation ("Trying to snapshot AdwHeaderBar"). */
      save_widget (gui_find_one_of_type (content, COCREA_TYPE_PROCESS_VIEW), name);
      save_tables (page, i + 1, pages[i]);
      if (count_wide_tables (page, pages[i]) > 0 &&
          !g_strv_contains (known_wide, pages[i]))
        g_test_fail_printf ("The %s page has a table wider than the page at 150 %% text: "
                            "columns and their buttons are out of sight", pages[i]);
      if (count_cut_labels (page, pages[i]) > 0)
        g_test_fail_printf ("The %s page cuts a heading or a choice short at 150 %% text", pages[i]);
      if (count_clipped_table_labels (page, pages[i]) > 0)
        g_test_fail_printf ("The %s page cuts a table's heading or cell short at 150 %% text", pages[i]);
      if (min_width > WIDTH || min_height > HEIGHT)
        g_test_fail_printf ("The %s page needs %d×%d at 150 %% text: more than %d×%d, so it is cut",
                            pages[i], min_width, min_height, WIDTH, HEIGHT);
    }
  gtk_window_destroy (window);
}

/* A box asking for exactly @width × @height. */
static GtkWidget *
sized_box (int width, int height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (box, width, height);
  return box;
}

/* The bar the headings above sit in: one line when the heading and the
 * buttons both fit at their natural width, two otherwise. */
static void
test_fold_bar (void)
{
  GtkWidget *bar = g_object_ref_sink (cocrea_fold_bar_new ());
  GtkWidget *heading = sized_box (100, 20);
  GtkWidget *buttons = sized_box (200, 30);
  int minimum, natural;

  cocrea_fold_bar_set_spacing (COCREA_FOLD_BAR (bar), 10);
  gtk_widget_set_parent (heading, bar);
  gtk_widget_set_parent (buttons, bar);

  gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 200);
  g_assert_cmpint (natural, ==, 310);
  gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, 310, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 30);
  g_assert_cmpint (natural, ==, 30);
  gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, 309, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 20 + 6 + 30);

  gtk_widget_size_allocate (bar, &(GtkAllocation) { 0, 0, 400, 30 }, -1);
  g_assert_false (cocrea_fold_bar_is_folded (COCREA_FOLD_BAR (bar)));
  g_assert_cmpint (gtk_widget_get_width (heading), ==, 190);
  g_assert_cmpint (gtk_widget_get_width (buttons), ==, 200);

  gtk_widget_size_allocate (bar, &(GtkAllocation) { 0, 0, 250, 56 }, -1);
  g_assert_true (cocrea_fold_bar_is_folded (COCREA_FOLD_BAR (bar)));
  g_assert_cmpint (gtk_widget_get_width (heading), ==, 250);
  g_assert_cmpint (gtk_widget_get_height (heading), ==, 20);
  g_assert_cmpint (gtk_widget_get_width (buttons), ==, 250);
  g_assert_cmpint (gtk_widget_get_height (buttons), ==, 30);

  g_object_unref (bar);
}

int
main (int argc, char **argv)
{
  /* In English unless LANGUAGE says otherwise (meson runs it again with
   * LANGUAGE=es), from the build's catalogs (COCREA_LOCALEDIR). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COCREA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!gui_harness_init (&argc, &argv, "cocrea-gui-large-text", "org.cocrea.Cocrea.TestLargeText"))
    return 77;
  /* Before any window exists, as a desktop sets it before applications
   * start. Even so GTK 4.8 sometimes draws a frame of the window before
   * its header bar is laid out again at this resolution, and warns
   * ("Trying to snapshot AdwHeaderBar without a current allocation"):
   * one frame's glitch, not what this test checks, so warnings are not
   * fatal here (criticals still are). */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96 * TEXT_SCALE * 1024), NULL);
  g_test_add_func ("/gui-large-text/fold-bar", test_fold_bar);
  g_test_add_func ("/gui-large-text/every-page", test_large_text);
  return gui_harness_run ();
}
