/* cocrea-undo.h — what it takes to take an edit back
 *
 * Every function that changes activities, groups, contributions or
 * proposals hands back a CocreaUndo: a snapshot of the rows the edit
 * touched, as they were before it. Applying it writes those rows back
 * (inserting the deleted ones with their ids, deleting the created ones)
 * and hands back another CocreaUndo, which redoes the edit. The core keeps
 * no stack: the GUI does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_UNDO (cocrea_undo_get_type ())
G_DECLARE_FINAL_TYPE (CocreaUndo, cocrea_undo, COCREA, UNDO, GObject)

const char *cocrea_undo_get_action (CocreaUndo     *self);
const char *cocrea_undo_get_label  (CocreaUndo     *self);
guint       cocrea_undo_get_n_rows (CocreaUndo     *self);
gboolean    cocrea_undo_apply      (CocreaDocument *document,
                                    CocreaUndo     *undo,
                                    CocreaUndo    **redo,
                                    GError        **error);

G_END_DECLS
