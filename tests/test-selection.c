/* test-selection.c — decisions under the quotas, with reasons, in the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-selection.h"
#include "test-process.h"

typedef TestProcess Fixture;

/* A new process (quotas 5: 2 municipal, 3 community) with municipal
 * proposals 1–3 and community proposals 4–7. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_empty (f, "p.cocrea");
  test_process_exec (f, "INSERT INTO proposal (id, title, origin, created_at) VALUES"
                        " (1, 'M1', 'municipal', 'x'), (2, 'M2', 'municipal', 'x'), (3, 'M3', 'municipal', 'x'),"
                        " (4, 'C1', 'community', 'x'), (5, 'C2', 'community', 'x'),"
                        " (6, 'C3', 'community', 'x'), (7, 'C4', 'community', 'x');");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
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

static void
decide_ok (Fixture *f, gint64 id, CocreaDecision decision)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cocrea_selection_decide (f->document, id, decision, "Porque sí, con razones", FALSE, &error));
  g_assert_no_error (error);
}

static void
test_reason_required (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (cocrea_selection_decide (f->document, 1, COCREA_DECISION_SHORTLISTED, "   ", FALSE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_selection_decide (f->document, 1, COCREA_DECISION_SELECTED, NULL, TRUE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_selection_decide (f->document, 99, COCREA_DECISION_SELECTED, "x", FALSE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM decision"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'decide'"), ==, 0);
}

static void
test_municipal_quota (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  CocreaSelectionSummary summary;

  decide_ok (f, 1, COCREA_DECISION_SELECTED);
  decide_ok (f, 2, COCREA_DECISION_SELECTED);

  /* The third municipal selection breaks the quota of 2. */
  g_assert_false (cocrea_selection_decide (f->document, 3, COCREA_DECISION_SELECTED, "Buena", FALSE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "quota"));
  g_assert_nonnull (strstr (error->message, "municipal"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM decision WHERE proposal_id = 3"), ==, 0);

  /* Re-deciding a selected proposal does not count it twice. */
  decide_ok (f, 1, COCREA_DECISION_SELECTED);

  /* Forced, and the log says so. */
  g_assert_true (cocrea_selection_decide (f->document, 3, COCREA_DECISION_SELECTED, "Decisión del alcalde", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'decide'"
                                 " AND subject = 'proposal:3' AND detail LIKE '%\"forced\":true%'"), ==, 1);

  g_assert_true (cocrea_selection_get_summary (f->document, &summary, &error));
  g_assert_cmpint (summary.selected, ==, 3);
  g_assert_cmpint (summary.selected_municipal, ==, 3);
  g_assert_cmpint (summary.quota_municipal, ==, 2);
  g_assert_cmpint (summary.undecided, ==, 4);
}

static void
test_community_and_total_quota (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  CocreaSelectionSummary summary;

  decide_ok (f, 4, COCREA_DECISION_SELECTED);
  decide_ok (f, 5, COCREA_DECISION_SELECTED);
  decide_ok (f, 6, COCREA_DECISION_SELECTED);
  g_assert_false (cocrea_selection_decide (f->document, 7, COCREA_DECISION_SELECTED, "x", FALSE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "community"));
  g_clear_error (&error);

  /* Total quota: 5. Two municipal fit the per-origin quota but the
   * forced fourth community one leaves room for one only. */
  g_assert_true (cocrea_selection_decide (f->document, 7, COCREA_DECISION_SELECTED, "x", TRUE, &error));
  decide_ok (f, 1, COCREA_DECISION_SELECTED);
  g_assert_false (cocrea_selection_decide (f->document, 2, COCREA_DECISION_SELECTED, "x", FALSE, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "in total"));
  g_clear_error (&error);

  /* Rejecting frees a place. */
  decide_ok (f, 7, COCREA_DECISION_NOT_SELECTED);
  decide_ok (f, 2, COCREA_DECISION_SELECTED);

  g_assert_true (cocrea_selection_get_summary (f->document, &summary, &error));
  g_assert_cmpint (summary.selected, ==, 5);
  g_assert_cmpint (summary.selected_community, ==, 3);
  g_assert_cmpint (summary.selected_municipal, ==, 2);
  g_assert_cmpint (summary.shortlisted, ==, 6);
}

static void
test_audit_and_reason (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  CocreaDecision decision;
  gboolean decided = TRUE;

  g_assert_true (cocrea_selection_get_decision (f->document, 4, &decided, &decision, &reason, &error));
  g_assert_false (decided);

  decide_ok (f, 4, COCREA_DECISION_SHORTLISTED);
  g_assert_true (cocrea_selection_decide (f->document, 4, COCREA_DECISION_NOT_SELECTED,
                                          "  Menor viabilidad presupuestaria  ", FALSE, &error));
  g_assert_true (cocrea_selection_get_decision (f->document, 4, &decided, &decision, &reason, &error));
  g_assert_true (decided);
  g_assert_cmpint (decision, ==, COCREA_DECISION_NOT_SELECTED);
  g_assert_cmpstr (reason, ==, "Menor viabilidad presupuestaria");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'decide' AND subject = 'proposal:4'"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE detail LIKE '%not-selected%Menor viabilidad%'"), ==, 1);
  g_assert_cmpstr (cocrea_decision_to_key (COCREA_DECISION_NOT_SHORTLISTED), ==, "not-shortlisted");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/selection/reason-required", test_reason_required);
  ADD ("/selection/quota/municipal", test_municipal_quota);
  ADD ("/selection/quota/community-and-total", test_community_and_total_quota);
  ADD ("/selection/audit-and-reason", test_audit_and_reason);
#undef ADD

  return g_test_run ();
}
