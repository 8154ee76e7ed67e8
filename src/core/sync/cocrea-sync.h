/* cocrea-sync.h — bringing laptops' copies back into the process
 *
 * Compare a copy with this file (nothing changes), show the plan, decide
 * its conflicts, apply it as one edit. The design is at the top of
 * cocrea-sync.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-sync-plan.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_SYNC_DEFAULT     = 0,
  COCREA_SYNC_SCORES_ONLY = 1 << 0, /* only scores, as merge-scores brings them */
} CocreaSyncFlags;

CocreaSyncPlan *cocrea_sync_compare (CocreaDocument  *document,
                                     const char      *copy_path,
                                     CocreaSyncFlags  flags,
                                     GError         **error);
gboolean        cocrea_sync_apply   (CocreaDocument  *document,
                                     CocreaSyncPlan  *plan,
                                     CocreaUndo     **undo,
                                     GError         **error);

G_END_DECLS
