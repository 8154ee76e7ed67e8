/* cocrea-merge-scores.h — bring back the scores an evaluator typed elsewhere
 *
 * Two steps: plan (read both files, list new scores and conflicts, change
 * nothing), then apply (write the new scores, and the conflicts the caller
 * resolved as "take theirs", as one edit). It is bringing a copy back
 * (cocrea-sync.h) restricted to scores, seen as it always was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_MERGE_UNRESOLVED,  /* a conflict nobody decided on: ours stays */
  COCREA_MERGE_KEEP_OURS,
  COCREA_MERGE_TAKE_THEIRS,
} CocreaMergeResolution;

/* One score of the other file that this file lacks or holds differently. */
typedef struct {
  char *evaluator;        /* matched by name */
  char *department;       /* the other file's, used for a new evaluator */
  gint64 proposal_id;     /* matched by id and title */
  char *proposal_title;
  char *criterion;        /* matched by key */
  int their_value;
  char *their_note;
  char *their_updated_at;
  gboolean conflict;      /* this file has another value or note */
  int our_value;          /* for conflicts */
  char *our_note;         /* for conflicts */
  CocreaMergeResolution resolution; /* for conflicts; set by the caller */
} CocreaScoreChange;

typedef struct {
  char *other_path;
  char *other_title;
  GArray *new_scores;   /* CocreaScoreChange, not in this file (or changed there only) */
  GArray *conflicts;    /* CocreaScoreChange, differing from this file */
  guint unchanged;      /* scores both files hold alike, or the copy did not touch */
  GPtrArray *skipped;   /* translated one-line reasons for what cannot be merged */
  GObject *sync_plan;   /* private: the CocreaSyncPlan this is a view of */
  GPtrArray *sync_conflicts; /* private: its CocreaSyncConflict of each conflict */
} CocreaMergeScoresPlan;

CocreaMergeScoresPlan *cocrea_merge_scores_plan        (CocreaDocument        *document,
                                                        const char            *other_path,
                                                        GError               **error);
void                   cocrea_merge_scores_plan_free   (CocreaMergeScoresPlan *plan);
void                   cocrea_merge_scores_resolve_all (CocreaMergeScoresPlan *plan,
                                                        CocreaMergeResolution  resolution);
guint                  cocrea_merge_scores_count_unresolved (CocreaMergeScoresPlan *plan);
gboolean               cocrea_merge_scores_apply       (CocreaDocument        *document,
                                                        CocreaMergeScoresPlan *plan,
                                                        guint                 *n_written,
                                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaMergeScoresPlan, cocrea_merge_scores_plan_free)

G_END_DECLS
