/* cocrea-completion-dialog.h — sets a commitment's completion on OGP's scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_COMPLETION_DIALOG (cocrea_completion_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCompletionDialog, cocrea_completion_dialog, COCREA,
                      COMPLETION_DIALOG, AdwWindow)

CocreaCompletionDialog *cocrea_completion_dialog_new  (GtkWindow              *parent,
                                                       CocreaDocument         *document,
                                                       gint64                  commitment_id,
                                                       GError                **error);
gboolean                cocrea_completion_dialog_save (CocreaCompletionDialog *self,
                                                       GError                **error);

G_END_DECLS
