/* cocrea-ranking.h — aggregates of the viability scores and the two rankings
 *
 * The data is loaded once (cocrea_ranking_data_load) or built by hand
 * (the tests), and every figure is computed from it by pure functions,
 * so a weight change re-ranks without touching the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-types.h"

G_BEGIN_DECLS

typedef struct {
  char *key;
  char *name;      /* translated default or the process's own */
  int scale_min;
  int scale_max;
  double weight;
} CocreaRankCriterion;

typedef struct {
  gint64 id;
  char *title;
  CocreaOrigin origin;
  guint axes;      /* CocreaAxes bits */
  guint inclusion; /* CocreaInclusion bits */
  guint mentions;  /* contributions, those of merged-in proposals included */
  char *status;    /* decision key, or NULL when undecided */
  guint supports;  /* supports online (Decidim), merged-in proposals included */
} CocreaRankProposal;

typedef struct {
  guint proposal;   /* index into proposals */
  guint criterion;  /* index into criteria */
  gint64 evaluator_id;
  int value;
} CocreaRankScore;

/* Everything the rankings need, in memory. Reference-counted. */
typedef struct {
  GArray *criteria;  /* CocreaRankCriterion */
  GArray *proposals; /* CocreaRankProposal; only those not merged into another */
  GArray *scores;    /* CocreaRankScore */
  guint n_evaluators;
} CocreaRankingData;

/*
 * The aggregate of one proposal on one criterion, over the evaluators
 * who scored it (missing scores are skipped, never counted as zero).
 * @disagreement is the population standard deviation divided by half
 * the scale's span (0: all agree; 1: half at each end of the scale);
 * @disagreement_flagged is set when at least two evaluators scored and
 * @disagreement >= COCREA_DISAGREEMENT_THRESHOLD, that is a standard
 * deviation of at least a quarter of the scale (1 point on 1–5).
 */
typedef struct {
  guint n;
  double mean;
  double median;
  int min;
  int max;
  double stddev;
  double disagreement;
  gboolean disagreement_flagged;
} CocreaAggregate;

#define COCREA_DISAGREEMENT_THRESHOLD 0.5

/* The result of cocrea_ranking_compute(); fields are read-only. */
typedef struct {
  CocreaRankingData *data;
  CocreaAggregate *cells; /* n_proposals × n_criteria, row-major by proposal */
  double *overall;        /* per proposal, 0–1; NAN when it has no score */
  guint *rank;            /* per proposal, 1 = best, ties share; 0 when unscored */
  guint *order;           /* proposal indexes, best first, unscored last */
} CocreaRanking;

/* Weights of the prioritisation (stage 3); each is zero or more. The
 * supports people gave a proposal online weigh nothing unless asked to. */
typedef struct {
  double mentions;
  double axes;
  double inclusion;
  double supports;
} CocreaPriorityWeights;

typedef struct {
  gint64 proposal_id;
  guint proposal; /* index into proposals */
  guint old_rank;
  guint new_rank;
} CocreaRankChange;

CocreaRankingData *cocrea_ranking_data_new          (void);
CocreaRankingData *cocrea_ranking_data_ref          (CocreaRankingData *data);
void               cocrea_ranking_data_unref        (CocreaRankingData *data);
CocreaRankingData *cocrea_ranking_data_load         (CocreaDocument    *document,
                                                     GError           **error);
guint              cocrea_ranking_data_add_criterion (CocreaRankingData *data,
                                                     const char        *key,
                                                     const char        *name,
                                                     int                scale_min,
                                                     int                scale_max,
                                                     double             weight);
guint              cocrea_ranking_data_add_proposal (CocreaRankingData *data,
                                                     gint64             id,
                                                     const char        *title,
                                                     CocreaOrigin       origin,
                                                     guint              axes,
                                                     guint              inclusion,
                                                     guint              mentions);
void               cocrea_ranking_data_add_score    (CocreaRankingData *data,
                                                     guint              proposal,
                                                     guint              criterion,
                                                     gint64             evaluator_id,
                                                     int                value);
int                cocrea_ranking_data_find_proposal (CocreaRankingData *data,
                                                     gint64             id);

void               cocrea_aggregate_compute         (const int         *values,
                                                     guint              n,
                                                     int                scale_min,
                                                     int                scale_max,
                                                     CocreaAggregate   *out);

CocreaRanking     *cocrea_ranking_compute           (CocreaRankingData *data);
void               cocrea_ranking_free              (CocreaRanking     *ranking);
const CocreaAggregate *cocrea_ranking_get_cell      (CocreaRanking     *ranking,
                                                     guint              proposal,
                                                     guint              criterion);
guint              cocrea_ranking_count_scored      (CocreaRanking     *ranking);

void               cocrea_priority_weights_init_default (CocreaPriorityWeights *weights);
gboolean           cocrea_priority_weights_load     (CocreaDocument              *document,
                                                     CocreaPriorityWeights       *weights,
                                                     GError                     **error);
gboolean           cocrea_priority_weights_save     (CocreaDocument              *document,
                                                     const CocreaPriorityWeights *weights,
                                                     GError                     **error);
double             cocrea_priority_score            (const CocreaRankProposal    *proposal,
                                                     guint                        max_mentions,
                                                     guint                        max_supports,
                                                     const CocreaPriorityWeights *weights);
guint             *cocrea_priority_rank             (CocreaRankingData           *data,
                                                     const CocreaPriorityWeights *weights,
                                                     double                     **scores);
GArray            *cocrea_priority_changes          (CocreaRankingData           *data,
                                                     const CocreaPriorityWeights *old_weights,
                                                     const CocreaPriorityWeights *new_weights);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaRankingData, cocrea_ranking_data_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaRanking, cocrea_ranking_free)

G_END_DECLS
