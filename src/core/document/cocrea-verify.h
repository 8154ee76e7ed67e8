/* cocrea-verify.h — everything a process file must satisfy, checked in one place
 *
 * Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean cocrea_verify_file          (sqlite3     *db,
                                      const char  *name,
                                      GError     **error);
gboolean cocrea_verify_counts        (sqlite3     *db,
                                      const char  *name,
                                      GError     **error);
gboolean cocrea_verify_scores        (sqlite3     *db,
                                      const char  *name,
                                      GError     **error);
void     cocrea_verify_set_damaged   (GError     **error,
                                      const char  *name,
                                      const char  *line);
gboolean cocrea_verify_stamp_matches (const char  *real_path);
void     cocrea_verify_stamp_write   (const char  *real_path);

G_END_DECLS
