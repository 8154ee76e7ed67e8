/* test-demo.c — the Renca 2019 demo carries the facts of the real process
 *
 * The demo is the app's showcase and the fixture of other suites, so its
 * facts are checked here against the published plan, through SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-consultation.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-stats.h"

typedef struct {
  char *dir;
  char *path;
  CocreaDocument *document;
  sqlite3 *db;
} Fixture;

/* Writes the demo into a fresh temporary folder and opens it read-only. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("cocrea-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "renca.cocrea", NULL);

  cocrea_demo_write (f->path, &error);
  g_assert_no_error (error);

  f->document = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  f->db = cocrea_document_get_db (f->document);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->document);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Returns the integer result of @sql, which must return one row. */
static gint64
query_int (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  cocrea_db_query_int (f->db, sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

/* Returns the text of the first column of the one row of @sql ("" for NULL). */
static char *
query_text (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (f->db, sql, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = (const char *) sqlite3_column_text (stmt, 0);
  return g_strdup (text != NULL ? text : "");
}

static void
test_process (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaProcessInfo) info = cocrea_document_get_process (f->document, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (info->title, ==, "Plan de Acción Comunal de Gobierno Abierto de Renca");
  g_assert_cmpstr (info->municipality, ==, "Renca");
  g_assert_cmpint (info->period_start, ==, 2019);
  g_assert_cmpint (info->period_end, ==, 2021);
  g_assert_cmpint (info->quota_total, ==, 5);
  g_assert_cmpint (info->quota_municipal, ==, 2);
  g_assert_cmpint (info->quota_community, ==, 3);
  g_assert_nonnull (strstr (info->partners, "Fundación Tribu"));
  g_assert_nonnull (strstr (info->partners, "Konrad Adenauer"));
  g_assert_nonnull (strstr (info->partners, "CEPAL"));
}

static void
test_stages (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *key, *period, *status;
  } expected[] = {
    { "planning", "2018-10..2019-01", "done" },
    { "co-creation", "2019-03..2019-04", "done" },
    { "analysis", "2019-04..2019-05", "done" },
    { "drafting", "2019-08..2019-10", "done" },
    { "consultation", "..", "pending" },
    { "decision", "..", "pending" },
    { "launch", "..", "pending" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM stage"), ==, 7);

  stmt = cocrea_db_prepare (f->db,
                            "SELECT key, coalesce(starts_on, '') || '..' || coalesce(ends_on, ''),"
                            " status, name IS NULL FROM stage ORDER BY position",
                            &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected[i].key);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected[i].period);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, expected[i].status);
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_activities (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (query_int (f, "SELECT attendance FROM activity WHERE kind = 'interview'"
                                 " AND held_on = '2018-12-15' AND held_until = '2019-01-15'"), ==, 10);
  g_assert_cmpint (query_int (f, "SELECT attendance FROM activity WHERE kind = 'survey'"
                                 " AND held_on = '2019-03-11'"), ==, 50);
  g_assert_cmpint (query_int (f, "SELECT attendance FROM activity WHERE kind = 'workshop'"
                                 " AND held_on = '2019-03-26'"), ==, 82);
  g_assert_cmpint (query_int (f, "SELECT attendance FROM activity WHERE kind = 'complementary'"
                                 " AND held_on = '2019-04-04' AND notes <> ''"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT attendance FROM activity WHERE kind = 'self-organised'"
                                 " AND held_on = '2019-04-01' AND name LIKE '%Tripulación%'"), ==, 3);

  /* Inclusion counts never exceed attendance. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM activity WHERE max(women, youth, migrants,"
                                 " indigenous, disability) > attendance"), ==, 0);
}

static void
test_groups (Fixture *f, gconstpointer data)
{
  static const char groups_sql[] =
    "FROM table_group JOIN activity ON activity.id = table_group.activity_id"
    " WHERE activity.kind = 'workshop'";
  g_autofree char *count = g_strdup_printf ("SELECT count(*) %s", groups_sql);
  g_autofree char *sum = g_strdup_printf ("SELECT sum(size) %s", groups_sql);
  g_autofree char *out_of_range =
    g_strdup_printf ("SELECT count(*) %s AND size NOT BETWEEN 7 AND 12", groups_sql);
  g_autofree char *names =
    g_strdup_printf ("SELECT group_concat(table_group.name, ',') %s", groups_sql);
  g_autofree char *joined = NULL;

  g_assert_cmpint (query_int (f, count), ==, 8);
  g_assert_cmpint (query_int (f, sum), ==, 82);
  g_assert_cmpint (query_int (f, out_of_range), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM table_group"), ==, 8);

  joined = query_text (f, names);
  for (int i = 1; i <= 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Mesa %d", i);
      g_assert_nonnull (strstr (joined, name));
    }
}

static void
test_contributions (Fixture *f, gconstpointer data)
{
  /* The plan's 18 community proposals: two per workshop table and two from
   * the Tripulación meeting. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contribution c JOIN activity a"
                                 " ON a.id = c.activity_id WHERE c.origin = 'community'"
                                 " AND a.kind IN ('workshop', 'self-organised')"), ==, 18);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM (SELECT c.group_id FROM contribution c"
                                 " JOIN activity a ON a.id = c.activity_id WHERE a.kind = 'workshop'"
                                 " GROUP BY c.group_id HAVING count(*) <> 2 OR c.group_id IS NULL)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contribution c JOIN activity a"
                                 " ON a.id = c.activity_id WHERE a.kind = 'self-organised'"), ==, 2);

  /* Municipal contributions come from the interviews and merge into the
   * three municipal proposals. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contribution c JOIN activity a"
                                 " ON a.id = c.activity_id WHERE c.origin = 'municipal'"
                                 " AND a.kind <> 'interview'"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(DISTINCT p.id) FROM contribution c JOIN proposal p"
                                 " ON p.id = c.proposal_id WHERE c.origin = 'municipal'"
                                 " AND p.origin = 'municipal'"), ==, 3);

  /* Every contribution is merged, and the origins agree. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contribution WHERE proposal_id IS NULL"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contribution c JOIN proposal p"
                                 " ON p.id = c.proposal_id WHERE p.origin <> c.origin"), ==, 0);
}

static void
test_proposals (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM proposal WHERE origin = 'municipal'"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM proposal WHERE title = 'Alcalde en tu Barrio 2.0'"), ==, 1);

  /* Several tables said the same thing: the prioritised proposals are
   * the most mentioned, security among the first. */
  g_assert_cmpint (query_int (f, "SELECT min(n) FROM (SELECT count(c.id) AS n FROM proposal p"
                                 " JOIN decision d ON d.proposal_id = p.id"
                                 " LEFT JOIN contribution c ON c.proposal_id = p.id"
                                 " WHERE p.origin = 'community' AND d.status <> 'not-shortlisted'"
                                 " GROUP BY p.id)"),
                   >, query_int (f, "SELECT max(n) FROM (SELECT count(c.id) AS n FROM proposal p"
                                    " JOIN decision d ON d.proposal_id = p.id"
                                    " LEFT JOIN contribution c ON c.proposal_id = p.id"
                                    " WHERE p.origin = 'community' AND d.status = 'not-shortlisted'"
                                    " GROUP BY p.id)"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contribution c JOIN proposal p"
                                 " ON p.id = c.proposal_id WHERE p.area = 'Seguridad'"),
                   ==, query_int (f, "SELECT max(n) FROM (SELECT count(*) AS n FROM contribution"
                                     " GROUP BY proposal_id)"));

  /* Pueblos originarios carry the indigenous inclusion flag. */
  g_assert_cmpint (query_int (f, "SELECT inclusion & 8 FROM proposal WHERE area = 'Minorías étnicas'"), ==, 8);
}

static void
test_decisions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaStats stats = { 0 };

  g_assert_true (cocrea_stats_load (f->document, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.shortlisted, ==, 8);
  g_assert_cmpint (stats.selected, ==, 5);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                                 " WHERE d.status <> 'not-shortlisted' AND p.origin = 'municipal'"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                                 " WHERE d.status <> 'not-shortlisted' AND p.origin = 'community'"), ==, 5);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                                 " WHERE d.status = 'selected' AND p.origin = 'municipal'"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                                 " WHERE d.status = 'selected' AND p.origin = 'community'"), ==, 3);

  /* Every proposal has a reasoned decision. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM proposal p LEFT JOIN decision d"
                                 " ON d.proposal_id = p.id WHERE d.proposal_id IS NULL"
                                 " OR length(trim(d.reason)) = 0"), ==, 0);

  /* The selected ones are exactly those that became commitments. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM decision d JOIN commitment c"
                                 " ON c.proposal_id = d.proposal_id WHERE d.status = 'selected'"), ==, 5);
}

static void
test_commitments (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *name_part, *lead_unit, *contact;
  } expected[] = {
    { "(COSOC)", "Dirección de Desarrollo Comunitario (DIDECO)", "Pamela Hernández Runge" },
    { "Planes de Desarrollo Barrial", "Dirección de SECPLAN", "Alejandra de la Barra" },
    { "Consejo Ciudadano de Seguridad Comunitaria", "Dirección de Seguridad Comunitaria", "Ignacio Zúñiga" },
    { "pueblos originarios", "Departamento de Inclusión y Género", "Fabián Aguilera" },
    { "Concejo Municipal Abierto", "Gabinete del alcalde", "Lorena Pohl" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM commitment"), ==, 5);

  stmt = cocrea_db_prepare (f->db,
                            "SELECT c.name, c.lead_unit,"
                            " (SELECT group_concat(name, ';') FROM contact WHERE commitment_id = c.id),"
                            " (SELECT count(*) FROM milestone WHERE commitment_id = c.id),"
                            " c.starts_on, c.ends_on, c.problem <> '' AND c.description <> ''"
                            " AND c.contribution <> '' AND c.relevance <> '' AND c.origin_detail <> ''"
                            " FROM commitment c ORDER BY c.position",
                            &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), expected[i].name_part));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected[i].lead_unit);
      g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 2), expected[i].contact));
      g_assert_cmpint (sqlite3_column_int (stmt, 3), >=, 4);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, "2021-08-31");
      g_assert_cmpint (sqlite3_column_int (stmt, 6), ==, 1);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM contact WHERE email = 'pamela.hernandez@renca.cl'"
                                 " AND title = 'Encargada de Participación Ciudadana'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM actor a JOIN commitment c ON c.id = a.commitment_id"
                                 " WHERE c.position = 1 AND a.kind = 'municipal'"
                                 " AND a.name IN ('DIDECO', 'Secretaría Municipal', 'COSOC')"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM commitment WHERE origin = 'municipal'"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM commitment WHERE position = 1"
                                 " AND starts_on = '2019-10-01' AND note <> ''"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM commitment WHERE problem LIKE '%20.500%'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM commitment WHERE problem LIKE '%129 barrios%'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM commitment WHERE problem LIKE '%30 comités%'"), ==, 1);

  /* No milestone ends before it starts (the published COSOC dates did). */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM milestone WHERE ends_on < starts_on"), ==, 0);
}

/* The consultation is illustrative (the plan leaves it to be defined), but
 * it must show what the stage asks: 10 working days, every channel, and
 * reasoned answers. */
static void
test_consultation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaConsultationWindow) window = cocrea_consultation_get_window (f->document, &error);
  g_autoptr (CocreaConsultationSummary) summary = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (window->working_days, ==, 10);
  g_assert_false (window->too_short);

  summary = cocrea_consultation_get_summary (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->overall.total, ==, 4);
  for (guint c = 0; c < COCREA_N_CHANNELS; c++)
    g_assert_cmpuint (summary->overall.by_channel[c], >, 0);
  g_assert_cmpuint (summary->overall.by_response[COCREA_RESPONSE_PENDING], ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (DISTINCT commitment_id) FROM consultation_comment"),
                   ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM consultation_comment"
                                 " WHERE commitment_id IS NULL OR length (trim (response_reason)) = 0"
                                 " OR received_on NOT BETWEEN (SELECT consultation_opens FROM process)"
                                 " AND (SELECT consultation_closes FROM process)"), ==, 0);
}

/* The follow-up is illustrative too: a few records, every status but
 * "not started" recorded, done ones with evidence, none after the plan. */
static void
test_progress (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) states = cocrea_milestone_progress_follow_up (f->document, "2020-06-01",
                                                                      &error);
  g_autoptr (CocreaProgressSummary) summary = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM milestone_progress"), ==, 6);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM milestone_progress WHERE status = 'done'"
                                 " AND length (trim (evidence)) = 0"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM milestone_progress"
                                 " WHERE recorded_on NOT BETWEEN '2019-11-20' AND '2021-12-31'"),
                   ==, 0);
  summary = cocrea_milestone_progress_summarize (states);
  g_assert_cmpuint (summary->overall.by_status[COCREA_PROGRESS_DONE], ==, 3);
  g_assert_cmpuint (summary->overall.by_status[COCREA_PROGRESS_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (summary->overall.total, ==, query_int (f, "SELECT count (*) FROM milestone"));
  /* 1.3 ended in January 2020 and is still in progress. */
  g_assert_cmpuint (summary->overall.overdue, >=, 1);
}

static void
test_dates_valid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (f->db,
                            "SELECT starts_on FROM stage UNION ALL SELECT ends_on FROM stage"
                            " UNION ALL SELECT held_on FROM activity UNION ALL SELECT held_until FROM activity"
                            " UNION ALL SELECT starts_on FROM commitment UNION ALL SELECT ends_on FROM commitment"
                            " UNION ALL SELECT starts_on FROM milestone UNION ALL SELECT ends_on FROM milestone"
                            " UNION ALL SELECT consultation_opens FROM process"
                            " UNION ALL SELECT consultation_closes FROM process"
                            " UNION ALL SELECT received_on FROM consultation_comment"
                            " UNION ALL SELECT recorded_on FROM milestone_progress",
                            &error);
  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 0);
      if (date != NULL)
        g_assert_true (g_regex_match_simple ("^\\d{4}(-\\d{2}(-\\d{2})?)?$", date, 0, 0));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
}

static void
test_scores (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM evaluator"), >=, 4);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM evaluator WHERE name LIKE '%DIDECO%'"), ==, 1);

  /* Complete: every evaluator scored every shortlisted proposal on every
   * criterion, and nothing else. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM score"), ==,
                   query_int (f, "SELECT (SELECT count(*) FROM evaluator) * (SELECT count(*)"
                                 " FROM criterion) * (SELECT count(*) FROM decision"
                                 " WHERE status <> 'not-shortlisted')"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM score s JOIN decision d"
                                 " ON d.proposal_id = s.proposal_id WHERE d.status = 'not-shortlisted'"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM score WHERE value NOT BETWEEN 1 AND 5"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM score WHERE note <> ''"), >=, 40);

  /* Within each origin, every selected proposal scores above every one
   * that was not selected: the scores agree with the outcome. */
  g_assert_cmpint (query_int (f, "WITH m AS (SELECT p.id, p.origin, d.status, avg(s.value) AS v"
                                 " FROM proposal p JOIN decision d ON d.proposal_id = p.id"
                                 " JOIN score s ON s.proposal_id = p.id GROUP BY p.id)"
                                 " SELECT count(*) FROM m a JOIN m b ON a.origin = b.origin"
                                 " WHERE a.status = 'selected' AND b.status = 'not-selected'"
                                 " AND a.v <= b.v"), ==, 0);
}

static void
test_integrity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int version = 0;

  stmt = cocrea_db_prepare (f->db, "PRAGMA foreign_key_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  g_assert_true (cocrea_document_check_file (f->path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, >=, 1);
}

/* Writing over an existing file fails and leaves it as it was. */
static void
test_exists (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cocrea-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "taken.cocrea", NULL);
  g_autofree char *contents = NULL;
  static const char original[] = "not a process, and not to be touched\n";

  g_assert_no_error (error);
  g_file_set_contents (path, original, -1, &error);
  g_assert_no_error (error);

  g_assert_false (cocrea_demo_write (path, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS);

  g_clear_error (&error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, original);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/demo/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("process", test_process);
  ADD ("stages", test_stages);
  ADD ("activities", test_activities);
  ADD ("groups", test_groups);
  ADD ("contributions", test_contributions);
  ADD ("proposals", test_proposals);
  ADD ("decisions", test_decisions);
  ADD ("commitments", test_commitments);
  ADD ("consultation", test_consultation);
  ADD ("progress", test_progress);
  ADD ("dates", test_dates_valid);
  ADD ("scores", test_scores);
  ADD ("integrity", test_integrity);
#undef ADD
  g_test_add_func ("/demo/exists", test_exists);

  return g_test_run ();
}
