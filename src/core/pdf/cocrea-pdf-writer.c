/* cocrea-pdf-writer.c
 *
 * Layout is a cursor moving down the page: every block asks for the room
 * it needs and a new page is started when it is not there. A page is
 * written to the file when the next one starts (its running header
 * drawn), so a plan of 70,000 pages is laid out in the memory of one.
 * What depends on the whole document is filled in at save: the contents
 * pages (reserved early, kept in memory until then), the footer with
 * "page N of M" (a second, small content stream of each page), the page
 * tree, the bookmarks, the fonts (only the glyphs drawn) and the
 * cross-reference table.
 *
 * Text goes through CocreaPdfText (fonts, line breaks, right-to-left
 * scripts); graphics are written here as PDF operators.
 *
 * The document is written beside its destination and renamed into place
 * at save (CocreaPdfFile), so a failure or a cancel leaves nothing
 * half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cocrea-error.h"
#include "cocrea-pdf-file.h"
#include "cocrea-pdf-text.h"
#include "cocrea-pdf-writer.h"

#define PAGE_WIDTH COCREA_PDF_PAGE_WIDTH
#define PAGE_HEIGHT COCREA_PDF_PAGE_HEIGHT
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
/* Pages per node of the page tree: a reader finds page 50,000 of a
 * national plan in a few steps instead of scanning one array. */
#define TREE_FANOUT 64
/* Longest document title and bookmark kept in the file's metadata; the
 * pages show the whole text. */
#define MAX_TITLE_CHARS 500
#define MAX_BOOKMARK_CHARS 200

typedef struct {
  guint object; /* the page dictionary */
  guint footer; /* its footer stream, or 0 for a page without one */
} PageRef;

typedef struct {
  guint level;
  char *text;
  guint page; /* index into pages */
  double y;
  double size;
} ContentsEntry;

typedef struct {
  guint n_columns;
  double *x;      /* left edge of each column */
  double *width;  /* of each column */
  char **header;  /* NULL when the table has none */
  CocreaPdfTableFlags flags;
  int header_page; /* page index where the header was last drawn, or -1 */
} Table;

typedef struct {
  guint object;
  char *name;
} Image;

struct _CocreaPdfWriter {
  CocreaPdfFile *file;
  CocreaPdfText *text;
  GError *error; /* the first failure that is not a write error */

  GArray *pages;     /* PageRef */
  GArray *leaves;    /* guint: the page tree node of each TREE_FANOUT pages */
  GString *content;  /* of the last page, not yet written */
  char *page_header; /* the running header of the last page */
  double y;          /* top of the free space on the current page */

  char *title;
  char *header;
  char *continued;
  CocreaPdfFooterFunc footer_func;
  gpointer footer_data;

  char *contents_title;
  guint contents_first; /* index of the first reserved contents page */
  guint contents_n;     /* how many were reserved */
  GPtrArray *contents_pages; /* GString: the content of each, until save */
  GArray *contents;     /* ContentsEntry */

  guint resources;    /* object shared by every page */
  GArray *images;     /* Image */

  Table *table;

  guint n_replaced; /* characters replaced, all texts */
  guint n_replaced_texts;
  GPtrArray *warnings;
};

static const double heading_sizes[] = { 20, 15, 12.5, 10.5 };

static gboolean
failed (CocreaPdfWriter *self)
{
  return self->error != NULL || cocrea_pdf_file_failed (self->file);
}

/**
 * cocrea_pdf_writer_new:
 * Starts an empty A4 document that will be saved as @path, with DejaVu
 * Sans and DejaVu Sans Bold. Fails with %COCREA_ERROR_IO when the fonts
 * are missing or @path's folder cannot be written.
 */
CocreaPdfWriter *
cocrea_pdf_writer_new (const char *path, GError **error)
{
  g_autoptr (CocreaPdfWriter) self = g_new0 (CocreaPdfWriter, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->pages = g_array_new (FALSE, FALSE, sizeof (PageRef));
  self->leaves = g_array_new (FALSE, FALSE, sizeof (guint));
  self->content = g_string_sized_new (32 * 1024);
  self->contents_pages = g_ptr_array_new ();
  self->contents = g_array_new (FALSE, TRUE, sizeof (ContentsEntry));
  self->images = g_array_new (FALSE, TRUE, sizeof (Image));
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->continued = g_strdup ("(cont.)");

  self->text = cocrea_pdf_text_new (error);
  if (self->text == NULL)
    return NULL;
  self->file = cocrea_pdf_file_new (path, error);
  if (self->file == NULL)
    return NULL;
  self->resources = cocrea_pdf_file_reserve (self->file);

  return g_steal_pointer (&self);
}

/* Frees @self; a document not saved leaves no file. */
void
cocrea_pdf_writer_free (CocreaPdfWriter *self)
{
  if (self == NULL)
    return;

  if (self->table != NULL)
    cocrea_pdf_writer_table_end (self);
  g_clear_pointer (&self->file, cocrea_pdf_file_free);
  g_clear_pointer (&self->text, cocrea_pdf_text_free);
  g_clear_error (&self->error);
  g_array_unref (self->pages);
  g_array_unref (self->leaves);
  g_string_free (self->content, TRUE);
  for (guint i = 0; i < self->contents_pages->len; i++)
    if (g_ptr_array_index (self->contents_pages, i) != NULL)
      g_string_free (g_ptr_array_index (self->contents_pages, i), TRUE);
  g_ptr_array_unref (self->contents_pages);
  for (guint i = 0; i < self->contents->len; i++)
    g_free (g_array_index (self->contents, ContentsEntry, i).text);
  g_array_unref (self->contents);
  for (guint i = 0; i < self->images->len; i++)
    g_free (g_array_index (self->images, Image, i).name);
  g_array_unref (self->images);
  g_ptr_array_unref (self->warnings);
  g_free (self->page_header);
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
 * Returns @text ready to draw (see cocrea_pdf_text_clean). Each text with
 * characters no installed font has adds a warning naming its start.
 */
static char *
clean_text (CocreaPdfWriter *self, const char *text)
{
  guint replaced = 0;
  char *clean = cocrea_pdf_text_clean (self->text, text, &replaced);

  if (replaced > 0)
    {
      self->n_replaced += replaced;
      self->n_replaced_texts++;
      if (self->warnings->len < MAX_WARNINGS)
        {
          g_autofree char *excerpt = g_utf8_substring (clean, 0, MIN (g_utf8_strlen (clean, -1), 60));
          g_ptr_array_add (self->warnings,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u character no installed font can show "
                                                         "(such as an emoji) is shown as “%s” or “%s” in “%s”",
                                                         "%u characters no installed font can show "
                                                         "(such as emoji) are shown as “%s” or “%s” in “%s”",
                                                         replaced),
                                            replaced, COCREA_PDF_EMOJI_PLACEHOLDER,
                                            COCREA_PDF_MISSING_PLACEHOLDER, excerpt));
        }
    }

  return clean;
}

static double
text_width (CocreaPdfWriter *self, CocreaPdfStyle style, double size, const char *text)
{
  return cocrea_pdf_text_width (self->text, style, size, text, -1);
}

/* ---------------------------------------------------------------------- */
/* Graphics                                                                */

static void
op_numbers (GString *out, const double *values, guint n, const char *op)
{
  for (guint i = 0; i < n; i++)
    {
      cocrea_pdf_append_number (out, values[i]);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, op);
  g_string_append_c (out, '\n');
}

static void
set_fill (GString *out, double r, double g, double b)
{
  op_numbers (out, (double[]) { r, g, b }, 3, "rg");
}

static void
set_stroke (GString *out, double r, double g, double b)
{
  op_numbers (out, (double[]) { r, g, b }, 3, "RG");
}

static void
rectangle (GString *out, double x, double y, double width, double height)
{
  op_numbers (out, (double[]) { x, y, width, height }, 4, "re");
}

static void
line (GString *out, double x1, double y1, double x2, double y2)
{
  op_numbers (out, (double[]) { x1, y1 }, 2, "m");
  op_numbers (out, (double[]) { x2, y2 }, 2, "l");
}

/* Draws @text from @x at its baseline @baseline (whatever its direction),
 * in one BT … ET. */
static void
draw_text_at (CocreaPdfWriter *self, GString *out, CocreaPdfStyle style, double size, const char *text,
              double x, double baseline)
{
  g_string_append (out, "BT\n");
  cocrea_pdf_text_draw (self->text, out, style, size, text, x, baseline,
                        cocrea_pdf_text_width (self->text, style, size, text, -1), COCREA_PDF_ALIGN_START);
  g_string_append (out, "ET\n");
}

/* ---------------------------------------------------------------------- */
/* Pages                                                                   */

/* Draws the running header of a page (not the cover). */
static void
draw_header (CocreaPdfWriter *self, GString *out, const char *header)
{
  g_autofree char *fitted = NULL;

  if (header == NULL || *header == '\0')
    return;

  fitted = cocrea_pdf_text_ellipsize (self->text, COCREA_PDF_REGULAR, 8, header, CONTENT_WIDTH);
  set_fill (out, 0.35, 0.35, 0.35);
  draw_text_at (self, out, COCREA_PDF_REGULAR, 8, fitted, MARGIN_X, PAGE_HEIGHT - 40);
  set_fill (out, 0, 0, 0);

  set_stroke (out, 0.7, 0.7, 0.7);
  g_string_append (out, "0.5 w\n");
  line (out, MARGIN_X, PAGE_HEIGHT - 46, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 46);
  g_string_append (out, "S\n");
  set_stroke (out, 0, 0, 0);
}

/* Writes page @index's dictionary and @annots, then its content
 * @content (compressed on the side when @async: @content is taken, and a
 * buffer for the next page returned). The dictionary goes first so the
 * page's content can still be compressing while the next page is laid
 * out. */
static GString *
write_page (CocreaPdfWriter *self, guint index, GString *content, GArray *annots, gboolean async)
{
  PageRef *page = &g_array_index (self->pages, PageRef, index);
  guint stream = cocrea_pdf_file_reserve (self->file);
  guint leaf = g_array_index (self->leaves, guint, index / TREE_FANOUT);

  cocrea_pdf_file_begin_object (self->file, page->object);
  cocrea_pdf_file_printf (self->file, "<< /Type /Page /Parent %u 0 R", leaf);
  if (page->footer != 0)
    cocrea_pdf_file_printf (self->file, " /Contents [%u 0 R %u 0 R]", stream, page->footer);
  else
    cocrea_pdf_file_printf (self->file, " /Contents %u 0 R", stream);
  if (annots != NULL && annots->len > 0)
    {
      cocrea_pdf_file_puts (self->file, " /Annots [");
      for (guint i = 0; i < annots->len; i++)
        cocrea_pdf_file_printf (self->file, "%s%u 0 R", i > 0 ? " " : "", g_array_index (annots, guint, i));
      cocrea_pdf_file_puts (self->file, "]");
    }
  cocrea_pdf_file_puts (self->file, " >>");
  cocrea_pdf_file_end_object (self->file);

  if (async)
    return cocrea_pdf_file_stream_async (self->file, stream, content);
  cocrea_pdf_file_stream (self->file, stream, NULL, content->str, content->len, TRUE);
  return NULL;
}

static gboolean
is_contents_page (CocreaPdfWriter *self, guint index)
{
  return self->contents_n > 0 && index >= self->contents_first &&
         index < self->contents_first + self->contents_n;
}

/* Finishes the last page: its running header, then to the file, or kept
 * for save when it is a contents page. */
static void
finish_page (CocreaPdfWriter *self)
{
  guint index = self->pages->len - 1;

  if (g_array_index (self->pages, PageRef, index).footer != 0)
    draw_header (self, self->content, self->page_header);

  if (is_contents_page (self, index))
    {
      g_ptr_array_add (self->contents_pages, self->content);
      self->content = g_string_sized_new (32 * 1024);
    }
  else
    self->content = write_page (self, index, self->content, NULL, TRUE);
}

/* Starts a page; @chrome: it gets the running header and the footer. */
static void
add_page (CocreaPdfWriter *self, gboolean chrome)
{
  PageRef page = { 0, 0 };

  if (failed (self))
    return;

  if (self->pages->len > 0)
    finish_page (self);

  if (self->pages->len % TREE_FANOUT == 0)
    {
      guint leaf = cocrea_pdf_file_reserve (self->file);
      g_array_append_val (self->leaves, leaf);
    }
  page.object = cocrea_pdf_file_reserve (self->file);
  if (chrome)
    page.footer = cocrea_pdf_file_reserve (self->file);
  g_array_append_val (self->pages, page);

  g_free (self->page_header);
  self->page_header = g_strdup (self->header);
  cocrea_pdf_text_begin_page (self->text);
  self->y = CONTENT_TOP;
}

static void
current_page (CocreaPdfWriter *self)
{
  if (self->pages->len == 0)
    add_page (self, TRUE);
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
 * aligned by @align in @width. */
static void
draw_lines (CocreaPdfWriter *self, CocreaPdfStyle style, double size, GPtrArray *lines, guint first,
            guint n, double x, double top, double width, CocreaPdfAlign align)
{
  double leading = size * LEADING;

  g_string_append (self->content, "BT\n");
  for (guint i = 0; i < n && first + i < lines->len; i++)
    /* The baseline sits about 0.8 em below the top of the line box. */
    cocrea_pdf_text_draw (self->text, self->content, style, size, g_ptr_array_index (lines, first + i), x,
                          top - i * leading - size * 0.95, width, align);
  g_string_append (self->content, "ET\n");
}

/* Draws @lines at the cursor, flowing onto new pages as needed. */
static void
flow_lines (CocreaPdfWriter *self, CocreaPdfStyle style, double size, GPtrArray *lines, CocreaPdfAlign align,
            gboolean grey)
{
  double leading = size * LEADING;
  guint done = 0;

  while (done < lines->len && !failed (self))
    {
      guint fit;

      ensure_space (self, leading);
      fit = (guint) floor ((self->y - CONTENT_BOTTOM) / leading);
      fit = MAX (fit, 1);
      fit = MIN (fit, lines->len - done);

      if (grey)
        set_fill (self->content, 0.35, 0.35, 0.35);
      draw_lines (self, style, size, lines, done, fit, MARGIN_X, self->y, CONTENT_WIDTH, align);
      if (grey)
        set_fill (self->content, 0, 0, 0);
      self->y -= fit * leading;
      done += fit;
    }
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
  CocreaPdfStyle style = (flags & COCREA_PDF_TEXT_BOLD) ? COCREA_PDF_BOLD : COCREA_PDF_REGULAR;

  if (failed (self))
    return;

  size = size > 0 ? size : BODY_SIZE;
  clean = clean_text (self, text);
  lines = cocrea_pdf_text_wrap (self->text, style, size, clean, CONTENT_WIDTH);
  flow_lines (self, style, size, lines,
              (flags & COCREA_PDF_TEXT_CENTER) ? COCREA_PDF_ALIGN_CENTER : COCREA_PDF_ALIGN_START,
              (flags & COCREA_PDF_TEXT_GREY) != 0);
  self->y -= size * 0.5;
}

/* Adds @points of vertical space (never carried over to a new page). */
void
cocrea_pdf_writer_space (CocreaPdfWriter *self, double points)
{
  current_page (self);
  self->y = MAX (self->y - points, CONTENT_BOTTOM);
}

/**
 * cocrea_pdf_writer_heading:
 * Adds a heading of @level (0: title, 1: section, 2: subsection, 3: minor).
 * It is kept with the first lines of what follows: it starts a new page
 * rather than end one. @in_contents: listed in the contents (and the
 * bookmarks), with its page. A heading taller than a page flows on.
 */
void
cocrea_pdf_writer_heading (CocreaPdfWriter *self, guint level, const char *text,
                           gboolean in_contents)
{
  g_autofree char *clean = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  double size, leading, height;

  if (failed (self))
    return;

  level = MIN (level, G_N_ELEMENTS (heading_sizes) - 1);
  size = heading_sizes[level];
  leading = size * LEADING;
  clean = clean_text (self, text);
  lines = cocrea_pdf_text_wrap (self->text, COCREA_PDF_BOLD, size, clean, CONTENT_WIDTH);
  height = lines->len * leading;

  current_page (self);
  if (self->y < CONTENT_TOP)
    self->y -= size * 0.6;
  /* Room for the heading and about five lines of what follows. */
  ensure_space (self, MIN (height, CONTENT_TOP - CONTENT_BOTTOM) + 5 * BODY_SIZE * LEADING);
  if (failed (self))
    return;

  if (in_contents)
    {
      ContentsEntry entry = { level, g_strdup (clean), self->pages->len - 1, self->y, size };
      g_array_append_val (self->contents, entry);
    }

  if (self->y - height >= CONTENT_BOTTOM)
    {
      draw_lines (self, COCREA_PDF_BOLD, size, lines, 0, lines->len, MARGIN_X, self->y, CONTENT_WIDTH,
                  COCREA_PDF_ALIGN_START);
      self->y -= height;
    }
  else
    flow_lines (self, COCREA_PDF_BOLD, size, lines, COCREA_PDF_ALIGN_START, FALSE);
  self->y -= size * 0.45;
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

  g_return_if_fail (self->contents_n == 0);

  if (n_entries > first_page)
    n += (guint) ceil ((n_entries - first_page) / other_pages);

  g_free (self->contents_title);
  self->contents_title = clean_text (self, title);
  self->contents_first = self->pages->len;
  self->contents_n = n;
  for (guint i = 0; i < n; i++)
    cocrea_pdf_writer_new_page (self);
  /* What follows starts on its own page. */
  cocrea_pdf_writer_new_page (self);
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                  */

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

static CocreaPdfStyle
cell_style (Row *row, guint column)
{
  return row->bold[column] ? COCREA_PDF_BOLD : COCREA_PDF_REGULAR;
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
      row->lines[i] = cocrea_pdf_text_wrap (self->text, cell_style (row, i), TABLE_SIZE, clean,
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
  GString *out = self->content;
  double leading = TABLE_SIZE * LEADING;
  double height = n * leading + 2 * CELL_PAD_Y;
  double top = self->y;
  double left = table->x[0];
  double right = table->x[table->n_columns - 1] + table->width[table->n_columns - 1];

  if (failed (self))
    return;

  /* Shading first, then the rules, then the text. */
  if (row->header)
    {
      set_fill (out, 0.86, 0.89, 0.93);
      rectangle (out, left, top - height, right - left, height);
      g_string_append (out, "f\n");
    }
  else if (table->flags & COCREA_PDF_TABLE_LABEL_COLUMN)
    {
      set_fill (out, 0.94, 0.95, 0.97);
      rectangle (out, left, top - height, table->width[0], height);
      g_string_append (out, "f\n");
    }
  set_fill (out, 0, 0, 0);

  set_stroke (out, 0.55, 0.58, 0.62);
  g_string_append (out, "0.5 w\n");
  rectangle (out, left, top - height, right - left, height);
  for (guint i = 1; i < table->n_columns; i++)
    line (out, table->x[i], top, table->x[i], top - height);
  g_string_append (out, "S\n");

  for (guint i = 0; i < table->n_columns; i++)
    {
      double text_top = top - CELL_PAD_Y;
      double text_width = table->width[i] - 2 * CELL_PAD_X;
      guint take = n;

      if (cont && i == 0)
        {
          g_autoptr (GPtrArray) marker = g_ptr_array_new ();

          g_ptr_array_add (marker, self->continued);
          set_fill (out, 0.35, 0.35, 0.35);
          draw_lines (self, COCREA_PDF_REGULAR, TABLE_SIZE, marker, 0, 1, table->x[i] + CELL_PAD_X, text_top,
                      text_width, COCREA_PDF_ALIGN_START);
          set_fill (out, 0, 0, 0);
          text_top -= leading;
          take = n - 1;
        }

      take = MIN (take, row->lines[i]->len - row->done[i]);
      if (take > 0)
        draw_lines (self, cell_style (row, i), TABLE_SIZE, row->lines[i], row->done[i], take,
                    table->x[i] + CELL_PAD_X, text_top, text_width, COCREA_PDF_ALIGN_START);
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

/* ---------------------------------------------------------------------- */
/* Images                                                                  */

/* Places image object @object, @pixel_width × @pixel_height pixels, @width
 * points wide (at most the text width), centred, on a new page if it
 * does not fit on this one. */
static void
place_image (CocreaPdfWriter *self, guint object, int pixel_width, int pixel_height, double width)
{
  Image image = { object, g_strdup_printf ("Im%u", self->images->len + 1) };
  double height;

  g_array_append_val (self->images, image);

  width = MIN (width, CONTENT_WIDTH);
  height = width * pixel_height / MAX (pixel_width, 1);
  if (height > CONTENT_TOP - CONTENT_BOTTOM)
    {
      width *= (CONTENT_TOP - CONTENT_BOTTOM) / height;
      height = CONTENT_TOP - CONTENT_BOTTOM;
    }
  ensure_space (self, height);
  g_string_append (self->content, "q\n");
  op_numbers (self->content,
              (double[]) { width, 0, 0, height, MARGIN_X + (CONTENT_WIDTH - width) / 2, self->y - height }, 6,
              "cm");
  g_string_append_printf (self->content, "/%s Do\nQ\n", image.name);
  self->y -= height + BODY_SIZE;
}

/*
 * write_image:
 * Writes the pixels of @surface (RGB24 or ARGB32) as image object
 * @object: its colour (@alpha FALSE) or its alpha channel (@alpha TRUE),
 * a row at a time, so no copy of the picture is made. Each row carries
 * PNG's "Up" filter byte: the rows a chart repeats (its white space)
 * compress to almost nothing. Cairo stores colour premultiplied by alpha;
 * the PDF wants it plain. @entries: further dictionary entries.
 */
static void
write_image (CocreaPdfWriter *self, guint object, cairo_surface_t *surface, gboolean alpha,
             const char *entries)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  gboolean has_alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  int components = alpha ? 1 : 3;
  gsize row_bytes = (gsize) width * components;
  g_autofree guint8 *rows = g_malloc (2 * row_bytes); /* this row and the one above, plain */
  g_autofree guint8 *filtered = g_malloc (row_bytes + 1);
  g_autofree char *dict = NULL;

  dict = g_strdup_printf ("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s"
                          " /BitsPerComponent 8 /DecodeParms << /Predictor 15 /Colors %d"
                          " /BitsPerComponent 8 /Columns %d >>%s%s",
                          width, height, alpha ? "/DeviceGray" : "/DeviceRGB", components, width,
                          entries != NULL ? " " : "", entries != NULL ? entries : "");
  cocrea_pdf_file_stream_begin (self->file, object, dict);

  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);
      guint8 *plain = rows + (y % 2) * row_bytes;
      const guint8 *above = rows + ((y + 1) % 2) * row_bytes;

      for (int x = 0; x < width; x++)
        {
          guint32 px = pixels[x];
          guint a = has_alpha ? px >> 24 : 255;
          guint r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;

          if (alpha)
            {
              plain[x] = a;
              continue;
            }
          if (a != 255 && a != 0)
            {
              r = MIN (255, r * 255 / a);
              g = MIN (255, g * 255 / a);
              b = MIN (255, b * 255 / a);
            }
          plain[3 * x] = r;
          plain[3 * x + 1] = g;
          plain[3 * x + 2] = b;
        }

      /* Up: each byte less the one above. */
      filtered[0] = 2;
      for (gsize i = 0; i < row_bytes; i++)
        filtered[1 + i] = plain[i] - (y > 0 ? above[i] : 0);
      cocrea_pdf_file_stream_append (self->file, filtered, row_bytes + 1);
    }
  cocrea_pdf_file_stream_end (self->file);
}

/**
 * cocrea_pdf_writer_image_surface:
 * Adds the image @surface (RGB24 or ARGB32, as Cairo draws a chart),
 * @width points wide (at most the text width), centred, on a new page if
 * it does not fit on this one.
 */
void
cocrea_pdf_writer_image_surface (CocreaPdfWriter *self, cairo_surface_t *surface, double width)
{
  cairo_format_t format;
  guint object, mask;
  g_autofree char *entries = NULL;

  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE);

  if (failed (self))
    return;
  current_page (self);

  cairo_surface_flush (surface);
  format = cairo_image_surface_get_format (surface);
  if (cairo_image_surface_get_data (surface) == NULL || cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0 ||
      (format != CAIRO_FORMAT_RGB24 && format != CAIRO_FORMAT_ARGB32))
    return;

  object = cocrea_pdf_file_reserve (self->file);
  if (format == CAIRO_FORMAT_ARGB32)
    {
      mask = cocrea_pdf_file_reserve (self->file);
      write_image (self, mask, surface, TRUE, NULL);
      entries = g_strdup_printf ("/SMask %u 0 R", mask);
    }
  write_image (self, object, surface, FALSE, entries);
  place_image (self, object, cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
               width);
}

static cairo_status_t
read_bytes (void *closure, unsigned char *data, unsigned int length)
{
  GInputStream *stream = closure;
  gsize read = 0;

  if (!g_input_stream_read_all (stream, data, length, &read, NULL, NULL) || read != length)
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cocrea_pdf_writer_image_png:
 * Adds the PNG image @png, @width points wide (at most the text width),
 * centred, on a new page if it does not fit on this one. An image that
 * cannot be read is left out.
 */
void
cocrea_pdf_writer_image_png (CocreaPdfWriter *self, GBytes *png, double width)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  cairo_surface_t *surface;

  if (failed (self))
    return;

  surface = cairo_image_surface_create_from_png_stream (read_bytes, stream);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    cocrea_pdf_writer_image_surface (self, surface, width);
  else
    g_debug ("image left out of the PDF: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}

/* ---------------------------------------------------------------------- */
/* Forms                                                                   */

/*
 * cocrea_pdf_writer_form_text:
 * Draws @text (lines separated by "\n") with the top of its first line at
 * @x, @top (points from the page's top-left corner), wrapped at @width,
 * at @size points; COCREA_PDF_TEXT_BOLD, _CENTER and _GREY apply. It does
 * not flow onto another page: the caller lays the form out. Returns the
 * height the lines took.
 */
double
cocrea_pdf_writer_form_text (CocreaPdfWriter *self, double x, double top, double width,
                             const char *text, double size, CocreaPdfTextFlags flags)
{
  g_autofree char *clean = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  CocreaPdfStyle style = (flags & COCREA_PDF_TEXT_BOLD) ? COCREA_PDF_BOLD : COCREA_PDF_REGULAR;

  if (failed (self))
    return 0;
  current_page (self);

  clean = clean_text (self, text);
  lines = cocrea_pdf_text_wrap (self->text, style, size, clean, width);
  if (flags & COCREA_PDF_TEXT_GREY)
    set_fill (self->content, 0.35, 0.35, 0.35);
  draw_lines (self, style, size, lines, 0, lines->len, x, PAGE_HEIGHT - top, width,
              (flags & COCREA_PDF_TEXT_CENTER) ? COCREA_PDF_ALIGN_CENTER : COCREA_PDF_ALIGN_START);
  if (flags & COCREA_PDF_TEXT_GREY)
    set_fill (self->content, 0, 0, 0);
  return lines->len * size * LEADING;
}

/* The width @text takes on one line at @size points in the style of @flags. */
double
cocrea_pdf_writer_form_text_width (CocreaPdfWriter *self, const char *text, double size,
                                   CocreaPdfTextFlags flags)
{
  g_autofree char *clean = clean_text (self, text);

  return text_width (self, (flags & COCREA_PDF_TEXT_BOLD) ? COCREA_PDF_BOLD : COCREA_PDF_REGULAR, size,
                     clean);
}

/* Strokes a black rectangle whose top-left corner is @x, @top. */
void
cocrea_pdf_writer_form_box (CocreaPdfWriter *self, double x, double top, double width, double height,
                            double line_width)
{
  if (failed (self))
    return;
  current_page (self);

  op_numbers (self->content, &line_width, 1, "w");
  rectangle (self->content, x, PAGE_HEIGHT - top - height, width, height);
  g_string_append (self->content, "S\n");
}

/* Strokes a line from @x1, @top1 to @x2, @top2, in grey @grey (0 is black). */
void
cocrea_pdf_writer_form_line (CocreaPdfWriter *self, double x1, double top1, double x2, double top2,
                             double line_width, double grey)
{
  if (failed (self))
    return;
  current_page (self);

  op_numbers (self->content, &line_width, 1, "w");
  set_stroke (self->content, grey, grey, grey);
  line (self->content, x1, PAGE_HEIGHT - top1, x2, PAGE_HEIGHT - top2);
  g_string_append (self->content, "S\n");
  set_stroke (self->content, 0, 0, 0);
}

/*
 * cocrea_pdf_writer_form_fill:
 * Fills @n_rectangles black rectangles, each four numbers in
 * @rectangles (x, top, width, height), as one path: a QR code's modules
 * drawn as vectors stay sharp at any print size.
 */
void
cocrea_pdf_writer_form_fill (CocreaPdfWriter *self, const double *rectangles, guint n_rectangles)
{
  if (failed (self) || n_rectangles == 0)
    return;
  current_page (self);

  for (guint i = 0; i < n_rectangles; i++)
    {
      const double *r = rectangles + 4 * i;
      rectangle (self->content, r[0], PAGE_HEIGHT - r[1] - r[3], r[2], r[3]);
    }
  g_string_append (self->content, "f\n");
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                  */

guint
cocrea_pdf_writer_get_n_pages (CocreaPdfWriter *self)
{
  return self->pages->len;
}

/* Whether writing failed (a full disk): the rest of the layout is wasted. */
gboolean
cocrea_pdf_writer_failed (CocreaPdfWriter *self)
{
  return failed (self);
}

/*
 * cocrea_pdf_writer_steal_warnings:
 * Returns the warnings so far (characters replaced), translated, or NULL
 * when there are none; the list is emptied.
 */
GStrv
cocrea_pdf_writer_steal_warnings (CocreaPdfWriter *self)
{
  g_autoptr (GStrvBuilder) builder = NULL;

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
  return g_strv_builder_end (builder);
}

/* A link annotation on a contents page to @entry's page. */
static guint
write_link (CocreaPdfWriter *self, ContentsEntry *entry, double top, double bottom)
{
  guint object = cocrea_pdf_file_reserve (self->file);
  g_autoptr (GString) dict = g_string_new ("<< /Type /Annot /Subtype /Link /Rect [");

  op_numbers (dict, (double[]) { MARGIN_X, bottom, PAGE_WIDTH - MARGIN_X, top }, 4, "]");
  g_string_truncate (dict, dict->len - 1);
  g_string_append_printf (dict, " /Border [0 0 0] /Dest [%u 0 R /FitH ",
                          g_array_index (self->pages, PageRef, entry->page).object);
  cocrea_pdf_append_number (dict, MIN (entry->y + 20, PAGE_HEIGHT));
  g_string_append (dict, "] >>");

  cocrea_pdf_file_begin_object (self->file, object);
  cocrea_pdf_file_write (self->file, dict->str, dict->len);
  cocrea_pdf_file_end_object (self->file);
  return object;
}

/* Fills and writes the reserved contents pages: each entry indented by
 * level, its page number on the right, and a link to it. Entries beyond
 * the reserved pages are left out; pages they did not need stay blank. */
static void
write_contents_pages (CocreaPdfWriter *self)
{
  g_autoptr (GArray) annots = g_array_new (FALSE, FALSE, sizeof (guint));
  guint page = 0;
  GString *out;
  double y = CONTENT_TOP;

  if (self->contents_n == 0)
    return;
  g_assert (self->contents_pages->len == self->contents_n);

  out = g_ptr_array_index (self->contents_pages, 0);
  cocrea_pdf_text_begin_page (self->text);
  draw_text_at (self, out, COCREA_PDF_BOLD, heading_sizes[1], self->contents_title, MARGIN_X,
                y - heading_sizes[1] * 0.95);
  y -= heading_sizes[1] * 2.5;

  for (guint i = 0; i < self->contents->len; i++)
    {
      ContentsEntry *entry = &g_array_index (self->contents, ContentsEntry, i);
      CocreaPdfStyle style = entry->level <= 1 ? COCREA_PDF_BOLD : COCREA_PDF_REGULAR;
      double indent = entry->level > 1 ? (entry->level - 1) * 14.0 : 0;
      g_autofree char *number = g_strdup_printf ("%u", entry->page + 1);
      double number_w = text_width (self, style, BODY_SIZE, number);
      g_autofree char *title = NULL;
      double title_w, baseline;
      guint link;

      if (y - CONTENTS_LINE < CONTENT_BOTTOM)
        {
          write_page (self, self->contents_first + page, out, annots, FALSE);
          g_array_set_size (annots, 0);
          if (++page >= self->contents_n)
            return;
          out = g_ptr_array_index (self->contents_pages, page);
          cocrea_pdf_text_begin_page (self->text);
          y = CONTENT_TOP;
        }

      title = cocrea_pdf_text_ellipsize (self->text, style, BODY_SIZE, entry->text,
                                         CONTENT_WIDTH - indent - number_w - 24);
      title_w = text_width (self, style, BODY_SIZE, title);
      baseline = y - BODY_SIZE;
      draw_text_at (self, out, style, BODY_SIZE, title, MARGIN_X + indent, baseline);
      draw_text_at (self, out, style, BODY_SIZE, number, PAGE_WIDTH - MARGIN_X - number_w, baseline);

      /* A dotted leader between the title and the number. */
      set_stroke (out, 0.6, 0.6, 0.6);
      g_string_append (out, "0.6 w\n[1 2] 0 d\n");
      line (out, MARGIN_X + indent + title_w + 6, baseline, PAGE_WIDTH - MARGIN_X - number_w - 6, baseline);
      g_string_append (out, "S\n[] 0 d\n");
      set_stroke (out, 0, 0, 0);

      link = write_link (self, entry, y, baseline - 4);
      g_array_append_val (annots, link);
      y -= CONTENTS_LINE;
    }

  write_page (self, self->contents_first + page, out, annots, FALSE);
  for (page++; page < self->contents_n; page++)
    write_page (self, self->contents_first + page, g_ptr_array_index (self->contents_pages, page), NULL,
                FALSE);
}

/* Writes every page's footer stream ("Page 3 of 40"). */
static void
write_footers (CocreaPdfWriter *self)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = self->pages->len;

  for (guint i = 0; i < n && !failed (self); i++)
    {
      PageRef *page = &g_array_index (self->pages, PageRef, i);

      if (page->footer == 0)
        continue;

      g_string_truncate (out, 0);
      cocrea_pdf_text_begin_page (self->text);
      if (self->footer_func != NULL)
        {
          g_autofree char *footer = self->footer_func (i + 1, n, self->footer_data);
          g_autofree char *clean = clean_text (self, footer);

          set_fill (out, 0.35, 0.35, 0.35);
          g_string_append (out, "BT\n");
          cocrea_pdf_text_draw (self->text, out, COCREA_PDF_REGULAR, 8, clean, MARGIN_X, 36, CONTENT_WIDTH,
                                COCREA_PDF_ALIGN_END);
          g_string_append (out, "ET\n");
          set_fill (out, 0, 0, 0);
        }
      cocrea_pdf_file_stream (self->file, page->footer, NULL, out->str, out->len, TRUE);
    }
}

/* Writes the page tree: a node per TREE_FANOUT pages, and nodes over
 * those until one root is left. Returns the root. */
static guint
write_page_tree (CocreaPdfWriter *self)
{
  g_autoptr (GArray) level = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) kids_of = NULL; /* the nodes (or pages) under the level */
  guint root;

  /* The leaves hold the pages; their parents are made below, each level
   * reserved before the one under it is written. */
  g_array_append_vals (level, self->leaves->data, self->leaves->len);
  for (guint i = 0; i < self->leaves->len; i++)
    {
      guint n = MIN (TREE_FANOUT, self->pages->len - i * TREE_FANOUT);
      g_array_append_val (counts, n);
    }

  kids_of = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->pages->len; i++)
    g_array_append_val (kids_of, g_array_index (self->pages, PageRef, i).object);

  for (;;)
    {
      g_autoptr (GArray) parents = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GArray) parent_counts = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean top = level->len <= 1;

      if (!top)
        for (guint i = 0; i < level->len; i += TREE_FANOUT)
          {
            guint parent = cocrea_pdf_file_reserve (self->file), n = 0;

            for (guint j = i; j < MIN (i + TREE_FANOUT, level->len); j++)
              n += g_array_index (counts, guint, j);
            g_array_append_val (parents, parent);
            g_array_append_val (parent_counts, n);
          }

      for (guint i = 0; i < level->len; i++)
        {
          guint node = g_array_index (level, guint, i);
          guint first = i * TREE_FANOUT, last = MIN (first + TREE_FANOUT, kids_of->len);

          cocrea_pdf_file_begin_object (self->file, node);
          cocrea_pdf_file_puts (self->file, "<< /Type /Pages");
          if (top)
            {
              /* Inherited by every page. */
              g_autoptr (GString) box = g_string_new (" /MediaBox [0 0 ");
              cocrea_pdf_append_number (box, PAGE_WIDTH);
              g_string_append_c (box, ' ');
              cocrea_pdf_append_number (box, PAGE_HEIGHT);
              g_string_append_c (box, ']');
              cocrea_pdf_file_write (self->file, box->str, box->len);
              cocrea_pdf_file_printf (self->file, " /Resources %u 0 R", self->resources);
            }
          else
            cocrea_pdf_file_printf (self->file, " /Parent %u 0 R", g_array_index (parents, guint, i / TREE_FANOUT));
          cocrea_pdf_file_printf (self->file, " /Count %u /Kids [", g_array_index (counts, guint, i));
          for (guint k = first; k < last; k++)
            cocrea_pdf_file_printf (self->file, "%s%u 0 R", k > first ? " " : "", g_array_index (kids_of, guint, k));
          cocrea_pdf_file_puts (self->file, "] >>");
          cocrea_pdf_file_end_object (self->file);
        }

      if (top)
        {
          root = g_array_index (level, guint, 0);
          break;
        }
      g_array_unref (kids_of);
      kids_of = g_array_ref (level);
      g_array_unref (level);
      level = g_array_ref (parents);
      g_array_unref (counts);
      counts = g_array_ref (parent_counts);
    }
  return root;
}

/* Writes the bookmarks (the headings in the contents): a heading is
 * under the nearest one before it of a lower level; all start closed.
 * Returns the outline root, or 0 when there are none. */
static guint
write_outline (CocreaPdfWriter *self)
{
  guint n = self->contents->len;
  g_autofree guint *objects = g_new (guint, MAX (n, 1));
  g_autofree int *parent = g_new (int, MAX (n, 1));
  g_autofree int *first = g_new (int, MAX (n, 1));
  g_autofree int *last = g_new (int, MAX (n, 1));
  g_autofree int *prev = g_new (int, MAX (n, 1));
  g_autofree int *next = g_new (int, MAX (n, 1));
  g_autofree guint *kids = g_new0 (guint, MAX (n, 1));
  int root_first = -1, root_last = -1;
  guint root, root_count = 0;

  if (n == 0)
    return 0;

  root = cocrea_pdf_file_reserve (self->file);
  for (guint i = 0; i < n; i++)
    {
      guint level = MAX (g_array_index (self->contents, ContentsEntry, i).level, 1);
      int p = (int) i - 1;

      objects[i] = cocrea_pdf_file_reserve (self->file);
      first[i] = last[i] = next[i] = -1;
      while (p >= 0 && MAX (g_array_index (self->contents, ContentsEntry, p).level, 1) >= level)
        p = parent[p];
      parent[i] = p;
      if (p >= 0)
        {
          prev[i] = last[p];
          if (first[p] < 0)
            first[p] = i;
          last[p] = i;
          kids[p]++;
        }
      else
        {
          prev[i] = root_last;
          if (root_first < 0)
            root_first = i;
          root_last = i;
          root_count++;
        }
      if (prev[i] >= 0)
        next[prev[i]] = i;
    }

  cocrea_pdf_file_begin_object (self->file, root);
  cocrea_pdf_file_printf (self->file, "<< /Type /Outlines /First %u 0 R /Last %u 0 R /Count %u >>",
                          objects[root_first], objects[root_last], root_count);
  cocrea_pdf_file_end_object (self->file);

  for (guint i = 0; i < n; i++)
    {
      ContentsEntry *entry = &g_array_index (self->contents, ContentsEntry, i);
      g_autoptr (GString) dest = g_string_new (NULL);

      cocrea_pdf_append_number (dest, entry->y + entry->size);
      cocrea_pdf_file_begin_object (self->file, objects[i]);
      cocrea_pdf_file_puts (self->file, "<< /Title ");
      cocrea_pdf_file_text_string (self->file, entry->text, MAX_BOOKMARK_CHARS);
      cocrea_pdf_file_printf (self->file, " /Parent %u 0 R", parent[i] >= 0 ? objects[parent[i]] : root);
      if (prev[i] >= 0)
        cocrea_pdf_file_printf (self->file, " /Prev %u 0 R", objects[prev[i]]);
      if (next[i] >= 0)
        cocrea_pdf_file_printf (self->file, " /Next %u 0 R", objects[next[i]]);
      if (first[i] >= 0)
        cocrea_pdf_file_printf (self->file, " /First %u 0 R /Last %u 0 R /Count -%u", objects[first[i]],
                                objects[last[i]], kids[i]);
      cocrea_pdf_file_printf (self->file, " /Dest [%u 0 R /FitH %s] >>",
                              g_array_index (self->pages, PageRef, entry->page).object, dest->str);
      cocrea_pdf_file_end_object (self->file);
    }
  return root;
}

/* The resources every page shares: the fonts drawn with, the images. */
static gboolean
write_resources (CocreaPdfWriter *self, GError **error)
{
  g_autoptr (GString) fonts = g_string_new (NULL);
  g_autoptr (GString) dict = g_string_new ("<< /ProcSet [/PDF /Text /ImageB /ImageC]");

  if (!cocrea_pdf_text_write_fonts (self->text, self->file, fonts, error))
    return FALSE;
  g_string_append_printf (dict, " /Font <<%s >>", fonts->str);
  if (self->images->len > 0)
    {
      g_string_append (dict, " /XObject <<");
      for (guint i = 0; i < self->images->len; i++)
        g_string_append_printf (dict, " /%s %u 0 R", g_array_index (self->images, Image, i).name,
                                g_array_index (self->images, Image, i).object);
      g_string_append (dict, " >>");
    }
  g_string_append (dict, " >>");

  cocrea_pdf_file_begin_object (self->file, self->resources);
  cocrea_pdf_file_write (self->file, dict->str, dict->len);
  cocrea_pdf_file_end_object (self->file);
  return TRUE;
}

/**
 * cocrea_pdf_writer_save:
 * Fills the contents pages and the footers, writes what is left of the
 * document and renames it over the path given to
 * cocrea_pdf_writer_new(), so a failure leaves that path as it was and
 * nothing else behind. Fails with %COCREA_ERROR_IO, saying why in the
 * user's words (a full disk, a folder that cannot be written).
 */
gboolean
cocrea_pdf_writer_save (CocreaPdfWriter *self, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "D:%Y%m%d%H%M%S");
  guint pages = 0, outline = 0, info, catalog;

  if (self->pages->len == 0)
    add_page (self, FALSE);
  if (self->error == NULL && self->pages->len > 0)
    {
      finish_page (self);
      write_contents_pages (self);
      write_footers (self);
      pages = write_page_tree (self);
      outline = write_outline (self);
      write_resources (self, &self->error);
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  if (cocrea_pdf_file_failed (self->file))
    return cocrea_pdf_file_finish (self->file, 0, 0, error);

  info = cocrea_pdf_file_reserve (self->file);
  cocrea_pdf_file_begin_object (self->file, info);
  cocrea_pdf_file_puts (self->file, "<< /Creator (Cocrea " COCREA_VERSION ") /Producer (Cocrea " COCREA_VERSION ")");
  cocrea_pdf_file_printf (self->file, " /CreationDate (%s)", date);
  if (self->title != NULL)
    {
      g_autofree char *clean = cocrea_pdf_text_clean (self->text, self->title, NULL);
      cocrea_pdf_file_puts (self->file, " /Title ");
      cocrea_pdf_file_text_string (self->file, clean, MAX_TITLE_CHARS);
    }
  cocrea_pdf_file_puts (self->file, " >>");
  cocrea_pdf_file_end_object (self->file);

  catalog = cocrea_pdf_file_reserve (self->file);
  cocrea_pdf_file_begin_object (self->file, catalog);
  cocrea_pdf_file_printf (self->file, "<< /Type /Catalog /Pages %u 0 R", pages);
  if (outline != 0)
    cocrea_pdf_file_printf (self->file, " /Outlines %u 0 R /PageMode /UseOutlines", outline);
  cocrea_pdf_file_puts (self->file, " >>");
  cocrea_pdf_file_end_object (self->file);

  return cocrea_pdf_file_finish (self->file, catalog, info, error);
}
