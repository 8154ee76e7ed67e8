/* test-csv.c — CSV reading, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-csv-export.h"
#include "cocrea-csv-import.h"
#include "cocrea-csv-reader.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "test-process.h"

typedef TestProcess Fixture;

static CocreaDocument *
new_process (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  CocreaDocument *document;

  document = cocrea_document_create (path, "Plan", "Renca", 2019, 2021, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_empty (f, "plan.cocrea");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
}

/* Writes @length bytes to a file @name in the test's directory. */
static char *
write_file (Fixture *f, const char *name, const char *data, gssize length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The first column of every row of @sql, as strings ("" for NULL). */
static GPtrArray *
query_texts (CocreaDocument *document, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (cocrea_document_get_db (document), sql, &error);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_ptr_array_add (texts, g_strdup (text != NULL ? text : ""));
    }
  return texts;
}

static char *
query_text (CocreaDocument *document, const char *sql)
{
  g_autoptr (GPtrArray) texts = query_texts (document, sql);

  g_assert_cmpuint (texts->len, ==, 1);
  return g_strdup (g_ptr_array_index (texts, 0));
}

static guint
import_fixture (Fixture *f, const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (cocrea_csv_import (f->document, path, &n, NULL, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_reader_lines (void)
{
  const char data[] = "a,b\r\n\r\n1,\"two\r\nlines\"\r\n  \r\n3,\"x\"\"y\"\r\n4,last";
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCsvReader) reader = cocrea_csv_reader_new_from_data (data, strlen (data), &error);
  const CocreaCsvRecord *record;

  g_assert_no_error (error);
  g_assert_cmpint (cocrea_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpuint (cocrea_csv_reader_get_n_records (reader), ==, 4);

  record = cocrea_csv_reader_get_record (reader, 0);
  g_assert_cmpuint (record->line, ==, 1);
  record = cocrea_csv_reader_get_record (reader, 1);
  g_assert_cmpuint (record->line, ==, 3);
  g_assert_cmpstr (record->fields[1], ==, "two\r\nlines");
  record = cocrea_csv_reader_get_record (reader, 2);
  g_assert_cmpuint (record->line, ==, 6);
  g_assert_cmpstr (record->fields[1], ==, "x\"y");
  record = cocrea_csv_reader_get_record (reader, 3);
  g_assert_cmpuint (record->line, ==, 7);
  g_assert_cmpstr (record->fields[1], ==, "last");
}

static void
test_reader_delimiter (void)
{
  const struct { const char *data; char delimiter; } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;\"c,d,e\"\n1;2;3\n", ';' },
    { "a\tb\tc\n", '\t' },
    { "\n\ntext\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaCsvReader) reader =
        cocrea_csv_reader_new_from_data (cases[i].data, strlen (cases[i].data), &error);

      g_assert_no_error (error);
      g_assert_cmpint (cocrea_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
    }
}

static void
test_reader_unclosed_quote (void)
{
  const char data[] = "a,b\n1,2\n3,\"never\nclosed\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCsvReader) reader = cocrea_csv_reader_new_from_data (data, strlen (data), &error);

  g_assert_null (reader);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "3"));
}

/* Asserts that @a and @b hold the same records, lines and fields. */
static void
assert_same_records (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CocreaCsvRecord *x = g_ptr_array_index (a, i);
      const CocreaCsvRecord *y = g_ptr_array_index (b, i);

      g_assert_cmpuint (x->line, ==, y->line);
      g_assert_cmpuint (x->n_fields, ==, y->n_fields);
      for (guint j = 0; j < x->n_fields; j++)
        g_assert_cmpstr (x->fields[j], ==, y->fields[j]);
    }
}

/* A CSV of @n records, with quoted fields that span lines, doubled
 * quotes, blank lines and accents: what the parser thread must split
 * exactly as the whole-file reader does. */
static GString *
generated_csv (guint n)
{
  GString *csv = g_string_new ("activity;group;text\r\n");

  for (guint i = 0; i < n; i++)
    {
      if (i % 7 == 0)
        g_string_append_printf (csv, "Taller %u;Mesa %u;\"Línea uno\r\nlínea \"\"dos\"\" %u\"\r\n",
                                i % 13, i % 5, i);
      else
        g_string_append_printf (csv, "Taller %u;Mesa %u;Participación ciudadana %u\r\n",
                                i % 13, i % 5, i);
      if (i % 101 == 0)
        g_string_append (csv, "\r\n");
    }
  return csv;
}

static void
test_reader_stream (Fixture *f, gconstpointer data)
{
  const char lines[] = "a,b\r\n\r\n1,\"two\r\nlines\"\r\n  \r\n3,\"x\"\"y\"\r\n4,last";
  g_autoptr (GString) big = generated_csv (20000);
  struct { const char *data; gssize length; } cases[] = {
    { lines, sizeof lines - 1 },
    { "text\n", 5 },
    { "", 0 },
    { big->str, (gssize) big->len },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = write_file (f, "stream.csv", cases[c].data, cases[c].length);
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaCsvReader) whole = NULL;
      g_autoptr (CocreaCsvReader) stream = NULL;
      g_autoptr (GPtrArray) expected = g_ptr_array_new ();
      g_autoptr (GPtrArray) streamed = g_ptr_array_new ();
      const CocreaCsvRecord *record;

      whole = cocrea_csv_reader_new_from_data (cases[c].data, cases[c].length, &error);
      g_assert_no_error (error);
      while ((record = cocrea_csv_reader_next (whole, &error)) != NULL)
        g_ptr_array_add (expected, (gpointer) record);
      g_assert_no_error (error);
      g_assert_cmpuint (expected->len, ==, cocrea_csv_reader_get_n_records (whole));

      stream = cocrea_csv_reader_open (path);
      while ((record = cocrea_csv_reader_next (stream, &error)) != NULL)
        g_ptr_array_add (streamed, (gpointer) record);
      g_assert_no_error (error);
      /* The end stays the end. */
      g_assert_null (cocrea_csv_reader_next (stream, &error));
      g_assert_no_error (error);

      assert_same_records (expected, streamed);
      g_assert_cmpint (cocrea_csv_reader_get_delimiter (stream), ==,
                       cocrea_csv_reader_get_delimiter (whole));
      g_assert_cmpuint (cocrea_csv_reader_get_n_records (stream), ==, expected->len);
    }
}

/* A quote that never closes is found at the end of the file: the records
 * before it come out, then the error, which names the file and the line. */
static void
test_reader_stream_unclosed (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = generated_csv (3000);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCsvReader) reader = NULL;
  g_autofree char *line = NULL;
  guint n = 0;

  g_string_append (csv, "Taller 1;Mesa 1;\"sin cerrar\r\n");
  path = write_file (f, "unclosed.csv", csv->str, csv->len);
  reader = cocrea_csv_reader_open (path);
  while (cocrea_csv_reader_next (reader, &error) != NULL)
    n++;
  g_assert_cmpuint (n, >, 3000);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "unclosed.csv"));
  /* 3,001 records, 30 blank lines and 429 second lines come before it. */
  line = g_strdup_printf ("Line %u:", 1 + 3000 + 30 + 429 + 1);
  g_assert_nonnull (strstr (error->message, line));
}

/* A reader from _open() reports the file's problems through _next(). */
static void
test_reader_stream_errors (Fixture *f, gconstpointer data)
{
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autofree char *binary = write_file (f, "picture.csv", png, sizeof png - 1);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.csv", NULL);
  g_autoptr (CocreaCsvReader) binary_reader = cocrea_csv_reader_open (binary);
  g_autoptr (CocreaCsvReader) missing_reader = cocrea_csv_reader_open (missing);
  g_autoptr (GError) error = NULL;

  g_assert_null (cocrea_csv_reader_next (binary_reader, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_true (g_str_has_prefix (error->message, "“picture.csv”: "));
  g_clear_error (&error);

  g_assert_null (cocrea_csv_reader_next (missing_reader, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nowhere.csv"));
}

/* Freeing a reader whose thread is still parsing stops the thread; the
 * sanitizer build checks nothing leaks or is touched after the free. */
static void
test_reader_stream_abandon (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = generated_csv (200000);
  g_autofree char *path = write_file (f, "big.csv", csv->str, csv->len);

  for (guint taken = 0; taken < 3; taken++)
    {
      g_autoptr (GError) error = NULL;
      CocreaCsvReader *reader = cocrea_csv_reader_open (path);

      for (guint i = 0; i < taken; i++)
        g_assert_nonnull (cocrea_csv_reader_next (reader, &error));
      cocrea_csv_reader_free (reader);
    }
}

static void
test_import_quoting (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) texts = NULL;

  g_assert_cmpuint (import_fixture (f, "quoting.csv"), ==, 3);

  texts = query_texts (f->document, "SELECT text FROM contribution ORDER BY id");
  g_assert_cmpuint (texts->len, ==, 3);
  g_assert_cmpstr (texts->pdata[0], ==, "Una propuesta con \"comillas\", y coma");
  g_assert_cmpstr (texts->pdata[1], ==,
                   "Primera línea\nsegunda línea\n\ntercera tras una línea vacía");
  g_assert_cmpstr (texts->pdata[2], ==, "Texto simple");

  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"
                                           " WHERE origin = 'municipal'"), ==, 1);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT axes FROM contribution WHERE id = 3"),
                   ==, 4 | 8);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT axes FROM contribution WHERE id = 1"),
                   ==, 1);
}

static void
test_import_bom (Fixture *f, gconstpointer data)
{
  g_autofree char *activity = NULL;

  g_assert_cmpuint (import_fixture (f, "bom.csv"), ==, 1);
  /* The BOM must not stick to the first header name. */
  activity = query_text (f->document, "SELECT a.name FROM contribution c"
                                      " JOIN activity a ON a.id = c.activity_id");
  g_assert_cmpstr (activity, ==, "Encuesta");
}

static void
test_import_semicolon (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) texts = NULL;

  g_assert_cmpuint (import_fixture (f, "semicolon.csv"), ==, 2);
  texts = query_texts (f->document, "SELECT text FROM contribution ORDER BY id");
  g_assert_cmpstr (texts->pdata[0], ==, "Más luminarias; y plazas");
  g_assert_cmpstr (texts->pdata[1], ==, "Ferias, libres y limpias");
}

static void
test_import_tab (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) texts = NULL;

  g_assert_cmpuint (import_fixture (f, "tab.csv"), ==, 2);
  texts = query_texts (f->document, "SELECT text FROM contribution ORDER BY id");
  g_assert_cmpstr (texts->pdata[0], ==, "Texto, con coma; y punto y coma");
  g_assert_cmpstr (texts->pdata[1], ==, "Tab\tdentro");
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM table_group"
                                           " WHERE name = 'Mesa 4'"), ==, 1);
}

static void
test_import_windows_1252 (Fixture *f, gconstpointer data)
{
  /* What Excel on Windows writes: "é" is 0xE9, "ó" 0xF3, "ñ" 0xF1, "€" 0x80. */
  const char bytes[] = "texto;\xc1rea\r\nM\xe1s participaci\xf3n de ni\xf1os;"
                       "Educaci\xf3n\r\nPresupuesto de 5 \x80\r\n";
  g_autofree char *path = write_file (f, "excel.csv", bytes, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) texts = NULL;
  g_autofree char *area = NULL;
  guint n = 0;

  g_assert_true (cocrea_csv_import (f->document, path, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  texts = query_texts (f->document, "SELECT text FROM contribution ORDER BY id");
  g_assert_cmpstr (texts->pdata[0], ==, "Más participación de niños");
  g_assert_cmpstr (texts->pdata[1], ==, "Presupuesto de 5 €");
  area = query_text (f->document, "SELECT area FROM contribution WHERE id = 1");
  g_assert_cmpstr (area, ==, "Educación");
}

static void
test_import_spanish_headers (Fixture *f, gconstpointer data)
{
  g_autofree char *row = NULL;

  g_assert_cmpuint (import_fixture (f, "headers-es.csv"), ==, 1);
  row = query_text (f->document,
                    "SELECT a.name || '|' || g.name || '|' || c.origin || '|' || c.text"
                    " || '|' || c.area || '|' || c.axes"
                    " FROM contribution c JOIN activity a ON a.id = c.activity_id"
                    " JOIN table_group g ON g.id = c.group_id");
  g_assert_cmpstr (row, ==, "Taller de verano|Mesa 5|community|Alarmas comunitarias|Seguridad|4");
}

static void
test_import_default_activity (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) names = NULL;

  g_assert_cmpuint (import_fixture (f, "taller-norte.csv"), ==, 2);
  names = query_texts (f->document, "SELECT DISTINCT a.name FROM contribution c"
                                    " JOIN activity a ON a.id = c.activity_id");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "taller-norte");
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"
                                           " WHERE group_id IS NULL"), ==, 1);
}

static void
test_import_reuse (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;

  /* An activity that exists already is used as it is, not re-created. */
  g_assert_true (cocrea_document_begin_edit (f->document, &error));
  g_assert_true (cocrea_db_exec (cocrea_document_get_db (f->document),
                                 "INSERT INTO activity (kind, name)"
                                 " VALUES ('complementary', 'Taller central')", &error));
  g_assert_true (cocrea_document_commit_edit (f->document, &error));
  g_assert_no_error (error);

  import_fixture (f, "quoting.csv");
  import_fixture (f, "quoting.csv");

  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM activity"), ==, 1);
  kind = query_text (f->document, "SELECT kind FROM activity");
  g_assert_cmpstr (kind, ==, "complementary");
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM table_group"), ==, 2);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 6);

  /* New activities are workshops; groups get positions in order. */
  import_fixture (f, "semicolon.csv");
  g_clear_pointer (&kind, g_free);
  kind = query_text (f->document, "SELECT kind FROM activity WHERE name = 'Taller'");
  g_assert_cmpstr (kind, ==, "workshop");
  g_assert_cmpint (test_document_query_int (f->document, "SELECT position FROM table_group"
                                           " WHERE name = 'Mesa 2'"), ==, 2);
}

static void
test_import_audit (Fixture *f, gconstpointer data)
{
  g_autofree char *entry = NULL;

  import_fixture (f, "quoting.csv");
  entry = query_text (f->document, "SELECT action || '|' || subject || '|' || detail"
                                   " FROM audit_log WHERE action = 'import'");
  g_assert_cmpstr (entry, ==, "import|quoting.csv|{\"contributions\": 3}");
}

static void
test_import_empty_text (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("empty-text.csv");
  g_autoptr (GError) error = NULL;
  guint n = 99;

  import_fixture (f, "quoting.csv");
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 3);

  g_assert_false (cocrea_csv_import (f->document, path, &n, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_cmpuint (n, ==, 0);
  /* Line 7 of the file: a quoted field spans lines 3–4 and line 5 is blank. */
  g_assert_true (g_str_has_prefix (error->message, "Line 7: "));

  /* Nothing of the failed file stayed: not its rows, not its activity. */
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 3);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM activity"
                                           " WHERE name = 'Taller'"), ==, 0);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM audit_log"
                                           " WHERE action = 'import'"), ==, 1);
}

/* An import is taken back whole, and redone whole: rows, the activities
 * and groups it created, and their entries in the suggestion index. */
static void
test_import_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("quoting.csv");
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) again = NULL;
  g_autoptr (GError) error = NULL;
  gint64 activities, groups;
  guint n = 0;

  activities = test_document_query_int (f->document, "SELECT count(*) FROM activity");
  groups = test_document_query_int (f->document, "SELECT count(*) FROM table_group");
  g_assert_true (cocrea_csv_import (f->document, path, &n, &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpstr (cocrea_undo_get_label (undo), ==, "Import “quoting.csv”");
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM activity"), >, activities);

  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 0);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM activity"), ==, activities);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM table_group"), ==, groups);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution_fts"
                                           " WHERE contribution_fts MATCH 'comillas'"), ==, 0);

  g_assert_true (cocrea_undo_apply (f->document, redo, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 3);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution_fts"
                                           " WHERE contribution_fts MATCH 'comillas'"), ==, 1);
}

/* The rows of a file whose last quote never closes are stored while the
 * end is still being parsed; the error then takes every one back. */
static void
test_import_unclosed_quote (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = generated_csv (5000);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 99;

  import_fixture (f, "quoting.csv");
  g_string_append (csv, "Taller 1;Mesa 1;\"sin cerrar\r\n");
  path = write_file (f, "unclosed.csv", csv->str, csv->len);

  g_assert_false (cocrea_csv_import (f->document, path, &n, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "never closed"));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 3);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM activity"
                                           " WHERE name GLOB 'Taller [0-9]*'"), ==, 0);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution_fts"
                                           " WHERE contribution_fts MATCH 'ciudadana'"), ==, 0);
}

static void
test_import_bad_value (Fixture *f, gconstpointer data)
{
  const char csv[] = "text,origin,axes\nUno,comunidad,transparencia\nDos,ONG,\n";
  g_autofree char *path = write_file (f, "bad-origin.csv", csv, -1);
  g_autoptr (GError) error = NULL;

  g_assert_false (cocrea_csv_import (f->document, path, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  g_assert_nonnull (strstr (error->message, "ONG"));
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 0);
}

static void
test_import_missing_text (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("missing-text.csv");
  g_autoptr (GError) error = NULL;

  g_assert_false (cocrea_csv_import (f->document, path, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "missing-text.csv"));
  g_assert_nonnull (strstr (error->message, "“comment”"));
  g_assert_nonnull (strstr (error->message, "“group”"));
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 0);
}

static void
test_import_not_csv (Fixture *f, gconstpointer data)
{
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
  g_autofree char *binary = write_file (f, "picture.csv", png, sizeof png - 1);
  g_autofree char *empty = write_file (f, "empty.csv", "", 0);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.csv", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (cocrea_csv_import (f->document, binary, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "picture.csv"));
  g_assert_nonnull (strstr (error->message, "binary"));
  g_clear_error (&error);

  g_assert_false (cocrea_csv_import (f->document, empty, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_clear_error (&error);

  g_assert_false (cocrea_csv_import (f->document, missing, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 0);
}

/* A UTF-8 sheet of @rows rows, then @tail as the bytes of one more line. */
static GString *
utf8_rows_then (guint rows, const char *tail)
{
  GString *csv = g_string_new ("actividad;texto\n");

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "Taller;Participación ciudadana número %u\n", i);
  g_string_append (csv, tail);
  return csv;
}

/* @rows Windows-1252 rows (as Excel writes them on Windows), then @tail. */
static GString *
cp1252_rows_then (guint rows, const char *tail)
{
  GString *csv = g_string_new ("actividad;texto\n");

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "Taller;Participaci\xF3n ciudadana n\xFAmero %u\n", i);
  g_string_append (csv, tail);
  return csv;
}

/*
 * Issue 10, classes 4 and 5: sheets that lost or mangled data without a
 * word. Each is refused with a message naming the line or the columns,
 * and the process is left byte for byte as it was: no contribution, no
 * activity, no audit entry.
 */
static void
test_import_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) mixed = utf8_rows_then (5000, "Taller;L\xEDnea pegada de otro archivo\n");
  g_autoptr (GString) mixed_many = utf8_rows_then (10, "Taller;a\xF3\nTaller;b\xE9\n");
  g_autoptr (GString) cp1252_then_utf8 = cp1252_rows_then (100, "Taller;Participación desde otra planilla\n");
  const struct {
    const char *what;
    const char *csv;
    gssize length;
    const char *fragments[3];
  } cases[] = {
    { "class 4: the text column twice", "actividad;texto;texto\nTaller;uno;dos\n", -1,
      { "Columns 2 (“texto”) and 3 (“texto”)", "text of the contribution" } },
    { "class 4: propuesta and texto, both the text", "propuesta,actividad,texto\nuno,Taller,dos\n", -1,
      { "Columns 1 (“propuesta”) and 3 (“texto”)", "keep one of them" } },
    { "class 4: mesa and grupo, both the group", "texto;mesa;grupo\nuno;1;2\n", -1,
      { "Columns 2 (“mesa”) and 3 (“grupo”)", "the group" } },
    { "class 4: a BOM inside quotes names the activity twice",
      "\"\xEF\xBB\xBF" "actividad\";actividad;texto\nA;B;uno\n", -1,
      { "Columns 1 (“<U+FEFF>actividad”) and 2 (“actividad”)" } },
    { "class 4: a row with more cells than the header", "actividad;texto\nTaller;uno\nTaller;dos;perdido\n", -1,
      { "Line 3: ", "cell 3 (“perdido”)", "2 columns" } },
    { "class 4: a quoted cell beyond the header", "texto\n\"uno\",\"dos, tres\"\n", -1,
      { "Line 2: ", "cell 2 (“dos, tres”)" } },
    { "class 4: a header whose only cell is a zero-width space and text",
      "\xE2\x80\x8B" "comentario;mesa\nuno;1\n", -1,
      { "Columns found: “<U+200B>comentario”, “mesa”" } },
    { "class 5: UTF-8 with one stray byte on line 5002", mixed->str, (gssize) mixed->len,
      { "Line 5002 is not UTF-8", "CSV UTF-8" } },
    { "class 5: UTF-8 with stray bytes on two lines", mixed_many->str, (gssize) mixed_many->len,
      { "Lines 12, 13 are not UTF-8" } },
    { "class 5: Windows-1252 with a line pasted from a UTF-8 sheet", cp1252_then_utf8->str,
      (gssize) cp1252_then_utf8->len,
      { "Line 102 is UTF-8 while the rest of the file is Windows-1252", "CSV UTF-8" } },
  };
  g_autofree char *process = g_build_filename (f->dir, "plan.cocrea", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.csv", i);
      g_autofree char *path = write_file (f, name, cases[i].csv, cases[i].length);
      g_autofree char *before = test_file_sha256 (process);
      g_autofree char *after = NULL;
      g_autoptr (GError) error = NULL;
      guint n = 99;

      if (cocrea_csv_import (f->document, path, &n, NULL, &error))
        g_error ("%s: imported %u rows", cases[i].what, n);
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
      g_test_message ("%s: %s", cases[i].what, error->message);
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].fragments) && cases[i].fragments[k]; k++)
        if (strstr (error->message, cases[i].fragments[k]) == NULL)
          g_error ("%s: “%s” is not in: %s", cases[i].what, cases[i].fragments[k], error->message);
      g_assert_cmpuint (n, ==, 0);
      g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"), ==, 0);
      g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM audit_log WHERE action = 'import'"),
                       ==, 0);
      after = test_file_sha256 (process);
      g_assert_cmpstr (after, ==, before);
    }
}

/*
 * What is right is imported right: a BOM inside the quotes of the first
 * header cell still names its column (the activity was the file's name);
 * empty cells past the header are only padding; a column Cocrea does not
 * read is said in a warning; a whole Windows-1252 file is still read as
 * such, and a header-only sheet writes nothing, not even to the audit log.
 */
static void
test_import_kept (Fixture *f, gconstpointer data)
{
  g_autofree char *bom = write_file (f, "bom-quoted.csv",
                                     "\"\xEF\xBB\xBF" "actividad\",texto\nTaller 1,hola\n", -1);
  g_autofree char *padded = write_file (f, "padded.csv", "actividad;texto\nTaller 2;uno;;  ;\n", -1);
  g_autofree char *unread = write_file (f, "notas.csv",
                                        "actividad;texto;notas;\nTaller 3;uno;una nota;\n"
                                        "Taller 3;dos;;sin nombre\n", -1);
  g_autofree char *cp1252 = write_file (f, "cp1252.csv",
                                        "actividad;texto\nTaller 4;Participaci\xF3n ciudadana\n"
                                        "Taller 4;M\xE1s luminarias en la plaza Espa\xF1" "a\n", -1);
  g_autofree char *header = write_file (f, "solo-encabezado.csv", "actividad;texto\n;\n", -1);
  g_autofree char *process = g_build_filename (f->dir, "plan.cocrea", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *activity = NULL;
  g_auto (GStrv) warnings = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (cocrea_csv_import_full (f->document, bom, &n, NULL, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  g_clear_pointer (&warnings, g_strfreev);
  activity = query_text (f->document, "SELECT a.name FROM contribution c"
                                      " JOIN activity a ON a.id = c.activity_id WHERE c.text = 'hola'");
  g_assert_cmpstr (activity, ==, "Taller 1");

  g_assert_true (cocrea_csv_import (f->document, padded, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  g_assert_true (cocrea_csv_import_full (f->document, unread, &n, NULL, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (g_strv_length (warnings), ==, 2);
  g_assert_nonnull (strstr (warnings[0], "Column 3 (“notas”)"));
  g_assert_nonnull (strstr (warnings[1], "Column 4 of “notas.csv” has no name"));
  g_clear_pointer (&warnings, g_strfreev);

  g_assert_true (cocrea_csv_import (f->document, cp1252, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM contribution"
                                           " WHERE text = 'Participación ciudadana'"), ==, 1);

  before = test_file_sha256 (process);
  g_assert_true (cocrea_csv_import_full (f->document, header, &n, NULL, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_nonnull (warnings);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM audit_log"
                                           " WHERE subject = 'solo-encabezado.csv'"), ==, 0);
  after = test_file_sha256 (process);
  g_assert_cmpstr (after, ==, before);
}

/* Every contribution as one comparable line, with the top proposal's title. */
static const char describe_sql[] =
  "WITH RECURSIVE top (id, title) AS ("
  "  SELECT id, title FROM proposal WHERE merged_into_id IS NULL"
  "  UNION ALL SELECT p.id, top.title FROM proposal p JOIN top ON p.merged_into_id = top.id)"
  " SELECT a.name || '|' || coalesce (g.name, '') || '|' || c.origin || '|' || c.text"
  "  || '|' || c.area || '|' || c.axes || '|' || coalesce (top.title, '')"
  " FROM contribution c JOIN activity a ON a.id = c.activity_id"
  " LEFT JOIN table_group g ON g.id = c.group_id"
  " LEFT JOIN top ON top.id = c.proposal_id"
  " ORDER BY c.activity_id, c.group_id, c.id";

/* Fills @document with the texts a spreadsheet would mangle. */
static void
insert_tricky (CocreaDocument *document)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  sqlite3 *db = cocrea_document_get_db (document);
  const char *texts[] = {
    "=SUM(1)", "-5 personas", "+56 9 1234 5678", "@alcaldía", "'=ya protegido",
    "Emoji 🌳🚲 y ñandú", "Comillas \"dobles\", comas; y\nsaltos\nde línea",
    "'simple entre comillas'", NULL,
  };

  for (guint i = 0; long_text->len < 100 * 1024; i++)
    g_string_append_printf (long_text, "Frase %u de un texto muy largo, con tildes: árbol. ", i);
  /* Stored texts are normalised: no trailing space. */
  g_string_truncate (long_text, long_text->len - 1);

  g_assert_true (cocrea_document_begin_edit (document, &error));
  g_assert_true (cocrea_db_exec (db,
    "INSERT INTO activity (id, kind, name) VALUES (1, 'workshop', 'Taller central'),"
    " (2, 'online', '=HYPERLINK(\"x\")');"
    "INSERT INTO table_group (id, activity_id, name, position) VALUES"
    " (1, 1, 'Mesa 1', 1), (2, 1, 'Mesa, dos', 2);"
    "INSERT INTO proposal (id, title, created_at, merged_into_id) VALUES"
    " (1, 'Plazas seguras', 'now', NULL), (2, 'Luz en plazas', 'now', 1),"
    " (3, 'Más faroles', 'now', 2), (4, 'Huertos', 'now', NULL);",
    &error));
  g_assert_no_error (error);

  stmt = cocrea_db_prepare (db, "INSERT INTO contribution (activity_id, group_id, origin,"
                                " text, area, axes, proposal_id, created_at)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, 'now')", &error);
  g_assert_no_error (error);
  for (guint i = 0; i <= G_N_ELEMENTS (texts) - 1; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i % 3 == 2 ? 2 : 1);
      if (i % 3 == 2)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int (stmt, 2, 1 + i % 2);
      cocrea_db_bind_text (stmt, 3, i % 2 ? "municipal" : "community");
      cocrea_db_bind_text (stmt, 4, texts[i] != NULL ? texts[i] : long_text->str);
      cocrea_db_bind_text (stmt, 5, i % 4 == 0 ? "-Salud" : "Medio ambiente");
      sqlite3_bind_int (stmt, 6, i % 16);
      if (i % 4 == 3)
        sqlite3_bind_null (stmt, 7);
      else
        sqlite3_bind_int (stmt, 7, 1 + i % 4);
      g_assert_true (cocrea_db_step_done (db, stmt, &error));
    }
  g_assert_true (cocrea_document_commit_edit (document, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr (CocreaDocument) copy = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  insert_tricky (f->document);
  g_assert_true (cocrea_csv_export (f->document, csv, &error));
  g_assert_no_error (error);

  copy = new_process (f->dir, "copy.cocrea");
  g_assert_true (cocrea_csv_import (copy, csv, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 9);

  before = query_texts (f->document, describe_sql);
  after = query_texts (copy, describe_sql);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    if (!g_str_equal (before->pdata[i], after->pdata[i]))
      {
        /* Short enough to read: one of them is 100 KB long. */
        g_autofree char *a = g_utf8_substring (before->pdata[i], 0, 200);
        g_autofree char *b = g_utf8_substring (after->pdata[i], 0, 200);
        g_test_message ("row %u differs: %s / %s", i, a, b);
        g_test_fail ();
      }

  /* Merged proposals come back as their top proposal. */
  g_assert_cmpint (test_document_query_int (copy, "SELECT count(*) FROM proposal"), ==, 1);
}

static void
test_export_bytes (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  insert_tricky (f->document);
  g_assert_true (cocrea_csv_export (f->document, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));

  g_assert_true (g_str_has_prefix (contents,
                                   "\xEF\xBB\xBFid,activity,group,origin,text,area,axes,proposal\r\n"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  /* Formulas are neutralised, wherever the cell is. */
  g_assert_nonnull (strstr (contents, ",'=SUM(1),"));
  g_assert_nonnull (strstr (contents, ",'-5 personas,"));
  g_assert_nonnull (strstr (contents, ",'+56 9 1234 5678,"));
  g_assert_nonnull (strstr (contents, ",'@alcaldía,"));
  g_assert_nonnull (strstr (contents, ",''=ya protegido,"));
  g_assert_nonnull (strstr (contents, ",'-Salud,"));
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"x\"\")\","));
  g_assert_null (strstr (contents, ",=SUM"));
  g_assert_null (strstr (contents, ",-5"));
  /* A quote that protects nothing is left alone. */
  g_assert_nonnull (strstr (contents, ",'simple entre comillas',"));

  /* RFC 4180 quoting; line ends inside cells are kept as they are. */
  g_assert_nonnull (strstr (contents, "\"Mesa, dos\""));
  g_assert_nonnull (strstr (contents, "\"Comillas \"\"dobles\"\", comas; y\nsaltos\nde línea\""));
  g_assert_nonnull (strstr (contents, "transparency;accountability"));
  g_assert_nonnull (strstr (contents, ",Plazas seguras\r\n"));
}

static void
test_export_missing_folder (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "does-not-exist", NULL);
  g_autofree char *csv = g_build_filename (folder, "out.csv", NULL);
  g_autoptr (GError) error = NULL;

  insert_tricky (f->document);
  g_assert_false (cocrea_csv_export (f->document, csv, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_export_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cocrea_csv_export (f->document, csv, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "\xEF\xBB\xBFid,activity,group,origin,text,area,axes,proposal\r\n");
}

/* The names already in the process are read once before the rows
 * (cocrea-csv-import.c): a row's activity is the first of its name, and
 * its proposal the unmerged one of its title before one merged away, the
 * first of them before a later one; a name met again is the row created
 * for it; the axes of a repeated cell are read once, the same each time. */
static void
test_import_existing_names (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *feria = NULL;
  g_autoptr (GPtrArray) links = NULL;

  g_assert_true (cocrea_document_begin_edit (f->document, &error));
  g_assert_true (cocrea_db_exec (cocrea_document_get_db (f->document),
    "INSERT INTO activity (id, kind, name) VALUES (7, 'online', 'Taller'),"
    " (3, 'survey', 'Taller'), (9, 'survey', 'Encuesta');"
    "INSERT INTO proposal (id, title, created_at, merged_into_id) VALUES"
    " (10, 'Plazas', 'now', NULL), (4, 'Plazas', 'now', 10), (12, 'Plazas', 'now', NULL),"
    " (2, 'Huertos', 'now', 11), (11, 'Huertas', 'now', NULL);",
    &error));
  g_assert_true (cocrea_document_commit_edit (f->document, &error));
  g_assert_no_error (error);

  csv = write_file (f, "names.csv",
                    "activity,text,proposal,axes\n"
                    "Taller,Una,Plazas,transparency;technology\n"
                    "Encuesta,Dos,Huertos,transparency;technology\n"
                    "Feria,Tres,Ferias,\n"
                    "Feria,Cuatro,Ferias,participation\n", -1);
  g_assert_true (cocrea_csv_import (f->document, csv, NULL, NULL, &error));
  g_assert_no_error (error);

  links = query_texts (f->document, "SELECT activity_id || ' ' || proposal_id || ' ' || axes"
                                    " FROM contribution ORDER BY id");
  g_assert_cmpuint (links->len, ==, 4);
  g_assert_cmpstr (links->pdata[0], ==, "3 10 9");
  g_assert_cmpstr (links->pdata[1], ==, "9 2 9");
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM activity WHERE name = 'Feria'"),
                   ==, 1);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM proposal WHERE title = 'Ferias'"),
                   ==, 1);
  feria = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                           test_document_query_int (f->document, "SELECT id FROM activity WHERE name = 'Feria'"),
                           test_document_query_int (f->document, "SELECT id FROM proposal WHERE title = 'Ferias'"));
  g_assert_true (g_str_has_prefix (links->pdata[2], feria));
  g_assert_true (g_str_has_prefix (links->pdata[3], feria));
  g_assert_true (g_str_has_suffix (links->pdata[2], " 0"));
  g_assert_true (g_str_has_suffix (links->pdata[3], " 4"));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/lines", test_reader_lines);
  g_test_add_func ("/csv/reader/delimiter", test_reader_delimiter);
  g_test_add_func ("/csv/reader/unclosed-quote", test_reader_unclosed_quote);
  ADD ("/csv/reader/stream", test_reader_stream);
  ADD ("/csv/reader/stream-unclosed", test_reader_stream_unclosed);
  ADD ("/csv/reader/stream-errors", test_reader_stream_errors);
  ADD ("/csv/reader/stream-abandon", test_reader_stream_abandon);
  ADD ("/csv/import/quoting", test_import_quoting);
  ADD ("/csv/import/bom", test_import_bom);
  ADD ("/csv/import/semicolon", test_import_semicolon);
  ADD ("/csv/import/tab", test_import_tab);
  ADD ("/csv/import/windows-1252", test_import_windows_1252);
  ADD ("/csv/import/spanish-headers", test_import_spanish_headers);
  ADD ("/csv/import/default-activity", test_import_default_activity);
  ADD ("/csv/import/reuse", test_import_reuse);
  ADD ("/csv/import/existing-names", test_import_existing_names);
  ADD ("/csv/import/audit", test_import_audit);
  ADD ("/csv/import/empty-text", test_import_empty_text);
  ADD ("/csv/import/unclosed-quote", test_import_unclosed_quote);
  ADD ("/csv/import/undo", test_import_undo);
  ADD ("/csv/import/bad-value", test_import_bad_value);
  ADD ("/csv/import/missing-text", test_import_missing_text);
  ADD ("/csv/import/not-csv", test_import_not_csv);
  ADD ("/csv/import/refused", test_import_refused);
  ADD ("/csv/import/kept", test_import_kept);
  ADD ("/csv/round-trip", test_round_trip);
  ADD ("/csv/export/bytes", test_export_bytes);
  ADD ("/csv/export/missing-folder", test_export_missing_folder);
  ADD ("/csv/export/empty", test_export_empty);

  return g_test_run ();
}
