/* cocrea-pdf-writer.c
 *
 * Layout is a cursor moving down the page: every block asks for the room
 * it needs and a new page is started when it is not there. Pages are kept
 * (libharu lets one draw on an earlier page at any time), so what depends
 * on the whole document — the contents, "page N of M" — is drawn at save.
 *
 * Text is measured by summing the advance widths of its characters in the
 * embedded TrueType fonts (DejaVu Sans, found through fontconfig), and
 * drawn in libharu's UTF-8 encoding. That encoding cannot reach characters
 * above U+FFFF (emoji): they are replaced by U+FFFD and counted, and the
 * caller gets warnings naming the texts.
 *
 * libharu reports errors through a handler; the handler records the first
 * one, every later drawing call is skipped, and save turns it into a
 * GError. The file is written beside its destination and renamed into
 * place, so a failure leaves nothing half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hpdf.h>

#include "cocrea-error.h"
#include "cocrea-output.h"
#include "cocrea-pdf-writer.h"

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN_X 56.7
#define CONTENT_TOP (PAGE_HEIGHT - 72.0)
#define CONTENT_BOTTOM 64.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN_X)
#define BODY_SIZE 10.0
#define TABLE_SIZE 9.0
#define LEADING 1.28
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.5
#define CONTENTS_LINE 16.0
#define MAX_WARNINGS 20

typedef struct {
  HPDF_Font font;
  gint16 *widths; /* per BMP code point, in 1/1000 em; -1 until asked */
} Face;

typedef struct {
  guint level;
  char *text;
  guint page; /* index into pages */
  double y;
} ContentsEntry;

typedef struct {
  guint n_columns;
  double *x;      /* left edge of each column */
  double *width;  /* of each column */
  char **header;  /* NULL when the table has none */
  CocreaPdfTableFlags flags;
  int header_page; /* page index where the header was last drawn, or -1 */
} Table;

struct _CocreaPdfWriter {
  HPDF_Doc pdf;
  HPDF_STATUS error_no; /* the first libharu error, 0 when none */
  HPDF_STATUS detail_no;

  Face regular;
  Face bold;

  GPtrArray *pages;   /* HPDF_Page, in order */
  GArray *has_chrome; /* gboolean per page: header and footer drawn */
  GPtrArray *headers; /* char *, the running header of each page */
  double y;           /* top of the free space on the current page */

  char *title;
  char *header;
  char *continued;
  CocreaPdfFooterFunc footer_func;
  gpointer footer_data;

  char *contents_title;
  guint contents_first; /* index of the first reserved contents page */
  guint contents_n;     /* how many were reserved */
  GArray *contents;     /* ContentsEntry */
  HPDF_Outline outline_parents[3];

  Table *table;

  guint n_replaced; /* characters replaced, all texts */
  guint n_replaced_texts;
  GPtrArray *warnings;
};

static void HPDF_STDCALL
on_error (HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  CocreaPdfWriter *self = user_data;

  if (self->error_no == 0)
    {
      self->error_no = error_no;
      self->detail_no = detail_no;
    }
}

static gboolean
failed (CocreaPdfWriter *self)
{
  return self->error_no != 0;
}

/*
 * find_font_file:
 * The TrueType file of DejaVu Sans (@bold or not), by fontconfig. NULL when
 * no such file is installed: libharu embeds only .ttf files, so another
 * family or format is not accepted in its place.
 */
static char *
find_font_file (gboolean bold)
{
  FcPattern *pattern, *match;
  FcResult result;
  char *path = NULL;
  FcChar8 *file = NULL, *family = NULL;

  if (!FcInit ())
    return NULL;

  pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, "DejaVu Sans",
                            FC_WEIGHT, FcTypeInteger, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
                            FC_SLANT, FcTypeInteger, FC_SLANT_ROMAN,
                            FC_WIDTH, FcTypeInteger, FC_WIDTH_NORMAL, NULL);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);
  if (match == NULL)
    return NULL;

  if (FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch &&
      g_str_equal ((const char *) family, "DejaVu Sans") &&
      g_str_has_suffix ((const char *) file, ".ttf"))
    path = g_strdup ((const char *) file);

  FcPatternDestroy (match);
  return path;
}

static gboolean
load_face (CocreaPdfWriter *self, Face *face, gboolean bold, GError **error)
{
  g_autofree char *path = find_font_file (bold);
  const char *name;

  if (path == NULL)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("The font “%s” is not installed; install the DejaVu fonts "
                     "(fonts-dejavu-core)"),
                   bold ? "DejaVu Sans Bold" : "DejaVu Sans");
      return FALSE;
    }

  name = HPDF_LoadTTFontFromFile (self->pdf, path, HPDF_TRUE);
  if (name != NULL)
    face->font = HPDF_GetFont (self->pdf, name, "UTF-8");
  if (face->font == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("Could not load the font “%s” (libharu error 0x%04X)"), display,
                   (guint) self->error_no);
      return FALSE;
    }

  face->widths = g_new (gint16, 0x10000);
  memset (face->widths, 0xff, 0x10000 * sizeof (gint16));
  return TRUE;
}

/**
 * cocrea_pdf_writer_new:
 *
 * Starts an empty A4 document with DejaVu Sans and DejaVu Sans Bold
 * embedded. Fails with %COCREA_ERROR_IO when the fonts are missing or
 * libharu cannot start.
 */
CocreaPdfWriter *
cocrea_pdf_writer_new (GError **error)
{
  g_autoptr (CocreaPdfWriter) self = g_new0 (CocreaPdfWriter, 1);

  self->pages = g_ptr_array_new ();
  self->has_chrome = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->contents = g_array_new (FALSE, TRUE, sizeof (ContentsEntry));
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->continued = g_strdup ("(cont.)");

  self->pdf = HPDF_New (on_error, self);
  if (self->pdf == NULL)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_IO,
                           _("Could not start the PDF: out of memory"));
      return NULL;
    }

  HPDF_SetCompressionMode (self->pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->pdf);
  HPDF_SetCurrentEncoder (self->pdf, "UTF-8");

  if (!load_face (self, &self->regular, FALSE, error) || !load_face (self, &self->bold, TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
cocrea_pdf_writer_free (CocreaPdfWriter *self)
{
  if (self == NULL)
    return;

  if (self->pdf != NULL)
    HPDF_Free (self->pdf);
  g_free (self->regular.widths);
  g_free (self->bold.widths);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->has_chrome);
  g_ptr_array_unref (self->headers);
  for (guint i = 0; i < self->contents->len; i++)
    g_free (g_array_index (self->contents, ContentsEntry, i).text);
  g_array_unref (self->contents);
  g_ptr_array_unref (self->warnings);
  if (self->table != NULL)
    cocrea_pdf_writer_table_end (self);
  g_free (self->title);
  g_free (self->header);
  g_free (self->continued);
  g_free (self->contents_title);
  g_free (self);
}

/* Sets the document title (PDF metadata). */
void
cocrea_pdf_writer_set_title (CocreaPdfWriter *self, const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

/* Sets the running header of the pages started from now on. */
void
cocrea_pdf_writer_set_header (CocreaPdfWriter *self, const char *header)
{
  g_free (self->header);
  self->header = g_strdup (header);
}

/* Sets the function that writes each footer at save ("Page 3 of 40"). */
void
cocrea_pdf_writer_set_footer_func (CocreaPdfWriter *self, CocreaPdfFooterFunc func,
                                   gpointer user_data)
{
  self->footer_func = func;
  self->footer_data = user_data;
}

/* Sets the marker on the part of a row continued on a new page. */
void
cocrea_pdf_writer_set_continued (CocreaPdfWriter *self, const char *marker)
{
  g_free (self->continued);
  self->continued = g_strdup (marker);
}

/*
 * clean_text:
 * Returns @text ready for libharu: valid UTF-8, tabs and other control
 * characters but "\n" turned into spaces, and characters above U+FFFF,
 * which the UTF-8 encoder cannot reach, replaced by U+FFFD. Each text
 * with replacements adds a warning naming its start.
 */
static char *
clean_text (CocreaPdfWriter *self, const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint replaced = 0;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        {
          /* Emoji are often followed by a variation selector or joined
           * by U+200D: drop those with the emoji. */
          g_string_append_unichar (out, 0xFFFD);
          replaced++;
        }
      else if (c == 0xFE0F || c == 0xFE0E || c == 0x200D)
        ;
      else if (c == '\r')
        ;
      else if (c < 0x20 && c != '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  if (replaced > 0)
    {
      self->n_replaced += replaced;
      self->n_replaced_texts++;
      if (self->warnings->len < MAX_WARNINGS)
        {
          g_autofree char *excerpt = g_utf8_substring (out->str, 0, MIN (g_utf8_strlen (out->str, -1), 60));
          g_ptr_array_add (self->warnings,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u character the PDF font cannot show "
                                                         "(such as an emoji) was replaced by “�” in “%s”",
                                                         "%u characters the PDF font cannot show "
                                                         "(such as emoji) were replaced by “�” in “%s”",
                                                         replaced),
                                            replaced, excerpt));
        }
    }

  return g_string_free (out, FALSE);
}

/* The advance width of @text (@length bytes, or -1) in points. */
static double
text_width (Face *face, double size, const char *text, gssize length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  double units = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        c = 0xFFFD;
      if (face->widths[c] < 0)
        face->widths[c] = (gint16) HPDF_Font_GetUnicodeWidth (face->font, (HPDF_UNICODE) c);
      units += face->widths[c];
    }

  return units * size / 1000.0;
}

/*
 * wrap_text:
 * Splits @text into lines no wider than @width: at "\n", then between
 * words; a word wider than a line is cut between characters. Returns the
 * lines (an empty text gives one empty line).
 */
static GPtrArray *
wrap_text (Face *face, double size, const char *text, double width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double space = text_width (face, size, " ", 1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto (GStrv) words = g_strsplit (paragraphs[i], " ", -1);
      GString *line = g_string_new (NULL);
      double line_w = 0;

      for (guint j = 0; words[j] != NULL; j++)
        {
          const char *word = words[j];
          double w;

          if (*word == '\0')
            continue;
          w = text_width (face, size, word, -1);

          if (line->len > 0 && line_w + space + w <= width)
            {
              g_string_append_c (line, ' ');
              g_string_append (line, word);
              line_w += space + w;
              continue;
            }

          if (line->len > 0)
            {
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_truncate (line, 0);
              line_w = 0;
            }

          /* A word longer than the line: cut it where it overflows. */
          while (w > width)
            {
              const char *p = word;
              double cut_w = 0;

              for (;;)
                {
                  const char *next = g_utf8_next_char (p);
                  double cw = text_width (face, size, p, next - p);

                  if (cut_w + cw > width && p > word)
                    break;
                  cut_w += cw;
                  p = next;
                  if (*p == '\0')
                    break;
                }
              if (*p == '\0')
                break;
              g_ptr_array_add (lines, g_strndup (word, p - word));
              word = p;
              w = text_width (face, size, word, -1);
            }

          g_string_append (line, word);
          line_w = w;
        }

      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }

  return lines;
}

/* Draws the running header of @page (not the cover). */
static void
draw_header (CocreaPdfWriter *self, HPDF_Page page, const char *header)
{
  if (header == NULL || *header == '\0')
    return;

  HPDF_Page_SetRGBFill (page, 0.35, 0.35, 0.35);
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, self->regular.font, 8);
  HPDF_Page_TextOut (page, MARGIN_X, PAGE_HEIGHT - 40, header);
  HPDF_Page_EndText (page);
  HPDF_Page_SetRGBFill (page, 0, 0, 0);

  HPDF_Page_SetRGBStroke (page, 0.7, 0.7, 0.7);
  HPDF_Page_SetLineWidth (page, 0.5);
  HPDF_Page_MoveTo (page, MARGIN_X, PAGE_HEIGHT - 46);
  HPDF_Page_LineTo (page, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 46);
  HPDF_Page_Stroke (page);
  HPDF_Page_SetRGBStroke (page, 0, 0, 0);
}

/* Starts a page; @chrome: it gets the running header and the footer. */
static HPDF_Page
add_page (CocreaPdfWriter *self, gboolean chrome)
{
  HPDF_Page page;

  if (failed (self))
    return NULL;

  page = HPDF_AddPage (self->pdf);
  if (page == NULL)
    return NULL;
  HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);

  g_ptr_array_add (self->pages, page);
  g_array_append_val (self->has_chrome, chrome);
  g_ptr_array_add (self->headers, g_strdup (self->header));
  self->y = CONTENT_TOP;
  return page;
}

static HPDF_Page
current_page (CocreaPdfWriter *self)
{
  if (self->pages->len == 0)
    add_page (self, TRUE);
  return self->pages->len > 0 ? g_ptr_array_index (self->pages, self->pages->len - 1) : NULL;
}

/* Starts a new page; the first page of a document has no header or footer
 * (the cover). */
void
cocrea_pdf_writer_new_page (CocreaPdfWriter *self)
{
  add_page (self, self->pages->len > 0);
}

/* Makes sure @needed points are free below the cursor, else starts a page. */
static void
ensure_space (CocreaPdfWriter *self, double needed)
{
  current_page (self);
  if (self->y - needed < CONTENT_BOTTOM && self->y < CONTENT_TOP)
    cocrea_pdf_writer_new_page (self);
}

/* Draws @lines from @first (@n of them) at (@x, @top), each @leading apart,
 * aligned left, or centred in @width when @center. */
static void
draw_lines (CocreaPdfWriter *self, HPDF_Page page, Face *face, double size, GPtrArray *lines,
            guint first, guint n, double x, double top, double width, gboolean center)
{
  double leading = size * LEADING;

  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, face->font, size);
  for (guint i = 0; i < n && first + i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, first + i);
      double lx = x;

      if (*line == '\0')
        continue;
      if (center)
        lx = x + (width - text_width (face, size, line, -1)) / 2;
      /* The baseline sits about 0.8 em below the top of the line box. */
      HPDF_Page_TextOut (page, lx, top - i * leading - size * 0.95, line);
    }
  HPDF_Page_EndText (page);
}

/**
 * cocrea_pdf_writer_text:
 * Adds a paragraph of @text (lines separated by "\n") at @size points (0:
 * body size), flowing onto new pages as needed, then a little space.
 */
void
cocrea_pdf_writer_text (CocreaPdfWriter *self, const char *text, double size,
                        CocreaPdfTextFlags flags)
{
  g_autofree char *clean = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  Face *face = (flags & COCREA_PDF_TEXT_BOLD) ? &self->bold : &self->regular;
  double leading;
  guint done = 0;

  if (failed (self))
    return;

  size = size > 0 ? size : BODY_SIZE;
  leading = size * LEADING;
  clean = clean_text (self, text);
  lines = wrap_text (face, size, clean, CONTENT_WIDTH);

  while (done < lines->len && !failed (self))
    {
      HPDF_Page page;
      guint fit;

      ensure_space (self, leading);
      page = current_page (self);
      fit = (guint) floor ((self->y - CONTENT_BOTTOM) / leading);
      fit = MAX (fit, 1);
      fit = MIN (fit, lines->len - done);

      if (flags & COCREA_PDF_TEXT_GREY)
        HPDF_Page_SetRGBFill (page, 0.35, 0.35, 0.35);
      draw_lines (self, page, face, size, lines, done, fit, MARGIN_X, self->y, CONTENT_WIDTH,
                  (flags & COCREA_PDF_TEXT_CENTER) != 0);
      if (flags & COCREA_PDF_TEXT_GREY)
        HPDF_Page_SetRGBFill (page, 0, 0, 0);
      self->y -= fit * leading;
      done += fit;
    }

  self->y -= size * 0.5;
}

/* Adds @points of vertical space (never carried over to a new page). */
void
cocrea_pdf_writer_space (CocreaPdfWriter *self, double points)
{
  current_page (self);
  self->y = MAX (self->y - points, CONTENT_BOTTOM);
}

static const double heading_sizes[] = { 20, 15, 12.5, 10.5 };

/**
 * cocrea_pdf_writer_heading:
 * Adds a heading of @level (0: title, 1: section, 2: subsection, 3: minor).
 * It is kept with the first lines of what follows: it starts a new page
 * rather than end one. @in_contents: listed in the contents (and the
 * outline), with its page.
 */
void
cocrea_pdf_writer_heading (CocreaPdfWriter *self, guint level, const char *text,
                           gboolean in_contents)
{
  g_autofree char *clean = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  double size, leading, height;
  HPDF_Page page;

  if (failed (self))
    return;

  level = MIN (level, G_N_ELEMENTS (heading_sizes) - 1);
  size = heading_sizes[level];
  leading = size * LEADING;
  clean = clean_text (self, text);
  lines = wrap_text (&self->bold, size, clean, CONTENT_WIDTH);
  height = lines->len * leading;

  current_page (self);
  if (self->y < CONTENT_TOP)
    self->y -= size * 0.6;
  /* Room for the heading and about five lines of what follows. */
  ensure_space (self, height + 5 * BODY_SIZE * LEADING);
  page = current_page (self);
  if (page == NULL)
    return;

  draw_lines (self, page, &self->bold, size, lines, 0, lines->len, MARGIN_X, self->y,
              CONTENT_WIDTH, FALSE);

  if (in_contents)
    {
      ContentsEntry entry = { level, g_strdup (clean), self->pages->len - 1, self->y };
      HPDF_Outline parent = level > 1 && self->outline_parents[MIN (level - 1, 2)] != NULL
                              ? self->outline_parents[MIN (level - 1, 2)]
                              : NULL;
      HPDF_Outline outline;

      g_array_append_val (self->contents, entry);

      /* The outline shows UTF-8 text only through a UTF-16 string, which
       * libharu 2.3.0 does not write: the PDF's own encoding is used
       * when the title fits it, else the outline entry is left out. */
      outline = HPDF_CreateOutline (self->pdf, parent, clean, HPDF_GetEncoder (self->pdf, "UTF-8"));
      if (outline != NULL)
        {
          HPDF_Destination dest = HPDF_Page_CreateDestination (page);
          HPDF_Destination_SetFitH (dest, self->y + size);
          HPDF_Outline_SetDestination (outline, dest);
          HPDF_Outline_SetOpened (outline, HPDF_FALSE);
          if (level < 3)
            {
              self->outline_parents[level] = outline;
              for (guint l = level + 1; l < 3; l++)
                self->outline_parents[l] = NULL;
            }
        }
    }

  self->y -= height + size * 0.45;
}

/**
 * cocrea_pdf_writer_reserve_contents:
 * Reserves pages for a contents list of about @n_entries headings, filled
 * at save with the headings added with @in_contents set. Call it once,
 * where the contents go (after the cover).
 */
void
cocrea_pdf_writer_reserve_contents (CocreaPdfWriter *self, const char *title, guint n_entries)
{
  double first_page = (CONTENT_TOP - CONTENT_BOTTOM - heading_sizes[1] * 2.5) / CONTENTS_LINE;
  double other_pages = (CONTENT_TOP - CONTENT_BOTTOM) / CONTENTS_LINE;
  guint n = 1;

  if (n_entries > first_page)
    n += (guint) ceil ((n_entries - first_page) / other_pages);

  g_free (self->contents_title);
  self->contents_title = clean_text (self, title);
  for (guint i = 0; i < n; i++)
    {
      cocrea_pdf_writer_new_page (self);
      if (i == 0)
        self->contents_first = self->pages->len - 1;
    }
  self->contents_n = n;
  /* What follows starts on its own page. */
  cocrea_pdf_writer_new_page (self);
}

/**
 * cocrea_pdf_writer_table_begin:
 * Starts a table of @n_columns, each @widths[i] of the text width (they
 * add up to 1). @header (NULL for none) is drawn above the first row and
 * again at the top of each page the table continues on.
 */
void
cocrea_pdf_writer_table_begin (CocreaPdfWriter *self, guint n_columns, const double *widths,
                               const char *const *header, CocreaPdfTableFlags flags)
{
  Table *table;
  double x = MARGIN_X;

  g_return_if_fail (self->table == NULL);
  g_return_if_fail (n_columns > 0);

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->x = g_new (double, n_columns);
  table->width = g_new (double, n_columns);
  table->flags = flags;
  table->header_page = -1;
  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->width[i] = widths[i] * CONTENT_WIDTH;
      x += table->width[i];
    }
  if (header != NULL)
    {
      table->header = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        table->header[i] = clean_text (self, header[i]);
    }
  self->table = table;
}

void
cocrea_pdf_writer_table_end (CocreaPdfWriter *self)
{
  Table *table = self->table;

  if (table == NULL)
    return;
  g_free (table->x);
  g_free (table->width);
  g_strfreev (table->header);
  g_free (table);
  self->table = NULL;
  self->y -= BODY_SIZE * 0.8;
}

/* A row being laid out: the lines of each cell and how many are drawn. */
typedef struct {
  GPtrArray *lines[16];
  guint done[16];
  gboolean bold[16];
  gboolean header;
} Row;

static Face *
cell_face (CocreaPdfWriter *self, Row *row, guint column)
{
  return row->bold[column] ? &self->bold : &self->regular;
}

static void
row_clear (Row *row, guint n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&row->lines[i], g_ptr_array_unref);
}

static void
row_wrap (CocreaPdfWriter *self, Table *table, Row *row, const char *const *cells, gboolean header)
{
  row->header = header;
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *clean = header ? g_strdup (cells[i]) : clean_text (self, cells[i]);

      row->bold[i] = header || (i == 0 && (table->flags & COCREA_PDF_TABLE_LABEL_COLUMN));
      row->lines[i] = wrap_text (cell_face (self, row, i), TABLE_SIZE, clean,
                                 table->width[i] - 2 * CELL_PAD_X);
      row->done[i] = 0;
    }
}

/* The most lines left in any cell of @row. */
static guint
row_lines_left (Table *table, Row *row)
{
  guint n = 0;

  for (guint i = 0; i < table->n_columns; i++)
    n = MAX (n, row->lines[i]->len - row->done[i]);
  return n;
}

/*
 * draw_row_part:
 * Draws the next @n lines of every cell of @row as one band of cells at
 * the cursor, with a "(cont.)" line first in the first cell when @cont,
 * and moves the cursor below it.
 */
static void
draw_row_part (CocreaPdfWriter *self, Table *table, Row *row, guint n, gboolean cont)
{
  HPDF_Page page = current_page (self);
  double leading = TABLE_SIZE * LEADING;
  double height = n * leading + 2 * CELL_PAD_Y;
  double top = self->y;
  double left = table->x[0];
  double right = table->x[table->n_columns - 1] + table->width[table->n_columns - 1];

  if (page == NULL)
    return;

  /* Shading first, then the rules, then the text. */
  if (row->header)
    {
      HPDF_Page_SetRGBFill (page, 0.86, 0.89, 0.93);
      HPDF_Page_Rectangle (page, left, top - height, right - left, height);
      HPDF_Page_Fill (page);
    }
  else if (table->flags & COCREA_PDF_TABLE_LABEL_COLUMN)
    {
      HPDF_Page_SetRGBFill (page, 0.94, 0.95, 0.97);
      HPDF_Page_Rectangle (page, left, top - height, table->width[0], height);
      HPDF_Page_Fill (page);
    }
  HPDF_Page_SetRGBFill (page, 0, 0, 0);

  HPDF_Page_SetRGBStroke (page, 0.55, 0.58, 0.62);
  HPDF_Page_SetLineWidth (page, 0.5);
  HPDF_Page_Rectangle (page, left, top - height, right - left, height);
  for (guint i = 1; i < table->n_columns; i++)
    {
      HPDF_Page_MoveTo (page, table->x[i], top);
      HPDF_Page_LineTo (page, table->x[i], top - height);
    }
  HPDF_Page_Stroke (page);

  for (guint i = 0; i < table->n_columns; i++)
    {
      Face *face = cell_face (self, row, i);
      double text_top = top - CELL_PAD_Y;
      guint take = n;

      if (cont && i == 0)
        {
          g_autoptr (GPtrArray) marker = g_ptr_array_new ();

          g_ptr_array_add (marker, self->continued);
          HPDF_Page_SetRGBFill (page, 0.35, 0.35, 0.35);
          draw_lines (self, page, &self->regular, TABLE_SIZE, marker, 0, 1,
                      table->x[i] + CELL_PAD_X, text_top, 0, FALSE);
          HPDF_Page_SetRGBFill (page, 0, 0, 0);
          text_top -= leading;
          take = n - 1;
        }

      take = MIN (take, row->lines[i]->len - row->done[i]);
      if (take > 0)
        draw_lines (self, page, face, TABLE_SIZE, row->lines[i], row->done[i], take,
                    table->x[i] + CELL_PAD_X, text_top, 0, FALSE);
      row->done[i] += take;
    }

  self->y -= height;
}

static double
row_height (Table *table, Row *row)
{
  return row_lines_left (table, row) * TABLE_SIZE * LEADING + 2 * CELL_PAD_Y;
}

/* Draws the header row of the current table at the cursor. */
static void
draw_table_header (CocreaPdfWriter *self)
{
  Table *table = self->table;
  Row header = { { NULL } };

  row_wrap (self, table, &header, (const char *const *) table->header, TRUE);
  draw_row_part (self, table, &header, row_lines_left (table, &header), FALSE);
  row_clear (&header, table->n_columns);
  table->header_page = self->pages->len - 1;
}

static double
table_header_height (CocreaPdfWriter *self)
{
  Table *table = self->table;
  Row header = { { NULL } };
  double height;

  if (table->header == NULL)
    return 0;
  row_wrap (self, table, &header, (const char *const *) table->header, TRUE);
  height = row_height (table, &header);
  row_clear (&header, table->n_columns);
  return height;
}

/* Whether the header must be drawn before a row on the current page. */
static gboolean
needs_header (CocreaPdfWriter *self)
{
  return self->table->header != NULL && self->table->header_page != (int) self->pages->len - 1;
}

/**
 * cocrea_pdf_writer_table_row:
 * Adds a row of the current table (one string per column; NULL is empty).
 * A row that fits on a page is never cut: it moves to the next page,
 * under a repeated header. A row taller than a page is cut between lines,
 * its continuation marked "(cont.)" in the first cell.
 */
void
cocrea_pdf_writer_table_row (CocreaPdfWriter *self, const char *const *cells)
{
  Table *table = self->table;
  Row row = { { NULL } };
  double leading = TABLE_SIZE * LEADING;
  double header_h, height, full;
  gboolean cont = FALSE;

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->n_columns <= G_N_ELEMENTS (row.lines));

  if (failed (self))
    return;

  current_page (self);
  row_wrap (self, table, &row, cells, FALSE);
  header_h = table_header_height (self);
  height = row_height (table, &row);
  full = CONTENT_TOP - CONTENT_BOTTOM;

  if (height + (needs_header (self) ? header_h : 0) > self->y - CONTENT_BOTTOM &&
      height + header_h <= full)
    cocrea_pdf_writer_new_page (self);

  while (row_lines_left (table, &row) > 0 && !failed (self))
    {
      double room;
      guint fit, left = row_lines_left (table, &row) + (cont ? 1 : 0);

      /* Do not start a cut row in the last few lines of a page. */
      room = self->y - CONTENT_BOTTOM - (needs_header (self) ? header_h : 0) - 2 * CELL_PAD_Y;
      if (room < MIN (left, 4) * leading)
        {
          cocrea_pdf_writer_new_page (self);
          room = self->y - CONTENT_BOTTOM - header_h - 2 * CELL_PAD_Y;
        }
      if (needs_header (self))
        draw_table_header (self);

      fit = (guint) floor (room / leading);
      fit = MAX (fit, cont ? 2 : 1);
      fit = MIN (fit, left);
      draw_row_part (self, table, &row, fit, cont);
      cont = TRUE;
    }

  row_clear (&row, table->n_columns);
}

/**
 * cocrea_pdf_writer_image_png:
 * Adds the PNG image @png, @width points wide (at most the text width),
 * centred, on a new page if it does not fit on this one.
 */
void
cocrea_pdf_writer_image_png (CocreaPdfWriter *self, GBytes *png, double width)
{
  HPDF_Image image;
  double height;
  gsize size;
  const HPDF_BYTE *data = g_bytes_get_data (png, &size);

  if (failed (self))
    return;

  current_page (self);
  image = HPDF_LoadPngImageFromMem (self->pdf, data, (HPDF_UINT) size);
  if (image == NULL)
    return;

  width = MIN (width, CONTENT_WIDTH);
  height = width * HPDF_Image_GetHeight (image) / MAX (HPDF_Image_GetWidth (image), 1);
  if (height > CONTENT_TOP - CONTENT_BOTTOM)
    {
      width *= (CONTENT_TOP - CONTENT_BOTTOM) / height;
      height = CONTENT_TOP - CONTENT_BOTTOM;
    }
  ensure_space (self, height);
  HPDF_Page_DrawImage (current_page (self), image, MARGIN_X + (CONTENT_WIDTH - width) / 2,
                       self->y - height, width, height);
  self->y -= height + BODY_SIZE;
}

guint
cocrea_pdf_writer_get_n_pages (CocreaPdfWriter *self)
{
  return self->pages->len;
}

/*
 * cocrea_pdf_writer_steal_warnings:
 * Returns the warnings so far (characters replaced), translated, or NULL
 * when there are none; the list is emptied.
 */
GStrv
cocrea_pdf_writer_steal_warnings (CocreaPdfWriter *self)
{
  GStrvBuilder *builder;

  if (self->n_replaced == 0)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->warnings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->warnings, i));
  if (self->n_replaced_texts > self->warnings->len)
    {
      guint more = self->n_replaced_texts - self->warnings->len;
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "…and %u more text with such characters",
                                                            "…and %u more texts with such characters",
                                                            more),
                                               more);
      g_strv_builder_add (builder, line);
    }
  g_ptr_array_set_size (self->warnings, 0);
  self->n_replaced = 0;
  self->n_replaced_texts = 0;
  {
    GStrv result = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return result;
  }
}

/* Cuts @text with "…" so it fits @width. */
static char *
ellipsize (Face *face, double size, const char *text, double width)
{
  GString *out;

  if (text_width (face, size, text, -1) <= width)
    return g_strdup (text);

  out = g_string_new (NULL);
  width -= text_width (face, size, "…", -1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (text_width (face, size, out->str, out->len) +
          text_width (face, size, p, g_utf8_next_char (p) - p) > width)
        break;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* Fills the reserved contents pages: each entry indented by level, its
 * page number on the right, and a link to it. */
static void
draw_contents (CocreaPdfWriter *self)
{
  guint page_index = self->contents_first;
  HPDF_Page page;
  double y = CONTENT_TOP;

  if (self->contents_n == 0)
    return;

  page = g_ptr_array_index (self->pages, page_index);
  {
    g_autoptr (GPtrArray) lines = g_ptr_array_new ();
    g_ptr_array_add (lines, self->contents_title);
    draw_lines (self, page, &self->bold, heading_sizes[1], lines, 0, 1, MARGIN_X, y, 0, FALSE);
    y -= heading_sizes[1] * 2.5;
  }

  for (guint i = 0; i < self->contents->len; i++)
    {
      ContentsEntry *entry = &g_array_index (self->contents, ContentsEntry, i);
      Face *face = entry->level <= 1 ? &self->bold : &self->regular;
      double indent = entry->level > 1 ? (entry->level - 1) * 14.0 : 0;
      g_autofree char *number = g_strdup_printf ("%u", entry->page + 1);
      double number_w = text_width (face, BODY_SIZE, number, -1);
      g_autofree char *title = NULL;
      double baseline;
      HPDF_Rect rect;
      HPDF_Annotation link;
      HPDF_Destination dest;

      if (y - CONTENTS_LINE < CONTENT_BOTTOM)
        {
          if (page_index + 1 >= self->contents_first + self->contents_n)
            break; /* more entries than reserved: the rest are left out */
          page = g_ptr_array_index (self->pages, ++page_index);
          y = CONTENT_TOP;
        }

      title = ellipsize (face, BODY_SIZE, entry->text, CONTENT_WIDTH - indent - number_w - 24);
      baseline = y - BODY_SIZE;
      HPDF_Page_BeginText (page);
      HPDF_Page_SetFontAndSize (page, face->font, BODY_SIZE);
      HPDF_Page_TextOut (page, MARGIN_X + indent, baseline, title);
      HPDF_Page_TextOut (page, PAGE_WIDTH - MARGIN_X - number_w, baseline, number);
      HPDF_Page_EndText (page);

      /* A dotted leader between the title and the number. */
      HPDF_Page_SetRGBStroke (page, 0.6, 0.6, 0.6);
      HPDF_Page_SetLineWidth (page, 0.6);
      HPDF_Page_SetDash (page, (const HPDF_UINT16[]) { 1, 2 }, 2, 0);
      HPDF_Page_MoveTo (page, MARGIN_X + indent + text_width (face, BODY_SIZE, title, -1) + 6, baseline);
      HPDF_Page_LineTo (page, PAGE_WIDTH - MARGIN_X - number_w - 6, baseline);
      HPDF_Page_Stroke (page);
      HPDF_Page_SetDash (page, NULL, 0, 0);
      HPDF_Page_SetRGBStroke (page, 0, 0, 0);

      rect.left = MARGIN_X;
      rect.right = PAGE_WIDTH - MARGIN_X;
      rect.bottom = baseline - 4;
      rect.top = y;
      dest = HPDF_Page_CreateDestination (g_ptr_array_index (self->pages, entry->page));
      HPDF_Destination_SetFitH (dest, MIN (entry->y + 20, PAGE_HEIGHT));
      link = HPDF_Page_CreateLinkAnnot (page, rect, dest);
      if (link != NULL)
        HPDF_LinkAnnot_SetBorderStyle (link, 0, 0, 0);

      y -= CONTENTS_LINE;
    }
}

/* Draws the running header and the footer of every page but the cover. */
static void
draw_chrome (CocreaPdfWriter *self)
{
  guint n = self->pages->len;

  for (guint i = 0; i < n && !failed (self); i++)
    {
      HPDF_Page page = g_ptr_array_index (self->pages, i);
      g_autofree char *footer = NULL;
      g_autofree char *clean = NULL;

      if (!g_array_index (self->has_chrome, gboolean, i))
        continue;

      draw_header (self, page, g_ptr_array_index (self->headers, i));
      if (self->footer_func == NULL)
        continue;

      footer = self->footer_func (i + 1, n, self->footer_data);
      clean = clean_text (self, footer);
      HPDF_Page_SetRGBFill (page, 0.35, 0.35, 0.35);
      HPDF_Page_BeginText (page);
      HPDF_Page_SetFontAndSize (page, self->regular.font, 8);
      HPDF_Page_TextOut (page, PAGE_WIDTH - MARGIN_X - text_width (&self->regular, 8, clean, -1),
                         36, clean);
      HPDF_Page_EndText (page);
      HPDF_Page_SetRGBFill (page, 0, 0, 0);
    }
}

/**
 * cocrea_pdf_writer_save:
 * Fills the contents, headers and footers and writes the document to
 * @path: first to a temporary file in the same folder, synced, then
 * renamed over @path, so a failure leaves @path as it was and nothing
 * else behind. Fails with %COCREA_ERROR_IO when libharu reported an error
 * while drawing, or the file cannot be written.
 */
gboolean
cocrea_pdf_writer_save (CocreaPdfWriter *self, const char *path, GError **error)
{
  g_autoptr (CocreaOutput) output = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (self->pages->len == 0)
    add_page (self, FALSE);

  if (self->title != NULL)
    HPDF_SetInfoAttr (self->pdf, HPDF_INFO_TITLE, self->title);
  HPDF_SetInfoAttr (self->pdf, HPDF_INFO_CREATOR, "Cocrea " COCREA_VERSION);
  if (self->contents->len > 0)
    HPDF_SetPageMode (self->pdf, HPDF_PAGE_MODE_USE_OUTLINE);

  draw_contents (self);
  draw_chrome (self);

  if (failed (self))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("Could not make the PDF (libharu error 0x%04X, detail %u)"),
                   (guint) self->error_no, (guint) self->detail_no);
      return FALSE;
    }

  /* A temporary file beside @path, renamed over it once whole and synced
   * (cocrea-output.c); dropping @output unrenamed removes it. */
  output = cocrea_output_begin (path, NULL, COCREA_OUTPUT_EXPORT, error);
  if (output == NULL)
    return FALSE;

  if (HPDF_SaveToFile (self->pdf, cocrea_output_get_temp_path (output)) != HPDF_OK || failed (self))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("Could not write “%s” (libharu error 0x%04X)"), path, (guint) self->error_no);
      return FALSE;
    }

  if (!cocrea_output_commit (output, error))
    return FALSE;

  return TRUE;
}
