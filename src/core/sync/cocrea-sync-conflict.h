/* cocrea-sync-conflict.h — one row a copy and this file both changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a copy brings, counted by kind for people. */
typedef enum {
  COCREA_SYNC_ACTIVITIES,
  COCREA_SYNC_GROUPS,
  COCREA_SYNC_CONTRIBUTIONS,
  COCREA_SYNC_PROPOSALS,
  COCREA_SYNC_LINKS,        /* merge links: where a contribution or proposal is merged */
  COCREA_SYNC_SCORES,
  COCREA_SYNC_COMMENTS,
  COCREA_SYNC_PROGRESS,     /* milestone progress records */
  COCREA_SYNC_N_KINDS
} CocreaSyncKind;

typedef enum {
  COCREA_SYNC_NEW,
  COCREA_SYNC_CHANGED,
  COCREA_SYNC_DELETED,
  COCREA_SYNC_N_CHANGES
} CocreaSyncChange;

typedef enum {
  COCREA_SYNC_BOTH_CHANGED,   /* changed here and in the copy, differently */
  COCREA_SYNC_DELETED_THERE,  /* deleted in the copy, changed (or merged) here */
  COCREA_SYNC_DELETED_HERE,   /* changed in the copy, deleted here */
  COCREA_SYNC_IN_USE_HERE,    /* deleted in the copy, but rows here still refer to it */
  COCREA_SYNC_NEEDED_THERE,   /* deleted here, but the copy added or changed rows in it */
  COCREA_SYNC_DIFFERENT,      /* the copy does not say what it started from: different, who knows why */
  COCREA_SYNC_LOOP,           /* merging as the copy did would merge a proposal into itself */
} CocreaSyncConflictReason;

typedef enum {
  COCREA_SYNC_UNRESOLVED,     /* nobody decided: this file's version stays, the copy's comes again */
  COCREA_SYNC_KEEP_OURS,
  COCREA_SYNC_TAKE_THEIRS,
} CocreaSyncResolution;

const char *cocrea_sync_kind_to_key   (CocreaSyncKind kind);
const char *cocrea_sync_change_to_key (CocreaSyncChange change);
char       *cocrea_sync_kind_count    (CocreaSyncKind kind,
                                       guint          n);

#define COCREA_TYPE_SYNC_CONFLICT (cocrea_sync_conflict_get_type ())
G_DECLARE_FINAL_TYPE (CocreaSyncConflict, cocrea_sync_conflict, COCREA, SYNC_CONFLICT, GObject)

CocreaSyncConflict      *cocrea_sync_conflict_new            (CocreaSyncKind            kind,
                                                              CocreaSyncConflictReason  reason,
                                                              const char               *title,
                                                              const char               *ours,
                                                              const char               *theirs,
                                                              gboolean                  can_take_theirs);
CocreaSyncKind           cocrea_sync_conflict_get_kind       (CocreaSyncConflict *self);
CocreaSyncConflictReason cocrea_sync_conflict_get_reason     (CocreaSyncConflict *self);
const char              *cocrea_sync_conflict_get_reason_key (CocreaSyncConflict *self);
const char              *cocrea_sync_conflict_get_explanation (CocreaSyncConflict *self);
const char              *cocrea_sync_conflict_get_title      (CocreaSyncConflict *self);
const char              *cocrea_sync_conflict_get_ours       (CocreaSyncConflict *self);
const char              *cocrea_sync_conflict_get_theirs     (CocreaSyncConflict *self);
gboolean                 cocrea_sync_conflict_can_take_theirs (CocreaSyncConflict *self);
CocreaSyncResolution     cocrea_sync_conflict_get_resolution (CocreaSyncConflict *self);
void                     cocrea_sync_conflict_set_resolution (CocreaSyncConflict  *self,
                                                              CocreaSyncResolution resolution);

G_END_DECLS
