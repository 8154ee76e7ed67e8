/* test-faults.c — a disk that fails: every failure reaches the caller, nothing earlier is lost
 *
 * The fault VFS (fault-vfs.c) is the default VFS of this process. For an
 * edit (add a contribution), a CSV import, a save-a-copy and the creation
 * of a file, the Nth write or fsync is failed, for N = 1, 2, … until the
 * operation no longer reaches the Nth call, with three faults: a full
 * disk (SQLITE_FULL, which stays full), one failed write
 * (SQLITE_IOERR_WRITE) and one failed fsync (SQLITE_IOERR_FSYNC). Each time:
 *  - the call returns FALSE with a GError, or TRUE only when it really
 *    wrote (never a crash, never a silent success);
 *  - after the disk is "fixed", the file reopens (its hot journal rolled
 *    back), passes the integrity checks, and holds the earlier data plus
 *    the operation whole, or without it;
 *  - the same operation, retried, is then applied exactly once.
 * The N stepped are printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-activity.h"
#include "cocrea-contribution.h"
#include "cocrea-csv-import.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-lock.h"

#include "fault-vfs.h"
#include "test-process.h"

#define IMPORT_ROWS 300
#define NEW_TEXT "nueva aportación sobre ciclovías"

static char *dir;
static char *template_path;
static char *csv_path;
static GBytes *template_bytes;

static const struct {
  FaultKind kind;
  int code;
  const char *name;
} faults[] = {
  { FAULT_WRITE, SQLITE_FULL, "full disk" },
  { FAULT_WRITE, SQLITE_IOERR_WRITE, "failed write" },
  { FAULT_SYNC, SQLITE_IOERR_FSYNC, "failed fsync" },
};

static void
write_bytes (const char *path, GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return text != NULL ? text : g_strdup ("");
}

/* What the process holds apart from what the operations under test add. */
static char *
snapshot (CocreaDocument *doc)
{
  sqlite3 *db = cocrea_document_get_db (doc);
  g_autofree char *a = query_text (db,
    "SELECT group_concat (id || ':' || text || ':' || coalesce (proposal_id, 0), '|')"
    " FROM (SELECT * FROM contribution WHERE text NOT LIKE 'FAULT %'"
    " AND text <> '" NEW_TEXT "' ORDER BY id)");
  g_autofree char *b = query_text (db,
    "SELECT group_concat (id || ':' || title, '|') FROM (SELECT * FROM proposal ORDER BY id)");
  g_autofree char *c = query_text (db,
    "SELECT group_concat (id || ':' || name, '|') FROM (SELECT * FROM activity ORDER BY id)");
  g_autofree char *d = query_text (db, "SELECT title FROM process");

  return g_strdup_printf ("%s\n%s\n%s\n%s", a, b, c, d);
}

static gint64
count (CocreaDocument *doc, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 n = -1;

  cocrea_db_query_int (cocrea_document_get_db (doc), sql, &n, &error);
  g_assert_no_error (error);
  return n;
}

static void
fts_check (CocreaDocument *doc)
{
  sqlite3 *db = cocrea_document_get_db (doc);

  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contribution_fts (contribution_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO proposal_fts (proposal_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The template: a process with an activity, a group and 20 contributions. */
static void
make_template (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GString) csv = g_string_new ("actividad;mesa;texto\n");
  CocreaActivityFields activity = { .kind = COCREA_ACTIVITY_WORKSHOP, .name = "Taller" };
  gint64 activity_id = 0;
  char *data;
  gsize len;

  doc = cocrea_document_create (template_path, "Plan", "Renca", 2019, 2021, &error);
  g_assert_no_error (error);
  cocrea_activity_add (doc, &activity, &activity_id, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("antes %d: más árboles en la plaza", i);
      CocreaContributionFields fields = {
        .activity_id = activity_id, .origin = COCREA_ORIGIN_COMMUNITY, .text = text, .area = "",
      };
      cocrea_contribution_add (doc, &fields, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&doc);

  g_file_get_contents (template_path, &data, &len, &error);
  g_assert_no_error (error);
  template_bytes = g_bytes_new_take (data, len);

  for (int i = 0; i < IMPORT_ROWS; i++)
    g_string_append_printf (csv, "Taller;Mesa %d;FAULT %d: semáforos en la avenida\n", 1 + i % 8, i);
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);
}

typedef enum { OP_ADD, OP_IMPORT } Op;

static gboolean
run_op (Op op, CocreaDocument *doc, GError **error)
{
  if (op == OP_ADD)
    {
      CocreaContributionFields fields = {
        .activity_id = 1, .origin = COCREA_ORIGIN_COMMUNITY, .text = NEW_TEXT, .area = "",
      };
      return cocrea_contribution_add (doc, &fields, NULL, NULL, error);
    }
  return cocrea_csv_import (doc, csv_path, NULL, NULL, error);
}

/* How many times the operation's data is in @doc: 0 or 1, never part. */
static int
times_applied (Op op, CocreaDocument *doc)
{
  if (op == OP_ADD)
    {
      gint64 n = count (doc, "SELECT count(*) FROM contribution WHERE text = '" NEW_TEXT "'");
      g_assert_cmpint (n, <=, 1);
      return (int) n;
    }
  else
    {
      gint64 n = count (doc, "SELECT count(*) FROM contribution WHERE text LIKE 'FAULT %'");
      if (n % IMPORT_ROWS != 0)
        g_error ("import half applied: %" G_GINT64_FORMAT " of %d rows", n, IMPORT_ROWS);
      g_assert_cmpint (n, <=, IMPORT_ROWS);
      return (int) (n / IMPORT_ROWS);
    }
}

static CocreaDocument *
reopen (const char *path)
{
  g_autoptr (GError) error = NULL;
  CocreaDocument *doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);

  if (doc == NULL)
    g_error ("reopening after the fault: %s", error->message);
  return doc;
}

static void
check_healthy (const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!cocrea_document_check_file (path, NULL, &error))
    g_error ("check after the fault: %s", error->message);
}

/*
 * step_edit:
 * Steps N for @op under fault @f. Odd N: the failed document is closed
 * and the file reopened, as after a restart. Even N: the same document
 * goes on (the user freed space and tried again). Returns the last N at
 * which the fault struck.
 */
static guint
step_edit (Op op, guint f)
{
  g_autofree char *path = g_build_filename (dir, "edit.cocrea", NULL);
  g_autofree char *pre = NULL;
  guint n;

  for (n = 1;; n++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaDocument) doc = NULL;
      g_autofree char *now = NULL;
      gboolean ok, fired;
      int applied;

      write_bytes (path, template_bytes);
      doc = reopen (path);
      if (pre == NULL)
        pre = snapshot (doc);

      fault_vfs_arm (faults[f].kind, n, faults[f].code);
      ok = run_op (op, doc, &error);
      fired = fault_vfs_fired ();
      fault_vfs_disarm ();

      if (ok)
        g_assert_no_error (error);
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_true (fired);
        }

      if (n % 2 == 1)
        {
          g_clear_object (&doc);
          doc = reopen (path);
        }

      /* Whole or absent; present only if the call said so, or if its commit
       * was on disk before the fault (reported as a failure, but kept). */
      applied = times_applied (op, doc);
      if (ok)
        g_assert_cmpint (applied, ==, 1);
      now = snapshot (doc);
      g_assert_cmpstr (now, ==, pre);
      fts_check (doc);

      if (applied == 0)
        {
          g_autoptr (GError) retry_error = NULL;
          run_op (op, doc, &retry_error);
          g_assert_no_error (retry_error);
        }
      g_clear_object (&doc);

      check_healthy (path);
      doc = reopen (path);
      g_assert_cmpint (times_applied (op, doc), ==, 1);
      g_clear_object (&doc);

      if (!fired)
        break;
    }
  return n - 1;
}

static guint
step_copy (guint f)
{
  g_autofree char *path = g_build_filename (dir, "source.cocrea", NULL);
  g_autofree char *dest = g_build_filename (dir, "copia.cocrea", NULL);
  g_autofree char *old_copy = g_build_filename (dir, "old.cocrea", NULL);
  g_autofree char *old_sha = NULL;
  g_autofree char *pre = NULL;
  guint n;

  write_bytes (path, template_bytes);
  {
    /* An older copy at the destination: only a whole new copy replaces it. */
    g_autoptr (CocreaDocument) doc = reopen (path);
    g_autoptr (GError) error = NULL;
    pre = snapshot (doc);
    cocrea_document_update_process (doc, &(CocreaProcessInfo) {
      .title = (char *) "Copia antigua", .municipality = (char *) "Renca", .quota_total = 5,
      .quota_municipal = 2, .quota_community = 3, }, &error);
    g_assert_no_error (error);
    cocrea_document_save_copy (doc, old_copy, &error);
    g_assert_no_error (error);
  }
  write_bytes (path, template_bytes);
  old_sha = file_sha256 (old_copy);

  for (n = 1;; n++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaDocument) doc = NULL;
      g_autoptr (CocreaDocument) copy = NULL;
      g_autoptr (GDir) d = NULL;
      g_autofree char *copy_snapshot = NULL;
      g_autofree char *old_bytes = NULL;
      gsize len;
      gboolean ok, fired;
      const char *name;

      g_assert_true (g_file_get_contents (old_copy, &old_bytes, &len, NULL));
      g_assert_true (g_file_set_contents (dest, old_bytes, len, NULL));

      doc = reopen (path);
      fault_vfs_arm (faults[f].kind, n, faults[f].code);
      ok = cocrea_document_save_copy (doc, dest, &error);
      fired = fault_vfs_fired ();
      fault_vfs_disarm ();

      /* No half-written file is left beside the copy. */
      d = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_assert_null (strstr (name, ".cocrea-part"));
          g_assert_false (g_str_has_suffix (name, "-journal"));
        }

      if (ok)
        {
          g_assert_no_error (error);
          check_healthy (dest);
          copy = reopen (dest);
          copy_snapshot = snapshot (copy);
          g_assert_cmpstr (copy_snapshot, ==, pre);
        }
      else
        {
          g_autofree char *sha = file_sha256 (dest);
          g_assert_nonnull (error);
          g_assert_true (fired);
          g_assert_cmpstr (sha, ==, old_sha);
        }

      /* The source goes on as if nothing happened. */
      {
        g_autofree char *after = snapshot (doc);
        g_autoptr (GError) edit_error = NULL;
        g_assert_cmpstr (after, ==, pre);
        run_op (OP_ADD, doc, &edit_error);
        g_assert_no_error (edit_error);
      }
      g_clear_object (&doc);
      check_healthy (path);
      write_bytes (path, template_bytes);

      if (!fired)
        break;
    }
  return n - 1;
}

static guint
step_create (guint f)
{
  g_autofree char *path = g_build_filename (dir, "nuevo.cocrea", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *lock = cocrea_lock_path_for (path);
  guint n;

  for (n = 1;; n++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaDocument) doc = NULL;
      gboolean fired;

      g_unlink (path);
      fault_vfs_arm (faults[f].kind, n, faults[f].code);
      doc = cocrea_document_create (path, "Plan nuevo", "Renca", 2023, 2025, &error);
      fired = fault_vfs_fired ();
      fault_vfs_disarm ();

      if (doc != NULL)
        {
          g_assert_no_error (error);
          g_clear_object (&doc);
          check_healthy (path);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (fired);
          /* Nothing is left behind: the name can be used again. */
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
          {
            g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
            const char *name;

            /* Nor the temporary file it was made in. */
            while ((name = g_dir_read_name (d)) != NULL)
              g_assert_null (strstr (name, ".cocrea-part"));
          }
          g_clear_error (&error);
          doc = cocrea_document_create (path, "Plan nuevo", "Renca", 2023, 2025, &error);
          g_assert_no_error (error);
          g_clear_object (&doc);
          check_healthy (path);
        }

      if (!fired)
        break;
    }
  g_unlink (path);
  return n - 1;
}

static void
report (const char *what, guint f, guint last)
{
  g_test_message ("%s, %s: N stepped 1..%u (every call from the first to the last one "
                  "the operation makes), then N=%u passes untouched",
                  what, faults[f].name, last, last + 1);
  g_assert_cmpuint (last, >=, 1);
}

static void
test_edit (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    report ("add a contribution", f, step_edit (OP_ADD, f));
}

static void
test_import (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    report ("import 300 rows", f, step_edit (OP_IMPORT, f));
}

static void
test_copy (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    report ("save a copy", f, step_copy (f));
}

static void
test_create (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    report ("create a process", f, step_create (f));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  fault_vfs_install ();

  dir = g_dir_make_tmp ("cocrea-faults-XXXXXX", &error);
  g_assert_no_error (error);
  template_path = g_build_filename (dir, "template.cocrea", NULL);
  csv_path = g_build_filename (dir, "aportes.csv", NULL);
  make_template ();

  g_test_add_func ("/faults/edit", test_edit);
  g_test_add_func ("/faults/import", test_import);
  g_test_add_func ("/faults/save-copy", test_copy);
  g_test_add_func ("/faults/create", test_create);
  status = g_test_run ();

  test_remove_tree (dir);
  g_free (dir);
  g_free (template_path);
  g_free (csv_path);
  g_bytes_unref (template_bytes);
  return status;
}
