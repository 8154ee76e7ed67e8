/* test-pack.c — the repository pack: whole or nothing, cancellable
 *
 * The pack's contents are checked from outside, with unzip and
 * sha256sum, in test-cli-web.sh; here what a shell cannot see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cocrea-demo.h"
#include "cocrea-error.h"
#include "cocrea-pack.h"

typedef struct {
  char *dir;
  char *path;
  CocreaDocument *document;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cocrea-pack-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "renca.cocrea", NULL);
  cocrea_demo_write (f->path, &error);
  g_assert_no_error (error);
  f->document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->document);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

typedef struct {
  double last;
  double stop_at;
  guint calls;
} Watch;

static gboolean
watch_progress (double fraction, const char *phase, gpointer user_data)
{
  Watch *w = user_data;

  g_assert_cmpfloat (fraction, >=, w->last);
  g_assert_nonnull (phase);
  w->last = fraction;
  w->calls++;
  return fraction < w->stop_at;
}

/* Progress grows to 1; a read-only process packs. */
static void
test_progress (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *zip = g_build_filename (f->dir, "pack.zip", NULL);
  Watch w = { 0, 2, 0 };

  g_assert_true (cocrea_pack_export (f->document, zip, NULL, watch_progress, &w, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (w.last, ==, 1.0);
  g_assert_cmpuint (w.calls, >, 9);
  g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Stopped halfway, by the progress function or a cancellable: it fails
 * as cancelled, and the earlier pack at the path is left as it was, with
 * nothing beside it. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *zip = g_build_filename (f->dir, "pack.zip", NULL);
  g_autofree char *after = NULL;
  Watch w = { 0, 0.5, 0 };
  guint files;

  g_assert_true (g_file_set_contents (zip, "the pack published last week", -1, &error));
  files = count_files (f->dir);

  g_assert_false (cocrea_pack_export (f->document, zip, NULL, watch_progress, &w, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (zip, &after, NULL, &error));
  g_assert_cmpstr (after, ==, "the pack published last week");
  g_assert_cmpuint (count_files (f->dir), ==, files);

  g_cancellable_cancel (cancellable);
  g_assert_false (cocrea_pack_export (f->document, zip, cancellable, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f->dir), ==, files);
}

/* A destination in a folder that does not exist: refused before any work. */
static void
test_missing_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *zip = g_build_filename (f->dir, "no-such-folder", "pack.zip", NULL);

  g_assert_false (cocrea_pack_export (f->document, zip, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/pack/progress", test_progress);
  ADD ("/pack/cancel", test_cancel);
  ADD ("/pack/missing-folder", test_missing_folder);
#undef ADD

  return g_test_run ();
}
