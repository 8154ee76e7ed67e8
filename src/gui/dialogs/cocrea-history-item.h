/* cocrea-history-item.h — one entry of the history, as a list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cocrea-history.h"

G_BEGIN_DECLS

#define COCREA_TYPE_HISTORY_ITEM (cocrea_history_item_get_type ())
G_DECLARE_FINAL_TYPE (CocreaHistoryItem, cocrea_history_item, COCREA, HISTORY_ITEM, GObject)

CocreaHistoryItem *cocrea_history_item_new         (const CocreaHistoryEntry *entry);
CocreaHistoryKind  cocrea_history_item_get_kind    (CocreaHistoryItem        *self);
const char        *cocrea_history_item_get_when    (CocreaHistoryItem        *self);
const char        *cocrea_history_item_get_author  (CocreaHistoryItem        *self);
const char        *cocrea_history_item_get_description (CocreaHistoryItem    *self);

G_END_DECLS
