/* cocrea-pdf-text.h — text for the PDF: fonts, measuring, line breaks, drawing
 *
 * DejaVu Sans (regular and bold) draws the text; a character it lacks is
 * drawn from another installed TrueType font that has it (fontconfig
 * finds it), and a character no installed font has is replaced by a
 * visible placeholder ("[emoji]", "[?]") and counted, so the user is
 * told. Right-to-left text (Hebrew, Arabic) is ordered for display with
 * FriBidi and shaped with HarfBuzz (Arabic letters join, points sit on
 * their letters); a paragraph that starts right-to-left is aligned right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cocrea-pdf-file.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_PDF_REGULAR,
  COCREA_PDF_BOLD,
} CocreaPdfStyle;

typedef enum {
  COCREA_PDF_ALIGN_START,  /* left, or right for a right-to-left paragraph */
  COCREA_PDF_ALIGN_CENTER,
  COCREA_PDF_ALIGN_END,    /* right, or left for a right-to-left paragraph */
} CocreaPdfAlign;

#define COCREA_PDF_EMOJI_PLACEHOLDER "[emoji]"
#define COCREA_PDF_MISSING_PLACEHOLDER "[?]"

typedef struct _CocreaPdfText CocreaPdfText;

CocreaPdfText *cocrea_pdf_text_new         (GError             **error);
void           cocrea_pdf_text_free        (CocreaPdfText       *self);

char          *cocrea_pdf_text_clean       (CocreaPdfText       *self,
                                            const char          *text,
                                            guint               *n_replaced);
double         cocrea_pdf_text_width       (CocreaPdfText       *self,
                                            CocreaPdfStyle       style,
                                            double               size,
                                            const char          *text,
                                            gssize               length);
GPtrArray     *cocrea_pdf_text_wrap        (CocreaPdfText       *self,
                                            CocreaPdfStyle       style,
                                            double               size,
                                            const char          *text,
                                            double               width);
char          *cocrea_pdf_text_ellipsize   (CocreaPdfText       *self,
                                            CocreaPdfStyle       style,
                                            double               size,
                                            const char          *text,
                                            double               width);
void           cocrea_pdf_text_begin_page  (CocreaPdfText       *self);
void           cocrea_pdf_text_draw        (CocreaPdfText       *self,
                                            GString             *content,
                                            CocreaPdfStyle       style,
                                            double               size,
                                            const char          *line,
                                            double               x,
                                            double               baseline,
                                            double               width,
                                            CocreaPdfAlign       align);
gboolean       cocrea_pdf_text_write_fonts (CocreaPdfText       *self,
                                            CocreaPdfFile       *file,
                                            GString             *entries,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaPdfText, cocrea_pdf_text_free)

G_END_DECLS
