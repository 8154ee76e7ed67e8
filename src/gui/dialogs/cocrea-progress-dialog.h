/* cocrea-progress-dialog.h — records where a milestone of the plan stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PROGRESS_DIALOG (cocrea_progress_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaProgressDialog, cocrea_progress_dialog, COCREA, PROGRESS_DIALOG,
                      AdwWindow)

CocreaProgressDialog *cocrea_progress_dialog_new  (GtkWindow             *parent,
                                                   CocreaDocument        *document,
                                                   gint64                 milestone_id,
                                                   GError               **error);
gboolean              cocrea_progress_dialog_save (CocreaProgressDialog  *self,
                                                   GError               **error);

G_END_DECLS
