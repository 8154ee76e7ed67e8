/* cocrea-pdf-font.h — a TrueType font as a PDF draws it: glyphs, widths, and its embedded subset
 *
 * Glyphs are drawn by their number in the font (Identity-H), so any glyph
 * the font has can be drawn, including those HarfBuzz picks when it
 * shapes Arabic or places Hebrew points. The font remembers which glyphs
 * were drawn and which text each stands for: at the end only those go
 * into the file, with a ToUnicode map so text copied from the PDF, or
 * read by a screen reader, is the text that was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <hb.h>

#include "cocrea-pdf-file.h"

G_BEGIN_DECLS

typedef struct _CocreaPdfFont CocreaPdfFont;

CocreaPdfFont *cocrea_pdf_font_new           (const char    *path,
                                              guint          index,
                                              guint          number,
                                              GError       **error);
void           cocrea_pdf_font_free          (CocreaPdfFont *self);

const char    *cocrea_pdf_font_get_path      (CocreaPdfFont *self);
const char    *cocrea_pdf_font_get_name      (CocreaPdfFont *self);
hb_font_t     *cocrea_pdf_font_get_hb_font   (CocreaPdfFont *self);
guint          cocrea_pdf_font_get_upem      (CocreaPdfFont *self);

gboolean       cocrea_pdf_font_has_char      (CocreaPdfFont *self,
                                              gunichar       c);
guint          cocrea_pdf_font_char_glyph    (CocreaPdfFont *self,
                                              gunichar       c);
int            cocrea_pdf_font_glyph_width   (CocreaPdfFont *self,
                                              guint          glyph);
void           cocrea_pdf_font_use_glyph     (CocreaPdfFont *self,
                                              guint          glyph,
                                              const gunichar *chars,
                                              guint          n_chars);

gboolean       cocrea_pdf_font_write         (CocreaPdfFont *self,
                                              CocreaPdfFile *file,
                                              guint          object,
                                              GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaPdfFont, cocrea_pdf_font_free)

G_END_DECLS
