/* test-completion.c — a commitment's completion on OGP's scale: derived
 * from its milestones, set by hand with a reason, and undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cocrea-commitment.h"
#include "cocrea-completion.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-milestone.h"
#include "cocrea-undo.h"
#include "test-process.h"

typedef TestProcess Fixture;

/* The Renca demo without its illustrative follow-up records, so every
 * commitment starts with no evidence. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  test_process_demo (f, "renca.cocrea", COCREA_OPEN_DEFAULT);
  cocrea_db_exec (cocrea_document_get_db (f->document), "DELETE FROM milestone_progress", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

/* The rule of cocrea-completion.c, case by case. */
static void
test_derive (void)
{
  const struct {
    guint milestones, done, in_progress;
    gboolean any_record;
    CocreaCompletion expected;
  } cases[] = {
    { 0, 0, 0, FALSE, COCREA_COMPLETION_NO_EVIDENCE },
    { 4, 0, 0, FALSE, COCREA_COMPLETION_NO_EVIDENCE },
    { 4, 0, 0, TRUE, COCREA_COMPLETION_NOT_STARTED },
    { 4, 0, 1, TRUE, COCREA_COMPLETION_LIMITED },   /* 0.125 */
    { 4, 1, 0, TRUE, COCREA_COMPLETION_LIMITED },   /* 0.25 */
    { 4, 1, 1, TRUE, COCREA_COMPLETION_LIMITED },   /* 0.375 */
    { 4, 2, 0, TRUE, COCREA_COMPLETION_SUBSTANTIAL }, /* 0.5 */
    { 5, 2, 1, TRUE, COCREA_COMPLETION_SUBSTANTIAL }, /* 0.5 */
    { 5, 2, 0, TRUE, COCREA_COMPLETION_LIMITED },   /* 0.4 */
    { 4, 0, 4, TRUE, COCREA_COMPLETION_SUBSTANTIAL }, /* 0.5 */
    { 4, 3, 1, TRUE, COCREA_COMPLETION_SUBSTANTIAL }, /* 0.875 */
    { 4, 4, 0, TRUE, COCREA_COMPLETION_COMPLETE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cocrea_completion_derive (cases[i].milestones, cases[i].done,
                                               cases[i].in_progress, cases[i].any_record),
                     ==, cases[i].expected);
}

static void
test_keys (void)
{
  for (CocreaCompletion level = 0; level < COCREA_N_COMPLETION; level++)
    {
      CocreaCompletion back = COCREA_N_COMPLETION;

      g_assert_true (cocrea_completion_from_text (cocrea_completion_to_key (level), &back));
      g_assert_cmpint (back, ==, level);
      back = COCREA_N_COMPLETION;
      g_assert_true (cocrea_completion_from_text (cocrea_completion_label (level), &back));
      g_assert_cmpint (back, ==, level);
    }
  {
    CocreaCompletion level = COCREA_COMPLETION_LIMITED;
    g_assert_true (cocrea_completion_from_text ("  SUBSTANTIAL ", &level) ||
                   cocrea_completion_from_text ("substantial", &level));
    g_assert_false (cocrea_completion_from_text ("almost", &level));
    g_assert_false (cocrea_completion_from_text (NULL, &level));
  }
}

/* The milestone ids of commitment number @position. */
static GArray *
milestones_of (Fixture *f, int position, gint64 *commitment_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) states = cocrea_milestone_progress_follow_up (f->document, NULL, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < states->len; i++)
    {
      CocreaMilestoneState *s = g_ptr_array_index (states, i);
      if (s->commitment_position == position)
        {
          g_array_append_val (ids, s->milestone_id);
          *commitment_id = s->commitment_id;
        }
    }
  return ids;
}

static void
record (Fixture *f, gint64 milestone, CocreaProgress status, const char *day)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cocrea_milestone_progress_record (f->document, milestone, status, day,
                                                   status == COCREA_PROGRESS_DONE ? "Acta" : "",
                                                   NULL, NULL, &error));
  g_assert_no_error (error);
}

static CocreaCompletion
level_of (Fixture *f, gint64 commitment_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCompletionState) state = cocrea_completion_get (f->document, commitment_id,
                                                                   &error);
  g_assert_no_error (error);
  return state->level;
}

/* Levels follow the milestones' latest records. */
static void
test_follows_milestones (Fixture *f, gconstpointer data)
{
  gint64 commitment = 0;
  g_autoptr (GArray) ids = milestones_of (f, 3, &commitment);
  guint n = ids->len;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = cocrea_completion_list (f->document, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((CocreaCompletionState *) all->pdata[i])->level, ==,
                     COCREA_COMPLETION_NO_EVIDENCE);

  g_assert_cmpuint (n, >=, 2);
  record (f, g_array_index (ids, gint64, 0), COCREA_PROGRESS_NOT_STARTED, "2020-01-10");
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_NOT_STARTED);
  record (f, g_array_index (ids, gint64, 0), COCREA_PROGRESS_IN_PROGRESS, "2020-02-10");
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_LIMITED);
  /* An earlier day recorded later is not the latest record. */
  record (f, g_array_index (ids, gint64, 0), COCREA_PROGRESS_NOT_STARTED, "2020-01-20");
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_LIMITED);
  for (guint i = 0; i < n; i++)
    record (f, g_array_index (ids, gint64, i), COCREA_PROGRESS_DONE, "2020-06-30");
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_COMPLETE);
}

/* Set by hand with a reason, kept beside what the milestones say, logged,
 * undone; a missing reason or an unknown commitment changes nothing. */
static void
test_set_by_hand (Fixture *f, gconstpointer data)
{
  gint64 commitment = 0;
  g_autoptr (GArray) ids = milestones_of (f, 2, &commitment);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) none = NULL;
  g_autoptr (CocreaCompletionState) state = NULL;
  gint64 logged = 0;

  g_assert_false (cocrea_completion_set (f->document, commitment, COCREA_COMPLETION_COMPLETE,
                                         "   ", NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_completion_set (f->document, 999999, COCREA_COMPLETION_COMPLETE,
                                         "x", NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  cocrea_db_query_int (cocrea_document_get_db (f->document),
                       "SELECT count (*) FROM commitment_completion", &logged, &error);
  g_assert_cmpint (logged, ==, 0);

  g_assert_true (cocrea_completion_set (f->document, commitment, COCREA_COMPLETION_SUBSTANTIAL,
                                        " Planes aprobados en concejo ", &undo, &error));
  g_assert_no_error (error);
  state = cocrea_completion_get (f->document, commitment, &error);
  g_assert_true (state->set_by_hand);
  g_assert_cmpint (state->level, ==, COCREA_COMPLETION_SUBSTANTIAL);
  g_assert_cmpint (state->derived, ==, COCREA_COMPLETION_NO_EVIDENCE);
  g_assert_cmpstr (state->reason, ==, "Planes aprobados en concejo");
  g_assert_nonnull (state->recorded_on);
  g_clear_pointer (&state, cocrea_completion_state_free);
  cocrea_db_query_int (cocrea_document_get_db (f->document),
                       "SELECT count (*) FROM audit_log WHERE action = 'set-completion'"
                       " AND author <> ''", &logged, &error);
  g_assert_cmpint (logged, ==, 1);

  /* Milestones move on; the level set by hand stays, theirs shows too. */
  record (f, g_array_index (ids, gint64, 0), COCREA_PROGRESS_IN_PROGRESS, "2020-03-01");
  state = cocrea_completion_get (f->document, commitment, &error);
  g_assert_cmpint (state->level, ==, COCREA_COMPLETION_SUBSTANTIAL);
  g_assert_cmpint (state->derived, ==, COCREA_COMPLETION_LIMITED);
  g_clear_pointer (&state, cocrea_completion_state_free);

  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_LIMITED);
  g_assert_true (cocrea_undo_apply (f->document, redo, NULL, &error));
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_SUBSTANTIAL);

  /* Changed again, then back to the milestones. */
  g_clear_object (&undo);
  g_assert_true (cocrea_completion_set (f->document, commitment, COCREA_COMPLETION_COMPLETE,
                                        "Cerrado", &undo, &error));
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_SUBSTANTIAL);
  g_clear_object (&undo);
  g_assert_true (cocrea_completion_follow_milestones (f->document, commitment, &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_LIMITED);
  /* Following already: no edit at all. */
  g_assert_true (cocrea_completion_follow_milestones (f->document, commitment, &none, &error));
  g_assert_null (none);
}

/* Deleting a commitment and undoing it brings its level set by hand back. */
static void
test_delete_commitment (Fixture *f, gconstpointer data)
{
  gint64 commitment = 0;
  g_autoptr (GArray) ids = milestones_of (f, 4, &commitment);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;

  g_assert_true (cocrea_completion_set (f->document, commitment, COCREA_COMPLETION_LIMITED,
                                        "Mesa constituida", NULL, &error));
  g_assert_true (cocrea_commitment_delete (f->document, commitment, &undo, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (level_of (f, commitment), ==, COCREA_COMPLETION_LIMITED);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/completion/derive", test_derive);
  g_test_add_func ("/completion/keys", test_keys);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/completion/follows-milestones", test_follows_milestones);
  ADD ("/completion/set-by-hand", test_set_by_hand);
  ADD ("/completion/delete-commitment", test_delete_commitment);
#undef ADD

  return g_test_run ();
}
