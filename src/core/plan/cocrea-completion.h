/* cocrea-completion.h — a commitment's completion on OGP's scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/* The completion levels of OGP's Independent Reporting Mechanism, in
 * order; the keys are the file's and the JSON's. */
typedef enum {
  COCREA_COMPLETION_NO_EVIDENCE,
  COCREA_COMPLETION_NOT_STARTED,
  COCREA_COMPLETION_LIMITED,
  COCREA_COMPLETION_SUBSTANTIAL,
  COCREA_COMPLETION_COMPLETE,
  COCREA_N_COMPLETION
} CocreaCompletion;

/**
 * CocreaCompletionState:
 * @commitment_id: the commitment's row id
 * @position: its number in the plan
 * @name: its name
 * @milestones: how many milestones it has
 * @derived: the level its milestones give
 * @level: the level that stands: set by hand, else @derived
 * @set_by_hand: whether the forum set @level, overriding @derived
 * @reason: (nullable): why it was set by hand
 * @recorded_on: (nullable): the day it was set by hand
 */
typedef struct {
  gint64 commitment_id;
  int position;
  char *name;
  guint milestones;
  CocreaCompletion derived;
  CocreaCompletion level;
  gboolean set_by_hand;
  char *reason;
  char *recorded_on;
} CocreaCompletionState;

const char       *cocrea_completion_to_key    (CocreaCompletion  level);
gboolean          cocrea_completion_from_text (const char       *text,
                                               CocreaCompletion *level);
const char       *cocrea_completion_label     (CocreaCompletion  level);
const char       *cocrea_completion_msgid     (CocreaCompletion  level);

CocreaCompletion  cocrea_completion_derive    (guint             milestones,
                                               guint             done,
                                               guint             in_progress,
                                               gboolean          any_record);

GPtrArray        *cocrea_completion_list      (CocreaDocument   *document,
                                               GError          **error);
CocreaCompletionState *cocrea_completion_get  (CocreaDocument   *document,
                                               gint64            commitment_id,
                                               GError          **error);
void              cocrea_completion_state_free (CocreaCompletionState *state);

gboolean          cocrea_completion_set       (CocreaDocument   *document,
                                               gint64            commitment_id,
                                               CocreaCompletion  level,
                                               const char       *reason,
                                               CocreaUndo      **undo,
                                               GError          **error);
gboolean          cocrea_completion_follow_milestones (CocreaDocument *document,
                                               gint64            commitment_id,
                                               CocreaUndo      **undo,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaCompletionState, cocrea_completion_state_free)

G_END_DECLS
