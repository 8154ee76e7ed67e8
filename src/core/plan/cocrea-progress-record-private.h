/* cocrea-progress-record-private.h — how the follow-up builds its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cocrea-progress-record.h"

G_BEGIN_DECLS

/* The columns cocrea_progress_record_new_from_row() reads, in order. */
#define COCREA_PROGRESS_RECORD_QUERY \
  "SELECT id, milestone_id, recorded_on, status, evidence FROM milestone_progress"

CocreaProgressRecord *cocrea_progress_record_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
