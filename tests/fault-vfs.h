/* fault-vfs.h — a test-only SQLite VFS that fails the Nth write or fsync
 *
 * Installed as the default VFS of the test process, over the platform's
 * own ("unix"): every file SQLite opens afterwards (the process file, its
 * journal, a copy being saved) goes through it. Armed, it counts the
 * xWrite or xSync calls and fails the Nth with the given code:
 * SQLITE_FULL is a full disk (ENOSPC) and stays full until disarmed;
 * SQLITE_IOERR_WRITE and SQLITE_IOERR_FSYNC fail once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FAULT_WRITE,
  FAULT_SYNC,
} FaultKind;

void     fault_vfs_install (void);
void     fault_vfs_arm     (FaultKind kind,
                            guint     n,
                            int       sqlite_code);
void     fault_vfs_disarm  (void);
gboolean fault_vfs_fired   (void);
guint    fault_vfs_count   (void);

G_END_DECLS
