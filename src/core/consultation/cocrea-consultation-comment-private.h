/* cocrea-consultation-comment-private.h — how the consultation builds its comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cocrea-consultation-comment.h"

G_BEGIN_DECLS

/* The query cocrea_consultation_comment_new_from_row() reads a row of: the
 * comment as k, its commitment (if any) as c. */
#define COCREA_CONSULTATION_COMMENT_QUERY                                                   \
  "SELECT k.id, coalesce (k.commitment_id, 0), coalesce (c.position, 0), c.name, k.channel," \
  " k.author, k.received_on, k.text, k.response, k.response_reason"                         \
  " FROM consultation_comment k LEFT JOIN commitment c ON c.id = k.commitment_id"

CocreaConsultationComment *cocrea_consultation_comment_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
