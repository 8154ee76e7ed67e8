/* cocrea-response-dialog.h — answers a comment of the public consultation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-consultation-comment.h"
#include "cocrea-document.h"
#include "cocrea-types.h"

G_BEGIN_DECLS

#define COCREA_TYPE_RESPONSE_DIALOG (cocrea_response_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaResponseDialog, cocrea_response_dialog, COCREA, RESPONSE_DIALOG, AdwWindow)

CocreaResponseDialog *cocrea_response_dialog_new          (GtkWindow             *parent,
                                                           CocreaDocument        *document,
                                                           gint64                 comment_id,
                                                           GError               **error);
CocreaResponse        cocrea_response_dialog_get_response (CocreaResponseDialog  *self);
void                  cocrea_response_dialog_set_response (CocreaResponseDialog  *self,
                                                           CocreaResponse         response);
gboolean              cocrea_response_dialog_save         (CocreaResponseDialog  *self,
                                                           GError               **error);

char                 *cocrea_comment_describe             (CocreaConsultationComment *comment);

G_END_DECLS
