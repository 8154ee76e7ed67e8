/* test-process.c
 *
 * The set-up most suites wrote for themselves: a temporary folder named
 * after the test program, the Renca demo (or an empty process) written
 * and opened in it, and at the end the folder removed with every file the
 * test left in it, whatever it was called.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-contribution.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "test-process.h"

/* A fresh temporary folder, "cocrea-PROGRAM-XXXXXX", and @file_name in it
 * as the process's path; no file yet. */
void
test_process_folder (TestProcess *self, const char *file_name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname ()
                                                                         : "test");
  g_autofree char *template = g_strdup_printf ("cocrea-%s-XXXXXX", program);

  memset (self, 0, sizeof *self);
  self->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  self->path = g_build_filename (self->dir, file_name, NULL);
}

/* The Renca demo written to @file_name in a fresh folder, not opened. */
void
test_process_demo_file (TestProcess *self, const char *file_name)
{
  g_autoptr (GError) error = NULL;

  test_process_folder (self, file_name);
  g_assert_true (cocrea_demo_write (self->path, &error));
  g_assert_no_error (error);
}

/* The Renca demo written to @file_name in a fresh folder and opened with
 * @flags: its figures are known (DESIGN.md). */
void
test_process_demo (TestProcess *self, const char *file_name, CocreaOpenFlags flags)
{
  g_autoptr (GError) error = NULL;

  test_process_demo_file (self, file_name);
  self->document = cocrea_document_open (self->path, flags, &error);
  g_assert_no_error (error);
}

/* A new process, "Plan" of Renca for 2019–2021 with nothing in it yet,
 * created as @file_name in a fresh folder and open for writing. */
void
test_process_empty (TestProcess *self, const char *file_name)
{
  g_autoptr (GError) error = NULL;

  test_process_folder (self, file_name);
  self->document = cocrea_document_create (self->path, "Plan", "Renca", 2019, 2021, &error);
  g_assert_no_error (error);
}

/* The path of @file_name in the fixture's folder. */
char *
test_process_file (TestProcess *self, const char *file_name)
{
  return g_build_filename (self->dir, file_name, NULL);
}

/* Runs @sql, a query of one integer, on the open document. */
gint64
test_process_query_int (TestProcess *self, const char *sql)
{
  g_assert_nonnull (self->document);
  return test_document_query_int (self->document, sql);
}

/* The one integer @sql selects from @document; any error fails the test. */
gint64
test_document_query_int (CocreaDocument *document, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  g_assert_true (cocrea_db_query_int (cocrea_document_get_db (document), sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* Runs @sql on the open document, as another program would: no edit,
 * no undo, no notification. */
void
test_process_exec (TestProcess *self, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (self->document);
  g_assert_true (cocrea_db_exec (cocrea_document_get_db (self->document), sql, &error));
  g_assert_no_error (error);
}

/* Adds a community contribution saying @text to activity @activity_id
 * and group @group_id (0 for none), as one edit; its id. */
gint64
test_process_add_contribution (TestProcess *self, gint64 activity_id, gint64 group_id,
                               const char *text)
{
  g_autoptr (GError) error = NULL;
  CocreaContributionFields fields = { activity_id, group_id, COCREA_ORIGIN_COMMUNITY, text, NULL,
                                      0 };
  gint64 id = 0;

  g_assert_true (cocrea_contribution_add (self->document, &fields, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The SHA-256 of the file at @path, in hex, to tell that not a byte of
 * it changed; the file must be there. */
char *
test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Removes @path, a folder with everything in it (links are not
 * followed), or a file. */
void
test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  if (g_rmdir (path) != 0)
    g_unlink (path);
}

/* Closes the document and removes the folder with all it holds. */
void
test_process_clear (TestProcess *self)
{
  g_clear_object (&self->document);
  if (self->dir != NULL)
    test_remove_tree (self->dir);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->path, g_free);
}
