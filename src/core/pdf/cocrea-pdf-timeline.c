/* cocrea-pdf-timeline.c
 *
 * Before the commitments, the timeline of all their milestones: the same
 * chart the Plan page shows, drawn for the page. A plan has a few dozen
 * milestones; beyond MAX_ROWS the chart is cut between commitments into
 * several, so each fits a page with rows tall enough to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-milestone-progress.h"
#include "cocrea-pdf-labels.h"
#include "cocrea-pdf-timeline.h"
#include "cocrea-process-charts.h"

#define T(s) cocrea_catalog_gettext (catalog, (s))
#define MAX_ROWS 18

/* Draws the milestones @states[@first, @first + @n) as one chart. */
static void
add_chart (CocreaPdfWriter *writer, CocreaCatalog *catalog, GPtrArray *states, guint first, guint n)
{
  g_autoptr (GPtrArray) part = g_ptr_array_new ();
  g_autoptr (CocreaChart) chart = NULL;

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (part, g_ptr_array_index (states, i));
  chart = cocrea_chart_new_timeline (part, NULL, catalog);
  /* Laid out 720 wide and placed 480 points wide: two thirds of the screen
   * size, so two lines of a deliverable and its state fit each row. */
  cocrea_pdf_add_chart_scaled (writer, chart, 720, 130 + n * 38.0, 480);
}

/*
 * cocrea_pdf_write_timeline:
 * Writes the "Milestone timeline" subsection: a sentence, then the chart
 * of every milestone of the plan, where each stands today and which are
 * overdue. Nothing when the plan has no milestones. FALSE with @error
 * set when the file cannot be read.
 */
gboolean
cocrea_pdf_write_timeline (CocreaPdfWriter *writer, CocreaCatalog *catalog, CocreaDocument *document,
                           GError **error)
{
  g_autoptr (GPtrArray) states = cocrea_milestone_progress_follow_up (document, NULL, error);
  g_autofree char *today = NULL;
  g_autofree char *intro = NULL;
  guint first = 0;

  if (states == NULL)
    return FALSE;
  if (states->len == 0)
    return TRUE;

  today = cocrea_pdf_format_today (catalog);
  intro = g_strdup_printf (T (N_("Every milestone of the plan from its start to its end, coloured by where "
                                 "it stands on %s and labelled with it; a milestone whose end has "
                                 "passed without being done is marked overdue.")),
                           today);
  cocrea_pdf_writer_heading (writer, 2, T (N_("Milestone timeline")), TRUE);
  cocrea_pdf_writer_text (writer, intro, 0, COCREA_PDF_TEXT_NORMAL);

  /* Cut between commitments, MAX_ROWS milestones at most per chart. */
  while (first < states->len)
    {
      guint n = 0, last_cut = 0;

      while (first + n < states->len && n < MAX_ROWS)
        {
          const CocreaMilestoneState *state = g_ptr_array_index (states, first + n);
          if (n > 0 && state->commitment_id != ((CocreaMilestoneState *) g_ptr_array_index (states, first + n - 1))->commitment_id)
            last_cut = n;
          n++;
        }
      if (first + n < states->len && last_cut > 0)
        n = last_cut;
      add_chart (writer, catalog, states, first, n);
      first += n;
    }
  return TRUE;
}
