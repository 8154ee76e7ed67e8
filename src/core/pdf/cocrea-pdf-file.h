/* cocrea-pdf-file.h — a PDF file written object by object, as it is made
 *
 * The objects of a document go to disk as soon as they are complete, so a
 * document of 70,000 pages needs the memory of one page, not of all of
 * them. Object numbers can be reserved before their object is written
 * (a page names its parent before the page tree exists); the
 * cross-reference table is written at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CocreaPdfFile CocreaPdfFile;

CocreaPdfFile *cocrea_pdf_file_new               (const char    *path,
                                                  GError       **error);
void           cocrea_pdf_file_free              (CocreaPdfFile *self);

gboolean       cocrea_pdf_file_failed            (CocreaPdfFile *self);
guint          cocrea_pdf_file_reserve           (CocreaPdfFile *self);
void           cocrea_pdf_file_begin_object      (CocreaPdfFile *self,
                                                  guint          number);
void           cocrea_pdf_file_end_object        (CocreaPdfFile *self);
void           cocrea_pdf_file_write             (CocreaPdfFile *self,
                                                  const void    *data,
                                                  gsize          length);
void           cocrea_pdf_file_puts              (CocreaPdfFile *self,
                                                  const char    *text);
void           cocrea_pdf_file_printf            (CocreaPdfFile *self,
                                                  const char    *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
void           cocrea_pdf_file_text_string       (CocreaPdfFile *self,
                                                  const char    *utf8,
                                                  guint          max_chars);
void           cocrea_pdf_file_stream            (CocreaPdfFile *self,
                                                  guint          number,
                                                  const char    *entries,
                                                  const void    *data,
                                                  gsize          length,
                                                  gboolean       compress);
void           cocrea_pdf_file_stream_begin      (CocreaPdfFile *self,
                                                  guint          number,
                                                  const char    *entries);
void           cocrea_pdf_file_stream_append     (CocreaPdfFile *self,
                                                  const void    *data,
                                                  gsize          length);
void           cocrea_pdf_file_stream_end        (CocreaPdfFile *self);
GString       *cocrea_pdf_file_stream_async      (CocreaPdfFile *self,
                                                  guint          number,
                                                  GString       *data);
gboolean       cocrea_pdf_file_finish            (CocreaPdfFile *self,
                                                  guint          catalog,
                                                  guint          info,
                                                  GError       **error);

void           cocrea_pdf_append_number          (GString       *out,
                                                  double         value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaPdfFile, cocrea_pdf_file_free)

G_END_DECLS
