/* cocrea-decidim-answers.c
 *
 * The reasoned response published where citizens look: Decidim's
 * "Import answers" file (reference/decidim-formats.md, section 2), with
 * one row per proposal that came from Decidim and went into a proposal
 * of the process. Its columns are "id" (Decidim's own id, kept when the
 * export was imported), "state" and "answer/<locale>":
 *
 *   selected                         → accepted
 *   not selected, not shortlisted    → rejected
 *   shortlisted, or no decision yet  → evaluating
 *
 * The answer is the reason the process recorded for its decision, and
 * for a selected proposal the commitment it became, in the process's
 * language. Decidim skips amendments when it imports answers, so they
 * are left out here too. The file is UTF-8 without a BOM, ";"-separated,
 * as Decidim 0.27 reads it; cells that a spreadsheet would take for a
 * formula get Decidim's own guard, a leading "'".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-catalog.h"
#include "cocrea-csv-writer.h"
#include "cocrea-db.h"
#include "cocrea-decidim-answers.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-output.h"

/* Each Decidim proposal with the top of its proposal's merge chain: its
 * decision and the first commitment that proposal became. */
static const char answers_sql[] =
  "WITH RECURSIVE chain (id, top) AS ("
  "  SELECT id, id FROM proposal WHERE merged_into_id IS NULL"
  "  UNION ALL"
  "  SELECT p.id, chain.top FROM proposal p JOIN chain ON p.merged_into_id = chain.id)"
  " SELECT s.external_id, d.status, d.reason,"
  "  (SELECT k.position FROM commitment k WHERE k.proposal_id = chain.top"
  "   ORDER BY k.position, k.id LIMIT 1),"
  "  (SELECT k.name FROM commitment k WHERE k.proposal_id = chain.top"
  "   ORDER BY k.position, k.id LIMIT 1),"
  "  s.space_url"
  " FROM contribution_source s"
  " JOIN contribution c ON c.id = s.contribution_id"
  " JOIN chain ON chain.id = c.proposal_id"
  " LEFT JOIN decision d ON d.proposal_id = chain.top"
  " WHERE s.platform = 'decidim' AND s.amends IS NULL"
  " ORDER BY s.space_url, s.external_id";

/* Decidim's state for a decision of the process. */
static const char *
state_of (const char *status)
{
  if (g_strcmp0 (status, "selected") == 0)
    return "accepted";
  if (g_strcmp0 (status, "not-selected") == 0 || g_strcmp0 (status, "not-shortlisted") == 0)
    return "rejected";
  return "evaluating";
}

/* The answer people read on Decidim, in the catalog's language. */
static char *
answer_of (CocreaCatalog *catalog, const char *state, const char *reason, gint64 position,
           const char *commitment)
{
  GString *answer = g_string_new (reason != NULL ? reason : "");

  g_strstrip (answer->str);
  answer->len = strlen (answer->str);
  if (commitment != NULL)
    {
      if (answer->len > 0 && answer->str[answer->len - 1] != '.')
        g_string_append_c (answer, '.');
      if (answer->len > 0)
        g_string_append_c (answer, ' ');
      g_string_append_printf (answer,
                              cocrea_catalog_gettext (catalog,
                                                      N_("It became commitment %d of the "
                                                         "action plan: %s.")),
                              (int) position, commitment);
    }
  if (answer->len == 0 && g_str_equal (state, "evaluating"))
    g_string_append (answer,
                     cocrea_catalog_gettext (catalog,
                                             N_("This proposal is being evaluated in the "
                                                "co-creation process.")));
  return g_string_free (answer, FALSE);
}

/**
 * cocrea_decidim_answers_build:
 * @document: an open process (read-only is fine)
 * @n_rows: (out) (optional): how many answers the file holds
 * @n_spaces: (out) (optional): how many participatory spaces they are from
 * @error: return location for a #CocreaError
 *
 * Builds Decidim's answers file for every Decidim proposal of the process
 * that went into a proposal (see the top of this file).
 *
 * Returns: (transfer full): the file's text, or %NULL with @error set
 */
GString *
cocrea_decidim_answers_build (CocreaDocument *document, guint *n_rows, guint *n_spaces,
                              GError **error)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaCatalog) catalog = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *answer_key = NULL;
  g_autofree char *last_space = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  guint rows = 0, spaces = 0;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return NULL;
  catalog = cocrea_catalog_new_for_language (info->language);

  answer_key = g_strconcat ("answer/", info->language, NULL);
  cocrea_csv_append_cell_to (out, "id", ';', TRUE);
  cocrea_csv_append_cell_to (out, "state", ';', FALSE);
  cocrea_csv_append_cell_to (out, answer_key, ';', FALSE);
  g_string_append (out, "\r\n");

  stmt = cocrea_db_prepare (db, answers_sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 1);
      const char *state = state_of (status);
      const char *space = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *id = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0));
      g_autofree char *answer =
        answer_of (catalog, state, (const char *) sqlite3_column_text (stmt, 2),
                   sqlite3_column_int64 (stmt, 3), (const char *) sqlite3_column_text (stmt, 4));

      if (g_strcmp0 (space, last_space) != 0)
        {
          spaces++;
          g_free (last_space);
          last_space = g_strdup (space);
        }
      cocrea_csv_append_cell_to (out, id, ';', TRUE);
      cocrea_csv_append_cell_to (out, state, ';', FALSE);
      cocrea_csv_append_cell_to (out, answer, ';', FALSE);
      g_string_append (out, "\r\n");
      rows++;
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, _("Could not read the answers to Decidim's proposals"));
      return NULL;
    }

  if (n_rows != NULL)
    *n_rows = rows;
  if (n_spaces != NULL)
    *n_spaces = spaces;
  return g_steal_pointer (&out);
}

/**
 * cocrea_decidim_answers_export:
 * @document: an open process (read-only is fine)
 * @csv_path: where to write; never the process or another process
 * @n_rows: (out) (optional): how many answers the file holds
 * @n_spaces: (out) (optional): how many participatory spaces they are
 *   from (Decidim imports answers per proposals component)
 * @error: return location for a #CocreaError
 *
 * Writes Decidim's "Import answers" file, whole or not at all.
 *
 * Returns: %TRUE on success; %FALSE with %COCREA_ERROR_IO when the file
 *   cannot be written, %COCREA_ERROR_INVALID for a destination that is a
 *   process, or a database error
 */
gboolean
cocrea_decidim_answers_export (CocreaDocument *document, const char *csv_path, guint *n_rows,
                               guint *n_spaces, GError **error)
{
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = cocrea_decidim_answers_build (document, n_rows, n_spaces, error);
  return out != NULL &&
         cocrea_output_write_file (csv_path, cocrea_document_get_path (document),
                                   COCREA_OUTPUT_EXPORT, out->str, out->len, error);
}
