/* cocrea-pdf-reasons.h — the reasoned response to every proposal, as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-catalog.h"
#include "cocrea-document.h"
#include "cocrea-pdf-writer.h"

G_BEGIN_DECLS

gboolean cocrea_pdf_reasons_export (CocreaDocument     *document,
                                    const char         *path,
                                    CocreaProgressFunc  progress,
                                    gpointer            user_data,
                                    GStrv              *warnings,
                                    GError            **error);
gboolean cocrea_pdf_reasons_write  (CocreaDocument     *document,
                                    CocreaCatalog      *catalog,
                                    CocreaPdfWriter    *writer,
                                    guint               level,
                                    GError            **error);

G_END_DECLS
