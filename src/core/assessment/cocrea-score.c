/* cocrea-score.c
 *
 * A missing score is a missing row, never a zero: aggregates skip it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-criterion.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-evaluator.h"
#include "cocrea-score.h"
#include "cocrea-text.h"

struct _CocreaScore {
  GObject parent_instance;

  gint64 evaluator_id;
  gint64 proposal_id;
  char *criterion;
  int value;
  char *note;
  char *updated_at;
};

G_DEFINE_FINAL_TYPE (CocreaScore, cocrea_score, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVALUATOR_ID,
  PROP_PROPOSAL_ID,
  PROP_CRITERION,
  PROP_VALUE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_score_finalize (GObject *object)
{
  CocreaScore *self = COCREA_SCORE (object);

  g_free (self->criterion);
  g_free (self->note);
  g_free (self->updated_at);

  G_OBJECT_CLASS (cocrea_score_parent_class)->finalize (object);
}

static void
cocrea_score_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaScore *self = COCREA_SCORE (object);

  switch (prop_id)
    {
    case PROP_EVALUATOR_ID:
      g_value_set_int64 (value, self->evaluator_id);
      break;
    case PROP_PROPOSAL_ID:
      g_value_set_int64 (value, self->proposal_id);
      break;
    case PROP_CRITERION:
      g_value_set_string (value, self->criterion);
      break;
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_score_class_init (CocreaScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_score_finalize;
  object_class->get_property = cocrea_score_get_property;

  properties[PROP_EVALUATOR_ID] = g_param_spec_int64 ("evaluator-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PROPOSAL_ID] = g_param_spec_int64 ("proposal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CRITERION] = g_param_spec_string ("criterion", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_int ("value", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_score_init (CocreaScore *self)
{
}

gint64
cocrea_score_get_evaluator_id (CocreaScore *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE (self), 0);
  return self->evaluator_id;
}

gint64
cocrea_score_get_proposal_id (CocreaScore *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE (self), 0);
  return self->proposal_id;
}

/* The criterion's key. */
const char *
cocrea_score_get_criterion (CocreaScore *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE (self), NULL);
  return self->criterion;
}

int
cocrea_score_get_value (CocreaScore *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE (self), 0);
  return self->value;
}

const char *
cocrea_score_get_note (CocreaScore *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE (self), NULL);
  return self->note;
}

const char *
cocrea_score_get_updated_at (CocreaScore *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE (self), NULL);
  return self->updated_at;
}

/* Builds a score from a row of cocrea_score_list()'s query (a CocreaDbRowFunc). */
static gpointer
score_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaScore *score = g_object_new (COCREA_TYPE_SCORE, NULL);

  score->evaluator_id = sqlite3_column_int64 (stmt, 0);
  score->proposal_id = sqlite3_column_int64 (stmt, 1);
  score->criterion = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  score->value = sqlite3_column_int (stmt, 3);
  score->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  score->updated_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  return score;
}

/*
 * cocrea_score_list:
 * Returns the scores of evaluator @evaluator_id (all evaluators when 0),
 * ordered by evaluator, proposal and criterion position, as a list of
 * #CocreaScore; NULL with @error set on failure.
 */
GListModel *
cocrea_score_list (CocreaDocument *document, gint64 evaluator_id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db,
                            "SELECT s.evaluator_id, s.proposal_id, c.key, s.value, s.note,"
                            " s.updated_at FROM score s JOIN criterion c ON c.id = s.criterion_id"
                            " WHERE ?1 = 0 OR s.evaluator_id = ?1"
                            " ORDER BY s.evaluator_id, s.proposal_id, c.position, c.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evaluator_id);
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_SCORE, score_from_row, NULL, error);
}

/*
 * check_target:
 * Checks that evaluator @evaluator_id exists and that proposal
 * @proposal_id exists and is not merged into another (its scores would
 * be invisible). Fails with COCREA_ERROR_NOT_FOUND or COCREA_ERROR_INVALID.
 */
static gboolean
check_target (sqlite3 *db, gint64 evaluator_id, gint64 proposal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db,
                            "SELECT (SELECT count(*) FROM evaluator WHERE id = ?1),"
                            " (SELECT count(*) FROM proposal WHERE id = ?2),"
                            " (SELECT merged_into_id FROM proposal WHERE id = ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluator_id);
  sqlite3_bind_int64 (stmt, 2, proposal_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }

  if (sqlite3_column_int64 (stmt, 0) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no evaluator with number %lld"), (long long) evaluator_id);
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 1) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no proposal with number %lld"), (long long) proposal_id);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("Proposal %lld was merged into proposal %lld"
                     "; score that one"),
                   (long long) proposal_id, (long long) sqlite3_column_int64 (stmt, 2));
      return FALSE;
    }
  return TRUE;
}

static char *
score_subject (gint64 evaluator_id, gint64 proposal_id, const char *criterion)
{
  return g_strdup_printf ("evaluator:%" G_GINT64_FORMAT " proposal:%" G_GINT64_FORMAT
                          " criterion:%s",
                          evaluator_id, proposal_id, criterion);
}

/*
 * cocrea_score_set:
 * Sets (or replaces) the score of evaluator @evaluator_id for proposal
 * @proposal_id on criterion @criterion (a key), with an optional @note,
 * as one audit-logged edit. Fails with COCREA_ERROR_INVALID when @value
 * lies outside the criterion's scale or the proposal was merged, and
 * COCREA_ERROR_NOT_FOUND for an unknown evaluator, proposal or criterion.
 */
gboolean
cocrea_score_set (CocreaDocument *document, gint64 evaluator_id, gint64 proposal_id,
                  const char *criterion, int value, const char *note, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (CocreaCriterion) c = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_note = cocrea_text_normalize (note != NULL ? note : "");
  g_autofree char *now = cocrea_db_now ();
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (criterion != NULL, FALSE);

  if (!cocrea_text_check_length (clean_note, COCREA_TEXT_MAX_LONG, error))
    return FALSE;
  c = cocrea_criterion_lookup (document, criterion, error);
  if (c == NULL)
    return FALSE;
  if (value < cocrea_criterion_get_scale_min (c) || value > cocrea_criterion_get_scale_max (c))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("%d is outside the scale of “%s”, which goes from %d to %d"), value,
                   cocrea_criterion_get_name (c), cocrea_criterion_get_scale_min (c),
                   cocrea_criterion_get_scale_max (c));
      return FALSE;
    }
  if (!check_target (db, evaluator_id, proposal_id, error))
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

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
  sqlite3_bind_int64 (stmt, 2, proposal_id);
  sqlite3_bind_int64 (stmt, 3, cocrea_criterion_get_id (c));
  sqlite3_bind_int (stmt, 4, value);
  cocrea_db_bind_text (stmt, 5, clean_note);
  cocrea_db_bind_text (stmt, 6, now);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;

  subject = score_subject (evaluator_id, proposal_id, criterion);
  detail = g_strdup_printf ("%d", value);
  if (!cocrea_document_log (document, "score", subject, detail, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/*
 * cocrea_score_set_by_name:
 * Like cocrea_score_set(), naming the evaluator: one who does not exist
 * yet is added with @department (ignored for an existing one). Adding
 * the evaluator and the score are one edit, so a refused score leaves
 * no new evaluator behind.
 */
gboolean
cocrea_score_set_by_name (CocreaDocument *document, const char *evaluator, const char *department,
                          gint64 proposal_id, const char *criterion, int value, const char *note,
                          GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 evaluator_id = 0;

  g_return_val_if_fail (evaluator != NULL, FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  if (!cocrea_evaluator_find (document, evaluator, &evaluator_id, &local_error))
    {
      if (!g_error_matches (local_error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      evaluator_id = cocrea_evaluator_add (document, evaluator, department, error);
      if (evaluator_id == 0)
        return FALSE;
    }

  if (!cocrea_score_set (document, evaluator_id, proposal_id, criterion, value, note, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/*
 * cocrea_score_clear:
 * Removes the score (and its note) as one audit-logged edit, so the cell
 * counts as missing again. Clearing a cell that has no score succeeds;
 * an unknown criterion fails with COCREA_ERROR_NOT_FOUND.
 */
gboolean
cocrea_score_clear (CocreaDocument *document, gint64 evaluator_id, gint64 proposal_id,
                    const char *criterion, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (CocreaCriterion) c = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (criterion != NULL, FALSE);

  c = cocrea_criterion_lookup (document, criterion, error);
  if (c == NULL)
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (db,
                            "DELETE FROM score WHERE evaluator_id = ? AND proposal_id = ?"
                            " AND criterion_id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluator_id);
  sqlite3_bind_int64 (stmt, 2, proposal_id);
  sqlite3_bind_int64 (stmt, 3, cocrea_criterion_get_id (c));
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;

  subject = score_subject (evaluator_id, proposal_id, criterion);
  if (!cocrea_document_log (document, "clear-score", subject, "", error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}
