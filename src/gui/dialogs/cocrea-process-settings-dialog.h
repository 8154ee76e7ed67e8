/* cocrea-process-settings-dialog.h — edits the process record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PROCESS_SETTINGS_DIALOG (cocrea_process_settings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaProcessSettingsDialog, cocrea_process_settings_dialog, COCREA, PROCESS_SETTINGS_DIALOG, AdwWindow)

CocreaProcessSettingsDialog *cocrea_process_settings_dialog_new  (GtkWindow                    *parent,
                                                                  CocreaDocument               *document,
                                                                  GError                      **error);
gboolean                     cocrea_process_settings_dialog_save (CocreaProcessSettingsDialog  *self,
                                                                  GError                      **error);

G_END_DECLS
