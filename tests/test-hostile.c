/* test-hostile.c — files that arrive by mail or come back half-written from a USB stick
 *
 * The corpus is made at run time from the demo process: random bytes,
 * empty, truncated at many offsets, another program's database, a newer
 * format, foreign or tampered schema objects (trigger, view, extra table,
 * a CHECK that calls a function), texts just under and just over the
 * 64 MB limit, invalid UTF-8 in text columns, and a hot journal left by a
 * writer that died. Each is refused with a clear message and left
 * byte-for-byte as it was, or opened, and then every reader (stats,
 * lists, tally, suggestions, CSV, JSON and PDF exports) runs without a
 * crash and writes valid UTF-8 or says why it cannot. The small seeds
 * kept in tests/hostile/ are played too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cocrea-activity.h"
#include "cocrea-chart-renderer.h"
#include "cocrea-process-charts.h"
#include "cocrea-commitments-csv.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution.h"
#include "cocrea-consultation.h"
#include "cocrea-evaluator.h"
#include "cocrea-group.h"
#include "cocrea-selection.h"
#include "cocrea-text.h"
#include "cocrea-csv-export.h"
#include "cocrea-csv-import.h"
#include "cocrea-csv-reader.h"
#include "cocrea-decidim-export.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-json-export.h"
#include "cocrea-lock.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"
#include "cocrea-proposal.h"
#include "cocrea-ranking.h"
#include "cocrea-search-index.h"
#include "cocrea-stats.h"
#include "cocrea-suggest.h"
#include "cocrea-tally.h"
#include "test-process.h"

static char *dir;
static char *demo_path;
static guint n_files, n_refused, n_opened;

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
corpus_path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

/* Runs raw SQL on a file, as another program would (no defensive mode);
 * @indexed: then rebuilds the suggestion indexes over the texts, as a
 * program that knows Cocrea's tokenizer would, so they still match. */
static void
raw_exec_full (const char *path, const char *sql, gboolean indexed)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 200 * 1024 * 1024);
  if (indexed)
    g_assert_true (cocrea_suggest_register_tokenizer (db, NULL));
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK ||
      (indexed && sqlite3_exec (db, "INSERT INTO contribution_fts (contribution_fts) VALUES ('rebuild');"
                                    "INSERT INTO proposal_fts (proposal_fts) VALUES ('rebuild');",
                                NULL, NULL, &message) != SQLITE_OK))
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
raw_exec (const char *path, const char *sql)
{
  raw_exec_full (path, sql, FALSE);
}

static void
raw_exec_indexed (const char *path, const char *sql)
{
  raw_exec_full (path, sql, TRUE);
}

static void
assert_utf8_file (const char *path, const char *what)
{
  g_autofree char *data = NULL;
  gsize len;
  const char *end = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  if (!g_utf8_validate_len (data, len, &end))
    g_error ("%s wrote invalid UTF-8 at byte %" G_GSIZE_FORMAT, what, (gsize) (end - data));
}

static void
assert_utf8 (const char *text, const char *what)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_error ("%s returned invalid UTF-8", what);
}

/* Records the readers that hand back a file's bytes as they are: not a
 * crash, but a window showing them gets Pango warnings. */
static GHashTable *raw_readers;

static void
note_utf8 (const char *text, const char *what)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_hash_table_add (raw_readers, (gpointer) what);
}

/* An export either succeeds with valid UTF-8 or fails with a message. */
static void
check_export (gboolean ok, GError *error, const char *path, const char *what)
{
  if (ok)
    {
      g_assert_no_error (error);
      assert_utf8_file (path, what);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      assert_utf8 (error->message, what);
      g_test_message ("%s refused: %s", what, error->message);
    }
  g_unlink (path);
}

/*
 * read_everything:
 * What a window and the command line do with an open process. Nothing
 * may crash; what reads text must hand back valid UTF-8 or an error.
 */
static void
read_everything (CocreaDocument *doc, gboolean with_pdf)
{
  g_autofree char *out = corpus_path ("out");
  CocreaStats stats = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) contributions = NULL;
  g_autoptr (GListModel) proposals = NULL;
  g_autoptr (GListModel) activities = NULL;
  g_autoptr (GListModel) tally = NULL;
  g_autoptr (GListModel) suggestions = NULL;
  g_autoptr (CocreaProcessInfo) info = NULL;
  gboolean ok;

  info = cocrea_document_get_process (doc, &error);
  if (info != NULL)
    {
      assert_utf8 (info->title, "process title");
      assert_utf8 (info->municipality, "municipality");
    }
  g_clear_error (&error);

  cocrea_stats_load (doc, &stats, &error);
  g_clear_error (&error);

  contributions = cocrea_contribution_list (doc, 0, 0, &error);
  if (contributions != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (contributions); i++)
      {
        g_autoptr (CocreaContribution) c = g_list_model_get_item (contributions, i);
        note_utf8 (cocrea_contribution_get_text (c), "cocrea_contribution_list: text");
        note_utf8 (cocrea_contribution_get_activity_name (c), "cocrea_contribution_list: activity name");
      }
  g_clear_error (&error);

  proposals = cocrea_proposal_list (doc, &error);
  if (proposals != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
      {
        g_autoptr (CocreaProposal) p = g_list_model_get_item (proposals, i);
        note_utf8 (cocrea_proposal_get_title (p), "cocrea_proposal_list: title");
      }
  g_clear_error (&error);

  activities = cocrea_activity_list (doc, &error);
  if (activities != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
      {
        g_autoptr (CocreaActivity) a = g_list_model_get_item (activities, i);
        note_utf8 (cocrea_activity_get_name (a), "cocrea_activity_list: name");
      }
  g_clear_error (&error);

  tally = cocrea_tally (doc, &error);
  g_clear_error (&error);
  suggestions = cocrea_suggest (doc, "más luminarias en la plaza", 5, 0, &error);
  g_clear_error (&error);

  ok = cocrea_csv_export (doc, out, &error);
  check_export (ok, error, out, "CSV export");
  g_clear_error (&error);
  ok = cocrea_json_export (doc, out, &error);
  check_export (ok, error, out, "JSON export");
  g_clear_error (&error);

  if (with_pdf)
    {
      g_auto (GStrv) warnings = NULL;
      ok = cocrea_pdf_plan_export (doc, out, NULL, NULL, &warnings, &error);
      if (!ok)
        g_test_message ("PDF plan refused: %s", error->message);
      g_clear_error (&error);
      g_unlink (out);
      g_clear_pointer (&warnings, g_strfreev);
      ok = cocrea_pdf_reasons_export (doc, out, NULL, NULL, &warnings, &error);
      if (!ok)
        g_test_message ("PDF reasons refused: %s", error->message);
      g_clear_error (&error);
      g_unlink (out);
    }
}

static gboolean
no_leftovers (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *lock = cocrea_lock_path_for (path);

  return !g_file_test (journal, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS) &&
         !g_file_test (lock, G_FILE_TEST_EXISTS);
}

/*
 * try_open:
 * Opens @path as a window would. Refused: the message is clear (non-empty,
 * one line, valid UTF-8, no SQLite jargon) and the bytes are unchanged.
 * Opened: every reader runs. Returns TRUE when it opened.
 */
static gboolean
try_open (const char *path, const char *what, gboolean with_pdf)
{
  g_autofree char *before = file_sha256 (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  int version = 0;

  n_files++;
  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  if (doc == NULL)
    {
      g_autofree char *after = file_sha256 (path);
      g_autoptr (GError) check_error = NULL;

      g_assert_nonnull (error);
      g_assert_true (error->domain == COCREA_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (strchr (error->message, '\n'));
      assert_utf8 (error->message, what);
      g_assert_null (strstr (error->message, "SQLITE"));
      g_assert_cmpstr (after, ==, before);
      g_assert_true (no_leftovers (path));
      /* `cocrea check` changes nothing either. It may find nothing wrong
       * where opening did: a text over the 64 MB Cocrea reads is still a
       * healthy SQLite file. */
      if (cocrea_document_check_file (path, &version, &check_error))
        g_test_message ("%s: `cocrea check` finds it healthy", what);
      g_free (after);
      after = file_sha256 (path);
      g_assert_cmpstr (after, ==, before);
      g_test_message ("%s: refused: %s", what, error->message);
      n_refused++;
      return FALSE;
    }

  read_everything (doc, with_pdf);
  g_test_message ("%s: opened, every reader ran", what);
  n_opened++;
  return TRUE;
}

static void
test_random (void)
{
  static const gsize sizes[] = { 1, 16, 99, 100, 512, 4096, 65536 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (6);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = corpus_path ("random.cocrea");
      g_autofree guchar *data = g_malloc (sizes[i]);

      for (gsize j = 0; j < sizes[i]; j++)
        data[j] = (guchar) g_rand_int_range (rand, 0, 256);
      g_assert_true (g_file_set_contents (path, (char *) data, sizes[i], NULL));
      g_assert_false (try_open (path, "random bytes", FALSE));
    }

  /* The right magic, garbage after it. */
  {
    g_autofree char *path = corpus_path ("magic.cocrea");
    g_autofree guchar *data = g_malloc (8192);

    for (gsize j = 0; j < 8192; j++)
      data[j] = (guchar) g_rand_int_range (rand, 0, 256);
    memcpy (data, "SQLite format 3", 16);
    g_assert_true (g_file_set_contents (path, (char *) data, 8192, NULL));
    g_assert_false (try_open (path, "SQLite magic then random bytes", FALSE));
  }
}

static void
test_empty (void)
{
  g_autofree char *path = corpus_path ("empty.cocrea");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_false (try_open (path, "empty file", FALSE));
}

/* Truncated at the header's edges, at page edges and in between. */
static void
test_truncated (void)
{
  g_autofree char *data = NULL;
  g_autofree char *path = corpus_path ("truncated.cocrea");
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize len;
  guint opened = 0;

  g_assert_true (g_file_get_contents (demo_path, &data, &len, NULL));
  for (gsize o = 1; o < 120; o += 7)
    g_array_append_val (offsets, o);
  for (gsize page = 4096; page < len; page += 4096)
    {
      gsize a = page - 1, b = page, c = page + 1, d = page + 2048;
      g_array_append_val (offsets, a);
      g_array_append_val (offsets, b);
      g_array_append_val (offsets, c);
      if (d < len)
        g_array_append_val (offsets, d);
    }
  {
    gsize last = len - 1;
    g_array_append_val (offsets, last);
  }

  for (guint i = 0; i < offsets->len; i++)
    {
      gsize at = g_array_index (offsets, gsize, i);
      g_autofree char *what = g_strdup_printf ("truncated at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT,
                                               at, len);
      g_assert_true (g_file_set_contents (path, data, at, NULL));
      opened += try_open (path, what, FALSE);
    }
  g_test_message ("%u truncations, %u opened (every reader ran)", offsets->len, opened);
}

static void
test_other_sqlite (void)
{
  g_autofree char *path = corpus_path ("other.db");

  raw_exec (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                  "INSERT INTO notes (body) VALUES ('hola');");
  g_assert_false (try_open (path, "another program's database", FALSE));

  /* Another program that borrowed our tables but not our id. */
  g_unlink (path);
  copy_file (demo_path, path);
  raw_exec (path, "PRAGMA application_id = 0;");
  g_assert_false (try_open (path, "our tables without our application id", FALSE));
}

static void
test_newer (void)
{
  g_autofree char *path = corpus_path ("newer.cocrea");
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;

  copy_file (demo_path, path);
  raw_exec (path, "PRAGMA user_version = 99;");
  g_assert_false (try_open (path, "newer format", FALSE));
  doc = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_TOO_NEW);
}

static void
test_schema (void)
{
  static const struct {
    const char *what;
    const char *sql;
  } cases[] = {
    { "a trigger", "CREATE TRIGGER t AFTER INSERT ON contribution BEGIN DELETE FROM proposal; END;" },
    { "a view", "CREATE VIEW v AS SELECT * FROM contribution;" },
    { "an extra table", "CREATE TABLE spy (x TEXT);" },
    { "an extra index", "CREATE INDEX spy_idx ON contribution (text);" },
    { "an extra table whose CHECK calls a function",
      "CREATE TABLE spy (x TEXT CHECK (load_extension ('/tmp/evil.so')));" },
    { "a table named like ours, in another case",
      "CREATE TABLE \"Contribution_Extra\" (x);" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = corpus_path ("schema.cocrea");
      g_unlink (path);
      copy_file (demo_path, path);
      raw_exec (path, cases[i].sql);
      g_assert_false (try_open (path, cases[i].what, FALSE));
    }
}

/*
 * Our own table, its CHECK rewritten behind SQLite's back to call
 * functions. The untrusted-schema connection must never run them: the
 * file is refused, or opened and every write to that table fails cleanly.
 */
static void
test_tampered_check (void)
{
  static const char *const calls[] = {
    "load_extension (''/tmp/evil.so'')",
    "cocrea_no_such_function (text)",
    "randomblob (1000000000) IS NOT NULL",
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *path = corpus_path ("tampered.cocrea");
      g_autofree char *sql = g_strdup_printf (
        "PRAGMA writable_schema = ON;"
        "UPDATE sqlite_schema SET sql = replace (sql, 'CHECK (length(trim(text)) > 0)',"
        " 'CHECK (length(trim(text)) > 0 AND %s)') WHERE name = 'contribution';"
        "PRAGMA writable_schema = OFF;", calls[i]);
      g_autofree char *what = g_strdup_printf ("contribution's CHECK calling %s", calls[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaDocument) doc = NULL;

      g_unlink (path);
      copy_file (demo_path, path);
      raw_exec (path, sql);

      if (!try_open (path, what, FALSE))
        continue;

      doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      {
        CocreaContributionFields fields = {
          .activity_id = 1, .origin = COCREA_ORIGIN_COMMUNITY, .text = "una más", .area = "",
        };
        gboolean ok = cocrea_contribution_add (doc, &fields, NULL, NULL, &error);
        /* The function is unsafe in a schema: refused, never run. */
        if (ok)
          g_error ("%s: a write ran the tampered CHECK", what);
        g_assert_nonnull (error);
        g_test_message ("%s: a write fails: %s", what, error->message);
      }
    }
}

/*
 * Tables and indexes whose definitions another program changed: each file
 * is refused for reading, for writing and by `cocrea check`, as changed
 * rather than damaged, and its bytes stay as they were.
 */
static void
test_schema_changed (void)
{
  static const struct { const char *what; const char *sql; } changes[] = {
    { "the contribution text's NOT NULL taken away",
      "UPDATE sqlite_schema SET sql = replace (sql, 'text TEXT NOT NULL', 'text TEXT')"
      " WHERE name = 'contribution'" },
    { "the contribution's CHECK calling a function",
      "UPDATE sqlite_schema SET sql = replace (sql, 'CHECK (length(trim(text)) > 0)',"
      " 'CHECK (length(trim(text)) > 0 AND cocrea_no_such_function (text))')"
      " WHERE name = 'contribution'" },
    { "an index over another column",
      "UPDATE sqlite_schema SET sql = replace (sql, '(activity_id)', '(created_at)')"
      " WHERE name = 'contribution_activity'" },
    { "the full-text index with another tokenizer",
      "UPDATE sqlite_schema SET sql = replace (sql, 'tokenize=''cocrea''', 'tokenize=''porter''')"
      " WHERE name = 'contribution_fts'" },
    { "the tally index dropped",
      "DELETE FROM sqlite_schema WHERE name = 'contribution_tally'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *path = corpus_path ("changed.cocrea");
      g_autofree char *sql = g_strdup_printf ("PRAGMA writable_schema = ON; %s;"
                                              " PRAGMA writable_schema = OFF;",
                                              changes[i].sql);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaDocument) doc = NULL;
      int version = 0;

      g_unlink (path);
      copy_file (demo_path, path);
      raw_exec (path, sql);
      before = file_sha256 (path);
      {
        g_autofree char *demo_sha = file_sha256 (demo_path);
        g_assert_cmpstr (before, !=, demo_sha); /* the change took */
      }

      g_assert_false (try_open (path, changes[i].what, FALSE));

      doc = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
      g_assert_null (doc);
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE);
      g_clear_error (&error);

      g_assert_false (cocrea_document_check_file (path, &version, &error));
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE);
      g_test_message ("%s: `cocrea check`: %s", changes[i].what, error->message);

      after = file_sha256 (path);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A text of @mb megabytes in the first contribution. */
static void
huge_text (guint mb, gboolean expect_readable)
{
  g_autofree char *path = corpus_path ("huge.cocrea");
  g_autofree char *sql = g_strdup_printf ("UPDATE contribution SET text = 'x' || zeroblob (0) ||"
                                          " replace (hex (zeroblob (%u)), '00', 'ab')"
                                          " WHERE id = (SELECT min (id) FROM contribution);",
                                          mb * 1024 * 1024 / 2);
  g_autofree char *what = g_strdup_printf ("a %u MB text", mb);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GListModel) list = NULL;

  g_unlink (path);
  copy_file (demo_path, path);
  raw_exec_indexed (path, sql);

  if (!try_open (path, what, FALSE))
    {
      g_assert_false (expect_readable);
      g_unlink (path);
      return;
    }

  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  list = cocrea_contribution_list (doc, 0, 0, &error);
  if (expect_readable)
    {
      g_assert_no_error (error);
      g_assert_nonnull (list);
    }
  else
    {
      /* Over the limit: SQLite refuses to hand the text over, and says so. */
      g_assert_null (list);
      g_assert_nonnull (error);
      g_test_message ("%s: listing refused: %s", what, error->message);
    }
  g_clear_object (&doc);
  g_unlink (path);
}

static void
test_huge_below (void)
{
  huge_text (50, TRUE);
}

static void
test_huge_above (void)
{
  huge_text (65, FALSE);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *path = corpus_path ("utf8.cocrea");
  g_autoptr (GError) error = NULL;

  copy_file (demo_path, path);
  /* Latin-1 "Peñalolén", a lone continuation byte, a cut 3-byte sequence,
   * an overlong '/', a UTF-16 surrogate, and a NUL inside the text. */
  raw_exec_indexed (path,
            "UPDATE process SET title = CAST (x'506c616e2064652050656ef1616c6f6cc3e96e' AS TEXT),"
            " municipality = CAST (x'52656e6361ff' AS TEXT);"
            "UPDATE contribution SET text = CAST (x'41bf42' AS TEXT) WHERE id = 1;"
            "UPDATE contribution SET text = CAST (x'4d6573612033e282' AS TEXT) WHERE id = 2;"
            "UPDATE contribution SET text = CAST (x'c0af6574632f706173737764' AS TEXT) WHERE id = 3;"
            "UPDATE contribution SET text = CAST (x'eda080206869' AS TEXT) WHERE id = 4;"
            "UPDATE contribution SET text = CAST (x'4e554c00696e73696465' AS TEXT) WHERE id = 5;"
            "UPDATE contribution SET area = CAST (x'e9' AS TEXT) WHERE id = 6;"
            "UPDATE proposal SET title = CAST (x'fe4d656a6f7261' AS TEXT) WHERE id = 1;"
            "UPDATE activity SET name = CAST (x'54616c6c6572a0' AS TEXT) WHERE id = 1;");

  g_assert_true (try_open (path, "invalid UTF-8 in text columns", TRUE));

  /* The suggestion index over those texts: the tokenizer meets them too. */
  {
    g_autoptr (CocreaDocument) doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
    g_autoptr (GListModel) found = NULL;

    g_assert_no_error (error);
    cocrea_suggest_rebuild_index (doc, &error);
    g_assert_no_error (error);
    found = cocrea_suggest (doc, "Mesa 3", 5, 0, &error);
    g_assert_no_error (error);
    read_everything (doc, FALSE);
  }
}

/* A writer spilled part of an edit into the file and died: the journal
 * beside it is hot. Read-only, the file is refused, unchanged, with a
 * message that does not call it damaged; opened for writing, the edit is
 * rolled back and the file is whole. */
static void
test_hot_journal (void)
{
  g_autofree char *path = corpus_path ("hot.cocrea");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  gint64 n = -1;
  int status = 0;
  pid_t pid;

  copy_file (demo_path, path);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN IMMEDIATE;"
                            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                            " WHERE i < 3000) INSERT INTO audit_log (at, action, detail)"
                            " SELECT '2024', 'crash', printf ('%0200d', i) FROM n;"
                            "UPDATE process SET title = 'a medias';",
                            NULL, NULL, NULL) != SQLITE_OK)
        _exit (2);
      _exit (0); /* dies in the middle of the edit */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  before = file_sha256 (path);
  doc = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_null (doc);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "not closed properly"));
  g_test_message ("hot journal, read-only: %s", error->message);
  g_clear_error (&error);
  g_assert_false (cocrea_document_check_file (path, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);
  after = file_sha256 (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  cocrea_db_query_int (cocrea_document_get_db (doc),
                       "SELECT count(*) FROM audit_log WHERE action = 'crash'", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  {
    g_autoptr (CocreaProcessInfo) info = cocrea_document_get_process (doc, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (info->title, !=, "a medias");
  }
  read_everything (doc, FALSE);
  g_clear_object (&doc);
  cocrea_document_check_file (path, NULL, &error);
  g_assert_no_error (error);
}

/* Swaps the root pages of two indexes behind SQLite's back. */
static void
swap_index_roots (const char *path, const char *a, const char *b)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int root_a = 0, root_b = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, rootpage FROM sqlite_schema"
                                           " WHERE name IN (?1, ?2)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    *(g_str_equal ((const char *) sqlite3_column_text (stmt, 0), a) ? &root_a : &root_b) =
      sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_true (root_a > 0 && root_b > 0);

  sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_schema SET rootpage = %d WHERE name = '%s';"
                         "UPDATE sqlite_schema SET rootpage = %d WHERE name = '%s';"
                         "PRAGMA writable_schema = OFF;", root_b, a, root_a, b);
  raw_exec (path, sql);
}

/*
 * Issue 10, classes 7 and 8: files another program left broken in ways
 * quick_check does not see. `cocrea check` finds each (integrity with
 * CHECK constraints, foreign keys, the suggestion indexes, the rules of
 * the process); opening for writing refuses it with the very same
 * sentence, or opens it read-only with that sentence as the reason, so no
 * write spreads the damage; the bytes stay as they were and nothing is
 * left beside the file. The ranking refuses scores outside their scale.
 */
static void
test_check_agrees (void)
{
  static const struct {
    const char *what;
    const char *sql;  /* run as another program would */
    const char *fragment;
  } cases[] = {
    { "a CHECK constraint violated",
      "PRAGMA ignore_check_constraints = ON; UPDATE proposal SET axes = 99 WHERE id = 1;",
      "a record in “proposal” breaks a rule" },
    { "a foreign key broken",
      "PRAGMA foreign_keys = OFF;"
      " UPDATE score SET proposal_id = 9999 WHERE rowid = (SELECT min (rowid) FROM score);",
      "a record in “score” refers to one that does not exist" },
    { "the suggestion index with random blocks",
      "UPDATE contribution_fts_data SET block = randomblob (length (block)) WHERE id > 10;",
      "index of suggestions" },
    { "a contribution deleted without its index entry",
      "DELETE FROM contribution WHERE id = 3;", "index of suggestions" },
    { "the suggestion index's version changed",
      "UPDATE proposal_fts_config SET v = 5 WHERE k = 'version';", "index of suggestions" },
    { "scores far outside their scale",
      "UPDATE score SET value = 999999 WHERE rowid IN (SELECT rowid FROM score LIMIT 4);",
      "a score of 999999 on “technical” is outside its scale, 1 to 5" },
    { "swapped index roots", NULL, "does not match its table" },
    { "proposals merged into each other in a circle",
      "UPDATE proposal SET merged_into_id = 2 WHERE id = 1;"
      " UPDATE proposal SET merged_into_id = 1 WHERE id = 2;",
      "merged into each other in a circle" },
    { "a milestone date that is no date",
      "UPDATE milestone SET starts_on = '2019-13-45' WHERE id = (SELECT min (id) FROM milestone);",
      "“2019-13-45” in “milestone” is not a date" },
    { "quotas that do not add up", "UPDATE process SET quota_municipal = 9;",
      "quotas add up to more than its commitments" },
    { "more women than attendees",
      "UPDATE activity SET women = attendance + 1 WHERE id = (SELECT min (id) FROM activity);",
      "counts more people of a group than attended it" },
    { "a contribution in a group of another activity",
      "UPDATE contribution SET activity_id = (SELECT max (id) FROM activity)"
      " WHERE id = (SELECT min (id) FROM contribution WHERE group_id IS NOT NULL"
      " AND activity_id <> (SELECT max (id) FROM activity));",
      "belongs to a group of another activity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = corpus_path ("broken.cocrea");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *said = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaDocument) doc = NULL;

      g_unlink (path);
      copy_file (demo_path, path);
      if (cases[i].sql != NULL)
        raw_exec (path, cases[i].sql);
      else
        swap_index_roots (path, "contribution_activity", "contribution_group");
      before = file_sha256 (path);

      /* `cocrea check` finds it. */
      g_assert_false (cocrea_document_check_file (path, NULL, &error));
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("%s: check said “%s”", cases[i].what, error->message);
      g_test_message ("%s: %s", cases[i].what, error->message);
      said = g_strdup (error->message);
      g_clear_error (&error);

      /* A command that writes refuses it, with the same sentence. */
      doc = cocrea_document_open (path, COCREA_OPEN_WAIT_LOCK, &error);
      g_assert_null (doc);
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED);
      g_assert_cmpstr (error->message, ==, said);
      g_clear_error (&error);

      /* The window opens it read-only at most, saying why; edits fail. */
      doc = cocrea_document_open (path, COCREA_OPEN_FALLBACK_READ_ONLY, &error);
      if (doc == NULL)
        {
          g_assert_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED);
          g_assert_cmpstr (error->message, ==, said);
          g_clear_error (&error);
        }
      else
        {
          g_assert_true (cocrea_document_is_read_only (doc));
          g_assert_cmpstr (cocrea_document_get_read_only_reason (doc), ==, said);
          g_assert_false (cocrea_document_begin_edit (doc, &error));
          g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
          g_assert_nonnull (strstr (error->message, said));
          g_clear_error (&error);
          if (strstr (cases[i].what, "scores") != NULL)
            {
              g_autoptr (CocreaRankingData) data = cocrea_ranking_data_load (doc, &error);
              g_assert_null (data);
              g_assert_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED);
              g_assert_cmpstr (error->message, ==, said);
              g_clear_error (&error);
            }
          g_clear_object (&doc);
        }

      after = file_sha256 (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_true (no_leftovers (path));
    }
}

/* Tries one entry point of the core with @text; TRUE when it was taken. */
static gboolean
enter_text (CocreaDocument *doc, guint which, const char *text, GError **error)
{
  switch (which)
    {
    case 0:
      {
        g_autoptr (CocreaProcessInfo) info = cocrea_document_get_process (doc, error);
        g_free (info->title);
        info->title = g_strdup (text);
        return cocrea_document_update_process (doc, info, error);
      }
    case 1:
      {
        CocreaContributionFields fields = {
          .activity_id = 1, .origin = COCREA_ORIGIN_COMMUNITY, .text = text, .area = "",
        };
        return cocrea_contribution_add (doc, &fields, NULL, NULL, error);
      }
    case 2:
      return cocrea_group_add (doc, 1, text, 8, NULL, NULL, error);
    case 3:
      return cocrea_evaluator_add (doc, text, "", error) > 0;
    case 4:
      return cocrea_selection_decide (doc, 1, COCREA_DECISION_NOT_SHORTLISTED, text, TRUE, error);
    case 5:
      {
        CocreaCommentFields fields = { .channel = COCREA_CHANNEL_EMAIL, .text = text };
        return cocrea_consultation_add_comment (doc, &fields, NULL, NULL, error);
      }
    case 6:
      {
        CocreaActivityFields fields = { .kind = COCREA_ACTIVITY_WORKSHOP, .name = text };
        return cocrea_activity_add (doc, &fields, NULL, NULL, error);
      }
    default:
      g_assert_not_reached ();
    }
}

/*
 * Issue 10, class 9: a title or a text over its limit (a 100 KB title was
 * accepted, and broke the PDF) is refused where it is entered, saying its
 * length and the limit; one at the limit is taken. The CLI, the window's
 * dialogs and the CSV import all enter through these functions.
 */
static void
test_text_limits (void)
{
  static const struct { const char *what; guint max; } entries[] = {
    { "process title", COCREA_TEXT_MAX_NAME },
    { "contribution", COCREA_TEXT_MAX_LONG },
    { "group name", COCREA_TEXT_MAX_NAME },
    { "evaluator", COCREA_TEXT_MAX_NAME },
    { "decision reason", COCREA_TEXT_MAX_LONG },
    { "consultation comment", COCREA_TEXT_MAX_LONG },
    { "activity name", COCREA_TEXT_MAX_NAME },
  };
  g_autofree char *path = corpus_path ("limits.cocrea");
  g_autofree char *created = corpus_path ("largo.cocrea");
  g_autofree char *long_name = g_strnfill (COCREA_TEXT_MAX_NAME + 1, 'x');
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  copy_file (demo_path, path);
  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      /* At the limit, half of it "ñ" (two bytes): the limit counts characters. */
      g_autofree char *over = g_strnfill (entries[i].max + 1, 'n');
      g_autoptr (GString) at = g_string_new (NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *have = g_strdup_printf ("%u characters", entries[i].max + 1);

      for (guint k = 0; k < entries[i].max; k++)
        g_string_append (at, k % 2 ? "ñ" : "a");

      before = file_sha256 (path);
      g_assert_false (enter_text (doc, i, over, &error));
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
      if (strstr (error->message, "is too long") == NULL || strstr (error->message, have) == NULL)
        g_error ("%s: %s", entries[i].what, error->message);
      g_test_message ("%s: %s", entries[i].what, error->message);
      g_clear_error (&error);
      after = file_sha256 (path);
      g_assert_cmpstr (after, ==, before);

      if (!enter_text (doc, i, at->str, &error))
        g_error ("%s at its limit was refused: %s", entries[i].what, error->message);
    }

  g_assert_null (cocrea_document_create (created, "Plan", long_name, 2019, 2021, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_false (g_file_test (created, G_FILE_TEST_EXISTS));
}

/* Small hand-made seeds kept in the repository (and crashes found by the
 * fuzzers, in tests/regressions/): each is refused or opened safely. */
static void
test_seeds (void)
{
  const char *dirs[] = { "hostile", "regressions" };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *seed_dir = g_test_build_filename (G_TEST_DIST, dirs[d], NULL);
      g_autoptr (GDir) dh = g_dir_open (seed_dir, 0, NULL);
      const char *name;

      while (dh != NULL && (name = g_dir_read_name (dh)) != NULL)
        {
          g_autofree char *from = g_build_filename (seed_dir, name, NULL);
          g_autofree char *path = corpus_path ("seed.cocrea");
          g_autofree char *what = g_strdup_printf ("%s/%s", dirs[d], name);

          if (g_str_has_suffix (name, ".csv"))
            {
              /* A spreadsheet the CSV fuzzer once crashed on: read, then
               * imported; either works or fails with a message. */
              g_autofree char *data = NULL;
              g_autoptr (CocreaCsvReader) reader = NULL;
              g_autoptr (CocreaDocument) doc = NULL;
              g_autoptr (GError) error = NULL;
              gsize len;

              g_assert_true (g_file_get_contents (from, &data, &len, NULL));
              reader = cocrea_csv_reader_new_from_data (data, len, &error);
              g_assert_true (reader != NULL || error != NULL);
              g_clear_error (&error);
              g_unlink (path);
              copy_file (demo_path, path);
              doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
              g_assert_no_error (error);
              if (!cocrea_csv_import (doc, from, NULL, NULL, &error))
                g_assert_nonnull (error);
              g_test_message ("%s: replayed", what);
              continue;
            }
          if (!g_str_has_suffix (name, ".cocrea"))
            continue;
          g_unlink (path);
          copy_file (from, path);
          try_open (path, what, FALSE);
        }
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The names in @dir_path, sorted, as one string: what a test leaves. */
static char *
listing (const char *dir_path)
{
  g_autoptr (GDir) d = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

typedef enum {
  OUT_CSV,
  OUT_JSON,
  OUT_COMMITMENTS,
  OUT_DECIDIM,
  OUT_PDF_PLAN,
  OUT_PDF_REASONS,
  OUT_CHART,
  OUT_COPY,
  N_OUTS
} Out;

static gboolean
write_out (CocreaDocument *doc, Out out, const char *path, GError **error)
{
  g_auto (GStrv) warnings = NULL;

  switch (out)
    {
    case OUT_CSV: return cocrea_csv_export (doc, path, error);
    case OUT_JSON: return cocrea_json_export (doc, path, error);
    case OUT_COMMITMENTS: return cocrea_commitments_csv_export (doc, path, error);
    case OUT_DECIDIM: return cocrea_decidim_export (doc, path, error);
    case OUT_PDF_PLAN: return cocrea_pdf_plan_export (doc, path, NULL, NULL, &warnings, error);
    case OUT_PDF_REASONS: return cocrea_pdf_reasons_export (doc, path, NULL, NULL, &warnings, error);
    case OUT_CHART:
      {
        g_autoptr (CocreaChart) chart = cocrea_chart_new_attendance (doc, error);
        return chart != NULL &&
               cocrea_chart_write_png (chart, path, 400, 300, cocrea_chart_palette_get_default (FALSE),
                                       error);
      }
    case OUT_COPY: return cocrea_document_save_copy (doc, path, error);
    case N_OUTS:
    default: g_assert_not_reached ();
    }
}

/*
 * Issue 10, class 1: no writer replaces the open process, however the
 * destination reaches it (its name, a symbolic link, "..", a hard link),
 * and no export replaces any other process or takes a process's name.
 * Each refusal is COCREA_ERROR_INVALID, checked up front by
 * cocrea_document_check_output() too, and leaves every byte and every
 * name in the folder as it was.
 */
static void
test_output_destinations (void)
{
  g_autofree char *folder = corpus_path ("outputs");
  g_autofree char *path = g_build_filename (folder, "p.cocrea", NULL);
  g_autofree char *other = g_build_filename (folder, "otro.cocrea", NULL);
  g_autofree char *symlinked = g_build_filename (folder, "enlace.csv", NULL);
  g_autofree char *hard = g_build_filename (folder, "duro.csv", NULL);
  g_autofree char *sub = g_build_filename (folder, "sub", NULL);
  g_autofree char *dotdot = g_build_filename (folder, "sub", "..", "p.cocrea", NULL);
  g_autofree char *renamed = g_build_filename (folder, "otro.pdf", NULL);
  g_autofree char *named = g_build_filename (folder, "nuevo.cocrea", NULL);
  g_autofree char *journal = g_build_filename (folder, "p.cocrea-journal", NULL);
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  const struct {
    const char *what;
    const char *dest;
    gboolean copy_too; /* a copy may be named .cocrea, or replace another process */
  } cases[] = {
    { "the process itself", path, TRUE },
    { "a symbolic link to it", symlinked, TRUE },
    { "a path through ..", dotdot, TRUE },
    { "a hard link to it", hard, TRUE },
    { "another process", other, FALSE },
    { "another process under another name", renamed, FALSE },
    { "a new name ending in .cocrea", named, FALSE },
    { "a process's journal", journal, TRUE },
  };

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  copy_file (demo_path, path);
  copy_file (demo_path, other);
  copy_file (demo_path, renamed);
  g_assert_cmpint (symlink ("p.cocrea", symlinked), ==, 0);
  g_assert_cmpint (link (path, hard), ==, 0);

  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (Out out = 0; out < N_OUTS; out++)
      {
        g_autofree char *before = file_sha256 (path);
        g_autofree char *before_other = file_sha256 (other);
        g_autofree char *names = listing (folder);
        g_autofree char *after = NULL;
        g_autofree char *after_other = NULL;
        g_autofree char *names_after = NULL;
        gboolean ok;

        if (out == OUT_COPY && !cases[c].copy_too)
          continue;
        ok = write_out (doc, out, cases[c].dest, &error);
        if (ok)
          g_error ("output %d over %s was written", out, cases[c].what);
        g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
        g_test_message ("output %d over %s: %s", out, cases[c].what, error->message);
        g_clear_error (&error);
        if (out != OUT_COPY)
          {
            g_assert_false (cocrea_document_check_output (doc, cases[c].dest, &error));
            g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
            g_clear_error (&error);
          }
        after = file_sha256 (path);
        after_other = file_sha256 (other);
        names_after = listing (folder);
        g_assert_cmpstr (after, ==, before);
        g_assert_cmpstr (after_other, ==, before_other);
        g_assert_cmpstr (names_after, ==, names);
      }

  /* A good destination still works, and leaves only itself. */
  {
    g_autofree char *good = g_build_filename (folder, "aportes.csv", NULL);
    g_autofree char *names = listing (folder);
    g_autofree char *names_after = NULL;

    g_assert_true (cocrea_document_check_output (doc, good, &error));
    g_assert_true (cocrea_csv_export (doc, good, &error));
    g_assert_no_error (error);
    names_after = listing (folder);
    g_assert_cmpstr (names_after, !=, names);
    g_unlink (good);
    g_free (names_after);
    names_after = listing (folder);
    g_assert_cmpstr (names_after, ==, names);
  }
}

static void
test_summary (void)
{
  GHashTableIter iter;
  gpointer key;

  g_test_message ("hostile corpus: %u files tried, %u refused unchanged, %u opened safely",
                  n_files, n_refused, n_opened);
  g_hash_table_iter_init (&iter, raw_readers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_test_message ("hands back invalid UTF-8 as found in the file: %s", (char *) key);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  raw_readers = g_hash_table_new (g_str_hash, g_str_equal);

  dir = g_dir_make_tmp ("cocrea-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = corpus_path ("demo.cocrea");
  cocrea_demo_write (demo_path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/hostile/random", test_random);
  g_test_add_func ("/hostile/empty", test_empty);
  g_test_add_func ("/hostile/truncated", test_truncated);
  g_test_add_func ("/hostile/other-sqlite", test_other_sqlite);
  g_test_add_func ("/hostile/newer", test_newer);
  g_test_add_func ("/hostile/schema", test_schema);
  g_test_add_func ("/hostile/tampered-check", test_tampered_check);
  g_test_add_func ("/hostile/schema-changed", test_schema_changed);
  g_test_add_func ("/hostile/huge-text-below-limit", test_huge_below);
  g_test_add_func ("/hostile/huge-text-above-limit", test_huge_above);
  g_test_add_func ("/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile/hot-journal", test_hot_journal);
  g_test_add_func ("/hostile/seeds", test_seeds);
  g_test_add_func ("/hostile/output-destinations", test_output_destinations);
  g_test_add_func ("/hostile/check-agrees", test_check_agrees);
  g_test_add_func ("/hostile/text-limits", test_text_limits);
  g_test_add_func ("/hostile/summary", test_summary);
  status = g_test_run ();

  test_remove_tree (dir);
  g_free (dir);
  g_free (demo_path);
  g_hash_table_unref (raw_readers);
  return status;
}
