/* test-merge-scores.c — scores brought back from an evaluator's copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-merge-scores.h"
#include "cocrea-score.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  char *copy;
} Fixture;

/*
 * The demo, and a copy (same process) where an evaluator changed one
 * score (technical of proposal 1 by "Grupo 1 – DIDECO", to a value the
 * demo does not have) and a new evaluator scored proposal 2's budget.
 */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) copy = NULL;
  gint64 current;

  test_process_demo (TEST_PROCESS (f), "main.cocrea", COCREA_OPEN_DEFAULT);
  f->copy = test_process_file (TEST_PROCESS (f), "laptop.cocrea");
  g_assert_true (cocrea_document_save_copy (f->document, f->copy, &error));
  g_assert_no_error (error);

  copy = cocrea_document_open (f->copy, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  current = test_document_query_int (copy, "SELECT value FROM score s JOIN evaluator e ON e.id = s.evaluator_id"
                             " JOIN criterion c ON c.id = s.criterion_id"
                             " WHERE e.name = 'Grupo 1 – DIDECO' AND s.proposal_id = 1 AND c.key = 'technical'");
  g_assert_true (cocrea_score_set_by_name (copy, "Grupo 1 – DIDECO", NULL, 1, "technical",
                                           current == 1 ? 2 : 1, "Revisado en casa", &error));
  g_assert_true (cocrea_score_set_by_name (copy, "Ana Pérez", "SECPLAN", 2, "budget", 4,
                                           "Hay fondos regionales", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
  g_free (f->copy);
}

#define OUR_TECHNICAL \
  "SELECT value FROM score s JOIN evaluator e ON e.id = s.evaluator_id" \
  " JOIN criterion c ON c.id = s.criterion_id" \
  " WHERE e.name = 'Grupo 1 – DIDECO' AND s.proposal_id = 1 AND c.key = 'technical'"

static void
test_conflicts_kept (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaMergeScoresPlan) plan = NULL;
  g_autoptr (CocreaMergeScoresPlan) again = NULL;
  g_autofree char *before = test_file_sha256 (f->copy);
  g_autofree char *after = NULL;
  gint64 ours = test_document_query_int (f->document, OUR_TECHNICAL);
  const CocreaScoreChange *c;
  guint written = 0;

  plan = cocrea_merge_scores_plan (f->document, f->copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->new_scores->len, ==, 1);
  g_assert_cmpuint (plan->conflicts->len, ==, 1);
  g_assert_cmpuint (plan->skipped->len, ==, 0);
  g_assert_cmpuint (plan->unchanged, ==, 4 * 8 * 5 - 1);

  c = &g_array_index (plan->new_scores, CocreaScoreChange, 0);
  g_assert_cmpstr (c->evaluator, ==, "Ana Pérez");
  g_assert_cmpint (c->their_value, ==, 4);
  c = &g_array_index (plan->conflicts, CocreaScoreChange, 0);
  g_assert_cmpint (c->our_value, ==, ours);
  g_assert_cmpstr (c->their_note, ==, "Revisado en casa");
  g_assert_cmpint (c->resolution, ==, COCREA_MERGE_UNRESOLVED);

  /* Apply without resolving: the new score goes in, ours stays. */
  g_assert_true (cocrea_merge_scores_apply (f->document, plan, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 1);
  g_assert_cmpint (test_document_query_int (f->document, OUR_TECHNICAL), ==, ours);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM evaluator WHERE name = 'Ana Pérez'"
                                           " AND department = 'SECPLAN'"), ==, 1);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM audit_log WHERE action = 'merge-scores'"), ==, 1);

  /* The other file was only read. */
  after = test_file_sha256 (f->copy);
  g_assert_cmpstr (before, ==, after);

  /* Planned again: only the conflict remains; taking theirs applies it. */
  again = cocrea_merge_scores_plan (f->document, f->copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->new_scores->len, ==, 0);
  g_assert_cmpuint (again->conflicts->len, ==, 1);
  cocrea_merge_scores_resolve_all (again, COCREA_MERGE_TAKE_THEIRS);
  g_assert_cmpuint (cocrea_merge_scores_count_unresolved (again), ==, 0);
  g_assert_true (cocrea_merge_scores_apply (f->document, again, &written, &error));
  g_assert_cmpuint (written, ==, 1);
  g_assert_cmpint (test_document_query_int (f->document, OUR_TECHNICAL), ==,
                   g_array_index (again->conflicts, CocreaScoreChange, 0).their_value);
}

static void
test_stale_plan (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaMergeScoresPlan) plan = cocrea_merge_scores_plan (f->document, f->copy, &error);
  gint64 before = test_document_query_int (f->document, "SELECT count(*) FROM score");

  g_assert_no_error (error);
  /* Someone scores the same cell here after the plan was made. */
  g_assert_true (cocrea_score_set_by_name (f->document, "Ana Pérez", "", 2, "budget", 2, "", &error));
  g_assert_false (cocrea_merge_scores_apply (f->document, plan, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_cmpint (test_document_query_int (f->document, "SELECT count(*) FROM score"), ==, before + 1);
}

static void
test_other_process (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.cocrea", NULL);
  g_autoptr (CocreaDocument) doc = cocrea_document_create (other, "Otro plan", "Quilicura", 2020, 2022, &error);
  g_autoptr (CocreaMergeScoresPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_clear_object (&doc);
  before = test_file_sha256 (other);

  plan = cocrea_merge_scores_plan (f->document, other, &error);
  g_assert_null (plan);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another process"));
  g_clear_error (&error);
  after = test_file_sha256 (other);
  g_assert_cmpstr (before, ==, after);

  /* Nor the file itself. */
  plan = cocrea_merge_scores_plan (f->document, f->path, &error);
  g_assert_null (plan);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  /* Nor something that is not a process. */
  g_file_set_contents (other, "not a database", -1, NULL);
  plan = cocrea_merge_scores_plan (f->document, other, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_unlink (other);
}

static void
test_title_mismatch (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaMergeScoresPlan) plan = NULL;
  g_autoptr (CocreaDocument) copy = cocrea_document_open (f->copy, COCREA_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  /* In the copy proposal 2 became something else: its scores must not land on ours.
   * (Its suggestion index follows, or the copy would be damaged and refused.) */
  cocrea_db_exec (cocrea_document_get_db (copy),
                  "UPDATE proposal SET title = 'Otra cosa' WHERE id = 2;"
                  "INSERT INTO proposal_fts (proposal_fts) VALUES ('rebuild');",
                  &error);
  g_assert_no_error (error);
  g_clear_object (&copy);

  plan = cocrea_merge_scores_plan (f->document, f->copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->new_scores->len, ==, 0);
  g_assert_cmpuint (plan->skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (plan->skipped, 0), "Otra cosa"));
  g_assert_cmpuint (plan->conflicts->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/merge-scores/conflicts-kept", test_conflicts_kept);
  ADD ("/merge-scores/stale-plan", test_stale_plan);
  ADD ("/merge-scores/other-process", test_other_process);
  ADD ("/merge-scores/title-mismatch", test_title_mismatch);
#undef ADD

  return g_test_run ();
}
