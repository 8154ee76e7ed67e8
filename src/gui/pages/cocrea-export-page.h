/* cocrea-export-page.h — every export of a process, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-export.h"
#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_EXPORT_PAGE (cocrea_export_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaExportPage, cocrea_export_page, COCREA, EXPORT_PAGE, CocreaPage)

void     cocrea_export_page_export_to    (CocreaExportPage *self,
                                          CocreaExportKind  kind,
                                          const char       *path);
gboolean cocrea_export_page_get_busy     (CocreaExportPage *self);

G_END_DECLS
