/* cocrea-selection.h — decisions on proposals, under the quotas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_DECISION_NOT_SHORTLISTED,
  COCREA_DECISION_SHORTLISTED,
  COCREA_DECISION_SELECTED,
  COCREA_DECISION_NOT_SELECTED,
  COCREA_N_DECISIONS
} CocreaDecision;

/* How many proposals are selected, by origin, against the quotas. */
typedef struct {
  int quota_total;
  int quota_municipal;
  int quota_community;
  int selected;
  int selected_municipal;
  int selected_community;
  int shortlisted;     /* shortlisted, selected or not selected */
  int undecided;       /* proposals (not merged away) without a decision */
} CocreaSelectionSummary;

const char *cocrea_decision_to_key   (CocreaDecision decision);
gboolean    cocrea_decision_from_key (const char     *key,
                                      CocreaDecision *decision);
const char *cocrea_decision_label    (CocreaDecision decision);

gboolean    cocrea_selection_decide      (CocreaDocument         *document,
                                          gint64                  proposal_id,
                                          CocreaDecision          decision,
                                          const char             *reason,
                                          gboolean                force,
                                          GError                **error);
gboolean    cocrea_selection_get_decision (CocreaDocument        *document,
                                          gint64                  proposal_id,
                                          gboolean               *decided,
                                          CocreaDecision         *decision,
                                          char                  **reason,
                                          GError                **error);
gboolean    cocrea_selection_get_summary (CocreaDocument         *document,
                                          CocreaSelectionSummary *summary,
                                          GError                **error);

G_END_DECLS
