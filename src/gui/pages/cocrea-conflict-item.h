/* cocrea-conflict-item.h — one score two files disagree on, and which one to keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-merge-scores.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CONFLICT_ITEM (cocrea_conflict_item_get_type ())
G_DECLARE_FINAL_TYPE (CocreaConflictItem, cocrea_conflict_item, COCREA, CONFLICT_ITEM, GObject)

CocreaConflictItem *cocrea_conflict_item_new             (const CocreaScoreChange *change);
const char         *cocrea_conflict_item_get_choice_name (CocreaConflictItem      *self);
gboolean            cocrea_conflict_item_get_take_theirs (CocreaConflictItem      *self);
void                cocrea_conflict_item_set_take_theirs (CocreaConflictItem      *self,
                                                          gboolean                 take_theirs);

G_END_DECLS
