/* test-suggest.c — Spanish duplicate suggestions and the index behind them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-activity.h"
#include "cocrea-contribution.h"
#include "cocrea-csv-import.h"
#include "cocrea-demo.h"
#include "cocrea-document.h"
#include "cocrea-error.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-suggest.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  gint64 activity;
} Fixture;

static const char *const texts[] = {
  /* 1 */ "Fomentar la participación ciudadana en el barrio",
  /* 2 */ "Un presupuesto participativo para la junta de vecinos",
  /* 3 */ "Vecinas seguras: iluminación de la plaza",
  /* 4 */ "Seguridad en las calles del centro",
  /* 5 */ "Arreglar las veredas rotas",
  /* 6 */ "Ciudadanía activa y organizada",
  /* 7 */ "Presupuestos participativos en cada villa",
  /* 8 */ "Los jóvenes quieren participar en el concejo",
};

static gint64
add (Fixture *f, const char *text)
{
  return test_process_add_contribution (TEST_PROCESS (f), f->activity, 0, text);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaActivityFields workshop = { COCREA_ACTIVITY_WORKSHOP, "Taller", NULL, NULL, 0, { 0 } };

  test_process_empty (TEST_PROCESS (f), "plan.cocrea");
  g_assert_true (cocrea_activity_add (f->document, &workshop, &f->activity, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpint (add (f, texts[i]), ==, i + 1);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
}

static GListModel *
suggest (Fixture *f, const char *text)
{
  g_autoptr (GError) error = NULL;
  GListModel *found = cocrea_suggest (f->document, text, 10, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

/* Position of contribution @id in @found, or -1. */
static int
rank_of (GListModel *found, CocreaSuggestionKind kind, gint64 id)
{
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (CocreaSuggestion) s = g_list_model_get_item (found, i);
      if (cocrea_suggestion_get_kind (s) == kind && cocrea_suggestion_get_id (s) == id)
        return i;
    }
  return -1;
}

#define RANK(found, id) rank_of (found, COCREA_SUGGESTION_CONTRIBUTION, id)

static void
test_spanish_forms (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) found = NULL;

  /* Accents, gender, number and derivation: participación → participativo,
   * ciudadana → ciudadanía. */
  found = suggest (f, "participación ciudadana");
  g_assert_cmpint (RANK (found, 1), ==, 0);
  g_assert_cmpint (RANK (found, 2), >=, 0);
  g_assert_cmpint (RANK (found, 6), >=, 0);
  g_assert_cmpint (RANK (found, 7), >=, 0);
  g_assert_cmpint (RANK (found, 8), >=, 0); /* participar: a verb form */
  g_assert_cmpint (RANK (found, 5), ==, -1);
  g_clear_object (&found);

  /* Typed without accents. */
  found = suggest (f, "participacion ciudadania");
  g_assert_cmpint (RANK (found, 1), >=, 0);
  g_assert_cmpint (RANK (found, 6), >=, 0);
  g_clear_object (&found);

  /* Both words, in another gender and number, beat one word. */
  found = suggest (f, "seguridad de los vecinos");
  g_assert_cmpint (RANK (found, 3), ==, 0);
  g_assert_cmpint (RANK (found, 4), >, 0);
  g_clear_object (&found);

  /* Plural and singular find each other, both ways. */
  found = suggest (f, "presupuestos participativos");
  g_assert_cmpint (RANK (found, 2), <=, 1);
  g_assert_cmpint (RANK (found, 7), <=, 1);
  g_clear_object (&found);
  found = suggest (f, "presupuesto participativo");
  g_assert_cmpint (RANK (found, 2), <=, 1);
  g_assert_cmpint (RANK (found, 7), <=, 1);
  g_clear_object (&found);

  /* Upper case and a verb form. */
  found = suggest (f, "JÓVENES QUE PARTICIPAN");
  g_assert_cmpint (RANK (found, 8), ==, 0);
}

static void
test_proposals_rank (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) found = NULL;
  g_autoptr (CocreaSuggestion) best = NULL;
  gint64 lonely, popular;

  /* Two proposals with the same words: the one with more mentions wins. */
  g_assert_true (cocrea_merge_new_proposal (f->document, "Presupuesto participativo vecinal",
                                            (gint64[]) { 2 }, 1, &lonely, NULL, &error));
  g_assert_true (cocrea_merge_new_proposal (f->document, "Presupuesto participativo vecinal",
                                            (gint64[]) { 7, 1, 6 }, 3, &popular, NULL, &error));
  g_assert_no_error (error);

  found = suggest (f, "presupuesto participativo vecinal");
  best = g_list_model_get_item (found, 0);
  g_assert_cmpint (cocrea_suggestion_get_kind (best), ==, COCREA_SUGGESTION_PROPOSAL);
  g_assert_cmpint (cocrea_suggestion_get_id (best), ==, popular);
  g_assert_cmpint (cocrea_suggestion_get_proposal_id (best), ==, popular);
  g_assert_cmpint (rank_of (found, COCREA_SUGGESTION_PROPOSAL, lonely), ==, 1);
  g_clear_object (&found);
  g_clear_object (&best);

  /* A merged-away proposal is not suggested; its successor is. */
  g_assert_true (cocrea_merge_proposal (f->document, lonely, popular, NULL, &error));
  g_assert_no_error (error);
  found = suggest (f, "presupuesto participativo vecinal");
  g_assert_cmpint (rank_of (found, COCREA_SUGGESTION_PROPOSAL, lonely), ==, -1);
  g_assert_cmpint (rank_of (found, COCREA_SUGGESTION_PROPOSAL, popular), ==, 0);
  g_clear_object (&found);

  /* The contribution being edited is not suggested to itself; the limit holds. */
  found = cocrea_suggest (f->document, texts[0], 2, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (RANK (found, 1), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
}

static void
test_hostile_text (Fixture *f, gconstpointer data)
{
  static const char *const hostile[] = {
    "\"", "\"\"\"", "*", "participa*", "NEAR(seguridad vecinos)", "seguridad AND vecinos",
    "seguridad OR", "NOT", "(", ")", "((seguridad)", "-seguridad", "^seguridad", "text:seguridad",
    "{text}: seguridad", "seguridad + vecinos", "'; DROP TABLE contribution; --", "\\", "%",
    "\xff\xfe invalid UTF-8", "\t\n", "",
  };
  g_autoptr (GString) big = g_string_new (NULL);
  g_autoptr (GListModel) found = NULL;
  g_autofree char *query = NULL;
  gint64 t0;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (GListModel) result = suggest (f, hostile[i]);
      (void) result;
    }

  found = suggest (f, "NEAR(seguridad vecinos)");
  g_assert_cmpint (RANK (found, 3), ==, 0);
  g_clear_object (&found);

  query = cocrea_suggest_build_query ("La seguridad AND \"los\" vecinos* (NEAR)");
  g_assert_cmpstr (query, ==, "\"seguridad\" OR \"and\" OR \"vecinos\" OR \"near\"");
  g_clear_pointer (&query, g_free);
  g_assert_null (cocrea_suggest_build_query ("de la y los"));
  g_assert_null (cocrea_suggest_build_query ("🙂 ¿? …"));

  found = suggest (f, "   ");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);

  found = suggest (f, "🙂 participación 🙂");
  g_assert_cmpint (RANK (found, 1), >=, 0);
  g_clear_object (&found);

  /* A 100 KB text is a bounded query. */
  while (big->len < 100 * 1024)
    g_string_append (big, "Más seguridad para las vecinas, más iluminación y más plazas. ");
  t0 = g_get_monotonic_time ();
  found = suggest (f, big->str);
  g_assert_cmpint (RANK (found, 3), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);
}

static void
test_import_and_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "mesas.csv", NULL);
  g_autofree char *demo = g_build_filename (f->dir, "renca.cocrea", NULL);
  g_autoptr (GListModel) found = NULL;
  g_autoptr (CocreaDocument) renca = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (csv,
                                      "text,group,proposal\n"
                                      "Reciclaje en los colegios,Mesa 1,Reciclaje escolar\n"
                                      "Puntos limpios en cada barrio,Mesa 2,\n",
                                      -1, &error));
  g_assert_true (cocrea_csv_import (f->document, csv, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  found = suggest (f, "reciclaje escolar en los colegios");
  g_assert_cmpint (rank_of (found, COCREA_SUGGESTION_PROPOSAL, 1), <=, 1);
  g_assert_cmpint (RANK (found, 9), >=, 0);
  g_clear_object (&found);
  found = suggest (f, "punto limpio");
  g_assert_cmpint (RANK (found, 10), ==, 0);
  g_clear_object (&found);

  g_assert_true (cocrea_demo_write (demo, &error));
  g_assert_no_error (error);
  renca = cocrea_document_open (demo, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  found = cocrea_suggest (renca, "presupuesto participativo", 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
  g_clear_object (&found);

  /* Rebuilding from the tables gives the same answers. */
  g_assert_true (cocrea_suggest_rebuild_index (f->document, &error));
  g_assert_no_error (error);
  found = suggest (f, "punto limpio");
  g_assert_cmpint (RANK (found, 10), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/suggest/spanish-forms", test_spanish_forms);
  ADD ("/suggest/proposals-rank", test_proposals_rank);
  ADD ("/suggest/hostile-text", test_hostile_text);
  ADD ("/suggest/import-and-demo", test_import_and_demo);
#undef ADD

  return g_test_run ();
}
