/* cocrea-output.c
 *
 * Every file Cocrea writes (CSV, JSON, PDF, PNG, a copy of a process) goes
 * through here, for two promises:
 *
 *  - An export never destroys a process. The destination is compared with
 *    the process being exported by device and inode, so a symbolic link,
 *    "..", or a hard link to it is the same file; and an export never
 *    replaces any process file, nor writes under a name that looks like
 *    one or like its lock or journal.
 *  - A file is written whole or not at all. It is written to a temporary
 *    file in the destination's folder (same disk, so the rename is atomic),
 *    synced, and renamed over the destination; the folder is synced too.
 *    A full disk or a kill leaves the earlier file as it was. The
 *    temporary name is hidden and ends in ".cocrea-part", so nobody takes
 *    it for the output; the writer holds an flock() on it, which the
 *    kernel drops when the writer dies, and the next write to the same
 *    destination removes temporaries whose writer is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cocrea-error.h"
#include "cocrea-file.h"
#include "cocrea-output.h"

/* A temporary younger than this may be one whose writer has created it and
 * not yet locked it (a matter of microseconds): it is left alone. */
#define STALE_AFTER_SECONDS 2

/* Bytes of the destination's name kept in a temporary's name: the whole
 * name plus the decoration could pass the 255-byte limit of a file name. */
#define TEMP_NAME_BYTES 120

struct _CocreaOutput {
  char *path; /* the final file, links resolved */
  char *temp;
  char *name; /* the name the caller gave, for messages */
  int fd;
  gboolean committed;
};

/* TRUE when @base, a file name, is a process's or a companion of one. */
static gboolean
has_suffix_fold (const char *base, const char *suffix)
{
  gsize n = strlen (base), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (base + n - m, suffix) == 0;
}

static gboolean
is_companion_name (const char *base)
{
  return has_suffix_fold (base, ".cocrea-journal") || has_suffix_fold (base, ".cocrea-wal") ||
         has_suffix_fold (base, ".cocrea-shm") || has_suffix_fold (base, COCREA_OUTPUT_TEMP_SUFFIX) ||
         (base[0] == '.' && has_suffix_fold (base, ".cocrea.lock"));
}

/* TRUE when @a and @b are the same file (device and inode). */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

/* Checks the names, @dest as given and @target as resolved. */
static gboolean
check_names (const char *dest, const char *target, const char *name, CocreaOutputKind kind,
             GError **error)
{
  const char *paths[] = { dest, target };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);

      if (is_companion_name (base))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("“%s” is the name of a process file’s lock, journal or temporary "
                         "file: choose another name"),
                       name);
          return FALSE;
        }
      if (kind == COCREA_OUTPUT_EXPORT && has_suffix_fold (base, ".cocrea"))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("“%s” ends in .cocrea, as process files do: an export needs "
                         "another name"),
                       name);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * check_existing:
 * Checks the file already at @target, if any: not a folder nor a device,
 * not @source, not a process (for an export), not write-protected, and for
 * a copy not a file with unfinished changes beside it.
 */
static gboolean
check_existing (const char *target, const char *source, const char *name, CocreaOutputKind kind,
                GError **error)
{
  GStatBuf st;

  if (g_stat (target, &st) != 0)
    return TRUE; /* nothing there yet */

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is a folder: choose a file name"), name);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is a device or a pipe, not a file: choose another name"), name);
      return FALSE;
    }
  if (source != NULL && same_file (target, source))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   kind == COCREA_OUTPUT_EXPORT
                     ? _("“%s” is the process file itself: the export would replace it; "
                         "choose another name")
                     : _("“%s” is the process file itself: a copy cannot replace the file "
                         "it is made from"),
                   name);
      return FALSE;
    }
  if (kind == COCREA_OUTPUT_EXPORT && cocrea_file_is_process (target))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is a Cocrea process: an export never replaces one; choose "
                     "another name"),
                   name);
      return FALSE;
    }
  if (g_access (target, W_OK) != 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("“%s” is write-protected, so it was not replaced"), name);
      return FALSE;
    }
  if (kind == COCREA_OUTPUT_PROCESS_COPY)
    {
      g_autofree char *journal = g_strconcat (target, "-journal", NULL);
      g_autofree char *wal = g_strconcat (target, "-wal", NULL);

      /* SQLite would play that journal back into the new file. */
      if (g_file_test (journal, G_FILE_TEST_EXISTS) || g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("“%s” has unfinished changes in a journal beside it: open it in "
                         "Cocrea once, or choose another name"),
                       name);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * resolve:
 * Checks @dest as cocrea_output_check() does and returns the path to
 * write: @dest with links resolved, so that writing through a link
 * replaces the file it points to and keeps the link.
 */
static char *
resolve (const char *dest, const char *source, CocreaOutputKind kind, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (dest != NULL, NULL);

  name = g_filename_display_basename (dest);
  if (*dest == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The file needs a name"));
      return NULL;
    }

  dir = g_path_get_dirname (dest);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *reason = cocrea_file_error_reason (ENOENT, dest);
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not write “%s”: %s"), name,
                   reason);
      return NULL;
    }
  g_clear_pointer (&dir, g_free);

  target = cocrea_file_real_path (dest, error);
  if (target == NULL)
    return NULL;

  if (!check_existing (target, source, name, kind, error) ||
      !check_names (dest, target, name, kind, error))
    return NULL;

  dir = g_path_get_dirname (target);
  if (g_access (dir, W_OK) != 0)
    {
      int saved = errno;
      g_autofree char *reason = cocrea_file_error_reason (saved, target);
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not write “%s”: %s"), name,
                   reason);
      return NULL;
    }
  return g_steal_pointer (&target);
}

/**
 * cocrea_output_check:
 * @dest: where a file is about to be written
 * @source: (nullable): the process it is made from, which it must not be
 * @kind: what is written
 * @error: return location for a #CocreaError
 *
 * Says whether @dest may be written, before any work is done: it is not
 * @source (through links or hard links), not a folder or a device, not
 * write-protected, in a folder that exists and may be written; an export
 * is not, and is not named like, a process file or a process's lock or
 * journal. The save dialogs call this; every writer calls it again.
 *
 * Returns: %TRUE when it may; else %FALSE with %COCREA_ERROR_INVALID (a
 *   name to change) or %COCREA_ERROR_IO (a folder that cannot be written)
 */
gboolean
cocrea_output_check (const char *dest, const char *source, CocreaOutputKind kind, GError **error)
{
  g_autofree char *target = resolve (dest, source, kind, error);

  return target != NULL;
}

/* Removes the lock file @path when nobody holds it: a copy for a laptop
 * opens its temporary as a process, with a lock beside it
 * ("..NAME.XXXXXX.cocrea-part.lock") that a kill leaves behind. */
static void
remove_free_lock (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);

  if (fd < 0)
    return;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    g_unlink (path);
  close (fd);
}

/* Removes the temporaries of @target left by writers that died: those
 * whose lock can be taken and that nobody has touched for a while, with
 * their journal and their process lock. */
static void
remove_stale (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = g_strdup_printf (".%.*s.", TEMP_NAME_BYTES, base);
  g_autofree char *lock_prefix = g_strconcat (".", prefix, NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *entry;

  while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      /* A process lock whose temporary is gone: "..NAME.XXXXXX.cocrea-part.lock". */
      if (g_str_has_prefix (entry, lock_prefix) &&
          g_str_has_suffix (entry, COCREA_OUTPUT_TEMP_SUFFIX ".lock") &&
          strlen (entry) == strlen (lock_prefix) + 6 + strlen (COCREA_OUTPUT_TEMP_SUFFIX ".lock"))
        {
          g_autofree char *lock = g_build_filename (dir, entry, NULL);
          g_autofree char *part = g_build_filename (dir, entry + 1, NULL);

          part[strlen (part) - strlen (".lock")] = '\0';
          if (!g_file_test (part, G_FILE_TEST_EXISTS))
            remove_free_lock (lock);
          continue;
        }

      /* ".NAME.XXXXXX.cocrea-part" exactly: not another file's temporary
       * whose name starts the same (".plan.csv.pdf.…"). */
      if (!g_str_has_prefix (entry, prefix) || !g_str_has_suffix (entry, COCREA_OUTPUT_TEMP_SUFFIX) ||
          strlen (entry) != strlen (prefix) + 6 + strlen (COCREA_OUTPUT_TEMP_SUFFIX))
        continue;

      path = g_build_filename (dir, entry, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime >= STALE_AFTER_SECONDS &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_autofree char *journal = g_strconcat (path, "-journal", NULL);
          g_autofree char *lock = g_strdup_printf ("%s/.%s.lock", dir, entry);
          g_unlink (path);
          g_unlink (journal);
          remove_free_lock (lock);
        }
      close (fd);
    }
}

/* Sets @error for a failed write of @self, from @saved_errno. */
static void
set_write_error (CocreaOutput *self, int saved_errno, GError **error)
{
  g_autofree char *reason = cocrea_file_error_reason (saved_errno, self->path);

  g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not write “%s”: %s"), self->name,
               reason);
}

/**
 * cocrea_output_begin:
 * @dest: the file to write
 * @source: (nullable): the process it is made from
 * @kind: what is written
 * @error: return location for a #CocreaError
 *
 * Checks @dest (cocrea_output_check()), removes stale temporaries of
 * earlier writers that died, and creates the temporary file the output
 * is written to, with cocrea_output_write() or by name
 * (cocrea_output_get_temp_path()), until cocrea_output_commit() puts it
 * in place. Freeing an output that was not committed removes it.
 *
 * Returns: (transfer full): the output, or %NULL with @error set
 */
CocreaOutput *
cocrea_output_begin (const char *dest, const char *source, CocreaOutputKind kind, GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  CocreaOutput *self;
  GStatBuf st;

  target = resolve (dest, source, kind, error);
  if (target == NULL)
    return NULL;

  remove_stale (target);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  self = g_new0 (CocreaOutput, 1);
  self->name = g_filename_display_basename (dest);
  self->temp = g_strdup_printf ("%s/.%.*s.XXXXXX" COCREA_OUTPUT_TEMP_SUFFIX, dir, TEMP_NAME_BYTES,
                                base);
  self->path = g_steal_pointer (&target);
  self->fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      set_write_error (self, errno, error);
      g_clear_pointer (&self->temp, g_free);
      cocrea_output_free (self);
      return NULL;
    }
  flock (self->fd, LOCK_EX | LOCK_NB);

  /* A replaced file keeps who may read it; a new one gets 0666 less the
   * umask, as g_mkstemp_full() created it. */
  if (g_stat (self->path, &st) == 0)
    fchmod (self->fd, st.st_mode & 07777);
  return self;
}

/* The temporary file, for writers that open it by name (libharu, SQLite). */
const char *
cocrea_output_get_temp_path (CocreaOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp;
}

/* The file the output becomes, links resolved. */
const char *
cocrea_output_get_path (CocreaOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/* Appends @length bytes of @data. Fails with COCREA_ERROR_IO (a full disk…). */
gboolean
cocrea_output_write (CocreaOutput *self, const void *data, gsize length, GError **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0 && !self->committed, FALSE);

  while (length > 0)
    {
      ssize_t n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_write_error (self, n < 0 ? errno : ENOSPC, error);
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/*
 * cocrea_output_commit:
 * Syncs the temporary file, renames it over the destination and syncs the
 * folder, so that after a crash there is the old file or the new one,
 * whole. On failure the temporary is removed and the destination is as it
 * was. @self is to be freed either way.
 */
gboolean
cocrea_output_commit (CocreaOutput *self, GError **error)
{
  g_autofree char *dir = NULL;
  int dir_fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0 && !self->committed, FALSE);

  if (fsync (self->fd) != 0 || g_rename (self->temp, self->path) != 0)
    {
      set_write_error (self, errno, error);
      return FALSE;
    }
  self->committed = TRUE;

  dir = g_path_get_dirname (self->path);
  dir_fd = g_open (dir, O_RDONLY | O_CLOEXEC | O_DIRECTORY, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd); /* the rename itself on disk; some file systems cannot */
      close (dir_fd);
    }
  return TRUE;
}

/* Frees @self; an output not committed is removed, with any journal
 * SQLite left beside it. */
void
cocrea_output_free (CocreaOutput *self)
{
  if (self == NULL)
    return;

  if (!self->committed && self->temp != NULL)
    {
      g_autofree char *journal = g_strconcat (self->temp, "-journal", NULL);
      g_unlink (self->temp);
      g_unlink (journal);
    }
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->temp);
  g_free (self->name);
  g_free (self);
}

/**
 * cocrea_output_write_file:
 * @dest: the file to write
 * @source: (nullable): the process the data comes from
 * @kind: what is written
 * @data: the bytes
 * @length: how many
 * @error: return location for a #CocreaError
 *
 * Writes @data to @dest whole or not at all (cocrea_output_begin()).
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_output_write_file (const char *dest, const char *source, CocreaOutputKind kind,
                          const void *data, gsize length, GError **error)
{
  g_autoptr (CocreaOutput) output = cocrea_output_begin (dest, source, kind, error);

  return output != NULL && cocrea_output_write (output, data, length, error) &&
         cocrea_output_commit (output, error);
}
