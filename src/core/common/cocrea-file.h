/* cocrea-file.h — files as people hand them over: links, pipes, read-only folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "CoCr": PRAGMA application_id of every process file. */
#define COCREA_APPLICATION_FILE_ID 0x436F4372

char     *cocrea_file_real_path     (const char  *path,
                                     GError     **error);
int       cocrea_file_open_regular  (const char  *path,
                                     GError     **error);
gboolean  cocrea_file_read_regular  (const char  *path,
                                     gsize        max_size,
                                     char       **contents,
                                     gsize       *length,
                                     GError     **error);
char     *cocrea_file_error_reason  (int          saved_errno,
                                     const char  *path);
gssize    cocrea_file_read_head     (const char  *path,
                                     guint8      *buffer,
                                     gsize        size,
                                     GError     **error);
gboolean  cocrea_file_is_process    (const char  *path);

G_END_DECLS
