/* test-pdf-form.c — the PDF writer's form primitives: text, boxes, lines
 * and filled rectangles at fixed places, as paper sheets draw them
 *
 * The page is read back as poppler reads it: its text with pdftotext,
 * its structure with qpdf --check, and its ink by rendering it (pdftoppm)
 * and looking at the pixels where the form put black and where it did not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-pdf-writer.h"
#include "test-tools.h"

/* The grey level (0 black, 255 white) of the pixel at @x, @y points from
 * the top-left corner of page 1 of @pdf, rendered at 72 dpi. */
static guint
grey_at (const char *pdf, const char *dir, double x, double y)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *pgm = g_strconcat (prefix, ".pgm", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  int width = 0, height = 0, max = 0, consumed = 0;
  const char *argv[] = { "pdftoppm", "-gray", "-r", "72", "-singlefile", pdf, prefix, NULL };

  g_free (test_run (argv));
  g_assert_true (g_file_get_contents (pgm, &data, &length, NULL));
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", &width, &height, &max, &consumed), ==, 3);
  consumed++; /* the one whitespace after the header */
  g_assert_cmpint ((int) x, <, width);
  g_assert_cmpint ((int) y, <, height);
  return (guint8) data[consumed + (int) y * width + (int) x];
}

static void
test_form (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cocrea-pdf-form-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "form.pdf", NULL);
  g_autoptr (CocreaPdfWriter) writer = NULL;
  g_autofree char *text = NULL;
  double height, width;
  /* Two squares of a checkerboard: 20 pt each, at (100, 300) and (120, 320). */
  const double squares[] = { 100, 300, 20, 20, 120, 320, 20, 20 };

  if (!test_have_programs ("pdftotext", "pdftoppm", "qpdf", NULL))
    {
      g_test_skip ("poppler-utils or qpdf is not installed");
      return;
    }

  writer = cocrea_pdf_writer_new (path, &error);
  g_assert_no_error (error);
  cocrea_pdf_writer_new_page (writer);

  height = cocrea_pdf_writer_form_text (writer, 40, 40, 200,
                                        "Hoja de registro de la mesa 3, una línea que se parte en dos",
                                        12, COCREA_PDF_TEXT_BOLD);
  /* Wrapped onto whole lines of 12 pt with a 1.28 leading, more than one. */
  g_assert_cmpfloat (height, >=, 2 * 12 * 1.28 - 1e-9);
  g_assert_cmpfloat_with_epsilon (height / (12 * 1.28), round (height / (12 * 1.28)), 1e-9);
  width = cocrea_pdf_writer_form_text_width (writer, "Mesa", 12, COCREA_PDF_TEXT_NORMAL);
  g_assert_cmpfloat (width, >, 20);
  g_assert_cmpfloat (width, <, 40);
  cocrea_pdf_writer_form_box (writer, 300, 100, 50, 50, 2);
  cocrea_pdf_writer_form_line (writer, 40, 200, 500, 200, 1, 0);
  cocrea_pdf_writer_form_fill (writer, squares, 2);
  cocrea_pdf_writer_save (writer, &error);
  g_assert_no_error (error);

  text = test_pdf_page_text (path, 1);
  g_assert_nonnull (strstr (text, "Hoja de registro"));
  g_assert_nonnull (strstr (text, "se parte en"));
  test_assert_qpdf_clean (path);

  /* Ink where the form drew it, paper elsewhere. */
  g_assert_cmpuint (grey_at (path, dir, 110, 310), <, 60);   /* first square */
  g_assert_cmpuint (grey_at (path, dir, 130, 330), <, 60);   /* second square */
  g_assert_cmpuint (grey_at (path, dir, 130, 310), >, 200);  /* the white between */
  g_assert_cmpuint (grey_at (path, dir, 300.5, 125), <, 128); /* the box's left side */
  g_assert_cmpuint (grey_at (path, dir, 325, 125), >, 200);  /* inside the box */
  g_assert_cmpuint (grey_at (path, dir, 250, 200), <, 128);  /* the line */
  g_assert_cmpuint (grey_at (path, dir, 250, 210), >, 200);  /* below it */

  g_unlink (path);
  {
    g_autofree char *pgm = g_build_filename (dir, "page.pgm", NULL);
    g_unlink (pgm);
  }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-form/primitives", test_form);
  return g_test_run ();
}
