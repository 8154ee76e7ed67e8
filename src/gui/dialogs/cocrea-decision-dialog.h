/* cocrea-decision-dialog.h — decide on a proposal, with the reason the OGP asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-document.h"
#include "cocrea-selection.h"

G_BEGIN_DECLS

void     cocrea_decision_dialog_present (GtkWidget      *parent,
                                         CocreaDocument *document,
                                         gint64          proposal_id,
                                         const char     *proposal_title,
                                         gboolean        choose_decision,
                                         CocreaDecision  decision);
gboolean cocrea_decision_apply          (GtkWidget      *parent,
                                         CocreaDocument *document,
                                         gint64          proposal_id,
                                         CocreaDecision  decision,
                                         const char     *reason);

G_END_DECLS
