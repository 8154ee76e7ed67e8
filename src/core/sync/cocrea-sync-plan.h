/* cocrea-sync-plan.h — what bringing a copy back would change, before it does
 *
 * Made by cocrea_sync_compare(), applied by cocrea_sync_apply() (see
 * cocrea-sync.h). Between the two, people read the counts, the conflicts
 * and what cannot come in, and decide each conflict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-sync-conflict.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SYNC_PLAN (cocrea_sync_plan_get_type ())
G_DECLARE_FINAL_TYPE (CocreaSyncPlan, cocrea_sync_plan, COCREA, SYNC_PLAN, GObject)

const char  *cocrea_sync_plan_get_copy_path     (CocreaSyncPlan      *self);
const char  *cocrea_sync_plan_get_label         (CocreaSyncPlan      *self);
guint        cocrea_sync_plan_get_count         (CocreaSyncPlan      *self,
                                                 CocreaSyncKind       kind,
                                                 CocreaSyncChange     change);
guint        cocrea_sync_plan_get_n_changes     (CocreaSyncPlan      *self);
GListModel  *cocrea_sync_plan_get_conflicts     (CocreaSyncPlan      *self);
guint        cocrea_sync_plan_get_n_unresolved  (CocreaSyncPlan      *self);
void         cocrea_sync_plan_resolve_all       (CocreaSyncPlan      *self,
                                                 CocreaSyncResolution resolution);
const char * const *cocrea_sync_plan_get_skipped (CocreaSyncPlan     *self);
const char * const *cocrea_sync_plan_get_notes  (CocreaSyncPlan      *self);
gboolean     cocrea_sync_plan_is_empty          (CocreaSyncPlan      *self);
gboolean     cocrea_sync_plan_get_applied       (CocreaSyncPlan      *self);
guint        cocrea_sync_plan_get_n_written     (CocreaSyncPlan      *self);
char        *cocrea_sync_plan_describe          (CocreaSyncPlan      *self,
                                                 CocreaSyncChange     change);

G_END_DECLS
