/* cocrea-pdf-plan.h — the action plan as a PDF: the draft, and the final plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-pdf-writer.h"

G_BEGIN_DECLS

gboolean cocrea_pdf_plan_export (CocreaDocument     *document,
                                 const char         *path,
                                 CocreaProgressFunc  progress,
                                 gpointer            user_data,
                                 GStrv              *warnings,
                                 GError            **error);
gboolean cocrea_pdf_plan_export_final (CocreaDocument     *document,
                                       const char         *path,
                                       CocreaProgressFunc  progress,
                                       gpointer            user_data,
                                       GStrv              *warnings,
                                       GError            **error);

G_END_DECLS
