/* cocrea-undo-private.h — how core modules record what an edit changes
 *
 * Inside an edit, before changing a row, capture it; a row captured twice
 * keeps its first image. A row that is inserted is captured (as absent)
 * right after its id is known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cocrea-undo.h"

G_BEGIN_DECLS

/* The tables an undo can restore, parents before children. */
typedef enum {
  COCREA_UNDO_ACTIVITY,
  COCREA_UNDO_GROUP,
  COCREA_UNDO_PROPOSAL,
  COCREA_UNDO_CONTRIBUTION,
  COCREA_UNDO_EVALUATOR,
  COCREA_UNDO_SCORE,           /* by rowid: a score's key is its evaluator, proposal and criterion */
  COCREA_UNDO_COMMITMENT,
  COCREA_UNDO_MILESTONE,
  COCREA_UNDO_CONTACT,
  COCREA_UNDO_ACTOR,
  COCREA_UNDO_MILESTONE_PROGRESS,
  COCREA_UNDO_CONSULTATION_COMMENT,
  COCREA_UNDO_CONTRIBUTION_SOURCE,
  COCREA_UNDO_COMMITMENT_COMPLETION,
  COCREA_UNDO_PLAN_REVISION,
  COCREA_UNDO_SYNC_REPLICA,
  COCREA_UNDO_SYNC_SEEN,
  COCREA_UNDO_N_TABLES
} CocreaUndoTable;

CocreaUndo *cocrea_undo_new           (const char      *action,
                                       const char      *label);
gboolean    cocrea_undo_capture       (CocreaUndo      *self,
                                       sqlite3         *db,
                                       CocreaUndoTable  table,
                                       gint64           id,
                                       GError         **error);
void        cocrea_undo_capture_absent (CocreaUndo     *self,
                                       CocreaUndoTable  table,
                                       gint64           id);
gboolean    cocrea_undo_capture_where (CocreaUndo      *self,
                                       sqlite3         *db,
                                       CocreaUndoTable  table,
                                       const char      *where,
                                       gint64           param,
                                       GError         **error);

G_END_DECLS
