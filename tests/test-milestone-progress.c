/* test-milestone-progress.c — following the plan's milestones: records,
 * the current state of each milestone, lateness and the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-commitment.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone.h"
#include "cocrea-milestone-progress.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  gint64 commitment;  /* the plan's first commitment */
  gint64 milestones[2]; /* its first two milestones */
} Fixture;

/* The Renca demo with its follow-up emptied, so every test starts with no
 * progress recorded. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) commitments = NULL;
  g_autoptr (GListModel) milestones = NULL;
  g_autoptr (CocreaCommitment) first = NULL;

  test_process_demo (TEST_PROCESS (f), "renca.cocrea", COCREA_OPEN_DEFAULT);
  cocrea_db_exec (cocrea_document_get_db (f->document), "DELETE FROM milestone_progress", &error);
  g_assert_no_error (error);

  commitments = cocrea_commitment_list (f->document, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (commitments, 0);
  f->commitment = cocrea_commitment_get_id (first);
  milestones = cocrea_milestone_list (f->document, f->commitment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), >=, 2);
  for (guint i = 0; i < G_N_ELEMENTS (f->milestones); i++)
    {
      g_autoptr (CocreaMilestone) m = g_list_model_get_item (milestones, i);
      f->milestones[i] = cocrea_milestone_get_id (m);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
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

static gint64
count_records (Fixture *f)
{
  return query_int (f, "SELECT count (*) FROM milestone_progress");
}

static gint64
record (Fixture *f, gint64 milestone, CocreaProgress status, const char *day, const char *evidence)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (cocrea_milestone_progress_record (f->document, milestone, status, day, evidence,
                                                   &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Applies @undo, asserting it works, and returns the redo. */
static CocreaUndo *
apply (Fixture *f, CocreaUndo *undo)
{
  g_autoptr (GError) error = NULL;
  CocreaUndo *redo = NULL;

  g_assert_nonnull (undo);
  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  return redo;
}

static CocreaMilestoneState *
state (Fixture *f, gint64 milestone, const char *today)
{
  g_autoptr (GError) error = NULL;
  CocreaMilestoneState *s = cocrea_milestone_progress_get_state (f->document, milestone, today,
                                                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static void
test_from_text (void)
{
  CocreaProgress p = COCREA_N_PROGRESS;

  g_assert_true (cocrea_progress_from_text ("in-progress", &p));
  g_assert_cmpint (p, ==, COCREA_PROGRESS_IN_PROGRESS);
  g_assert_true (cocrea_progress_from_text ("En curso", &p));
  g_assert_cmpint (p, ==, COCREA_PROGRESS_IN_PROGRESS);
  g_assert_true (cocrea_progress_from_text ("NO INICIADO", &p));
  g_assert_cmpint (p, ==, COCREA_PROGRESS_NOT_STARTED);
  g_assert_true (cocrea_progress_from_text ("not started", &p));
  g_assert_cmpint (p, ==, COCREA_PROGRESS_NOT_STARTED);
  g_assert_true (cocrea_progress_from_text ("Completado", &p));
  g_assert_cmpint (p, ==, COCREA_PROGRESS_DONE);
  g_assert_true (cocrea_progress_from_text ("done", &p));
  g_assert_cmpint (p, ==, COCREA_PROGRESS_DONE);
  g_assert_false (cocrea_progress_from_text ("maybe", &p));
  g_assert_false (cocrea_progress_from_text (NULL, &p));
  g_assert_cmpstr (cocrea_progress_to_key (COCREA_PROGRESS_NOT_STARTED), ==, "not-started");
  g_assert_cmpstr (cocrea_progress_label (COCREA_PROGRESS_DONE), ==, "Done");
}

static void
test_record_undo_redo (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) again = NULL;
  g_autoptr (CocreaUndo) update_undo = NULL;
  g_autoptr (CocreaUndo) delete_undo = NULL;
  g_autoptr (CocreaUndo) restored = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (CocreaProgressRecord) first = NULL;
  gint64 id = 0;

  g_assert_true (cocrea_milestone_progress_record (f->document, f->milestones[0],
                                                   COCREA_PROGRESS_IN_PROGRESS, "2020-01-15",
                                                   "  Acta de la sesión\n ", &id, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_records (f), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action ="
                                 " 'record-progress'"), ==, 1);

  list = cocrea_milestone_progress_list (f->document, f->milestones[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (cocrea_progress_record_get_id (first), ==, id);
  g_assert_cmpint (cocrea_progress_record_get_milestone_id (first), ==, f->milestones[0]);
  g_assert_cmpint (cocrea_progress_record_get_status (first), ==, COCREA_PROGRESS_IN_PROGRESS);
  g_assert_cmpstr (cocrea_progress_record_get_recorded_on (first), ==, "2020-01-15");
  g_assert_cmpstr (cocrea_progress_record_get_evidence (first), ==, "Acta de la sesión");

  redo = apply (f, undo);
  g_assert_cmpint (count_records (f), ==, 0);
  again = apply (f, redo);
  g_assert_cmpint (count_records (f), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT max (id) FROM milestone_progress"), ==, id);

  g_assert_true (cocrea_milestone_progress_update (f->document, id, COCREA_PROGRESS_DONE,
                                                   "2020-02-01", "Informe final", &update_undo,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM milestone_progress WHERE status = 'done'"
                                 " AND recorded_on = '2020-02-01'"), ==, 1);
  g_clear_object (&restored);
  restored = apply (f, update_undo);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM milestone_progress WHERE status ="
                                 " 'in-progress' AND recorded_on = '2020-01-15'"), ==, 1);

  g_assert_true (cocrea_milestone_progress_delete (f->document, id, &delete_undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_records (f), ==, 0);
  g_clear_object (&restored);
  restored = apply (f, delete_undo);
  g_assert_cmpint (count_records (f), ==, 1);

  /* Unknown ids. */
  g_assert_false (cocrea_milestone_progress_record (f->document, 999999,
                                                    COCREA_PROGRESS_IN_PROGRESS, NULL, NULL, NULL,
                                                    NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cocrea_milestone_progress_update (f->document, 999999,
                                                    COCREA_PROGRESS_IN_PROGRESS, NULL, NULL, NULL,
                                                    &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cocrea_milestone_progress_delete (f->document, 999999, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_assert_cmpint (count_records (f), ==, 1);
}

static void
test_evidence_required (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_assert_false (cocrea_milestone_progress_record (f->document, f->milestones[0],
                                                    COCREA_PROGRESS_DONE, "2020-03-01", "  \n",
                                                    NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Evidence:"));
  g_clear_error (&error);
  g_assert_false (cocrea_milestone_progress_record (f->document, f->milestones[0],
                                                    COCREA_PROGRESS_DONE, NULL, NULL, NULL, NULL,
                                                    &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_records (f), ==, 0);

  /* Other statuses need none; an update to done does. */
  id = record (f, f->milestones[0], COCREA_PROGRESS_NOT_STARTED, "2020-03-01", NULL);
  g_assert_false (cocrea_milestone_progress_update (f->document, id, COCREA_PROGRESS_DONE,
                                                    "2020-03-01", "", NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM milestone_progress WHERE status ="
                                 " 'not-started'"), ==, 1);
  record (f, f->milestones[0], COCREA_PROGRESS_DONE, "2020-03-02", "https://renca.cl/acta");
}

static void
test_dates (Fixture *f, gconstpointer unused)
{
  const char *bad[] = { "2020-02-30", "2020-13-01", "2020-06", "2020", "30/06/2020", "ayer",
                        "2020-6-3" };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (CocreaProgressRecord) latest = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (cocrea_milestone_progress_record (f->document, f->milestones[0],
                                                        COCREA_PROGRESS_IN_PROGRESS, bad[i], NULL,
                                                        NULL, NULL, &error));
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Date:"));
      g_clear_error (&error);
    }
  g_assert_false (cocrea_milestone_progress_record (f->document, f->milestones[0],
                                                    COCREA_PROGRESS_IN_PROGRESS, next, NULL, NULL,
                                                    NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_records (f), ==, 0);

  /* Today is allowed, and is what no day means. */
  record (f, f->milestones[0], COCREA_PROGRESS_IN_PROGRESS, today, NULL);
  record (f, f->milestones[1], COCREA_PROGRESS_IN_PROGRESS, NULL, NULL);
  list = cocrea_milestone_progress_list (f->document, f->milestones[1], &error);
  g_assert_no_error (error);
  latest = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cocrea_progress_record_get_recorded_on (latest), ==, today);
}

static void
test_latest (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (CocreaMilestoneState) none = state (f, f->milestones[0], "2019-01-01");
  g_autoptr (CocreaMilestoneState) s = NULL;
  g_autoptr (CocreaMilestoneState) same_day = NULL;
  gint64 late, early;

  g_assert_cmpint (none->status, ==, COCREA_PROGRESS_NOT_STARTED);
  g_assert_null (none->recorded_on);
  g_assert_cmpstr (none->evidence, ==, "");
  g_assert_cmpint (none->commitment_position, ==, 1);
  g_assert_cmpint (none->position, ==, 1);

  /* Entered out of order: the latest is by day, not by entry. */
  late = record (f, f->milestones[0], COCREA_PROGRESS_DONE, "2020-05-01", "Informe");
  early = record (f, f->milestones[0], COCREA_PROGRESS_IN_PROGRESS, "2020-01-01", NULL);
  s = state (f, f->milestones[0], "2020-06-01");
  g_assert_cmpint (s->status, ==, COCREA_PROGRESS_DONE);
  g_assert_cmpstr (s->recorded_on, ==, "2020-05-01");
  g_assert_cmpstr (s->evidence, ==, "Informe");

  list = cocrea_milestone_progress_list (f->document, f->milestones[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr (CocreaProgressRecord) a = g_list_model_get_item (list, 0);
    g_autoptr (CocreaProgressRecord) b = g_list_model_get_item (list, 1);
    g_assert_cmpint (cocrea_progress_record_get_id (a), ==, late);
    g_assert_cmpint (cocrea_progress_record_get_id (b), ==, early);
  }

  /* On the same day, the last entered wins. */
  record (f, f->milestones[0], COCREA_PROGRESS_IN_PROGRESS, "2020-05-01", "Se reabrió");
  same_day = state (f, f->milestones[0], "2020-06-01");
  g_assert_cmpint (same_day->status, ==, COCREA_PROGRESS_IN_PROGRESS);

  /* The other milestone is untouched. */
  g_clear_pointer (&s, cocrea_milestone_state_free);
  s = state (f, f->milestones[1], "2020-06-01");
  g_assert_cmpint (s->status, ==, COCREA_PROGRESS_NOT_STARTED);

  g_assert_null (cocrea_milestone_progress_get_state (f->document, 999999, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
}

static void
test_overdue (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaMilestoneState) s = NULL;

  /* A month alone ends on its last day; leap years count. */
  g_assert_false (cocrea_milestone_is_overdue ("2019-09", COCREA_PROGRESS_NOT_STARTED,
                                               "2019-09-30"));
  g_assert_true (cocrea_milestone_is_overdue ("2019-09", COCREA_PROGRESS_NOT_STARTED,
                                              "2019-10-01"));
  g_assert_false (cocrea_milestone_is_overdue ("2020-02", COCREA_PROGRESS_IN_PROGRESS,
                                               "2020-02-29"));
  g_assert_true (cocrea_milestone_is_overdue ("2020-02", COCREA_PROGRESS_IN_PROGRESS,
                                              "2020-03-01"));
  g_assert_false (cocrea_milestone_is_overdue ("2020", COCREA_PROGRESS_IN_PROGRESS, "2020-12-31"));
  g_assert_true (cocrea_milestone_is_overdue ("2020", COCREA_PROGRESS_IN_PROGRESS, "2021-01-01"));
  g_assert_false (cocrea_milestone_is_overdue ("2020-03-26", COCREA_PROGRESS_NOT_STARTED,
                                               "2020-03-26"));
  g_assert_true (cocrea_milestone_is_overdue ("2020-03-26", COCREA_PROGRESS_NOT_STARTED,
                                              "2020-03-27"));
  /* Done is never late; no end, or a broken one, is never late. */
  g_assert_false (cocrea_milestone_is_overdue ("2019-09", COCREA_PROGRESS_DONE, "2025-01-01"));
  g_assert_false (cocrea_milestone_is_overdue (NULL, COCREA_PROGRESS_NOT_STARTED, "2025-01-01"));
  g_assert_false (cocrea_milestone_is_overdue ("soon", COCREA_PROGRESS_NOT_STARTED, "2025-01-01"));

  /* Through a stored milestone with a month-only end. */
  cocrea_milestone_update (f->document, f->milestones[0], "Entregable", "2019-06", "2019-09",
                           &error);
  g_assert_no_error (error);
  s = state (f, f->milestones[0], "2019-09-30");
  g_assert_false (s->overdue);
  g_clear_pointer (&s, cocrea_milestone_state_free);
  s = state (f, f->milestones[0], "2019-10-01");
  g_assert_true (s->overdue);
  g_clear_pointer (&s, cocrea_milestone_state_free);
  record (f, f->milestones[0], COCREA_PROGRESS_DONE, "2019-10-02", "Acta");
  s = state (f, f->milestones[0], "2019-10-03");
  g_assert_false (s->overdue);
}

static void
test_follow_up_summary (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (CocreaProgressSummary) summary = NULL;
  gint64 n_milestones = query_int (f, "SELECT count (*) FROM milestone");
  gint64 n_commitments = query_int (f, "SELECT count (DISTINCT commitment_id) FROM milestone");
  const CocreaProgressCounts *first;
  guint with_end = 0;

  record (f, f->milestones[0], COCREA_PROGRESS_DONE, "2020-01-01", "Acta");
  record (f, f->milestones[1], COCREA_PROGRESS_IN_PROGRESS, "2020-01-01", NULL);

  /* Long after the plan ended: everything not done that has an end is late. */
  states = cocrea_milestone_progress_follow_up (f->document, "2030-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (states->len, ==, n_milestones);
  for (guint i = 1; i < states->len; i++)
    {
      const CocreaMilestoneState *a = g_ptr_array_index (states, i - 1);
      const CocreaMilestoneState *b = g_ptr_array_index (states, i);
      g_assert_true (a->commitment_position < b->commitment_position ||
                     (a->commitment_position == b->commitment_position &&
                      a->position < b->position));
    }
  for (guint i = 0; i < states->len; i++)
    {
      const CocreaMilestoneState *s = g_ptr_array_index (states, i);
      g_assert_cmpint (s->overdue, ==, s->ends_on != NULL && s->status != COCREA_PROGRESS_DONE);
      with_end += s->overdue;
    }
  g_assert_cmpuint (with_end, >, 0);

  summary = cocrea_milestone_progress_summarize (states);
  g_assert_cmpuint (summary->overall.total, ==, n_milestones);
  g_assert_cmpuint (summary->overall.by_status[COCREA_PROGRESS_DONE], ==, 1);
  g_assert_cmpuint (summary->overall.by_status[COCREA_PROGRESS_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (summary->overall.by_status[COCREA_PROGRESS_NOT_STARTED], ==, n_milestones - 2);
  g_assert_cmpuint (summary->overall.overdue, ==, with_end);
  g_assert_cmpuint (summary->commitments->len, ==, n_commitments);
  first = &g_array_index (summary->commitments, CocreaProgressCounts, 0);
  g_assert_cmpint (first->commitment_id, ==, f->commitment);
  g_assert_cmpint (first->position, ==, 1);
  g_assert_nonnull (first->name);
  g_assert_cmpuint (first->by_status[COCREA_PROGRESS_DONE], ==, 1);
  g_assert_cmpuint (first->by_status[COCREA_PROGRESS_IN_PROGRESS], ==, 1);
}

static void
test_cascade (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaMilestoneState) s = NULL;

  record (f, f->milestones[0], COCREA_PROGRESS_IN_PROGRESS, "2020-01-01", "Avance");
  record (f, f->milestones[0], COCREA_PROGRESS_DONE, "2020-02-01", "Informe");
  record (f, f->milestones[1], COCREA_PROGRESS_IN_PROGRESS, "2020-01-01", NULL);

  g_assert_true (cocrea_milestone_delete (f->document, f->milestones[0], &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_records (f), ==, 1);

  redo = apply (f, undo);
  g_assert_cmpint (count_records (f), ==, 3);
  s = state (f, f->milestones[0], "2020-03-01");
  g_assert_cmpint (s->status, ==, COCREA_PROGRESS_DONE);
  g_assert_cmpstr (s->evidence, ==, "Informe");
}

static void
test_texts (Fixture *f, gconstpointer unused)
{
  g_autoptr (GString) big = g_string_new (NULL);
  g_autoptr (CocreaMilestoneState) s = NULL;
  const char *emoji = "Hecho ✅ con la comunidad 👩🏽‍🤝‍👩🏻 y la junta vecinal";

  while (big->len < 100 * 1024)
    g_string_append (big, "Evidencia larga: actas, fotografías y listas de asistencia. ");
  record (f, f->milestones[0], COCREA_PROGRESS_DONE, "2020-01-01", big->str);
  s = state (f, f->milestones[0], NULL);
  g_strchomp (big->str);
  g_assert_cmpstr (s->evidence, ==, big->str);

  record (f, f->milestones[1], COCREA_PROGRESS_DONE, "2020-01-01", emoji);
  g_clear_pointer (&s, cocrea_milestone_state_free);
  s = state (f, f->milestones[1], NULL);
  g_assert_cmpstr (s->evidence, ==, emoji);
}

static void
test_read_only (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) reader = NULL;
  g_autoptr (GPtrArray) states = NULL;
  gint64 id = record (f, f->milestones[0], COCREA_PROGRESS_IN_PROGRESS, "2020-01-01", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length = 0, after_length = 0;

  g_clear_object (&f->document);
  g_file_get_contents (f->path, &before, &length, &error);
  g_assert_no_error (error);
  reader = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_false (cocrea_milestone_progress_record (reader, f->milestones[0],
                                                    COCREA_PROGRESS_IN_PROGRESS, NULL, NULL, NULL,
                                                    NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cocrea_milestone_progress_update (reader, id, COCREA_PROGRESS_IN_PROGRESS, NULL,
                                                    NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cocrea_milestone_progress_delete (reader, id, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Reading works. */
  states = cocrea_milestone_progress_follow_up (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, >, 0);

  g_clear_object (&reader);
  g_file_get_contents (f->path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, length, after, after_length);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/progress/from-text", test_from_text);
  ADD ("/progress/record-undo-redo", test_record_undo_redo);
  ADD ("/progress/evidence-required", test_evidence_required);
  ADD ("/progress/dates", test_dates);
  ADD ("/progress/latest", test_latest);
  ADD ("/progress/overdue", test_overdue);
  ADD ("/progress/follow-up-summary", test_follow_up_summary);
  ADD ("/progress/cascade", test_cascade);
  ADD ("/progress/texts", test_texts);
  ADD ("/progress/read-only", test_read_only);

  return g_test_run ();
}
