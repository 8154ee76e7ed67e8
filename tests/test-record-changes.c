/* test-record-changes.c — what the document says an edit changed
 *
 * Every committed edit emits records-changed::KIND with the ids it added,
 * changed and removed, then changed; undo and redo the same way; a failed
 * edit and an inner edit rolled back say nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-activity.h"
#include "cocrea-contribution.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-record-changes.h"
#include "cocrea-undo.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  gint64 activity;
  gint64 group;
  GPtrArray *heard;   /* CocreaRecordChanges, in the order emitted */
  GString *order;     /* "contribution proposal changed " */
} Fixture;

static void
records_changed_cb (CocreaDocument *doc, CocreaRecordChanges *changes, Fixture *f)
{
  g_ptr_array_add (f->heard, cocrea_record_changes_ref (changes));
  g_string_append_printf (f->order, "%s ",
                          cocrea_record_kind_to_nick (cocrea_record_changes_get_kind (changes)));
}

static void
changed_cb (CocreaDocument *doc, Fixture *f)
{
  g_string_append (f->order, "changed ");
}

static void
count_cb (CocreaDocument *doc, CocreaRecordChanges *changes, guint *n)
{
  (*n)++;
}

static void
forget (Fixture *f)
{
  g_ptr_array_set_size (f->heard, 0);
  g_string_truncate (f->order, 0);
}

/* What was heard for @kind, or NULL. */
static CocreaRecordChanges *
heard (Fixture *f, CocreaRecordKind kind)
{
  for (guint i = 0; i < f->heard->len; i++)
    if (cocrea_record_changes_get_kind (f->heard->pdata[i]) == kind)
      return f->heard->pdata[i];
  return NULL;
}

/* The ids of @kind that had @change, as "1,2,3", "" for none. */
static char *
ids (Fixture *f, CocreaRecordKind kind, CocreaChange change)
{
  CocreaRecordChanges *changes = heard (f, kind);
  GString *text = g_string_new (NULL);
  const gint64 *list;
  guint n = 0;

  if (changes != NULL)
    {
      list = cocrea_record_changes_get_ids (changes, change, &n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", list[i]);
    }
  return g_string_free (text, FALSE);
}

#define assert_ids(f, kind, change, expected)                                    \
  G_STMT_START                                                                   \
  {                                                                              \
    g_autofree char *got_ = ids (f, kind, change);                              \
    g_assert_cmpstr (got_, ==, expected);                                        \
  }                                                                              \
  G_STMT_END

static gint64
add_contribution (Fixture *f, const char *text)
{
  return test_process_add_contribution (TEST_PROCESS (f), f->activity, f->group, text);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaActivityFields workshop = { COCREA_ACTIVITY_WORKSHOP, "Taller", "2019-03-26", "Sede", 20,
                                    { 0 } };

  test_process_empty (TEST_PROCESS (f), "plan.cocrea");
  g_assert_true (cocrea_activity_add (f->document, &workshop, &f->activity, NULL, &error));
  g_assert_true (cocrea_group_add (f->document, f->activity, "Mesa 1", 8, &f->group, NULL, &error));
  g_assert_no_error (error);

  f->heard = g_ptr_array_new_with_free_func ((GDestroyNotify) cocrea_record_changes_unref);
  f->order = g_string_new (NULL);
  g_signal_connect (f->document, "records-changed", G_CALLBACK (records_changed_cb), f);
  g_signal_connect (f->document, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
  g_ptr_array_unref (f->heard);
  g_string_free (f->order, TRUE);
}

/* One kind per signal, its detail the kind's nick; changed comes last. */
static void
test_add_contribution (Fixture *f, gconstpointer data)
{
  gint64 id;
  g_autofree char *expected = NULL;
  guint n_detailed = 0;

  g_signal_connect (f->document, "records-changed::contribution", G_CALLBACK (count_cb),
                    &n_detailed);
  g_signal_connect (f->document, "records-changed::activity", G_CALLBACK (count_cb), &n_detailed);
  id = add_contribution (f, "Más luminarias en la plaza");

  g_assert_cmpstr (f->order->str, ==, "contribution changed ");
  g_assert_cmpuint (n_detailed, ==, 1);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_ADDED, expected);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_CHANGED, "");
  g_assert_true (cocrea_record_changes_has (heard (f, COCREA_RECORD_CONTRIBUTION),
                                            COCREA_CHANGE_ADDED, id));
  /* The process's modification time is the commit's, not a change. */
  g_assert_null (heard (f, COCREA_RECORD_PROCESS));
}

/* A merge reports the new proposal before the contributions that went
 * into it; undoing it, the proposal removed and the contributions back;
 * redoing it, the proposal again (under its id) and the contributions. */
static void
test_merge_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) again = NULL;
  gint64 a = add_contribution (f, "Plazas iluminadas");
  gint64 b = add_contribution (f, "Luminarias en las plazas");
  gint64 merged[] = { a, b };
  gint64 proposal = 0;
  g_autofree char *both = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a, b);
  g_autofree char *proposal_text = NULL;

  forget (f);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Plazas iluminadas", merged, 2, &proposal,
                                            &undo, &error));
  g_assert_no_error (error);
  proposal_text = g_strdup_printf ("%" G_GINT64_FORMAT, proposal);
  g_assert_cmpstr (f->order->str, ==, "proposal contribution changed ");
  assert_ids (f, COCREA_RECORD_PROPOSAL, COCREA_CHANGE_ADDED, proposal_text);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_CHANGED, both);

  forget (f);
  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->order->str, ==, "proposal contribution changed ");
  assert_ids (f, COCREA_RECORD_PROPOSAL, COCREA_CHANGE_REMOVED, proposal_text);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_CHANGED, both);

  forget (f);
  g_assert_true (cocrea_undo_apply (f->document, redo, &again, &error));
  g_assert_no_error (error);
  assert_ids (f, COCREA_RECORD_PROPOSAL, COCREA_CHANGE_ADDED, proposal_text);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_CHANGED, both);
}

/* Deleting an activity reports what SQLite deleted with it. */
static void
test_cascade (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add_contribution (f, "Un paradero techado");
  g_autofree char *activity = g_strdup_printf ("%" G_GINT64_FORMAT, f->activity);
  g_autofree char *group = g_strdup_printf ("%" G_GINT64_FORMAT, f->group);
  g_autofree char *contribution = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  forget (f);
  g_assert_true (cocrea_activity_delete (f->document, f->activity, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->order->str, ==, "activity group contribution changed ");
  assert_ids (f, COCREA_RECORD_ACTIVITY, COCREA_CHANGE_REMOVED, activity);
  assert_ids (f, COCREA_RECORD_GROUP, COCREA_CHANGE_REMOVED, group);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_REMOVED, contribution);
}

/* A refused edit says nothing at all. */
static void
test_failed_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaContributionFields fields = { f->activity, 999, COCREA_ORIGIN_COMMUNITY, "Texto", NULL,
                                      0 };

  forget (f);
  g_assert_false (cocrea_contribution_add (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_assert_cmpstr (f->order->str, ==, "");
}

/* Inside one outer edit: an inner edit rolled back is forgotten, a row
 * added and deleted again is nobody's change, the rest is reported once,
 * when the outer edit commits. */
static void
test_nested (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaContributionFields bad = { f->activity, 999, COCREA_ORIGIN_COMMUNITY, "Texto", NULL, 0 };
  gint64 kept, dropped;
  g_autofree char *expected = NULL;

  forget (f);
  g_assert_true (cocrea_document_begin_edit (f->document, &error));
  kept = add_contribution (f, "Se queda");
  g_assert_false (cocrea_contribution_add (f->document, &bad, NULL, NULL, NULL));
  dropped = add_contribution (f, "Se va");
  g_assert_true (cocrea_contribution_delete (f->document, dropped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->order->str, ==, "");
  g_assert_true (cocrea_document_commit_edit (f->document, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (f->order->str, ==, "contribution changed ");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, kept);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_ADDED, expected);
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_REMOVED, "");
}

/* An outer edit rolled back says nothing of its inner edits. */
static void
test_rolled_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;

  forget (f);
  g_assert_true (cocrea_document_begin_edit (f->document, &error));
  add_contribution (f, "No queda");
  cocrea_document_rollback_edit (f->document);
  g_assert_cmpstr (f->order->str, ==, "");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, add_contribution (f, "Esta sí"));
  g_assert_cmpstr (f->order->str, ==, "contribution changed ");
  assert_ids (f, COCREA_RECORD_CONTRIBUTION, COCREA_CHANGE_ADDED, expected);
}

/* The process record is a record too when an edit changes it. */
static void
test_process (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaProcessInfo) info = cocrea_document_get_process (f->document, &error);

  g_assert_no_error (error);
  g_free (info->title);
  info->title = g_strdup ("Plan de Acción");
  forget (f);
  g_assert_true (cocrea_document_update_process (f->document, info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->order->str, ==, "process changed ");
  assert_ids (f, COCREA_RECORD_PROCESS, COCREA_CHANGE_CHANGED, "1");
}

/* The set's own rules: ids kept sorted and once, whatever the order added. */
static void
test_set (void)
{
  g_autoptr (CocreaRecordChanges) changes = cocrea_record_changes_new (COCREA_RECORD_SCORE);
  const gint64 *list;
  guint n;

  cocrea_record_changes_add (changes, COCREA_CHANGE_CHANGED, 7);
  cocrea_record_changes_add (changes, COCREA_CHANGE_CHANGED, 3);
  cocrea_record_changes_add (changes, COCREA_CHANGE_CHANGED, 7);
  cocrea_record_changes_add (changes, COCREA_CHANGE_CHANGED, 5);
  list = cocrea_record_changes_get_ids (changes, COCREA_CHANGE_CHANGED, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (list[0], ==, 3);
  g_assert_cmpint (list[1], ==, 5);
  g_assert_cmpint (list[2], ==, 7);
  g_assert_true (cocrea_record_changes_has (changes, COCREA_CHANGE_CHANGED, 5));
  g_assert_false (cocrea_record_changes_has (changes, COCREA_CHANGE_ADDED, 5));
  g_assert_cmpuint (cocrea_record_changes_get_n_ids (changes), ==, 3);
  g_assert_cmpstr (cocrea_record_kind_to_nick (COCREA_RECORD_SCORE), ==, "score");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/record-changes/add", test_add_contribution);
  ADD ("/record-changes/merge-undo-redo", test_merge_undo_redo);
  ADD ("/record-changes/cascade", test_cascade);
  ADD ("/record-changes/failed-edit", test_failed_edit);
  ADD ("/record-changes/nested", test_nested);
  ADD ("/record-changes/rolled-back", test_rolled_back);
  ADD ("/record-changes/process", test_process);
#undef ADD
  g_test_add_func ("/record-changes/set", test_set);

  return g_test_run ();
}
