/* cocrea-revision-dialog.h — changes the plan in answer to a consultation comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_REVISION_DIALOG (cocrea_revision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaRevisionDialog, cocrea_revision_dialog, COCREA, REVISION_DIALOG, AdwWindow)

CocreaRevisionDialog *cocrea_revision_dialog_new    (GtkWindow             *parent,
                                                     CocreaDocument        *document,
                                                     gint64                 comment_id,
                                                     GError               **error);
gboolean              cocrea_revision_dialog_choose (CocreaRevisionDialog  *self,
                                                     int                    commitment,
                                                     int                    milestone,
                                                     const char            *field);
void                  cocrea_revision_dialog_set_value (CocreaRevisionDialog *self,
                                                     const char            *value);
char                 *cocrea_revision_dialog_get_value (CocreaRevisionDialog *self);
gboolean              cocrea_revision_dialog_save   (CocreaRevisionDialog  *self,
                                                     GError               **error);

G_END_DECLS
