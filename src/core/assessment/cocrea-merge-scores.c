/* cocrea-merge-scores.c
 *
 * An evaluator takes a copy of the process home, scores there, and brings
 * the file back. The other file is opened read-only through the document
 * code, so it is validated like any file and never changed (not even
 * migrated). Only a copy of the same process is accepted: the process
 * uuid is its identity, kept by "save a copy" and new in every created
 * file. Nothing of this file is overwritten unless the caller says so
 * for that conflict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-merge-scores.h"
#include "cocrea-text.h"

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
  g_array_unref (plan->new_scores);
  g_array_unref (plan->conflicts);
  g_ptr_array_unref (plan->skipped);
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

/* TRUE when @a and @b name the same file (a link or another spelling). */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

typedef struct {
  int value;
  char *note;
} OurScore;

static void
our_score_free (gpointer data)
{
  OurScore *s = data;
  g_free (s->note);
  g_free (s);
}

static char *
cell_key (const char *evaluator, gint64 proposal_id, const char *criterion)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", evaluator, proposal_id, criterion);
}

/* Loads this file's scores keyed by evaluator name, proposal id and criterion key. */
static GHashTable *
load_our_scores (sqlite3 *db, GError **error)
{
  g_autoptr (GHashTable) scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, our_score_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db,
                            "SELECT e.name, s.proposal_id, c.key, s.value, s.note FROM score s"
                            " JOIN evaluator e ON e.id = s.evaluator_id"
                            " JOIN criterion c ON c.id = s.criterion_id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OurScore *s = g_new0 (OurScore, 1);
      s->value = sqlite3_column_int (stmt, 3);
      s->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (scores,
                           cell_key ((const char *) sqlite3_column_text (stmt, 0),
                                     sqlite3_column_int64 (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2)),
                           s);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&scores);
}

/* Adds @message to the skipped list once, however many scores it concerns. */
static void
skip_once (CocreaMergeScoresPlan *plan, GHashTable *seen, char *message)
{
  if (g_hash_table_add (seen, message))
    g_ptr_array_add (plan->skipped, g_strdup (message));
}

/*
 * check_same_process:
 * Fails with COCREA_ERROR_INVALID when @other is this very file or a file
 * of another process (its uuid differs), naming it.
 */
static gboolean
check_same_process (CocreaDocument *document, CocreaDocument *other, const char *other_path,
                    CocreaMergeScoresPlan *plan, GError **error)
{
  g_autoptr (CocreaProcessInfo) ours = NULL;
  g_autoptr (CocreaProcessInfo) theirs = NULL;
  g_autofree char *name = g_filename_display_basename (other_path);

  if (same_file (cocrea_document_get_path (document), other_path))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is this process’s own file; choose the evaluator’s copy"), name);
      return FALSE;
    }

  ours = cocrea_document_get_process (document, error);
  if (ours == NULL)
    return FALSE;
  theirs = cocrea_document_get_process (other, error);
  if (theirs == NULL)
    return FALSE;

  if (!g_str_equal (ours->uuid, theirs->uuid))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” belongs to another process (“%s”, %s); scores can only be merged "
                     "from a copy of this process"),
                   name, theirs->title, theirs->municipality);
      return FALSE;
    }

  plan->other_title = g_strdup (theirs->title);
  return TRUE;
}

/*
 * cocrea_merge_scores_plan:
 * Reads the scores of the process file @other_path and compares them with
 * @document's, changing neither. Evaluators match by name, proposals by
 * id and title, criteria by key. Scores this file lacks are new; scores
 * with another value or note are conflicts (unresolved); scores that
 * cannot be matched, or lie outside this file's scale, are listed in
 * plan->skipped. Fails with COCREA_ERROR_INVALID when @other_path is this
 * file or belongs to another process, and with the document errors
 * (COCREA_ERROR_NOT_A_PROCESS, _DAMAGED, _TOO_NEW…) when it cannot be
 * opened read-only.
 */
CocreaMergeScoresPlan *
cocrea_merge_scores_plan (CocreaDocument *document, const char *other_path, GError **error)
{
  g_autoptr (CocreaMergeScoresPlan) plan = g_new0 (CocreaMergeScoresPlan, 1);
  g_autoptr (CocreaDocument) other = NULL;
  g_autoptr (GHashTable) ours = NULL;
  g_autoptr (GHashTable) our_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) our_merged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) our_scales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  sqlite3 *other_db;
  int rc;

  g_return_val_if_fail (other_path != NULL, NULL);

  plan->other_path = g_strdup (other_path);
  plan->new_scores = g_array_new (FALSE, TRUE, sizeof (CocreaScoreChange));
  g_array_set_clear_func (plan->new_scores, change_clear);
  plan->conflicts = g_array_new (FALSE, TRUE, sizeof (CocreaScoreChange));
  g_array_set_clear_func (plan->conflicts, change_clear);
  plan->skipped = g_ptr_array_new_with_free_func (g_free);
  name = g_filename_display_basename (other_path);

  other = cocrea_document_open (other_path, COCREA_OPEN_READ_ONLY, error);
  if (other == NULL)
    {
      g_prefix_error (error, _("Could not read the scores of “%s”: "), name);
      return NULL;
    }
  if (!check_same_process (document, other, other_path, plan, error))
    return NULL;
  other_db = cocrea_document_get_db (other);

  /* This file: proposals, criteria scales, scores. */
  stmt = cocrea_db_prepare (db, "SELECT id, title, merged_into_id FROM proposal", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (our_titles, g_memdup2 (&id, sizeof id),
                           cocrea_text_normalize ((const char *) sqlite3_column_text (stmt, 1)));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_hash_table_add (our_merged, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cocrea_db_prepare (db, "SELECT key, scale_min, scale_max FROM criterion", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int *scale = g_new (int, 2);
      scale[0] = sqlite3_column_int (stmt, 1);
      scale[1] = sqlite3_column_int (stmt, 2);
      g_hash_table_insert (our_scales, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), scale);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  ours = load_our_scores (db, error);
  if (ours == NULL)
    return NULL;

  /* The other file's scores, in a stable order so conflicts can be numbered. */
  stmt = cocrea_db_prepare (other_db,
                            "SELECT e.name, e.department, s.proposal_id, p.title, c.key, s.value,"
                            " s.note, s.updated_at FROM score s"
                            " JOIN evaluator e ON e.id = s.evaluator_id"
                            " JOIN proposal p ON p.id = s.proposal_id"
                            " JOIN criterion c ON c.id = s.criterion_id"
                            " ORDER BY e.name, s.proposal_id, c.position, c.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *evaluator = (const char *) sqlite3_column_text (stmt, 0);
      gint64 proposal_id = sqlite3_column_int64 (stmt, 2);
      g_autofree char *title = cocrea_text_normalize ((const char *) sqlite3_column_text (stmt, 3));
      const char *criterion = (const char *) sqlite3_column_text (stmt, 4);
      int value = sqlite3_column_int (stmt, 5);
      const char *note = (const char *) sqlite3_column_text (stmt, 6);
      g_autofree char *key = NULL;
      const char *our_title = g_hash_table_lookup (our_titles, &proposal_id);
      const int *scale = g_hash_table_lookup (our_scales, criterion);
      OurScore *our;
      CocreaScoreChange change = { 0 };

      if (our_title == NULL || !g_str_equal (our_title, title))
        {
          skip_once (plan, seen,
                     g_strdup_printf (_("Proposal %lld “%s” is not the same "
                                        "proposal in this file; its scores were left out"),
                                      (long long) proposal_id, title));
          continue;
        }
      if (g_hash_table_contains (our_merged, &proposal_id))
        {
          skip_once (plan, seen,
                     g_strdup_printf (_("Proposal %lld “%s” has been merged into "
                                        "another here; its scores were left out"),
                                      (long long) proposal_id, title));
          continue;
        }
      if (scale == NULL)
        {
          skip_once (plan, seen,
                     g_strdup_printf (_("This process has no criterion “%s”; its scores were left out"),
                                      criterion));
          continue;
        }
      if (value < scale[0] || value > scale[1])
        {
          g_ptr_array_add (plan->skipped,
                           g_strdup_printf (_("%s’s score %d for proposal %lld"
                                              " on “%s” is outside this process’s scale %d–%d"),
                                            evaluator, value, (long long) proposal_id, criterion, scale[0],
                                            scale[1]));
          continue;
        }

      key = cell_key (evaluator, proposal_id, criterion);
      our = g_hash_table_lookup (ours, key);
      if (our != NULL && our->value == value && g_strcmp0 (our->note, note) == 0)
        {
          plan->unchanged++;
          continue;
        }

      change.evaluator = g_strdup (evaluator);
      change.department = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change.proposal_id = proposal_id;
      change.proposal_title = g_steal_pointer (&title);
      change.criterion = g_strdup (criterion);
      change.their_value = value;
      change.their_note = g_strdup (note);
      change.their_updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      change.conflict = our != NULL;
      if (our != NULL)
        {
          change.our_value = our->value;
          change.our_note = g_strdup (our->note);
          g_array_append_val (plan->conflicts, change);
        }
      else
        g_array_append_val (plan->new_scores, change);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, other_db, rc, NULL);
      g_prefix_error (error, _("Could not read the scores of “%s”: "), name);
      return NULL;
    }

  return g_steal_pointer (&plan);
}

/* Returns the id of evaluator @name, adding them with @department if new. */
static gint64
ensure_evaluator (CocreaDocument *document, const char *name, const char *department, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, "SELECT id FROM evaluator WHERE name = ?", error);
  if (stmt == NULL)
    return 0;
  cocrea_db_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cocrea_db_prepare (db, "INSERT INTO evaluator (name, department) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  cocrea_db_bind_text (stmt, 1, name);
  cocrea_db_bind_text (stmt, 2, department);
  if (!cocrea_db_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

/*
 * write_change:
 * Writes their value of @change, after checking that the cell is still
 * as the plan saw it (absent for a new score, our value and note for a
 * conflict): a plan made before someone else's edit must not undo it.
 */
static gboolean
write_change (CocreaDocument *document, const CocreaScoreChange *change, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 evaluator_id, criterion_id = 0;
  gboolean present = FALSE, as_planned;
  int rc;

  evaluator_id = ensure_evaluator (document, change->evaluator, change->department, error);
  if (evaluator_id == 0)
    return FALSE;

  stmt = cocrea_db_prepare (db,
                            "SELECT c.id, s.value, s.note FROM criterion c"
                            " LEFT JOIN score s ON s.criterion_id = c.id AND s.evaluator_id = ?1"
                            "  AND s.proposal_id = ?2"
                            " WHERE c.key = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluator_id);
  sqlite3_bind_int64 (stmt, 2, change->proposal_id);
  cocrea_db_bind_text (stmt, 3, change->criterion);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      criterion_id = sqlite3_column_int64 (stmt, 0);
      present = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
    }
  else if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }

  if (change->conflict)
    as_planned = present && sqlite3_column_int (stmt, 1) == change->our_value &&
                 g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), change->our_note) == 0;
  else
    as_planned = rc == SQLITE_ROW && !present;
  if (!as_planned)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The scores changed since the merge was prepared; prepare it again"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO score (evaluator_id, proposal_id, criterion_id, value,"
                            " note, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (evaluator_id, proposal_id, criterion_id) DO UPDATE"
                            " SET value = excluded.value, note = excluded.note,"
                            " updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluator_id);
  sqlite3_bind_int64 (stmt, 2, change->proposal_id);
  sqlite3_bind_int64 (stmt, 3, criterion_id);
  sqlite3_bind_int (stmt, 4, change->their_value);
  cocrea_db_bind_text (stmt, 5, change->their_note);
  cocrea_db_bind_text (stmt, 6, change->their_updated_at);
  return cocrea_db_step_done (db, stmt, error);
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
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;
  guint written = 0, taken = 0;

  g_return_val_if_fail (plan != NULL, FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  for (guint i = 0; i < plan->new_scores->len; i++)
    {
      if (!write_change (document, &g_array_index (plan->new_scores, CocreaScoreChange, i), error))
        return FALSE;
      written++;
    }
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      const CocreaScoreChange *c = &g_array_index (plan->conflicts, CocreaScoreChange, i);
      if (c->resolution != COCREA_MERGE_TAKE_THEIRS)
        continue;
      if (!write_change (document, c, error))
        return FALSE;
      written++;
      taken++;
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
  if (!cocrea_document_log (document, "merge-scores", name, detail, error))
    return FALSE;
  if (!cocrea_edit_commit (edit, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}
