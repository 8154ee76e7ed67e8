/* test-sync.c — laptops' copies brought back into one process
 *
 * The scenarios of a workshop day, each checked against the contract of
 * issue 13: new rows come in, twice is once, a row changed on both sides
 * or deleted on one and changed on the other is a conflict and nothing is
 * overwritten unless someone says so, a copy of another process is
 * refused with its bytes untouched, an older copy is read without being
 * changed, one undo takes a copy back out whole. Then the property: eight
 * scripted laptops brought back in twenty random orders leave the same
 * process (`cocrea list --json` and `tally --json`, ids aside).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cocrea-activity.h"
#include "cocrea-contribution.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-schema.h"
#include "cocrea-score.h"
#include "cocrea-sync-copy.h"
#include "cocrea-sync.h"
#include "test-process.h"

#define N_GROUPS 8

typedef struct {
  char *dir;
  char *path;
  CocreaDocument *main;
  gint64 activity;
  gint64 groups[N_GROUPS];
} Fixture;

/* ---- helpers ---- */

/* The file at PATH still has the SHA-256 BEFORE: not a byte changed. */
static void
assert_file_unchanged (const char *before, const char *path)
{
  g_autofree char *now = test_file_sha256 (path);

  g_assert_cmpstr (before, ==, now);
}

static gint64
add (CocreaDocument *doc, gint64 activity, gint64 group, const char *text)
{
  g_autoptr (GError) error = NULL;
  CocreaContributionFields fields = {
    .activity_id = activity, .group_id = group, .origin = COCREA_ORIGIN_COMMUNITY, .text = text,
  };
  gint64 id = 0;

  g_assert_true (cocrea_contribution_add (doc, &fields, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
edit (CocreaDocument *doc, gint64 id, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaContribution) c = cocrea_contribution_lookup (doc, id, &error);
  CocreaContributionFields fields;

  g_assert_no_error (error);
  cocrea_contribution_get_fields (c, &fields);
  fields.text = text;
  g_assert_true (cocrea_contribution_update (doc, id, &fields, NULL, &error));
  g_assert_no_error (error);
}

static gint64
id_of_text (CocreaDocument *doc, const char *text)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  sqlite3_prepare_v2 (cocrea_document_get_db (doc), "SELECT id FROM contribution WHERE text = ?",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  return id;
}

static CocreaDocument *
open_doc (const char *path)
{
  g_autoptr (GError) error = NULL;
  CocreaDocument *doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return doc;
}

/* A copy of the main file for table @g (0-based), or the whole process when @g < 0. */
static char *
hand_out (Fixture *f, int g, const char *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *label = g_strdup_printf ("Mesa %d", g + 1);
  CocreaSyncCopyOptions options = {
    .label = g >= 0 ? label : NULL,
    .activity_id = g >= 0 ? f->activity : 0,
    .group_ids = g >= 0 ? &f->groups[g] : NULL,
    .n_groups = g >= 0 ? 1 : 0,
  };

  g_assert_true (cocrea_sync_write_copy (f->main, path, &options, &error));
  g_assert_no_error (error);
  return path;
}

static CocreaSyncPlan *
compare (CocreaDocument *doc, const char *copy)
{
  g_autoptr (GError) error = NULL;
  CocreaSyncPlan *plan = cocrea_sync_compare (doc, copy, COCREA_SYNC_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
apply (CocreaDocument *doc, CocreaSyncPlan *plan, CocreaUndo **undo)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cocrea_sync_apply (doc, plan, undo, &error));
  g_assert_no_error (error);
}

static guint
count (CocreaSyncPlan *plan, CocreaSyncKind kind, CocreaSyncChange change)
{
  return cocrea_sync_plan_get_count (plan, kind, change);
}

static CocreaSyncConflict *
conflict (CocreaSyncPlan *plan, guint i)
{
  GListModel *list = cocrea_sync_plan_get_conflicts (plan);
  g_autoptr (CocreaSyncConflict) c = g_list_model_get_item (list, i);
  return c; /* the plan keeps it alive */
}

/*
 * dump:
 * The process's contributions and proposals as text, every reference by
 * identity and never by local id: two files whose dumps are equal hold
 * the same process, however their rows were numbered.
 */
static char *
dump (CocreaDocument *doc)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db = cocrea_document_get_db (doc);

  sqlite3_prepare_v2 (db, "SELECT c.uid, c.text, a.name, g.name, p.uid FROM contribution c"
                          " JOIN activity a ON a.id = c.activity_id"
                          " LEFT JOIN table_group g ON g.id = c.group_id"
                          " LEFT JOIN proposal p ON p.id = c.proposal_id ORDER BY c.uid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "C %s|%s|%s|%s|%s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_prepare_v2 (db, "SELECT p.uid, p.title, t.uid FROM proposal p"
                          " LEFT JOIN proposal t ON t.id = p.merged_into_id ORDER BY p.uid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "P %s|%s|%s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_prepare_v2 (db, "SELECT g.uid, g.name, a.uid FROM table_group g"
                          " JOIN activity a ON a.id = g.activity_id ORDER BY g.uid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "G %s|%s|%s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/*
 * The main file: a workshop with eight tables, three contributions each,
 * four proposals holding some of them.
 */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CocreaActivityFields activity = {
    .kind = COCREA_ACTIVITY_WORKSHOP, .name = "Taller de cocreación", .held_on = "2019-03-26",
    .place = "Sede vecinal", .attendance = 82,
  };

  f->dir = g_dir_make_tmp ("cocrea-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "main.cocrea", NULL);
  f->main = cocrea_document_create (f->path, "Plan de Acción de Gobierno Abierto", "Renca", 2019,
                                    2021, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_activity_add (f->main, &activity, &f->activity, NULL, &error));
  for (int g = 0; g < N_GROUPS; g++)
    {
      g_autofree char *name = g_strdup_printf ("Mesa %d", g + 1);
      gint64 ids[3];

      g_assert_true (cocrea_group_add (f->main, f->activity, name, 10, &f->groups[g], NULL, &error));
      g_assert_no_error (error);
      for (int i = 0; i < 3; i++)
        {
          g_autofree char *text = g_strdup_printf ("Mesa %d dijo %d: más luminarias", g + 1, i);
          ids[i] = add (f->main, f->activity, f->groups[g], text);
        }
      if (g < 4)
        {
          g_autofree char *title = g_strdup_printf ("Propuesta base %d", g + 1);
          g_assert_true (cocrea_merge_new_proposal (f->main, title, ids, 2, NULL, NULL, &error));
          g_assert_no_error (error);
        }
    }
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->main);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- scenarios ---- */

/* A table's copy: what it holds, and what it brings back. Twice is once. */
static void
test_new_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = hand_out (f, 2, "Taller-26-03-Mesa-3.cocrea");
  g_autoptr (CocreaDocument) copy = open_doc (copy_path);
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (CocreaSyncPlan) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 activity = 0, group = 0, ids[3], proposal = 0;

  /* The copy keeps its table and every proposal, and opens capture there. */
  g_assert_cmpint (test_document_query_int (copy, "SELECT count(*) FROM contribution"), ==, 3);
  g_assert_cmpint (test_document_query_int (copy, "SELECT count(*) FROM table_group"), ==, 1);
  g_assert_cmpint (test_document_query_int (copy, "SELECT count(*) FROM proposal"), ==, 4);
  g_assert_true (cocrea_sync_get_focus (copy, &activity, &group, &error));
  g_assert_cmpint (activity, ==, f->activity);
  g_assert_cmpint (group, ==, f->groups[2]);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Plaza con juegos inclusivos %d", i);
      ids[i] = add (copy, activity, group, text);
    }
  g_assert_true (cocrea_merge_new_proposal (copy, "Juegos inclusivos", ids, 2, &proposal, NULL,
                                            &error));
  edit (copy, id_of_text (copy, "Mesa 3 dijo 2: más luminarias"), "Mesa 3 dijo 2: más luminarias LED");
  g_clear_object (&copy);

  before = test_file_sha256 (copy_path);
  plan = compare (f->main, copy_path);
  g_assert_cmpstr (cocrea_sync_plan_get_label (plan), ==, "Mesa 3");
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_NEW), ==, 3);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_CHANGED), ==, 1);
  g_assert_cmpuint (count (plan, COCREA_SYNC_PROPOSALS, COCREA_SYNC_NEW), ==, 1);
  g_assert_cmpuint (count (plan, COCREA_SYNC_LINKS, COCREA_SYNC_NEW), ==, 2);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_DELETED), ==, 0);
  g_assert_cmpuint (cocrea_sync_plan_get_n_changes (plan), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 0);
  apply (f->main, plan, NULL);

  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution"), ==, 8 * 3 + 3);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution c JOIN proposal p"
                                       " ON p.id = c.proposal_id WHERE p.title = 'Juegos inclusivos'"),
                   ==, 2);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution WHERE text ="
                                       " 'Mesa 3 dijo 2: más luminarias LED'"), ==, 1);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM audit_log WHERE action = 'sync'"), ==, 1);
  /* The suggestions index knows the new rows. */
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution_fts"
                                       " WHERE contribution_fts MATCH 'inclusivos'"), ==, 3);

  /* The copy was only read; bringing it back again brings nothing. */
  assert_file_unchanged (before, copy_path);
  again = compare (f->main, copy_path);
  g_assert_true (cocrea_sync_plan_is_empty (again));
  g_assert_true (cocrea_document_check_file (f->path, NULL, &error));
  g_assert_no_error (error);
}

/* Two copies with their own changes: A then B is B then A. */
static void
test_order (Fixture *f, gconstpointer data)
{
  g_autofree char *a_path = hand_out (f, 0, "a.cocrea");
  g_autofree char *b_path = hand_out (f, 1, "b.cocrea");
  g_autofree char *other_path = g_build_filename (f->dir, "main2.cocrea", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) other = NULL;
  g_autofree char *dump_ab = NULL;
  g_autofree char *dump_ba = NULL;

  {
    g_autoptr (CocreaDocument) a = open_doc (a_path);
    g_autoptr (CocreaDocument) b = open_doc (b_path);
    gint64 ids[2];

    ids[0] = add (a, f->activity, f->groups[0], "Mesa 1: huertos comunitarios");
    ids[1] = id_of_text (a, "Mesa 1 dijo 2: más luminarias");
    g_assert_true (cocrea_merge_new_proposal (a, "Huertos", ids, 2, NULL, NULL, &error));
    add (b, f->activity, f->groups[1], "Mesa 2: ciclovías seguras");
    g_assert_true (cocrea_contribution_delete (b, id_of_text (b, "Mesa 2 dijo 2: más luminarias"),
                                               NULL, &error));
    g_assert_no_error (error);
  }

  g_assert_true (cocrea_document_save_copy (f->main, other_path, &error));
  other = open_doc (other_path);

  for (int order = 0; order < 2; order++)
    {
      CocreaDocument *doc = order == 0 ? f->main : other;
      const char *first = order == 0 ? a_path : b_path;
      const char *second = order == 0 ? b_path : a_path;
      g_autoptr (CocreaSyncPlan) p1 = compare (doc, first);
      g_autoptr (CocreaSyncPlan) p2 = NULL;

      apply (doc, p1, NULL);
      p2 = compare (doc, second);
      g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (p2)), ==, 0);
      apply (doc, p2, NULL);
    }
  dump_ab = dump (f->main);
  dump_ba = dump (other);
  g_assert_cmpstr (dump_ab, ==, dump_ba);
  g_assert_nonnull (strstr (dump_ab, "huertos comunitarios"));
  g_assert_null (strstr (dump_ab, "Mesa 2 dijo 2"));
}

/* The same contribution edited on the laptop and here: listed with both
 * versions; left alone until someone decides; then the choice holds. */
static void
test_both_edited (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = hand_out (f, 4, "c.cocrea");
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (CocreaSyncPlan) again = NULL;
  g_autoptr (CocreaSyncPlan) third = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = id_of_text (f->main, "Mesa 5 dijo 0: más luminarias");
  CocreaSyncConflict *c;

  {
    g_autoptr (CocreaDocument) copy = open_doc (copy_path);
    edit (copy, id, "Versión de la mesa");
    add (copy, f->activity, f->groups[4], "Mesa 5: feria libre ordenada");
  }
  edit (f->main, id, "Versión del computador central");

  plan = compare (f->main, copy_path);
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 1);
  c = conflict (plan, 0);
  g_assert_cmpint (cocrea_sync_conflict_get_reason (c), ==, COCREA_SYNC_BOTH_CHANGED);
  g_assert_nonnull (strstr (cocrea_sync_conflict_get_ours (c), "Versión del computador central"));
  g_assert_nonnull (strstr (cocrea_sync_conflict_get_theirs (c), "Versión de la mesa"));
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_NEW), ==, 1);

  /* Undecided: the rest comes in, ours stays, and it comes again. */
  apply (f->main, plan, NULL);
  g_assert_cmpint (id_of_text (f->main, "Versión del computador central"), ==, id);
  g_assert_cmpint (id_of_text (f->main, "Mesa 5: feria libre ordenada"), >, 0);
  again = compare (f->main, copy_path);
  g_assert_cmpuint (cocrea_sync_plan_get_n_changes (again), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (again)), ==, 1);

  /* Taken: theirs is here, and it is not asked again. */
  cocrea_sync_plan_resolve_all (again, COCREA_SYNC_TAKE_THEIRS);
  apply (f->main, again, NULL);
  g_assert_cmpint (id_of_text (f->main, "Versión de la mesa"), ==, id);
  third = compare (f->main, copy_path);
  g_assert_true (cocrea_sync_plan_is_empty (third));
}

/* Deleted on the laptop, merged here meanwhile: a conflict, kept until decided. */
static void
test_deleted_there_merged_here (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = hand_out (f, 5, "d.cocrea");
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = id_of_text (f->main, "Mesa 6 dijo 0: más luminarias");
  gint64 other = id_of_text (f->main, "Mesa 6 dijo 1: más luminarias");
  gint64 ids[2] = { id, other };

  {
    g_autoptr (CocreaDocument) copy = open_doc (copy_path);
    g_assert_true (cocrea_contribution_delete (copy, id, NULL, &error));
    g_assert_true (cocrea_contribution_delete (copy, id_of_text (copy, "Mesa 6 dijo 2: más luminarias"),
                                               NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (cocrea_merge_new_proposal (f->main, "Luminarias", ids, 2, NULL, NULL, &error));

  plan = compare (f->main, copy_path);
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 1);
  g_assert_cmpint (cocrea_sync_conflict_get_reason (conflict (plan, 0)), ==, COCREA_SYNC_DELETED_THERE);
  g_assert_null (cocrea_sync_conflict_get_theirs (conflict (plan, 0)));
  /* The other deletion is plain: nobody touched that row here. */
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_DELETED), ==, 1);
  g_assert_cmpuint (count (plan, COCREA_SYNC_LINKS, COCREA_SYNC_DELETED), ==, 0);

  cocrea_sync_plan_resolve_all (plan, COCREA_SYNC_KEEP_OURS);
  apply (f->main, plan, NULL);
  g_assert_cmpint (id_of_text (f->main, "Mesa 6 dijo 0: más luminarias"), ==, id);
  g_assert_cmpint (id_of_text (f->main, "Mesa 6 dijo 2: más luminarias"), ==, 0);
}

/* Changed on the laptop, its table deleted here: the table comes back only if chosen. */
static void
test_needed_there (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = hand_out (f, 6, "e.cocrea");
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  CocreaSyncConflict *c;

  {
    g_autoptr (CocreaDocument) copy = open_doc (copy_path);
    add (copy, f->activity, f->groups[6], "Mesa 7: más bancas en la plaza");
  }
  g_assert_true (cocrea_group_delete (f->main, f->groups[6], NULL, &error));
  g_assert_no_error (error);
  before = dump (f->main);

  plan = compare (f->main, copy_path);
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 1);
  c = conflict (plan, 0);
  g_assert_cmpint (cocrea_sync_conflict_get_reason (c), ==, COCREA_SYNC_NEEDED_THERE);
  g_assert_cmpint (cocrea_sync_conflict_get_kind (c), ==, COCREA_SYNC_GROUPS);
  g_assert_null (cocrea_sync_conflict_get_ours (c));

  /* Undecided: the new contribution waits with its table. */
  apply (f->main, plan, NULL);
  {
    g_autofree char *after = dump (f->main);
    g_assert_cmpstr (before, ==, after);
  }
  g_clear_object (&plan);
  plan = compare (f->main, copy_path);
  cocrea_sync_plan_resolve_all (plan, COCREA_SYNC_TAKE_THEIRS);
  apply (f->main, plan, NULL);
  /* The table is back with what the copy added to it; the three rows this
   * file took out of it when it deleted the table stay as they are here. */
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution c JOIN table_group g"
                                       " ON g.id = c.group_id WHERE g.name = 'Mesa 7'"), ==, 1);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution"
                                       " WHERE text LIKE 'Mesa 7 dijo%' AND group_id IS NULL"), ==, 3);
}

/* A copy of another process is refused, its bytes untouched; so is the file itself. */
static void
test_other_process (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other = g_build_filename (f->dir, "otro.cocrea", NULL);
  g_autoptr (CocreaDocument) doc = cocrea_document_create (other, "Otro plan", "Quilicura", 2020,
                                                           2022, &error);
  g_autofree char *before = NULL;
  g_autofree char *main_before = NULL;
  CocreaSyncPlan *plan;

  g_assert_no_error (error);
  g_clear_object (&doc);
  before = test_file_sha256 (other);
  main_before = dump (f->main);
  plan = cocrea_sync_compare (f->main, other, COCREA_SYNC_DEFAULT, &error);
  g_assert_null (plan);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another process"));
  g_clear_error (&error);
  assert_file_unchanged (before, other);
  {
    g_autofree char *after = dump (f->main);
    g_assert_cmpstr (main_before, ==, after);
  }

  plan = cocrea_sync_compare (f->main, f->path, COCREA_SYNC_DEFAULT, &error);
  g_assert_null (plan);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
}

/* One undo takes a copy back out whole; after it, the copy comes in again. */
static void
test_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = hand_out (f, 7, "u.cocrea");
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (CocreaSyncPlan) again = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dump (f->main);
  g_autofree char *after_sync = NULL;
  gint64 seen_before = test_document_query_int (f->main, "SELECT count(*) FROM sync_seen");

  {
    g_autoptr (CocreaDocument) copy = open_doc (copy_path);
    gint64 ids[2];
    ids[0] = add (copy, f->activity, f->groups[7], "Mesa 8: consultorio jurídico");
    ids[1] = add (copy, f->activity, f->groups[7], "Mesa 8: asesoría legal gratuita");
    g_assert_true (cocrea_merge_new_proposal (copy, "Asesoría legal", ids, 2, NULL, NULL, &error));
    g_assert_true (cocrea_score_set_by_name (copy, "Ana Pérez", "SECPLAN", 1, "budget", 4, "",
                                             &error));
    g_assert_no_error (error);
  }
  plan = compare (f->main, copy_path);
  g_assert_cmpuint (count (plan, COCREA_SYNC_SCORES, COCREA_SYNC_NEW), ==, 1);
  apply (f->main, plan, &undo);
  g_assert_nonnull (undo);
  after_sync = dump (f->main);
  g_assert_cmpstr (before, !=, after_sync);

  g_assert_true (cocrea_undo_apply (f->main, undo, &redo, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after_undo = dump (f->main);
    g_assert_cmpstr (before, ==, after_undo);
  }
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM score"), ==, 0);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM evaluator WHERE name = 'Ana Pérez'"), ==, 0);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM sync_seen"), ==, seen_before);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM sync_replica"), ==, 0);
  again = compare (f->main, copy_path);
  g_assert_cmpuint (cocrea_sync_plan_get_n_changes (again), ==, cocrea_sync_plan_get_n_changes (plan));

  /* Redo puts it all back. */
  g_assert_true (cocrea_undo_apply (f->main, redo, NULL, &error));
  {
    g_autofree char *after_redo = dump (f->main);
    g_assert_cmpstr (after_sync, ==, after_redo);
  }
  g_clear_object (&again);
  again = compare (f->main, copy_path);
  g_assert_true (cocrea_sync_plan_is_empty (again));
}

/* A second round on the same laptop brings only what changed since; a
 * copy of that copy, edited on another laptop, cannot delete or undo
 * what the first brought. */
static void
test_second_round (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = hand_out (f, 0, "r.cocrea");
  g_autofree char *twin_path = g_build_filename (f->dir, "r-twin.cocrea", NULL);
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  gint64 first;

  {
    g_autofree char *contents = NULL;
    gsize len;
    g_autoptr (CocreaDocument) copy = NULL;

    /* The stick is copied before the round: two laptops, one copy. */
    g_assert_true (g_file_get_contents (copy_path, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (twin_path, contents, len, NULL));
    copy = open_doc (copy_path);
    first = add (copy, f->activity, f->groups[0], "Ronda 1: limpieza del canal");
  }
  plan = compare (f->main, copy_path);
  apply (f->main, plan, NULL);
  g_clear_object (&plan);

  {
    g_autoptr (CocreaDocument) copy = open_doc (copy_path);
    add (copy, f->activity, f->groups[0], "Ronda 2: reciclaje en la feria");
    edit (copy, first, "Ronda 1: limpieza del canal y del estero");
  }
  plan = compare (f->main, copy_path);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_NEW), ==, 1);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_CHANGED), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 0);
  g_assert_cmpuint (cocrea_sync_plan_get_notes (plan)[0] == NULL, ==, TRUE);
  apply (f->main, plan, NULL);
  g_clear_object (&plan);

  /* The twin never had round 1 nor 2: nothing of them is deleted. */
  {
    g_autoptr (CocreaDocument) twin = open_doc (twin_path);
    add (twin, f->activity, f->groups[0], "Gemelo: semáforo en la esquina");
  }
  plan = compare (f->main, twin_path);
  g_assert_nonnull (cocrea_sync_plan_get_notes (plan)[0]);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_NEW), ==, 1);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_DELETED), ==, 0);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_CHANGED), ==, 0);
  apply (f->main, plan, NULL);
  g_assert_cmpint (id_of_text (f->main, "Ronda 1: limpieza del canal y del estero"), >, 0);
  g_assert_cmpint (id_of_text (f->main, "Ronda 2: reciclaje en la feria"), >, 0);
  g_assert_cmpint (id_of_text (f->main, "Gemelo: semáforo en la esquina"), >, 0);
}

/* Two laptops at one table each add "Mesa 9": one group, in either order. */
static void
test_same_new_group (Fixture *f, gconstpointer data)
{
  g_autofree char *a_path = hand_out (f, -1, "ga.cocrea");
  g_autofree char *b_path = hand_out (f, -1, "gb.cocrea");
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 2; i++)
    {
      g_autoptr (CocreaDocument) copy = open_doc (i == 0 ? a_path : b_path);
      gint64 group = 0;
      g_assert_true (cocrea_group_add (copy, f->activity, "Mesa 9", 7, &group, NULL, &error));
      g_assert_no_error (error);
      add (copy, f->activity, group, i == 0 ? "Mesa 9 (A): más buses" : "Mesa 9 (B): paraderos");
    }
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (CocreaSyncPlan) plan = compare (f->main, i == 0 ? a_path : b_path);
      g_assert_cmpuint (count (plan, COCREA_SYNC_GROUPS, COCREA_SYNC_NEW), ==, i == 0 ? 1 : 0);
      apply (f->main, plan, NULL);
    }
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM table_group WHERE name = 'Mesa 9'"), ==, 1);
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution c JOIN table_group g"
                                       " ON g.id = c.group_id WHERE g.name = 'Mesa 9'"), ==, 2);
  /* The second laptop's later round still lands in the one group. */
  {
    g_autoptr (CocreaDocument) copy = open_doc (b_path);
    gint64 group = test_document_query_int (copy, "SELECT id FROM table_group WHERE name = 'Mesa 9'");
    g_autoptr (CocreaSyncPlan) plan = NULL;

    add (copy, f->activity, group, "Mesa 9 (B): refugios en paraderos");
    g_clear_object (&copy);
    plan = compare (f->main, b_path);
    g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 0);
    apply (f->main, plan, NULL);
  }
  g_assert_cmpint (test_document_query_int (f->main, "SELECT count(*) FROM contribution c JOIN table_group g"
                                       " ON g.id = c.group_id WHERE g.name = 'Mesa 9'"), ==, 3);
}

/* A copy from an older Cocrea: read through an upgraded temporary copy,
 * never changed on its stick; what only it has comes in. */
static void
test_older_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "process-v1.sql", NULL);
  g_autofree char *old_main = g_build_filename (f->dir, "old-main.cocrea", NULL);
  g_autofree char *old_copy = g_build_filename (f->dir, "old-copy.cocrea", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  for (int i = 0; i < 2; i++)
    {
      g_assert_cmpint (sqlite3_open (i == 0 ? old_main : old_copy, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      /* The old laptop typed one more. */
      if (i == 1)
        g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contribution (activity_id, group_id, text,"
                                           " created_at) VALUES (1, 2, 'Escrito en la versión"
                                           " anterior', '2019-03-26T12:00:00Z')",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }

  doc = open_doc (old_main);
  before = test_file_sha256 (old_copy);
  plan = compare (doc, old_copy);
  assert_file_unchanged (before, old_copy);
  g_assert_nonnull (cocrea_sync_plan_get_notes (plan)[0]);
  g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_NEW), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 0);
  apply (doc, plan, NULL);
  g_assert_cmpint (id_of_text (doc, "Escrito en la versión anterior"), >, 0);
  assert_file_unchanged (before, old_copy);
  {
    int version = 0;
    g_assert_true (cocrea_document_peek_version (old_copy, &version, &error));
    g_assert_cmpint (version, ==, 1);
  }
}

/* Applying a plan made before another edit of the same row fails, writing nothing. */
static void
test_stale_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = hand_out (f, 3, "s.cocrea");
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = id_of_text (f->main, "Mesa 4 dijo 0: más luminarias");
  g_autofree char *before = NULL;

  {
    g_autoptr (CocreaDocument) copy = open_doc (copy_path);
    edit (copy, id, "Mesa 4: corregida en la mesa");
    add (copy, f->activity, f->groups[3], "Mesa 4: nueva");
  }
  plan = compare (f->main, copy_path);
  edit (f->main, id, "Mesa 4: corregida aquí después");
  before = dump (f->main);
  g_assert_false (cocrea_sync_apply (f->main, plan, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  {
    g_autofree char *after = dump (f->main);
    g_assert_cmpstr (before, ==, after);
  }
}

/* ---- the property: eight laptops, any order ---- */

static const char *const words[] = {
  "luminarias", "veredas", "plazas", "reciclaje", "buses", "ciclovías", "huertos", "seguridad",
  "cultura", "deporte", "salud", "feria", "jóvenes", "mayores", "agua", "árboles",
};

/*
 * script_laptop:
 * What table @g's facilitator does on its copy: types 50 to 200
 * contributions, corrects some (and one that came with the copy), deletes
 * some (and one that came with it, merged there), merges some under new
 * proposals and some into a proposal that came with the copy, takes one
 * back out, and now and then folds a new proposal into an old one.
 */
static void
script_laptop (Fixture *f, const char *path, int g, GRand *rand)
{
  g_autoptr (CocreaDocument) doc = open_doc (path);
  g_autoptr (GArray) mine = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  gint64 base_proposal = test_document_query_int (doc, "SELECT id FROM proposal WHERE title = 'Propuesta base 1'");
  int n = g_rand_int_range (rand, 50, 201);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Mesa %d aporte %d: más %s y %s", g + 1, i,
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      gint64 id = add (doc, f->activity, f->groups[g], text);
      g_array_append_val (mine, id);
    }
  for (guint i = 0; i < mine->len; i++)
    if (g_rand_int_range (rand, 0, 10) == 0)
      {
        g_autofree char *text = g_strdup_printf ("Mesa %d corregido %u", g + 1, i);
        edit (doc, g_array_index (mine, gint64, i), text);
      }
  {
    g_autofree char *old = g_strdup_printf ("Mesa %d dijo 2: más luminarias", g + 1);
    g_autofree char *text = g_strdup_printf ("Mesa %d dijo 2: más luminarias solares", g + 1);
    edit (doc, id_of_text (doc, old), text);
  }
  {
    g_autofree char *old = g_strdup_printf ("Mesa %d dijo 1: más luminarias", g + 1);
    g_assert_true (cocrea_contribution_delete (doc, id_of_text (doc, old), NULL, &error));
  }
  for (guint i = mine->len; i-- > 0;)
    if (g_rand_int_range (rand, 0, 20) == 0)
      {
        g_assert_true (cocrea_contribution_delete (doc, g_array_index (mine, gint64, i), NULL, &error));
        g_array_remove_index (mine, i);
      }
  g_assert_no_error (error);

  /* Shuffled, so the merges take any of them. */
  for (guint i = mine->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gint64 t = g_array_index (mine, gint64, i);
      g_array_index (mine, gint64, i) = g_array_index (mine, gint64, j);
      g_array_index (mine, gint64, j) = t;
    }
  {
    guint at = 0;
    int n_new = g_rand_int_range (rand, 1, 4);
    gint64 last = 0;

    for (int p = 0; p < n_new; p++)
      {
        guint k = g_rand_int_range (rand, 3, 7);
        g_autofree char *title = g_strdup_printf ("Mesa %d propone %d", g + 1, p);
        g_assert_true (cocrea_merge_new_proposal (doc, title, &g_array_index (mine, gint64, at), k,
                                                  &last, NULL, &error));
        at += k;
      }
    g_assert_true (cocrea_merge_into (doc, base_proposal, &g_array_index (mine, gint64, at), 3,
                                      NULL, &error));
    g_assert_true (cocrea_unmerge (doc, &g_array_index (mine, gint64, at), 1, NULL, &error));
    if (g % 3 == 0)
      g_assert_true (cocrea_merge_proposal (doc, last, base_proposal, NULL, &error));
    g_assert_no_error (error);
  }
}

/* Runs `cocrea COMMAND FILE --json` and returns what it prints. */
static char *
run_json (const char *command, const char *path)
{
  const char *bin = g_getenv ("COCREA_BIN");
  const char *argv[] = { bin, command, path, "--json", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (bin);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
uid_of_id (sqlite3 *db, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uid FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/*
 * normalized:
 * `cocrea list --json` and `tally --json` of @path with every local id
 * replaced by the row's identity and the rows sorted: equal for two files
 * that hold the same process, whatever order their rows came in.
 */
static char *
normalized (const char *path)
{
  g_autofree char *list = run_json ("list", path);
  g_autofree char *tally = run_json ("tally", path);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  JsonArray *array;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  g_assert_true (json_parser_load_from_data (parser, list, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      g_autofree char *uid = uid_of_id (db, "contribution", json_object_get_int_member (o, "id"));
      g_autofree char *proposal = json_object_get_null_member (o, "proposal")
                                    ? g_strdup ("-")
                                    : uid_of_id (db, "proposal", json_object_get_int_member (o, "proposal"));
      g_ptr_array_add (lines, g_strdup_printf ("C %s|%s|%s|%s|%s", uid,
                                               json_object_get_string_member (o, "activity"),
                                               json_object_get_string_member_with_default (o, "group", "-"),
                                               proposal, json_object_get_string_member (o, "text")));
    }
  g_assert_true (json_parser_load_from_data (parser, tally, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      g_autofree char *uid = uid_of_id (db, "proposal", json_object_get_int_member (o, "id"));
      g_ptr_array_add (lines, g_strdup_printf ("T %s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                                               "|%" G_GINT64_FORMAT, uid,
                                               json_object_get_string_member (o, "title"),
                                               json_object_get_int_member (o, "contributions"),
                                               json_object_get_int_member (o, "groups"),
                                               json_object_get_int_member (o, "activities")));
    }
  sqlite3_close (db);
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_any_order (Fixture *f, gconstpointer data)
{
  const char *seed_text = g_getenv ("COCREA_SYNC_SEED");
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *template = g_build_filename (f->dir, "template.cocrea", NULL);
  g_autofree char *reference = NULL;
  g_autoptr (GError) error = NULL;
  char *laptops[N_GROUPS];
  gint64 expected;
  int order[N_GROUPS];

  g_test_message ("seed %u (COCREA_SYNC_SEED replays it)", seed);
  for (int g = 0; g < N_GROUPS; g++)
    {
      g_autofree char *name = g_strdup_printf ("Taller-26-03-Mesa-%d.cocrea", g + 1);
      laptops[g] = hand_out (f, g, name);
    }
  g_assert_true (cocrea_document_save_copy (f->main, template, &error));
  g_clear_object (&f->main);

  for (int g = 0; g < N_GROUPS; g++)
    script_laptop (f, laptops[g], g, rand);
  /* Every table: its 3, less the one it deleted, plus what it typed and kept. */
  expected = N_GROUPS * 2;
  for (int g = 0; g < N_GROUPS; g++)
    {
      g_autoptr (CocreaDocument) doc = open_doc (laptops[g]);
      expected += test_document_query_int (doc, "SELECT count(*) FROM contribution") - 2;
    }

  for (int g = 0; g < N_GROUPS; g++)
    order[g] = g;
  for (int round = 0; round < 21; round++)
    {
      g_autofree char *work = g_strdup_printf ("%s/order-%d.cocrea", f->dir, round);
      g_autofree char *contents = NULL;
      g_autofree char *got = NULL;
      gsize len;

      /* Round 0 is table order; the others are random. */
      for (int i = N_GROUPS - 1; round > 0 && i > 0; i--)
        {
          int j = g_rand_int_range (rand, 0, i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      g_assert_true (g_file_get_contents (template, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (work, contents, len, NULL));
      {
        g_autoptr (CocreaDocument) doc = open_doc (work);

        for (int i = 0; i < N_GROUPS; i++)
          {
            g_autoptr (CocreaSyncPlan) plan = compare (doc, laptops[order[i]]);
            g_assert_cmpuint (g_list_model_get_n_items (cocrea_sync_plan_get_conflicts (plan)), ==, 0);
            g_assert_null (cocrea_sync_plan_get_skipped (plan)[0]);
            g_assert_cmpuint (count (plan, COCREA_SYNC_CONTRIBUTIONS, COCREA_SYNC_NEW), >=, 40);
            apply (doc, plan, NULL);
          }
        g_assert_cmpint (test_document_query_int (doc, "SELECT count(*) FROM contribution"), ==, expected);
        /* Twice is once: every copy again brings nothing. */
        if (round == 0)
          for (int g = 0; g < N_GROUPS; g++)
            {
              g_autoptr (CocreaSyncPlan) again = compare (doc, laptops[g]);
              g_assert_true (cocrea_sync_plan_is_empty (again));
            }
      }
      g_assert_true (cocrea_document_check_file (work, NULL, &error));
      g_assert_no_error (error);
      got = normalized (work);
      if (reference == NULL)
        reference = g_steal_pointer (&got);
      else if (g_strcmp0 (reference, got) != 0)
        g_error ("seed %u: order %d %d %d %d %d %d %d %d gave another process", seed, order[0],
                 order[1], order[2], order[3], order[4], order[5], order[6], order[7]);
      g_unlink (work);
    }
  for (int g = 0; g < N_GROUPS; g++)
    g_free (laptops[g]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/sync/new-rows", test_new_rows);
  ADD ("/sync/order", test_order);
  ADD ("/sync/conflict/both-edited", test_both_edited);
  ADD ("/sync/conflict/deleted-there-merged-here", test_deleted_there_merged_here);
  ADD ("/sync/conflict/needed-there", test_needed_there);
  ADD ("/sync/refuse/other-process", test_other_process);
  ADD ("/sync/undo", test_undo);
  ADD ("/sync/second-round", test_second_round);
  ADD ("/sync/same-new-group", test_same_new_group);
  ADD ("/sync/older-copy", test_older_copy);
  ADD ("/sync/stale-plan", test_stale_plan);
  ADD ("/sync/property/any-order", test_any_order);
#undef ADD

  return g_test_run ();
}
