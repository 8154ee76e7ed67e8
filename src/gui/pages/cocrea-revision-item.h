/* cocrea-revision-item.h — one change to the plan made in answer to a comment, as a list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cocrea-revision.h"

G_BEGIN_DECLS

#define COCREA_TYPE_REVISION_ITEM (cocrea_revision_item_get_type ())
G_DECLARE_FINAL_TYPE (CocreaRevisionItem, cocrea_revision_item, COCREA, REVISION_ITEM, GObject)

CocreaRevisionItem *cocrea_revision_item_new        (const CocreaRevision *revision);
gint64              cocrea_revision_item_get_comment_id (CocreaRevisionItem *self);
const char         *cocrea_revision_item_get_title  (CocreaRevisionItem   *self);
const char         *cocrea_revision_item_get_change (CocreaRevisionItem   *self);
const char         *cocrea_revision_item_get_cause  (CocreaRevisionItem   *self);

G_END_DECLS
