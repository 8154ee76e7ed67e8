/* test-pdf.c — the PDF plan and the reasons report
 *
 * A PDF is checked the way a reader meets it: its text is read back with
 * pdftotext (whitespace folded, since table cells wrap), its structure
 * with qpdf --check and its fonts with pdffonts; poppler must read it
 * without a word on stderr (no broken ToUnicode maps). Expected headings are
 * looked up in the same catalog as the export, so the checks hold before
 * and after the Spanish translation of a heading lands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cocrea-catalog.h"
#include "cocrea-demo.h"
#include "cocrea-error.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS; /* the demo, not opened */
  char *pdf_path;
  CocreaCatalog *catalog;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_demo_file (TEST_PROCESS (f), "renca.cocrea");
  f->pdf_path = test_process_file (TEST_PROCESS (f), "plan.pdf");
  f->catalog = cocrea_catalog_new_for_language ("es");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
  cocrea_catalog_free (f->catalog);
  g_free (f->pdf_path);
}

/* Runs SQL on the process file directly, before it is opened. */
static void
edit_file (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* Every row of the first column of @sql, run on the process file. */
static GPtrArray *
query_strings (Fixture *f, const char *sql)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);
  return path != NULL;
}

/* Folds runs of white space into one space. */
static char *
fold (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The text of @path (pages @first to @last, or all when 0) as pdftotext
 * gives it, which must say nothing on stderr (poppler warns there about a
 * broken ToUnicode map, a bad font or a damaged file). */
static char *
pdf_text_raw (const char *path, int first, int last)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *all[] = { "pdftotext", path, "-", NULL };
  const char *some[] = { "pdftotext", "-f", f, "-l", l, path, "-", NULL };

  g_spawn_sync (NULL, (char **) (first > 0 ? some : all), NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");
  return g_steal_pointer (&out);
}

/* The same, white space folded (table cells wrap). */
static char *
pdf_text (const char *path, int first, int last)
{
  g_autofree char *out = pdf_text_raw (path, first, last);
  return fold (out);
}

/* qpdf --check finds nothing wrong (exit 0: not even a warning). */
static void
assert_qpdf_clean (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "qpdf", "--check", path, NULL };
  int status = -1;

  if (!have_program ("qpdf"))
    return;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, NULL);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check %s:\n%s", path, out);
}

/* The fonts pdffonts lists, all embedded; returns how many. */
static guint
count_embedded_fonts (const char *path)
{
  g_autofree char *fonts = NULL;
  g_auto (GStrv) lines = NULL;
  const char *argv[] = { "pdffonts", path, NULL };
  int status = -1;
  guint n = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &fonts, NULL, &status, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (fonts, "\n", -1);
  /* Two header lines, then one line per font: its "emb" column says yes. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) columns = NULL;
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      columns = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      for (guint c = 0; columns[c] != NULL; c++)
        if (*columns[c] != '\0')
          g_ptr_array_add (words, columns[c]);
      g_assert_cmpuint (words->len, >=, 7);
      /* name type… encoding emb sub uni id gen: emb is 5th from the end, uni 3rd */
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 3), ==, "yes");
      n++;
    }
  return n;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, NULL, NULL);
  g_assert_nonnull (out);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static void
assert_contains (const char *text, const char *expected)
{
  g_autofree char *folded = fold (expected);

  if (strstr (text, folded) == NULL)
    g_error ("“%s” is not in the PDF", folded);
}

static gboolean
skip_without_poppler (void)
{
  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return TRUE;
    }
  return FALSE;
}

/* Exports the plan of the fixture's process; returns the warnings. */
static GStrv
export_plan (Fixture *f)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  GStrv warnings = NULL;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_pdf_plan_export (document, f->pdf_path, NULL, NULL, &warnings, &error));
  g_assert_no_error (error);
  return warnings;
}

static void
test_plan_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) deliverables = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page_two = NULL;
  g_auto (GStrv) warnings = NULL;
  const char *headings[] = {
    "Commitment name", "Origin", "Start and end dates", "Lead institution or unit",
    "What is the public problem the commitment addresses?", "What is the commitment?",
    "How will the commitment contribute to solving the public problem?",
    "Why is this commitment relevant to OGP values?", "Additional information",
    "Milestone (activity or deliverable)", "Contents",
  };
  int n_pages;

  if (skip_without_poppler ())
    return;

  warnings = export_plan (f);
  g_assert_null (warnings);

  text = pdf_text (f->pdf_path, 0, 0);
  names = query_strings (f, "SELECT name FROM commitment");
  g_assert_cmpuint (names->len, ==, 5);
  for (guint i = 0; i < names->len; i++)
    assert_contains (text, g_ptr_array_index (names, i));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    assert_contains (text, cocrea_catalog_gettext (f->catalog, headings[i]));
  deliverables = query_strings (f, "SELECT deliverable FROM milestone ORDER BY id LIMIT 3");
  for (guint i = 0; i < deliverables->len; i++)
    assert_contains (text, g_ptr_array_index (deliverables, i));

  /* Accents intact, and the process's language (Spanish) whatever the
   * test's locale: months come from the catalog. */
  assert_contains (text, "Participación");
  assert_contains (text, "Dirección de Desarrollo Comunitario");
  assert_contains (text, "octubre de 2019");
  assert_contains (text, "Encuentros de cocreación");

  n_pages = pdf_pages (f->pdf_path);
  g_assert_cmpint (n_pages, >=, 10);
  page_two = pdf_text (f->pdf_path, 2, 2);
  {
    g_autofree char *footer = g_strdup_printf (cocrea_catalog_gettext (f->catalog, "Page %u of %u"),
                                               2u, (guint) n_pages);
    assert_contains (page_two, footer);
  }

  assert_qpdf_clean (f->pdf_path);
  if (have_program ("pdffonts"))
    g_assert_cmpuint (count_embedded_fonts (f->pdf_path), ==, 2);
}

/* A 5-page problem text and 60 milestones: the template row is cut
 * between lines with a continuation marker, the milestones table
 * repeats its header on every page it spans, and nothing is lost. */
static void
test_plan_long (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) problem = g_string_new (NULL);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_auto (GStrv) warnings = NULL;
  const char *marker = cocrea_catalog_gettext (f->catalog, "(continued)");
  const char *header = cocrea_catalog_gettext (f->catalog, "Milestone (activity or deliverable)");
  int base_pages, pages, marker_pages = 0, milestone_pages = 0;

  if (skip_without_poppler ())
    return;

  warnings = export_plan (f);
  base_pages = pdf_pages (f->pdf_path);

  for (guint i = 0; i < 2600; i++)
    g_string_append_printf (problem, "palabra%u ", i);
  g_string_append (problem, "fin del problema largo");
  escaped = g_strdup (problem->str);
  g_string_append_printf (sql, "UPDATE commitment SET problem = '%s' WHERE position = 1;", escaped);
  for (guint i = 1; i <= 60; i++)
    g_string_append_printf (sql,
                            "INSERT INTO milestone (commitment_id, position, deliverable, starts_on)"
                            " SELECT id, %u, 'Hito largo número %u', '2020-01' FROM commitment"
                            " WHERE position = 1;",
                            100 + i, i);
  edit_file (f, sql->str);

  g_clear_pointer (&warnings, g_strfreev);
  warnings = export_plan (f);
  pages = pdf_pages (f->pdf_path);
  g_assert_cmpint (pages, >=, base_pages + 5);

  text = pdf_text (f->pdf_path, 0, 0);
  assert_contains (text, "palabra0 palabra1");
  assert_contains (text, "palabra2599 fin del problema largo");
  assert_contains (text, "Hito largo número 60");

  for (int p = 1; p <= pages; p++)
    {
      g_autofree char *page = pdf_text (f->pdf_path, p, p);

      if (strstr (page, "palabra") != NULL && strstr (page, "palabra0 ") == NULL)
        {
          g_assert_nonnull (strstr (page, marker));
          marker_pages++;
        }
      if (strstr (page, "Hito largo número") != NULL)
        {
          g_assert_nonnull (strstr (page, header));
          milestone_pages++;
        }
    }
  g_assert_cmpint (marker_pages, >=, 4);
  g_assert_cmpint (milestone_pages, >=, 2);
}

static void
test_plan_emoji (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) warnings = NULL;

  if (skip_without_poppler ())
    return;

  edit_file (f, "UPDATE commitment SET note = 'Una fiesta 🎉 para todos' WHERE position = 2;");
  warnings = export_plan (f);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "Una fiesta"));

  g_assert_nonnull (strstr (warnings[0], "[emoji]"));

  /* No font here draws 🎉 (the tests see DejaVu only): a placeholder says
   * something was there, instead of a blank or a "�". */
  text = pdf_text (f->pdf_path, 0, 0);
  assert_contains (text, "Una fiesta [emoji] para todos");
  g_assert_null (strstr (text, "�"));
  assert_qpdf_clean (f->pdf_path);
}

/* Removes the bidi embedding marks poppler puts around right-to-left
 * runs it found in a left-to-right page. */
static char *
strip_embeddings (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0x202B && c != 0x202C && c != 0x202A)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The left edge of the first right-to-left word @word in pdftotext's
 * -bbox output of page @page, or -1. That output lists each word's
 * characters as they lie on the page, left to right: reversed. */
static double
word_x (const char *path, int page, const char *word)
{
  g_autofree char *out = NULL;
  g_autofree char *p = g_strdup_printf ("%d", page);
  g_autofree char *reversed = g_utf8_strreverse (word, -1);
  g_autofree char *needle = g_strdup_printf ("%s</word>", reversed);
  const char *argv[] = { "pdftotext", "-bbox", "-f", p, "-l", p, path, "-", NULL };
  const char *hit, *x;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, NULL, NULL);
  hit = out != NULL ? strstr (out, needle) : NULL;
  if (hit == NULL)
    return -1;
  while (hit > out && strncmp (hit, "xMin=\"", 6) != 0)
    hit--;
  x = hit + 6;
  return g_ascii_strtod (x, NULL);
}

/* The page of @path whose text holds @needle (1-based), or 0. */
static int
page_with (const char *path, const char *needle)
{
  int n = pdf_pages (path);

  for (int page = 1; page <= n; page++)
    {
      g_autofree char *text = pdf_text_raw (path, page, page);
      g_autofree char *plain = strip_embeddings (text);

      if (strstr (plain, needle) != NULL)
        return page;
    }
  return 0;
}

/* Hebrew and Arabic, as migrant participants write them: drawn right to
 * left (the first word at the right), Arabic joined, and read back as
 * the letters typed (never presentation forms), each word in its own
 * order, with no warning from poppler and a clean qpdf check. */
static void
test_plan_right_to_left (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_auto (GStrv) warnings = NULL;
  const char *words[] = {
    "שלום", "עולם", "זוהי", "הצעה", "לשנת", "2020", "חשובה",
    "مرحبا", "بالعالم", "هذا", "اقتراح", "لعام", "الجيران",
  };
  int hebrew_page;

  if (skip_without_poppler ())
    return;

  edit_file (f, "UPDATE commitment SET note = 'שלום עולם, זוהי הצעה לשנת 2020 (חשובה).' WHERE position = 1;"
                "UPDATE commitment SET note = 'مرحبا بالعالم، هذا اقتراح لعام 2020 (مهم) من الجيران.'"
                " WHERE position = 2;"
                "UPDATE contribution SET text = 'Mezcla: el barrio שלום y مرحبا juntos.' WHERE id = "
                " (SELECT min (id) FROM contribution);");
  warnings = export_plan (f);
  g_assert_null (warnings);

  text = pdf_text_raw (f->pdf_path, 0, 0);
  plain = strip_embeddings (text);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (plain, words[i]) == NULL)
      g_error ("“%s” is not in the PDF's text", words[i]);
  for (const char *p = plain; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_assert_false ((c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF));
    }
  g_assert_nonnull (strstr (plain, "Mezcla: el barrio"));
  g_assert_nonnull (strstr (plain, "juntos."));

  /* Right to left on the page: "שלום" (first) right of "עולם" (second),
   * "مرحبا" right of "بالعالم". */
  hebrew_page = page_with (f->pdf_path, "שלום עולם");
  g_assert_cmpint (hebrew_page, >, 0);
  g_assert_cmpfloat (word_x (f->pdf_path, hebrew_page, "שלום"), >, word_x (f->pdf_path, hebrew_page, "עולם"));
  g_assert_cmpfloat (word_x (f->pdf_path, hebrew_page, "עולם"), >, 0);
  {
    int arabic_page = page_with (f->pdf_path, "مرحبا بالعالم");
    g_assert_cmpint (arabic_page, >, 0);
    g_assert_cmpfloat (word_x (f->pdf_path, arabic_page, "مرحبا"), >,
                       word_x (f->pdf_path, arabic_page, "بالعالم"));
  }

  assert_qpdf_clean (f->pdf_path);
  g_assert_cmpuint (count_embedded_fonts (f->pdf_path), ==, 2);
}

/* A character DejaVu Sans lacks comes from another installed font (⌒ from
 * DejaVu Sans Mono, embedded as a third font), not a box or a warning. */
static void
test_plan_fallback_font (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) warnings = NULL;

  if (skip_without_poppler ())
    return;

  edit_file (f, "UPDATE commitment SET note = 'Un arco ⌒ sobre la plaza' WHERE position = 2;");
  warnings = export_plan (f);
  g_assert_null (warnings);
  text = pdf_text (f->pdf_path, 0, 0);
  assert_contains (text, "Un arco ⌒ sobre la plaza");
  assert_qpdf_clean (f->pdf_path);
  g_assert_cmpuint (count_embedded_fonts (f->pdf_path), ==, 3);
}

/* Texts far longer than anyone types, as another program may store them:
 * a 100 KB process title (the cover, the running header, the metadata),
 * a 100 KB commitment name (a heading taller than a page) and a 100 KB
 * contribution without a space (a word wider than any line). The export
 * works, keeps every character on the pages, and the header and the
 * metadata are cut to fit. */
static void
test_plan_huge_texts (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) word = g_string_new (NULL);
  g_autoptr (GString) title = g_string_new ("Inicio del título");
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_auto (GStrv) warnings = NULL;
  const char *argv[] = { "pdfinfo", f->pdf_path, NULL };
  const char *line;

  if (skip_without_poppler ())
    return;

  while (word->len < 100 * 1024)
    g_string_append (word, "abcdefghij");
  while (title->len < 100 * 1024)
    g_string_append (title, " gobierno abierto");
  g_string_append (title, " fin del título");
  g_string_append_printf (sql,
                          "UPDATE process SET title = '%s';"
                          "UPDATE commitment SET name = '%s' WHERE position = 1;"
                          "UPDATE contribution SET text = 'A%sZ' WHERE id = (SELECT min (id) FROM contribution);",
                          title->str, title->str, word->str);
  edit_file (f, sql->str);

  warnings = export_plan (f);
  text = pdf_text (f->pdf_path, 0, 0);
  assert_contains (text, "Inicio del título gobierno abierto");
  assert_contains (text, "gobierno abierto fin del título");
  assert_contains (text, "Aabcdefghij");
  assert_contains (text, "abcdefghijZ");
  assert_qpdf_clean (f->pdf_path);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &info, NULL, NULL, NULL);
  line = strstr (info, "Title:");
  g_assert_nonnull (line);
  g_assert_cmpint (strchr (line, '\n') - line, <, 2048);
  g_assert_nonnull (g_strstr_len (line, strchr (line, '\n') - line, "…"));
}

/* A machine without DejaVu Sans: the export says which fonts to install,
 * and leaves nothing behind. */
static void
test_plan_no_fonts (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  FcConfig *saved;
  gboolean ok;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_true (FcInit ());
  saved = FcConfigReference (NULL);
  FcConfigSetCurrent (FcConfigCreate ()); /* no font at all */
  ok = cocrea_pdf_plan_export (document, f->pdf_path, NULL, NULL, NULL, &error);
  FcConfigSetCurrent (saved);
  FcConfigDestroy (saved);

  g_assert_false (ok);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "DejaVu Sans"));
  g_assert_nonnull (strstr (error->message, "fonts-dejavu-core"));
  g_assert_false (g_file_test (f->pdf_path, G_FILE_TEST_EXISTS));
}

/* A disk that fills up in the middle of the annex: the export stops with
 * a sentence saying so, and leaves nothing behind, not even a temporary
 * file. The limit on the file size stands for the full disk. */
static void
test_plan_disk_full (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  struct rlimit old, small = { 64 * 1024, 0 };
  void (*old_handler) (int);
  guint n = 0;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  small.rlim_max = old.rlim_max;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  g_assert_false (cocrea_pdf_plan_export (document, f->pdf_path, NULL, NULL, NULL, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "larger than this disk can hold"));
  g_assert_null (strstr (error->message, "libharu"));

  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
test_plan_missing_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "plan.pdf", NULL);
  g_autoptr (GDir) dir = NULL;
  guint n = 0;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (cocrea_pdf_plan_export (document, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (cocrea_pdf_reasons_export (document, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);

  /* Nothing left behind: the folder holds the process file only. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static gboolean
record_progress (double fraction, const char *phase, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_nonnull (phase);
  *last = fraction;
  return TRUE;
}

/* Goes on for @data calls, then asks the export to stop. */
static gboolean
stop_after (double fraction, const char *phase, gpointer user_data)
{
  guint *calls_left = user_data;

  if (*calls_left == 0)
    return FALSE;
  (*calls_left)--;
  return TRUE;
}

/* A stopped export fails as cancelled at any phase, and leaves no file,
 * not even a half-written one beside it; an earlier PDF stays as it was. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  for (guint calls = 0; calls < 8; calls++)
    {
      g_autoptr (GDir) dir = NULL;
      guint left = calls, n = 0;
      gboolean ok;

      ok = cocrea_pdf_plan_export (document, f->pdf_path, stop_after, &left, NULL, &error);
      if (ok)
        {
          /* More calls than the phases: the export finished. */
          g_assert_cmpuint (calls, >=, 6);
          g_unlink (f->pdf_path);
          continue;
        }
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      dir = g_dir_open (f->dir, 0, NULL);
      while (g_dir_read_name (dir) != NULL)
        n++;
      g_assert_cmpuint (n, ==, 1);

      /* The demo's reasons report asks twice before it saves: at the
       * start and before saving. */
      left = calls;
      ok = cocrea_pdf_reasons_export (document, f->pdf_path, stop_after, &left, NULL, &error);
      g_assert_true (ok == (calls >= 2));
      if (!ok)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_false (g_file_test (f->pdf_path, G_FILE_TEST_EXISTS));
        }
      g_clear_error (&error);
      g_unlink (f->pdf_path);
    }

  /* Stopping does not touch a PDF already there. */
  g_assert_true (cocrea_pdf_plan_export (document, f->pdf_path, NULL, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (f->pdf_path, &before, &before_len, NULL));
  {
    guint left = 3;
    g_assert_false (cocrea_pdf_plan_export (document, f->pdf_path, stop_after, &left, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  g_assert_true (g_file_get_contents (f->pdf_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_reasons_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GPtrArray) reasons = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) warnings = NULL;
  double last = 0;
  int status = -1;

  if (skip_without_poppler ())
    return;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_pdf_reasons_export (document, f->pdf_path, record_progress, &last, &warnings,
                                            &error));
  g_assert_no_error (error);
  g_assert_null (warnings);
  g_assert_cmpfloat (last, ==, 1.0);

  text = pdf_text (f->pdf_path, 0, 0);
  titles = query_strings (f, "SELECT title FROM proposal WHERE merged_into_id IS NULL");
  g_assert_cmpuint (titles->len, >, 0);
  for (guint i = 0; i < titles->len; i++)
    assert_contains (text, g_ptr_array_index (titles, i));
  reasons = query_strings (f, "SELECT reason FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                              " WHERE p.merged_into_id IS NULL AND reason <> ''");
  g_assert_cmpuint (reasons->len, >, 0);
  for (guint i = 0; i < reasons->len; i++)
    assert_contains (text, g_ptr_array_index (reasons, i));
  assert_contains (text, cocrea_catalog_gettext (f->catalog, "Selected proposals"));
  assert_contains (text, cocrea_catalog_gettext (f->catalog, "Technical viability"));

  if (have_program ("qpdf"))
    {
      const char *argv[] = { "qpdf", "--check", f->pdf_path, NULL };
      g_spawn_sync (NULL, (char **) argv, NULL,
                    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

/* Exports the reasons report of the fixture's process; returns its text. */
static char *
export_reasons (Fixture *f, GStrv *warnings)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_pdf_reasons_export (document, f->pdf_path, NULL, NULL, warnings, &error));
  g_assert_no_error (error);
  return pdf_text (f->pdf_path, 0, 0);
}

/* The first @n words of @text: pdftotext may join the end of a cell's
 * line with the next column's, so long cells are looked up by their start. */
static char *
first_words (const char *text, guint n)
{
  g_auto (GStrv) words = g_strsplit (text, " ", n + 1);

  if (g_strv_length (words) > n)
    g_clear_pointer (&words[n], g_free);
  return g_strjoinv (" ", words);
}

/* The public consultation closes the reasons report: the window and
 * every comment with its answer, and nothing when there was none. */
static void
test_reasons_consultation (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) comments = NULL;
  g_autofree char *text = NULL;
  g_autofree char *short_window = NULL;
  g_auto (GStrv) warnings = NULL;
  const char *heading = cocrea_catalog_gettext (f->catalog, "Public consultation");

  if (skip_without_poppler ())
    return;

  text = export_reasons (f, NULL);
  assert_contains (text, heading);
  assert_contains (text, "2 de diciembre de 2019 – 13 de diciembre de 2019");
  assert_contains (text, cocrea_catalog_gettext (f->catalog, "Working days"));
  comments = query_strings (f, "SELECT text FROM consultation_comment UNION ALL"
                               " SELECT response_reason FROM consultation_comment");
  g_assert_cmpuint (comments->len, ==, 8);
  for (guint i = 0; i < comments->len; i++)
    {
      g_autofree char *start = first_words (g_ptr_array_index (comments, i), 4);
      assert_contains (text, start);
    }
  assert_contains (text, cocrea_catalog_gettext (f->catalog, "Partly accepted"));
  g_clear_pointer (&text, g_free);

  /* A window under 10 working days says so; a comment on no commitment
   * has a heading of its own; an emoji is replaced, with a warning. */
  edit_file (f, "UPDATE process SET consultation_closes = '2019-12-12';"
                " INSERT INTO consultation_comment (channel, received_on, text)"
                " VALUES ('email', '2019-12-04', 'Gracias por abrir el plan 🙌 a todos');");
  text = export_reasons (f, &warnings);
  short_window = g_strdup_printf (cocrea_catalog_gettext (f->catalog,
                                                          "%d, fewer than the %d that OGP asks for"),
                                  9, 10);
  assert_contains (text, short_window);
  assert_contains (text, cocrea_catalog_gettext (f->catalog, "Comments on the plan as a whole"));
  assert_contains (text, "Gracias por abrir el plan");
  g_assert_nonnull (warnings);
  g_clear_pointer (&text, g_free);

  /* No window and no comment: no section. */
  edit_file (f, "DELETE FROM consultation_comment;"
                " UPDATE process SET consultation_opens = NULL, consultation_closes = NULL;");
  text = export_reasons (f, NULL);
  g_assert_null (strstr (text, heading));
}

/* Resident memory of this process, in kilobytes. */
static glong
resident_kb (void)
{
  g_autofree char *statm = NULL;
  glong pages = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%ld %ld", &pages, &resident), ==, 2);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

/* A facilitator exports the draft again and again: a hundred exports in a
 * row must not grow the program. The sanitizer run (build-aux/run-tests.sh)
 * checks the same loop with LeakSanitizer; this bound catches growth in a
 * plain build too. A small process keeps it to seconds: the cost that
 * repeats is the fonts, the document and the writer's state. */
static void
test_plan_repeated (Fixture *f, gconstpointer data)
{
  g_autofree char *small = g_build_filename (f->dir, "small.cocrea", NULL);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  glong after_warmup = 0;

  document = cocrea_document_create (small, "Plan de prueba", "Renca", 2019, 2021, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 100; i++)
    {
      g_auto (GStrv) warnings = NULL;

      g_assert_true (cocrea_pdf_plan_export (document, f->pdf_path, NULL, NULL, &warnings, &error));
      g_assert_no_error (error);
      if (i == 9)
        after_warmup = resident_kb ();
    }

  g_test_message ("resident after 10 exports: %ld kB, after 100: %ld kB", after_warmup,
                  resident_kb ());
#ifndef __SANITIZE_ADDRESS__
  g_assert_cmpint (resident_kb () - after_warmup, <, 4096);
#else
  /* AddressSanitizer holds freed memory in quarantine, so resident size
   * grows whatever the code does; there LeakSanitizer checks at exit. */
#endif
}

/* The milestone tables show each milestone's follow-up status once any
 * progress was recorded, and look as before when none was. */
static void
test_plan_progress (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (GStrv) warnings = NULL;
  g_auto (GStrv) more_warnings = NULL;
  const char *done = cocrea_catalog_pgettext (f->catalog, "milestone status", "Done");
  const char *in_progress = cocrea_catalog_pgettext (f->catalog, "milestone status", "In progress");
  const char *not_started = cocrea_catalog_pgettext (f->catalog, "milestone status", "Not started");
  const char *overdue = cocrea_catalog_gettext (f->catalog, "Overdue");

  if (skip_without_poppler ())
    return;

  g_assert_cmpstr (done, ==, "Completado");
  edit_file (f, "DELETE FROM milestone_progress");
  warnings = export_plan (f);
  before = pdf_text (f->pdf_path, 0, 0);
  g_assert_null (strstr (before, done));
  g_assert_null (strstr (before, not_started));
  g_assert_null (strstr (before, overdue));

  /* Commitment 1: its first milestone done, its second (ended December
   * 2019) still in progress, so overdue; the rest never followed. */
  edit_file (f, "INSERT INTO milestone_progress (milestone_id, recorded_on, status, evidence)"
                " SELECT m.id, '2020-03-01', 'done', 'Acta' FROM milestone m JOIN commitment c"
                " ON c.id = m.commitment_id WHERE c.position = 1 AND m.position = 1;"
                " INSERT INTO milestone_progress (milestone_id, recorded_on, status)"
                " SELECT m.id, '2019-12-01', 'in-progress' FROM milestone m JOIN commitment c"
                " ON c.id = m.commitment_id WHERE c.position = 1 AND m.position = 2;"
                " UPDATE milestone SET ends_on = '2019-12' WHERE id = (SELECT m.id FROM milestone m"
                " JOIN commitment c ON c.id = m.commitment_id WHERE c.position = 1 AND"
                " m.position = 2)");
  more_warnings = export_plan (f);
  after = pdf_text (f->pdf_path, 0, 0);
  assert_contains (after, cocrea_catalog_gettext (f->catalog, "Status"));
  assert_contains (after, done);
  assert_contains (after, "1 de marzo de 2020");
  assert_contains (after, in_progress);
  assert_contains (after, "1 de diciembre de 2019");
  assert_contains (after, not_started);
  assert_contains (after, overdue);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf/plan/demo", test_plan_demo);
  ADD ("/pdf/plan/long-text", test_plan_long);
  ADD ("/pdf/plan/emoji", test_plan_emoji);
  ADD ("/pdf/plan/right-to-left", test_plan_right_to_left);
  ADD ("/pdf/plan/fallback-font", test_plan_fallback_font);
  ADD ("/pdf/plan/huge-texts", test_plan_huge_texts);
  ADD ("/pdf/plan/disk-full", test_plan_disk_full);
  ADD ("/pdf/plan/no-fonts", test_plan_no_fonts);
  ADD ("/pdf/plan/missing-folder", test_plan_missing_folder);
  ADD ("/pdf/cancel", test_cancel);
  ADD ("/pdf/reasons/demo", test_reasons_demo);
  ADD ("/pdf/reasons/consultation", test_reasons_consultation);
  ADD ("/pdf/plan/repeated", test_plan_repeated);
  ADD ("/pdf/plan/progress", test_plan_progress);
#undef ADD

  return g_test_run ();
}
