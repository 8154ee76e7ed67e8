/* cocrea-consultation-csv.h — the consultation's comments and answers as open data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

GString  *cocrea_consultation_csv_build  (CocreaDocument *document,
                                          GError        **error);
gboolean  cocrea_consultation_csv_export (CocreaDocument *document,
                                          const char     *csv_path,
                                          GError        **error);

G_END_DECLS
