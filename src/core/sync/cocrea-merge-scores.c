/* cocrea-merge-scores.c
 *
 * An evaluator takes a copy of the process home, scores there, and brings
 * the file back. This is bringing a copy back (cocrea-sync.c) restricted
 * to scores: the copy is only read (an older one through an upgraded
 * temporary copy), only a copy of the same process is accepted, and
 * nothing of this file is overwritten unless the caller says so for that
 * conflict. What it adds to the general case is the view merge-scores
 * always gave: new scores and numbered conflicts with both values, and
 * scores of a proposal titled otherwise here, or merged away here, left
 * out. A copy made by "save a copy" does not say what it started from, so
 * a score that differs is a conflict; one made by Prepare Laptops or
 * "cocrea copy" does, so a score changed there only simply comes in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-merge-scores.h"
#include "cocrea-sync-plan-private.h"
#include "cocrea-sync-private.h"

static void
change_clear (gpointer data)
{
  CocreaScoreChange *c = data;
  g_free (c->evaluator);
  g_free (c->department);
  g_free (c->proposal_title);
  g_free (c->criterion);
  g_free (c->their_note);
  g_free (c->their_updated_at);
  g_free (c->our_note);
}

void
cocrea_merge_scores_plan_free (CocreaMergeScoresPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->other_path);
  g_free (plan->other_title);
  g_clear_pointer (&plan->new_scores, g_array_unref);
  g_clear_pointer (&plan->conflicts, g_array_unref);
  g_clear_pointer (&plan->skipped, g_ptr_array_unref);
  g_clear_object (&plan->sync_plan);
  g_clear_pointer (&plan->sync_conflicts, g_ptr_array_unref);
  g_free (plan);
}

/* Sets the resolution of every conflict of @plan. */
void
cocrea_merge_scores_resolve_all (CocreaMergeScoresPlan *plan, CocreaMergeResolution resolution)
{
  for (guint i = 0; i < plan->conflicts->len; i++)
    g_array_index (plan->conflicts, CocreaScoreChange, i).resolution = resolution;
}

/* How many conflicts of @plan nobody has decided on yet. */
guint
cocrea_merge_scores_count_unresolved (CocreaMergeScoresPlan *plan)
{
  guint n = 0;
  for (guint i = 0; i < plan->conflicts->len; i++)
    n += g_array_index (plan->conflicts, CocreaScoreChange, i).resolution == COCREA_MERGE_UNRESOLVED;
  return n;
}

/* A score change with its conflict, so both can be sorted alike. */
typedef struct {
  CocreaScoreChange change;
  CocreaSyncConflict *conflict;
  int position;  /* the criterion's, for the order merge-scores always listed in */
} Found;

static int
compare_found (gconstpointer a, gconstpointer b)
{
  const Found *x = a, *y = b;
  int by_name = g_strcmp0 (x->change.evaluator, y->change.evaluator);

  if (by_name != 0)
    return by_name;
  if (x->change.proposal_id != y->change.proposal_id)
    return x->change.proposal_id < y->change.proposal_id ? -1 : 1;
  return x->position - y->position;
}

/*
 * read_ours:
 * Fills what this file says of the score of @found: the proposal's id and
 * the criterion's position here, and for a conflict its value and note.
 */
static gboolean
read_ours (sqlite3 *db, SyncEntry *e, Found *found, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *proposal = (const char *) sqlite3_value_text (e->x_values[6]);
  int rc;

  stmt = cocrea_db_prepare (db,
                            "SELECT p.id, r.position, s.value, s.note FROM proposal p"
                            " JOIN criterion r ON r.key = ?3"
                            " LEFT JOIN evaluator e ON e.name = ?4"
                            " LEFT JOIN score s ON s.proposal_id = p.id AND s.criterion_id = r.id"
                            "  AND s.evaluator_id = e.id"
                            " WHERE p.id = coalesce ((SELECT id FROM proposal WHERE uid = ?1), ?2)"
                            " AND (p.uid IS NULL OR p.uid = ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, proposal);
  if (sync_legacy_id (proposal, 'p') > 0)
    sqlite3_bind_int64 (stmt, 2, sync_legacy_id (proposal, 'p'));
  sqlite3_bind_value (stmt, 3, e->x_values[7]);
  sqlite3_bind_value (stmt, 4, e->x_values[4]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found->change.proposal_id = sqlite3_column_int64 (stmt, 0);
      found->position = sqlite3_column_int (stmt, 1);
      found->change.our_value = sqlite3_column_int (stmt, 2);
      found->change.our_note = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      return TRUE;
    }
  cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
  return FALSE;
}

/*
 * cocrea_merge_scores_plan:
 * Reads the scores of the process file @other_path and compares them with
 * @document's, changing neither. Evaluators match by name, proposals by
 * identity (and title), criteria by key. Scores this file lacks (or the
 * copy alone changed) are new; scores with another value or note here
 * too are conflicts (unresolved); scores that cannot be matched, or lie
 * outside this file's scale, are listed in plan->skipped. Fails with
 * COCREA_ERROR_INVALID when @other_path is this file or belongs to
 * another process, and with the document errors (COCREA_ERROR_NOT_A_PROCESS,
 * _DAMAGED, _TOO_NEW…) when it cannot be read.
 */
CocreaMergeScoresPlan *
cocrea_merge_scores_plan (CocreaDocument *document, const char *other_path, GError **error)
{
  g_autoptr (CocreaMergeScoresPlan) plan = g_new0 (CocreaMergeScoresPlan, 1);
  g_autoptr (CocreaSyncPlan) sync = NULL;
  g_autoptr (GArray) found = g_array_new (FALSE, TRUE, sizeof (Found));
  g_autoptr (CocreaProcessInfo) info = NULL;
  sqlite3 *db = cocrea_document_get_db (document);

  g_return_val_if_fail (other_path != NULL, NULL);

  sync = cocrea_sync_compare (document, other_path, COCREA_SYNC_SCORES_ONLY, error);
  if (sync == NULL)
    return NULL;
  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return NULL;

  plan->other_path = g_strdup (other_path);
  plan->other_title = g_strdup (info->title);
  plan->new_scores = g_array_new (FALSE, TRUE, sizeof (CocreaScoreChange));
  g_array_set_clear_func (plan->new_scores, change_clear);
  plan->conflicts = g_array_new (FALSE, TRUE, sizeof (CocreaScoreChange));
  g_array_set_clear_func (plan->conflicts, change_clear);
  plan->skipped = g_ptr_array_new_with_free_func (g_free);
  plan->sync_conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  plan->unchanged = sync->unchanged;
  for (const char * const *s = cocrea_sync_plan_get_skipped (sync); *s != NULL; s++)
    g_ptr_array_add (plan->skipped, g_strdup (*s));

  for (guint i = 0; i < sync->entries->len; i++)
    {
      SyncEntry *e = sync->entries->pdata[i];
      Found f = { 0 };

      if (e->kind != SYNC_ITEM_SCORE || e->skip != NULL || e->x_values == NULL ||
          e->action == SYNC_ACTION_NONE || e->action == SYNC_ACTION_DELETE)
        continue;
      f.change.evaluator = g_strdup ((const char *) sqlite3_value_text (e->x_values[4]));
      f.change.department = g_strdup ((const char *) sqlite3_value_text (e->x_values[5]));
      f.change.proposal_title = g_strdup ((const char *) sqlite3_value_text (e->x_values[8]));
      f.change.criterion = g_strdup ((const char *) sqlite3_value_text (e->x_values[7]));
      f.change.their_value = sqlite3_value_int (e->x_values[2]);
      f.change.their_note = g_strdup ((const char *) sqlite3_value_text (e->x_values[3]));
      f.change.their_updated_at = g_strdup ((const char *) sqlite3_value_text (e->x_values[9]));
      f.change.conflict = e->conflict != NULL;
      f.conflict = e->conflict;
      if (!read_ours (db, e, &f, error))
        {
          change_clear (&f.change);
          return NULL;
        }
      g_array_append_val (found, f);
    }

  g_array_sort (found, compare_found);
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      if (f->conflict != NULL)
        {
          g_array_append_val (plan->conflicts, f->change);
          g_ptr_array_add (plan->sync_conflicts, g_object_ref (f->conflict));
        }
      else
        g_array_append_val (plan->new_scores, f->change);
    }

  plan->sync_plan = G_OBJECT (g_steal_pointer (&sync));
  return g_steal_pointer (&plan);
}

/*
 * cocrea_merge_scores_apply:
 * Writes every new score of @plan and every conflict resolved as
 * COCREA_MERGE_TAKE_THEIRS, as one edit logged as "merge-scores" (detail:
 * JSON with the file name and the counts). Unresolved and keep-ours
 * conflicts leave this file's score alone. Evaluators new to this file
 * are added with their department. Sets *@n_written (may be NULL). Fails,
 * writing nothing, with COCREA_ERROR_INVALID when a cell changed since
 * the plan was made.
 */
gboolean
cocrea_merge_scores_apply (CocreaDocument *document, CocreaMergeScoresPlan *plan, guint *n_written,
                           GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;
  guint taken = 0;

  g_return_val_if_fail (plan != NULL, FALSE);

  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      CocreaMergeResolution r = g_array_index (plan->conflicts, CocreaScoreChange, i).resolution;
      CocreaSyncConflict *c = plan->sync_conflicts->pdata[i];

      cocrea_sync_conflict_set_resolution (c, r == COCREA_MERGE_TAKE_THEIRS ? COCREA_SYNC_TAKE_THEIRS
                                              : r == COCREA_MERGE_KEEP_OURS ? COCREA_SYNC_KEEP_OURS
                                                                            : COCREA_SYNC_UNRESOLVED);
      taken += r == COCREA_MERGE_TAKE_THEIRS;
    }

  name = g_path_get_basename (plan->other_path);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "new");
  json_builder_add_int_value (builder, plan->new_scores->len);
  json_builder_set_member_name (builder, "taken");
  json_builder_add_int_value (builder, taken);
  json_builder_set_member_name (builder, "kept");
  json_builder_add_int_value (builder, plan->conflicts->len - taken);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  detail = json_to_string (root, FALSE);

  return cocrea_sync_apply_as (document, COCREA_SYNC_PLAN (plan->sync_plan), "merge-scores", detail,
                               n_written, NULL, error);
}
