/* cocrea-group.h — a table group ("mesa") inside an activity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

#define COCREA_TYPE_GROUP (cocrea_group_get_type ())
G_DECLARE_FINAL_TYPE (CocreaGroup, cocrea_group, COCREA, GROUP, GObject)

gint64       cocrea_group_get_id              (CocreaGroup *self);
gint64       cocrea_group_get_activity_id     (CocreaGroup *self);
const char  *cocrea_group_get_name            (CocreaGroup *self);
int          cocrea_group_get_size            (CocreaGroup *self);
int          cocrea_group_get_position        (CocreaGroup *self);
guint        cocrea_group_get_n_contributions (CocreaGroup *self);

GListModel  *cocrea_group_list                (CocreaDocument *document,
                                               gint64          activity_id,
                                               GError        **error);
gboolean     cocrea_group_add                 (CocreaDocument *document,
                                               gint64          activity_id,
                                               const char     *name,
                                               int             size,
                                               gint64         *id,
                                               CocreaUndo    **undo,
                                               GError        **error);
gboolean     cocrea_group_update              (CocreaDocument *document,
                                               gint64          id,
                                               const char     *name,
                                               int             size,
                                               CocreaUndo    **undo,
                                               GError        **error);
gboolean     cocrea_group_delete              (CocreaDocument *document,
                                               gint64          id,
                                               CocreaUndo    **undo,
                                               GError        **error);

G_END_DECLS
