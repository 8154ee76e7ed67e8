/* cocrea-pdf-plan-private.h — parts of the plan other PDF documents reuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-catalog.h"
#include "cocrea-document.h"
#include "cocrea-pdf-writer.h"

G_BEGIN_DECLS

gboolean cocrea_pdf_plan_write_commitment (CocreaDocument  *document,
                                           CocreaCatalog   *catalog,
                                           CocreaPdfWriter *writer,
                                           gint64           commitment_id,
                                           GError         **error);

G_END_DECLS
