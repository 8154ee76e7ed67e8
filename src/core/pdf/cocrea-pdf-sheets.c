/* cocrea-pdf-sheets.c
 *
 * Forms for tables without a laptop, for the door and for evaluators:
 * drawn at fixed places with the writer's form primitives, so each sheet
 * is exactly the pages it says. Black on white only, thick enough to
 * photocopy; tick boxes are drawn squares, not glyphs a font may lack.
 *
 * Every page carries its sheet code twice: as text to type, and as a QR
 * code (libqrencode, drawn as vector squares) for a barcode reader that
 * types it into Capture. Words are in the process's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "cocrea-activity.h"
#include "cocrea-catalog.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-evaluator.h"
#include "cocrea-group.h"
#include "cocrea-pdf-labels.h"
#include "cocrea-pdf-sheets.h"
#include "cocrea-pdf-writer.h"
#include "cocrea-sheet-code.h"
#include "cocrea-types.h"

#define PAGE_W COCREA_PDF_PAGE_WIDTH
#define PAGE_H COCREA_PDF_PAGE_HEIGHT
#define MARGIN 40.0
#define INNER_W (PAGE_W - 2 * MARGIN)
#define QR_SIZE 84.0
#define FOOTER_TOP (PAGE_H - 34.0)
#define BODY_BOTTOM (PAGE_H - 48.0)
#define BOX 8.5
/* A capture page holds this many proposals: groups of 7 to 12 people
 * bring two or three each, and the sheet must fit one page. */
#define CAPTURE_ENTRIES 7

typedef struct {
  CocreaDocument *document;
  CocreaCatalog *catalog;
  CocreaPdfWriter *writer;
  CocreaProcessInfo *info;
} Sheets;

/* Looks @s up in the process's language; mark the literal with N_(). */
#define T(s) cocrea_catalog_gettext (self->catalog, (s))

static void
sheets_clear (Sheets *self)
{
  g_clear_pointer (&self->writer, cocrea_pdf_writer_free);
  g_clear_pointer (&self->catalog, cocrea_catalog_free);
  g_clear_pointer (&self->info, cocrea_process_info_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheets, sheets_clear)

/* Starts @path for @document's sheets titled @title. */
static gboolean
sheets_begin (Sheets *self, CocreaDocument *document, const char *path, const char *title,
              GError **error)
{
  self->document = document;
  self->info = cocrea_document_get_process (document, error);
  if (self->info == NULL)
    return FALSE;
  self->catalog = cocrea_catalog_new_for_language (self->info->language);
  self->writer = cocrea_pdf_writer_new (path, error);
  if (self->writer == NULL)
    return FALSE;
  {
    g_autofree char *full = g_strdup_printf ("%s — %s", T (title), self->info->title);
    cocrea_pdf_writer_set_title (self->writer, full);
  }
  return TRUE;
}

/* Saves the sheets; *@n_pages (when given) gets how many pages they took. */
static gboolean
sheets_save (Sheets *self, guint *n_pages, GError **error)
{
  if (n_pages != NULL)
    *n_pages = cocrea_pdf_writer_get_n_pages (self->writer);
  return cocrea_pdf_writer_save (self->writer, error);
}

/*
 * draw_qr:
 * Draws @text as a QR code @size points wide, top-left at @x, @top: each
 * dark module a filled square. The quiet zone around it (four modules)
 * is the caller's to keep clear. FALSE with @error set when libqrencode
 * cannot encode it.
 */
static gboolean
draw_qr (Sheets *self, const char *text, double x, double top, double size, GError **error)
{
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_autoptr (GArray) squares = NULL;
  double module;

  if (qr == NULL)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("Could not make the QR code of the sheet code “%s”"), text);
      return FALSE;
    }
  squares = g_array_new (FALSE, FALSE, sizeof (double));
  module = size / qr->width;
  for (int row = 0; row < qr->width; row++)
    for (int column = 0; column < qr->width; column++)
      if (qr->data[row * qr->width + column] & 1)
        {
          /* A hair wider than a module, so neighbours join without seams. */
          double square[4] = { x + column * module, top + row * module, module + 0.02, module + 0.02 };
          g_array_append_vals (squares, square, 4);
        }
  cocrea_pdf_writer_form_fill (self->writer, (const double *) squares->data, squares->len / 4);
  QRcode_free (qr);
  return TRUE;
}

/* A tick box with @label after it, at @x, @top; returns the width used. */
static double
tick_box (Sheets *self, double x, double top, const char *label, double size)
{
  cocrea_pdf_writer_form_box (self->writer, x, top + 0.5, BOX, BOX, 0.9);
  cocrea_pdf_writer_form_text (self->writer, x + BOX + 3, top, 400, label, size, COCREA_PDF_TEXT_NORMAL);
  return BOX + 3 + cocrea_pdf_writer_form_text_width (self->writer, label, size, COCREA_PDF_TEXT_NORMAL);
}

/*
 * draw_header:
 * Starts a page with the sheet's @heading, the process, the @lines under
 * it (NULL-terminated; the last one large, as the table's name is) and
 * the code, as text and QR, at the top right. Returns where the page's
 * body may start, or a negative value with @error set.
 */
static double
draw_header (Sheets *self, const CocreaSheetCode *code, const char *heading,
             const char *const *lines, gboolean last_large, GError **error)
{
  g_autofree char *code_text = cocrea_sheet_code_format (code);
  double text_w = INNER_W - QR_SIZE - 18;
  double qr_x = PAGE_W - MARGIN - QR_SIZE;
  double y = MARGIN;
  g_autofree char *process = NULL;

  cocrea_pdf_writer_new_page (self->writer);

  y += cocrea_pdf_writer_form_text (self->writer, MARGIN, y, text_w, heading, 16, COCREA_PDF_TEXT_BOLD);
  process = g_strdup_printf ("%s · %s", self->info->title, self->info->municipality);
  y += cocrea_pdf_writer_form_text (self->writer, MARGIN, y + 2, text_w, process, 9.5, COCREA_PDF_TEXT_NORMAL) + 2;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean large = last_large && lines[i + 1] == NULL;
      y += cocrea_pdf_writer_form_text (self->writer, MARGIN, y + (large ? 6 : 1), text_w, lines[i],
                                        large ? 20 : 10, large ? COCREA_PDF_TEXT_BOLD : COCREA_PDF_TEXT_NORMAL);
      y += large ? 6 : 1;
    }

  if (!draw_qr (self, code_text, qr_x, MARGIN, QR_SIZE, error))
    return -1;
  /* The code under the QR, large enough to type from across a table. */
  cocrea_pdf_writer_form_text (self->writer, qr_x - 20, MARGIN + QR_SIZE + 6, QR_SIZE + 40, code_text, 10.5,
                               COCREA_PDF_TEXT_BOLD | COCREA_PDF_TEXT_CENTER);

  y = MAX (y, MARGIN + QR_SIZE + 22) + 6;
  cocrea_pdf_writer_form_line (self->writer, MARGIN, y, PAGE_W - MARGIN, y, 1.2, 0);
  return y + 8;
}

/* The line at the foot of every page: the code again, and the page. */
static void
draw_footer (Sheets *self, const CocreaSheetCode *code, guint index, guint count)
{
  g_autofree char *code_text = cocrea_sheet_code_format (code);
  /* TRANSLATORS: the foot of a paper sheet, "Sheet code C4F2A-3-12-1-K · sheet 3 of 8" */
  g_autofree char *footer = g_strdup_printf (T (N_("Sheet code %s · sheet %u of %u")), code_text, index,
                                             count);

  cocrea_pdf_writer_form_line (self->writer, MARGIN, FOOTER_TOP - 6, PAGE_W - MARGIN, FOOTER_TOP - 6, 0.6,
                               0);
  cocrea_pdf_writer_form_text (self->writer, MARGIN, FOOTER_TOP, INNER_W, footer, 8.5, COCREA_PDF_TEXT_NORMAL);
}

/* "Name · 26 March 2019 · Place", what is known of the activity. */
static char *
activity_line (Sheets *self, CocreaActivity *activity)
{
  g_autofree char *date = cocrea_pdf_format_date (self->catalog, cocrea_activity_get_held_on (activity));
  GString *line = g_string_new (cocrea_activity_get_name (activity));

  if (*date != '\0')
    g_string_append_printf (line, " · %s", date);
  if (*cocrea_activity_get_place (activity) != '\0')
    g_string_append_printf (line, " · %s", cocrea_activity_get_place (activity));
  return g_string_free (line, FALSE);
}

/* ---- capture: one page per table group ---- */

/*
 * draw_capture_entry:
 * Proposal @number: its number, three ruled lines to write on, and at
 * the right the boxes to tick for its origin and OGP axes.
 */
static void
draw_capture_entry (Sheets *self, guint number, double top, double height)
{
  const double right_w = 150;
  double right_x = PAGE_W - MARGIN - right_w;
  double write_x = MARGIN + 26;
  g_autofree char *n = g_strdup_printf ("%u", number);
  double y;

  cocrea_pdf_writer_form_text (self->writer, MARGIN, top + 6, 22, n, 14, COCREA_PDF_TEXT_BOLD);
  for (guint l = 1; l <= 3; l++)
    {
      double line_y = top + height * l / 3.6 + 8;
      cocrea_pdf_writer_form_line (self->writer, write_x, line_y, right_x - 12, line_y, 0.7, 0.45);
    }

  y = top + 5;
  cocrea_pdf_writer_form_text (self->writer, right_x, y, right_w, T (N_("Origin")), 7.5, COCREA_PDF_TEXT_BOLD);
  y += 10;
  {
    double x = right_x;
    x += tick_box (self, x, y, cocrea_pdf_label_origin (self->catalog, "community"), 7.5) + 8;
    tick_box (self, x, y, cocrea_pdf_label_origin (self->catalog, "municipal"), 7.5);
  }
  y += 13;
  cocrea_pdf_writer_form_text (self->writer, right_x, y, right_w, T (N_("OGP axes")), 7.5, COCREA_PDF_TEXT_BOLD);
  y += 10;
  for (guint a = 0; a < COCREA_N_AXES; a++)
    {
      g_autofree char *axis = cocrea_pdf_label_axes (self->catalog, 1u << a);
      tick_box (self, right_x, y, axis, 7.5);
      y += 11;
    }

  cocrea_pdf_writer_form_line (self->writer, MARGIN, top + height, PAGE_W - MARGIN, top + height, 0.8, 0);
}

static gboolean
draw_capture_page (Sheets *self, CocreaActivity *activity, gint64 group_id, const char *group_name,
                   guint index, guint count, GError **error)
{
  CocreaSheetCode code;
  g_autofree char *place = activity_line (self, activity);
  g_autofree char *group = NULL;
  const char *lines[3];
  double top, entry_h;

  if (!cocrea_sheet_code_make (self->document, COCREA_SHEET_CAPTURE, cocrea_activity_get_id (activity),
                               group_id, 1, &code, error))
    return FALSE;

  /* TRANSLATORS: the table's name on a paper sheet, "Group: Mesa 3" */
  group = group_name != NULL ? g_strdup_printf (T (N_("Group: %s")), group_name)
                             : g_strdup (T (N_("Group: ______________________")));
  lines[0] = place;
  lines[1] = group;
  lines[2] = NULL;
  top = draw_header (self, &code, T (N_("Proposals of the table")), lines, TRUE, error);
  if (top < 0)
    return FALSE;

  top += cocrea_pdf_writer_form_text (self->writer, MARGIN, top, INNER_W,
                                      T (N_("Write one proposal in each box, in clear letters, and tick its "
                                            "origin and the open government axes it touches. Whoever types "
                                            "it in: type or scan this sheet’s code in Capture first.")),
                                      8.5, COCREA_PDF_TEXT_NORMAL) + 4;
  cocrea_pdf_writer_form_line (self->writer, MARGIN, top, PAGE_W - MARGIN, top, 0.8, 0);
  entry_h = (BODY_BOTTOM - top) / CAPTURE_ENTRIES;
  for (guint i = 0; i < CAPTURE_ENTRIES; i++)
    draw_capture_entry (self, i + 1, top + i * entry_h, entry_h);

  draw_footer (self, &code, index, count);
  return TRUE;
}

/*
 * cocrea_pdf_sheets_capture:
 * Writes to @path one capture sheet per table group of activity
 * @activity_id (one sheet with the group left to write in when it has
 * none), in the process's language. *@n_pages gets the page count.
 * Fails with COCREA_ERROR_NOT_FOUND for an unknown activity, or
 * COCREA_ERROR_IO when the file cannot be written.
 */
gboolean
cocrea_pdf_sheets_capture (CocreaDocument *document, gint64 activity_id, const char *path,
                           guint *n_pages, GError **error)
{
  g_auto (Sheets) sheets = { 0 };
  Sheets *self = &sheets;
  g_autoptr (CocreaActivity) activity = NULL;
  g_autoptr (GListModel) groups = NULL;
  guint n;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  activity = cocrea_activity_lookup (document, activity_id, error);
  if (activity == NULL)
    return FALSE;
  groups = cocrea_group_list (document, activity_id, error);
  if (groups == NULL || !sheets_begin (self, document, path, N_("Proposal sheets"), error))
    return FALSE;

  n = g_list_model_get_n_items (groups);
  if (n == 0 && !draw_capture_page (self, activity, 0, NULL, 1, 1, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CocreaGroup) group = g_list_model_get_item (groups, i);

      if (!draw_capture_page (self, activity, cocrea_group_get_id (group), cocrea_group_get_name (group),
                              i + 1, n, error))
        return FALSE;
    }
  return sheets_save (self, n_pages, error);
}

/* ---- attendance: the register at the door ---- */

/*
 * draw_attendance_page:
 * Page @page of @pages of the register: the consent, then numbered rows
 * (continuing from the page before) with an optional name and a box per
 * inclusion group and for consent, and a row for the page's totals.
 */
static gboolean
draw_attendance_page (Sheets *self, CocreaActivity *activity, guint page, guint pages, GError **error)
{
  /* The columns after the number and the name: the five groups, then consent. */
  const char *columns[] = {
    T (N_("Woman")), T (N_("Young person (15 to 29)")), T (N_("Migrant")),
    T (N_("Indigenous people")), T (N_("Person with a disability")), T (N_("I consent")),
  };
  const double number_w = 24, tick_w = 54;
  double name_w = INNER_W - number_w - G_N_ELEMENTS (columns) * tick_w;
  CocreaSheetCode code;
  g_autofree char *place = activity_line (self, activity);
  const char *lines[] = { place, NULL };
  double top, header_h = 30, row_h;
  guint rows = COCREA_SHEETS_ATTENDANCE_ROWS;

  if (!cocrea_sheet_code_make (self->document, COCREA_SHEET_ATTENDANCE, cocrea_activity_get_id (activity), 0,
                               page, &code, error))
    return FALSE;
  top = draw_header (self, &code, T (N_("Attendance and inclusion register")), lines, FALSE, error);
  if (top < 0)
    return FALSE;

  top += cocrea_pdf_writer_form_text (self->writer, MARGIN, top, INNER_W,
                                      T (N_("Consent: these answers are used only to count how many people "
                                            "took part and how many of them belong to the groups this process "
                                            "seeks to include, as the Open Government Partnership asks. Names "
                                            "are never published, and writing yours is optional. Tick “I "
                                            "consent” to let your row be counted; a row without that tick is "
                                            "left out.")),
                                      8.5, COCREA_PDF_TEXT_NORMAL) + 6;

  /* Header row: the column names, wrapped in their narrow columns. */
  cocrea_pdf_writer_form_box (self->writer, MARGIN, top, INNER_W, header_h, 1);
  cocrea_pdf_writer_form_text (self->writer, MARGIN + 3, top + 3, number_w - 4, T (N_("No.")), 7.5,
                               COCREA_PDF_TEXT_BOLD);
  cocrea_pdf_writer_form_text (self->writer, MARGIN + number_w + 3, top + 3, name_w - 6,
                               T (N_("Name (optional)")), 7.5, COCREA_PDF_TEXT_BOLD);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    cocrea_pdf_writer_form_text (self->writer, MARGIN + number_w + name_w + c * tick_w + 2, top + 3, tick_w - 4,
                                 columns[c], 7, COCREA_PDF_TEXT_BOLD | COCREA_PDF_TEXT_CENTER);

  row_h = (BODY_BOTTOM - top - header_h) / (rows + 1);
  for (guint r = 0; r <= rows; r++)
    {
      double y = top + header_h + r * row_h;
      gboolean totals = r == rows;

      cocrea_pdf_writer_form_box (self->writer, MARGIN, y, INNER_W, row_h, totals ? 1.2 : 0.6);
      if (totals)
        cocrea_pdf_writer_form_text (self->writer, MARGIN + number_w + 3, y + row_h / 2 - 5, name_w - 6,
                                     T (N_("Ticks on this page")), 8.5, COCREA_PDF_TEXT_BOLD);
      else
        {
          g_autofree char *number = g_strdup_printf ("%u", (page - 1) * rows + r + 1);
          cocrea_pdf_writer_form_text (self->writer, MARGIN + 3, y + row_h / 2 - 5, number_w - 4, number, 8.5,
                                       COCREA_PDF_TEXT_NORMAL);
        }
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          double cx = MARGIN + number_w + name_w + c * tick_w;
          if (!totals)
            cocrea_pdf_writer_form_box (self->writer, cx + (tick_w - BOX - 2) / 2, y + (row_h - BOX - 2) / 2,
                                        BOX + 2, BOX + 2, 0.9);
        }
    }
  /* The column rules, over the whole table. */
  for (guint c = 0; c <= G_N_ELEMENTS (columns); c++)
    {
      double x = MARGIN + number_w + name_w + c * tick_w;
      cocrea_pdf_writer_form_line (self->writer, x, top, x, top + header_h + (rows + 1) * row_h, 0.6, 0);
    }
  cocrea_pdf_writer_form_line (self->writer, MARGIN + number_w, top, MARGIN + number_w,
                               top + header_h + (rows + 1) * row_h, 0.6, 0);

  draw_footer (self, &code, page, pages);
  return TRUE;
}

/*
 * cocrea_pdf_sheets_attendance:
 * Writes to @path the attendance and inclusion register of activity
 * @activity_id: @pages pages (0: enough for its recorded attendance, at
 * least one), rows numbered throughout. Fails like
 * cocrea_pdf_sheets_capture().
 */
gboolean
cocrea_pdf_sheets_attendance (CocreaDocument *document, gint64 activity_id, guint pages,
                              const char *path, guint *n_pages, GError **error)
{
  g_auto (Sheets) sheets = { 0 };
  Sheets *self = &sheets;
  g_autoptr (CocreaActivity) activity = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  activity = cocrea_activity_lookup (document, activity_id, error);
  if (activity == NULL)
    return FALSE;
  if (pages == 0)
    pages = MAX (1, (cocrea_activity_get_attendance (activity) + COCREA_SHEETS_ATTENDANCE_ROWS - 1) /
                      COCREA_SHEETS_ATTENDANCE_ROWS);
  if (!sheets_begin (self, document, path, N_("Attendance and inclusion register"), error))
    return FALSE;
  for (guint p = 1; p <= pages; p++)
    if (!draw_attendance_page (self, activity, p, pages, error))
      return FALSE;
  return sheets_save (self, n_pages, error);
}

/* ---- scoring: an evaluator's sheet for the viability workshop ---- */

typedef struct {
  gint64 id;
  char *title;
} Shortlisted;

static void
shortlisted_clear (gpointer data)
{
  g_free (((Shortlisted *) data)->title);
}

/* The proposals that passed the shortlist, by id. */
static GArray *
read_shortlisted (Sheets *self, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (self->document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (Shortlisted));
  int rc;

  g_array_set_clear_func (list, shortlisted_clear);
  stmt = cocrea_db_prepare (db,
                            "SELECT p.id, p.title FROM proposal p JOIN decision d ON d.proposal_id = p.id"
                            " WHERE d.status IN ('shortlisted', 'selected', 'not-selected')"
                            " AND p.merged_into_id IS NULL ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *title = (const char *) sqlite3_column_text (stmt, 1);
      Shortlisted item = { sqlite3_column_int64 (stmt, 0),
                           g_utf8_make_valid (title != NULL ? title : "", -1) };
      g_array_append_val (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

typedef struct {
  char *key;
  char *name; /* NULL: the default name, in the process's language */
  int scale_min;
  int scale_max;
} Criterion;

static void
criterion_clear (gpointer data)
{
  Criterion *c = data;
  g_free (c->key);
  g_free (c->name);
}

/* The criteria in their order, with the process's own names where it has
 * them (the object model would give the defaults in the user's language). */
static GArray *
read_criteria (Sheets *self, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (self->document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (Criterion));
  int rc;

  g_array_set_clear_func (list, criterion_clear);
  stmt = cocrea_db_prepare (db, "SELECT key, name, scale_min, scale_max FROM criterion ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      Criterion c = { g_utf8_make_valid (key != NULL ? key : "", -1),
                      name != NULL ? g_utf8_make_valid (name, -1) : NULL,
                      sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3) };
      g_array_append_val (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

#define SCORING_ROW 22.0

/* The height of one proposal's block with @n_criteria rows. */
static double
scoring_block_height (guint n_criteria)
{
  return 30 + n_criteria * SCORING_ROW + 10;
}

/* Proposal @number: its title, then a row per criterion with its scale,
 * a box for the score and a line for the note. */
static void
draw_scoring_block (Sheets *self, guint number, const Shortlisted *proposal, GArray *criteria, double top)
{
  const double name_w = 210, box_w = 46;
  g_autofree char *title = g_strdup_printf (T (N_("%u. %s (proposal %lld)")), number, proposal->title,
                                            (long long) proposal->id);
  double y;

  cocrea_pdf_writer_form_text (self->writer, MARGIN, top, INNER_W, title, 10, COCREA_PDF_TEXT_BOLD);
  y = top + 30;
  for (guint c = 0; c < criteria->len; c++)
    {
      const Criterion *criterion = &g_array_index (criteria, Criterion, c);
      /* TRANSLATORS: a criterion's scale on a scoring sheet, "from 1 to 5" */
      g_autofree char *scale = g_strdup_printf (T (N_("from %d to %d")), criterion->scale_min,
                                                criterion->scale_max);
      g_autofree char *label = g_strdup_printf ("%s (%s)", cocrea_pdf_label_criterion (self->catalog, criterion->key,
                                                                                      criterion->name),
                                                scale);

      cocrea_pdf_writer_form_text (self->writer, MARGIN + 12, y + 2, name_w - 16, label, 8, COCREA_PDF_TEXT_NORMAL);
      cocrea_pdf_writer_form_box (self->writer, MARGIN + name_w, y, box_w, SCORING_ROW - 4, 1);
      cocrea_pdf_writer_form_text (self->writer, MARGIN + name_w + box_w + 8, y + 2, 40, T (N_("Note")), 7.5,
                                   COCREA_PDF_TEXT_NORMAL);
      cocrea_pdf_writer_form_line (self->writer, MARGIN + name_w + box_w + 36, y + SCORING_ROW - 5,
                                   PAGE_W - MARGIN, y + SCORING_ROW - 5, 0.7, 0.45);
      y += SCORING_ROW;
    }
  cocrea_pdf_writer_form_line (self->writer, MARGIN, y + 4, PAGE_W - MARGIN, y + 4, 0.8, 0);
}

/*
 * cocrea_pdf_sheets_scoring:
 * Writes to @path the scoring sheets of the viability workshop: every
 * shortlisted proposal, each with every criterion and its scale, a box
 * for the score and a line for the note. With @evaluator (a name) the
 * sheet is theirs: the code names them when they are already in the
 * process, else the name is printed and the code leaves it out. Fails
 * with COCREA_ERROR_INVALID when nothing is shortlisted yet.
 */
gboolean
cocrea_pdf_sheets_scoring (CocreaDocument *document, const char *evaluator, const char *path,
                           guint *n_pages, GError **error)
{
  g_auto (Sheets) sheets = { 0 };
  Sheets *self = &sheets;
  g_autoptr (GArray) proposals = NULL;
  g_autoptr (GArray) criteria = NULL;
  g_autofree char *who = NULL;
  g_autofree char *name = g_strstrip (g_strdup (evaluator != NULL ? evaluator : ""));
  gint64 evaluator_id = 0;
  guint per_page, pages;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self->document = document;
  proposals = read_shortlisted (self, error);
  if (proposals == NULL)
    return FALSE;
  criteria = read_criteria (self, error);
  if (criteria == NULL)
    return FALSE;
  if (proposals->len == 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("No proposal is shortlisted yet: shortlist the proposals to score "
                             "before printing the scoring sheets"));
      return FALSE;
    }
  if (*name != '\0')
    {
      g_autoptr (GError) not_found = NULL;
      if (!cocrea_evaluator_find (document, name, &evaluator_id, &not_found))
        {
          if (!g_error_matches (not_found, COCREA_ERROR, COCREA_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&not_found));
              return FALSE;
            }
          evaluator_id = 0;
        }
    }
  if (!sheets_begin (self, document, path, N_("Viability scoring sheet"), error))
    return FALSE;

  if (*name != '\0')
    who = g_strdup_printf (T (N_("Evaluator: %s")), name);
  else
    who = g_strdup (T (N_("Evaluator: ______________________   Department: ______________________")));

  /* The header and the instructions take about 170 points. */
  per_page = MAX (1, (guint) ((BODY_BOTTOM - 170) / scoring_block_height (criteria->len)));
  pages = (proposals->len + per_page - 1) / per_page;
  for (guint p = 0; p < pages; p++)
    {
      CocreaSheetCode code;
      const char *lines[] = { who, NULL };
      double top;

      if (!cocrea_sheet_code_make (document, COCREA_SHEET_SCORING, 0, evaluator_id, p + 1, &code, error))
        return FALSE;
      top = draw_header (self, &code, T (N_("Viability scoring sheet")), lines, FALSE, error);
      if (top < 0)
        return FALSE;
      top += cocrea_pdf_writer_form_text (self->writer, MARGIN, top, INNER_W,
                                          T (N_("For each proposal, write a score on every criterion, within its "
                                                "scale, and a short note that explains it.")),
                                          8.5, COCREA_PDF_TEXT_NORMAL) + 8;
      for (guint i = p * per_page; i < MIN ((p + 1) * per_page, proposals->len); i++)
        {
          draw_scoring_block (self, i + 1, &g_array_index (proposals, Shortlisted, i), criteria, top);
          top += scoring_block_height (criteria->len);
        }
      draw_footer (self, &code, p + 1, pages);
    }
  return sheets_save (self, n_pages, error);
}
