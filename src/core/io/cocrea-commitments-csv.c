/* cocrea-commitments-csv.c
 *
 * The commitments of the plan as open data, one row per milestone with
 * its commitment's fields repeated (a commitment without milestones still
 * gets one row, milestone columns empty), so a spreadsheet can filter and
 * follow milestones without joining tables. Stable English column keys,
 * dates as the file stores them (YYYY, YYYY-MM or YYYY-MM-DD), UTF-8
 * with a BOM, cells neutralised as in every Cocrea CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-commitments-csv.h"
#include "cocrea-csv-writer.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-output.h"

/* Contacts and actors are joined into one cell each ("; "), so the row
 * count stays one per milestone. */
static const char export_sql[] =
  "SELECT c.position, c.name, c.note, c.origin, c.origin_detail, c.starts_on, c.ends_on,"
  " c.lead_unit, c.problem, c.description, c.contribution, c.relevance, c.additional_info,"
  " (SELECT group_concat(ltrim(name || ', ' || title || ', ' || department || ', ' || email"
  "   || ', ' || phone, ', '), '; ') FROM contact WHERE commitment_id = c.id),"
  " (SELECT group_concat(name, '; ') FROM actor WHERE commitment_id = c.id AND kind = 'municipal'),"
  " (SELECT group_concat(name, '; ') FROM actor WHERE commitment_id = c.id"
  "   AND kind = 'civil-society'),"
  " m.position, m.deliverable, m.starts_on, m.ends_on"
  " FROM commitment c LEFT JOIN milestone m ON m.commitment_id = c.id"
  " ORDER BY c.position, c.id, m.position, m.id";

static const char *const header[] = {
  "commitment", "name", "note", "origin", "origin_detail", "starts_on", "ends_on",
  "lead_unit", "problem", "description", "contribution", "relevance", "additional_info",
  "contacts", "municipal_actors", "civil_society_actors",
  "milestone", "deliverable", "milestone_starts_on", "milestone_ends_on",
};

/* Appends the header and one line per milestone of @db to @out. */
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
      for (int i = 0; i < (int) G_N_ELEMENTS (header); i++)
        cocrea_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, i), i == 0);
      g_string_append (out, "\r\n");
    }

  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, _("Could not read the commitments"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cocrea_commitments_csv_export:
 * @document: an open process (read-only is fine)
 * @csv_path: where to write; an existing file is replaced
 * @error: return location for a #CocreaError
 *
 * Writes the commitments in plan order, one row per milestone. The file
 * is written beside @csv_path and renamed into place, so a failure leaves
 * any previous file as it was and no partial one.
 *
 * Returns: %TRUE on success; %FALSE with %COCREA_ERROR_IO when the file
 *   cannot be written, or a database error
 */
gboolean
cocrea_commitments_csv_export (CocreaDocument *document, const char *csv_path, GError **error)
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
