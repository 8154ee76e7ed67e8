/* test-decidim.c — Decidim's proposals export read as contributions, and
 * the answers file written back
 *
 * The fixtures in tests/fixtures/decidim/ follow the column lists of
 * reference/decidim-formats.md: the 0.27.7+ and 0.28 set, the older 0.27 set
 * without the author columns and answered_at, and the nested admin JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-commitment.h"
#include "cocrea-db.h"
#include "cocrea-decidim-answers.h"
#include "cocrea-decidim-import.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-proposal.h"
#include "cocrea-ranking.h"
#include "cocrea-selection.h"
#include "cocrea-tally.h"
#include "cocrea-undo.h"
#include "test-process.h"

typedef TestProcess Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  test_process_folder (f, "proceso.cocrea");
  f->document = cocrea_document_create (f->path, "Plan de gobierno abierto", "Renca", 2019,
                                        2021, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "decidim", name, NULL);
}

static gint64
query_int (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  cocrea_db_query_int (cocrea_document_get_db (f->document), sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

static char *
query_text (Fixture *f, const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  char *text;

  stmt = cocrea_db_prepare (cocrea_document_get_db (f->document), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return text;
}

static void
import_ok (Fixture *f, const char *name, CocreaDecidimImport *result, CocreaUndo **undo)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (cocrea_decidim_import (f->document, path, result, undo, &error));
  g_assert_no_error (error);
}

/* The 0.28 column set: counts, provenance, the body as detail, the
 * amendment's link, the formula guard taken off, accents kept. */
static void
test_csv_028 (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *activity = NULL;
  g_autofree char *summary = NULL;

  import_ok (f, "proposals-0.28.csv", &result, NULL);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (result.amendments, ==, 1);
  g_assert_cmpuint (result.withdrawn, ==, 1);
  g_assert_cmpuint (result.known, ==, 0);
  g_assert_cmpstr (result.activities[0], ==, "Decidim: plan-gobierno-abierto-2019");
  g_assert_null (result.activities[1]);

  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM activity WHERE kind = 'online'"), ==, 1);
  /* Laptops' copies can come back: every new row has its identity. */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution WHERE uid IS NULL"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM activity WHERE uid IS NULL"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution_source"
                                 " WHERE external_id = 103"), ==, 0);

  activity = query_text (f, "SELECT a.name FROM activity a JOIN contribution c"
                            " ON c.activity_id = a.id LIMIT 1");
  g_assert_cmpstr (activity, ==, "Decidim: plan-gobierno-abierto-2019");

  body = query_text (f, "SELECT body FROM contribution_source WHERE external_id = 101");
  g_assert_cmpstr (body, ==, "Proponemos un consejo vecinal que decida\n"
                             "parte del presupuesto municipal cada año.\n\nCon actas públicas.");
  title = query_text (f, "SELECT c.text FROM contribution c JOIN contribution_source s"
                         " ON s.contribution_id = c.id WHERE s.external_id = 102");
  g_assert_cmpstr (title, ==, "=Datos abiertos de contratos municipales");
  author = query_text (f, "SELECT author FROM contribution_source WHERE external_id = 104");
  g_assert_cmpstr (author, ==, "Pedro Ñancupil");

  g_assert_cmpint (query_int (f, "SELECT supports FROM contribution_source"
                                 " WHERE external_id = 101"), ==, 34);
  g_assert_cmpint (query_int (f, "SELECT comments FROM contribution_source"
                                 " WHERE external_id = 101"), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT amends FROM contribution_source"
                                 " WHERE external_id = 104"), ==, 101);
  g_assert_cmpint (query_int (f, "SELECT amends IS NULL FROM contribution_source"
                                 " WHERE external_id = 101"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"
                                 " WHERE area = 'Participación ciudadana'"), ==, 2);

  /* Suggestions find them: the full-text index follows the import. */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution_fts"
                                 " WHERE contribution_fts MATCH 'consejo'"), ==, 2);

  summary = cocrea_decidim_import_describe (&result);
  g_assert_nonnull (strstr (summary, "3 proposals imported from Decidim"));
  g_assert_nonnull (strstr (summary, "1 withdrawn proposal left out"));
}

/* Importing the same export twice adds nothing, and is no edit at all. */
static void
test_reimport (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) first = { 0 };
  g_auto (CocreaDecidimImport) second = { 0 };
  g_autoptr (CocreaUndo) undo = NULL;
  gint64 logged;

  import_ok (f, "proposals-0.28.csv", &first, NULL);
  logged = query_int (f, "SELECT count (*) FROM audit_log");

  import_ok (f, "proposals-0.28.csv", &second, &undo);
  g_assert_cmpuint (second.added, ==, 0);
  g_assert_cmpuint (second.known, ==, 3);
  g_assert_cmpuint (second.updated, ==, 0);
  g_assert_null (undo);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log"), ==, logged);
}

/* A later export with new supports and new proposals: only the new ones
 * are added, the known ones get their counts; one undo takes it back. */
static void
test_later_export (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) first = { 0 };
  g_auto (CocreaDecidimImport) later = { 0 };
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *original = fixture_path ("proposals-0.28.csv");
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (f->dir, "later.csv", NULL);
  g_autoptr (GString) changed = NULL;

  import_ok (f, "proposals-0.28.csv", &first, NULL);

  g_assert_true (g_file_get_contents (original, &contents, NULL, &error));
  changed = g_string_new (contents);
  /* 101 gathered 40 supports since; 105 is new. */
  g_string_replace (changed, ";RE-PROP-2019-03-101;;;34;", ";RE-PROP-2019-03-101;;;40;", 1);
  g_string_append (changed, "105;;;;;;;;2;https://participa.renca.cl/processes/"
                            "plan-gobierno-abierto-2019;12;Biblioteca abierta los domingos;"
                            "Abrir la biblioteca municipal los domingos.;;;;;"
                            "RE-PROP-2019-04-105;;;2;0;;0;0;0;2019-04-01 10:00:00 UTC;;;;false;;\n");
  g_assert_true (g_file_set_contents (path, changed->str, changed->len, &error));

  g_assert_true (cocrea_decidim_import (f->document, path, &later, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (later.added, ==, 1);
  g_assert_cmpuint (later.known, ==, 3);
  g_assert_cmpuint (later.updated, ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT supports FROM contribution_source"
                                 " WHERE external_id = 101"), ==, 40);
  /* The same space's activity, not a second one. */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM activity"), ==, 1);

  g_assert_nonnull (undo);
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT supports FROM contribution_source"
                                 " WHERE external_id = 101"), ==, 34);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution_source"), ==, 3);
}

/* Undo of a first import takes the activity, the contributions and their
 * provenance; redo brings all back. */
static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (GError) error = NULL;

  import_ok (f, "proposals-0.28.csv", &result, &undo);
  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution_source"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM activity"), ==, 0);

  g_assert_true (cocrea_undo_apply (f->document, redo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution_source"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT sum (supports) FROM contribution_source"), ==, 67);
}

/* The older 0.27 column set (no author columns, no answered_at), another space:
 * a second activity, the rejected proposal imported (only withdrawn ones
 * are left out). */
static void
test_csv_027 (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) first = { 0 };
  g_auto (CocreaDecidimImport) second = { 0 };

  import_ok (f, "proposals-0.28.csv", &first, NULL);
  import_ok (f, "proposals-0.27.csv", &second, NULL);
  g_assert_cmpuint (second.added, ==, 2);
  g_assert_cmpuint (second.withdrawn, ==, 0);
  g_assert_cmpstr (second.activities[0], ==, "Decidim: consejo-ambiental");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM activity"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution_source"
                                 " WHERE author = ''"), ==, 2);
}

/* The admin JSON export: nested keys flattened, the other locale
 * ignored, HTML bodies as text, the withdrawn one left out. */
static void
test_json (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_auto (CocreaDecidimImport) again = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *html = NULL;

  import_ok (f, "proposals-admin.json", &result, NULL);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.withdrawn, ==, 1);
  g_assert_cmpstr (result.activities[0], ==, "Decidim: presupuesto-2020");

  title = query_text (f, "SELECT c.text FROM contribution c JOIN contribution_source s"
                         " ON s.contribution_id = c.id WHERE s.external_id = 303");
  g_assert_cmpstr (title, ==, "@Plazas seguras e iluminadas");
  body = query_text (f, "SELECT body FROM contribution_source WHERE external_id = 301");
  g_assert_cmpstr (body, ==, "Cabildos abiertos trimestrales,\ncon actas publicadas.");
  html = query_text (f, "SELECT body FROM contribution_source WHERE external_id = 303");
  g_assert_cmpstr (html, ==, "Luminarias en plazas & pasajes.\nCon mantención.");
  g_assert_cmpint (query_int (f, "SELECT supports FROM contribution_source"
                                 " WHERE external_id = 301"), ==, 17);

  import_ok (f, "proposals-admin.json", &again, NULL);
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (again.known, ==, 2);
}

/* A file that is not a Decidim export is refused naming what is
 * missing, and nothing is imported. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  const struct {
    const char *name;
    const char *message;
  } cases[] = {
    { "missing-title.csv", "has no “title/…” column" },
    { "missing-id.csv", "has no “id” column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (CocreaDecidimImport) result = { 0 };
      g_autofree char *path = fixture_path (cases[i].name);
      g_autoptr (GError) error = NULL;

      g_assert_false (cocrea_decidim_import (f->document, path, &result, NULL, &error));
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 0);
      g_assert_cmpint (query_int (f, "SELECT count (*) FROM activity"), ==, 0);
    }
}

/* A bad record anywhere imports nothing, and says where. */
static void
test_bad_record (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "bad.csv", NULL);
  const char *csv =
    "id;title/es;body/es;supports\n"
    "1;Primera;Cuerpo;3\n"
    "2;Segunda;Cuerpo;muchos\n";

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_false (cocrea_decidim_import (f->document, path, &result, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "muchos"));
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 0);
}

/* The contribution that Decidim proposal @external_id became. */
static gint64
contribution_of (Fixture *f, int external_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT contribution_id FROM contribution_source"
                                          " WHERE external_id = %d", external_id);
  return query_int (f, sql);
}

/* Supports count beside the mentions in the tally, through merges, and
 * weigh in the prioritisation only when given a weight. */
static void
test_supports (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) tally = NULL;
  g_autoptr (CocreaRankingData) ranking = NULL;
  g_autofree guint *rank = NULL;
  g_autofree double *scores = NULL;
  gint64 consejo = 0, datos = 0, ids[2];
  CocreaPriorityWeights weights, kept;
  int c, d;

  import_ok (f, "proposals-0.28.csv", &result, NULL);
  ids[0] = contribution_of (f, 101);
  ids[1] = contribution_of (f, 104);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Consejo vecinal", ids, 2, &consejo,
                                            NULL, &error));
  g_assert_no_error (error);
  ids[0] = contribution_of (f, 102);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Datos abiertos", ids, 1, &datos, NULL,
                                            &error));
  g_assert_no_error (error);

  tally = cocrea_tally (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tally), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);
      g_assert_cmpuint (cocrea_proposal_get_n_supports (p), ==,
                        cocrea_proposal_get_id (p) == consejo ? 34 + 12 : 21);
    }

  /* Equal weights by default: supports weigh nothing. */
  g_assert_true (cocrea_priority_weights_load (f->document, &weights, &error));
  g_assert_cmpfloat (weights.supports, ==, 0);

  ranking = cocrea_ranking_data_load (f->document, &error);
  g_assert_no_error (error);
  c = cocrea_ranking_data_find_proposal (ranking, consejo);
  d = cocrea_ranking_data_find_proposal (ranking, datos);
  g_assert_cmpuint (g_array_index (ranking->proposals, CocreaRankProposal, c).supports, ==, 46);
  g_assert_cmpuint (g_array_index (ranking->proposals, CocreaRankProposal, d).supports, ==, 21);

  /* Supports alone: S = supports / 46. */
  weights = (CocreaPriorityWeights) { 0, 0, 0, 1 };
  rank = cocrea_priority_rank (ranking, &weights, &scores);
  g_assert_cmpfloat_with_epsilon (scores[c], 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (scores[d], 21.0 / 46.0, 1e-9);
  g_assert_cmpuint (rank[c], ==, 1);

  /* Mentions and supports alike: Datos has 1 mention of Consejo's 2 and
   * 21 supports of its 46, so (1/2 + 21/46) / 2. */
  g_clear_pointer (&scores, g_free);
  g_clear_pointer (&rank, g_free);
  weights = (CocreaPriorityWeights) { 1, 0, 0, 1 };
  rank = cocrea_priority_rank (ranking, &weights, &scores);
  g_assert_cmpfloat_with_epsilon (scores[d], (0.5 + 21.0 / 46.0) / 2, 1e-9);

  /* Kept with the process. */
  weights = (CocreaPriorityWeights) { 1, 1, 1, 0.5 };
  g_assert_true (cocrea_priority_weights_save (f->document, &weights, &error));
  g_assert_true (cocrea_priority_weights_load (f->document, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kept.supports, ==, 0.5);
}

/* Decidim's answers file: its header, one row per Decidim proposal in a
 * proposal of the process (amendments left out), the state from the
 * decision and the answer from its reason and commitment. */
static void
test_answers (Fixture *f, gconstpointer data)
{
  g_auto (CocreaDecidimImport) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) file = NULL;
  g_autofree char *path = g_build_filename (f->dir, "respuestas.csv", NULL);
  g_autofree char *written = NULL;
  gint64 consejo = 0, datos = 0, cabildos = 0, commitment = 0, ids[2];
  guint rows = 0, spaces = 0;

  import_ok (f, "proposals-0.28.csv", &result, NULL);
  g_clear_pointer (&result.activities, g_strfreev);
  import_ok (f, "proposals-admin.json", &result, NULL);

  /* Only the header while no Decidim proposal is in a proposal. */
  file = cocrea_decidim_answers_build (f->document, &rows, &spaces, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->str, ==, "id;state;answer/es\r\n");
  g_assert_cmpuint (rows, ==, 0);
  g_string_free (g_steal_pointer (&file), TRUE);

  ids[0] = contribution_of (f, 101);
  ids[1] = contribution_of (f, 104);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Consejo vecinal", ids, 2, &consejo,
                                            NULL, &error));
  ids[0] = contribution_of (f, 102);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Datos abiertos", ids, 1, &datos,
                                            NULL, &error));
  ids[0] = contribution_of (f, 301);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Cabildos abiertos", ids, 1, &cabildos,
                                            NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cocrea_selection_decide (f->document, consejo, COCREA_DECISION_SHORTLISTED,
                                          "Alta mención en línea", FALSE, &error));
  g_assert_true (cocrea_selection_decide (f->document, consejo, COCREA_DECISION_SELECTED,
                                          "Viable y con apoyo amplio.", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_commitment_add_from_proposal (f->document, consejo, &commitment, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_selection_decide (f->document, datos, COCREA_DECISION_NOT_SHORTLISTED,
                                          "=Ya existe el portal de transparencia", FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (cocrea_decidim_answers_export (f->document, path, &rows, &spaces, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 3);
  g_assert_cmpuint (spaces, ==, 2);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  /* No BOM, ";" between cells, the formula guarded as Decidim guards it,
   * ordered by space then id. */
  g_assert_cmpstr (written, ==,
                   "id;state;answer/es\r\n"
                   "101;accepted;Viable y con apoyo amplio. Se convirtió en el compromiso 1 del "
                   "plan de acción: Consejo vecinal.\r\n"
                   "102;rejected;'=Ya existe el portal de transparencia\r\n"
                   "301;evaluating;Esta propuesta está en evaluación en el proceso de cocreación.\r\n");
}

/* Telling a Decidim export from a workshop sheet. */
static void
test_detect (void)
{
  const char *const decidim[] = { "proposals-0.28.csv", "proposals-0.27.csv",
                                  "proposals-admin.json" };
  g_autofree char *sheet = g_test_build_filename (G_TEST_DIST, "fixtures", "csv",
                                                  "taller.csv", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (decidim); i++)
    {
      g_autofree char *path = fixture_path (decidim[i]);
      g_assert_true (cocrea_decidim_file_detect (path));
    }
  g_assert_false (cocrea_decidim_file_detect (sheet));
  g_assert_false (cocrea_decidim_file_detect ("/nonexistent/file.csv"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/decidim/import/csv-0.28", test_csv_028);
  ADD ("/decidim/import/csv-0.27", test_csv_027);
  ADD ("/decidim/import/json", test_json);
  ADD ("/decidim/import/twice", test_reimport);
  ADD ("/decidim/import/later-export", test_later_export);
  ADD ("/decidim/import/undo-redo", test_undo_redo);
  ADD ("/decidim/import/refused", test_refused);
  ADD ("/decidim/import/bad-record", test_bad_record);
  ADD ("/decidim/supports", test_supports);
  ADD ("/decidim/answers", test_answers);
#undef ADD
  g_test_add_func ("/decidim/detect", test_detect);

  return g_test_run ();
}
