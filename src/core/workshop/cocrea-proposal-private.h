/* cocrea-proposal-private.h — how the tally builds proposals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cocrea-proposal.h"

G_BEGIN_DECLS

/* The columns cocrea_proposal_new_from_row() reads, from table alias p. */
#define COCREA_PROPOSAL_COLUMNS                                                  \
  "p.id, p.title, p.description, p.area, p.axes, p.inclusion, p.origin,"        \
  " coalesce (p.merged_into_id, 0)"
#define COCREA_PROPOSAL_N_COLUMNS 8

gpointer        cocrea_proposal_new_from_row (sqlite3_stmt   *stmt,
                                              gpointer        user_data,
                                              GError        **error);
CocreaProposal *cocrea_proposal_copy         (CocreaProposal *self);
void            cocrea_proposal_set_counts   (CocreaProposal *self,
                                              guint           n_contributions,
                                              guint           n_groups,
                                              guint           n_activities);
void            cocrea_proposal_add_supports (CocreaProposal *self,
                                              guint           n_supports);
void            cocrea_proposal_set_supports (CocreaProposal *self,
                                              guint           n_supports);

G_END_DECLS
