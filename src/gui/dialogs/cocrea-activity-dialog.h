/* cocrea-activity-dialog.h — adds or edits an activity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_ACTIVITY_DIALOG (cocrea_activity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaActivityDialog, cocrea_activity_dialog, COCREA, ACTIVITY_DIALOG, AdwWindow)

CocreaActivityDialog *cocrea_activity_dialog_new  (GtkWindow             *parent,
                                                   CocreaDocument        *document,
                                                   gint64                 activity_id,
                                                   GError               **error);
gboolean              cocrea_activity_dialog_save (CocreaActivityDialog  *self,
                                                   GError               **error);

G_END_DECLS
