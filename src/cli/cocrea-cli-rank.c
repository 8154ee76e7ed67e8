/* cocrea-cli-rank.c — cocrea rank FILE [--json] [--weights M,A,I[,S] [--save]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-ranking.h"

/* Parses "M,A,I" or "M,A,I,S" (numbers, zero or more) into @weights;
 * without S, the supports online keep weighing nothing. */
static gboolean
parse_weights (const char *text, CocreaPriorityWeights *weights)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  double values[4] = { 0 };
  guint n = g_strv_length (parts);

  if (n != 3 && n != 4)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;
      values[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0' || !(values[i] >= 0) || !isfinite (values[i]))
        return FALSE;
    }
  *weights = (CocreaPriorityWeights) { values[0], values[1], values[2], values[3] };
  return TRUE;
}

static void
add_number (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
print_json (CocreaRanking *ranking, const CocreaPriorityWeights *weights, const guint *priority_rank,
            const double *priority_score)
{
  CocreaRankingData *data = ranking->data;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "evaluators");
  json_builder_add_int_value (b, data->n_evaluators);
  json_builder_set_member_name (b, "priority_weights");
  json_builder_begin_object (b);
  add_number (b, "mentions", weights->mentions);
  add_number (b, "axes", weights->axes);
  add_number (b, "inclusion", weights->inclusion);
  add_number (b, "supports", weights->supports);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (guint c = 0; c < data->criteria->len; c++)
    {
      const CocreaRankCriterion *crit = &g_array_index (data->criteria, CocreaRankCriterion, c);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, crit->key);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, crit->name);
      json_builder_set_member_name (b, "scale_min");
      json_builder_add_int_value (b, crit->scale_min);
      json_builder_set_member_name (b, "scale_max");
      json_builder_add_int_value (b, crit->scale_max);
      add_number (b, "weight", crit->weight);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "proposals");
  json_builder_begin_array (b);
  for (guint k = 0; k < data->proposals->len; k++)
    {
      guint p = ranking->order[k];
      const CocreaRankProposal *prop = &g_array_index (data->proposals, CocreaRankProposal, p);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, prop->id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, prop->title);
      json_builder_set_member_name (b, "origin");
      json_builder_add_string_value (b, cocrea_origin_to_key (prop->origin));
      json_builder_set_member_name (b, "decision");
      if (prop->status != NULL)
        json_builder_add_string_value (b, prop->status);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "rank");
      if (ranking->rank[p] > 0)
        json_builder_add_int_value (b, ranking->rank[p]);
      else
        json_builder_add_null_value (b);
      add_number (b, "overall", ranking->overall[p]);
      json_builder_set_member_name (b, "mentions");
      json_builder_add_int_value (b, prop->mentions);
      json_builder_set_member_name (b, "supports");
      json_builder_add_int_value (b, prop->supports);
      json_builder_set_member_name (b, "priority_rank");
      json_builder_add_int_value (b, priority_rank[p]);
      add_number (b, "priority_score", priority_score[p]);

      json_builder_set_member_name (b, "criteria");
      json_builder_begin_object (b);
      for (guint c = 0; c < data->criteria->len; c++)
        {
          const CocreaAggregate *cell = cocrea_ranking_get_cell (ranking, p, c);
          json_builder_set_member_name (b, g_array_index (data->criteria, CocreaRankCriterion, c).key);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "evaluators");
          json_builder_add_int_value (b, cell->n);
          add_number (b, "mean", cell->n > 0 ? cell->mean : NAN);
          add_number (b, "median", cell->n > 0 ? cell->median : NAN);
          add_number (b, "min", cell->n > 0 ? cell->min : NAN);
          add_number (b, "max", cell->n > 0 ? cell->max : NAN);
          add_number (b, "stddev", cell->n > 0 ? cell->stddev : NAN);
          json_builder_set_member_name (b, "disagreement");
          json_builder_add_boolean_value (b, cell->disagreement_flagged);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  cocrea_cli_print_json (b);
}

static void
print_text (CocreaRanking *ranking, const CocreaPriorityWeights *weights, const guint *priority_rank,
            const double *priority_score)
{
  CocreaRankingData *data = ranking->data;
  guint n = data->proposals->len;

  printf (g_dngettext (GETTEXT_PACKAGE, "Viability, %u evaluator", "Viability, %u evaluators",
                       data->n_evaluators),
          data->n_evaluators);
  printf ("\n");
  for (guint k = 0; k < n; k++)
    {
      guint p = ranking->order[k];
      const CocreaRankProposal *prop = &g_array_index (data->proposals, CocreaRankProposal, p);

      if (ranking->rank[p] == 0)
        continue;
      printf ("%3u. %.2f  #%lld %s (%s)\n", ranking->rank[p], ranking->overall[p],
              (long long) prop->id, prop->title, cocrea_origin_label (prop->origin));
      for (guint c = 0; c < data->criteria->len; c++)
        {
          const CocreaAggregate *cell = cocrea_ranking_get_cell (ranking, p, c);
          const char *name = g_array_index (data->criteria, CocreaRankCriterion, c).name;

          if (cell->n == 0)
            {
              printf ("       %-36s %s\n", name, _("no scores"));
              continue;
            }
          /* TRANSLATORS: mean, median, min–max and number of evaluators of one criterion */
          printf (_("       %-36s mean %.2f  median %.1f  %d–%d  n=%u"), name, cell->mean,
                  cell->median, cell->min, cell->max, cell->n);
          if (cell->disagreement_flagged)
            printf ("  %s", _("evaluators disagree"));
          printf ("\n");
        }
    }
  if (cocrea_ranking_count_scored (ranking) < n)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u proposal has no scores\n",
                         "%u proposals have no scores\n", n - cocrea_ranking_count_scored (ranking)),
            n - cocrea_ranking_count_scored (ranking));

  if (weights->supports > 0)
    /* TRANSLATORS: the prioritisation weights of mentions, OGP axes, inclusion and online supports */
    printf (_("\nPrioritisation (weights: mentions %g, axes %g, inclusion %g, supports online %g)\n"),
            weights->mentions, weights->axes, weights->inclusion, weights->supports);
  else
    /* TRANSLATORS: the prioritisation weights of mentions, OGP axes and inclusion */
    printf (_("\nPrioritisation (weights: mentions %g, axes %g, inclusion %g)\n"),
            weights->mentions, weights->axes, weights->inclusion);
  /* Ranks are small integers: a counting pass keeps the listing in rank order. */
  for (guint r = 1, shown = 0; shown < n && r <= n; r++)
    for (guint i = 0; i < n; i++)
      if (priority_rank[i] == r)
        {
          const CocreaRankProposal *prop = &g_array_index (data->proposals, CocreaRankProposal, i);
          if (prop->supports > 0)
            /* TRANSLATORS: rank, score, mentions, supports online, then the proposal */
            printf (_("%3u. %.2f  %2u mentions  %u supports  #%lld %s\n"), r, priority_score[i],
                    prop->mentions, prop->supports, (long long) prop->id, prop->title);
          else
            /* TRANSLATORS: rank, score, mentions, then the proposal */
            printf (_("%3u. %.2f  %2u mentions  #%lld %s\n"), r, priority_score[i],
                    prop->mentions, (long long) prop->id, prop->title);
          shown++;
        }
}

/*
 * cocrea_cli_rank:
 * Prints the viability aggregates per proposal and criterion with the
 * overall rank, and the prioritisation by mentions, axes and inclusion
 * with the weights kept in the file, or those given. Only reads the file,
 * unless asked to keep the weights given.
 */
int
cocrea_cli_rank (int argc, char **argv)
{
  gboolean json = FALSE;
  gboolean save = FALSE;
  g_autofree char *weights_text = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &weights_text,
      N_("Prioritisation weights of mentions, OGP axes, inclusion and, optionally, supports "
         "online (default: those kept in the file, at first 1,1,1,0)"),
      N_("M,A,I[,S]") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save,
      N_("Keep the weights given with --weights in the file"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Show the viability aggregates (weighted mean, median, min–max, number of "
                          "evaluators, disagreement) and the overall rank, then the prioritisation.\n\n"
                          "Overall viability is the mean of the criterion means, each brought to 0–1 "
                          "on its scale and weighted by the criterion’s weight; missing scores are "
                          "skipped."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaRankingData) data = NULL;
  g_autoptr (CocreaRanking) ranking = NULL;
  g_autofree guint *priority_rank = NULL;
  g_autofree double *priority_score = NULL;
  CocreaPriorityWeights weights = { 1.0, 1.0, 1.0, 0.0 };
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (weights_text != NULL && !parse_weights (weights_text, &weights))
    return cocrea_cli_usage (context, _("--weights takes three or four numbers, zero or more, like 2,1,1 or 2,1,1,0.5"));
  if (save && weights_text == NULL)
    return cocrea_cli_usage (context, _("--save keeps the weights given with --weights"));

  document = cocrea_cli_open (argv[1], save, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  if (weights_text == NULL && !cocrea_priority_weights_load (document, &weights, &error))
    return cocrea_cli_fail (error);
  if (save && !cocrea_priority_weights_save (document, &weights, &error))
    return cocrea_cli_fail (error);
  data = cocrea_ranking_data_load (document, &error);
  if (data == NULL)
    return cocrea_cli_fail (error);

  ranking = cocrea_ranking_compute (data);
  priority_rank = cocrea_priority_rank (data, &weights, &priority_score);
  if (json)
    print_json (ranking, &weights, priority_rank, priority_score);
  else
    print_text (ranking, &weights, priority_rank, priority_score);
  return 0;
}
