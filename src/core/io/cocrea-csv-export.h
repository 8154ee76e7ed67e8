/* cocrea-csv-export.h — every contribution as a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

gboolean cocrea_csv_export (CocreaDocument *document,
                            const char     *csv_path,
                            GError        **error);

G_END_DECLS
