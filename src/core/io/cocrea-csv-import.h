/* cocrea-csv-import.h — contributions from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

gboolean cocrea_csv_import (CocreaDocument *document,
                            const char     *csv_path,
                            guint          *n_imported,
                            CocreaUndo    **undo,
                            GError        **error);
gboolean cocrea_csv_import_full (CocreaDocument *document,
                                 const char     *csv_path,
                                 guint          *n_imported,
                                 CocreaUndo    **undo,
                                 GStrv          *warnings,
                                 GError        **error);

G_END_DECLS
