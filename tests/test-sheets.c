/* test-sheets.c — paper sheets and their codes
 *
 * Codes: a code made for a table group reads back to that group, however
 * it is typed; every single mistyped character and every swap of two
 * neighbours is caught; a sheet of another process, or of a group gone
 * since, is refused. Sheets: each kind is written on the Renca demo and
 * read back as poppler and a scanner read it: its text (pdftotext, in
 * Spanish, the process's language), qpdf --check, and its QR codes
 * decoded with zbarimg and resolved to the right activity, group and page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-csv-import.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-pdf-sheets.h"
#include "cocrea-sheet-code.h"
#include "test-tools.h"
#include "test-process.h"

#define WORKSHOP 3 /* the demo's workshop: 82 people at 8 tables */
#define SURVEY 2   /* no table groups */

typedef TestProcess Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_demo (f, "renca.cocrea", COCREA_OPEN_DEFAULT);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

/* The id of group number @position (from 1) of the workshop. */
static gint64
workshop_group (Fixture *f, guint position)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) groups = cocrea_group_list (f->document, WORKSHOP, &error);
  g_autoptr (CocreaGroup) group = NULL;

  g_assert_no_error (error);
  group = g_list_model_get_item (groups, position - 1);
  return cocrea_group_get_id (group);
}

static char *
code_for_group (Fixture *f, gint64 group_id)
{
  g_autoptr (GError) error = NULL;
  CocreaSheetCode code;

  g_assert_true (cocrea_sheet_code_make (f->document, COCREA_SHEET_CAPTURE, WORKSHOP, group_id, 1, &code,
                                         &error));
  g_assert_no_error (error);
  return cocrea_sheet_code_format (&code);
}

/* Made, printed and read back: the same activity, group and page, typed
 * in lower case, with spaces, or with "'" where a scanner set for another
 * keyboard types "-". */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  gint64 group = workshop_group (f, 3);
  g_autofree char *text = code_for_group (f, group);
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autofree char *spaced = g_strdup (text);
  g_autofree char *scanned = g_strdup (text);
  const char *variants[] = { text, lower, spaced, scanned };
  g_autofree char *tag = NULL;

  g_strdelimit (spaced, "-", ' ');
  g_strdelimit (scanned, "-", '\'');
  tag = cocrea_sheet_process_tag (f->document, NULL);
  g_assert_true (g_str_has_prefix (text, "C"));
  g_assert_true (g_str_has_prefix (text + 1, tag));

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr (GError) error = NULL;
      CocreaSheetCode code;

      g_test_message ("%s", variants[i]);
      g_assert_true (cocrea_sheet_code_looks_like (variants[i]));
      g_assert_true (cocrea_sheet_code_resolve (f->document, variants[i], &code, &error));
      g_assert_no_error (error);
      g_assert_cmpint (code.kind, ==, COCREA_SHEET_CAPTURE);
      g_assert_cmpint (code.activity_id, ==, WORKSHOP);
      g_assert_cmpint (code.group_id, ==, group);
      g_assert_cmpuint (code.page, ==, 1);
    }

  /* Proposals are not codes, even with numbers in them. */
  g_assert_false (cocrea_sheet_code_looks_like ("Plaza 3-4 en la villa 12"));
  g_assert_false (cocrea_sheet_code_looks_like (""));
  g_assert_false (cocrea_sheet_code_looks_like ("C12-3-4-5-6"));
}

/* Every character replaced by another that could stand there, and every
 * two neighbours swapped, fails the check (or the shape). */
static void
test_typos (Fixture *f, gconstpointer data)
{
  g_autofree char *text = code_for_group (f, workshop_group (f, 7));
  const char *others = "0123456789ABCDEFGHJKMNPQRSTVWXY";
  guint tried = 0;

  for (gsize i = 0; text[i] != '\0'; i++)
    {
      if (text[i] == '-')
        continue;
      for (const char *c = others; *c != '\0'; c++)
        {
          g_autofree char *typo = g_strdup (text);
          CocreaSheetCode code;

          if (*c == text[i])
            continue;
          typo[i] = *c;
          g_assert_false (cocrea_sheet_code_parse (typo, &code, NULL));
          tried++;
        }
      if (text[i + 1] != '\0' && text[i + 1] != text[i])
        {
          g_autofree char *swapped = g_strdup (text);
          CocreaSheetCode code;

          swapped[i] = text[i + 1];
          swapped[i + 1] = text[i];
          g_assert_false (cocrea_sheet_code_parse (swapped, &code, NULL));
          tried++;
        }
    }
  g_test_message ("%u mistyped codes refused", tried);
  g_assert_cmpuint (tried, >, 200);

  {
    g_autoptr (GError) error = NULL;
    CocreaSheetCode code;

    g_assert_false (cocrea_sheet_code_parse ("no es un código", &code, &error));
    g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  }
}

/* A sheet printed for another process is refused, and says so; so is one
 * whose group was deleted since, or that names another activity's group. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "otro.cocrea", NULL);
  g_autoptr (CocreaDocument) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *mine = code_for_group (f, workshop_group (f, 2));
  g_autofree char *theirs = NULL;
  CocreaSheetCode code;

  /* The same demo, but another process: another uuid, another tag. */
  cocrea_demo_write (other_path, &error);
  g_assert_no_error (error);
  other = cocrea_document_open (other_path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cocrea_db_exec (cocrea_document_get_db (other),
                  "UPDATE process SET uuid = CASE WHEN substr(uuid, 1, 4) = 'abcd' THEN 'dcba' ELSE 'abcd' END"
                  " || substr(uuid, 5)",
                  &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_sheet_code_make (other, COCREA_SHEET_CAPTURE, WORKSHOP, workshop_group (f, 2), 1,
                                         &code, &error));
  theirs = cocrea_sheet_code_format (&code);
  g_assert_cmpstr (theirs, !=, mine);

  g_assert_false (cocrea_sheet_code_resolve (f->document, theirs, &code, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another process"));
  g_clear_error (&error);
  g_assert_true (cocrea_sheet_code_resolve (other, theirs, &code, &error));
  g_assert_no_error (error);

  /* A table of the workshop named as if it were the survey's. */
  g_assert_true (cocrea_sheet_code_make (f->document, COCREA_SHEET_CAPTURE, SURVEY, workshop_group (f, 2), 1,
                                         &code, &error));
  {
    g_autofree char *wrong = cocrea_sheet_code_format (&code);
    g_assert_false (cocrea_sheet_code_resolve (f->document, wrong, &code, &error));
    g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The group is deleted after its sheet was printed. */
  cocrea_db_exec (cocrea_document_get_db (f->document), "PRAGMA foreign_keys = OFF", &error);
  cocrea_db_exec (cocrea_document_get_db (f->document), "DELETE FROM table_group WHERE name = 'Mesa 2'", &error);
  g_assert_no_error (error);
  g_assert_false (cocrea_sheet_code_resolve (f->document, mine, &code, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
}

/* ---- the PDFs ---- */

static gboolean
skip_without_tools (void)
{
  if (test_have_programs ("pdftotext", "pdftoppm", "qpdf", "zbarimg", NULL))
    return FALSE;
  g_test_skip ("poppler-utils, qpdf or zbar-tools is not installed");
  return TRUE;
}

/* What a scanner reads off page @page of @pdf: the QR code's text. */
static char *
scan_page (Fixture *f, const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *prefix = g_build_filename (f->dir, "scan", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *render[] = { "pdftoppm", "-png", "-r", "100", "-singlefile", "-f", number, "-l", number, pdf,
                           prefix, NULL };
  const char *scan[] = { "zbarimg", "-q", "--raw", png, NULL };
  g_autofree char *out = NULL;

  g_free (test_run (render));
  out = test_run (scan);
  g_unlink (png);
  return g_strstrip (g_steal_pointer (&out));
}

/* One page per table, each with its group, the code as text and as a QR
 * code that reads back to that table. */
static void
test_capture_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "captura.pdf", NULL);
  g_autoptr (GError) error = NULL;
  guint n_pages = 0;

  if (skip_without_tools ())
    return;

  g_assert_true (cocrea_pdf_sheets_capture (f->document, WORKSHOP, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 8);
  test_assert_qpdf_clean (pdf);

  for (guint page = 1; page <= 8; page += 5)
    {
      gint64 group = workshop_group (f, page);
      g_autofree char *expected = code_for_group (f, group);
      g_autofree char *text = test_pdf_page_text (pdf, page);
      g_autofree char *mesa = g_strdup_printf ("Mesa: Mesa %u", page);
      g_autofree char *scanned = scan_page (f, pdf, page);
      CocreaSheetCode code;

      g_assert_nonnull (strstr (text, "Propuestas de la mesa"));
      g_assert_nonnull (strstr (text, mesa));
      g_assert_nonnull (strstr (text, "Taller de generación de propuestas de compromisos"));
      g_assert_nonnull (strstr (text, "26 de marzo de 2019"));
      g_assert_nonnull (strstr (text, "Rendición de cuentas"));
      g_assert_nonnull (strstr (text, expected));
      g_assert_cmpstr (scanned, ==, expected);
      g_assert_true (cocrea_sheet_code_resolve (f->document, scanned, &code, &error));
      g_assert_no_error (error);
      g_assert_cmpint (code.group_id, ==, group);
    }

  /* An activity without tables: one sheet, the table left to write in. */
  g_assert_true (cocrea_pdf_sheets_capture (f->document, SURVEY, pdf, &n_pages, &error));
  g_assert_cmpuint (n_pages, ==, 1);
  {
    g_autofree char *text = test_pdf_page_text (pdf, 1);
    g_assert_nonnull (strstr (text, "Mesa: ____"));
  }

  g_assert_false (cocrea_pdf_sheets_capture (f->document, 999, pdf, &n_pages, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
}

/* Enough pages for the 82 people, rows numbered on from page to page, and
 * each page's own code. */
static void
test_attendance_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "asistencia.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *scanned = NULL;
  g_autofree char *row = NULL;
  CocreaSheetCode code;
  guint n_pages = 0;

  if (skip_without_tools ())
    return;

  g_assert_true (cocrea_pdf_sheets_attendance (f->document, WORKSHOP, 0, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, (82 + COCREA_SHEETS_ATTENDANCE_ROWS - 1) / COCREA_SHEETS_ATTENDANCE_ROWS);
  test_assert_qpdf_clean (pdf);

  text = test_pdf_page_text (pdf, 2);
  g_assert_nonnull (strstr (text, "Registro de asistencia e inclusión"));
  g_assert_nonnull (strstr (text, "Consentimiento"));
  g_assert_nonnull (strstr (text, "Nombre (opcional)"));
  g_assert_nonnull (strstr (text, "Mujer"));
  g_assert_nonnull (strstr (text, "Migrante"));
  g_assert_nonnull (strstr (text, "Acepto"));
  row = g_strdup_printf (" %u ", COCREA_SHEETS_ATTENDANCE_ROWS + 1);
  g_assert_nonnull (strstr (text, row));

  scanned = scan_page (f, pdf, 2);
  g_assert_true (cocrea_sheet_code_resolve (f->document, scanned, &code, &error));
  g_assert_no_error (error);
  g_assert_cmpint (code.kind, ==, COCREA_SHEET_ATTENDANCE);
  g_assert_cmpint (code.activity_id, ==, WORKSHOP);
  g_assert_cmpuint (code.page, ==, 2);

  g_assert_true (cocrea_pdf_sheets_attendance (f->document, WORKSHOP, 1, pdf, &n_pages, &error));
  g_assert_cmpuint (n_pages, ==, 1);
}

/* Every shortlisted proposal with every criterion and its scale; the code
 * names a known evaluator, and leaves a new one to the written name. */
static void
test_scoring_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "evaluacion.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  g_autofree char *scanned = NULL;
  CocreaSheetCode code;
  guint n_pages = 0;

  if (skip_without_tools ())
    return;

  g_assert_true (cocrea_pdf_sheets_scoring (f->document, "Grupo 2 – SECPLAN", pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  test_assert_qpdf_clean (pdf);
  first = test_pdf_page_text (pdf, 1);
  g_assert_nonnull (strstr (first, "Hoja de evaluación de viabilidad"));
  g_assert_nonnull (strstr (first, "Evaluador/a: Grupo 2 – SECPLAN"));
  g_assert_nonnull (strstr (first, "Viabilidad técnica (de 1 a 5)"));
  g_assert_nonnull (strstr (first, "Foro Regular de Gobierno Abierto"));
  {
    g_autofree char *second = test_pdf_page_text (pdf, 2);
    all = g_strconcat (first, " ", second, NULL);
  }
  /* The eight shortlisted proposals, numbered. */
  g_assert_nonnull (strstr (all, " 8. "));
  g_assert_null (strstr (all, " 9. "));

  scanned = scan_page (f, pdf, 2);
  g_assert_true (cocrea_sheet_code_resolve (f->document, scanned, &code, &error));
  g_assert_no_error (error);
  g_assert_cmpint (code.kind, ==, COCREA_SHEET_SCORING);
  g_assert_cmpint (code.evaluator_id, ==, 2);
  g_assert_cmpuint (code.page, ==, 2);

  g_assert_true (cocrea_pdf_sheets_scoring (f->document, "Alguien nuevo", pdf, &n_pages, &error));
  g_clear_pointer (&scanned, g_free);
  scanned = scan_page (f, pdf, 1);
  g_assert_true (cocrea_sheet_code_parse (scanned, &code, &error));
  g_assert_cmpint (code.evaluator_id, ==, 0);

  /* Nothing shortlisted: nothing to score. */
  cocrea_db_exec (cocrea_document_get_db (f->document), "DELETE FROM decision", &error);
  g_assert_no_error (error);
  g_assert_false (cocrea_pdf_sheets_scoring (f->document, NULL, pdf, &n_pages, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
}

static guint
count_in_group (Fixture *f, gint64 group, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contribution WHERE group_id = %" G_GINT64_FORMAT
                                          " AND text = '%s'", group, text);
  gint64 n = -1;

  g_assert_true (cocrea_db_query_int (cocrea_document_get_db (f->document), sql, &n, &error));
  g_assert_no_error (error);
  return (guint) n;
}

/* A spreadsheet typed from sheets: each row goes to its sheet's table,
 * however the code was typed. A code of another process, or a row whose
 * group cell says another table, fails the whole import, naming the line. */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "hojas.csv", NULL);
  gint64 three = workshop_group (f, 3), five = workshop_group (f, 5);
  g_autofree char *code3 = code_for_group (f, three);
  g_autofree char *code5_typed = code_for_group (f, five);
  g_autofree char *code5 = g_ascii_strdown (code5_typed, -1);
  g_autofree char *content = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  content = g_strdup_printf ("hoja;propuesta;mesa\n"
                             "%s;Luminarias en la plaza del sector norte;\n"
                             "%s;Un consejo de jóvenes con presupuesto;Mesa 5\n",
                             code3, code5);
  g_assert_true (g_file_set_contents (csv, content, -1, NULL));
  g_assert_true (cocrea_csv_import (f->document, csv, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (count_in_group (f, three, "Luminarias en la plaza del sector norte"), ==, 1);
  g_assert_cmpuint (count_in_group (f, five, "Un consejo de jóvenes con presupuesto"), ==, 1);

  /* The group cell names another table than the sheet. */
  g_clear_pointer (&content, g_free);
  content = g_strdup_printf ("sheet,text,group\n%s,Otra propuesta,Mesa 4\n", code3);
  g_assert_true (g_file_set_contents (csv, content, -1, NULL));
  g_assert_false (cocrea_csv_import (f->document, csv, &n, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "Mesa 3"));
  g_clear_error (&error);

  /* One code mistyped on line 3: nothing of the file is added. */
  g_clear_pointer (&content, g_free);
  content = g_strdup_printf ("hoja;propuesta\n%s;Primera\nC0000-3-1-1-0;Segunda\n", code3);
  g_assert_true (g_file_set_contents (csv, content, -1, NULL));
  g_assert_false (cocrea_csv_import (f->document, csv, &n, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "3: "));
  g_assert_nonnull (strstr (error->message, "does not check out"));
  g_assert_cmpuint (count_in_group (f, three, "Primera"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheets/code/round-trip", test_round_trip);
  ADD ("/sheets/code/typos", test_typos);
  ADD ("/sheets/code/refused", test_refused);
  ADD ("/sheets/import", test_import);
  ADD ("/sheets/pdf/capture", test_capture_pdf);
  ADD ("/sheets/pdf/attendance", test_attendance_pdf);
  ADD ("/sheets/pdf/scoring", test_scoring_pdf);
#undef ADD
  return g_test_run ();
}
