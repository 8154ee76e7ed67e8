/* cocrea-record-changes.h — what an edit added, changed and removed, for one kind of record
 *
 * After every committed edit (undo and redo included) the document emits
 * CocreaDocument::records-changed once for each kind of record the edit
 * touched, with the kind's nick as the signal's detail and a
 * #CocreaRecordChanges holding the ids, then CocreaDocument::changed once.
 * A page that shows contributions connects to
 * "records-changed::contribution" and updates those rows only; a page
 * that does not care what changed keeps using "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * CocreaRecordKind:
 * The kinds of record a change is reported for, parents before children
 * (the order the signals come in). Ids are the records' ids, except
 * %COCREA_RECORD_DECISION (the proposal's id, one decision per proposal)
 * and %COCREA_RECORD_SCORE (SQLite row ids: a score is known by its
 * evaluator, proposal and criterion, so read the scores again).
 */
typedef enum {
  COCREA_RECORD_PROCESS,      /* "process": the process record; id 1 */
  COCREA_RECORD_STAGE,        /* "stage" */
  COCREA_RECORD_ACTIVITY,     /* "activity" */
  COCREA_RECORD_GROUP,        /* "group": table groups */
  COCREA_RECORD_PROPOSAL,     /* "proposal": merged_into_id changes are reported here */
  COCREA_RECORD_CONTRIBUTION, /* "contribution": a merge changes contributions' proposal_id */
  COCREA_RECORD_SOURCE,       /* "source": where a contribution came from online (Decidim),
                               * with its supports; ids are the source rows' own */
  COCREA_RECORD_CRITERION,    /* "criterion" */
  COCREA_RECORD_EVALUATOR,    /* "evaluator" */
  COCREA_RECORD_SCORE,        /* "score" */
  COCREA_RECORD_DECISION,     /* "decision" */
  COCREA_RECORD_COMMITMENT,   /* "commitment" */
  COCREA_RECORD_MILESTONE,    /* "milestone" */
  COCREA_RECORD_CONTACT,      /* "contact" */
  COCREA_RECORD_ACTOR,        /* "actor" */
  COCREA_RECORD_PROGRESS,     /* "progress": milestone progress records */
  COCREA_RECORD_COMMENT,      /* "comment": consultation comments */
  COCREA_N_RECORD_KINDS
} CocreaRecordKind;

/* What happened to a record, net over the whole edit: a record added and
 * then changed in the same edit is added; added and removed is not
 * reported at all; removed and put back (an undo) is changed. */
typedef enum {
  COCREA_CHANGE_ADDED,
  COCREA_CHANGE_CHANGED,
  COCREA_CHANGE_REMOVED,
  COCREA_N_CHANGES
} CocreaChange;

const char *cocrea_record_kind_to_nick (CocreaRecordKind kind);

typedef struct _CocreaRecordChanges CocreaRecordChanges;

#define COCREA_TYPE_RECORD_CHANGES (cocrea_record_changes_get_type ())
GType                cocrea_record_changes_get_type (void) G_GNUC_CONST;

CocreaRecordChanges *cocrea_record_changes_new      (CocreaRecordKind           kind);
CocreaRecordChanges *cocrea_record_changes_ref      (CocreaRecordChanges       *self);
void                 cocrea_record_changes_unref    (CocreaRecordChanges       *self);
void                 cocrea_record_changes_add      (CocreaRecordChanges       *self,
                                                     CocreaChange               change,
                                                     gint64                     id);

CocreaRecordKind     cocrea_record_changes_get_kind (const CocreaRecordChanges *self);
const gint64        *cocrea_record_changes_get_ids  (const CocreaRecordChanges *self,
                                                     CocreaChange               change,
                                                     guint                     *n_ids);
guint                cocrea_record_changes_get_n_ids (const CocreaRecordChanges *self);
gboolean             cocrea_record_changes_has      (const CocreaRecordChanges *self,
                                                     CocreaChange               change,
                                                     gint64                     id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaRecordChanges, cocrea_record_changes_unref)

G_END_DECLS
