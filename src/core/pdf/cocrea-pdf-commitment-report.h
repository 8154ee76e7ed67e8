/* cocrea-pdf-commitment-report.h — the end-of-commitment report, as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-progress.h"

G_BEGIN_DECLS

gboolean cocrea_pdf_commitment_report_export (CocreaDocument     *document,
                                              int                 position,
                                              const char         *path,
                                              CocreaProgressFunc  progress,
                                              gpointer            user_data,
                                              GStrv              *warnings,
                                              GError            **error);

G_END_DECLS
