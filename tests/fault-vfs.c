/* fault-vfs.c — see fault-vfs.h
 *
 * A shim: each FaultFile holds the real file right after itself and
 * forwards every method to it, except that xWrite and xSync may fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "fault-vfs.h"

typedef struct {
  sqlite3_file base;
  sqlite3_file *real; /* points just past this struct */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static sqlite3_io_methods fault_methods;

static struct {
  gboolean armed;
  FaultKind kind;
  guint n;
  int code;
  guint count;
  gboolean fired;
} fault;

/* Counts one call of @kind; returns the code to fail it with, or SQLITE_OK. */
static int
fault_hit (FaultKind kind)
{
  if (!fault.armed || fault.kind != kind)
    return SQLITE_OK;

  /* A full disk stays full: every later write fails as well. */
  if (fault.fired && fault.code == SQLITE_FULL)
    return SQLITE_FULL;

  fault.count++;
  if (fault.count == fault.n)
    {
      fault.fired = TRUE;
      return fault.code;
    }
  return SQLITE_OK;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int
f_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods != NULL ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;
  return rc;
}

static int
f_read (sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amt, off);
}

static int
f_write (sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off)
{
  int rc = fault_hit (FAULT_WRITE);
  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amt, off);
}

static int
f_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
f_sync (sqlite3_file *f, int flags)
{
  int rc = fault_hit (FAULT_SYNC);
  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
f_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
f_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
f_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
f_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
f_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
f_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
f_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
f_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **p)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, p);
}

static int
f_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
f_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
f_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

/* Memory-mapped reads would bypass the shim for reads only; writes never
 * go through mmap in SQLite, so these are plain forwards. */
static int
f_fetch (sqlite3_file *f, sqlite3_int64 off, int amt, void **p)
{
  return REAL (f)->pMethods->xFetch (REAL (f), off, amt, p);
}

static int
f_unfetch (sqlite3_file *f, sqlite3_int64 off, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), off, p);
}

static int
v_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *ff = (FaultFile *) file;
  int rc;

  ff->real = (sqlite3_file *) &ff[1];
  memset (ff->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  /* Our xClose must run whenever the real file has methods to close. */
  file->pMethods = ff->real->pMethods != NULL ? &fault_methods : NULL;
  if (ff->real->pMethods != NULL && fault_methods.iVersion > ff->real->pMethods->iVersion)
    fault_methods.iVersion = ff->real->pMethods->iVersion;
  return rc;
}

static int
v_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
v_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
v_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
v_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
v_dl_error (sqlite3_vfs *vfs, int n, char *msg)
{
  real_vfs->xDlError (real_vfs, n, msg);
}

static void (*v_dl_sym (sqlite3_vfs *vfs, void *handle, const char *sym)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, sym);
}

static void
v_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
v_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
v_sleep (sqlite3_vfs *vfs, int us)
{
  return real_vfs->xSleep (real_vfs, us);
}

static int
v_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
v_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
v_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

/* Makes the shim SQLite's default VFS. Call before opening any database. */
void
fault_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL && real_vfs->iVersion >= 2);

  fault_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = f_close, .xRead = f_read, .xWrite = f_write, .xTruncate = f_truncate,
    .xSync = f_sync, .xFileSize = f_file_size, .xLock = f_lock, .xUnlock = f_unlock,
    .xCheckReservedLock = f_check_reserved_lock, .xFileControl = f_file_control,
    .xSectorSize = f_sector_size, .xDeviceCharacteristics = f_device_characteristics,
    .xShmMap = f_shm_map, .xShmLock = f_shm_lock, .xShmBarrier = f_shm_barrier,
    .xShmUnmap = f_shm_unmap, .xFetch = f_fetch, .xUnfetch = f_unfetch,
  };

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "cocrea-fault",
    .xOpen = v_open, .xDelete = v_delete, .xAccess = v_access,
    .xFullPathname = v_full_pathname, .xDlOpen = v_dl_open, .xDlError = v_dl_error,
    .xDlSym = v_dl_sym, .xDlClose = v_dl_close, .xRandomness = v_randomness,
    .xSleep = v_sleep, .xCurrentTime = v_current_time, .xGetLastError = v_get_last_error,
    .xCurrentTimeInt64 = v_current_time_int64,
  };

  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

/* Fails the @n-th (from 1) xWrite or xSync from now on with @sqlite_code. */
void
fault_vfs_arm (FaultKind kind, guint n, int sqlite_code)
{
  fault.armed = TRUE;
  fault.kind = kind;
  fault.n = n;
  fault.code = sqlite_code;
  fault.count = 0;
  fault.fired = FALSE;
}

void
fault_vfs_disarm (void)
{
  fault.armed = FALSE;
}

/* TRUE when the armed fault has struck since fault_vfs_arm(). */
gboolean
fault_vfs_fired (void)
{
  return fault.fired;
}

/* How many calls of the armed kind were counted since fault_vfs_arm(). */
guint
fault_vfs_count (void)
{
  return fault.count;
}
