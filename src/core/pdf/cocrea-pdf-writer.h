/* cocrea-pdf-writer.h — A4 documents of headings, paragraphs, tables and images
 *
 * A thin layout layer for the plan and the reasons report: text flows
 * down the page and onto new pages by itself, tables repeat their header
 * row and never cut a row that fits on a page, and the contents page, the
 * running header and "page N of M" are filled in. Pages go to disk as
 * they are finished, so the memory needed does not grow with the number
 * of pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cocrea-progress.h"

G_BEGIN_DECLS


typedef enum {
  COCREA_PDF_TEXT_NORMAL = 0,
  COCREA_PDF_TEXT_BOLD   = 1 << 0,
  COCREA_PDF_TEXT_CENTER = 1 << 1,
  COCREA_PDF_TEXT_GREY   = 1 << 2,
} CocreaPdfTextFlags;

typedef enum {
  COCREA_PDF_TABLE_NORMAL       = 0,
  COCREA_PDF_TABLE_LABEL_COLUMN = 1 << 0, /* first column bold and shaded: the template */
} CocreaPdfTableFlags;

/* The A4 page, in points, for forms drawn at fixed places. */
#define COCREA_PDF_PAGE_WIDTH 595.276
#define COCREA_PDF_PAGE_HEIGHT 841.89

/* Returns the footer of page @page (1-based) of @n_pages, newly allocated. */
typedef char *(*CocreaPdfFooterFunc) (guint page, guint n_pages, gpointer user_data);

typedef struct _CocreaPdfWriter CocreaPdfWriter;

CocreaPdfWriter *cocrea_pdf_writer_new              (const char          *path,
                                                     GError             **error);
void             cocrea_pdf_writer_free             (CocreaPdfWriter     *self);

void             cocrea_pdf_writer_set_title        (CocreaPdfWriter     *self,
                                                     const char          *title);
void             cocrea_pdf_writer_set_header       (CocreaPdfWriter     *self,
                                                     const char          *header);
void             cocrea_pdf_writer_set_footer_func  (CocreaPdfWriter     *self,
                                                     CocreaPdfFooterFunc  func,
                                                     gpointer             user_data);
void             cocrea_pdf_writer_set_continued    (CocreaPdfWriter     *self,
                                                     const char          *marker);

void             cocrea_pdf_writer_new_page         (CocreaPdfWriter     *self);
void             cocrea_pdf_writer_reserve_contents (CocreaPdfWriter     *self,
                                                     const char          *title,
                                                     guint                n_entries);
void             cocrea_pdf_writer_heading          (CocreaPdfWriter     *self,
                                                     guint                level,
                                                     const char          *text,
                                                     gboolean             in_contents);
void             cocrea_pdf_writer_text             (CocreaPdfWriter     *self,
                                                     const char          *text,
                                                     double               size,
                                                     CocreaPdfTextFlags   flags);
void             cocrea_pdf_writer_space            (CocreaPdfWriter     *self,
                                                     double               points);
void             cocrea_pdf_writer_table_begin      (CocreaPdfWriter     *self,
                                                     guint                n_columns,
                                                     const double        *widths,
                                                     const char * const  *header,
                                                     CocreaPdfTableFlags  flags);
void             cocrea_pdf_writer_table_row        (CocreaPdfWriter     *self,
                                                     const char * const  *cells);
void             cocrea_pdf_writer_table_end        (CocreaPdfWriter     *self);
void             cocrea_pdf_writer_image_png        (CocreaPdfWriter     *self,
                                                     GBytes              *png,
                                                     double               width);
void             cocrea_pdf_writer_image_surface    (CocreaPdfWriter     *self,
                                                     cairo_surface_t     *surface,
                                                     double               width);

/* Forms (paper sheets): drawn at fixed places on the current page, in
 * points from its top-left corner; the flow's cursor does not move. */
double           cocrea_pdf_writer_form_text        (CocreaPdfWriter     *self,
                                                     double               x,
                                                     double               top,
                                                     double               width,
                                                     const char          *text,
                                                     double               size,
                                                     CocreaPdfTextFlags   flags);
double           cocrea_pdf_writer_form_text_width  (CocreaPdfWriter     *self,
                                                     const char          *text,
                                                     double               size,
                                                     CocreaPdfTextFlags   flags);
void             cocrea_pdf_writer_form_box         (CocreaPdfWriter     *self,
                                                     double               x,
                                                     double               top,
                                                     double               width,
                                                     double               height,
                                                     double               line_width);
void             cocrea_pdf_writer_form_line        (CocreaPdfWriter     *self,
                                                     double               x1,
                                                     double               top1,
                                                     double               x2,
                                                     double               top2,
                                                     double               line_width,
                                                     double               grey);
void             cocrea_pdf_writer_form_fill        (CocreaPdfWriter     *self,
                                                     const double        *rectangles,
                                                     guint                n_rectangles);

guint            cocrea_pdf_writer_get_n_pages      (CocreaPdfWriter     *self);
gboolean         cocrea_pdf_writer_failed           (CocreaPdfWriter     *self);
GStrv            cocrea_pdf_writer_steal_warnings   (CocreaPdfWriter     *self);
gboolean         cocrea_pdf_writer_save             (CocreaPdfWriter     *self,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaPdfWriter, cocrea_pdf_writer_free)

G_END_DECLS
