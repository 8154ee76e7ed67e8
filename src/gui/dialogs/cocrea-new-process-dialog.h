/* cocrea-new-process-dialog.h — asks what a new process is called, then where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_NEW_PROCESS_DIALOG (cocrea_new_process_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaNewProcessDialog, cocrea_new_process_dialog, COCREA, NEW_PROCESS_DIALOG, AdwWindow)

CocreaNewProcessDialog *cocrea_new_process_dialog_new       (GtkWindow              *parent);
CocreaDocument         *cocrea_new_process_dialog_create_at (CocreaNewProcessDialog *self,
                                                             const char             *path,
                                                             GError                **error);

G_END_DECLS
