/* test-ranking.c — aggregation and ranking maths on hand-computed cases
 *
 * Every expected number below was worked out by hand from the formulas
 * at the top of cocrea-ranking.c; the comments show the working.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gstdio.h>

#include "cocrea-criterion.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-evaluator.h"
#include "cocrea-ranking.h"
#include "cocrea-score.h"
#include "test-process.h"

#define EPS 1e-9

static void
test_aggregate_two (void)
{
  CocreaAggregate a;
  int values[] = { 5, 3 };

  /* 3 and 5: mean 4, median (3 + 5) / 2 = 4, sd 1 = span 4 / 4: flagged. */
  cocrea_aggregate_compute (values, 2, 1, 5, &a);
  g_assert_cmpuint (a.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (a.mean, 4, EPS);
  g_assert_cmpfloat_with_epsilon (a.median, 4, EPS);
  g_assert_cmpint (a.min, ==, 3);
  g_assert_cmpint (a.max, ==, 5);
  g_assert_cmpfloat_with_epsilon (a.stddev, 1, EPS);
  g_assert_cmpfloat_with_epsilon (a.disagreement, 0.5, EPS);
  g_assert_true (a.disagreement_flagged);
}

static void
test_aggregate_medians (void)
{
  CocreaAggregate a;
  int odd[] = { 4, 1, 2 };
  int even[] = { 2, 5, 1, 4 };
  int calm[] = { 3, 4, 4, 5 };
  int one[] = { 5 };

  /* Odd count: sorted 1, 2, 4 → median 2, mean 7/3. */
  cocrea_aggregate_compute (odd, 3, 1, 5, &a);
  g_assert_cmpfloat_with_epsilon (a.median, 2, EPS);
  g_assert_cmpfloat_with_epsilon (a.mean, 7.0 / 3, EPS);

  /* Even count: sorted 1, 2, 4, 5 → median (2 + 4) / 2 = 3. */
  cocrea_aggregate_compute (even, 4, 1, 5, &a);
  g_assert_cmpfloat_with_epsilon (a.median, 3, EPS);
  g_assert_cmpint (a.min, ==, 1);
  g_assert_cmpint (a.max, ==, 5);

  /* 3, 4, 4, 5: variance (1 + 0 + 0 + 1) / 4 = 0.5, sd 0.707 < 1: not flagged. */
  cocrea_aggregate_compute (calm, 4, 1, 5, &a);
  g_assert_cmpfloat_with_epsilon (a.stddev, sqrt (0.5), EPS);
  g_assert_false (a.disagreement_flagged);

  /* One evaluator cannot disagree with anyone. */
  cocrea_aggregate_compute (one, 1, 1, 5, &a);
  g_assert_cmpfloat_with_epsilon (a.median, 5, EPS);
  g_assert_false (a.disagreement_flagged);

  /* Nobody: all zero, nothing flagged. */
  cocrea_aggregate_compute (NULL, 0, 1, 5, &a);
  g_assert_cmpuint (a.n, ==, 0);
  g_assert_false (a.disagreement_flagged);
}

/*
 * Criteria: A on 1–5 with weight 2, B on 0–10 with weight 1.
 * P1: A = 5, 3 (mean 4 → (4 − 1) / 4 = 0.75); B = 10 (→ 1).
 *     overall = (2 · 0.75 + 1 · 1) / 3 = 2.5 / 3.
 * P2: A = 5, 5, 5 (→ 1); B missing, skipped: overall = 2 · 1 / 2 = 1.
 * P3: no scores: no overall, no rank.
 */
static CocreaRankingData *
hand_data (void)
{
  CocreaRankingData *data = cocrea_ranking_data_new ();
  guint a = cocrea_ranking_data_add_criterion (data, "a", "A", 1, 5, 2);
  guint b = cocrea_ranking_data_add_criterion (data, "b", "B", 0, 10, 1);
  guint p1 = cocrea_ranking_data_add_proposal (data, 11, "P1", COCREA_ORIGIN_COMMUNITY, 0, 0, 0);
  guint p2 = cocrea_ranking_data_add_proposal (data, 12, "P2", COCREA_ORIGIN_MUNICIPAL, 0, 0, 0);

  cocrea_ranking_data_add_proposal (data, 13, "P3", COCREA_ORIGIN_COMMUNITY, 0, 0, 0);
  cocrea_ranking_data_add_score (data, p1, a, 1, 5);
  cocrea_ranking_data_add_score (data, p1, a, 2, 3);
  cocrea_ranking_data_add_score (data, p1, b, 1, 10);
  cocrea_ranking_data_add_score (data, p2, a, 1, 5);
  cocrea_ranking_data_add_score (data, p2, a, 2, 5);
  cocrea_ranking_data_add_score (data, p2, a, 3, 5);
  return data;
}

static void
test_overall_weights (void)
{
  g_autoptr (CocreaRankingData) data = hand_data ();
  g_autoptr (CocreaRanking) ranking = cocrea_ranking_compute (data);
  const CocreaAggregate *cell;

  cell = cocrea_ranking_get_cell (ranking, 0, 0);
  g_assert_cmpuint (cell->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (cell->mean, 4, EPS);
  cell = cocrea_ranking_get_cell (ranking, 1, 1);
  g_assert_cmpuint (cell->n, ==, 0); /* missing, not zero */

  g_assert_cmpfloat_with_epsilon (ranking->overall[0], 2.5 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (ranking->overall[1], 1, EPS);
  g_assert_true (isnan (ranking->overall[2]));

  g_assert_cmpuint (ranking->rank[0], ==, 2);
  g_assert_cmpuint (ranking->rank[1], ==, 1);
  g_assert_cmpuint (ranking->rank[2], ==, 0);
  g_assert_cmpuint (ranking->order[0], ==, 1);
  g_assert_cmpuint (ranking->order[1], ==, 0);
  g_assert_cmpuint (ranking->order[2], ==, 2);
  g_assert_cmpuint (cocrea_ranking_count_scored (ranking), ==, 2);
}

static void
test_overall_weight_change (void)
{
  g_autoptr (CocreaRankingData) data = hand_data ();
  g_autoptr (CocreaRanking) ranking = NULL;

  /* A weighs 0: P1 = B alone = 1, P2 has only A, so no overall at all. */
  g_array_index (data->criteria, CocreaRankCriterion, 0).weight = 0;
  ranking = cocrea_ranking_compute (data);
  g_assert_cmpfloat_with_epsilon (ranking->overall[0], 1, EPS);
  g_assert_true (isnan (ranking->overall[1]));
  g_assert_cmpuint (ranking->rank[0], ==, 1);
  g_assert_cmpuint (ranking->rank[1], ==, 0);
}

static void
test_overall_ties (void)
{
  g_autoptr (CocreaRankingData) data = cocrea_ranking_data_new ();
  g_autoptr (CocreaRanking) ranking = NULL;
  guint c = cocrea_ranking_data_add_criterion (data, "c", NULL, 1, 5, 1);

  for (guint i = 0; i < 3; i++)
    cocrea_ranking_data_add_proposal (data, 1 + i, "P", COCREA_ORIGIN_COMMUNITY, 0, 0, 0);
  cocrea_ranking_data_add_score (data, 0, c, 1, 4);
  cocrea_ranking_data_add_score (data, 1, c, 1, 5);
  cocrea_ranking_data_add_score (data, 2, c, 1, 4);

  /* 5 first; the two 4s share rank 2; the next rank would be 4. */
  ranking = cocrea_ranking_compute (data);
  g_assert_cmpuint (ranking->rank[1], ==, 1);
  g_assert_cmpuint (ranking->rank[0], ==, 2);
  g_assert_cmpuint (ranking->rank[2], ==, 2);
}

/*
 * X: 4 mentions, 1 axis, 0 groups; Y: 2 mentions, 4 axes, 2 groups;
 * Z: 1 mention, 0 axes, 5 groups. Largest mentions: 4.
 * Equal weights: X = (1 + 0.25 + 0) / 3 = 0.41667,
 *                Y = (0.5 + 1 + 0.4) / 3 = 0.63333,
 *                Z = (0.25 + 0 + 1) / 3 = 0.41667 → Y 1, X and Z 2.
 * Mentions only: X 1, Y 0.5, Z 0.25 → X 1, Y 2, Z 3.
 */
static CocreaRankingData *
priority_data (void)
{
  CocreaRankingData *data = cocrea_ranking_data_new ();

  cocrea_ranking_data_add_proposal (data, 1, "X", COCREA_ORIGIN_COMMUNITY, COCREA_AXIS_TRANSPARENCY, 0, 4);
  cocrea_ranking_data_add_proposal (data, 2, "Y", COCREA_ORIGIN_COMMUNITY, COCREA_AXES_ALL,
                                    COCREA_INCLUSION_WOMEN | COCREA_INCLUSION_YOUTH, 2);
  cocrea_ranking_data_add_proposal (data, 3, "Z", COCREA_ORIGIN_COMMUNITY, 0, 0x1F, 1);
  return data;
}

static void
test_priority (void)
{
  g_autoptr (CocreaRankingData) data = priority_data ();
  CocreaPriorityWeights weights;
  g_autofree double *scores = NULL;
  g_autofree guint *rank = NULL;

  cocrea_priority_weights_init_default (&weights);
  rank = cocrea_priority_rank (data, &weights, &scores);
  g_assert_cmpfloat_with_epsilon (scores[0], 1.25 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (scores[1], 1.9 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (scores[2], 1.25 / 3, EPS);
  g_assert_cmpuint (rank[1], ==, 1);
  g_assert_cmpuint (rank[0], ==, 2);
  g_assert_cmpuint (rank[2], ==, 2);

  /* All weights zero: everyone scores 0 and ties. */
  weights = (CocreaPriorityWeights) { 0, 0, 0 };
  g_clear_pointer (&rank, g_free);
  rank = cocrea_priority_rank (data, &weights, NULL);
  g_assert_cmpuint (rank[0], ==, 1);
  g_assert_cmpuint (rank[2], ==, 1);
}

static void
test_priority_sensitivity (void)
{
  g_autoptr (CocreaRankingData) data = priority_data ();
  CocreaPriorityWeights equal, mentions = { 1, 0, 0 };
  g_autoptr (GArray) none = NULL;
  g_autoptr (GArray) changes = NULL;
  const CocreaRankChange *c;

  cocrea_priority_weights_init_default (&equal);
  none = cocrea_priority_changes (data, &equal, &equal);
  g_assert_cmpuint (none->len, ==, 0);

  changes = cocrea_priority_changes (data, &equal, &mentions);
  g_assert_cmpuint (changes->len, ==, 3);
  c = &g_array_index (changes, CocreaRankChange, 0);
  g_assert_cmpint (c->proposal_id, ==, 1);
  g_assert_cmpuint (c->old_rank, ==, 2);
  g_assert_cmpuint (c->new_rank, ==, 1);
  c = &g_array_index (changes, CocreaRankChange, 1);
  g_assert_cmpint (c->proposal_id, ==, 2);
  g_assert_cmpuint (c->old_rank, ==, 1);
  g_assert_cmpuint (c->new_rank, ==, 2);
  c = &g_array_index (changes, CocreaRankChange, 2);
  g_assert_cmpint (c->proposal_id, ==, 3);
  g_assert_cmpuint (c->new_rank, ==, 3);
}

typedef TestProcess Fixture;

/* The demo when @data is set, else an empty process. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (data != NULL)
    test_process_demo (f, "p.cocrea", COCREA_OPEN_DEFAULT);
  else
    test_process_empty (f, "p.cocrea");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

static void
exec (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  cocrea_db_exec (cocrea_document_get_db (f->document), sql, &error);
  g_assert_no_error (error);
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

/* Contributions of proposals merged in, at any depth, count as mentions. */
static void
test_load_merged_mentions (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRankingData) data = NULL;
  int a;

  exec (f, "INSERT INTO activity (id, kind, name) VALUES (1, 'workshop', 'Taller');"
           "INSERT INTO proposal (id, title, created_at) VALUES (1, 'A', 'x'), (2, 'B', 'x'), (3, 'C', 'x'), (4, 'D', 'x');"
           "UPDATE proposal SET merged_into_id = 1 WHERE id = 2;"
           "UPDATE proposal SET merged_into_id = 2 WHERE id = 3;"
           "INSERT INTO contribution (activity_id, text, proposal_id, created_at) VALUES"
           " (1, 'a1', 1, 'x'), (1, 'a2', 1, 'x'), (1, 'b1', 2, 'x'), (1, 'c1', 3, 'x'), (1, 'd1', 4, 'x');"
           "INSERT INTO evaluator (id, name) VALUES (1, 'E');"
           "INSERT INTO score (evaluator_id, proposal_id, criterion_id, value, updated_at)"
           " SELECT 1, 2, id, 5, 'x' FROM criterion WHERE key = 'technical';");

  data = cocrea_ranking_data_load (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->proposals->len, ==, 2);
  g_assert_cmpuint (data->criteria->len, ==, 5);
  a = cocrea_ranking_data_find_proposal (data, 1);
  g_assert_cmpint (a, >=, 0);
  g_assert_cmpuint (g_array_index (data->proposals, CocreaRankProposal, a).mentions, ==, 4);
  g_assert_cmpuint (g_array_index (data->proposals, CocreaRankProposal, cocrea_ranking_data_find_proposal (data, 4)).mentions, ==, 1);
  /* The score of B, merged away, is not counted. */
  g_assert_cmpuint (data->scores->len, ==, 0);
  g_assert_cmpuint (data->n_evaluators, ==, 1);
}

/* The demo's aggregate ranking matches the plan's selection. */
static void
test_demo_ranking (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRankingData) data = cocrea_ranking_data_load (f->document, &error);
  g_autoptr (CocreaRanking) ranking = NULL;
  guint municipal = 0, community = 0;

  g_assert_no_error (error);
  ranking = cocrea_ranking_compute (data);
  g_assert_cmpuint (cocrea_ranking_count_scored (ranking), ==, 8);
  g_assert_cmpuint (data->n_evaluators, ==, 4);

  /* The best two municipal and best three community are the selected five. */
  for (guint k = 0; k < data->proposals->len; k++)
    {
      const CocreaRankProposal *p = &g_array_index (data->proposals, CocreaRankProposal, ranking->order[k]);
      if (isnan (ranking->overall[ranking->order[k]]))
        continue;
      if (p->origin == COCREA_ORIGIN_MUNICIPAL && municipal++ < 2)
        g_assert_cmpstr (p->status, ==, "selected");
      else if (p->origin == COCREA_ORIGIN_COMMUNITY && community++ < 3)
        g_assert_cmpstr (p->status, ==, "selected");
      else
        g_assert_cmpstr (p->status, ==, "not-selected");
    }
}

static void
test_score_set (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) scores = NULL;
  g_autoptr (CocreaScore) score = NULL;
  gint64 e, found = 0;

  exec (f, "INSERT INTO proposal (id, title, created_at) VALUES (7, 'Foro', 'x'), (8, 'Gone', 'x');"
           "UPDATE proposal SET merged_into_id = 7 WHERE id = 8;");
  e = cocrea_evaluator_add (f->document, "  Ana   Pérez ", "SECPLAN", &error);
  g_assert_no_error (error);
  g_assert_cmpint (e, >, 0);
  g_assert_true (cocrea_evaluator_find (f->document, "Ana Pérez", &found, &error));
  g_assert_cmpint (found, ==, e);
  g_assert_cmpint (cocrea_evaluator_add (f->document, "Ana Pérez", "", &error), ==, 0);
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_false (cocrea_score_set (f->document, e, 7, "technical", 6, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_score_set (f->document, e, 7, "nonsense", 3, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cocrea_score_set (f->document, e, 99, "technical", 3, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cocrea_score_set (f->document, e, 8, "technical", 3, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM score"), ==, 0);

  g_assert_true (cocrea_score_set (f->document, e, 7, "technical", 4, "Hay equipo", &error));
  g_assert_true (cocrea_score_set (f->document, e, 7, "technical", 5, "Hay equipo y datos", &error));
  g_assert_no_error (error);
  scores = cocrea_score_list (f->document, e, &error);
  g_assert_cmpuint (g_list_model_get_n_items (scores), ==, 1);
  score = g_list_model_get_item (scores, 0);
  g_assert_cmpint (cocrea_score_get_value (score), ==, 5);
  g_assert_cmpstr (cocrea_score_get_note (score), ==, "Hay equipo y datos");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'score'"), ==, 2);

  g_assert_true (cocrea_score_clear (f->document, e, 7, "technical", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM score"), ==, 0);

  /* Deleting an evaluator takes their scores along. */
  g_assert_true (cocrea_score_set (f->document, e, 7, "budget", 2, NULL, &error));
  g_assert_true (cocrea_evaluator_delete (f->document, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM score"), ==, 0);
}

static void
test_criterion_update (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) criteria = cocrea_criterion_list (f->document, &error);
  g_autoptr (CocreaCriterion) first = NULL;
  g_autoptr (CocreaCriterion) budget = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 5);
  first = g_list_model_get_item (criteria, 0);
  g_assert_cmpstr (cocrea_criterion_get_key (first), ==, "technical");
  g_assert_cmpstr (cocrea_criterion_get_name (first), ==, "Technical viability");
  g_assert_cmpint (cocrea_criterion_get_scale_min (first), ==, 1);
  g_assert_cmpint (cocrea_criterion_get_scale_max (first), ==, 5);

  g_assert_false (cocrea_criterion_update (f->document, "budget", NULL, NULL, 5, 1, 1, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_criterion_update (f->document, "budget", NULL, NULL, 1, 5, -1, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  /* Beyond what `cocrea check` accepts (issue 10, class 7). */
  g_assert_false (cocrea_criterion_update (f->document, "budget", NULL, NULL, 1, 5, 1e308, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_criterion_update (f->document, "budget", NULL, NULL, -2000000000,
                                           2000000000, 1, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cocrea_criterion_update (f->document, "budget", "Costo", "¿Alcanza?", 0, 10, 2.5, &error));
  g_assert_no_error (error);
  budget = cocrea_criterion_lookup (f->document, "budget", &error);
  g_assert_cmpstr (cocrea_criterion_get_name (budget), ==, "Costo");
  g_assert_cmpint (cocrea_criterion_get_scale_max (budget), ==, 10);
  g_assert_cmpfloat (cocrea_criterion_get_weight (budget), ==, 2.5);

  /* A scale that would strand existing scores is refused. */
  exec (f, "INSERT INTO proposal (id, title, created_at) VALUES (1, 'P', 'x');"
           "INSERT INTO evaluator (id, name) VALUES (1, 'E');"
           "INSERT INTO score (evaluator_id, proposal_id, criterion_id, value, updated_at)"
           " SELECT 1, 1, id, 9, 'x' FROM criterion WHERE key = 'budget';");
  g_assert_false (cocrea_criterion_update (f->document, "budget", NULL, NULL, 1, 5, 1, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
}

/* The prioritisation weights stay with the process, logged, and bad ones
 * change nothing. */
static void
test_priority_weights_saved (Fixture *f, gconstpointer unused)
{
  const CocreaPriorityWeights chosen = { 2.5, 0.0, 1.0 };
  const CocreaPriorityWeights bad[] = {
    { -1.0, 1.0, 1.0 }, { 1.0, NAN, 1.0 }, { 1.0, 1.0, 1001.0 }, { INFINITY, 1.0, 1.0 },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) reader = NULL;
  CocreaPriorityWeights weights = { 0 };

  g_assert_true (cocrea_priority_weights_load (f->document, &weights, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (weights.mentions, ==, 1.0);
  g_assert_cmpfloat (weights.axes, ==, 1.0);
  g_assert_cmpfloat (weights.inclusion, ==, 1.0);

  g_assert_true (cocrea_priority_weights_save (f->document, &chosen, &error));
  g_assert_no_error (error);
  /* The same weights again write nothing. */
  g_assert_true (cocrea_priority_weights_save (f->document, &chosen, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"
                                 " WHERE action = 'priority-weights'"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (cocrea_priority_weights_save (f->document, &bad[i], &error));
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_clear_object (&f->document);
  reader = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cocrea_priority_weights_load (reader, &weights, &error));
  g_assert_cmpfloat (weights.mentions, ==, 2.5);
  g_assert_cmpfloat (weights.axes, ==, 0.0);
  g_assert_cmpfloat (weights.inclusion, ==, 1.0);

  g_assert_false (cocrea_priority_weights_save (reader, &bad[0], &error));
  g_clear_error (&error);
  weights.axes = 3.0;
  g_assert_false (cocrea_priority_weights_save (reader, &weights, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ranking/aggregate/two", test_aggregate_two);
  g_test_add_func ("/ranking/aggregate/medians", test_aggregate_medians);
  g_test_add_func ("/ranking/overall/weights", test_overall_weights);
  g_test_add_func ("/ranking/overall/weight-change", test_overall_weight_change);
  g_test_add_func ("/ranking/overall/ties", test_overall_ties);
  g_test_add_func ("/ranking/priority/weights", test_priority);
  g_test_add_func ("/ranking/priority/sensitivity", test_priority_sensitivity);
  g_test_add ("/ranking/load/merged-mentions", Fixture, NULL, fixture_set_up,
              test_load_merged_mentions, fixture_tear_down);
  g_test_add ("/ranking/load/demo", Fixture, "demo", fixture_set_up, test_demo_ranking,
              fixture_tear_down);
  g_test_add ("/ranking/score/set", Fixture, NULL, fixture_set_up, test_score_set, fixture_tear_down);
  g_test_add ("/ranking/priority/saved", Fixture, NULL, fixture_set_up,
              test_priority_weights_saved, fixture_tear_down);
  g_test_add ("/ranking/criterion/update", Fixture, NULL, fixture_set_up, test_criterion_update,
              fixture_tear_down);

  return g_test_run ();
}
