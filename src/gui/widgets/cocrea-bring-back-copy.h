/* cocrea-bring-back-copy.h — one laptop's copy in Bring Back Laptops: its preview and its button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-sync-plan.h"

G_BEGIN_DECLS

#define COCREA_TYPE_BRING_BACK_COPY (cocrea_bring_back_copy_get_type ())
G_DECLARE_FINAL_TYPE (CocreaBringBackCopy, cocrea_bring_back_copy, COCREA, BRING_BACK_COPY, GtkWidget)

CocreaBringBackCopy *cocrea_bring_back_copy_new        (const char          *path);
const char          *cocrea_bring_back_copy_get_path   (CocreaBringBackCopy *self);
CocreaSyncPlan      *cocrea_bring_back_copy_get_plan   (CocreaBringBackCopy *self);
void                 cocrea_bring_back_copy_set_plan   (CocreaBringBackCopy *self,
                                                        CocreaSyncPlan      *plan);
void                 cocrea_bring_back_copy_set_error  (CocreaBringBackCopy *self,
                                                        const char          *message);
void                 cocrea_bring_back_copy_set_done   (CocreaBringBackCopy *self,
                                                        const char          *summary);
gboolean             cocrea_bring_back_copy_get_done   (CocreaBringBackCopy *self);
gboolean             cocrea_bring_back_copy_can_apply  (CocreaBringBackCopy *self);

G_END_DECLS
