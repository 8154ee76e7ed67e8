/* cocrea-proposal.h — a consolidated proposal and its tally
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-types.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/**
 * CocreaProposalFields:
 * What the user edits of a proposal. @axes is a set of #CocreaAxes,
 * @inclusion a set of #CocreaInclusion; @description and @area may be NULL.
 */
typedef struct {
  const char *title;
  const char *description;
  const char *area;
  guint axes;
  guint inclusion;
  CocreaOrigin origin;
} CocreaProposalFields;

#define COCREA_TYPE_PROPOSAL (cocrea_proposal_get_type ())
G_DECLARE_FINAL_TYPE (CocreaProposal, cocrea_proposal, COCREA, PROPOSAL, GObject)

gint64          cocrea_proposal_get_id              (CocreaProposal *self);
const char     *cocrea_proposal_get_title           (CocreaProposal *self);
const char     *cocrea_proposal_get_description     (CocreaProposal *self);
const char     *cocrea_proposal_get_area            (CocreaProposal *self);
guint           cocrea_proposal_get_axes            (CocreaProposal *self);
guint           cocrea_proposal_get_inclusion       (CocreaProposal *self);
CocreaOrigin    cocrea_proposal_get_origin          (CocreaProposal *self);
gint64          cocrea_proposal_get_merged_into_id  (CocreaProposal *self);
guint           cocrea_proposal_get_n_contributions (CocreaProposal *self);
guint           cocrea_proposal_get_n_groups        (CocreaProposal *self);
guint           cocrea_proposal_get_n_activities    (CocreaProposal *self);
guint           cocrea_proposal_get_n_supports      (CocreaProposal *self);
void            cocrea_proposal_get_fields          (CocreaProposal       *self,
                                                     CocreaProposalFields *fields);

GListModel     *cocrea_proposal_list                (CocreaDocument *document,
                                                     GError        **error);
CocreaProposal *cocrea_proposal_lookup              (CocreaDocument *document,
                                                     gint64          id,
                                                     GError        **error);
gboolean        cocrea_proposal_update              (CocreaDocument             *document,
                                                     gint64                      id,
                                                     const CocreaProposalFields *fields,
                                                     CocreaUndo                **undo,
                                                     GError                    **error);

G_END_DECLS
