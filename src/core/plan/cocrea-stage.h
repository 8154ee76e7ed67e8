/* cocrea-stage.h — one of the seven stages of a process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-dates.h"
#include "cocrea-document.h"
#include "cocrea-types.h"

G_BEGIN_DECLS

#define COCREA_TYPE_STAGE (cocrea_stage_get_type ())
G_DECLARE_FINAL_TYPE (CocreaStage, cocrea_stage, COCREA, STAGE, GObject)

int                cocrea_stage_get_position   (CocreaStage *self);
const char        *cocrea_stage_get_key        (CocreaStage *self);
const char        *cocrea_stage_get_name       (CocreaStage *self);
const char        *cocrea_stage_get_starts_on  (CocreaStage *self);
const char        *cocrea_stage_get_ends_on    (CocreaStage *self);
CocreaStageStatus  cocrea_stage_get_status     (CocreaStage *self);
char              *cocrea_stage_format_period  (CocreaStage *self);

GListModel        *cocrea_stage_list           (CocreaDocument *document,
                                                GError        **error);
gboolean           cocrea_stage_update         (CocreaDocument   *document,
                                                const char       *key,
                                                const char       *starts_on,
                                                const char       *ends_on,
                                                CocreaStageStatus status,
                                                GError          **error);

const char        *cocrea_stage_default_name   (const char *key);

G_END_DECLS
