/* test-revision.c — the plan changed in answer to consultation comments,
 * and the final plan that accounts for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-commitment.h"
#include "cocrea-consultation.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone.h"
#include "cocrea-pdf-commitment-report.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-revision.h"
#include "cocrea-undo.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  gint64 commitment2;
  gint64 milestone22;
} Fixture;

/* The Renca demo: comments 1–3 accepted or partly, 4 not accepted. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) commitments = NULL;
  g_autoptr (GListModel) milestones = NULL;
  g_autoptr (CocreaCommitment) c2 = NULL;
  g_autoptr (CocreaMilestone) m2 = NULL;

  test_process_demo (TEST_PROCESS (f), "renca.cocrea", COCREA_OPEN_DEFAULT);

  commitments = cocrea_commitment_list (f->document, &error);
  c2 = g_list_model_get_item (commitments, 1);
  f->commitment2 = cocrea_commitment_get_id (c2);
  milestones = cocrea_milestone_list (f->document, f->commitment2, &error);
  m2 = g_list_model_get_item (milestones, 1);
  f->milestone22 = cocrea_milestone_get_id (m2);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
}

static char *
stored_text (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (cocrea_document_get_db (f->document), sql,
                                                     &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
count_revisions (Fixture *f)
{
  gint64 n = -1;

  cocrea_db_query_int (cocrea_document_get_db (f->document),
                       "SELECT count (*) FROM plan_revision", &n, NULL);
  return n;
}

/* A milestone's deliverable and a commitment's description changed in
 * answer to comments: the plan changes, the revisions keep both texts
 * and their comment, in plan order; one undo takes each back whole. */
static void
test_apply (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *deliverable = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT deliverable FROM milestone WHERE id = %"
                                          G_GINT64_FORMAT, f->milestone22);
  g_autofree char *old_deliverable = stored_text (f, sql);
  const CocreaRevision *r;
  gint64 id = 0;

  g_assert_true (cocrea_revision_apply (f->document, 1, f->commitment2, f->milestone22,
                                        "deliverable", "  Diseñar con asamblea en cada barrio  ",
                                        &id, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  deliverable = stored_text (f, sql);
  g_assert_cmpstr (deliverable, ==, "Diseñar con asamblea en cada barrio");

  g_assert_true (cocrea_revision_apply (f->document, 2, f->commitment2, 0, "additional_info",
                                        "Las fichas se publican sin datos personales.", NULL, NULL,
                                        &error));
  g_assert_no_error (error);

  list = cocrea_revision_list (f->document, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* The commitment's own fields before its milestones. */
  r = list->pdata[0];
  g_assert_cmpstr (r->field, ==, "additional_info");
  g_assert_cmpint (r->comment_id, ==, 2);
  g_assert_cmpint (r->comment_response, ==, COCREA_RESPONSE_PARTLY);
  r = list->pdata[1];
  g_assert_cmpint (r->commitment_position, ==, 2);
  g_assert_cmpint (r->milestone_position, ==, 2);
  g_assert_cmpstr (r->before, ==, old_deliverable);
  g_assert_cmpstr (r->after, ==, "Diseñar con asamblea en cada barrio");
  g_assert_cmpstr (r->comment_author, ==, "Junta de Vecinos Huamachuco");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cocrea_revision_list (f->document, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  g_free (deliverable);
  deliverable = stored_text (f, sql);
  g_assert_cmpstr (deliverable, ==, old_deliverable);
  g_assert_cmpint (count_revisions (f), ==, 1);
}

/* Refusals change nothing: a comment not accepted, a field no revision
 * may change, the same text, a value the plan's rules refuse, unknown
 * records. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name || '|' || coalesce (starts_on, '')"
                                          " FROM commitment WHERE id = %" G_GINT64_FORMAT,
                                          f->commitment2);
  g_autofree char *stored = stored_text (f, sql);
  g_autofree char *after = NULL;
  const struct {
    gint64 comment;
    gint64 milestone;
    const char *field;
    const char *value;
    int code;
  } cases[] = {
    { 4, 0, "name", "Otro nombre", COCREA_ERROR_INVALID },      /* not accepted */
    { 1, 0, "origin", "municipal", COCREA_ERROR_INVALID },      /* not a revisable field */
    { 1, -1, "problem", "x", COCREA_ERROR_INVALID },            /* not a milestone's field */
    { 1, 0, "name", NULL, COCREA_ERROR_INVALID },               /* the same text */
    { 1, 0, "name", "   ", COCREA_ERROR_INVALID },              /* an empty name */
    { 1, 0, "starts_on", "2019-13", COCREA_ERROR_INVALID },     /* no such month */
    { 999, 0, "note", "x", COCREA_ERROR_NOT_FOUND },            /* no such comment */
    { 1, 99999, "deliverable", "x", COCREA_ERROR_NOT_FOUND },   /* no such milestone */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *same = NULL;
      const char *value = cases[i].value;
      gint64 milestone = cases[i].milestone == -1 ? f->milestone22 : cases[i].milestone;

      if (value == NULL)
        value = same = g_strndup (stored, strchr (stored, '|') - stored);
      g_assert_false (cocrea_revision_apply (f->document, cases[i].comment, f->commitment2,
                                             milestone, cases[i].field, value, NULL, NULL,
                                             &error));
      g_assert_error (error, COCREA_ERROR, cases[i].code);
    }
  after = stored_text (f, sql);
  g_assert_cmpstr (after, ==, stored);
  g_assert_cmpint (count_revisions (f), ==, 0);
}

/* A comment deleted takes its revisions (not the plan's text) with it;
 * its undo brings them back. */
static void
test_delete_comment (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;

  g_assert_true (cocrea_revision_apply (f->document, 1, f->commitment2, 0, "note",
                                        "Con asambleas barriales.", NULL, NULL, &error));
  g_assert_true (cocrea_consultation_delete_comment (f->document, 1, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_revisions (f), ==, 0);
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_revisions (f), ==, 1);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* No warning from poppler on what Cocrea writes. */
  g_assert_cmpstr (err, ==, "");
  return g_steal_pointer (&out);
}

/* The final plan: its cover, the changes with before, after and the
 * comment, and the accountability part with every decision group. */
static void
test_final_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "final.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_true (cocrea_revision_apply (f->document, 1, f->commitment2, f->milestone22,
                                        "ends_on", "2020-03", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_pdf_plan_export_final (f->document, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Versión final del"));
  g_assert_null (strstr (flat, "Borrador del"));
  g_assert_nonnull (strstr (flat, "Cambios desde el borrador"));
  g_assert_nonnull (strstr (flat, "marzo de 2020"));
  g_assert_nonnull (strstr (flat, "Comentario 1"));
  g_assert_nonnull (strstr (flat, "Junta de Vecinos Huamachuco"));
  g_assert_nonnull (strstr (flat, "Rendición de cuentas: la decisión sobre cada propuesta"));
  g_assert_nonnull (strstr (flat, "Propuestas elegidas (5)"));
  /* The plan itself is there: its commitments and its annex. */
  g_assert_nonnull (strstr (flat, "Compromisos"));
  g_assert_nonnull (strstr (flat, "Anexo"));
}

/* Without revisions the final plan says the plan did not change. */
static void
test_final_pdf_unchanged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "final.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_true (cocrea_pdf_plan_export_final (f->document, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "El plan no cambió después de la consulta pública."));
}

/* The end-of-commitment report: the template, milestones with their
 * status, the evidence recorded, the completion level, and the comments
 * with their answers and the changes they caused. */
static void
test_commitment_report (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cierre.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nueve.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_true (cocrea_revision_apply (f->document, 1, f->commitment2, f->milestone22,
                                        "ends_on", "2020-03", NULL, NULL, &error));
  g_assert_true (cocrea_pdf_commitment_report_export (f->document, 2, path, NULL, NULL, NULL,
                                                      &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Informe de cierre del compromiso"));
  g_assert_nonnull (strstr (flat, "Compromiso 2:"));
  g_assert_nonnull (strstr (flat, "Avance y evidencia"));
  /* The demo's evidence for milestone 2.1. */
  g_assert_nonnull (strstr (flat, "datos abiertos"));
  g_assert_nonnull (strstr (flat, "Nivel de cumplimiento OGP"));
  g_assert_nonnull (strstr (flat, "Lo que dijo la consulta pública"));
  g_assert_nonnull (strstr (flat, "Junta de Vecinos Huamachuco"));
  g_assert_nonnull (strstr (flat, "Cambios al plan"));
  /* Only this commitment's comments: comment 3 is on commitment 3. */
  g_assert_null (strstr (flat, "Comité de seguridad vecinal"));

  g_assert_false (cocrea_pdf_commitment_report_export (f->document, 9, missing, NULL, NULL, NULL,
                                                       &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/revision/apply", test_apply);
  ADD ("/revision/refused", test_refused);
  ADD ("/revision/delete-comment", test_delete_comment);
  ADD ("/revision/final-pdf", test_final_pdf);
  ADD ("/revision/final-pdf-unchanged", test_final_pdf_unchanged);
  ADD ("/revision/commitment-report", test_commitment_report);
#undef ADD

  return g_test_run ();
}
