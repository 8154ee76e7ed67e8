/* cocrea-pdf-revisions.h — what the consultation changed in the plan, as a PDF section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-catalog.h"
#include "cocrea-document.h"
#include "cocrea-pdf-writer.h"

G_BEGIN_DECLS

gboolean cocrea_pdf_revisions_write (CocreaDocument  *document,
                                     CocreaCatalog   *catalog,
                                     CocreaPdfWriter *writer,
                                     GError         **error);

G_END_DECLS
