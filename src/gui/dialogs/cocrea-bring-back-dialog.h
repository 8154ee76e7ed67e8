/* cocrea-bring-back-dialog.h — Bring Back Laptops: a preview per copy, then one edit per copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_BRING_BACK_DIALOG (cocrea_bring_back_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaBringBackDialog, cocrea_bring_back_dialog, COCREA, BRING_BACK_DIALOG,
                      AdwWindow)

CocreaBringBackDialog *cocrea_bring_back_dialog_new (GtkWindow          *parent,
                                                     CocreaDocument     *document,
                                                     const char * const *paths);

G_END_DECLS
