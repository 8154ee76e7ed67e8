/* cocrea-pdf-sheets.h — paper sheets for the hall: capture, attendance, scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

/* Rows of the attendance register on one page. */
#define COCREA_SHEETS_ATTENDANCE_ROWS 22

gboolean cocrea_pdf_sheets_capture    (CocreaDocument  *document,
                                       gint64           activity_id,
                                       const char      *path,
                                       guint           *n_pages,
                                       GError         **error);
gboolean cocrea_pdf_sheets_attendance (CocreaDocument  *document,
                                       gint64           activity_id,
                                       guint            pages,
                                       const char      *path,
                                       guint           *n_pages,
                                       GError         **error);
gboolean cocrea_pdf_sheets_scoring    (CocreaDocument  *document,
                                       const char      *evaluator,
                                       const char      *path,
                                       guint           *n_pages,
                                       GError         **error);

G_END_DECLS
