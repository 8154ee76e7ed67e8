/* cocrea-file.c
 *
 * People reach their files through symbolic links (a home folder moved to
 * another disk, a USB stick linked from the desktop), pick a pipe or a
 * device by mistake, and save into folders they may not write in. These
 * helpers turn each case into one sentence in the user's language, and
 * never block on a pipe nor read without a bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cocrea-error.h"
#include "cocrea-file.h"

/*
 * cocrea_file_real_path:
 * Returns @path with every symbolic link and "." or ".." resolved, in
 * the folder itself and in each folder above it: the name SQLite and the
 * lock are given, so that a file reached through links is one file. A
 * file that does not exist yet resolves through its folder. Fails with
 * COCREA_ERROR_IO when the folder does not exist or @path is a link to
 * nothing.
 */
char *
cocrea_file_real_path (const char *path, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char resolved[PATH_MAX];
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (realpath (path, resolved) != NULL)
    return g_strdup (resolved);

  name = g_filename_display_name (path);
  if (errno != ENOENT || g_lstat (path, &st) == 0)
    {
      int saved = errno;
      if (saved == ENOENT) /* the name is there: a link whose target is not */
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                     _("“%s” is a link to a file that does not exist"), name);
      else
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not open “%s”: %s"), name,
                     g_strerror (saved));
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (realpath (dir, resolved) == NULL)
    {
      g_autofree char *dir_name = g_filename_display_name (dir);
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("The folder “%s” does not exist"),
                   dir_name);
      return NULL;
    }
  return g_build_filename (resolved, base, NULL);
}

/* What a file that is not a regular file is, for a message naming it. */
static void
set_not_regular (GError **error, const char *name, mode_t mode)
{
  if (S_ISDIR (mode))
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID, _("“%s” is a folder, not a file"), name);
  else if (S_ISFIFO (mode) || S_ISSOCK (mode))
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                 _("“%s” is a pipe, not a file: Cocrea reads only files saved on a disk"), name);
  else
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                 _("“%s” is a device, not a file: Cocrea reads only files saved on a disk"), name);
}

/*
 * on_a_disk:
 * FALSE for the kernel's own files (/proc, /sys): regular files in name
 * only, which may block when read (/proc/kmsg) or never end. They are
 * refused as the devices they are.
 */
static gboolean
on_a_disk (int fd)
{
#ifdef __linux__
  struct statfs fs;

  if (fstatfs (fd, &fs) == 0 &&
      (fs.f_type == PROC_SUPER_MAGIC || fs.f_type == SYSFS_MAGIC ||
       fs.f_type == DEBUGFS_MAGIC || fs.f_type == TRACEFS_MAGIC))
    return FALSE;
#endif
  return TRUE;
}

/*
 * cocrea_file_open_regular:
 * Opens @path for reading and returns the descriptor, or -1 with @error
 * set: COCREA_ERROR_INVALID when it is a folder, a pipe or a device (a
 * pipe is opened without blocking, so a FIFO with no writer cannot hang
 * the program), COCREA_ERROR_IO when it cannot be opened.
 */
int
cocrea_file_open_regular (const char *path, GError **error)
{
  g_autofree char *name = NULL;
  struct stat st;
  int fd, saved;

  g_return_val_if_fail (path != NULL, -1);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  saved = errno;
  name = g_filename_display_basename (path);
  if (fd < 0)
    {
      if (saved == ENOENT)
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("“%s” does not exist"), name);
      else if (saved == EACCES || saved == EPERM)
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                     _("“%s” may not be read: permission denied"), name);
      else
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not open “%s”: %s"), name,
                     g_strerror (saved));
      return -1;
    }

  if (fstat (fd, &st) != 0)
    {
      saved = errno;
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not open “%s”: %s"), name,
                   g_strerror (saved));
      close (fd);
      return -1;
    }
  if (!S_ISREG (st.st_mode) || !on_a_disk (fd))
    {
      set_not_regular (error, name, S_ISREG (st.st_mode) ? S_IFCHR : st.st_mode);
      close (fd);
      return -1;
    }

  /* Reads of a regular file do not block anyway; set it back for clarity. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/*
 * cocrea_file_read_regular:
 * Reads the regular file @path whole, at most @max_size bytes, into
 * *contents (NUL-terminated, free with g_free()) and *length. Fails as
 * cocrea_file_open_regular(), and with COCREA_ERROR_INVALID when the file
 * holds more than @max_size bytes; what it says of its size is not
 * trusted (/proc files say 0), the reading itself is bounded.
 */
gboolean
cocrea_file_read_regular (const char *path, gsize max_size, char **contents, gsize *length,
                          GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize have = 0, room;
  struct stat st = { 0 };
  int fd;

  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  fd = cocrea_file_open_regular (path, error);
  if (fd < 0)
    return FALSE;

  name = g_filename_display_basename (path);
  if (fstat (fd, &st) == 0 && (guint64) st.st_size > max_size)
    goto too_large;

  room = MIN ((gsize) st.st_size, max_size) + 1;
  data = g_malloc (room + 1);
  for (;;)
    {
      ssize_t n;

      if (have == room)
        {
          if (room > max_size)
            goto too_large;
          room = MIN (room * 2, max_size + 1);
          data = g_realloc (data, room + 1);
        }
      n = read (fd, data + have, room - have);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not read “%s”: %s"), name,
                       g_strerror (saved));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      have += (gsize) n;
    }
  close (fd);

  if (have > max_size)
    goto too_large_closed;

  data[have] = '\0';
  *contents = g_steal_pointer (&data);
  *length = have;
  return TRUE;

too_large:
  close (fd);
too_large_closed:
  {
    g_autofree char *limit = g_format_size (max_size);
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                 _("“%s” is too large: Cocrea reads files of up to %s here"), name, limit);
  }
  return FALSE;
}

/*
 * cocrea_file_error_reason:
 * Says, as a short phrase to follow "Could not write “NAME”: ", why
 * writing @path failed with @saved_errno: the disk is full, the folder is
 * read-only or missing… naming the folder where that is the point.
 */
char *
cocrea_file_error_reason (int saved_errno, const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (dir);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return g_strdup (_("the disk is full"));
    case EROFS:
      return g_strdup_printf (_("the folder “%s” is on a disk that is read-only"), folder);
    case EACCES:
    case EPERM:
      return g_strdup_printf (_("the folder “%s” is read-only: you may not save files in it"),
                              folder);
    case ENOENT:
    case ENOTDIR:
      return g_strdup_printf (_("the folder “%s” does not exist"), folder);
    case ENAMETOOLONG:
      return g_strdup (_("the name is too long"));
    case EISDIR:
      return g_strdup (_("it is a folder"));
    case EIO:
      return g_strdup (_("the disk reported an error (was it removed?)"));
    case EFBIG:
      return g_strdup (_("the file is larger than this disk can hold"));
    default:
      return g_strdup (g_strerror (saved_errno));
    }
}

/*
 * cocrea_file_read_head:
 * Reads up to @size bytes from the start of the regular file @path into
 * @buffer. Returns how many, or -1 with @error set as
 * cocrea_file_open_regular() sets it.
 */
gssize
cocrea_file_read_head (const char *path, guint8 *buffer, gsize size, GError **error)
{
  gssize n;
  int fd;

  fd = cocrea_file_open_regular (path, error);
  if (fd < 0)
    return -1;
  do
    n = read (fd, buffer, size);
  while (n < 0 && errno == EINTR);
  close (fd);
  return MAX (n, 0);
}

/*
 * cocrea_file_is_process:
 * TRUE when @path is a file whose first bytes say it is a Cocrea process
 * (an SQLite database with Cocrea's application id), whatever its name.
 */
gboolean
cocrea_file_is_process (const char *path)
{
  guint8 header[72];
  guint32 app_id;

  if (cocrea_file_read_head (path, header, sizeof header, NULL) < (gssize) sizeof header ||
      memcmp (header, "SQLite format 3", 16) != 0)
    return FALSE;
  app_id = (guint32) header[68] << 24 | header[69] << 16 | header[70] << 8 | header[71];
  return app_id == COCREA_APPLICATION_FILE_ID;
}
