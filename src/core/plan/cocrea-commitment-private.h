/* cocrea-commitment-private.h — what commitments share with milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean cocrea_plan_move_row (sqlite3    *db,
                               const char *table,
                               const char *parent,
                               gint64      parent_id,
                               gint64      id,
                               int         new_position,
                               GError    **error);

G_END_DECLS
