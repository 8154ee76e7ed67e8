/* test-merge.c — activities, groups, contributions, merges, tally and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-activity.h"
#include "cocrea-contribution.h"
#include "cocrea-contribution-list.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-proposal.h"
#include "cocrea-suggest.h"
#include "cocrea-tally.h"
#include "cocrea-undo.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  gint64 activity;
  gint64 groups[3];
  gint64 other_activity;
} Fixture;

static gint64
add_contribution (Fixture *f, gint64 activity, gint64 group, const char *text)
{
  return test_process_add_contribution (TEST_PROCESS (f), activity, group, text);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaActivityFields workshop = { COCREA_ACTIVITY_WORKSHOP, "Taller principal", "2019-03-26",
                                    "Sede vecinal", 80, { 40, 20, 5, 2, 1 } };
  CocreaActivityFields online = { COCREA_ACTIVITY_ONLINE, "Consulta en línea", NULL, NULL, 0,
                                  { 0 } };

  test_process_empty (TEST_PROCESS (f), "plan.cocrea");

  g_assert_true (cocrea_activity_add (f->document, &workshop, &f->activity, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Mesa %u", i + 1);
      g_assert_true (cocrea_group_add (f->document, f->activity, name, 8 + i, &f->groups[i], NULL,
                                       &error));
      g_assert_no_error (error);
    }
  g_assert_true (cocrea_activity_add (f->document, &online, &f->other_activity, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
}

static gint64
query_int (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  g_assert_true (cocrea_db_query_int (cocrea_document_get_db (f->document), sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* Checks the tally entry of @proposal: its three counts, or absent when n < 0. */
static void
assert_tally (Fixture *f, gint64 proposal, int n, guint groups, guint activities)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) tally = cocrea_tally (f->document, &error);
  gboolean found = FALSE;
  guint previous = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tally); i++)
    {
      g_autoptr (CocreaProposal) p = g_list_model_get_item (tally, i);

      /* Most contributions first. */
      g_assert_cmpuint (cocrea_proposal_get_n_contributions (p), <=, previous);
      previous = cocrea_proposal_get_n_contributions (p);
      if (cocrea_proposal_get_id (p) != proposal)
        continue;
      found = TRUE;
      g_assert_cmpint (n, >=, 0);
      g_assert_cmpuint (cocrea_proposal_get_n_contributions (p), ==, (guint) n);
      g_assert_cmpuint (cocrea_proposal_get_n_groups (p), ==, groups);
      g_assert_cmpuint (cocrea_proposal_get_n_activities (p), ==, activities);
    }
  g_assert_true (found == (n >= 0));
}

/* The full-text index agrees with the tables it indexes. */
static void
assert_index_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = cocrea_document_get_db (f->document);

  g_assert_true (cocrea_db_exec (db,
                                 "INSERT INTO contribution_fts (contribution_fts, rank)"
                                 " VALUES ('integrity-check', 1);"
                                 "INSERT INTO proposal_fts (proposal_fts, rank)"
                                 " VALUES ('integrity-check', 1);",
                                 &error));
  g_assert_no_error (error);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaActivityFields activity = { COCREA_ACTIVITY_SURVEY, "  ", NULL, NULL, 10, { 0 } };
  CocreaContributionFields contribution = { f->activity, 0, COCREA_ORIGIN_COMMUNITY, " \n ", NULL,
                                            0 };
  g_autoptr (GString) big = g_string_new (NULL);
  g_autoptr (CocreaContribution) back = NULL;
  gint64 id = 0;

  g_assert_false (cocrea_activity_add (f->document, &activity, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  activity.name = "Encuesta";
  activity.attendance = -1;
  g_assert_false (cocrea_activity_add (f->document, &activity, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  /* Beyond what `cocrea check` accepts (issue 10, class 7). */
  activity.attendance = 1000001;
  g_assert_false (cocrea_activity_add (f->document, &activity, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  activity.attendance = 10;
  activity.inclusion[1] = 11;
  g_assert_false (cocrea_activity_add (f->document, &activity, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  activity.inclusion[1] = -2;
  g_assert_false (cocrea_activity_add (f->document, &activity, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  activity.inclusion[1] = 10;
  activity.held_on = "2019-02-30";
  g_assert_false (cocrea_activity_add (f->document, &activity, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cocrea_group_add (f->document, f->activity, "", -1, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_group_add (f->document, f->activity, "Mesa 1", -1, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_group_add (f->document, 999, "Mesa 9", -1, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (cocrea_contribution_add (f->document, &contribution, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  /* A group of another activity is refused. */
  contribution.text = "Algo";
  contribution.activity_id = f->other_activity;
  contribution.group_id = f->groups[0];
  g_assert_false (cocrea_contribution_add (f->document, &contribution, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* 100 KB of text is kept whole, and indexed. */
  while (big->len < 100 * 1024)
    g_string_append (big, "Queremos más participación ciudadana en el presupuesto. ");
  id = add_contribution (f, f->activity, f->groups[0], big->str);
  back = cocrea_contribution_lookup (f->document, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (cocrea_contribution_get_text (back)), ==, big->len - 1);
  g_clear_object (&back);

  /* Emoji are kept as typed. */
  id = add_contribution (f, f->activity, 0, "Más árboles 🌳 en la plaza 👍");
  back = cocrea_contribution_lookup (f->document, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cocrea_contribution_get_text (back), ==, "Más árboles 🌳 en la plaza 👍");
  g_assert_null (cocrea_contribution_get_group_name (back));

  assert_index_ok (f);
  /* Nothing refused was written. */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM activity"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 2);
}

static void
test_tally_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) again = NULL;
  g_autoptr (CocreaProposal) p2 = NULL;
  gint64 c[7];
  gint64 first, second, third;

  c[0] = add_contribution (f, f->activity, f->groups[0], "Presupuestos participativos");
  c[1] = add_contribution (f, f->activity, f->groups[1], "Presupuesto participativo por barrio");
  c[2] = add_contribution (f, f->activity, f->groups[1], "Que los vecinos decidan el presupuesto");
  c[3] = add_contribution (f, f->other_activity, 0, "Votar parte del presupuesto en línea");
  c[4] = add_contribution (f, f->activity, f->groups[2], "Cuenta pública en la plaza");
  c[5] = add_contribution (f, f->activity, f->groups[2], "Rendición de cuentas abierta");
  c[6] = add_contribution (f, f->other_activity, 0, "Presupuesto municipal abierto");

  g_assert_true (cocrea_merge_new_proposal (f->document, "Presupuestos participativos",
                                            (gint64[]) { c[0], c[1] }, 2, &first, NULL, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 2, 2, 1);

  g_assert_true (cocrea_merge_new_proposal (f->document, "Decidir el presupuesto",
                                            (gint64[]) { c[2], c[3] }, 2, &second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_merge_new_proposal (f->document, "Cuenta pública",
                                            (gint64[]) { c[4], c[5] }, 2, &third, NULL, &error));
  g_assert_no_error (error);
  assert_tally (f, second, 2, 1, 2);

  /* A proposal into another: its contributions move, it is marked and leaves the tally. */
  g_assert_true (cocrea_merge_proposal (f->document, second, first, &undo, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 4, 2, 2);
  assert_tally (f, second, -1, 0, 0);
  p2 = cocrea_proposal_lookup (f->document, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cocrea_proposal_get_merged_into_id (p2), ==, first);

  /* A loop is refused. */
  g_assert_false (cocrea_merge_proposal (f->document, first, second, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_merge_proposal (f->document, first, first, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo separates them again; redo joins them; undoing the redo separates. */
  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 2, 2, 1);
  assert_tally (f, second, 2, 1, 2);
  g_assert_true (cocrea_undo_apply (f->document, redo, &again, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 4, 2, 2);
  g_clear_object (&undo);
  g_assert_true (cocrea_undo_apply (f->document, again, &undo, &error));
  g_assert_no_error (error);
  assert_tally (f, second, 2, 1, 2);
  g_clear_object (&undo);
  g_clear_object (&redo);
  g_clear_object (&again);

  /* Chains: third into second into first, and a contribution linked to the
   * merged-away third still counts for first, at the top of the chain. */
  g_assert_true (cocrea_merge_proposal (f->document, third, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_merge_proposal (f->document, second, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_merge_into (f->document, third, (gint64[]) { c[6] }, 1, &undo, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 7, 3, 2);
  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 6, 3, 2);
  g_clear_object (&undo);

  /* Unmerge, undo, redo. */
  g_assert_true (cocrea_unmerge (f->document, (gint64[]) { c[0], c[4] }, 2, &undo, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 4, 2, 2);
  g_assert_true (cocrea_undo_apply (f->document, undo, &again, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 6, 3, 2);
  g_clear_object (&undo);
  g_assert_true (cocrea_undo_apply (f->document, again, &undo, &error));
  g_assert_no_error (error);
  assert_tally (f, first, 4, 2, 2);

  /* Bad ids change nothing. */
  g_assert_false (cocrea_merge_into (f->document, first, (gint64[]) { c[0], 4242 }, 2, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cocrea_merge_into (f->document, 4242, (gint64[]) { c[0] }, 1, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cocrea_merge_new_proposal (f->document, "  ", (gint64[]) { c[0] }, 1, NULL, NULL,
                                             &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  assert_tally (f, first, 4, 2, 2);
  assert_index_ok (f);
}

static void
test_undo_delete_activity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) again = NULL;
  g_autoptr (GListModel) before = NULL;
  g_autoptr (GListModel) after = NULL;
  g_autoptr (GListModel) groups = NULL;
  g_autoptr (GListModel) found = NULL;
  gint64 c[4];
  gint64 proposal;

  c[0] = add_contribution (f, f->activity, f->groups[0], "Iluminación de la plaza");
  c[1] = add_contribution (f, f->activity, f->groups[1], "Luminarias en los pasajes");
  c[2] = add_contribution (f, f->activity, f->groups[2], "Cámaras de seguridad");
  c[3] = add_contribution (f, f->other_activity, 0, "Más luz en la plaza");
  g_assert_true (cocrea_merge_new_proposal (f->document, "Iluminación", (gint64[]) { c[0], c[1], c[3] },
                                            3, &proposal, NULL, &error));
  g_assert_no_error (error);
  assert_tally (f, proposal, 3, 2, 2);
  before = cocrea_contribution_list (f->document, 0, 0, &error);
  g_assert_no_error (error);

  g_assert_true (cocrea_activity_delete (f->document, f->activity, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM table_group"), ==, 0);
  assert_tally (f, proposal, 1, 0, 1);
  found = cocrea_suggest (f->document, "cámaras", 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);
  assert_index_ok (f);

  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  assert_tally (f, proposal, 3, 2, 2);
  groups = cocrea_group_list (f->document, f->activity, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 3);
  after = cocrea_contribution_list (f->document, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr (CocreaContribution) a = g_list_model_get_item (before, i);
      g_autoptr (CocreaContribution) b = g_list_model_get_item (after, i);

      g_assert_cmpint (cocrea_contribution_get_id (a), ==, cocrea_contribution_get_id (b));
      g_assert_cmpint (cocrea_contribution_get_group_id (a), ==, cocrea_contribution_get_group_id (b));
      g_assert_cmpint (cocrea_contribution_get_proposal_id (a), ==,
                       cocrea_contribution_get_proposal_id (b));
      g_assert_cmpstr (cocrea_contribution_get_text (a), ==, cocrea_contribution_get_text (b));
    }
  found = cocrea_suggest (f->document, "cámaras", 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  assert_index_ok (f);

  /* Redo deletes again, and its undo restores again. */
  g_assert_true (cocrea_undo_apply (f->document, redo, &again, &error));
  g_assert_no_error (error);
  assert_tally (f, proposal, 1, 0, 1);
  g_clear_object (&undo);
  g_assert_true (cocrea_undo_apply (f->document, again, &undo, &error));
  g_assert_no_error (error);
  assert_tally (f, proposal, 3, 2, 2);
  assert_index_ok (f);

  g_assert_false (cocrea_activity_delete (f->document, 4242, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
}

static void
test_undo_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaContribution) c = NULL;
  g_autoptr (GListModel) found = NULL;
  CocreaContributionFields fields = { 0 };
  gint64 id, group;

  id = add_contribution (f, f->activity, f->groups[0], "Huertos comunitarios");
  c = cocrea_contribution_lookup (f->document, id, &error);
  g_assert_no_error (error);
  cocrea_contribution_get_fields (c, &fields);
  fields.text = "Reciclaje en los colegios";
  g_assert_true (cocrea_contribution_update (f->document, id, &fields, &undo, &error));
  g_assert_no_error (error);
  g_clear_object (&c);

  found = cocrea_suggest (f->document, "reciclaje", 5, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  c = cocrea_contribution_lookup (f->document, id, &error);
  g_assert_cmpstr (cocrea_contribution_get_text (c), ==, "Huertos comunitarios");
  found = cocrea_suggest (f->document, "reciclaje", 5, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);
  found = cocrea_suggest (f->document, "huerto", 5, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  g_clear_object (&undo);
  g_clear_object (&redo);

  /* Deleting a contribution, and adding one, undo too. */
  g_assert_true (cocrea_contribution_delete (f->document, id, &undo, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 1);
  g_clear_object (&undo);
  {
    CocreaContributionFields added = { f->activity, 0, COCREA_ORIGIN_MUNICIPAL, "Otra cosa", NULL, 0 };
    g_assert_true (cocrea_contribution_add (f->document, &added, NULL, &undo, &error));
    g_assert_no_error (error);
    g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution"), ==, 1);
    g_clear_object (&undo);
  }

  /* A deleted group comes back, and its contributions with it. */
  group = f->groups[0];
  g_assert_true (cocrea_group_delete (f->document, group, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution WHERE group_id IS NULL"), ==, 1);
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contribution WHERE group_id IS NULL"), ==, 0);
  g_clear_object (&undo);

  g_assert_true (cocrea_group_update (f->document, group, "Mesa uno", 9, &undo, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM table_group WHERE name = 'Mesa 1'"), ==, 1);
  assert_index_ok (f);
}

static void
test_audit_log (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  gint64 a = add_contribution (f, f->activity, 0, "Uno");
  gint64 b = add_contribution (f, f->activity, 0, "Dos");
  gint64 proposal;

  g_assert_true (cocrea_merge_new_proposal (f->document, "Título", (gint64[]) { a }, 1, &proposal, NULL,
                                            &error));
  g_assert_true (cocrea_merge_into (f->document, proposal, (gint64[]) { b }, 1, NULL, &error));
  g_assert_true (cocrea_unmerge (f->document, (gint64[]) { a }, 1, &undo, &error));
  g_assert_cmpstr (cocrea_undo_get_label (undo), ==, "Unmerge 1 contribution");
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'merge'"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'unmerge'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'undo'"
                                 " AND subject = 'unmerge'"), ==, 1);
}

static void
test_filter (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  g_auto (GStrv) words = NULL;
  guint matches = 0;

  add_contribution (f, f->activity, 0, "Más PARTICIPACIÓN de jóvenes");
  add_contribution (f, f->activity, 0, "Ciclovías seguras");
  list = cocrea_contribution_list (f->document, f->activity, 0, &error);
  g_assert_no_error (error);

  words = cocrea_contribution_filter_words ("  Partic  jovenes ");
  g_assert_cmpuint (g_strv_length (words), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (list, i);
      matches += cocrea_contribution_matches (c, (const char * const *) words);
    }
  g_assert_cmpuint (matches, ==, 1);
  g_clear_pointer (&words, g_strfreev);

  words = cocrea_contribution_filter_words ("");
  {
    g_autoptr (CocreaContribution) c = g_list_model_get_item (list, 1);
    g_assert_true (cocrea_contribution_matches (c, (const char * const *) words));
    g_assert_cmpstr (cocrea_contribution_get_activity_name (c), ==, "Taller principal");
  }
}

/* The list's fast filter agrees with the per-item one, and an item keeps
 * its strings after the list is gone. */
static void
test_list_filter_fast (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (CocreaContribution) kept = NULL;
  g_auto (GStrv) words = NULL;
  g_autofree guint *positions = NULL;
  guint n_items, n, matches = 0;

  add_contribution (f, f->activity, 0, "Más PARTICIPACIÓN de jóvenes");
  add_contribution (f, f->activity, 0, "Ciclovías seguras");
  list = cocrea_contribution_list (f->document, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (COCREA_IS_CONTRIBUTION_LIST (list));
  n_items = g_list_model_get_n_items (list);
  g_assert_null (g_list_model_get_item (list, n_items));

  words = cocrea_contribution_filter_words ("ciclovia");
  positions = g_new (guint, n_items);
  n = cocrea_contribution_list_filter (COCREA_CONTRIBUTION_LIST (list),
                                       (const char * const *) words, positions);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (list, i);
      g_autoptr (CocreaContribution) again = g_list_model_get_item (list, i);

      g_assert_true (c == again);
      if (cocrea_contribution_matches (c, (const char * const *) words))
        g_assert_cmpuint (positions[matches++], ==, i);
    }
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (matches, ==, n);

  kept = g_list_model_get_item (list, positions[0]);
  g_clear_object (&list);
  g_assert_cmpstr (cocrea_contribution_get_text (kept), ==, "Ciclovías seguras");
  g_assert_cmpstr (cocrea_contribution_get_activity_name (kept), ==, "Taller principal");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/merge/validation", test_validation);
  ADD ("/merge/tally-chain-undo-redo", test_tally_chain);
  ADD ("/merge/undo-delete-activity", test_undo_delete_activity);
  ADD ("/merge/undo-edits", test_undo_edits);
  ADD ("/merge/audit-log", test_audit_log);
  ADD ("/merge/filter", test_filter);
  ADD ("/merge/list-filter-fast", test_list_filter_fast);
#undef ADD

  return g_test_run ();
}
