/* cocrea-chart-renderer.c
 *
 * Layout in device units, top to bottom: title, legend, the plot with
 * category labels on the left, the value axis, the note. Long labels
 * (Spanish proposal titles run to 80 characters) wrap onto two lines
 * when the row is tall enough and are ellipsized otherwise; nothing is
 * drawn outside the rectangle given. Text uses Cairo's toy API with
 * "DejaVu Sans", which every supported system has (fonts-dejavu-core),
 * so the PNG looks the same on the build machine and in the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-chart-renderer.h"
#include "cocrea-error.h"
#include "cocrea-output.h"

#define FONT_FAMILY "DejaVu Sans"
#define PAD 14.0
#define TITLE_SIZE 17.0
#define LABEL_SIZE 13.0
#define SMALL_SIZE 11.5
#define GAP 8.0

/* GNOME palette tones: darker ones on white, lighter ones on dark grey,
 * each at least 3:1 against its background. */
static const CocreaChartPalette light_palette = {
  .foreground = { 0.12, 0.12, 0.12, 1 },
  .background = { 1, 1, 1, 1 },
  .accent     = { 0.208, 0.518, 0.894, 1 },   /* blue 3 #3584e4 */
  .grid       = { 0.87, 0.87, 0.85, 1 },
  .flag       = { 0.753, 0.110, 0.157, 1 },   /* red 4 #c01c28 */
  .heat_low   = { 0.925, 0.953, 0.988, 1 },
  .heat_high  = { 0.102, 0.373, 0.706, 1 },   /* blue 5 #1a5fb4 */
  .series = {
    { 0.208, 0.518, 0.894, 1 },  /* unused: the accent */
    { 0.569, 0.255, 0.675, 1 },  /* purple 3 #9141ac */
    { 0.180, 0.761, 0.494, 1 },  /* green 4 #2ec27e */
    { 0.902, 0.380, 0.0, 1 },    /* orange 4 #e66100 */
    { 0.753, 0.110, 0.157, 1 },  /* red 4 #c01c28 */
    { 0.525, 0.369, 0.235, 1 },  /* brown 4 #865e3c */
  },
};

static const CocreaChartPalette dark_palette = {
  .foreground = { 1, 1, 1, 1 },
  .background = { 0.141, 0.141, 0.141, 1 },   /* #242424 */
  .accent     = { 0.471, 0.682, 0.929, 1 },   /* blue 2 #78aeed */
  .grid       = { 0.30, 0.30, 0.32, 1 },
  .flag       = { 1.0, 0.745, 0.435, 1 },     /* orange 1 #ffbe6f */
  .heat_low   = { 0.20, 0.22, 0.26, 1 },
  .heat_high  = { 0.384, 0.627, 0.918, 1 },   /* blue 2 #62a0ea */
  .series = {
    { 0.471, 0.682, 0.929, 1 },
    { 0.753, 0.380, 0.796, 1 },  /* purple 2 #c061cb */
    { 0.341, 0.890, 0.537, 1 },  /* green 2 #57e389 */
    { 1.0, 0.639, 0.282, 1 },    /* orange 2 #ffa348 */
    { 0.965, 0.380, 0.318, 1 },  /* red 1 #f66151 */
    { 0.804, 0.671, 0.561, 1 },  /* brown 1 #cdab8f */
  },
};

/* The built-in light or dark palette (static; copy it to change colours). */
const CocreaChartPalette *
cocrea_chart_palette_get_default (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

static void
set_color (cairo_t *cr, const CocreaColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static const CocreaColor *
series_color (const CocreaChartPalette *palette, guint s)
{
  return s == 0 ? &palette->accent : &palette->series[1 + (s - 1) % (COCREA_CHART_N_SERIES_COLORS - 1)];
}

/* The colour series @s is drawn in: its own, or for a muted series a
 * grey of the text colour that still stands out from the background. */
static CocreaColor
series_fill (CocreaChart *chart, const CocreaChartPalette *palette, guint s)
{
  CocreaColor fill = *series_color (palette, s);

  if (cocrea_chart_series_get_muted (cocrea_chart_get_series_at (chart, s)))
    {
      fill = palette->foreground;
      fill.alpha = 0.45;
    }
  return fill;
}

static void
set_font (cairo_t *cr, double size, gboolean bold)
{
  cairo_select_font_face (cr, FONT_FAMILY, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static double
text_width (cairo_t *cr, const char *text)
{
  cairo_text_extents_t extents;
  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

/* Line height of the current font. */
static double
line_height (cairo_t *cr)
{
  cairo_font_extents_t extents;
  cairo_font_extents (cr, &extents);
  return extents.height;
}

/* Draws @text with its top-left corner at @x, @y. */
static void
show_text_at (cairo_t *cr, double x, double y, const char *text)
{
  cairo_font_extents_t extents;
  cairo_font_extents (cr, &extents);
  cairo_move_to (cr, x, y + extents.ascent);
  cairo_show_text (cr, text);
}

/* @text cut at a character boundary and ended with "…" to fit @max_width. */
static char *
ellipsize (cairo_t *cr, const char *text, double max_width)
{
  glong n_chars, lo = 0, hi;

  if (text_width (cr, text) <= max_width)
    return g_strdup (text);

  n_chars = g_utf8_strlen (text, -1);
  hi = n_chars;
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (text, mid);
      g_autofree char *candidate = g_strdup_printf ("%.*s…", (int) (end - text), text);
      if (text_width (cr, candidate) <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }
  {
    const char *end = g_utf8_offset_to_pointer (text, lo);
    g_autofree char *head = g_strndup (text, end - text);
    g_strchomp (head);
    return g_strdup_printf ("%s…", head);
  }
}

/*
 * wrap:
 * Breaks @text at spaces into at most @max_lines lines no wider than
 * @max_width; the last line is ellipsized if text remains. Returns a
 * NULL-terminated array of lines.
 */
static GStrv
wrap (cairo_t *cr, const char *text, double max_width, guint max_lines)
{
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr (GString) line = g_string_new (NULL);
  g_auto (GStrv) spaced = g_strsplit (text, " ", -1);
  guint n_lines = 0;

  /* Words break at spaces and after hyphens ("Político-|administrativa");
   * a word keeps its hyphen, and a leading "\x01" marks "no space before". */
  for (guint i = 0; spaced[i] != NULL; i++)
    {
      const char *start = spaced[i];
      if (*start == '\0')
        continue;
      for (const char *p = start; *p; p++)
        if (*p == '-' && p[1] != '\0' && p > start)
          {
            g_ptr_array_add (words, g_strdup_printf ("%s%.*s", start == spaced[i] ? "" : "\x01",
                                                     (int) (p + 1 - start), start));
            start = p + 1;
          }
      g_ptr_array_add (words, g_strdup_printf ("%s%s", start == spaced[i] ? "" : "\x01", start));
    }

  for (guint i = 0; i < words->len && n_lines < max_lines;)
    {
      const char *word = g_ptr_array_index (words, i);
      gboolean glued = word[0] == '\x01';
      g_autofree char *candidate = NULL;

      if (glued)
        word++;
      candidate = line->len == 0 ? g_strdup (word)
                                 : g_strdup_printf ("%s%s%s", line->str, glued ? "" : " ", word);

      if (text_width (cr, candidate) <= max_width)
        {
          g_string_assign (line, candidate);
          i++;
          continue;
        }
      if (line->len == 0 || n_lines == max_lines - 1)
        {
          /* A word too wide alone, or the last line: fill it and ellipsize. */
          g_autoptr (GString) rest = g_string_new (line->len == 0 ? word : candidate);
          g_autofree char *cut = NULL;
          for (guint j = i + 1; j < words->len; j++)
            {
              const char *w = g_ptr_array_index (words, j);
              if (w[0] == '\x01')
                g_string_append (rest, w + 1);
              else
                g_string_append_printf (rest, " %s", w);
            }
          if (n_lines == max_lines - 1)
            {
              cut = ellipsize (cr, rest->str, max_width);
              g_strv_builder_add (lines, cut);
              g_string_truncate (line, 0);
              n_lines++;
              break;
            }
          cut = ellipsize (cr, word, max_width);
          g_strv_builder_add (lines, cut);
          n_lines++;
          i++;
          continue;
        }
      g_strv_builder_add (lines, line->str);
      g_string_truncate (line, 0);
      n_lines++;
    }
  if (line->len > 0 && n_lines < max_lines)
    g_strv_builder_add (lines, line->str);

  return g_strv_builder_end (lines);
}

/* A round step (1, 2 or 5 × 10^k) that cuts 0–@max into about 5 ticks. */
static double
nice_step (double max, gboolean integers)
{
  double raw = max / 5, magnitude, step;

  if (max <= 0)
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  step = raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10;
  step *= magnitude;
  return integers ? MAX (1, round (step)) : step;
}

/* Draws the title (bold, up to two lines); returns its height. */
static double
draw_title (CocreaChart *chart, cairo_t *cr, double x, double y, double width,
            const CocreaChartPalette *palette)
{
  g_auto (GStrv) lines = NULL;
  double lh;

  set_font (cr, TITLE_SIZE, TRUE);
  lh = line_height (cr);
  lines = wrap (cr, cocrea_chart_get_title (chart), width, 2);
  set_color (cr, &palette->foreground);
  for (guint i = 0; lines[i] != NULL; i++)
    show_text_at (cr, x, y + i * lh, lines[i]);
  return g_strv_length (lines) * lh;
}

static CocreaColor
mix (const CocreaColor *a, const CocreaColor *b, double t)
{
  t = CLAMP (t, 0, 1);
  return (CocreaColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    1,
  };
}

/* Draws a small triangle, the flag marker, with its right angle at @x, @y (top right). */
static void
draw_flag (cairo_t *cr, double x, double y, double size, const CocreaChartPalette *palette)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, y + size);
  cairo_line_to (cr, x - size, y);
  cairo_close_path (cr);
  set_color (cr, &palette->flag);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->background);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/*
 * draw_legend:
 * Lays out the legend items (series swatches, the flag marker) in rows
 * that fit @width; draws them when @draw, and returns the height used.
 */
static double
draw_legend (CocreaChart *chart, cairo_t *cr, double x, double y, double width,
             const CocreaChartPalette *palette, gboolean draw)
{
  guint n_series = cocrea_chart_get_n_series (chart);
  gboolean show_series = cocrea_chart_get_kind (chart) != COCREA_CHART_HEATMAP && n_series > 1;
  const char *flag_label = cocrea_chart_get_flag_label (chart);
  double lh, swatch, cx = x, cy = y;
  guint n_items = (show_series ? n_series : 0) + (flag_label != NULL ? 1 : 0);

  if (n_items == 0)
    return 0;

  set_font (cr, SMALL_SIZE, FALSE);
  lh = line_height (cr) + 4;
  swatch = SMALL_SIZE;

  for (guint i = 0; i < n_items; i++)
    {
      gboolean is_flag = !show_series || i == n_series;
      const char *label = is_flag ? flag_label
                                  : cocrea_chart_series_get_name (cocrea_chart_get_series_at (chart, i));
      g_autofree char *cut = ellipsize (cr, label, width - swatch - 6);
      double item_w = swatch + 6 + text_width (cr, cut) + 16;

      if (cx > x && cx + item_w > x + width)
        {
          cx = x;
          cy += lh;
        }
      if (draw)
        {
          if (is_flag)
            {
              CocreaColor cell = mix (&palette->heat_low, &palette->heat_high, 0.5);
              cairo_rectangle (cr, cx, cy + 1, swatch, swatch);
              set_color (cr, &cell);
              cairo_fill (cr);
              draw_flag (cr, cx + swatch, cy + 1, swatch * 0.75, palette);
            }
          else
            {
              CocreaColor fill = series_fill (chart, palette, i);
              cairo_rectangle (cr, cx, cy + 1, swatch, swatch);
              set_color (cr, &fill);
              cairo_fill (cr);
            }
          set_color (cr, &palette->foreground);
          show_text_at (cr, cx + swatch + 6, cy, cut);
        }
      cx += item_w;
    }
  return cy - y + lh;
}

/*
 * draw_category_labels:
 * Writes category @i's label right-aligned in a column @width wide,
 * centred on a row from @top, @band high: two lines when the row has
 * room, else one, ellipsized.
 */
/* The lines @label takes in a row @band high, in the current font, with
 * @gap pixels to spare. */
static GStrv
wrap_category_label (cairo_t *cr, const char *label, double width, double band, double gap)
{
  double lh = line_height (cr);

  /* As many lines as the row holds, up to three: "Personas en situación de
   * discapacidad: subrepresentación" needs them in a narrow column. */
  return wrap (cr, label, width, band >= 3 * lh + gap ? 3 : band >= 2 * lh + gap ? 2 : 1);
}

/* Whether @chart's category labels, in rows @band high, take the small
 * font: when one is cut ("Foro Regular de Gobi…") in a row too low for
 * another line, the small font gets one more in, so the name can be read.
 * All of them then, so that the rows look alike. */
static gboolean
category_labels_small (CocreaChart *chart, cairo_t *cr, double width, double band)
{
  gboolean small = FALSE;

  for (guint i = 0; i < cocrea_chart_get_n_categories (chart) && !small; i++)
    {
      const char *label = cocrea_chart_get_category (chart, i);
      g_auto (GStrv) lines = NULL;
      g_auto (GStrv) small_lines = NULL;
      guint n;

      set_font (cr, LABEL_SIZE, FALSE);
      lines = wrap_category_label (cr, label, width, band, 2);
      n = g_strv_length (lines);
      if (n == 0 || !g_str_has_suffix (lines[n - 1], "…"))
        continue;
      set_font (cr, SMALL_SIZE, FALSE);
      small_lines = wrap_category_label (cr, label, width, band, 0);
      small = g_strv_length (small_lines) > n;
    }
  return small;
}

static void
draw_category_label (cairo_t *cr, const char *label, double x, double width, double top,
                     double band, gboolean small, const CocreaChartPalette *palette)
{
  g_auto (GStrv) lines = NULL;
  double lh;
  guint n;

  set_font (cr, small ? SMALL_SIZE : LABEL_SIZE, FALSE);
  lh = line_height (cr);
  /* The small font's lines may fill the row: its line height has room. */
  lines = wrap_category_label (cr, label, width, band, small ? 0 : 2);
  n = g_strv_length (lines);
  set_color (cr, &palette->foreground);
  for (guint l = 0; l < n; l++)
    show_text_at (cr, x + width - text_width (cr, lines[l]), top + (band - n * lh) / 2 + l * lh, lines[l]);
}

/* The width the category labels need, capped at @max. */
static double
category_column_width (CocreaChart *chart, cairo_t *cr, double max)
{
  double widest = 0;

  set_font (cr, LABEL_SIZE, FALSE);
  for (guint i = 0; i < cocrea_chart_get_n_categories (chart); i++)
    widest = MAX (widest, text_width (cr, cocrea_chart_get_category (chart, i)));
  return MIN (widest, max);
}

/* Whether any value of @chart is flagged. */
static gboolean
has_flags (CocreaChart *chart)
{
  for (guint s = 0; s < cocrea_chart_get_n_series (chart); s++)
    for (guint i = 0; i < cocrea_chart_get_n_categories (chart); i++)
      if (cocrea_chart_series_get_flag (cocrea_chart_get_series_at (chart, s), i))
        return TRUE;
  return FALSE;
}

static void
draw_bars (CocreaChart *chart, cairo_t *cr, double x, double y, double width, double height,
           const CocreaChartPalette *palette)
{
  guint n_cat = cocrea_chart_get_n_categories (chart);
  guint n_series = cocrea_chart_get_n_series (chart);
  gboolean integers = cocrea_chart_get_digits (chart) == 0;
  gboolean small_labels;
  double max = cocrea_chart_get_max_value (chart);
  double step = nice_step (max, integers);
  double axis_max = MAX (step, ceil (max / step - 1e-9) * step);
  double label_w, plot_x, plot_w, plot_h, band, lh_small, value_w, axis_h;
  g_autofree char *widest_value = cocrea_chart_format_value (chart, axis_max);

  set_font (cr, SMALL_SIZE, FALSE);
  lh_small = line_height (cr);
  value_w = text_width (cr, widest_value) + 6;
  if (has_flags (chart))
    value_w += lh_small + 8; /* room for the flag marker after a value */
  axis_h = lh_small + 6 + (cocrea_chart_get_value_label (chart) != NULL ? lh_small + 2 : 0);

  label_w = category_column_width (chart, cr, width * 0.38);
  plot_x = x + label_w + GAP;
  plot_w = width - label_w - GAP - value_w;
  plot_h = height - axis_h;
  if (plot_w < 20 || plot_h < 10 || n_cat == 0)
    return;
  band = plot_h / n_cat;

  /* Grid and ticks. */
  cairo_set_line_width (cr, 1);
  for (double t = 0; t <= axis_max + 1e-9; t += step)
    {
      double gx = round (plot_x + t / axis_max * plot_w) + 0.5;
      g_autofree char *label = cocrea_chart_format_value (chart, t);

      if (!integers)
        {
          g_free (label);
          label = g_strdup_printf ("%g", t);
        }
      set_color (cr, &palette->grid);
      cairo_move_to (cr, gx, y);
      cairo_line_to (cr, gx, y + plot_h);
      cairo_stroke (cr);
      set_font (cr, SMALL_SIZE, FALSE);
      set_color (cr, &palette->foreground);
      show_text_at (cr, gx - text_width (cr, label) / 2, y + plot_h + 4, label);
    }
  if (cocrea_chart_get_value_label (chart) != NULL)
    {
      const char *value_label = cocrea_chart_get_value_label (chart);
      set_font (cr, SMALL_SIZE, TRUE);
      show_text_at (cr, plot_x + (plot_w - text_width (cr, value_label)) / 2,
                    y + plot_h + 6 + lh_small, value_label);
    }

  small_labels = category_labels_small (chart, cr, label_w, band);
  for (guint i = 0; i < n_cat; i++)
    {
      double top = y + i * band;
      double group_h = band * (n_series > 1 ? 0.82 : 0.66);
      double bar_h = MIN (group_h / MAX (n_series, 1), 30);
      double group_top = top + (band - bar_h * n_series) / 2;

      draw_category_label (cr, cocrea_chart_get_category (chart, i), x, label_w, top, band,
                           small_labels, palette);

      for (guint s = 0; s < n_series; s++)
        {
          CocreaChartSeries *series = cocrea_chart_get_series_at (chart, s);
          double v = cocrea_chart_series_get_value (series, i);
          double by = group_top + s * bar_h;
          double bw;

          if (isnan (v))
            continue;
          bw = MAX (v / axis_max * plot_w, v > 0 ? 1 : 0);
          /* 1 px gap between bars of a group keeps them apart in both palettes. */
          cairo_rectangle (cr, plot_x, by + (n_series > 1 ? 0.5 : 0), bw,
                           bar_h - (n_series > 1 ? 1 : 0));
          set_color (cr, series_color (palette, s));
          cairo_fill (cr);

          if (cocrea_chart_series_has_range (series) && !isnan (cocrea_chart_series_get_low (series, i)))
            {
              double lx = plot_x + cocrea_chart_series_get_low (series, i) / axis_max * plot_w;
              double hx = plot_x + cocrea_chart_series_get_high (series, i) / axis_max * plot_w;
              double cy = by + bar_h / 2;
              set_color (cr, &palette->foreground);
              cairo_set_line_width (cr, 1.5);
              cairo_move_to (cr, lx, cy);
              cairo_line_to (cr, hx, cy);
              cairo_move_to (cr, lx, cy - bar_h / 4);
              cairo_line_to (cr, lx, cy + bar_h / 4);
              cairo_move_to (cr, hx, cy - bar_h / 4);
              cairo_line_to (cr, hx, cy + bar_h / 4);
              cairo_stroke (cr);
            }

          /* Value at the bar's end when the bar is tall enough to read it. */
          set_font (cr, SMALL_SIZE, FALSE);
          if (bar_h >= lh_small * 0.8)
            {
              g_autofree char *text = cocrea_chart_format_value (chart, v);
              CocreaColor ink = palette->foreground;
              /* Zeros stay readable but step back, so the real bars lead the eye. */
              if (v == 0)
                ink.alpha *= 0.55;
              set_color (cr, &ink);
              show_text_at (cr, plot_x + bw + 4, by + (bar_h - lh_small) / 2, text);
              /* A flagged value gets the marker after its number; the
               * words of the flag are in the legend and the category. */
              if (cocrea_chart_series_get_flag (series, i))
                {
                  double size = MIN (bar_h, lh_small);
                  draw_flag (cr, plot_x + bw + 4 + text_width (cr, text) + 4 + size, by + (bar_h - size) / 2,
                             size, palette);
                }
            }
        }
    }

  /* The value axis baseline, over the bars' starts. */
  set_color (cr, &palette->foreground);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, round (plot_x) + 0.5, y);
  cairo_line_to (cr, round (plot_x) + 0.5, y + plot_h);
  cairo_stroke (cr);
}


static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Near-black or white text, whichever contrasts more with @fill (WCAG ratio). */
static CocreaColor
text_on (const CocreaColor *fill)
{
  static const CocreaColor dark = { 0.1, 0.1, 0.1, 1 }, white = { 1, 1, 1, 1 };
  double l = 0.2126 * linear (fill->red) + 0.7152 * linear (fill->green) + 0.0722 * linear (fill->blue);
  double l_dark = 0.2126 * linear (0.1) + 0.7152 * linear (0.1) + 0.0722 * linear (0.1);
  double on_white = 1.05 / (l + 0.05), on_dark = (l + 0.05) / (l_dark + 0.05);

  return on_dark > on_white ? dark : white;
}

/* Whether every column name of the heat map fits @max_width on at most
 * three wrapped lines, uncut. The bold small font must be set. */
static gboolean
column_names_fit (CocreaChart *chart, cairo_t *cr, double max_width)
{
  for (guint c = 0; c < cocrea_chart_get_n_series (chart); c++)
    {
      const char *name = cocrea_chart_series_get_name (cocrea_chart_get_series_at (chart, c));
      g_auto (GStrv) lines = wrap (cr, name, max_width, 3);

      for (guint l = 0; lines[l] != NULL; l++)
        if (g_str_has_suffix (lines[l], "…") && !g_str_has_suffix (name, "…"))
          return FALSE;
    }
  return TRUE;
}

/*
 * draw_column_key:
 * Lays out "1 Name", "2 Name"… for the heat map's numbered columns in rows
 * that fit @width; draws them when @draw, and returns the height used.
 */
static double
draw_column_key (CocreaChart *chart, cairo_t *cr, double x, double y, double width,
                 const CocreaChartPalette *palette, gboolean draw)
{
  double lh, cx = x, cy = y;

  set_font (cr, SMALL_SIZE, FALSE);
  lh = line_height (cr) + 2;
  for (guint c = 0; c < cocrea_chart_get_n_series (chart); c++)
    {
      const char *name = cocrea_chart_series_get_name (cocrea_chart_get_series_at (chart, c));
      g_autofree char *item = g_strdup_printf ("%u %s", c + 1, name);
      g_autofree char *cut = ellipsize (cr, item, width);
      double item_w = text_width (cr, cut) + 16;

      if (cx > x && cx + item_w > x + width)
        {
          cx = x;
          cy += lh;
        }
      if (draw)
        {
          set_color (cr, &palette->foreground);
          show_text_at (cr, cx, cy, cut);
        }
      cx += item_w;
    }
  set_font (cr, SMALL_SIZE, TRUE);
  return cy - y + lh;
}

static void
draw_heatmap (CocreaChart *chart, cairo_t *cr, double x, double y, double width, double height,
              const CocreaChartPalette *palette)
{
  guint n_rows = cocrea_chart_get_n_categories (chart);
  guint n_cols = cocrea_chart_get_n_series (chart);
  double label_w, grid_x, grid_w, col_w, header_h, row_h, lh, lh_small, scale_h, key_h;
  guint header_lines = 1;
  gboolean numbered, small_labels;

  if (n_rows == 0 || n_cols == 0)
    return;

  label_w = category_column_width (chart, cr, width * 0.34);
  grid_x = x + label_w + GAP;
  grid_w = width - label_w - GAP;
  col_w = grid_w / n_cols;

  /* Column headers wrap onto up to three lines; when one would still be
   * cut ("Viabili… técnica"), every column is numbered instead and a key
   * above the grid names them in full, as the plan's tables do. */
  set_font (cr, SMALL_SIZE, TRUE);
  lh_small = line_height (cr);
  numbered = !column_names_fit (chart, cr, col_w - 6);
  /* Numbered columns hold only a value: the proposals' names may have
   * more of the width. */
  if (numbered)
    {
      label_w = category_column_width (chart, cr, width * 0.5);
      grid_x = x + label_w + GAP;
      grid_w = width - label_w - GAP;
      col_w = grid_w / n_cols;
      set_font (cr, SMALL_SIZE, TRUE);
    }
  if (!numbered)
    for (guint c = 0; c < n_cols; c++)
      {
        g_auto (GStrv) lines = wrap (cr, cocrea_chart_series_get_name (cocrea_chart_get_series_at (chart, c)),
                                     col_w - 6, 3);
        header_lines = MAX (header_lines, g_strv_length (lines));
      }
  key_h = numbered ? draw_column_key (chart, cr, x, y, width, palette, FALSE) + 4 : 0;
  header_h = key_h + header_lines * lh_small + 6;
  scale_h = lh_small + 10;
  row_h = MIN ((height - header_h - scale_h) / n_rows, 56);
  if (row_h < 8 || col_w < 12)
    return;

  if (numbered)
    draw_column_key (chart, cr, x, y, width, palette, TRUE);
  for (guint c = 0; c < n_cols; c++)
    {
      CocreaChartSeries *series = cocrea_chart_get_series_at (chart, c);
      g_auto (GStrv) lines = NULL;
      double cx = grid_x + c * col_w;
      guint n;

      set_font (cr, SMALL_SIZE, TRUE);
      if (numbered)
        {
          lines = g_new0 (char *, 2);
          lines[0] = g_strdup_printf ("%u", c + 1);
        }
      else
        lines = wrap (cr, cocrea_chart_series_get_name (series), col_w - 6, 3);
      n = g_strv_length (lines);
      set_color (cr, &palette->foreground);
      for (guint l = 0; l < n; l++)
        show_text_at (cr, cx + (col_w - text_width (cr, lines[l])) / 2,
                      y + header_h - 6 - (n - l) * lh_small, lines[l]);
    }

  small_labels = category_labels_small (chart, cr, label_w, row_h);
  for (guint r = 0; r < n_rows; r++)
    {
      double top = y + header_h + r * row_h;

      draw_category_label (cr, cocrea_chart_get_category (chart, r), x, label_w, top, row_h,
                           small_labels, palette);

      for (guint c = 0; c < n_cols; c++)
        {
          CocreaChartSeries *series = cocrea_chart_get_series_at (chart, c);
          double v = cocrea_chart_series_get_value (series, r);
          double lo = 0, hi = 1;
          double cx = grid_x + c * col_w;
          g_autofree char *text = cocrea_chart_format_value (chart, v);
          CocreaColor fill = palette->grid, ink;

          if (!cocrea_chart_series_get_scale (series, &lo, &hi))
            hi = MAX (cocrea_chart_get_max_value (chart), 1);
          if (!isnan (v))
            fill = mix (&palette->heat_low, &palette->heat_high, (v - lo) / (hi - lo));
          ink = text_on (&fill);

          cairo_rectangle (cr, cx + 1, top + 1, col_w - 2, row_h - 2);
          set_color (cr, &fill);
          cairo_fill (cr);

          set_font (cr, LABEL_SIZE, TRUE);
          lh = line_height (cr);
          set_color (cr, isnan (v) ? &palette->foreground : &ink);
          show_text_at (cr, cx + (col_w - text_width (cr, text)) / 2, top + (row_h - lh) / 2, text);

          if (cocrea_chart_series_get_flag (series, r))
            draw_flag (cr, cx + col_w - 1, top + 1, MIN (row_h, col_w) * 0.5, palette);
        }
    }

  /* The colour scale: a gradient from the bottom to the top of the scale. */
  {
    double sy = y + header_h + n_rows * row_h + 8;
    double sw = MIN (grid_w * 0.5, 220), sx = grid_x;
    double lo = 0, hi = 1;
    g_autofree char *low_text = NULL;
    g_autofree char *high_text = NULL;
    cairo_pattern_t *gradient = cairo_pattern_create_linear (sx, 0, sx + sw, 0);

    if (!cocrea_chart_series_get_scale (cocrea_chart_get_series_at (chart, 0), &lo, &hi))
      hi = MAX (cocrea_chart_get_max_value (chart), 1);
    low_text = g_strdup_printf ("%g", lo);
    high_text = g_strdup_printf ("%g", hi);

    cairo_pattern_add_color_stop_rgb (gradient, 0, palette->heat_low.red, palette->heat_low.green,
                                      palette->heat_low.blue);
    cairo_pattern_add_color_stop_rgb (gradient, 1, palette->heat_high.red, palette->heat_high.green,
                                      palette->heat_high.blue);
    set_font (cr, SMALL_SIZE, FALSE);
    set_color (cr, &palette->foreground);
    show_text_at (cr, sx, sy, low_text);
    sx += text_width (cr, low_text) + 6;
    cairo_rectangle (cr, sx, sy + 2, sw, lh_small - 4);
    cairo_set_source (cr, gradient);
    cairo_fill_preserve (cr);
    set_color (cr, &palette->grid);
    cairo_set_line_width (cr, 1);
    cairo_stroke (cr);
    cairo_pattern_destroy (gradient);
    set_color (cr, &palette->foreground);
    show_text_at (cr, sx + sw + 6, sy, high_text);
  }
}


/* The first day of @year, as a Julian day. */
static double
year_start (int year)
{
  g_autoptr (GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear) CLAMP (year, 1, 9999));
  return g_date_get_julian (date);
}

static int
year_of (double day)
{
  g_autoptr (GDate) date = g_date_new_julian ((guint32) CLAMP (day, 1, G_MAXUINT32));
  return g_date_get_year (date);
}

/* The span series @s has for category @i, or FALSE. */
static gboolean
timeline_span (CocreaChart *chart, guint i, guint *s, double *low, double *high)
{
  for (guint k = 0; k < cocrea_chart_get_n_series (chart); k++)
    {
      CocreaChartSeries *series = cocrea_chart_get_series_at (chart, k);
      double lo = cocrea_chart_series_get_low (series, i), hi = cocrea_chart_series_get_high (series, i);

      if (cocrea_chart_series_has_range (series) && !isnan (lo) && !isnan (hi))
        {
          *s = k;
          *low = MIN (lo, hi);
          *high = MAX (lo, hi);
          return TRUE;
        }
    }
  return FALSE;
}

/* Draws the marker (today) as a dashed line over the plot with its label
 * above it, or, when it falls outside the years shown, its label with an
 * arrow at the edge it lies beyond. */
static void
draw_timeline_marker (CocreaChart *chart, cairo_t *cr, double plot_x, double plot_w, double top,
                      double plot_top, double plot_h, double first, double last,
                      const CocreaChartPalette *palette)
{
  double marker = 0, mx;
  const char *label = NULL;
  g_autofree char *text = NULL;

  if (!cocrea_chart_get_marker (chart, &marker, &label))
    return;

  set_font (cr, SMALL_SIZE, TRUE);
  set_color (cr, &palette->flag);
  if (marker < first || marker > last)
    {
      gboolean after = marker > last;

      text = g_strdup_printf (after ? "%s →" : "← %s", label);
      show_text_at (cr, after ? plot_x + plot_w - text_width (cr, text) : plot_x, top, text);
      return;
    }

  mx = round (plot_x + (marker - first) / (last - first) * plot_w) + 0.5;
  cairo_save (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (const double[]) { 6, 4 }, 2, 0);
  cairo_move_to (cr, mx, plot_top - 2);
  cairo_line_to (cr, mx, plot_top + plot_h);
  cairo_stroke (cr);
  cairo_restore (cr);
  show_text_at (cr, CLAMP (mx - text_width (cr, label) / 2, plot_x, plot_x + plot_w - text_width (cr, label)),
                top, label);
}

/*
 * draw_timeline:
 * A row per category: its label on the left, its span as a bar on an axis
 * of whole years (gridlines at each quarter when there is room), its note
 * written beside the bar, a flag marker at the end of a flagged one; the
 * marker (today) across all rows.
 */
static void
draw_timeline (CocreaChart *chart, cairo_t *cr, double x, double y, double width, double height,
               const CocreaChartPalette *palette)
{
  guint n = cocrea_chart_get_n_categories (chart);
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE, first, last;
  double label_w, plot_x, plot_w, plot_top, plot_h, band, lh_small, marker_h, axis_h;
  int first_year, last_year;
  gboolean small_labels;

  for (guint i = 0; i < n; i++)
    {
      guint s;
      double low, high;
      if (timeline_span (chart, i, &s, &low, &high))
        {
          min = MIN (min, low);
          max = MAX (max, high);
        }
    }
  set_font (cr, SMALL_SIZE, FALSE);
  lh_small = line_height (cr);
  if (n == 0 || min > max)
    {
      show_text_at (cr, x, y, _("There is nothing to show yet."));
      return;
    }

  first_year = year_of (min);
  last_year = year_of (max);
  first = year_start (first_year);
  last = year_start (last_year + 1);

  marker_h = lh_small + 6;
  axis_h = lh_small + 8;
  label_w = category_column_width (chart, cr, width * 0.34);
  plot_x = x + label_w + GAP;
  plot_w = width - label_w - GAP;
  plot_top = y + marker_h;
  plot_h = height - marker_h - axis_h;
  if (plot_w < 40 || plot_h < 10)
    return;
  band = plot_h / n;

  /* Years, and quarters when a year is wide enough to show them apart. */
  cairo_set_line_width (cr, 1);
  for (int year = first_year; year <= last_year + 1; year++)
    {
      double gx = round (plot_x + (year_start (year) - first) / (last - first) * plot_w) + 0.5;
      double next = plot_x + (year_start (year + 1) - first) / (last - first) * plot_w;

      set_color (cr, &palette->foreground);
      cairo_move_to (cr, gx, plot_top);
      cairo_line_to (cr, gx, plot_top + plot_h);
      cairo_stroke (cr);
      if (year > last_year)
        break;
      if (next - gx > 160)
        for (int q = 1; q < 4; q++)
          {
            double qx = round (gx + (next - gx) * q / 4.0) + 0.5;
            set_color (cr, &palette->grid);
            cairo_move_to (cr, qx, plot_top);
            cairo_line_to (cr, qx, plot_top + plot_h);
            cairo_stroke (cr);
          }
      {
        g_autofree char *label = g_strdup_printf ("%d", year);
        set_font (cr, SMALL_SIZE, TRUE);
        set_color (cr, &palette->foreground);
        show_text_at (cr, (gx + next) / 2 - text_width (cr, label) / 2, plot_top + plot_h + 4, label);
      }
    }

  small_labels = category_labels_small (chart, cr, label_w, band);
  for (guint i = 0; i < n; i++)
    {
      double top = plot_top + i * band;
      double bar_h = MIN (band * 0.6, 22);
      const char *note = cocrea_chart_get_category_note (chart, i);
      double low = 0, high = 0, bx, bw, by = top + (band - bar_h) / 2;
      guint s = 0;

      draw_category_label (cr, cocrea_chart_get_category (chart, i), x, label_w, top, band,
                           small_labels, palette);
      /* A faint rule between rows keeps a long row's bar with its label. */
      if (i > 0)
        {
          set_color (cr, &palette->grid);
          cairo_move_to (cr, x, round (top) + 0.5);
          cairo_line_to (cr, plot_x + plot_w, round (top) + 0.5);
          cairo_stroke (cr);
        }

      set_font (cr, SMALL_SIZE, FALSE);
      if (!timeline_span (chart, i, &s, &low, &high))
        {
          if (note != NULL)
            {
              set_color (cr, &palette->foreground);
              show_text_at (cr, plot_x + 4, top + (band - lh_small) / 2, note);
            }
          continue;
        }

      /* A day is one day wide: a span of one day still shows. */
      bx = plot_x + (low - first) / (last - first) * plot_w;
      bw = MAX ((high + 1 - low) / (last - first) * plot_w, 3);
      {
        CocreaColor fill = series_fill (chart, palette, s);
        cairo_rectangle (cr, bx, by, bw, bar_h);
        set_color (cr, &fill);
        cairo_fill (cr);
      }

      if (note != NULL)
        {
          double tw = text_width (cr, note);
          double flag_room = cocrea_chart_series_get_flag (cocrea_chart_get_series_at (chart, s), i) ? bar_h + 4 : 0;
          double tx;

          /* After the bar, else before it, else over it in a contrasting ink. */
          if (bx + bw + 6 + flag_room + tw <= plot_x + plot_w)
            tx = bx + bw + 6 + flag_room;
          else if (bx - 6 - tw >= plot_x)
            tx = bx - 6 - tw;
          else
            tx = -1;
          if (tx >= 0)
            {
              /* On a patch of the background, so grid lines do not cross the words. */
              CocreaColor patch = palette->background;
              patch.alpha = MAX (patch.alpha, 0.85);
              cairo_rectangle (cr, tx - 2, top + (band - lh_small) / 2, tw + 4, lh_small);
              set_color (cr, &patch);
              cairo_fill (cr);
              set_color (cr, &palette->foreground);
              show_text_at (cr, tx, top + (band - lh_small) / 2, note);
            }
          else
            {
              CocreaColor fill = series_fill (chart, palette, s), ink = text_on (&fill);
              g_autofree char *cut = ellipsize (cr, note, MAX (bw - 8, 10));
              set_color (cr, &ink);
              show_text_at (cr, bx + 4, top + (band - lh_small) / 2, cut);
            }
        }
      if (cocrea_chart_series_get_flag (cocrea_chart_get_series_at (chart, s), i))
        draw_flag (cr, bx + bw + 2 + bar_h, by, bar_h, palette);
    }

  draw_timeline_marker (chart, cr, plot_x, plot_w, y, plot_top, plot_h, first, last, palette);
}

/*
 * cocrea_chart_draw:
 * Draws @chart inside the rectangle @x, @y, @width, @height of @cr with
 * @palette, painting the background first unless it is transparent. The
 * state of @cr is saved and restored, and nothing is drawn outside the
 * rectangle. A chart with no data shows a short message instead.
 */
void
cocrea_chart_draw (CocreaChart *chart, cairo_t *cr, double x, double y, double width, double height,
                   const CocreaChartPalette *palette)
{
  double top, bottom, inner_w, note_h = 0;

  g_return_if_fail (COCREA_IS_CHART (chart));
  g_return_if_fail (cr != NULL);

  if (palette == NULL)
    palette = cocrea_chart_palette_get_default (FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (palette->background.alpha > 0)
    {
      set_color (cr, &palette->background);
      cairo_paint (cr);
    }

  inner_w = width - 2 * PAD;
  top = y + PAD;
  top += draw_title (chart, cr, x + PAD, top, inner_w, palette) + GAP;
  top += draw_legend (chart, cr, x + PAD, top, inner_w, palette, TRUE);
  top += GAP;

  if (cocrea_chart_get_note (chart) != NULL)
    {
      /* Up to two lines: a note names a source, and sources run long. */
      g_auto (GStrv) lines = NULL;
      double lh;
      guint n;

      set_font (cr, SMALL_SIZE, FALSE);
      lh = line_height (cr);
      lines = wrap (cr, cocrea_chart_get_note (chart), inner_w, 2);
      n = g_strv_length (lines);
      note_h = n * lh + GAP;
      set_color (cr, &palette->foreground);
      for (guint l = 0; l < n; l++)
        show_text_at (cr, x + PAD, y + height - PAD - (n - l) * lh, lines[l]);
    }
  bottom = y + height - PAD - note_h;

  if (cocrea_chart_get_n_categories (chart) == 0 || cocrea_chart_get_n_series (chart) == 0)
    {
      const char *empty = _("There is nothing to show yet.");
      set_font (cr, LABEL_SIZE, FALSE);
      set_color (cr, &palette->foreground);
      show_text_at (cr, x + PAD, top, empty);
    }
  else if (cocrea_chart_get_kind (chart) == COCREA_CHART_HEATMAP)
    draw_heatmap (chart, cr, x + PAD, top, inner_w, bottom - top, palette);
  else if (cocrea_chart_get_kind (chart) == COCREA_CHART_TIMELINE)
    draw_timeline (chart, cr, x + PAD, top, inner_w, bottom - top, palette);
  else
    draw_bars (chart, cr, x + PAD, top, inner_w, bottom - top, palette);

  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/*
 * cocrea_chart_render_png:
 * Draws @chart on a @width × @height image and returns it as PNG bytes,
 * or NULL with COCREA_ERROR_IO when Cairo fails (out of memory, a size
 * it cannot make).
 */
GBytes *
cocrea_chart_render_png (CocreaChart *chart, int width, int height, const CocreaChartPalette *palette,
                         GError **error)
{
  g_autoptr (GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (COCREA_IS_CHART (chart), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cocrea_chart_draw (chart, cr, 0, 0, width, height, palette);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/*
 * cocrea_chart_write_png:
 * Draws @chart as a PNG file at @path, replacing it atomically. Fails with
 * COCREA_ERROR_IO, leaving no half-written file, or COCREA_ERROR_INVALID
 * for a destination that is a process file (cocrea-output.c).
 */
gboolean
cocrea_chart_write_png (CocreaChart *chart, const char *path, int width, int height,
                        const CocreaChartPalette *palette, GError **error)
{
  g_autoptr (GBytes) png = NULL;
  gsize size;
  const char *data;

  /* Refuse a process file before drawing anything. */
  if (!cocrea_output_check (path, NULL, COCREA_OUTPUT_EXPORT, error))
    return FALSE;
  png = cocrea_chart_render_png (chart, width, height, palette, error);
  if (png == NULL)
    return FALSE;
  data = g_bytes_get_data (png, &size);
  return cocrea_output_write_file (path, NULL, COCREA_OUTPUT_EXPORT, data, size, error);
}
