/* cocrea-commitment-editor.h — every field of one commitment, in the OGP template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_COMMITMENT_EDITOR (cocrea_commitment_editor_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCommitmentEditor, cocrea_commitment_editor, COCREA, COMMITMENT_EDITOR,
                      GtkWidget)

GtkWidget *cocrea_commitment_editor_new            (void);
void       cocrea_commitment_editor_set_document   (CocreaCommitmentEditor *self,
                                                    CocreaDocument         *document);
void       cocrea_commitment_editor_set_commitment (CocreaCommitmentEditor *self,
                                                    gint64                  id);
gint64     cocrea_commitment_editor_get_commitment (CocreaCommitmentEditor *self);
void       cocrea_commitment_editor_save_now       (CocreaCommitmentEditor *self);

G_END_DECLS
