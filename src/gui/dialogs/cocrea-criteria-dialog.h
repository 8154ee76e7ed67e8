/* cocrea-criteria-dialog.h — edit the viability criteria of a process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CRITERIA_DIALOG (cocrea_criteria_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCriteriaDialog, cocrea_criteria_dialog, COCREA, CRITERIA_DIALOG, AdwWindow)

GtkWidget *cocrea_criteria_dialog_new  (CocreaDocument       *document,
                                        GError              **error);
gboolean   cocrea_criteria_dialog_save (CocreaCriteriaDialog *self);

G_END_DECLS
