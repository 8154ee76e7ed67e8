/* cocrea-lock.h — who has a process file open for writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CocreaLock CocreaLock;

CocreaLock *cocrea_lock_acquire     (const char  *file_path,
                                     guint        wait_ms,
                                     GError     **error);
gboolean    cocrea_lock_was_stale   (CocreaLock  *lock);
const char *cocrea_lock_get_path    (CocreaLock  *lock);
void        cocrea_lock_release     (CocreaLock  *lock);
char       *cocrea_lock_path_for    (const char  *file_path);
gboolean    cocrea_lock_is_held     (const char  *file_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaLock, cocrea_lock_release)

G_END_DECLS
