/* cocrea-ranking.c
 *
 * The formulas, so the numbers on screen and in the reasons report can
 * be explained to anyone who asks:
 *
 * Per proposal p and criterion c, over the evaluators who scored that
 * cell (a missing score is skipped, never a zero): mean, median (the
 * mean of the two middle values for an even count), min, max, the
 * number of evaluators n, and the population standard deviation sd.
 * Evaluators count equally. Disagreement = sd / (span / 2), where span =
 * scale_max − scale_min; it is flagged when n >= 2 and it reaches 0.5,
 * that is sd >= span / 4 (one point on a 1–5 scale: 3 and 5, or 2, 2,
 * 4, 4, are flagged; 3, 4, 4, 5 is not).
 *
 * Overall viability of p = Σ w_c · (mean_pc − scale_min_c) / span_c
 *                          ─────────────────────────────────────
 *                                       Σ w_c
 * over the criteria c that p has at least one score on, with w_c the
 * criterion's weight: a weighted mean of the criterion means, each first
 * brought to 0–1 so that criteria on different scales weigh only by
 * their weight. A proposal with no score (or only scores on weight-0
 * criteria) has no overall value and no rank. Ties share a rank.
 *
 * Prioritisation (stage 3) of p =
 *   (w_m · M + w_a · A + w_i · I + w_s · S) / (w_m + w_a + w_i + w_s)
 * with M = mentions / the largest number of mentions, A = OGP axes / 4,
 * I = inclusion groups / 5, S = supports online / the largest number of
 * supports; each 0–1, so the weights alone say how much each criterion
 * counts. w_s is 0 unless the process asks for it: supports are a
 * different kind of voice than the workshop's, and counting them is a
 * choice the facilitators make. Ties share a rank and list by mentions, then id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "cocrea-criterion.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-ranking.h"
#include "cocrea-verify.h"

static void
criterion_clear (gpointer data)
{
  CocreaRankCriterion *c = data;
  g_free (c->key);
  g_free (c->name);
}

static void
proposal_clear (gpointer data)
{
  CocreaRankProposal *p = data;
  g_free (p->title);
  g_free (p->status);
}

/* An empty data set, with one reference. */
CocreaRankingData *
cocrea_ranking_data_new (void)
{
  CocreaRankingData *data = g_atomic_rc_box_new0 (CocreaRankingData);

  data->criteria = g_array_new (FALSE, TRUE, sizeof (CocreaRankCriterion));
  g_array_set_clear_func (data->criteria, criterion_clear);
  data->proposals = g_array_new (FALSE, TRUE, sizeof (CocreaRankProposal));
  g_array_set_clear_func (data->proposals, proposal_clear);
  data->scores = g_array_new (FALSE, TRUE, sizeof (CocreaRankScore));
  return data;
}

CocreaRankingData *
cocrea_ranking_data_ref (CocreaRankingData *data)
{
  return g_atomic_rc_box_acquire (data);
}

static void
ranking_data_clear (gpointer p)
{
  CocreaRankingData *data = p;
  g_array_unref (data->criteria);
  g_array_unref (data->proposals);
  g_array_unref (data->scores);
}

void
cocrea_ranking_data_unref (CocreaRankingData *data)
{
  g_atomic_rc_box_release_full (data, ranking_data_clear);
}

/* Appends a criterion and returns its index. @scale_max must exceed @scale_min. */
guint
cocrea_ranking_data_add_criterion (CocreaRankingData *data, const char *key, const char *name,
                                   int scale_min, int scale_max, double weight)
{
  CocreaRankCriterion c = { g_strdup (key), g_strdup (name ? name : key), scale_min, scale_max, weight };

  g_return_val_if_fail (scale_max > scale_min, 0);
  g_array_append_val (data->criteria, c);
  return data->criteria->len - 1;
}

/* Appends an undecided proposal and returns its index. */
guint
cocrea_ranking_data_add_proposal (CocreaRankingData *data, gint64 id, const char *title,
                                  CocreaOrigin origin, guint axes, guint inclusion, guint mentions)
{
  CocreaRankProposal p = { id, g_strdup (title), origin, axes, inclusion, mentions, NULL, 0 };

  g_array_append_val (data->proposals, p);
  return data->proposals->len - 1;
}

/* Appends one evaluator's score; the indexes must exist already. */
void
cocrea_ranking_data_add_score (CocreaRankingData *data, guint proposal, guint criterion,
                               gint64 evaluator_id, int value)
{
  CocreaRankScore s = { proposal, criterion, evaluator_id, value };

  g_return_if_fail (proposal < data->proposals->len);
  g_return_if_fail (criterion < data->criteria->len);
  g_array_append_val (data->scores, s);
}

/* The index of the proposal with @id, or -1. Linear: for tools and tests. */
int
cocrea_ranking_data_find_proposal (CocreaRankingData *data, gint64 id)
{
  for (guint i = 0; i < data->proposals->len; i++)
    if (g_array_index (data->proposals, CocreaRankProposal, i).id == id)
      return i;
  return -1;
}

/*
 * load_mentions:
 * Counts each proposal's contributions and their supports online, those
 * of proposals merged into it (at any depth) included, into the
 * proposals of @data. Chains are
 * followed in memory rather than by a recursive query, which has no
 * index on merged_into_id to use and would be quadratic at 10,000
 * proposals. A cycle (a damaged file) stops the walk.
 */
static gboolean
load_mentions (sqlite3 *db, CocreaRankingData *data, GHashTable *merged_into, GHashTable *index_of,
               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* Supports online come from the few contributions Decidim brought. */
  stmt = cocrea_db_prepare (db,
                            "SELECT proposal_id, count(*), 0 FROM contribution"
                            " WHERE proposal_id IS NOT NULL GROUP BY proposal_id"
                            " UNION ALL"
                            " SELECT c.proposal_id, 0, sum (s.supports) FROM contribution_source s"
                            " JOIN contribution c ON c.id = s.contribution_id"
                            " WHERE c.proposal_id IS NOT NULL GROUP BY c.proposal_id",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint count = sqlite3_column_int (stmt, 1);
      gint64 supports = sqlite3_column_int64 (stmt, 2);
      gpointer index;

      for (guint depth = 0; depth < 64; depth++)
        {
          gpointer next;
          if (!g_hash_table_lookup_extended (merged_into, &id, NULL, &next))
            break;
          id = *(gint64 *) next;
        }
      if (g_hash_table_lookup_extended (index_of, &id, NULL, &index))
        {
          CocreaRankProposal *p = &g_array_index (data->proposals, CocreaRankProposal,
                                                  GPOINTER_TO_UINT (index));
          p->mentions += count;
          p->supports = (guint) MIN ((gint64) p->supports + supports, G_MAXUINT);
        }
    }

  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/*
 * cocrea_ranking_data_load:
 * Reads the criteria (in order), the proposals not merged into another
 * (by id, with their mentions and decision), every score on them and the
 * number of evaluators, in one read transaction so they agree. Returns
 * NULL with @error set when the file cannot be read.
 */
CocreaRankingData *
cocrea_ranking_data_load (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (CocreaRankingData) data = cocrea_ranking_data_new ();
  g_autoptr (GListModel) criteria = NULL;
  g_autoptr (GHashTable) criterion_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) proposal_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) merged_into = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (CocreaDbRead) read = NULL;
  gint64 n_evaluators = 0;
  int rc;

  /* One read transaction keeps the figures consistent. */
  read = cocrea_db_read_begin (db, error);
  if (read == NULL)
    return NULL;

  /* A score outside its scale (written by another program) would be
   * averaged into nonsense: refused, as `cocrea check` refuses it. */
  {
    g_autofree char *name = g_filename_display_basename (cocrea_document_get_path (document));
    if (!cocrea_verify_scores (db, name, error))
      return NULL;
  }

  criteria = cocrea_criterion_list (document, error);
  if (criteria == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (CocreaCriterion) c = g_list_model_get_item (criteria, i);
      guint index = cocrea_ranking_data_add_criterion (data, cocrea_criterion_get_key (c),
                                                       cocrea_criterion_get_name (c),
                                                       cocrea_criterion_get_scale_min (c),
                                                       cocrea_criterion_get_scale_max (c),
                                                       cocrea_criterion_get_weight (c));
      g_hash_table_insert (criterion_index, g_memdup2 (&(gint64){ cocrea_criterion_get_id (c) }, sizeof (gint64)),
                           GUINT_TO_POINTER (index));
    }

  stmt = cocrea_db_prepare (db,
                            "SELECT p.id, p.title, p.origin, p.axes, p.inclusion, p.merged_into_id,"
                            " d.status FROM proposal p LEFT JOIN decision d ON d.proposal_id = p.id"
                            " ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CocreaOrigin origin = COCREA_ORIGIN_COMMUNITY;
      guint index;

      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        {
          g_hash_table_insert (merged_into, g_memdup2 (&id, sizeof id),
                               g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 5) }, sizeof (gint64)));
          continue;
        }

      cocrea_origin_from_text ((const char *) sqlite3_column_text (stmt, 2), &origin);
      index = cocrea_ranking_data_add_proposal (data, id, (const char *) sqlite3_column_text (stmt, 1),
                                                origin, sqlite3_column_int (stmt, 3),
                                                sqlite3_column_int (stmt, 4), 0);
      g_array_index (data->proposals, CocreaRankProposal, index).status =
        g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_hash_table_insert (proposal_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (index));
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!load_mentions (db, data, merged_into, proposal_index, error))
    return NULL;

  stmt = cocrea_db_prepare (db, "SELECT evaluator_id, proposal_id, criterion_id, value FROM score",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 proposal_id = sqlite3_column_int64 (stmt, 1);
      gint64 criterion_id = sqlite3_column_int64 (stmt, 2);
      gpointer p, c;

      /* Scores of a proposal merged away after scoring are not counted. */
      if (!g_hash_table_lookup_extended (proposal_index, &proposal_id, NULL, &p) ||
          !g_hash_table_lookup_extended (criterion_index, &criterion_id, NULL, &c))
        continue;
      cocrea_ranking_data_add_score (data, GPOINTER_TO_UINT (p), GPOINTER_TO_UINT (c),
                                     sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!cocrea_db_query_int (db, "SELECT count(*) FROM evaluator", &n_evaluators, error))
    return NULL;
  data->n_evaluators = n_evaluators;
  return g_steal_pointer (&data);
}

static int
compare_int (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/*
 * cocrea_aggregate_compute:
 * Fills @out with the aggregate of @n values on the scale
 * @scale_min–@scale_max (see CocreaAggregate and the formulas at the top
 * of this file). With @n = 0 every figure is 0 and nothing is flagged.
 */
void
cocrea_aggregate_compute (const int *values, guint n, int scale_min, int scale_max,
                          CocreaAggregate *out)
{
  g_autofree int *sorted = NULL;
  double sum = 0, squares = 0, span;

  g_return_if_fail (out != NULL);
  g_return_if_fail (scale_max > scale_min);

  *out = (CocreaAggregate) { 0 };
  if (n == 0)
    return;

  sorted = g_memdup2 (values, n * sizeof (int));
  qsort (sorted, n, sizeof (int), compare_int);

  for (guint i = 0; i < n; i++)
    sum += sorted[i];
  out->n = n;
  out->mean = sum / n;
  for (guint i = 0; i < n; i++)
    squares += (sorted[i] - out->mean) * (sorted[i] - out->mean);
  out->stddev = sqrt (squares / n);
  out->median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  out->min = sorted[0];
  out->max = sorted[n - 1];

  span = scale_max - scale_min;
  out->disagreement = out->stddev / (span / 2.0);
  /* A small epsilon so that exactly a quarter of the scale is flagged. */
  out->disagreement_flagged = n >= 2 && out->disagreement >= COCREA_DISAGREEMENT_THRESHOLD - 1e-9;
}

static int
compare_score_cell (const void *a, const void *b)
{
  const CocreaRankScore *x = a, *y = b;
  if (x->proposal != y->proposal)
    return x->proposal < y->proposal ? -1 : 1;
  if (x->criterion != y->criterion)
    return x->criterion < y->criterion ? -1 : 1;
  return 0;
}

typedef struct {
  const double *key;
  const CocreaRankProposal *proposals;
} SortContext;

/* Higher key first; NAN (no value) last; then more mentions; then lower id. */
static int
compare_by_key (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const SortContext *ctx = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x = ctx->key[i], y = ctx->key[j];

  if (isnan (x) != isnan (y))
    return isnan (x) ? 1 : -1;
  if (!isnan (x) && fabs (x - y) > 1e-9)
    return x > y ? -1 : 1;
  if (ctx->proposals[i].mentions != ctx->proposals[j].mentions)
    return ctx->proposals[i].mentions > ctx->proposals[j].mentions ? -1 : 1;
  return (ctx->proposals[i].id > ctx->proposals[j].id) - (ctx->proposals[i].id < ctx->proposals[j].id);
}

/* Sorts proposal indexes by @key into a new array and fills @rank
 * (competition ranking: 1, 2, 2, 4; 0 for NAN keys). */
static guint *
order_by (const double *key, const CocreaRankProposal *proposals, guint n, guint *rank)
{
  guint *order = g_new (guint, MAX (n, 1));
  SortContext ctx = { key, proposals };

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_by_key, &ctx);

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      if (isnan (key[i]))
        rank[i] = 0;
      else if (k > 0 && fabs (key[order[k - 1]] - key[i]) <= 1e-9)
        rank[i] = rank[order[k - 1]];
      else
        rank[i] = k + 1;
    }
  return order;
}

/*
 * cocrea_ranking_compute:
 * Computes every cell aggregate, the overall viability and the rank of
 * each proposal of @data (which it keeps a reference to). Pure: reads
 * nothing but @data. Free with cocrea_ranking_free().
 */
CocreaRanking *
cocrea_ranking_compute (CocreaRankingData *data)
{
  CocreaRanking *ranking = g_new0 (CocreaRanking, 1);
  guint n_p = data->proposals->len, n_c = data->criteria->len;
  g_autofree CocreaRankScore *scores = NULL;
  g_autofree int *values = NULL;
  guint n_s = data->scores->len;

  ranking->data = cocrea_ranking_data_ref (data);
  ranking->cells = g_new0 (CocreaAggregate, MAX (n_p * n_c, 1));
  ranking->overall = g_new (double, MAX (n_p, 1));
  ranking->rank = g_new0 (guint, MAX (n_p, 1));

  /* Group the scores by cell, then aggregate each run. */
  scores = g_memdup2 (data->scores->data, MAX (n_s, 1) * sizeof (CocreaRankScore));
  /* A process nobody has scored yet has no array to sort (qsort must not
   * be given NULL, even for zero elements). */
  if (n_s > 1)
    qsort (scores, n_s, sizeof (CocreaRankScore), compare_score_cell);
  values = g_new (int, MAX (n_s, 1));
  for (guint start = 0, end; start < n_s; start = end)
    {
      const CocreaRankScore *first = &scores[start];
      const CocreaRankCriterion *c = &g_array_index (data->criteria, CocreaRankCriterion, first->criterion);

      for (end = start; end < n_s && compare_score_cell (&scores[end], first) == 0; end++)
        values[end - start] = scores[end].value;
      cocrea_aggregate_compute (values, end - start, c->scale_min, c->scale_max,
                                &ranking->cells[first->proposal * n_c + first->criterion]);
    }

  for (guint p = 0; p < n_p; p++)
    {
      double sum = 0, weights = 0;

      for (guint c = 0; c < n_c; c++)
        {
          const CocreaRankCriterion *crit = &g_array_index (data->criteria, CocreaRankCriterion, c);
          const CocreaAggregate *cell = &ranking->cells[p * n_c + c];

          if (cell->n == 0 || crit->weight <= 0)
            continue;
          sum += crit->weight * (cell->mean - crit->scale_min) / (crit->scale_max - crit->scale_min);
          weights += crit->weight;
        }
      ranking->overall[p] = weights > 0 ? sum / weights : NAN;
    }

  ranking->order = order_by (ranking->overall, (const CocreaRankProposal *) data->proposals->data,
                             n_p, ranking->rank);
  return ranking;
}

void
cocrea_ranking_free (CocreaRanking *ranking)
{
  if (ranking == NULL)
    return;
  cocrea_ranking_data_unref (ranking->data);
  g_free (ranking->cells);
  g_free (ranking->overall);
  g_free (ranking->rank);
  g_free (ranking->order);
  g_free (ranking);
}

/* The aggregate of proposal index @proposal on criterion index @criterion. */
const CocreaAggregate *
cocrea_ranking_get_cell (CocreaRanking *ranking, guint proposal, guint criterion)
{
  g_return_val_if_fail (proposal < ranking->data->proposals->len, NULL);
  g_return_val_if_fail (criterion < ranking->data->criteria->len, NULL);
  return &ranking->cells[proposal * ranking->data->criteria->len + criterion];
}

/* How many proposals have an overall value (and so a rank). */
guint
cocrea_ranking_count_scored (CocreaRanking *ranking)
{
  guint n = 0;
  for (guint p = 0; p < ranking->data->proposals->len; p++)
    n += !isnan (ranking->overall[p]);
  return n;
}

/* Equal weights: the three criteria of the Renca prioritisation count alike. */
void
cocrea_priority_weights_init_default (CocreaPriorityWeights *weights)
{
  weights->mentions = 1.0;
  weights->axes = 1.0;
  weights->inclusion = 1.0;
  weights->supports = 0.0;
}

/* The largest weight a file may hold; the scales stop well before it. */
#define MAX_PRIORITY_WEIGHT 1000.0

/**
 * cocrea_priority_weights_load:
 * @document: a process
 * @weights: (out): where to put its prioritisation weights
 * @error: return location for a #CocreaError
 *
 * Reads the weights last saved with cocrea_priority_weights_save(); a
 * process that never saved any has the default, equal weights.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_priority_weights_load (CocreaDocument *document, CocreaPriorityWeights *weights,
                              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  stmt = cocrea_db_prepare (cocrea_document_get_db (document),
                            "SELECT priority_mentions, priority_axes, priority_inclusion,"
                            " priority_supports FROM process WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, cocrea_document_get_db (document), rc, NULL);
      return FALSE;
    }
  weights->mentions = sqlite3_column_double (stmt, 0);
  weights->axes = sqlite3_column_double (stmt, 1);
  weights->inclusion = sqlite3_column_double (stmt, 2);
  weights->supports = sqlite3_column_double (stmt, 3);
  return TRUE;
}

static gboolean
weight_is_valid (double weight)
{
  return isfinite (weight) && weight >= 0 && weight <= MAX_PRIORITY_WEIGHT;
}

/**
 * cocrea_priority_weights_save:
 * @document: a process open for writing
 * @weights: the weights to keep
 * @error: return location for a #CocreaError
 *
 * Keeps @weights with the process, as one edit written to the audit log
 * (nothing is written when they are the ones already kept).
 *
 * Returns: %TRUE on success; fails with %COCREA_ERROR_INVALID for a
 *   weight that is negative, not a number or over 1,000, and with
 *   %COCREA_ERROR_READ_ONLY
 */
gboolean
cocrea_priority_weights_save (CocreaDocument *document, const CocreaPriorityWeights *weights,
                              GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;
  CocreaPriorityWeights current;
  char m[G_ASCII_DTOSTR_BUF_SIZE], a[G_ASCII_DTOSTR_BUF_SIZE], i[G_ASCII_DTOSTR_BUF_SIZE];
  char su[G_ASCII_DTOSTR_BUF_SIZE];
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  if (!weight_is_valid (weights->mentions) || !weight_is_valid (weights->axes) ||
      !weight_is_valid (weights->inclusion) || !weight_is_valid (weights->supports))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Each prioritisation weight is a number from 0 to 1,000"));
      return FALSE;
    }

  if (!cocrea_priority_weights_load (document, &current, error))
    return FALSE;
  if (current.mentions == weights->mentions && current.axes == weights->axes &&
      current.inclusion == weights->inclusion && current.supports == weights->supports)
    return TRUE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db, "UPDATE process SET priority_mentions = ?, priority_axes = ?,"
                                " priority_inclusion = ?, priority_supports = ? WHERE id = 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, weights->mentions);
  sqlite3_bind_double (stmt, 2, weights->axes);
  sqlite3_bind_double (stmt, 3, weights->inclusion);
  sqlite3_bind_double (stmt, 4, weights->supports);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;

  detail = g_strdup_printf ("{\"mentions\": %s, \"axes\": %s, \"inclusion\": %s,"
                            " \"supports\": %s}",
                            g_ascii_dtostr (m, sizeof m, weights->mentions),
                            g_ascii_dtostr (a, sizeof a, weights->axes),
                            g_ascii_dtostr (i, sizeof i, weights->inclusion),
                            g_ascii_dtostr (su, sizeof su, weights->supports));
  if (!cocrea_document_log (document, "priority-weights", "", detail, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return cocrea_edit_commit (edit, error);
}

/*
 * cocrea_priority_score:
 * The prioritisation score of @proposal, 0–1, given the largest number
 * of mentions and of supports online among the proposals compared (see
 * the top of this file).
 * Negative weights count as zero; all-zero weights give 0.
 */
double
cocrea_priority_score (const CocreaRankProposal *proposal, guint max_mentions, guint max_supports,
                       const CocreaPriorityWeights *weights)
{
  double wm = MAX (weights->mentions, 0), wa = MAX (weights->axes, 0), wi = MAX (weights->inclusion, 0);
  double ws = MAX (weights->supports, 0);
  double m = max_mentions > 0 ? (double) proposal->mentions / max_mentions : 0;
  double s = max_supports > 0 ? (double) proposal->supports / max_supports : 0;
  double a, i;
  guint axes = 0, inclusion = 0;

  for (guint b = 0; b < COCREA_N_AXES; b++)
    axes += (proposal->axes >> b) & 1;
  for (guint b = 0; b < COCREA_N_INCLUSION; b++)
    inclusion += (proposal->inclusion >> b) & 1;
  a = (double) axes / COCREA_N_AXES;
  i = (double) inclusion / COCREA_N_INCLUSION;

  if (wm + wa + wi + ws <= 0)
    return 0;
  return (wm * m + wa * a + wi * i + ws * s) / (wm + wa + wi + ws);
}

/*
 * cocrea_priority_rank:
 * Ranks every proposal of @data by its prioritisation score under
 * @weights. Returns a newly allocated array of ranks indexed like
 * data->proposals (1 = first; ties share), and when @scores is not NULL
 * a newly allocated array of the scores.
 */
guint *
cocrea_priority_rank (CocreaRankingData *data, const CocreaPriorityWeights *weights, double **scores)
{
  guint n = data->proposals->len, max_mentions = 0, max_supports = 0;
  const CocreaRankProposal *proposals = (const CocreaRankProposal *) data->proposals->data;
  g_autofree double *key = g_new (double, MAX (n, 1));
  guint *rank = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      max_mentions = MAX (max_mentions, proposals[i].mentions);
      max_supports = MAX (max_supports, proposals[i].supports);
    }
  for (guint i = 0; i < n; i++)
    key[i] = cocrea_priority_score (&proposals[i], max_mentions, max_supports, weights);

  g_free (order_by (key, proposals, n, rank));

  if (scores != NULL)
    *scores = g_steal_pointer (&key);
  return rank;
}

static int
compare_change (gconstpointer a, gconstpointer b)
{
  const CocreaRankChange *x = a, *y = b;
  if (x->new_rank != y->new_rank)
    return x->new_rank < y->new_rank ? -1 : 1;
  return (x->proposal > y->proposal) - (x->proposal < y->proposal);
}

/*
 * cocrea_priority_changes:
 * The sensitivity of the prioritisation: which proposals move when the
 * weights go from @old_weights to @new_weights. Returns an array of
 * #CocreaRankChange, one per proposal whose rank differs, ordered by
 * new rank.
 */
GArray *
cocrea_priority_changes (CocreaRankingData *data, const CocreaPriorityWeights *old_weights,
                         const CocreaPriorityWeights *new_weights)
{
  g_autofree guint *before = cocrea_priority_rank (data, old_weights, NULL);
  g_autofree guint *after = cocrea_priority_rank (data, new_weights, NULL);
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (CocreaRankChange));

  for (guint i = 0; i < data->proposals->len; i++)
    {
      CocreaRankChange change = {
        g_array_index (data->proposals, CocreaRankProposal, i).id, i, before[i], after[i]
      };
      if (before[i] != after[i])
        g_array_append_val (changes, change);
    }

  g_array_sort (changes, compare_change);
  return changes;
}
