/* cocrea-sync-private.h — what merge-scores needs of the sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-sync.h"

G_BEGIN_DECLS

gboolean cocrea_sync_apply_as (CocreaDocument *document,
                               CocreaSyncPlan *plan,
                               const char     *action,
                               const char     *detail,
                               guint          *n_written,
                               CocreaUndo    **undo,
                               GError        **error);

G_END_DECLS
