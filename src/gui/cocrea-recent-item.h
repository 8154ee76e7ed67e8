/* cocrea-recent-item.h — one recent process, as the start page lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define COCREA_TYPE_RECENT_ITEM (cocrea_recent_item_get_type ())
G_DECLARE_FINAL_TYPE (CocreaRecentItem, cocrea_recent_item, COCREA, RECENT_ITEM, GObject)

CocreaRecentItem *cocrea_recent_item_new              (const char       *path);
const char       *cocrea_recent_item_get_path         (CocreaRecentItem *self);
const char       *cocrea_recent_item_get_title        (CocreaRecentItem *self);
const char       *cocrea_recent_item_get_municipality (CocreaRecentItem *self);
const char       *cocrea_recent_item_get_last_change  (CocreaRecentItem *self);
gboolean          cocrea_recent_item_get_available    (CocreaRecentItem *self);
const char       *cocrea_recent_item_get_reason       (CocreaRecentItem *self);
char             *cocrea_format_last_change           (const char       *timestamp);

G_END_DECLS
