/* cocrea-pdf-plan.c
 *
 * The draft action plan: cover, contents, the process (stages, activities
 * and their attendance), the prioritised proposals, the viability results
 * and the selection, each commitment in the OGP template, and an annex of
 * every contribution. It is read in one transaction, so the sections
 * agree, and written in the language of the process (process.language,
 * "es" by default) through a #CocreaCatalog: see cocrea-catalog.c for why
 * not the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n-lib.h>

#include "cocrea-catalog.h"
#include "cocrea-chart-series.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-completion.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-pdf-labels.h"
#include "cocrea-pdf-plan-private.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"
#include "cocrea-pdf-revisions.h"
#include "cocrea-pdf-representation.h"
#include "cocrea-pdf-timeline.h"
#include "cocrea-ranking.h"
#include "cocrea-types.h"

/* Charts list at most this many categories: a national process has
 * thousands of activities, and the tables carry every figure anyway. */
#define CHART_MAX_CATEGORIES 25
/* Activities get their own contents entry up to this many. */
#define CONTENTS_MAX_ACTIVITIES 30

typedef struct {
  CocreaDocument *document;
  sqlite3 *db;
  CocreaCatalog *catalog;
  CocreaPdfWriter *writer;
  CocreaProgressFunc progress;
  gpointer progress_data;
  CocreaRankingData *ranking_data;
  CocreaRanking *ranking;
  char *title;
  char *municipality;
  int period_start;
  int period_end;
  char *partners;
  gint64 n_activities;
  gint64 n_commitments;
  gint64 n_contributions;
  gint64 n_progress; /* follow-up records: the milestone tables show a status when any */
  gboolean final;    /* the final plan of stage 6, not the draft put to consultation */
} Plan;

/* Looks @s up in the process's language; mark the literal with N_(). */
#define T(s) cocrea_catalog_gettext (self->catalog, (s))

/* Reports progress; FALSE, with @error set, when the caller wants the
 * export stopped. */
static gboolean
report (Plan *self, double fraction, const char *phase, GError **error)
{
  if (self->progress == NULL || self->progress (fraction, phase, self->progress_data))
    return TRUE;
  cocrea_set_cancelled_error (error);
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

static const char *
column_text_or_null (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Reads the process record and the counts the layout needs up front. */
static gboolean
read_process (Plan *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (self->db,
                            "SELECT title, municipality, period_start, period_end, partners"
                            " FROM process",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return FALSE;
    }
  self->title = g_strdup (column_text (stmt, 0));
  self->municipality = g_strdup (column_text (stmt, 1));
  self->period_start = sqlite3_column_int (stmt, 2);
  self->period_end = sqlite3_column_int (stmt, 3);
  self->partners = g_strdup (column_text (stmt, 4));

  return cocrea_db_query_int (self->db, "SELECT count(*) FROM activity", &self->n_activities, error) &&
         cocrea_db_query_int (self->db, "SELECT count(*) FROM commitment", &self->n_commitments, error) &&
         cocrea_db_query_int (self->db, "SELECT count(*) FROM contribution", &self->n_contributions,
                              error);
}

static char *
format_period_years (Plan *self)
{
  if (self->period_start > 0 && self->period_end > 0)
    return g_strdup_printf ("%d–%d", self->period_start, self->period_end);
  if (self->period_start > 0)
    return g_strdup_printf ("%d", self->period_start);
  return g_strdup ("");
}

static void
write_cover (Plan *self)
{
  CocreaPdfWriter *w = self->writer;
  g_autofree char *period = format_period_years (self);
  g_autofree char *today = cocrea_pdf_format_today (self->catalog);
  g_autofree char *dated = g_strdup_printf (self->final ? T (N_("Final version of %s"))
                                                        : T (N_("Draft of %s")),
                                            today);

  cocrea_pdf_writer_new_page (w);
  cocrea_pdf_writer_space (w, 150);
  cocrea_pdf_writer_text (w, T (N_("Open Government Action Plan")), 13,
                          COCREA_PDF_TEXT_CENTER | COCREA_PDF_TEXT_GREY);
  cocrea_pdf_writer_space (w, 10);
  cocrea_pdf_writer_text (w, self->title, 24, COCREA_PDF_TEXT_BOLD | COCREA_PDF_TEXT_CENTER);
  cocrea_pdf_writer_space (w, 24);
  cocrea_pdf_writer_text (w, self->municipality, 16, COCREA_PDF_TEXT_CENTER);
  if (*period != '\0')
    cocrea_pdf_writer_text (w, period, 16, COCREA_PDF_TEXT_CENTER);
  cocrea_pdf_writer_space (w, 60);
  cocrea_pdf_writer_text (w, dated, 11, COCREA_PDF_TEXT_CENTER);
  if (*self->partners != '\0')
    {
      g_autofree char *partners = g_strdup_printf (T (N_("With %s")), self->partners);
      cocrea_pdf_writer_space (w, 200);
      cocrea_pdf_writer_text (w, partners, 9, COCREA_PDF_TEXT_CENTER | COCREA_PDF_TEXT_GREY);
    }
}

static gboolean
write_stages (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const double widths[] = { 0.5, 0.32, 0.18 };
  const char *header[] = { T (N_("Stage")), T (N_("Period")), T (N_("Status")) };
  int rc;

  stmt = cocrea_db_prepare (self->db,
                            "SELECT key, name, starts_on, ends_on, status FROM stage ORDER BY position",
                            error);
  if (stmt == NULL)
    return FALSE;

  cocrea_pdf_writer_heading (w, 2, T (N_("Stages")), TRUE);
  cocrea_pdf_writer_table_begin (w, 3, widths, header, COCREA_PDF_TABLE_NORMAL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *period = cocrea_pdf_format_period (self->catalog, column_text_or_null (stmt, 2),
                                                         column_text_or_null (stmt, 3));
      const char *cells[] = {
        cocrea_pdf_label_stage (self->catalog, column_text (stmt, 0), column_text_or_null (stmt, 1)),
        period,
        cocrea_pdf_label_stage_status (self->catalog, column_text (stmt, 4)),
      };
      cocrea_pdf_writer_table_row (w, cells);
    }
  cocrea_pdf_writer_table_end (w);

  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, self->db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* One activity's figures, for the table and the chart. */
typedef struct {
  char *name;
  int figures[1 + COCREA_N_INCLUSION]; /* attendance, then each group */
} ActivityFigures;

static void
activity_figures_clear (gpointer data)
{
  g_free (((ActivityFigures *) data)->name);
}

static int
compare_attendance (gconstpointer a, gconstpointer b)
{
  const ActivityFigures *x = a, *y = b;
  return (y->figures[0] > x->figures[0]) - (y->figures[0] < x->figures[0]);
}

/* The attendance chart: bars per activity, the largest
 * CHART_MAX_CATEGORIES when there are more. */
static void
write_attendance_chart (Plan *self, GArray *figures)
{
  g_autoptr (GArray) shown = g_array_sized_new (FALSE, FALSE, sizeof (ActivityFigures), figures->len);
  g_autoptr (CocreaChart) chart = cocrea_chart_new (COCREA_CHART_BARS,
                                                    T (N_("Attendance and inclusion per activity")));
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  guint n;

  if (figures->len == 0)
    return;

  g_array_append_vals (shown, figures->data, figures->len);
  if (shown->len > CHART_MAX_CATEGORIES)
    {
      g_autofree char *note = NULL;

      g_array_sort (shown, compare_attendance);
      g_array_set_size (shown, CHART_MAX_CATEGORIES);
      note = g_strdup_printf (T (N_("The %u activities with the largest attendance, of %u.")),
                              (guint) CHART_MAX_CATEGORIES, figures->len);
      cocrea_chart_set_note (chart, note);
    }
  n = shown->len;

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, g_array_index (shown, ActivityFigures, i).name);
  names = g_strv_builder_end (builder);
  cocrea_chart_set_categories (chart, (const char *const *) names);

  for (guint s = 0; s < 1 + COCREA_N_INCLUSION; s++)
    {
      g_autofree double *values = g_new (double, n);
      g_autoptr (CocreaChartSeries) series = NULL;

      for (guint i = 0; i < n; i++)
        values[i] = g_array_index (shown, ActivityFigures, i).figures[s];
      series = cocrea_chart_series_new (s == 0 ? T (N_("Attendance"))
                                               : cocrea_pdf_label_inclusion (self->catalog, s - 1),
                                        values, n);
      cocrea_chart_add_series (chart, series);
    }
  cocrea_chart_set_value_label (chart, T (N_("People")));
  cocrea_chart_set_digits (chart, 0);

  cocrea_pdf_add_chart (self->writer, chart, 480, MIN (120 + n * 62.0, 640));
}

/* "Women: 49", one line per inclusion group, from @figures[1…]. */
static void
append_groups (Plan *self, GString *out, const int *figures)
{
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    g_string_append_printf (out, "%s%s: %d", g > 0 ? "\n" : "",
                            cocrea_pdf_label_inclusion (self->catalog, g), figures[1 + g]);
}

static gboolean
write_activities (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) figures = g_array_new (FALSE, TRUE, sizeof (ActivityFigures));
  /* The five groups share one cell, one per line: as columns their
   * names would not fit the width of a number. */
  const double widths[] = { 0.36, 0.18, 0.13, 0.33 };
  const char *header[] = {
    T (N_("Activity")), T (N_("Date")), T (N_("Attendance")), T (N_("Of whom")),
  };
  int totals[1 + COCREA_N_INCLUSION] = { 0 };
  int rc;

  g_array_set_clear_func (figures, activity_figures_clear);

  stmt = cocrea_db_prepare (self->db,
                            "SELECT kind, name, held_on, held_until, place, attendance, women, youth,"
                            " migrants, indigenous, disability FROM activity"
                            " ORDER BY held_on IS NULL, held_on, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  cocrea_pdf_writer_heading (w, 2, T (N_("Activities, attendance and inclusion")), TRUE);
  cocrea_pdf_writer_text (w, T (N_("How many people took part in each activity, and how many of "
                                   "them were women, youth, migrants, indigenous people and "
                                   "people with disabilities.")),
                          0, COCREA_PDF_TEXT_NORMAL);
  cocrea_pdf_writer_table_begin (w, G_N_ELEMENTS (widths), widths, header, COCREA_PDF_TABLE_NORMAL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ActivityFigures f = { g_strdup (column_text (stmt, 1)), { 0 } };
      g_autofree char *date = cocrea_pdf_format_period (self->catalog, column_text_or_null (stmt, 2),
                                                       column_text_or_null (stmt, 3));
      g_autofree char *name = NULL;
      g_autofree char *attendance = NULL;
      g_autoptr (GString) groups = g_string_new (NULL);
      const char *cells[4];

      /* The name, then its kind and place in a second paragraph. */
      name = *column_text (stmt, 4) != '\0'
               ? g_strdup_printf ("%s\n%s · %s", f.name,
                                  cocrea_pdf_label_activity_kind (self->catalog, column_text (stmt, 0)),
                                  column_text (stmt, 4))
               : g_strdup_printf ("%s\n%s", f.name,
                                  cocrea_pdf_label_activity_kind (self->catalog, column_text (stmt, 0)));
      for (guint s = 0; s < 1 + COCREA_N_INCLUSION; s++)
        {
          f.figures[s] = sqlite3_column_int (stmt, 5 + s);
          totals[s] += f.figures[s];
        }
      attendance = g_strdup_printf ("%d", f.figures[0]);
      append_groups (self, groups, f.figures);
      cells[0] = name;
      cells[1] = date;
      cells[2] = attendance;
      cells[3] = groups->str;
      cocrea_pdf_writer_table_row (w, cells);
      g_array_append_val (figures, f);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_pdf_writer_table_end (w);
      cocrea_db_set_error (error, self->db, rc, NULL);
      return FALSE;
    }

  if (figures->len > 1)
    {
      g_autofree char *attendance = g_strdup_printf ("%d", totals[0]);
      g_autoptr (GString) groups = g_string_new (NULL);

      append_groups (self, groups, totals);
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Total")), "", attendance, groups->str });
    }
  cocrea_pdf_writer_table_end (w);

  write_attendance_chart (self, figures);
  return TRUE;
}

/* The text of the second column of @sql by the id in its first, as a
 * hash table (gint64 → string). */
static GHashTable *
read_texts_by_id (Plan *self, const char *sql, GError **error)
{
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (texts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup (column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, self->db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&texts);
}

typedef struct {
  guint index;
  double score;
  guint rank;
} Prioritised;

static int
compare_prioritised (gconstpointer a, gconstpointer b)
{
  const Prioritised *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* The prioritised proposals: every top-level proposal in the order of the
 * prioritisation (mentions, OGP axes, inclusion; default weights). */
static gboolean
write_proposals (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  CocreaRankingData *data = self->ranking_data;
  CocreaPriorityWeights weights;
  g_autofree guint *ranks = NULL;
  g_autofree double *scores = NULL;
  g_autofree Prioritised *order = NULL;
  g_autoptr (GHashTable) areas = NULL;
  guint n = data->proposals->len;
  const double widths[] = { 0.07, 0.42, 0.17, 0.19, 0.15 };
  const char *header[] = {
    T (N_("Rank")), T (N_("Proposal")), T (N_("Area")), T (N_("OGP axes")), T (N_("Mentions")),
  };

  areas = read_texts_by_id (self, "SELECT id, area FROM proposal WHERE merged_into_id IS NULL", error);
  if (areas == NULL)
    return FALSE;

  cocrea_priority_weights_init_default (&weights);
  ranks = cocrea_priority_rank (data, &weights, &scores);
  order = g_new (Prioritised, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    order[i] = (Prioritised) { i, scores[i], ranks[i] };
  qsort (order, n, sizeof (Prioritised), compare_prioritised);

  cocrea_pdf_writer_heading (w, 1, T (N_("Prioritised proposals")), TRUE);
  cocrea_pdf_writer_text (w, T (N_("The consolidated proposals, ranked by how often they were "
                                   "mentioned, their link to the OGP axes (transparency, "
                                   "accountability, participation, technology and innovation) "
                                   "and their contribution to inclusion.")),
                          0, COCREA_PDF_TEXT_NORMAL);
  cocrea_pdf_writer_table_begin (w, G_N_ELEMENTS (widths), widths, header, COCREA_PDF_TABLE_NORMAL);
  for (guint k = 0; k < n; k++)
    {
      const CocreaRankProposal *p = &g_array_index (data->proposals, CocreaRankProposal, order[k].index);
      g_autofree char *rank = g_strdup_printf ("%u", order[k].rank);
      g_autofree char *axes = cocrea_pdf_label_axes (self->catalog, p->axes);
      g_autofree char *mentions = g_strdup_printf ("%u", p->mentions);
      const char *area = g_hash_table_lookup (areas, &p->id);
      const char *cells[] = { rank, p->title, area != NULL ? area : "", axes, mentions };

      cocrea_pdf_writer_table_row (w, cells);
    }
  cocrea_pdf_writer_table_end (w);
  return TRUE;
}

static const char *
criterion_label (Plan *self, guint c)
{
  const CocreaRankCriterion *crit = &g_array_index (self->ranking_data->criteria, CocreaRankCriterion, c);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* The ranking data carries names in the user's language: look the key
   * up again for the process's. A criterion the process renamed keeps
   * its own name. */
  stmt = cocrea_db_prepare (self->db, "SELECT name FROM criterion WHERE key = ?", NULL);
  if (stmt != NULL)
    {
      cocrea_db_bind_text (stmt, 1, crit->key);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        return crit->name;
    }
  return cocrea_pdf_label_criterion (self->catalog, crit->key, NULL);
}

/* The viability heatmap, the best CHART_MAX_CATEGORIES scored proposals. */
static void
write_viability_chart (Plan *self, guint n_rows, const char *const *criteria)
{
  CocreaRanking *ranking = self->ranking;
  CocreaRankingData *data = self->ranking_data;
  guint n_c = data->criteria->len;
  guint shown = MIN (n_rows, CHART_MAX_CATEGORIES);
  g_autoptr (CocreaChart) chart = cocrea_chart_new (COCREA_CHART_HEATMAP,
                                                    T (N_("Viability by criterion")));
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;

  if (shown == 0 || n_c == 0)
    return;

  for (guint r = 0; r < shown; r++)
    g_strv_builder_add (builder, g_array_index (data->proposals, CocreaRankProposal,
                                                ranking->order[r]).title);
  names = g_strv_builder_end (builder);
  cocrea_chart_set_categories (chart, (const char *const *) names);

  for (guint c = 0; c < n_c; c++)
    {
      const CocreaRankCriterion *crit = &g_array_index (data->criteria, CocreaRankCriterion, c);
      g_autofree double *means = g_new (double, shown);
      g_autofree double *low = g_new (double, shown);
      g_autofree double *high = g_new (double, shown);
      g_autofree gboolean *flags = g_new (gboolean, shown);
      g_autoptr (CocreaChartSeries) series = NULL;

      for (guint r = 0; r < shown; r++)
        {
          const CocreaAggregate *cell = cocrea_ranking_get_cell (ranking, ranking->order[r], c);
          means[r] = cell->n > 0 ? cell->mean : NAN;
          low[r] = cell->n > 0 ? cell->min : NAN;
          high[r] = cell->n > 0 ? cell->max : NAN;
          flags[r] = cell->disagreement_flagged;
        }
      series = cocrea_chart_series_new (criteria[c], means, shown);
      cocrea_chart_series_set_range (series, low, high);
      cocrea_chart_series_set_flags (series, flags);
      cocrea_chart_series_set_scale (series, crit->scale_min, crit->scale_max);
      cocrea_chart_add_series (chart, series);
    }
  cocrea_chart_set_value_label (chart, T (N_("Mean score of the evaluators")));
  cocrea_chart_set_flag_label (chart, T (N_("Evaluators disagree")));
  cocrea_chart_set_digits (chart, 1);
  if (shown < n_rows)
    {
      g_autofree char *note = g_strdup_printf (T (N_("The %u most viable of %u scored proposals.")),
                                               shown, n_rows);
      cocrea_chart_set_note (chart, note);
    }

  cocrea_pdf_add_chart (self->writer, chart, 480, MIN (150 + shown * 34.0, 640));
}

static gboolean
write_viability (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  CocreaRanking *ranking = self->ranking;
  CocreaRankingData *data = self->ranking_data;
  guint n_c = data->criteria->len;
  guint n_rows = cocrea_ranking_count_scored (ranking);
  g_autoptr (GPtrArray) criteria = g_ptr_array_new ();
  g_autofree double *widths = g_new (double, n_c + 2);
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) key = g_string_new (NULL);
  g_autofree char *intro = NULL;

  for (guint c = 0; c < n_c; c++)
    g_ptr_array_add (criteria, (gpointer) criterion_label (self, c));

  cocrea_pdf_writer_heading (w, 1, T (N_("Viability")), TRUE);
  intro = g_strdup_printf (cocrea_catalog_ngettext (self->catalog,
                                                    "%u evaluator scored the shortlisted proposals "
                                                       "on each criterion. The table gives the mean "
                                                       "score of each proposal on each criterion, and "
                                                       "the overall viability (0–100 %%, weighted).",
                                                    "%u evaluators scored the shortlisted proposals "
                                                       "on each criterion. The table gives the mean "
                                                       "score of each proposal on each criterion, and "
                                                       "the overall viability (0–100 %%, weighted).",
                                                    data->n_evaluators),
                           data->n_evaluators);
  cocrea_pdf_writer_text (w, intro, 0, COCREA_PDF_TEXT_NORMAL);

  if (n_rows == 0 || n_c == 0)
    {
      cocrea_pdf_writer_text (w, T (N_("No proposal has been scored yet.")), 0, COCREA_PDF_TEXT_GREY);
      return TRUE;
    }

  /* Proposal, one column per criterion, overall. The criteria are
   * numbered in the header and named in a key above it: their names do
   * not fit the width of a figure. */
  widths[0] = 0.40;
  for (guint c = 0; c < n_c; c++)
    widths[1 + c] = 0.46 / n_c;
  widths[n_c + 1] = 0.14;
  g_ptr_array_add (header, g_strdup (T (N_("Proposal"))));
  for (guint c = 0; c < n_c; c++)
    {
      g_ptr_array_add (header, g_strdup_printf ("%u", c + 1));
      g_string_append_printf (key, "%s%u. %s", c > 0 ? "\n" : "", c + 1,
                              (const char *) g_ptr_array_index (criteria, c));
    }
  g_ptr_array_add (header, g_strdup (T (N_("Overall"))));
  g_ptr_array_add (header, NULL);
  cocrea_pdf_writer_text (w, key->str, 9, COCREA_PDF_TEXT_NORMAL);

  cocrea_pdf_writer_table_begin (w, n_c + 2, widths, (const char *const *) header->pdata,
                                 COCREA_PDF_TABLE_NORMAL);
  for (guint r = 0; r < n_rows; r++)
    {
      guint p = ranking->order[r];
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (g_array_index (data->proposals, CocreaRankProposal, p).title));
      for (guint c = 0; c < n_c; c++)
        {
          const CocreaAggregate *cell = cocrea_ranking_get_cell (ranking, p, c);
          g_ptr_array_add (cells, cell->n > 0 ? g_strdup_printf ("%.1f", cell->mean) : g_strdup ("—"));
        }
      g_ptr_array_add (cells, isnan (ranking->overall[p])
                                ? g_strdup ("—")
                                : g_strdup_printf ("%.0f %%", ranking->overall[p] * 100));
      cocrea_pdf_writer_table_row (w, (const char *const *) cells->pdata);
    }
  cocrea_pdf_writer_table_end (w);

  write_viability_chart (self, n_rows, (const char *const *) criteria->pdata);
  (void) error;
  return TRUE;
}

/* The shortlisted proposals with their decision and its reason. */
static gboolean
write_selection (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const double widths[] = { 0.34, 0.18, 0.48 };
  const char *header[] = { T (N_("Proposal")), T (N_("Decision")), T (N_("Reason")) };
  guint rows = 0;
  int rc;

  stmt = cocrea_db_prepare (self->db,
                            "SELECT p.title, d.status, d.reason FROM decision d"
                            " JOIN proposal p ON p.id = d.proposal_id"
                            " WHERE d.status IN ('selected', 'not-selected', 'shortlisted')"
                            " ORDER BY CASE d.status WHEN 'selected' THEN 0"
                            "  WHEN 'shortlisted' THEN 1 ELSE 2 END, p.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  cocrea_pdf_writer_heading (w, 2, T (N_("Selection")), TRUE);
  cocrea_pdf_writer_text (w, T (N_("The decision on each shortlisted proposal and its reason. "
                                   "The reasons for every other proposal are in the reasons "
                                   "report.")),
                          0, COCREA_PDF_TEXT_NORMAL);
  cocrea_pdf_writer_table_begin (w, 3, widths, header, COCREA_PDF_TABLE_NORMAL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *cells[] = {
        column_text (stmt, 0),
        cocrea_pdf_label_decision (self->catalog, column_text (stmt, 1)),
        column_text (stmt, 2),
      };
      cocrea_pdf_writer_table_row (w, cells);
      rows++;
    }
  cocrea_pdf_writer_table_end (w);
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, self->db, rc, NULL);
      return FALSE;
    }
  if (rows == 0)
    cocrea_pdf_writer_text (w, T (N_("No proposal has been selected yet.")), 0, COCREA_PDF_TEXT_GREY);
  return TRUE;
}

/* Milestone status labels, looked up in the process's language. */
static const char *const progress_labels[] = {
  NC_ ("milestone status", "Not started"),
  NC_ ("milestone status", "In progress"),
  NC_ ("milestone status", "Done"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (progress_labels) == COCREA_N_PROGRESS);

/* The status cell of a milestone whose latest record is @key of @day
 * (both NULL when none): "Done\n30 June 2020", "Overdue" on a line of
 * its own when @ends_on has passed without it being done. */
static char *
format_progress (Plan *self, const char *key, const char *day, const char *ends_on)
{
  CocreaProgress status = COCREA_PROGRESS_NOT_STARTED;
  g_autoptr (GString) cell = g_string_new (NULL);

  if (key != NULL)
    cocrea_progress_from_text (key, &status);
  g_string_append (cell, cocrea_catalog_pgettext (self->catalog, "milestone status",
                                                  progress_labels[status]));
  if (day != NULL)
    {
      g_autofree char *shown = cocrea_pdf_format_date (self->catalog, day);
      g_string_append_printf (cell, "\n%s", shown);
    }
  if (cocrea_milestone_is_overdue (ends_on, status, NULL))
    g_string_append_printf (cell, "\n%s", T (N_("Overdue")));
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

/* The milestones, contact and other actors of commitment @id. */
/*
 * write_completion:
 * The commitment's level on OGP's completion scale, once the plan is
 * being followed (any progress recorded) or the forum set one by hand:
 * "Substantial", or "Complete (set by the follow-up forum; the
 * milestones say Limited): the reason".
 */
static gboolean
write_completion (Plan *self, gint64 id, GError **error)
{
  const double widths[] = { 0.3, 0.7 };
  g_autoptr (CocreaCompletionState) state = cocrea_completion_get (self->document, id, error);
  g_autofree char *text = NULL;
  const char *level;

  if (state == NULL)
    return FALSE;
  if (self->n_progress == 0 && !state->set_by_hand)
    return TRUE;

  level = cocrea_catalog_pgettext (self->catalog, "completion level",
                                   cocrea_completion_msgid (state->level));
  if (state->set_by_hand)
    text = g_strdup_printf (T (N_("%s (set by the follow-up forum; the milestones say %s): %s")),
                            level,
                            cocrea_catalog_pgettext (self->catalog, "completion level",
                                                     cocrea_completion_msgid (state->derived)),
                            state->reason);
  else
    text = g_strdup (level);
  cocrea_pdf_writer_table_begin (self->writer, 2, widths, NULL, COCREA_PDF_TABLE_LABEL_COLUMN);
  cocrea_pdf_writer_table_row (self->writer, (const char *[]) { T (N_("OGP completion level")),
                                                                text });
  cocrea_pdf_writer_table_end (self->writer);
  return TRUE;
}

static gboolean
write_commitment_parts (Plan *self, gint64 id, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  g_autoptr (sqlite3_stmt) milestones = NULL;
  g_autoptr (sqlite3_stmt) contacts = NULL;
  g_autoptr (sqlite3_stmt) actors = NULL;
  const double milestone_widths[] = { 0.56, 0.22, 0.22 };
  const double progress_widths[] = { 0.45, 0.17, 0.17, 0.21 };
  const char *milestone_header[] = {
    T (N_("Milestone (activity or deliverable)")), T (N_("Start date")), T (N_("End date")),
    T (N_("Status")),
  };
  const double label_widths[] = { 0.3, 0.7 };
  g_autoptr (GString) municipal = g_string_new (NULL);
  g_autoptr (GString) civil = g_string_new (NULL);
  int rc;

  /* Each milestone with its latest follow-up record, if any. */
  milestones = cocrea_db_prepare (self->db,
                                  "SELECT m.deliverable, m.starts_on, m.ends_on, p.status,"
                                  " p.recorded_on FROM milestone m LEFT JOIN milestone_progress p"
                                  " ON p.id = (SELECT id FROM milestone_progress WHERE"
                                  " milestone_id = m.id ORDER BY recorded_on DESC, id DESC LIMIT 1)"
                                  " WHERE m.commitment_id = ? ORDER BY m.position, m.id",
                                  error);
  contacts = cocrea_db_prepare (self->db,
                                "SELECT name, title, department, email, phone FROM contact"
                                " WHERE commitment_id = ? ORDER BY id",
                                error);
  actors = cocrea_db_prepare (self->db,
                              "SELECT kind, name FROM actor WHERE commitment_id = ? ORDER BY id", error);
  if (milestones == NULL || contacts == NULL || actors == NULL)
    return FALSE;

  sqlite3_bind_int64 (milestones, 1, id);
  /* A plan nobody has followed yet prints as it always did. */
  if (self->n_progress > 0)
    cocrea_pdf_writer_table_begin (w, 4, progress_widths, milestone_header, COCREA_PDF_TABLE_NORMAL);
  else
    cocrea_pdf_writer_table_begin (w, 3, milestone_widths, milestone_header, COCREA_PDF_TABLE_NORMAL);
  while ((rc = sqlite3_step (milestones)) == SQLITE_ROW)
    {
      g_autofree char *start = cocrea_pdf_format_date (self->catalog, column_text_or_null (milestones, 1));
      g_autofree char *end = cocrea_pdf_format_date (self->catalog, column_text_or_null (milestones, 2));
      g_autofree char *progress = format_progress (self, column_text_or_null (milestones, 3),
                                                   column_text_or_null (milestones, 4),
                                                   column_text_or_null (milestones, 2));
      const char *cells[] = { column_text (milestones, 0), start, end, progress };
      cocrea_pdf_writer_table_row (w, cells);
    }
  cocrea_pdf_writer_table_end (w);
  if (rc != SQLITE_DONE)
    goto fail;
  if (!write_completion (self, id, error))
    return FALSE;

  sqlite3_bind_int64 (contacts, 1, id);
  while ((rc = sqlite3_step (contacts)) == SQLITE_ROW)
    {
      g_autofree char *role = NULL;
      g_autofree char *reach = NULL;
      const char *title = column_text (contacts, 1), *department = column_text (contacts, 2);
      const char *email = column_text (contacts, 3), *phone = column_text (contacts, 4);

      reach = *email != '\0' && *phone != '\0' ? g_strdup_printf ("%s · %s", email, phone)
                                              : g_strdup (*email != '\0' ? email : phone);

      role = *title != '\0' && *department != '\0' ? g_strdup_printf ("%s, %s", title, department)
                                                   : g_strdup (*title != '\0' ? title : department);
      cocrea_pdf_writer_table_begin (w, 2, label_widths, NULL, COCREA_PDF_TABLE_LABEL_COLUMN);
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Contact")), column_text (contacts, 0) });
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Title and department")), role });
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Email and phone")), reach });
      cocrea_pdf_writer_table_end (w);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  sqlite3_bind_int64 (actors, 1, id);
  while ((rc = sqlite3_step (actors)) == SQLITE_ROW)
    {
      GString *list = g_str_equal (column_text (actors, 0), "municipal") ? municipal : civil;
      if (list->len > 0)
        g_string_append (list, "; ");
      g_string_append (list, column_text (actors, 1));
    }
  if (rc != SQLITE_DONE)
    goto fail;

  if (municipal->len > 0 || civil->len > 0)
    {
      cocrea_pdf_writer_table_begin (w, 2, label_widths, NULL, COCREA_PDF_TABLE_LABEL_COLUMN);
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Other actors: municipal")), municipal->str });
      cocrea_pdf_writer_table_row (w, (const char *[]) {
                                     T (N_("Other actors: civil society, private sector, "
                                           "multilaterals, working groups")),
                                     civil->str });
      cocrea_pdf_writer_table_end (w);
    }
  return TRUE;

fail:
  cocrea_db_set_error (error, self->db, rc, NULL);
  return FALSE;
}

/* The columns write_commitment() reads, in its order. */
#define COMMITMENT_COLUMNS                                                                  \
  "id, name, note, origin, origin_detail, starts_on, ends_on, lead_unit, problem,"         \
  " description, contribution, relevance, additional_info"

/*
 * write_commitment:
 * One commitment in the OGP template, from a row of COMMITMENT_COLUMNS:
 * its fields, milestones, completion, contact and other actors, under
 * the heading "Commitment @number: name", on a page of its own when
 * @new_page.
 */
static gboolean
write_commitment (Plan *self, sqlite3_stmt *stmt, guint number, gboolean new_page, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  const double widths[] = { 0.3, 0.7 };

  g_autofree char *heading = g_strdup_printf (T (N_("Commitment %u: %s")), number,
                                              column_text (stmt, 1));
  g_autofree char *origin = NULL;
  g_autofree char *start = cocrea_pdf_format_date (self->catalog, column_text_or_null (stmt, 5));
  g_autofree char *end = cocrea_pdf_format_date (self->catalog, column_text_or_null (stmt, 6));
  g_autofree char *dates = g_strdup_printf ("%s – %s", start, end);
  const char *origin_label = g_str_equal (column_text (stmt, 3), "municipal")
                               ? T (N_("Municipal diagnosis"))
                               : T (N_("Community co-creation"));

  origin = *column_text (stmt, 4) != '\0'
             ? g_strdup_printf ("%s\n%s", origin_label, column_text (stmt, 4))
             : g_strdup (origin_label);

  if (new_page)
    cocrea_pdf_writer_new_page (w);
  cocrea_pdf_writer_heading (w, 2, heading, TRUE);
  cocrea_pdf_writer_table_begin (w, 2, widths, NULL, COCREA_PDF_TABLE_LABEL_COLUMN);
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Commitment name")), column_text (stmt, 1) });
  if (*column_text (stmt, 2) != '\0')
    cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Note")), column_text (stmt, 2) });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Origin")), origin });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Start and end dates")), dates });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Lead institution or unit")),
                                                    column_text (stmt, 7) });
  cocrea_pdf_writer_table_row (w, (const char *[]) {
                                 T (N_("What is the public problem the commitment addresses?")),
                                 column_text (stmt, 8) });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("What is the commitment?")),
                                                    column_text (stmt, 9) });
  cocrea_pdf_writer_table_row (w, (const char *[]) {
                                 T (N_("How will the commitment contribute to solving the public "
                                       "problem?")),
                                 column_text (stmt, 10) });
  cocrea_pdf_writer_table_row (w, (const char *[]) {
                                 T (N_("Why is this commitment relevant to OGP values?")),
                                 column_text (stmt, 11) });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Additional information")),
                                                    column_text (stmt, 12) });
  cocrea_pdf_writer_table_end (w);

  return write_commitment_parts (self, sqlite3_column_int64 (stmt, 0), error);
}

static gboolean
write_commitments (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint number = 0;
  int rc;

  stmt = cocrea_db_prepare (self->db,
                            "SELECT " COMMITMENT_COLUMNS " FROM commitment ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (!cocrea_db_query_int (self->db, "SELECT count (*) FROM milestone_progress",
                            &self->n_progress, error))
    return FALSE;

  cocrea_pdf_writer_new_page (w);
  cocrea_pdf_writer_heading (w, 1, T (N_("Commitments")), TRUE);
  if (self->n_commitments == 0)
    cocrea_pdf_writer_text (w, T (N_("No commitment has been written yet.")), 0, COCREA_PDF_TEXT_GREY);
  else if (!cocrea_pdf_write_timeline (w, self->catalog, self->document, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      number++;
      if (!write_commitment (self, stmt, number, number > 1, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, self->db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/*
 * write_annex:
 * Every contribution, by activity and group, with the proposal it ended
 * up under (the top of its merge chain). The contributions of each
 * activity are read through its index and sorted there (some fifty
 * rows): one sort of all 100,000 rows of a national process, joined to
 * the merge chains, took a third of a second more.
 */
static gboolean
write_annex (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  g_autoptr (sqlite3_stmt) activities = NULL;
  g_autoptr (sqlite3_stmt) contributions = NULL;
  g_autoptr (GHashTable) titles = NULL;
  const double widths[] = { 0.16, 0.52, 0.32 };
  const char *header[] = { T (N_("Group")), T (N_("Contribution")), T (N_("Proposal")) };
  guint64 done = 0;
  gboolean list_activities = self->n_activities <= CONTENTS_MAX_ACTIVITIES;
  int rc;

  activities = cocrea_db_prepare (self->db,
                                  "SELECT id, name, held_on FROM activity"
                                  " ORDER BY held_on IS NULL, held_on, id",
                                  error);
  if (activities == NULL)
    return FALSE;
  contributions = cocrea_db_prepare (self->db,
                                     "SELECT g.name, c.text, c.proposal_id FROM contribution c"
                                     " LEFT JOIN table_group g ON g.id = c.group_id"
                                     " WHERE c.activity_id = ?"
                                     " ORDER BY g.position IS NULL, g.position, g.id, c.id",
                                     error);
  if (contributions == NULL)
    return FALSE;
  /* The title of the proposal at the top of each proposal's merge chain. */
  titles = read_texts_by_id (self,
                             "WITH RECURSIVE top (id, title) AS ("
                             "  SELECT id, title FROM proposal WHERE merged_into_id IS NULL"
                             "  UNION ALL"
                             "  SELECT p.id, top.title FROM proposal p JOIN top ON p.merged_into_id = top.id)"
                             " SELECT id, title FROM top",
                             error);
  if (titles == NULL)
    return FALSE;

  cocrea_pdf_writer_new_page (w);
  cocrea_pdf_writer_set_header (w, T (N_("Annex: contributions")));
  cocrea_pdf_writer_heading (w, 1, T (N_("Annex: contributions by activity and group")), TRUE);
  cocrea_pdf_writer_text (w, T (N_("Every contribution recorded in the activities, as it was "
                                   "written down, with the consolidated proposal it was merged "
                                   "into.")),
                          0, COCREA_PDF_TEXT_NORMAL);

  while ((rc = sqlite3_step (activities)) == SQLITE_ROW)
    {
      gboolean started = FALSE;

      sqlite3_reset (contributions);
      sqlite3_bind_int64 (contributions, 1, sqlite3_column_int64 (activities, 0));
      while ((rc = sqlite3_step (contributions)) == SQLITE_ROW)
        {
          const char *group = column_text_or_null (contributions, 0);
          gint64 proposal_id = sqlite3_column_int64 (contributions, 2);
          const char *proposal = sqlite3_column_type (contributions, 2) != SQLITE_NULL
                                   ? g_hash_table_lookup (titles, &proposal_id)
                                   : NULL;
          const char *cells[3];

          /* An activity without contributions has no heading in the annex. */
          if (!started)
            {
              g_autofree char *date = cocrea_pdf_format_date (self->catalog,
                                                             column_text_or_null (activities, 2));
              g_autofree char *heading = *date != '\0'
                                           ? g_strdup_printf ("%s (%s)", column_text (activities, 1), date)
                                           : g_strdup (column_text (activities, 1));

              cocrea_pdf_writer_heading (w, 2, heading, list_activities);
              cocrea_pdf_writer_table_begin (w, 3, widths, header, COCREA_PDF_TABLE_NORMAL);
              started = TRUE;
            }

          cells[0] = group != NULL ? group : "—";
          cells[1] = column_text (contributions, 1);
          cells[2] = proposal != NULL ? proposal : "—";
          cocrea_pdf_writer_table_row (w, cells);

          if (++done % 2000 == 0 &&
              !report (self, 0.5 + 0.4 * done / MAX (self->n_contributions, 1),
                       _("Writing the annex"), error))
            return FALSE;
          /* A full disk: saving says so, the rest is not laid out for nothing. */
          if (cocrea_pdf_writer_failed (w))
            return TRUE;
        }
      if (started)
        cocrea_pdf_writer_table_end (w);
      if (rc != SQLITE_DONE)
        break;
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, self->db, rc, NULL);
      return FALSE;
    }
  if (done == 0)
    cocrea_pdf_writer_text (w, T (N_("No contribution has been recorded yet.")), 0, COCREA_PDF_TEXT_GREY);
  return TRUE;
}

static gboolean
write_plan (Plan *self, GError **error)
{
  CocreaPdfWriter *w = self->writer;
  guint n_entries;

  if (!report (self, 0.02, _("Reading the process"), error) || !read_process (self, error))
    return FALSE;
  self->ranking_data = cocrea_ranking_data_load (self->document, error);
  if (self->ranking_data == NULL)
    return FALSE;
  self->ranking = cocrea_ranking_compute (self->ranking_data);

  cocrea_pdf_writer_set_title (w, self->title);
  cocrea_pdf_writer_set_footer_func (w, cocrea_pdf_page_footer, self->catalog);
  cocrea_pdf_writer_set_continued (w, T (N_("(continued)")));

  write_cover (self);
  n_entries = 12 + self->n_commitments + (self->n_activities <= CONTENTS_MAX_ACTIVITIES ? self->n_activities : 0);
  /* The changes by commitment, the accountability heading, its four
   * groups and the consultation. */
  if (self->final)
    n_entries += 2 + self->n_commitments + 6;
  cocrea_pdf_writer_set_header (w, self->title);
  cocrea_pdf_writer_reserve_contents (w, T (N_("Contents")), n_entries);

  if (!report (self, 0.1, _("Writing the process"), error))
    return FALSE;
  cocrea_pdf_writer_heading (w, 1, T (N_("The co-creation process")), TRUE);
  if (*self->partners != '\0')
    {
      g_autofree char *partners = g_strdup_printf (T (N_("Partners: %s.")), self->partners);
      cocrea_pdf_writer_text (w, partners, 0, COCREA_PDF_TEXT_NORMAL);
    }
  if (!write_stages (self, error) || !write_activities (self, error) ||
      !cocrea_pdf_write_representation (w, self->catalog, self->document, error))
    return FALSE;

  if (!report (self, 0.2, _("Writing the proposals"), error) || !write_proposals (self, error))
    return FALSE;

  if (!report (self, 0.3, _("Writing the viability results"), error) ||
      !write_viability (self, error) || !write_selection (self, error))
    return FALSE;

  if (!report (self, 0.4, _("Writing the commitments"), error))
    return FALSE;
  cocrea_pdf_writer_set_header (w, self->title);
  if (!write_commitments (self, error))
    return FALSE;

  /* Stage 6: what the consultation changed, and the decision on every
   * proposal against the criteria, for accountability. */
  if (self->final)
    {
      if (!report (self, 0.45, _("Writing the changes since the draft"), error) ||
          !cocrea_pdf_revisions_write (self->document, self->catalog, w, error))
        return FALSE;
      cocrea_pdf_writer_new_page (w);
      cocrea_pdf_writer_heading (w, 1, T (N_("Accountability: the decision on every proposal")),
                                 TRUE);
      cocrea_pdf_writer_text (w, T (N_("For every proposal made in the co-creation process: "
                                       "where it was mentioned, how the evaluators scored it "
                                       "on the four viability criteria and on inclusion, what "
                                       "was decided and why.")),
                              0, COCREA_PDF_TEXT_NORMAL);
      if (!cocrea_pdf_reasons_write (self->document, self->catalog, w, 2, error))
        return FALSE;
    }

  return report (self, 0.5, _("Writing the annex"), error) && write_annex (self, error);
}

static gboolean
export_plan (CocreaDocument *document, const char *path, gboolean final,
             CocreaProgressFunc progress, gpointer user_data, GStrv *warnings, GError **error)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaCatalog) catalog = NULL;
  g_autoptr (CocreaPdfWriter) writer = NULL;
  Plan plan = { 0 };
  g_autoptr (CocreaDbRead) read = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;
  /* Before the work: never over the process itself, nor any other. */
  if (!cocrea_document_check_output (document, path, error))
    return FALSE;

  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return FALSE;
  catalog = cocrea_catalog_new_for_language (info->language);
  writer = cocrea_pdf_writer_new (path, error);
  if (writer == NULL)
    return FALSE;

  db = cocrea_document_get_db (document);
  read = cocrea_db_read_begin (db, error);
  if (read == NULL)
    return FALSE;

  plan = (Plan) { document, db, catalog, writer, progress, user_data };
  plan.final = final;
  ok = write_plan (&plan, error);
  g_clear_pointer (&read, cocrea_db_read_end);

  g_clear_pointer (&plan.ranking, cocrea_ranking_free);
  g_clear_pointer (&plan.ranking_data, cocrea_ranking_data_unref);
  g_free (plan.title);
  g_free (plan.municipality);
  g_free (plan.partners);

  if (!ok)
    return FALSE;

  if (!report (&plan, 0.95, _("Saving the PDF"), error) ||
      !cocrea_pdf_writer_save (writer, error))
    return FALSE;

  if (warnings != NULL)
    *warnings = cocrea_pdf_writer_steal_warnings (writer);
  /* Too late to stop: the file is there. */
  report (&plan, 1.0, _("Done"), NULL);
  return TRUE;
}

/**
 * cocrea_pdf_plan_export:
 * @document: an open process (read-only is fine)
 * @path: the PDF to write; replaced if it exists
 * @progress: (nullable): called with the fraction done and the phase
 * @user_data: for @progress
 * @warnings: (out) (optional): set to the warnings (characters the fonts
 *   cannot show, such as emoji, replaced), translated, or %NULL if none
 * @error: return location for a #CocreaError
 *
 * Writes the draft action plan as an A4 PDF in the language of the
 * process. Safe to run in a worker thread as long as nothing else uses
 * @document meanwhile (give the thread its own read-only document). A
 * failure leaves no file behind and @path as it was.
 *
 * Returns: %TRUE on success; %FALSE with %COCREA_ERROR_IO (cannot write,
 *   fonts missing), a database error, or
 *   %G_IO_ERROR_CANCELLED when @progress stopped it
 */
gboolean
cocrea_pdf_plan_export (CocreaDocument *document, const char *path, CocreaProgressFunc progress,
                        gpointer user_data, GStrv *warnings, GError **error)
{
  return export_plan (document, path, FALSE, progress, user_data, warnings, error);
}

/**
 * cocrea_pdf_plan_export_final:
 * @document: an open process (read-only is fine)
 * @path: the PDF to write; replaced if it exists
 * @progress: (nullable): called with the fraction done and the phase
 * @user_data: for @progress
 * @warnings: (out) (optional): the warnings (characters replaced), or %NULL
 * @error: return location for a #CocreaError
 *
 * Writes the final plan of stage 6 (final decision and accountability):
 * the plan as it stands after the consultation, what changed since the
 * draft with the comment that caused each change, and the accountability
 * document, the decision on every proposal against the criteria. As
 * cocrea_pdf_plan_export() otherwise.
 *
 * Returns: %TRUE on success; on failure no file is left at @path
 */
gboolean
cocrea_pdf_plan_export_final (CocreaDocument *document, const char *path,
                              CocreaProgressFunc progress, gpointer user_data, GStrv *warnings,
                              GError **error)
{
  return export_plan (document, path, TRUE, progress, user_data, warnings, error);
}

/**
 * cocrea_pdf_plan_write_commitment:
 * @document: an open process, inside a read transaction of the caller's
 * @catalog: the process's language
 * @writer: the document being written
 * @commitment_id: the commitment
 * @error: return location for a #CocreaError
 *
 * Writes one commitment as the plan does (its template, milestones with
 * where each stands, completion, contact and actors), for other documents
 * about it. The milestones' status is always shown: a document about one
 * commitment is about how it went.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown
 *   commitment
 */
gboolean
cocrea_pdf_plan_write_commitment (CocreaDocument *document, CocreaCatalog *catalog,
                                  CocreaPdfWriter *writer, gint64 commitment_id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  Plan plan = { document, db, catalog, writer };
  int rc;

  plan.n_progress = 1;
  stmt = cocrea_db_prepare (db, "SELECT " COMMITMENT_COLUMNS ", position FROM commitment"
                                " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, commitment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no commitment %lld"), (long long) commitment_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return write_commitment (&plan, stmt, sqlite3_column_int (stmt, 13), FALSE, error);
}
