/* cocrea-suggest.h — likely duplicates of a text, found by Spanish full-text search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-suggestion.h"

G_BEGIN_DECLS

GListModel *cocrea_suggest               (CocreaDocument *document,
                                          const char     *text,
                                          guint           limit,
                                          gint64          exclude_contribution_id,
                                          GError        **error);
char       *cocrea_suggest_build_query   (const char     *text);
gboolean    cocrea_suggest_rebuild_index (CocreaDocument *document,
                                          GError        **error);

G_END_DECLS
