/* cocrea-pdf-timeline.h — the plan's timeline of milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-catalog.h"
#include "cocrea-document.h"
#include "cocrea-pdf-writer.h"

G_BEGIN_DECLS

gboolean cocrea_pdf_write_timeline (CocreaPdfWriter *writer,
                                    CocreaCatalog   *catalog,
                                    CocreaDocument  *document,
                                    GError         **error);

G_END_DECLS
