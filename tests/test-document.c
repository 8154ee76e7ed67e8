/* test-document.c — the .cocrea file: creation, migration, refusal, locking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <string.h>

#include "cocrea-contribution.h"
#include "cocrea-document.h"
#include "cocrea-error.h"
#include "cocrea-lock.h"
#include "cocrea-schema.h"
#include "cocrea-stage.h"
#include "cocrea-stats.h"
#include "cocrea-text.h"
#include "cocrea-types.h"
#include "test-process.h"

typedef TestProcess Fixture; /* a folder and a path: each test makes its own file */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  test_process_folder (f, "plan.cocrea");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

static CocreaDocument *
create_plan (const char *path)
{
  g_autoptr (GError) error = NULL;
  CocreaDocument *doc = cocrea_document_create (path, "Plan de Acción de Gobierno Abierto",
                                                "Renca", 2019, 2021, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Runs raw SQL on a file, as another program would. */
static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Creates a plan and closes it, so raw SQL can change the file. */
static void
create_and_close (const char *path)
{
  CocreaDocument *doc = create_plan (path);
  g_object_unref (doc);
}

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) doc = create_plan (f->path);
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (GError) error = NULL;
  CocreaStats stats = { 0 };
  int version = 0;

  info = cocrea_document_get_process (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->title, ==, "Plan de Acción de Gobierno Abierto");
  g_assert_cmpstr (info->municipality, ==, "Renca");
  g_assert_cmpint (info->period_start, ==, 2019);
  g_assert_cmpint (info->period_end, ==, 2021);
  g_assert_cmpint (info->quota_total, ==, 5);
  g_assert_cmpint (info->quota_municipal, ==, 2);
  g_assert_cmpint (info->quota_community, ==, 3);
  g_assert_cmpint (strlen (info->uuid), ==, 36);
  g_assert_false (cocrea_document_is_read_only (doc));

  stages = cocrea_stage_list (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 7);

  g_assert_true (cocrea_stats_load (doc, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.contributions, ==, 0);

  g_object_unref (g_steal_pointer (&doc));

  /* The file settings the design asks for. */
  g_assert_cmpint (raw_int (f->path, "PRAGMA application_id"), ==, COCREA_APPLICATION_FILE_ID);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, COCREA_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM criterion"), ==, 5);
  {
    /* journal_mode=DELETE: nothing beside the file once it is closed. */
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  g_assert_true (cocrea_document_check_file (f->path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, COCREA_SCHEMA_VERSION);
}

static void
test_create_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CocreaDocument *doc;

  doc = cocrea_document_create (f->path, "   ", "Renca", 0, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  doc = cocrea_document_create (f->path, "Plan", "", 0, 0, &error);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  doc = cocrea_document_create (f->path, "Plan", "Renca", 2021, 2019, &error);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  /* An existing file is never overwritten. */
  g_assert_true (g_file_set_contents (f->path, "not a process", -1, NULL));
  before = test_file_sha256 (f->path);
  doc = cocrea_document_create (f->path, "Plan", "Renca", 2019, 2021, &error);
  g_assert_null (doc);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS);
  after = test_file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_migrate (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "process-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (CocreaProcessInfo) info = NULL;
  CocreaStats stats = { 0 };
  int version = 0;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  raw_exec (f->path, sql);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 1);

  /* check never changes the file, even an old one. */
  g_assert_true (cocrea_document_check_file (f->path, &version, &error));
  g_assert_cmpint (version, ==, 1);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 1);

  doc = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_document_get_migrated_from (doc), ==, 1);

  info = cocrea_document_get_process (doc, &error);
  g_assert_cmpstr (info->title, ==, "Plan de Acción de Gobierno Abierto");
  g_assert_true (cocrea_stats_load (doc, &stats, &error));
  g_assert_cmpint (stats.contributions, ==, 3);
  g_assert_cmpint (stats.groups, ==, 2);
  g_assert_cmpint (stats.attendance, ==, 82);
  g_assert_cmpint (stats.women, ==, 45);
  g_assert_cmpint (stats.comments, ==, 0); /* the table version 2 added */
  g_object_unref (g_steal_pointer (&doc));

  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, COCREA_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM milestone_progress"), ==, 0);
  /* Version 7's census shares start unknown, not 0. */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM process WHERE population_women IS NULL"
                                     " AND population_disability IS NULL AND population_source = ''"),
                   ==, 1);
  g_assert_true (cocrea_document_check_file (f->path, &version, &error));
  g_assert_cmpint (version, ==, COCREA_SCHEMA_VERSION);

  /* Opening an up-to-date file migrates nothing. */
  doc = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_document_get_migrated_from (doc), ==, 0);
}

/* Version 5 gave every row people create an identity: old rows one derived
 * from their id, the same wherever the file is upgraded; new rows a random
 * one that another laptop will not make up. */
static void
test_migrate_identities (Fixture *f, gconstpointer data)
{
  static const char *const tables[][2] = {
    { "activity", "a" }, { "table_group", "g" }, { "proposal", "p" }, { "contribution", "c" },
  };
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "process-v1.sql", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.cocrea", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (CocreaDocument) doc2 = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  raw_exec (f->path, sql);
  raw_exec (other, sql);

  doc = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  doc2 = cocrea_document_open (other, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *n_rows = g_strdup_printf ("SELECT count(*) FROM %s", tables[i][0]);
      g_autofree char *legacy = g_strdup_printf ("SELECT count(*) FROM %s WHERE uid = '%s-' || id",
                                                 tables[i][0], tables[i][1]);
      gint64 n = raw_int (f->path, n_rows);

      g_assert_cmpint (n, >, 0);
      g_assert_cmpint (raw_int (f->path, legacy), ==, n);
      /* Upgraded apart, the two files agree on every row's identity. */
      g_assert_cmpint (raw_int (other, legacy), ==, n);
    }
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema"
                                     " WHERE type = 'index' AND name LIKE '%\\_uid' ESCAPE '\\'"), ==, 8);

  /* New rows: 24 hex digits, different in two files opened side by side. */
  {
    CocreaContributionFields fields = { .activity_id = 1, .text = "Más plazas con sombra" };
    gint64 a = 0, b = 0;

    g_assert_true (cocrea_contribution_add (doc, &fields, &a, NULL, &error));
    g_assert_true (cocrea_contribution_add (doc2, &fields, &b, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (a, ==, b); /* the same local id… */
    g_clear_object (&doc);
    g_clear_object (&doc2);
    {
      g_autofree char *q = g_strdup_printf ("SELECT uid FROM contribution WHERE id = %" G_GINT64_FORMAT, a);
      sqlite3 *db1 = NULL, *db2 = NULL;
      sqlite3_stmt *s1 = NULL, *s2 = NULL;

      g_assert_cmpint (sqlite3_open (f->path, &db1), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_open (other, &db2), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db1, q, -1, &s1, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db2, q, -1, &s2, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (s1), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_step (s2), ==, SQLITE_ROW);
      g_assert_cmpint (strlen ((const char *) sqlite3_column_text (s1, 0)), ==, 24);
      /* …but two identities. */
      g_assert_cmpstr ((const char *) sqlite3_column_text (s1, 0), !=,
                       (const char *) sqlite3_column_text (s2, 0));
      sqlite3_finalize (s1);
      sqlite3_finalize (s2);
      sqlite3_close (db1);
      sqlite3_close (db2);
    }
  }
  g_assert_true (cocrea_document_check_file (f->path, NULL, &error));
  g_assert_no_error (error);
}

/* Opens @path expecting refusal with @code, and checks the bytes are unchanged
 * and no lock file is left behind. */
static void
assert_refused (const char *path, int code)
{
  g_autofree char *before = test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *lock = cocrea_lock_path_for (path);
  g_autoptr (GError) error = NULL;
  CocreaDocument *doc;
  int version = 0;

  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_null (doc);
  g_assert_error (error, COCREA_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s: %s", path, error->message);
  g_clear_error (&error);

  g_assert_false (cocrea_document_check_file (path, &version, &error));
  g_assert_error (error, COCREA_ERROR, code);

  after = test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

static void
test_refuse_random (Fixture *f, gconstpointer data)
{
  guint8 bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (f->path, (const char *) bytes, sizeof bytes, NULL));
  assert_refused (f->path, COCREA_ERROR_NOT_A_PROCESS);
}

static void
test_refuse_empty (Fixture *f, gconstpointer data)
{
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  assert_refused (f->path, COCREA_ERROR_NOT_A_PROCESS);
}

static void
test_refuse_other_sqlite (Fixture *f, gconstpointer data)
{
  raw_exec (f->path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('pebre');");
  assert_refused (f->path, COCREA_ERROR_NOT_A_PROCESS);
}

static void
test_refuse_newer (Fixture *f, gconstpointer data)
{
  create_and_close (f->path);
  raw_exec (f->path, "PRAGMA user_version = 99");
  assert_refused (f->path, COCREA_ERROR_TOO_NEW);
}

static void
test_refuse_trigger (Fixture *f, gconstpointer data)
{
  create_and_close (f->path);
  raw_exec (f->path,
            "CREATE TRIGGER wipe AFTER INSERT ON contribution BEGIN DELETE FROM proposal; END;");
  assert_refused (f->path, COCREA_ERROR_UNSAFE);
}

static void
test_refuse_view (Fixture *f, gconstpointer data)
{
  create_and_close (f->path);
  raw_exec (f->path, "CREATE VIEW process_view AS SELECT * FROM process;");
  assert_refused (f->path, COCREA_ERROR_UNSAFE);
}

static void
test_refuse_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.cocrea", NULL);
  gsize length = 0;
  GString *sql = g_string_new ("BEGIN;");

  create_and_close (f->path);

  /* Enough rows for the tables to span many pages. */
  g_string_append (sql, "INSERT INTO activity (id, kind, name) VALUES (1, 'workshop', 'Taller');");
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (sql,
                            "INSERT INTO contribution (activity_id, text, created_at) VALUES"
                            " (1, 'Propuesta número %u para mejorar la participación ciudadana"
                            " en el barrio y la transparencia del municipio', '2019-03-26');",
                            i);
  g_string_append (sql, "COMMIT;");
  raw_exec (f->path, sql->str);
  g_string_free (sql, TRUE);

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);

  /* Cut at several page boundaries and in the middle of pages. */
  for (gsize cut = 4096; cut < length; cut += length / 5 + 123)
    {
      g_test_message ("truncated at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cut, length);
      g_assert_true (g_file_set_contents (truncated, contents, cut, NULL));
      assert_refused (truncated, COCREA_ERROR_DAMAGED);
    }
}

static void
test_refuse_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaDocument *doc = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);

  g_assert_null (doc);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
}

static void
test_lock (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) first = create_plan (f->path);
  g_autoptr (CocreaDocument) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *lock = cocrea_lock_path_for (f->path);
  g_autofree char *holder = NULL;
  g_autofree char *pid = g_strdup_printf ("\n%ld\n", (long) getpid ());
  CocreaProcessInfo edit = { 0 };

  /* The lock names this host and process. */
  g_assert_true (g_file_get_contents (lock, &holder, NULL, NULL));
  g_assert_true (g_str_has_prefix (holder, g_get_host_name ()));
  g_assert_nonnull (strstr (holder, pid));

  /* A second writer is refused, naming the holder... */
  second = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  /* ...or falls back to read-only and says why. */
  second = cocrea_document_open (f->path, COCREA_OPEN_FALLBACK_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_document_is_read_only (second));
  g_assert_nonnull (cocrea_document_get_read_only_reason (second));

  edit.title = (char *) "Otro título";
  edit.municipality = (char *) "Renca";
  edit.quota_total = 5;
  g_assert_false (cocrea_document_update_process (second, &edit, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Closing the writer removes the lock; the file can be written again. */
  g_clear_object (&first);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_object (&second);
  second = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (cocrea_document_is_read_only (second));
  g_assert_false (cocrea_document_get_lock_was_stale (second));
}

static void
test_lock_stale (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *lock = cocrea_lock_path_for (f->path);

  create_and_close (f->path);

  /* What a crashed program leaves: a lock file nobody holds. */
  g_assert_true (g_file_set_contents (lock, "portatil-sala-comunal\n4242\n2019-03-26T18:00:00\n",
                                      -1, NULL));
  doc = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (cocrea_document_is_read_only (doc));
  g_assert_true (cocrea_document_get_lock_was_stale (doc));
}

static void
on_changed (CocreaDocument *doc, guint *count)
{
  (*count)++;
}

static void
test_update_process (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) doc = create_plan (f->path);
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaProcessInfo) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  guint changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), &changed);
  info = cocrea_document_get_process (doc, &error);

  title = info->title;
  info->title = g_strdup ("  Segundo Plan de Acción  ");
  info->quota_total = 6;
  info->quota_community = 4;
  g_assert_true (cocrea_document_update_process (doc, info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* Quotas that do not add up are refused and change nothing. */
  info->quota_municipal = 5;
  g_assert_false (cocrea_document_update_process (doc, info, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 1);

  again = cocrea_document_get_process (doc, &error);
  g_assert_cmpstr (again->title, ==, "Segundo Plan de Acción");
  g_assert_cmpint (again->quota_total, ==, 6);
  g_assert_cmpint (again->quota_municipal, ==, 2);
  g_assert_cmpint (again->quota_community, ==, 4);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit_log WHERE action = 'update-process'"),
                   ==, 1);
}

static void
test_save_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) doc = create_plan (f->path);
  g_autofree char *copy = g_build_filename (f->dir, "copia.cocrea", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "copia.cocrea", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) opened = NULL;
  g_autoptr (CocreaProcessInfo) info = NULL;
  int version = 0;

  g_assert_true (cocrea_document_save_copy (doc, copy, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_document_check_file (copy, &version, &error));
  g_assert_no_error (error);

  /* The copy is a process of its own, openable while the original is locked. */
  opened = cocrea_document_open (copy, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  info = cocrea_document_get_process (opened, &error);
  g_assert_cmpstr (info->municipality, ==, "Renca");

  g_assert_false (cocrea_document_save_copy (doc, f->path, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cocrea_document_save_copy (doc, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
test_stage_update (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) doc = create_plan (f->path);
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (CocreaStage) first = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *period = NULL;

  g_assert_true (cocrea_stage_update (doc, "planning", "2018-10", "2019-01",
                                      COCREA_STAGE_DONE, &error));
  g_assert_no_error (error);

  g_assert_false (cocrea_stage_update (doc, "planning", "2019-13", NULL,
                                       COCREA_STAGE_DONE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cocrea_stage_update (doc, "planning", "2019-05", "2019-01",
                                       COCREA_STAGE_DONE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cocrea_stage_update (doc, "no-such-stage", NULL, NULL,
                                       COCREA_STAGE_DONE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  stages = cocrea_stage_list (doc, &error);
  first = g_list_model_get_item (stages, 0);
  g_assert_cmpstr (cocrea_stage_get_starts_on (first), ==, "2018-10");
  g_assert_cmpstr (cocrea_stage_get_ends_on (first), ==, "2019-01");
  g_assert_cmpint (cocrea_stage_get_status (first), ==, COCREA_STAGE_DONE);
  g_assert_cmpstr (cocrea_stage_get_name (first), ==, "Planning and diagnosis");
  period = cocrea_stage_format_period (first);
  g_assert_cmpstr (period, ==, "October 2018 – January 2019");
}

static void
test_period (void)
{
  g_autoptr (GError) error = NULL;
  int start = 0, end = 0;

  g_assert_true (cocrea_parse_period ("2019-2021", &start, &end, &error));
  g_assert_cmpint (start, ==, 2019);
  g_assert_cmpint (end, ==, 2021);
  g_assert_true (cocrea_parse_period (" 2019 – 2021 ", &start, &end, &error));
  g_assert_cmpint (end, ==, 2021);
  g_assert_true (cocrea_parse_period ("2020", &start, &end, &error));
  g_assert_cmpint (start, ==, 2020);
  g_assert_cmpint (end, ==, 2020);
  g_assert_false (cocrea_parse_period ("2021-2019", &start, &end, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_parse_period ("dos años", &start, &end, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
}

static void
test_text (void)
{
  g_autofree char *a = cocrea_text_fold ("  Participación   CIUDADANA! ");
  g_autofree char *b = cocrea_text_fold ("Área");
  g_autofree char *c = cocrea_text_fold ("Niñez, y juventud");
  g_autofree char *n = cocrea_text_normalize ("  e\xcc\x81xito\r\nfinal  ");

  g_assert_cmpstr (a, ==, "participacion ciudadana");
  g_assert_cmpstr (b, ==, "area");
  g_assert_cmpstr (c, ==, "ninez y juventud");
  g_assert_cmpstr (n, ==, "éxito\nfinal");
  g_assert_true (cocrea_text_has_astral ("Más plazas 🌳"));
  g_assert_false (cocrea_text_has_astral ("Más plazas"));
}

/* cocrea_text_is_normalized() says TRUE only where cocrea_text_normalize()
 * gives the text back as it is: the import stores such cells without
 * normalising them. */
static void
test_text_is_normalized (void)
{
  static const char *const texts[] = {
    "", " ", "a", "Más plazas", "Niñez y juventud", "línea\nsegunda", "línea\r\nsegunda",
    " delante", "detrás ", "\tTab", "fin\n", "e\xcc\x81xito", "\xe2\x80\x8b" "cero",
    "\xc3", "ok\xc3(", "日本語", "🌳 árbol", "'=1+1", "x\v", "\f",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *normal = cocrea_text_normalize (texts[i]);

      /* FALSE only means "normalise it to know" ("日本語" is normal). */
      if (cocrea_text_is_normalized (texts[i]))
        g_assert_cmpstr (normal, ==, texts[i]);
    }
  g_assert_true (cocrea_text_is_normalized ("Más plazas para la niñez"));
  g_assert_true (cocrea_text_is_normalized (""));
  g_assert_false (cocrea_text_is_normalized (" delante"));
  g_assert_false (cocrea_text_is_normalized ("a\r\nb"));
  g_assert_false (cocrea_text_is_normalized ("ok\xc3("));
  g_assert_false (cocrea_text_is_normalized (NULL));
}

static void
test_axes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *keys = NULL;
  guint axes = 0;

  g_assert_true (cocrea_axes_from_text ("Transparencia; Rendición de Cuentas • Participación",
                                        &axes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (axes, ==, COCREA_AXIS_TRANSPARENCY | COCREA_AXIS_ACCOUNTABILITY |
                                COCREA_AXIS_PARTICIPATION);
  keys = cocrea_axes_to_keys (axes);
  g_assert_cmpstr (keys, ==, "transparency;accountability;participation");

  g_assert_true (cocrea_axes_from_text ("technology", &axes, &error));
  g_assert_cmpuint (axes, ==, COCREA_AXIS_TECHNOLOGY);
  g_assert_true (cocrea_axes_from_text ("", &axes, &error));
  g_assert_cmpuint (axes, ==, 0);

  g_assert_false (cocrea_axes_from_text ("transparencia, deporte", &axes, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "deporte"));
  g_assert_cmpuint (axes, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/document/create", test_create);
  ADD ("/document/create/invalid", test_create_invalid);
  ADD ("/document/migrate/v1", test_migrate);
  ADD ("/document/migrate/identities", test_migrate_identities);
  ADD ("/document/refuse/random-bytes", test_refuse_random);
  ADD ("/document/refuse/empty", test_refuse_empty);
  ADD ("/document/refuse/other-sqlite", test_refuse_other_sqlite);
  ADD ("/document/refuse/newer-version", test_refuse_newer);
  ADD ("/document/refuse/trigger", test_refuse_trigger);
  ADD ("/document/refuse/view", test_refuse_view);
  ADD ("/document/refuse/truncated", test_refuse_truncated);
  ADD ("/document/refuse/missing", test_refuse_missing);
  ADD ("/document/lock/second-instance", test_lock);
  ADD ("/document/lock/stale", test_lock_stale);
  ADD ("/document/update-process", test_update_process);
  ADD ("/document/save-copy", test_save_copy);
  ADD ("/document/stage/update", test_stage_update);
  g_test_add_func ("/document/period", test_period);
  g_test_add_func ("/document/text/fold", test_text);
  g_test_add_func ("/document/text/is-normalized", test_text_is_normalized);
  g_test_add_func ("/document/axes", test_axes);

  return g_test_run ();
}
