/* test-opendata.c — the commitments CSV and the Decidim JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cocrea-commitments-csv.h"
#include "cocrea-decidim-export.h"
#include "cocrea-demo.h"
#include "cocrea-error.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS; /* the demo, not opened: each test opens it as a command would */
  char *out_path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_demo_file (TEST_PROCESS (f), "renca.cocrea");
  f->out_path = test_process_file (TEST_PROCESS (f), "out");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
  g_free (f->out_path);
}

static gint64
query_int (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
edit_file (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Splits CSV @text into records (quoted line ends stay in their cell). */
static GPtrArray *
csv_records (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);
  GString *record = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (!quoted && p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (records, g_strdup (record->str));
          g_string_truncate (record, 0);
          p++;
          continue;
        }
      g_string_append_c (record, *p);
    }
  if (record->len > 0)
    g_ptr_array_add (records, g_strdup (record->str));
  g_string_free (record, TRUE);
  return records;
}

static void
test_commitments_csv (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  gint64 rows;

  /* A note a spreadsheet would run, and a commitment without milestones. */
  edit_file (f, "UPDATE commitment SET note = '=HYPERLINK(\"http://x\")' WHERE position = 1;"
                "INSERT INTO commitment (position, name) VALUES (6, 'Sin hitos');");
  rows = query_int (f, "SELECT count(*) FROM milestone") + 1;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_commitments_csv_export (document, f->out_path, &error));
  g_assert_no_error (error);

  g_file_get_contents (f->out_path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "commitment,name,"));
  records = csv_records (text);
  g_assert_cmpuint (records->len, ==, rows + 1);
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x\"\")\""));
  g_assert_nonnull (strstr (text, "Dirección de Desarrollo Comunitario"));
  g_assert_nonnull (strstr (text, "Sin hitos"));

  /* A missing folder fails and leaves nothing. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing", "c.csv", NULL);
    g_assert_false (cocrea_commitments_csv_export (document, missing, &error));
    g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  }
}

static void
test_decidim (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  gint64 n;

  n = query_int (f, "SELECT count(*) FROM proposal WHERE merged_into_id IS NULL");

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_decidim_export (document, f->out_path, &error));
  g_assert_no_error (error);

  json_parser_load_from_file (parser, f->out_path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, n);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *proposal = json_array_get_object_element (array, i);
      JsonObject *title = json_object_get_object_member (proposal, "title");
      JsonObject *body = json_object_get_object_member (proposal, "body");

      g_assert_nonnull (title);
      g_assert_nonnull (body);
      g_assert_cmpstr (json_object_get_string_member (title, "es"), !=, "");
      g_assert_true (json_object_has_member (body, "es"));
      g_assert_false (json_object_has_member (proposal, "address"));
      g_hash_table_add (titles, (gpointer) json_object_get_string_member (title, "es"));
      if (json_object_has_member (proposal, "category"))
        {
          JsonObject *category = json_object_get_object_member (proposal, "category");
          g_assert_true (json_object_has_member (json_object_get_object_member (category, "name"), "es"));
        }
    }
  g_assert_true (g_hash_table_contains (titles, "Foro Regular de Gobierno Abierto"));
  g_assert_cmpuint (g_hash_table_size (titles), ==, n);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/opendata/commitments-csv", Fixture, NULL, fixture_set_up, test_commitments_csv,
              fixture_tear_down);
  g_test_add ("/opendata/decidim", Fixture, NULL, fixture_set_up, test_decidim, fixture_tear_down);

  return g_test_run ();
}
