/* cocrea-csv-writer.h — cells of a CSV file that opens safely anywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The UTF-8 byte order mark every Cocrea CSV starts with. */
#define COCREA_CSV_BOM "\xEF\xBB\xBF"

void cocrea_csv_append_cell    (GString    *out,
                                const char *value,
                                gboolean    first);
void cocrea_csv_append_cell_to (GString    *out,
                                const char *value,
                                char        separator,
                                gboolean    first);

G_END_DECLS
