/* test-history.c — the audit log read back for people: who did what, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-history.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-selection.h"
#include "test-process.h"

typedef TestProcess Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  test_process_demo (f, "renca.cocrea", COCREA_OPEN_DEFAULT);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

/* Edits leave entries with who made them; each reads as a sentence and
 * belongs to a kind the History view filters by. */
static void
test_entries (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = cocrea_history_list (f->document, NULL, &error);
  g_autoptr (GPtrArray) after = NULL;
  gint64 ids[2] = { 0 };
  gint64 proposal = 0;
  const CocreaHistoryEntry *merge, *decide;
  g_autofree char *merged = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *when = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >=, 1);

  cocrea_db_query_int (cocrea_document_get_db (f->document),
                       "SELECT min (id) FROM contribution", &ids[0],
                       &error);
  cocrea_db_query_int (cocrea_document_get_db (f->document),
                       "SELECT max (id) FROM contribution", &ids[1],
                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (ids[0], <, ids[1]);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Sedes abiertas", ids, 2, &proposal,
                                            NULL, &error));
  g_assert_true (cocrea_selection_decide (f->document, proposal, COCREA_DECISION_NOT_SHORTLISTED,
                                          "Fuera del alcance del plan", FALSE, &error));
  g_assert_no_error (error);

  after = cocrea_history_list (f->document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 2);
  merge = after->pdata[after->len - 2];
  decide = after->pdata[after->len - 1];
  g_assert_cmpint (merge->id, <, decide->id);
  g_assert_cmpstr (merge->author, ==, "Ana Pérez");
  g_assert_cmpint (cocrea_history_entry_kind (merge), ==, COCREA_HISTORY_MERGE);
  g_assert_cmpint (cocrea_history_entry_kind (decide), ==, COCREA_HISTORY_DECISION);

  merged = cocrea_history_entry_describe (merge);
  g_assert_true (g_str_has_prefix (merged, "Contributions merged: proposal "));
  decided = cocrea_history_entry_describe (decide);
  g_assert_nonnull (strstr (decided, "Decision recorded: proposal"));
  g_assert_nonnull (strstr (decided, "Fuera del alcance del plan"));
  when = cocrea_history_entry_when (decide);
  g_assert_cmpuint (strlen (when), ==, strlen ("2026-12-02 10:00"));
}

/* --since keeps the entries of that day (UTC) and later; a bad day is
 * refused; an unknown action still shows, by its key. */
static void
test_since_and_unknown (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) later = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autofree char *described = NULL;
  const CocreaHistoryEntry *last;

  cocrea_db_exec (cocrea_document_get_db (f->document),
                  "INSERT INTO audit_log (at, action, subject, detail, author) VALUES"
                  " ('2031-01-05T10:00:00Z', 'teleport', 'galaxy:7', 'far', 'Futuro')",
                  &error);
  g_assert_no_error (error);

  all = cocrea_history_list (f->document, NULL, &error);
  later = cocrea_history_list (f->document, "2031-01-05", &error);
  none = cocrea_history_list (f->document, "2031-01-06", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 0);
  last = all->pdata[all->len - 1];
  g_assert_cmpint (cocrea_history_entry_kind (last), ==, COCREA_HISTORY_OTHER);
  described = cocrea_history_entry_describe (last);
  g_assert_cmpstr (described, ==, "teleport: galaxy:7 — far");

  g_assert_null (cocrea_history_list (f->document, "2031-02-30", &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("COCREA_AUTHOR", "Ana Pérez", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/history/entries", test_entries);
  ADD ("/history/since-and-unknown", test_since_and_unknown);
#undef ADD

  return g_test_run ();
}
