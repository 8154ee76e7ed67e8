/* cocrea-lock.c
 *
 * A process file is edited by one program at a time. The lock is a small
 * file beside it, ".NAME.cocrea.lock", that says which host and process
 * hold it. The file is the record; an advisory flock() on it is the truth:
 * the kernel drops that when the holder dies, however it dies, so a lock
 * file whose flock can be taken is stale (left by a crash) and is taken
 * over. The lock lives beside the file, not inside it, so copying the
 * process to a USB stick never copies a lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cocrea-error.h"
#include "cocrea-lock.h"

struct _CocreaLock {
  char *path;
  int fd;
  gboolean was_stale;
};

/* Returns the path of the lock file that guards @file_path. */
char *
cocrea_lock_path_for (const char *file_path)
{
  g_autofree char *dir = g_path_get_dirname (file_path);
  g_autofree char *base = g_path_get_basename (file_path);
  g_autofree char *name = g_strdup_printf (".%s.lock", base);

  return g_build_filename (dir, name, NULL);
}

/*
 * cocrea_lock_is_held:
 * TRUE when a living program holds the write lock of @file_path: its lock
 * file exists and its flock cannot be taken. Changes nothing.
 */
gboolean
cocrea_lock_is_held (const char *file_path)
{
  g_autofree char *path = cocrea_lock_path_for (file_path);
  gboolean held;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  held = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return held;
}

static gboolean
is_regular (int fd)
{
  struct stat st;

  return fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

/* Reads the holder recorded in an existing lock file: "host", "pid". */
static void
read_holder (int fd, char **host, gint64 *pid)
{
  char buf[512];
  ssize_t n = pread (fd, buf, sizeof buf - 1, 0);
  g_auto (GStrv) lines = NULL;

  *host = NULL;
  *pid = 0;
  if (n <= 0)
    return;
  buf[n] = '\0';

  lines = g_strsplit (buf, "\n", 3);
  if (lines[0] != NULL && g_utf8_validate (lines[0], -1, NULL))
    *host = g_strdup (lines[0]);
  if (lines[0] != NULL && lines[1] != NULL)
    *pid = g_ascii_strtoll (lines[1], NULL, 10);
}

static gboolean
write_holder (int fd, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *text = g_strdup_printf ("%s\n%ld\n%s\n", g_get_host_name (),
                                           (long) getpid (), when);
  size_t len = strlen (text);

  if (ftruncate (fd, 0) != 0 || pwrite (fd, text, len, 0) != (ssize_t) len)
    {
      int saved = errno;
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("Could not write the lock file: %s"), g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/*
 * cocrea_lock_acquire:
 * Takes the write lock of @file_path, trying for up to @wait_ms
 * milliseconds. Returns the lock, to be released with
 * cocrea_lock_release(), or NULL with:
 *  - COCREA_ERROR_LOCKED when another program (or another window of this
 *    one) holds it; the message names the host and process;
 *  - COCREA_ERROR_READ_ONLY when the folder cannot hold a lock file, which
 *    also means SQLite could not write its journal there.
 */
/* TRUE when @fd is still the file at @path: a holder that released the lock
 * unlinked it, and a lock on an unlinked file guards nothing. */
static gboolean
fd_is_path (int fd, const char *path)
{
  GStatBuf by_path;
  struct stat by_fd;

  return g_stat (path, &by_path) == 0 && fstat (fd, &by_fd) == 0 &&
         by_path.st_ino == by_fd.st_ino && by_path.st_dev == by_fd.st_dev;
}

/*
 * cocrea_lock_acquire:
 * Takes the write lock of @file_path, trying for up to @wait_ms
 * milliseconds. Returns the lock, to be released with
 * cocrea_lock_release(), or NULL with:
 *  - COCREA_ERROR_LOCKED when another program (or another window of this
 *    one) holds it; the message names the host and process;
 *  - COCREA_ERROR_READ_ONLY when the folder cannot hold a lock file, which
 *    also means SQLite could not write its journal there.
 */
CocreaLock *
cocrea_lock_acquire (const char *file_path, guint wait_ms, GError **error)
{
  g_autofree char *path = cocrea_lock_path_for (file_path);
  g_autofree char *host = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_ms * 1000;
  gint64 pid = 0;
  CocreaLock *lock;
  int fd;

  for (;;)
    {
      /* Never through a link, nor into a pipe or a device: a lock file
       * planted as a link to another file would have that file
       * overwritten with the holder's name. */
      fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
      if (fd < 0 && errno == ELOOP)
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY,
                       _("The lock file “%s” beside this file is a link, not a lock: remove it "
                         "to edit the file"),
                       name);
          return NULL;
        }
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY,
                       _("The folder of this file cannot be written (%s)"),
                       g_strerror (saved));
          return NULL;
        }
      if (!is_regular (fd))
        {
          g_autofree char *name = g_filename_display_basename (path);
          close (fd);
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY,
                       _("The lock file “%s” beside this file is not a regular file: remove it "
                         "to edit the file"),
                       name);
          return NULL;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (fd_is_path (fd, path))
            break;
          close (fd); /* released and unlinked under us: start over */
          continue;
        }

      if (errno != EWOULDBLOCK && errno != EINTR)
        break; /* no flock on this file system: the recorded holder is all we have */

      if (g_get_monotonic_time () >= deadline)
        {
          read_holder (fd, &host, &pid);
          close (fd);
          if (host != NULL && pid > 0)
            {
              /* The number is formatted apart: a G_GINT64_FORMAT inside _()
               * would cut the message gettext sees. */
              g_autofree char *pid_text = g_strdup_printf ("%" G_GINT64_FORMAT, pid);
              g_set_error (error, COCREA_ERROR, COCREA_ERROR_LOCKED,
                           _("The file is open in another Cocrea window (on %s, process %s)"),
                           host, pid_text);
            }
          else
            g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_LOCKED,
                                 _("The file is open in another Cocrea window"));
          return NULL;
        }

      close (fd);
      g_usleep (50 * 1000);
    }

  read_holder (fd, &host, &pid);

  lock = g_new0 (CocreaLock, 1);
  lock->path = g_steal_pointer (&path);
  lock->fd = fd;
  /* A recorded holder whose flock we could take has died without cleaning up. */
  lock->was_stale = host != NULL && pid > 0;

  if (!write_holder (fd, error))
    {
      cocrea_lock_release (lock);
      return NULL;
    }

  return lock;
}

/* Returns TRUE when the lock was left behind by a program that crashed. */
gboolean
cocrea_lock_was_stale (CocreaLock *lock)
{
  g_return_val_if_fail (lock != NULL, FALSE);
  return lock->was_stale;
}

const char *
cocrea_lock_get_path (CocreaLock *lock)
{
  g_return_val_if_fail (lock != NULL, NULL);
  return lock->path;
}

/* Removes the lock file and frees @lock. NULL is ignored. */
void
cocrea_lock_release (CocreaLock *lock)
{
  if (lock == NULL)
    return;

  /* Unlink before closing, so nobody reads a holder that is already gone. */
  g_unlink (lock->path);
  close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}
