/* cocrea-schema.h — the .cocrea file format and its forward migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "cocrea-file.h" /* COCREA_APPLICATION_FILE_ID */

G_BEGIN_DECLS

/* PRAGMA user_version written by this build. */
#define COCREA_SCHEMA_VERSION 7

gboolean cocrea_schema_migrate          (sqlite3  *db,
                                         int       from_version,
                                         int       to_version,
                                         GError  **error);
gboolean cocrea_schema_check_objects    (sqlite3  *db,
                                         GError  **error);

G_END_DECLS
