/* cocrea-pack.h — the process's public record as one ZIP, with a manifest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-progress.h"

G_BEGIN_DECLS

gboolean cocrea_pack_export (CocreaDocument     *document,
                             const char         *zip_path,
                             GCancellable       *cancellable,
                             CocreaProgressFunc  progress,
                             gpointer            user_data,
                             GStrv              *warnings,
                             GError            **error);

G_END_DECLS
