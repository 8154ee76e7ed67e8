/* cocrea-milestone-progress.h — following the plan's milestones (stage 7)
 *
 * Once the plan is launched, the regular forum follows each milestone:
 * on a given day it records whether the milestone has not started, is in
 * progress or is done, with the evidence that shows it. The latest record
 * is the milestone's current state; a milestone whose end has passed
 * without being done is overdue. The follow-up of the whole plan feeds
 * the next cycle.
 *
 * Every edit is one transaction, logged in the audit log, and hands back
 * a #CocreaUndo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-progress-record.h"
#include "cocrea-types.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/**
 * CocreaMilestoneState:
 * Where one milestone of the plan stands today.
 * @recorded_on: (nullable): the day of its latest record, %NULL when none
 * @evidence: the latest record's evidence, "" when none
 * @overdue: its end (the last day of a month or year given alone) has
 *   passed and it is not done
 */
typedef struct {
  gint64 commitment_id;
  int commitment_position;
  char *commitment_name;
  gint64 milestone_id;
  int position;
  char *deliverable;
  char *starts_on;
  char *ends_on;
  CocreaProgress status;
  char *recorded_on;
  char *evidence;
  gboolean overdue;
} CocreaMilestoneState;

/**
 * CocreaProgressCounts:
 * How many milestones stand where, for one commitment or the whole plan
 * (@commitment_id 0, @name %NULL). @overdue counts milestones also
 * counted as in progress or not started.
 */
typedef struct {
  gint64 commitment_id;
  int position;
  char *name;
  guint total;
  guint by_status[COCREA_N_PROGRESS];
  guint overdue;
} CocreaProgressCounts;

/**
 * CocreaProgressSummary:
 * @overall: every milestone of the plan
 * @commitments: (element-type CocreaProgressCounts): one entry per
 *   commitment that has milestones, in plan order
 */
typedef struct {
  CocreaProgressCounts overall;
  GArray *commitments;
} CocreaProgressSummary;

gboolean               cocrea_milestone_progress_record     (CocreaDocument *document,
                                                             gint64          milestone_id,
                                                             CocreaProgress  status,
                                                             const char     *recorded_on,
                                                             const char     *evidence,
                                                             gint64         *id,
                                                             CocreaUndo    **undo,
                                                             GError        **error);
gboolean               cocrea_milestone_progress_update     (CocreaDocument *document,
                                                             gint64          id,
                                                             CocreaProgress  status,
                                                             const char     *recorded_on,
                                                             const char     *evidence,
                                                             CocreaUndo    **undo,
                                                             GError        **error);
gboolean               cocrea_milestone_progress_delete     (CocreaDocument *document,
                                                             gint64          id,
                                                             CocreaUndo    **undo,
                                                             GError        **error);
GListModel            *cocrea_milestone_progress_list       (CocreaDocument *document,
                                                             gint64          milestone_id,
                                                             GError        **error);

gboolean               cocrea_milestone_is_overdue          (const char     *ends_on,
                                                             CocreaProgress  status,
                                                             const char     *today);
GPtrArray             *cocrea_milestone_progress_follow_up  (CocreaDocument *document,
                                                             const char     *today,
                                                             GError        **error);
CocreaMilestoneState  *cocrea_milestone_progress_get_state  (CocreaDocument *document,
                                                             gint64          milestone_id,
                                                             const char     *today,
                                                             GError        **error);
void                   cocrea_milestone_state_free          (CocreaMilestoneState *state);

CocreaProgressSummary *cocrea_milestone_progress_summarize  (GPtrArray *states);
void                   cocrea_progress_summary_free         (CocreaProgressSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaMilestoneState, cocrea_milestone_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaProgressSummary, cocrea_progress_summary_free)

G_END_DECLS
