/* cocrea-prepare-laptops-dialog.h — Prepare Laptops: one copy of the process per table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PREPARE_LAPTOPS_DIALOG (cocrea_prepare_laptops_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPrepareLaptopsDialog, cocrea_prepare_laptops_dialog, COCREA,
                      PREPARE_LAPTOPS_DIALOG, AdwWindow)

CocreaPrepareLaptopsDialog *cocrea_prepare_laptops_dialog_new        (GtkWindow                  *parent,
                                                                      CocreaDocument             *document,
                                                                      gint64                      activity_id,
                                                                      GError                    **error);
void                        cocrea_prepare_laptops_dialog_set_folder (CocreaPrepareLaptopsDialog *self,
                                                                      const char                 *folder);
gboolean                    cocrea_prepare_laptops_dialog_write      (CocreaPrepareLaptopsDialog *self,
                                                                      GError                    **error);

G_END_DECLS
