/* cocrea-pdf-reasons.c
 *
 * The reasons report ("informe de razones"), the OGP reasoned response:
 * what became of every proposal the community made, and why. Proposals
 * are grouped by decision (selected, shortlisted but not selected, not
 * shortlisted, not yet decided); each shows where it was mentioned, how
 * the evaluators scored it and the reason recorded for its decision.
 * Merged proposals appear under the proposal they were merged into,
 * through their contributions. The public consultation on the draft
 * follows, when there was one. Written in the language of the process,
 * like the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-catalog.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-pdf-consultation.h"
#include "cocrea-pdf-labels.h"
#include "cocrea-pdf-reasons.h"
#include "cocrea-ranking.h"

#define T(s) cocrea_catalog_gettext (catalog, (s))

/* A contribution, as the report lists it under its proposal. */
typedef struct {
  char *activity;
  char *group;
  char *text;
  gint64 activity_id;
  gint64 group_id; /* 0 outside a group */
} Mention;

static void
mention_free (gpointer data)
{
  Mention *m = data;

  g_free (m->activity);
  g_free (m->group);
  g_free (m->text);
  g_free (m);
}

/* What the report needs of a proposal beyond the ranking data. Its
 * contributions are read when it is written (read_mentions): held for
 * every proposal at once they took a hundred thousand strings. */
typedef struct {
  char *area;
  char *reason;
} Extra;

static void
extra_free (gpointer data)
{
  Extra *e = data;

  g_free (e->area);
  g_free (e->reason);
  g_free (e);
}

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

static Extra *
extra_for (GHashTable *extras, gint64 id)
{
  Extra *e = g_hash_table_lookup (extras, &id);

  if (e == NULL)
    {
      e = g_new0 (Extra, 1);
      e->area = g_strdup ("");
      e->reason = g_strdup ("");
      g_hash_table_insert (extras, g_memdup2 (&id, sizeof id), e);
    }
  return e;
}

/* Area and reason of every top-level proposal, by id. */
static GHashTable *
read_extras (sqlite3 *db, GError **error)
{
  g_autoptr (GHashTable) extras = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, extra_free);
  g_autoptr (sqlite3_stmt) proposals = NULL;
  int rc;

  proposals = cocrea_db_prepare (db,
                                 "SELECT p.id, p.area, d.reason FROM proposal p"
                                 " LEFT JOIN decision d ON d.proposal_id = p.id"
                                 " WHERE p.merged_into_id IS NULL",
                                 error);
  if (proposals == NULL)
    return NULL;
  while ((rc = sqlite3_step (proposals)) == SQLITE_ROW)
    {
      Extra *e = extra_for (extras, sqlite3_column_int64 (proposals, 0));
      g_free (e->area);
      e->area = g_strdup (column_text (proposals, 1));
      g_free (e->reason);
      e->reason = g_strdup (column_text (proposals, 2));
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&extras);
}

/* The contributions of proposal @id and of those merged into it, down the
 * merge chain, by activity and group. */
static const char mentions_sql[] =
  "WITH RECURSIVE chain (id) AS ("
  "  SELECT ?1"
  "  UNION ALL"
  "  SELECT p.id FROM proposal p JOIN chain ON p.merged_into_id = chain.id)"
  " SELECT a.id, a.name, coalesce(g.id, 0), g.name, c.text"
  " FROM chain JOIN contribution c ON c.proposal_id = chain.id"
  " JOIN activity a ON a.id = c.activity_id"
  " LEFT JOIN table_group g ON g.id = c.group_id"
  " ORDER BY a.held_on IS NULL, a.held_on, a.id, g.position, g.id, c.id";

static GPtrArray *
read_mentions (sqlite3 *db, sqlite3_stmt *stmt, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) mentions = g_ptr_array_new_with_free_func (mention_free);
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Mention *m = g_new0 (Mention, 1);

      m->activity_id = sqlite3_column_int64 (stmt, 0);
      m->activity = g_strdup (column_text (stmt, 1));
      m->group_id = sqlite3_column_int64 (stmt, 2);
      m->group = g_strdup (column_text (stmt, 3));
      m->text = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (mentions, m);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&mentions);
}

/* "12 contributions from 5 groups in 2 activities" */
static char *
describe_mentions (CocreaCatalog *catalog, GPtrArray *mentions)
{
  g_autoptr (GHashTable) groups = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) activities = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *contributions = NULL;
  g_autofree char *in_groups = NULL;
  g_autofree char *in_activities = NULL;
  guint n_groups;

  if (mentions->len == 0)
    return g_strdup (T (N_("No contribution")));

  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = g_ptr_array_index (mentions, i);
      if (m->group_id != 0)
        g_hash_table_add (groups, &m->group_id);
      g_hash_table_add (activities, &m->activity_id);
    }
  n_groups = g_hash_table_size (groups);

  contributions = g_strdup_printf (cocrea_catalog_ngettext (catalog, "%u contribution",
                                                            "%u contributions", mentions->len),
                                   mentions->len);
  in_activities = g_strdup_printf (cocrea_catalog_ngettext (catalog, "%u activity",
                                                            "%u activities",
                                                            g_hash_table_size (activities)),
                                   g_hash_table_size (activities));
  if (n_groups == 0)
    /* TRANSLATORS: "3 contributions" "in" "2 activities" */
    return g_strdup_printf (T (N_("%s in %s")), contributions, in_activities);

  in_groups = g_strdup_printf (cocrea_catalog_ngettext (catalog, "%u group", "%u groups", n_groups),
                               n_groups);
  /* TRANSLATORS: "12 contributions" "from" "5 groups" "in" "2 activities" */
  return g_strdup_printf (T (N_("%s from %s in %s")), contributions, in_groups, in_activities);
}

typedef struct {
  CocreaCatalog *catalog;
  CocreaPdfWriter *writer;
  CocreaRanking *ranking;
  GHashTable *extras;
  GPtrArray *criteria; /* labels in the process's language */
  sqlite3 *db;
  sqlite3_stmt *mentions; /* mentions_sql */
} Report;

static gboolean
write_proposal (Report *self, guint p, GError **error)
{
  CocreaCatalog *catalog = self->catalog;
  CocreaPdfWriter *w = self->writer;
  CocreaRankingData *data = self->ranking->data;
  const CocreaRankProposal *proposal = &g_array_index (data->proposals, CocreaRankProposal, p);
  Extra *extra = extra_for (self->extras, proposal->id);
  g_autofree char *axes = cocrea_pdf_label_axes (catalog, proposal->axes);
  g_autoptr (GPtrArray) list = read_mentions (self->db, self->mentions, proposal->id, error);
  g_autofree char *mentions = NULL;
  const double label_widths[] = { 0.26, 0.74 };
  const double mention_widths[] = { 0.26, 0.74 };
  const double score_widths[] = { 0.46, 0.18, 0.18, 0.18 };
  const char *score_header[] = { T (N_("Criterion")), T (N_("Mean")), T (N_("Lowest–highest")),
                                 T (N_("Evaluators")) };
  gboolean scored = FALSE;

  if (list == NULL)
    return FALSE;
  mentions = describe_mentions (catalog, list);

  cocrea_pdf_writer_heading (w, 3, proposal->title, FALSE);
  cocrea_pdf_writer_table_begin (w, 2, label_widths, NULL, COCREA_PDF_TABLE_LABEL_COLUMN);
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Origin")),
                                                    cocrea_pdf_label_origin (catalog, proposal->origin == COCREA_ORIGIN_MUNICIPAL
                                                                                        ? "municipal"
                                                                                        : "community") });
  if (*extra->area != '\0')
    cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Area")), extra->area });
  if (*axes != '\0')
    cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("OGP axes")), axes });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Mentions")), mentions });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Decision")),
                                                    cocrea_pdf_label_decision (catalog, proposal->status) });
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Reason")),
                                                    *extra->reason != '\0'
                                                      ? extra->reason
                                                      : T (N_("No reason has been recorded yet.")) });
  cocrea_pdf_writer_table_end (w);

  for (guint c = 0; c < data->criteria->len; c++)
    scored = scored || cocrea_ranking_get_cell (self->ranking, p, c)->n > 0;
  if (scored)
    {
      cocrea_pdf_writer_table_begin (w, 4, score_widths, score_header, COCREA_PDF_TABLE_NORMAL);
      for (guint c = 0; c < data->criteria->len; c++)
        {
          const CocreaAggregate *cell = cocrea_ranking_get_cell (self->ranking, p, c);
          g_autofree char *mean = cell->n > 0 ? g_strdup_printf ("%.1f", cell->mean) : g_strdup ("—");
          g_autofree char *range = cell->n > 0 ? g_strdup_printf ("%d–%d", cell->min, cell->max)
                                               : g_strdup ("—");
          g_autofree char *n = g_strdup_printf ("%u", cell->n);
          const char *cells[] = { g_ptr_array_index (self->criteria, c), mean, range, n };
          cocrea_pdf_writer_table_row (w, cells);
        }
      cocrea_pdf_writer_table_end (w);
    }

  if (list->len > 0)
    {
      const char *header[] = { T (N_("Where")), T (N_("Contribution")) };

      cocrea_pdf_writer_table_begin (w, 2, mention_widths, header, COCREA_PDF_TABLE_NORMAL);
      for (guint i = 0; i < list->len; i++)
        {
          Mention *m = g_ptr_array_index (list, i);
          g_autofree char *where = *m->group != '\0' ? g_strdup_printf ("%s\n%s", m->activity, m->group)
                                                     : g_strdup (m->activity);
          const char *cells[] = { where, m->text };
          cocrea_pdf_writer_table_row (w, cells);
        }
      cocrea_pdf_writer_table_end (w);
    }
  return TRUE;
}

/* The groups, in the order the report shows them; NULL is undecided. */
static const struct {
  const char *status[2];
  const char *heading;
  const char *intro;
} sections[] = {
  { { "selected", NULL }, N_("Selected proposals"),
    N_("These proposals became commitments of the action plan.") },
  { { "not-selected", "shortlisted" }, N_("Shortlisted proposals not selected"),
    N_("These proposals were shortlisted and scored in the viability workshop, but were not "
       "selected as commitments.") },
  { { "not-shortlisted", NULL }, N_("Proposals not shortlisted"),
    N_("These proposals were not shortlisted for the viability workshop.") },
  { { NULL, NULL }, N_("Proposals not yet decided"), NULL },
};

static gboolean
in_section (guint s, const char *status)
{
  if (sections[s].status[0] == NULL)
    return status == NULL;
  for (guint i = 0; i < 2 && sections[s].status[i] != NULL; i++)
    if (g_strcmp0 (sections[s].status[i], status) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_by_mentions (gconstpointer a, gconstpointer b, gpointer user_data)
{
  CocreaRankingData *data = user_data;
  const CocreaRankProposal *x = &g_array_index (data->proposals, CocreaRankProposal, *(const guint *) a);
  const CocreaRankProposal *y = &g_array_index (data->proposals, CocreaRankProposal, *(const guint *) b);

  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/*
 * write_sections:
 * Every proposal under the heading of its decision (headings at @level,
 * proposals below them), then the public consultation. Progress goes
 * from @from to @to of the whole export.
 */
static gboolean
write_sections (CocreaDocument *document, Report *self, guint level, double from, double to,
                CocreaProgressFunc progress, gpointer user_data, GError **error)
{
  CocreaCatalog *catalog = self->catalog;
  CocreaPdfWriter *w = self->writer;
  CocreaRankingData *data = self->ranking->data;
  guint n = data->proposals->len, done = 0;
  g_autofree guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_by_mentions, data);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      guint count = 0;

      for (guint k = 0; k < n; k++)
        count += in_section (s, g_array_index (data->proposals, CocreaRankProposal, order[k]).status);
      if (count == 0)
        continue;

      {
        g_autofree char *heading = g_strdup_printf ("%s (%u)", T (sections[s].heading), count);
        cocrea_pdf_writer_heading (w, level, heading, TRUE);
      }
      if (sections[s].intro != NULL)
        cocrea_pdf_writer_text (w, T (sections[s].intro), 0, COCREA_PDF_TEXT_NORMAL);

      for (guint k = 0; k < n; k++)
        {
          if (!in_section (s, g_array_index (data->proposals, CocreaRankProposal, order[k]).status))
            continue;
          if (!write_proposal (self, order[k], error))
            return FALSE;
          if (progress != NULL && ++done % 200 == 0 &&
              !progress (from + (to - from) * done / n, _("Writing the reasons"), user_data))
            {
              cocrea_set_cancelled_error (error);
              return FALSE;
            }
          /* A full disk: saving says so, the rest is not laid out for nothing. */
          if (cocrea_pdf_writer_failed (w))
            return TRUE;
        }
    }

  if (n == 0)
    cocrea_pdf_writer_text (w, T (N_("The process has no proposals yet.")), 0, COCREA_PDF_TEXT_GREY);

  /* What the community said of the draft, and what became of it. */
  return cocrea_pdf_consultation_write (document, catalog, w, error);
}

/* The criteria's labels in the process's language (see the plan). */
static GPtrArray *
criteria_labels (CocreaCatalog *catalog, sqlite3 *db, CocreaRankingData *data)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, "SELECT name FROM criterion WHERE key = ?", NULL);

  for (guint c = 0; c < data->criteria->len; c++)
    {
      const CocreaRankCriterion *crit = &g_array_index (data->criteria, CocreaRankCriterion, c);
      const char *own = NULL;

      if (stmt != NULL)
        {
          sqlite3_reset (stmt);
          cocrea_db_bind_text (stmt, 1, crit->key);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            own = (const char *) sqlite3_column_text (stmt, 0);
        }
      g_ptr_array_add (labels, g_strdup (cocrea_pdf_label_criterion (catalog, crit->key, own)));
    }
  return labels;
}

/*
 * report_write:
 * Reads what the report needs (the ranking, each proposal's area and
 * reason, the criteria's labels) and writes its sections at @level.
 */
static gboolean
report_write (CocreaDocument *document, CocreaCatalog *catalog, CocreaPdfWriter *writer,
              guint level, double from, double to, CocreaProgressFunc progress,
              gpointer user_data, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (CocreaRankingData) data = NULL;
  g_autoptr (CocreaRanking) ranking = NULL;
  g_autoptr (GHashTable) extras = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (sqlite3_stmt) mentions = NULL;
  Report report;

  data = cocrea_ranking_data_load (document, error);
  if (data == NULL)
    return FALSE;
  extras = read_extras (db, error);
  if (extras == NULL)
    return FALSE;
  mentions = cocrea_db_prepare (db, mentions_sql, error);
  if (mentions == NULL)
    return FALSE;
  ranking = cocrea_ranking_compute (data);
  criteria = criteria_labels (catalog, db, data);
  report = (Report) { catalog, writer, ranking, extras, criteria, db, mentions };
  return write_sections (document, &report, level, from, to, progress, user_data, error);
}

/**
 * cocrea_pdf_reasons_write:
 * @document: an open process, inside a read transaction of the caller's
 * @catalog: the process's language
 * @writer: the document being written
 * @level: the heading level of the decision groups (1 in the reasons
 *   report, 2 under the accountability heading of the final plan)
 * @error: return location for a #CocreaError
 *
 * Writes the body of the reasons report into another document: every
 * proposal under its decision, with its mentions, scores and reason, and
 * the public consultation.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_pdf_reasons_write (CocreaDocument *document, CocreaCatalog *catalog,
                          CocreaPdfWriter *writer, guint level, GError **error)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  return report_write (document, catalog, writer, level, 0, 0, NULL, NULL, error);
}

/* The reasons report's title block, on its first page. */
static void
write_title (CocreaCatalog *catalog, CocreaPdfWriter *w, const char *title)
{
  g_autofree char *today = cocrea_pdf_format_today (catalog);

  cocrea_pdf_writer_set_title (w, title);
  cocrea_pdf_writer_set_footer_func (w, cocrea_pdf_page_footer, catalog);
  cocrea_pdf_writer_set_continued (w, T (N_("(continued)")));

  /* A title block on the first page (which, as a first page, has no
   * running header), not a cover page. */
  cocrea_pdf_writer_set_header (w, title);
  cocrea_pdf_writer_new_page (w);
  cocrea_pdf_writer_heading (w, 0, T (N_("Reasons report")), FALSE);
  cocrea_pdf_writer_text (w, title, 13, COCREA_PDF_TEXT_BOLD);
  cocrea_pdf_writer_text (w, today, 0, COCREA_PDF_TEXT_GREY);
  cocrea_pdf_writer_text (w, T (N_("For every proposal made in the co-creation process: where it "
                                   "was mentioned, how the evaluators scored it on each viability "
                                   "criterion, what was decided and why. Proposals that were "
                                   "merged under a common title are reported under that title.")),
                          0, COCREA_PDF_TEXT_NORMAL);
}

/**
 * cocrea_pdf_reasons_export:
 * @document: an open process (read-only is fine)
 * @path: the PDF to write; replaced if it exists
 * @progress: (nullable): called with the fraction done and the phase
 * @user_data: for @progress
 * @warnings: (out) (optional): the warnings (characters replaced), or %NULL
 * @error: return location for a #CocreaError
 *
 * Writes the reasons report: every top-level proposal, grouped by
 * decision, with its mentions, scores and reason, then the public
 * consultation.
 *
 * Returns: %TRUE on success; on failure no file is left at @path
 */
gboolean
cocrea_pdf_reasons_export (CocreaDocument *document, const char *path, CocreaProgressFunc progress,
                           gpointer user_data, GStrv *warnings, GError **error)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaCatalog) catalog = NULL;
  g_autoptr (CocreaPdfWriter) writer = NULL;
  g_autoptr (CocreaDbRead) read = NULL;
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;
  /* Before the work: never over the process itself, nor any other. */
  if (!cocrea_document_check_output (document, path, error))
    return FALSE;

  if (progress != NULL && !progress (0.02, _("Reading the process"), user_data))
    {
      cocrea_set_cancelled_error (error);
      return FALSE;
    }
  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return FALSE;
  catalog = cocrea_catalog_new_for_language (info->language);
  writer = cocrea_pdf_writer_new (path, error);
  if (writer == NULL)
    return FALSE;

  read = cocrea_db_read_begin (cocrea_document_get_db (document), error);
  if (read == NULL)
    return FALSE;
  write_title (catalog, writer, info->title);
  ok = report_write (document, catalog, writer, 1, 0.1, 0.9, progress, user_data, error);
  g_clear_pointer (&read, cocrea_db_read_end);
  if (!ok)
    return FALSE;

  if (progress != NULL && !progress (0.95, _("Saving the PDF"), user_data))
    {
      cocrea_set_cancelled_error (error);
      return FALSE;
    }
  if (!cocrea_pdf_writer_save (writer, error))
    return FALSE;
  if (warnings != NULL)
    *warnings = cocrea_pdf_writer_steal_warnings (writer);
  if (progress != NULL)
    progress (1.0, _("Done"), user_data); /* too late to stop: the file is there */
  return TRUE;
}
