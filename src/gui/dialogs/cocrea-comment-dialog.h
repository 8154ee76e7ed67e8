/* cocrea-comment-dialog.h — records or edits a comment of the public consultation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_COMMENT_DIALOG (cocrea_comment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCommentDialog, cocrea_comment_dialog, COCREA, COMMENT_DIALOG, AdwWindow)

CocreaCommentDialog *cocrea_comment_dialog_new  (GtkWindow            *parent,
                                                 CocreaDocument       *document,
                                                 gint64                comment_id,
                                                 gint64                commitment_id,
                                                 GError              **error);
gboolean             cocrea_comment_dialog_save (CocreaCommentDialog  *self,
                                                 GError              **error);

G_END_DECLS
