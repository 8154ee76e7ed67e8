/* cocrea-csv-export.c
 *
 * The CSV is open data and the way contributions travel to other tools,
 * so it is written to open anywhere: UTF-8 with a BOM (Excel otherwise
 * guesses a legacy encoding), RFC 4180 quoting, CRLF line ends, and the
 * English column keys the importer reads back. Cells a spreadsheet would
 * run as a formula are neutralised (cocrea-csv-writer.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-csv-export.h"
#include "cocrea-csv-writer.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-output.h"
#include "cocrea-types.h"

/* Each contribution with the title of the proposal at the top of its merge
 * chain. The chain is walked down from the unmerged proposals, so a
 * damaged file with a cycle of merges ends the recursion instead of
 * looping: proposals on a cycle simply have no top title. */
static const char export_sql[] =
  "WITH RECURSIVE top (id, title) AS MATERIALIZED ("
  "  SELECT id, title FROM proposal WHERE merged_into_id IS NULL"
  "  UNION ALL"
  "  SELECT p.id, top.title FROM proposal p JOIN top ON p.merged_into_id = top.id"
  ")"
  " SELECT c.id, a.name, g.name, c.origin, c.text, c.area, c.axes, top.title"
  " FROM contribution c"
  " JOIN activity a ON a.id = c.activity_id"
  " LEFT JOIN table_group g ON g.id = c.group_id"
  " LEFT JOIN top ON top.id = c.proposal_id"
  " ORDER BY c.activity_id, c.group_id, c.id";

static const char *const header[] = {
  "id", "activity", "group", "origin", "text", "area", "axes", "proposal",
};

/*
 * build:
 * Appends the header and one line per contribution of @db to @out.
 * Fails with the SQLite error.
 */
static gboolean
build (sqlite3 *db, GString *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, export_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    cocrea_csv_append_cell (out, header[i], i == 0);
  g_string_append (out, "\r\n");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             (gint64) sqlite3_column_int64 (stmt, 0));
      g_autofree char *axes = cocrea_axes_to_keys ((guint) sqlite3_column_int (stmt, 6));

      cocrea_csv_append_cell (out, id, TRUE);
      cocrea_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 1), FALSE);
      cocrea_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 2), FALSE);
      cocrea_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 3), FALSE);
      cocrea_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 4), FALSE);
      cocrea_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 5), FALSE);
      cocrea_csv_append_cell (out, axes, FALSE);
      cocrea_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 7), FALSE);
      g_string_append (out, "\r\n");
    }

  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, _("Could not read the contributions"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cocrea_csv_export:
 * @document: an open process (read-only is fine)
 * @csv_path: where to write; an existing file is replaced
 * @error: return location for a #CocreaError
 *
 * Writes every contribution, ordered by activity, group and id, with the
 * columns id, activity, group, origin, text, area, axes and proposal (the
 * title of the proposal it is merged into, at the top of the chain).
 * The file is written beside @csv_path and renamed into place, so a
 * failure leaves any previous file as it was and no partial one; a
 * destination that is a process file is refused (cocrea-output.c).
 *
 * Returns: %TRUE on success; %FALSE with %COCREA_ERROR_IO when the file
 *   cannot be written, or a database error
 */
gboolean
cocrea_csv_export (CocreaDocument *document, const char *csv_path, GError **error)
{
  g_autoptr (GString) out = g_string_new (COCREA_CSV_BOM);

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!build (cocrea_document_get_db (document), out, error))
    return FALSE;

  if (!cocrea_output_write_file (csv_path, cocrea_document_get_path (document),
                                 COCREA_OUTPUT_EXPORT, out->str, out->len, error))
    return FALSE;

  return TRUE;
}
