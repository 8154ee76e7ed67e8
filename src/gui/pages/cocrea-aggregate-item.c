/* cocrea-aggregate-item.c — one shortlisted proposal in the Viability page's aggregate table
 *
 * What its cells say, written once from the ranking when the page reads
 * the scores: the title, each criterion's aggregate (mean, median, range
 * and number of evaluators, with a tooltip when the evaluators disagree)
 * and the overall viability. The item keeps its own copy, so it stays
 * right whatever becomes of the ranking it came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cocrea-aggregate-item.h"

typedef struct
{
  char *text;
  char *tooltip; /* NULL unless the evaluators disagree */
  gboolean flagged;
} Cell;

struct _CocreaAggregateItem
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *overall;
  GArray *cells; /* Cell, one per criterion */
};

G_DEFINE_FINAL_TYPE (CocreaAggregateItem, cocrea_aggregate_item, G_TYPE_OBJECT)

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_free (cell->tooltip);
}

/* @text with its spaces made unbreakable but for those after a "·": a
 * cell narrowed by large text (issue 11) breaks between its figures
 * ("4.0 ·" over "med 4.0"), never inside one ("med" over "4.0"). */
static char *
keep_figures_together (const char *text)
{
  GString *kept = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' && !g_str_has_suffix (kept->str, "·"))
        g_string_append (kept, "\u00a0");
      else
        g_string_append_c (kept, *p);
    }
  return g_string_free (kept, FALSE);
}

/**
 * cocrea_aggregate_item_new:
 * The row of proposal @proposal (an index into @ranking's proposals).
 */
CocreaAggregateItem *
cocrea_aggregate_item_new (CocreaRanking *ranking, guint proposal)
{
  CocreaAggregateItem *self = g_object_new (COCREA_TYPE_AGGREGATE_ITEM, NULL);
  const CocreaRankProposal *p = &g_array_index (ranking->data->proposals, CocreaRankProposal, proposal);

  self->id = p->id;
  self->title = g_strdup (p->title);
  if (isnan (ranking->overall[proposal]))
    self->overall = g_strdup (_("not scored"));
  else
    {
      /* TRANSLATORS: overall viability, "#2 · 78 %" */
      g_autofree char *overall = g_strdup_printf (_("#%u · %.0f %%"), ranking->rank[proposal],
                                                  100 * ranking->overall[proposal]);
      self->overall = keep_figures_together (overall);
    }

  for (guint c = 0; c < ranking->data->criteria->len; c++)
    {
      const CocreaAggregate *aggregate = cocrea_ranking_get_cell (ranking, proposal, c);
      const CocreaRankCriterion *criterion =
        &g_array_index (ranking->data->criteria, CocreaRankCriterion, c);
      Cell cell = { NULL, NULL, aggregate->disagreement_flagged };

      if (aggregate->n == 0)
        cell.text = g_strdup (_("no scores"));
      else
        {
          /* TRANSLATORS: an aggregate cell: mean, median, then min–max and number of evaluators: "3.8 · med 4.0", "2–5 · n 4" */
          g_autofree char *text = g_strdup_printf (_("%.1f · med %.1f\n%d–%d · n %u"), aggregate->mean,
                                                   aggregate->median, aggregate->min, aggregate->max,
                                                   aggregate->n);
          cell.text = keep_figures_together (text);
        }
      if (cell.flagged)
        /* TRANSLATORS: tooltip of a flagged aggregate */
        cell.tooltip = g_strdup_printf (_("The evaluators disagree on %s: scores from %d to %d (standard deviation %.1f)."),
                                        criterion->name, aggregate->min, aggregate->max,
                                        aggregate->stddev);
      g_array_append_val (self->cells, cell);
    }
  return self;
}

gint64
cocrea_aggregate_item_get_id (CocreaAggregateItem *self)
{
  g_return_val_if_fail (COCREA_IS_AGGREGATE_ITEM (self), 0);
  return self->id;
}

/**
 * cocrea_aggregate_item_describe:
 * What the cell of @column says (%COCREA_AGGREGATE_PROPOSAL,
 * %COCREA_AGGREGATE_OVERALL or a criterion's index): its @text, the
 * @tooltip explaining a disagreement (%NULL when none) and whether it is
 * @flagged. Returns FALSE for a column the item has not.
 */
gboolean
cocrea_aggregate_item_describe (CocreaAggregateItem *self, int column, const char **text,
                                const char **tooltip, gboolean *flagged)
{
  g_return_val_if_fail (COCREA_IS_AGGREGATE_ITEM (self), FALSE);

  *tooltip = NULL;
  *flagged = FALSE;
  if (column == COCREA_AGGREGATE_PROPOSAL)
    *text = self->title;
  else if (column == COCREA_AGGREGATE_OVERALL)
    *text = self->overall;
  else if (column >= 0 && (guint) column < self->cells->len)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, column);

      *text = cell->text;
      *tooltip = cell->tooltip;
      *flagged = cell->flagged;
    }
  else
    return FALSE;
  return TRUE;
}

static void
cocrea_aggregate_item_finalize (GObject *object)
{
  CocreaAggregateItem *self = COCREA_AGGREGATE_ITEM (object);

  g_free (self->title);
  g_free (self->overall);
  g_array_unref (self->cells);

  G_OBJECT_CLASS (cocrea_aggregate_item_parent_class)->finalize (object);
}

static void
cocrea_aggregate_item_class_init (CocreaAggregateItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cocrea_aggregate_item_finalize;
}

static void
cocrea_aggregate_item_init (CocreaAggregateItem *self)
{
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_array_set_clear_func (self->cells, cell_clear);
}
