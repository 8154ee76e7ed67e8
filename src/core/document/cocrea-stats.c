/* cocrea-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-stats.h"

/*
 * cocrea_stats_load:
 * Fills @stats with the counts of every kind of record and the attendance
 * and inclusion totals over all activities, in one read transaction so
 * the numbers agree with each other. Returns FALSE with @error set when
 * the file cannot be read.
 */
gboolean
cocrea_stats_load (CocreaDocument *document, CocreaStats *stats, GError **error)
{
  static const char sql[] =
    "SELECT"
    " (SELECT count(*) FROM activity),"
    " (SELECT count(*) FROM table_group),"
    " (SELECT count(*) FROM contribution),"
    " (SELECT count(*) FROM proposal WHERE merged_into_id IS NULL),"
    " (SELECT count(*) FROM decision WHERE status IN ('shortlisted', 'selected', 'not-selected')),"
    " (SELECT count(*) FROM decision WHERE status = 'selected'),"
    " (SELECT count(*) FROM commitment),"
    " (SELECT count(*) FROM milestone),"
    " (SELECT count(*) FROM evaluator),"
    " (SELECT count(*) FROM score),"
    " (SELECT count(*) FROM consultation_comment),"
    " total(attendance), total(women), total(youth), total(migrants),"
    " total(indigenous), total(disability)"
    " FROM activity";
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 *fields[] = {
    &stats->activities, &stats->groups, &stats->contributions, &stats->proposals,
    &stats->shortlisted, &stats->selected, &stats->commitments, &stats->milestones,
    &stats->evaluators, &stats->scores, &stats->comments, &stats->attendance,
    &stats->women, &stats->youth, &stats->migrants, &stats->indigenous,
    &stats->disability,
  };
  int rc;

  g_return_val_if_fail (stats != NULL, FALSE);

  stmt = cocrea_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }

  g_assert (sqlite3_column_count (stmt) == G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = sqlite3_column_int64 (stmt, i);

  return TRUE;
}
