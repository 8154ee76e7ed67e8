/* cocrea-tally.h — how many contributions, groups and activities back each proposal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-proposal.h"
#include "cocrea-record-changes.h"

G_BEGIN_DECLS

/* The tally as a list of #CocreaProposal (the top-level ones, most
 * contributions first) that can follow a document's edits. */
#define COCREA_TYPE_TALLY (cocrea_tally_get_type ())
G_DECLARE_FINAL_TYPE (CocreaTally, cocrea_tally, COCREA, TALLY, GObject)

CocreaTally *cocrea_tally_new           (CocreaDocument            *document,
                                         GError                   **error);
gboolean     cocrea_tally_apply         (CocreaTally               *self,
                                         CocreaDocument            *document,
                                         const CocreaRecordChanges *changes,
                                         GArray                    *retitled,
                                         GError                   **error);
gboolean     cocrea_tally_reload        (CocreaTally               *self,
                                         CocreaDocument            *document,
                                         GError                   **error);
const char  *cocrea_tally_get_top_title (CocreaTally               *self,
                                         gint64                     proposal_id);

GListModel  *cocrea_tally               (CocreaDocument            *document,
                                         GError                   **error);

G_END_DECLS
