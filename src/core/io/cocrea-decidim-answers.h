/* cocrea-decidim-answers.h — Decidim's "Import answers" file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

GString  *cocrea_decidim_answers_build  (CocreaDocument *document,
                                         guint          *n_rows,
                                         guint          *n_spaces,
                                         GError        **error);
gboolean  cocrea_decidim_answers_export (CocreaDocument *document,
                                         const char     *csv_path,
                                         guint          *n_rows,
                                         guint          *n_spaces,
                                         GError        **error);

G_END_DECLS
