/* cocrea-priority-item.h — one proposal as the Prioritise page ranks it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cocrea-ranking.h"
#include "cocrea-selection.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PRIORITY_ITEM (cocrea_priority_item_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPriorityItem, cocrea_priority_item, COCREA, PRIORITY_ITEM, GObject)

CocreaPriorityItem *cocrea_priority_item_new       (const CocreaRankProposal *proposal,
                                                    guint                     rank,
                                                    guint                     base_rank,
                                                    double                    score);
gint64              cocrea_priority_item_get_id    (CocreaPriorityItem       *self);
const char         *cocrea_priority_item_get_title (CocreaPriorityItem       *self);
guint               cocrea_priority_item_get_rank  (CocreaPriorityItem       *self);
int                 cocrea_priority_item_get_moved (CocreaPriorityItem       *self);
gboolean            cocrea_priority_item_get_decision (CocreaPriorityItem    *self,
                                                       CocreaDecision        *decision);

G_END_DECLS
