/* cocrea-schema.h — the .cocrea file format and its forward migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "CoCr": PRAGMA application_id of every process file. */
#define COCREA_APPLICATION_FILE_ID 0x436F4372

/* PRAGMA user_version written by this build. */
#define COCREA_SCHEMA_VERSION 6

gboolean cocrea_schema_migrate          (sqlite3  *db,
                                         int       from_version,
                                         int       to_version,
                                         GError  **error);
gboolean cocrea_schema_check_objects    (sqlite3  *db,
                                         GError  **error);

G_END_DECLS
