/* cocrea-decidim-export.h — proposals in the form Decidim imports them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

gboolean cocrea_decidim_export (CocreaDocument *document,
                                const char     *json_path,
                                GError        **error);

G_END_DECLS
