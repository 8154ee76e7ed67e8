/* cocrea-json-export.h — the whole process as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

gboolean cocrea_json_export (CocreaDocument *document,
                             const char     *json_path,
                             GError        **error);

G_END_DECLS
