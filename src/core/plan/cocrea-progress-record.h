/* cocrea-progress-record.h — one entry of a milestone's follow-up
 *
 * A snapshot of a row of milestone_progress: on a given day, the regular
 * forum recorded where the milestone stood and what shows it. Its
 * properties never change: after an edit, list the records again (see
 * cocrea-milestone-progress.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cocrea-types.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PROGRESS_RECORD (cocrea_progress_record_get_type ())
G_DECLARE_FINAL_TYPE (CocreaProgressRecord, cocrea_progress_record, COCREA, PROGRESS_RECORD,
                      GObject)

gint64          cocrea_progress_record_get_id           (CocreaProgressRecord *self);
gint64          cocrea_progress_record_get_milestone_id (CocreaProgressRecord *self);
const char     *cocrea_progress_record_get_recorded_on  (CocreaProgressRecord *self);
CocreaProgress  cocrea_progress_record_get_status       (CocreaProgressRecord *self);
const char     *cocrea_progress_record_get_evidence     (CocreaProgressRecord *self);

G_END_DECLS
