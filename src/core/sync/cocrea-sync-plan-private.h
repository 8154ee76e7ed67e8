/* cocrea-sync-plan-private.h — the plan as cocrea-sync.c builds and applies it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cocrea-sync-plan.h"
#include "cocrea-sync-rows-private.h"

G_BEGIN_DECLS

/* What taking the copy's version of an item does here. */
typedef enum {
  SYNC_ACTION_NONE,
  SYNC_ACTION_INSERT,
  SYNC_ACTION_UPDATE,
  SYNC_ACTION_DELETE,
} SyncAction;

typedef struct _SyncEntry SyncEntry;

/* One item the copy changed since it last agreed with this file (or that
 * such a change needs), and what bringing it back means here. */
struct _SyncEntry {
  SyncItemKind kind;
  char *uid;
  gboolean x_present;       /* the copy has it */
  gboolean m_present;       /* this file has it (when compared) */
  guint64 x_hash;
  guint64 m_hash;
  gboolean changed_there;   /* the copy changed it: remember its version once decided */
  SyncAction action;
  sqlite3_value **x_values; /* the copy's row, for inserts and updates */
  int n_values;
  CocreaSyncConflict *conflict;
  GPtrArray *needs;         /* of SyncEntry: must be applied for this one to be */
  char *skip;               /* why it cannot come in; such an entry is never applied */
  char *alias;              /* a new group of the copy that is this file's group of that name */
  int state;                /* apply: 0 not yet known, 1 applies, 2 left out, 3 left out for now */
};

struct _CocreaSyncPlan {
  GObject parent_instance;

  char *copy_path;
  char *label;
  char *replica;            /* the copy's identity: sync_seen rows are kept under it */
  gint64 copy_audit_id;     /* the copy's last audit entry */
  char *copy_audit_digest;  /* of its audit entries since it was handed out */
  gboolean scores_only;     /* merge-scores: scores, compared as merge-scores always did */
  gboolean applied;

  GPtrArray *entries;       /* of SyncEntry, in the order they were found */
  GHashTable *by_key;       /* sync_item_key () → SyncEntry */
  GHashTable *aliases;      /* the copy's group uid → this file's */
  GListStore *conflicts;    /* of CocreaSyncConflict */
  GPtrArray *skipped;       /* of translated one-line reasons */
  GPtrArray *notes;         /* of translated remarks on the copy as a whole */
  guint counts[COCREA_SYNC_N_KINDS][COCREA_SYNC_N_CHANGES];
  guint unchanged;          /* items the copy holds as this file does, or has not touched */
  guint n_written;          /* rows written when it was applied */
};

CocreaSyncKind sync_kind_category (SyncItemKind kind);
SyncEntry     *sync_plan_add_entry (CocreaSyncPlan *self,
                                    SyncItemKind    kind,
                                    const char     *uid);
SyncEntry     *sync_plan_lookup    (CocreaSyncPlan *self,
                                    SyncItemKind    kind,
                                    const char     *uid);
void           sync_plan_remove    (CocreaSyncPlan *self,
                                    SyncEntry      *entry);
void           sync_plan_count     (CocreaSyncPlan *self);

G_END_DECLS
