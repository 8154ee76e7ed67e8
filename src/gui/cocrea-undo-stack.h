/* cocrea-undo-stack.h — the undo and redo history of one page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

#define COCREA_TYPE_UNDO_STACK (cocrea_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (CocreaUndoStack, cocrea_undo_stack, COCREA, UNDO_STACK, GObject)

CocreaUndoStack *cocrea_undo_stack_new      (void);
guint            cocrea_undo_stack_push     (CocreaUndoStack *self,
                                             CocreaUndo      *undo);
gboolean         cocrea_undo_stack_can_undo (CocreaUndoStack *self);
gboolean         cocrea_undo_stack_can_redo (CocreaUndoStack *self);
gboolean         cocrea_undo_stack_undo     (CocreaUndoStack *self,
                                             CocreaDocument  *document,
                                             guint            serial,
                                             char           **message,
                                             GError         **error);
gboolean         cocrea_undo_stack_redo     (CocreaUndoStack *self,
                                             CocreaDocument  *document,
                                             char           **message,
                                             GError         **error);
void             cocrea_undo_stack_clear    (CocreaUndoStack *self);

AdwToast        *cocrea_undo_toast_new      (const char      *title,
                                             const char      *action_name,
                                             guint            serial);

G_END_DECLS
