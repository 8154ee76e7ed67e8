/* test-export.c — the JSON export of a process, and the one entry point of every export
 *
 * The export is open data for others to read, so it is checked by reading
 * it back with a JSON parser, not by comparing text. cocrea_export(),
 * which the command line and the Export page both call, writes every
 * kind, checks the destination before anything, stops when cancelled and
 * passes progress on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-export.h"
#include "cocrea-json-export.h"
#include "cocrea-schema.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  char *json_path;
} Fixture;

/* Writes the demo into a fresh temporary folder and opens it read-only,
 * as the command line does for an export. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_demo (TEST_PROCESS (f), "renca.cocrea", COCREA_OPEN_READ_ONLY);
  f->json_path = test_process_file (TEST_PROCESS (f), "renca.json");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
  g_free (f->json_path);
}

/* Exports the fixture's process and parses the file back. */
static JsonParser *
export_and_parse (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  JsonParser *parser = json_parser_new ();

  g_assert_true (cocrea_json_export (f->document, f->json_path, &error));
  g_assert_no_error (error);

  json_parser_load_from_file (parser, f->json_path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return parser;
}

/* Returns the array member @name of @object, which must exist. */
static JsonArray *
get_array (JsonObject *object, const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_array_member (object, name);
}

static gboolean
array_has_string (JsonArray *array, const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

static void
test_structure (Fixture *f, gconstpointer data)
{
  static const char *const arrays[] = {
    "stages", "activities", "contributions", "proposals", "criteria", "evaluators",
    "scores", "decisions", "commitments", "consultation_comments", "milestone_progress",
  };
  g_autoptr (JsonParser) parser = export_and_parse (f);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *process;

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "cocrea");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, COCREA_SCHEMA_VERSION);

  process = json_object_get_object_member (root, "process");
  g_assert_nonnull (process);
  g_assert_cmpstr (json_object_get_string_member (process, "title"), ==,
                   "Plan de Acción Comunal de Gobierno Abierto de Renca");
  g_assert_cmpstr (json_object_get_string_member (process, "municipality"), ==, "Renca");
  g_assert_cmpint (json_object_get_int_member (process, "period_start"), ==, 2019);
  g_assert_cmpint (json_object_get_int_member (process, "quota_community"), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_assert_nonnull (get_array (root, arrays[i]));

  g_assert_cmpint (json_array_get_length (get_array (root, "stages")), ==, 7);
  g_assert_cmpint (json_array_get_length (get_array (root, "contributions")), ==, 26);
  g_assert_cmpint (json_array_get_length (get_array (root, "decisions")), ==,
                   json_array_get_length (get_array (root, "proposals")));
  g_assert_cmpint (json_array_get_length (get_array (root, "evaluators")), ==, 4);
  g_assert_cmpint (json_array_get_length (get_array (root, "scores")), ==, 4 * 8 * 5);

  /* Unknown dates are null, not empty strings. */
  {
    JsonObject *launch = json_array_get_object_element (get_array (root, "stages"), 6);
    g_assert_cmpstr (json_object_get_string_member (launch, "key"), ==, "launch");
    g_assert_true (json_object_get_null_member (launch, "starts_on"));
  }
}

static void
test_groups (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = export_and_parse (f);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *activities = get_array (root, "activities");
  guint workshops = 0;

  g_assert_cmpint (json_array_get_length (activities), ==, 5);

  for (guint i = 0; i < json_array_get_length (activities); i++)
    {
      JsonObject *activity = json_array_get_object_element (activities, i);
      JsonArray *groups = get_array (activity, "groups");
      gint64 total = 0;

      if (!g_str_equal (json_object_get_string_member (activity, "kind"), "workshop"))
        {
          g_assert_cmpint (json_array_get_length (groups), ==, 0);
          continue;
        }

      workshops++;
      g_assert_cmpint (json_object_get_int_member (activity, "attendance"), ==, 82);
      g_assert_cmpint (json_array_get_length (groups), ==, 8);
      for (guint g = 0; g < 8; g++)
        {
          JsonObject *group = json_array_get_object_element (groups, g);
          g_autofree char *name = g_strdup_printf ("Mesa %u", g + 1);

          g_assert_cmpstr (json_object_get_string_member (group, "name"), ==, name);
          total += json_object_get_int_member (group, "size");
        }
      g_assert_cmpint (total, ==, 82);
    }

  g_assert_cmpint (workshops, ==, 1);
}

static void
test_proposals (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = export_and_parse (f);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *proposals = get_array (root, "proposals");
  gboolean seen_security = FALSE, seen_indigenous = FALSE;

  g_assert_cmpint (json_array_get_length (proposals), ==, 11);

  for (guint i = 0; i < json_array_get_length (proposals); i++)
    {
      JsonObject *proposal = json_array_get_object_element (proposals, i);
      const char *area = json_object_get_string_member (proposal, "area");
      JsonArray *axes = get_array (proposal, "axes");
      JsonArray *inclusion = get_array (proposal, "inclusion");

      g_assert_true (json_object_has_member (proposal, "merged_into"));
      g_assert_true (json_object_get_null_member (proposal, "merged_into"));
      g_assert_cmpint (json_object_get_int_member (proposal, "mentions"), >=, 1);

      if (g_str_equal (area, "Seguridad"))
        {
          seen_security = TRUE;
          g_assert_cmpint (json_object_get_int_member (proposal, "mentions"), ==, 4);
          g_assert_cmpint (json_object_get_int_member (proposal, "mention_sources"), ==, 4);
          g_assert_true (array_has_string (axes, "participation"));
          g_assert_true (array_has_string (axes, "accountability"));
          g_assert_false (array_has_string (axes, "transparency"));
        }
      if (g_str_equal (area, "Minorías étnicas"))
        {
          seen_indigenous = TRUE;
          g_assert_cmpint (json_array_get_length (inclusion), ==, 1);
          g_assert_true (array_has_string (inclusion, "indigenous"));
        }
    }

  g_assert_true (seen_security);
  g_assert_true (seen_indigenous);
}

static void
test_commitments (Fixture *f, gconstpointer data)
{
  static const char *const names[] = {
    "Conformación del Consejo Comunal de Organizaciones de la Sociedad Civil (COSOC)",
    "Diseño e implementación de Planes de Desarrollo Barrial",
    "Creación del Consejo Ciudadano de Seguridad Comunitaria",
    "Instancia formal de diálogo entre el municipio",
    "Concejo Municipal Abierto",
  };
  g_autoptr (JsonParser) parser = export_and_parse (f);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *commitments = get_array (root, "commitments");
  g_autofree char *text = NULL;

  g_assert_cmpint (json_array_get_length (commitments), ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *commitment = json_array_get_object_element (commitments, i);

      g_assert_cmpint (json_object_get_int_member (commitment, "position"), ==, i + 1);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (commitment, "name"),
                                       names[i]));
      g_assert_cmpint (json_array_get_length (get_array (commitment, "milestones")), >=, 4);
      g_assert_cmpint (json_array_get_length (get_array (commitment, "contacts")), >=, 1);
      g_assert_nonnull (get_array (commitment, "actors"));
    }

  /* Commitment 1: contact with email, and its municipal actors. */
  {
    JsonObject *first = json_array_get_object_element (commitments, 0);
    JsonObject *contact = json_array_get_object_element (get_array (first, "contacts"), 0);
    JsonArray *actors = get_array (first, "actors");
    JsonObject *milestone = json_array_get_object_element (get_array (first, "milestones"), 0);

    g_assert_cmpstr (json_object_get_string_member (contact, "name"), ==, "Pamela Hernández Runge");
    g_assert_cmpstr (json_object_get_string_member (contact, "email"), ==,
                     "pamela.hernandez@renca.cl");
    g_assert_cmpint (json_array_get_length (actors), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (actors, 0),
                                                    "kind"), ==, "municipal");
    g_assert_cmpstr (json_object_get_string_member (milestone, "starts_on"), ==, "2019-10");
    g_assert_cmpstr (json_object_get_string_member (milestone, "ends_on"), ==, "2020-03");
  }

  /* Accents survive as characters, both parsed and in the file itself. */
  g_assert_true (g_file_get_contents (f->json_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Participación"));
  g_assert_nonnull (strstr (text, "Zúñiga"));
}

/* An export into a folder that does not exist fails and leaves no file. */
/* The JSON is written as the rows are read (cocrea-json-export.c): a
 * text with quotes, backslashes and every kind of control character
 * reads back as it was, beside accents and emoji. */
static void
test_escapes (Fixture *f, gconstpointer data)
{
  static const char text[] = "a\"b\\c\t\n\r\b\f\x01\x1f\x7f ñ € 😀 </script>";
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = NULL;
  JsonArray *contributions;
  gboolean found = FALSE;

  g_clear_object (&f->document);
  f->document = cocrea_document_open (f->path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_document_begin_edit (f->document, &error));
  g_assert_true (cocrea_db_exec (cocrea_document_get_db (f->document),
                                 "UPDATE contribution SET text = 'a\"b\\c' || char(9, 10, 13, 8,"
                                 " 12, 1, 31, 127) || ' ñ € 😀 </script>'"
                                 " WHERE id = (SELECT min(id) FROM contribution)",
                                 &error));
  g_assert_true (cocrea_document_commit_edit (f->document, &error));
  g_assert_no_error (error);

  parser = export_and_parse (f);
  contributions = get_array (json_node_get_object (json_parser_get_root (parser)), "contributions");
  for (guint i = 0; i < json_array_get_length (contributions); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (contributions, i),
                                                   "text"), text) == 0)
      found = TRUE;
  g_assert_true (found);
}

static void
test_missing_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *target = g_build_filename (missing, "renca.json", NULL);

  g_assert_false (cocrea_json_export (f->document, target, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "renca.json"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Exporting again replaces the previous file with a complete one. */
static void
test_replace (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = NULL;

  g_file_set_contents (f->json_path, "stale", -1, &error);
  g_assert_no_error (error);

  parser = export_and_parse (f);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "format"), ==, "cocrea");
}

/* Every kind writes a file with its extension, through the one entry point. */
static void
test_every_kind (Fixture *f, gconstpointer data)
{
  for (CocreaExportKind kind = 0; kind < COCREA_N_EXPORTS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("export-%d.%s", kind,
                                               cocrea_export_kind_get_extension (kind));
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) warnings = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      CocreaExportOptions options = { .commitment = 1 };

      g_assert_true (cocrea_export (f->document, kind, &options, path, NULL, NULL, NULL, &warnings,
                                    &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 0);
      if (g_str_equal (cocrea_export_kind_get_extension (kind), "pdf"))
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      /* The demo has no proposal from Decidim: the answers file says so. */
      if (kind == COCREA_EXPORT_DECIDIM_ANSWERS_CSV)
        {
          g_assert_nonnull (warnings);
          g_assert_cmpuint (g_strv_length (warnings), ==, 1);
        }
      g_unlink (path);
    }
}

static gboolean
count_progress (double fraction, const char *phase, gpointer data)
{
  (*(guint *) data)++;
  return TRUE;
}

static gboolean
cancel_at_first_progress (double fraction, const char *phase, gpointer data)
{
  g_cancellable_cancel (data);
  return TRUE;
}

/* The process itself is refused before anything is written; a cancelled
 * export fails as cancelled and leaves no file; the PDFs say how far they are. */
static void
test_entry_point (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "aportes.csv", NULL);
  guint reports = 0;

  g_assert_false (cocrea_export_check (f->document, f->path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (cocrea_export (f->document, COCREA_EXPORT_CONTRIBUTIONS_CSV, NULL, f->path, NULL,
                                 NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cocrea_document_check_file (f->path, NULL, NULL));

  g_assert_true (cocrea_export (f->document, COCREA_EXPORT_PLAN_PDF, NULL, pdf, NULL, count_progress,
                                &reports, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reports, >, 1);
  g_assert_true (cocrea_export_kind_reports_progress (COCREA_EXPORT_PLAN_PDF));
  g_assert_false (cocrea_export_kind_reports_progress (COCREA_EXPORT_PROCESS_JSON));
  g_unlink (pdf);

  g_assert_false (cocrea_export (f->document, COCREA_EXPORT_PLAN_PDF, NULL, pdf, cancellable,
                                 cancel_at_first_progress, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Already cancelled: nothing starts. */
  g_assert_false (cocrea_export (f->document, COCREA_EXPORT_CONTRIBUTIONS_CSV, NULL, csv, cancellable,
                                 NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/export/json/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("structure", test_structure);
  ADD ("groups", test_groups);
  ADD ("proposals", test_proposals);
  ADD ("commitments", test_commitments);
  ADD ("missing-folder", test_missing_folder);
  ADD ("replace", test_replace);
  ADD ("escapes", test_escapes);
#undef ADD
  g_test_add ("/export/entry-point/every-kind", Fixture, NULL, fixture_set_up, test_every_kind,
              fixture_tear_down);
  g_test_add ("/export/entry-point/check-cancel-progress", Fixture, NULL, fixture_set_up,
              test_entry_point, fixture_tear_down);

  return g_test_run ();
}
