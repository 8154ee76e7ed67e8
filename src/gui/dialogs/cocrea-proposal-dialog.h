/* cocrea-proposal-dialog.h — edits a consolidated proposal's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PROPOSAL_DIALOG (cocrea_proposal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaProposalDialog, cocrea_proposal_dialog, COCREA, PROPOSAL_DIALOG, AdwWindow)

CocreaProposalDialog *cocrea_proposal_dialog_new  (GtkWindow             *parent,
                                                   CocreaDocument        *document,
                                                   gint64                 proposal_id,
                                                   GError               **error);
gboolean              cocrea_proposal_dialog_save (CocreaProposalDialog  *self,
                                                   GError               **error);

G_END_DECLS
