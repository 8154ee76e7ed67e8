/* cocrea-pdf-representation.c
 *
 * A subsection of "The co-creation process": each inclusion group's share
 * of the attendance against its share of the commune's population, the
 * under-represented ones said in words in their own column (the PDF may
 * be printed in black and white), then the same chart the overview shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n-lib.h>

#include "cocrea-process-charts.h"
#include "cocrea-pdf-labels.h"
#include "cocrea-pdf-representation.h"
#include "cocrea-representation.h"

#define T(s) cocrea_catalog_gettext (catalog, (s))

/* @value with @digits decimals and the decimal mark of @catalog's
 * language ("51,2" in Spanish), whatever the locale of the exporter. */
static char *
format_decimal (CocreaCatalog *catalog, double value, int digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  const char *mark = cocrea_catalog_pgettext (catalog, "decimal mark", ".");

  g_snprintf (format, sizeof format, "%%.%df", digits);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (!g_str_equal (mark, "."))
    {
      g_auto (GStrv) parts = g_strsplit (buffer, ".", 2);
      return g_strjoinv (mark, parts);
    }
  return g_strdup (buffer);
}

/* A fraction as "51,2 %", or a dash when unknown. */
static char *
format_percent (CocreaCatalog *catalog, double fraction)
{
  g_autofree char *number = NULL;

  if (isnan (fraction))
    return g_strdup ("—");
  number = format_decimal (catalog, fraction * 100, 1);
  return g_strdup_printf ("%s %%", number);
}

/*
 * cocrea_pdf_write_representation:
 * Writes the representation subsection of the plan: a sentence on the
 * source of the population shares, a table per group and the chart. When
 * no share is known it says so in one sentence. FALSE with @error set
 * when the file cannot be read.
 */
gboolean
cocrea_pdf_write_representation (CocreaPdfWriter *writer, CocreaCatalog *catalog,
                                 CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaRepresentation) r = cocrea_representation_compute (document, error);
  g_autoptr (CocreaChart) chart = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *intro = NULL;
  const double widths[] = { 0.21, 0.14, 0.15, 0.15, 0.09, 0.26 };
  const char *header[] = {
    T (N_("Population group")), T (N_("Attendees")), T (N_("Share of the attendance")),
    T (N_("Share of the population")), T (N_("Ratio")), T (N_("Assessment")),
  };

  if (r == NULL)
    return FALSE;

  cocrea_pdf_writer_heading (writer, 2, T (N_("Representation against the commune’s population")), TRUE);
  if (r->n_known == 0)
    {
      cocrea_pdf_writer_text (writer, T (N_("The commune’s population shares were not recorded, so "
                                            "the attendance cannot be set against them.")),
                              0, COCREA_PDF_TEXT_NORMAL);
      return TRUE;
    }

  threshold = format_decimal (catalog, COCREA_REPRESENTATION_THRESHOLD, 1);
  intro = g_strdup_printf (T (N_("Each group’s share of the attendance of the public activities (staff "
                                 "interviews left out) against its share of the commune’s population. "
                                 "A group is under-represented when the ratio between them is below "
                                 "%s. Population shares: %s.")),
                           threshold, *r->source != '\0' ? r->source : T (N_("source not given")));
  cocrea_pdf_writer_text (writer, intro, 0, COCREA_PDF_TEXT_NORMAL);

  cocrea_pdf_writer_table_begin (writer, G_N_ELEMENTS (widths), widths, header, COCREA_PDF_TABLE_NORMAL);
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      const CocreaRepresentationGroup *row = &r->groups[g];
      g_autofree char *attendees = g_strdup_printf ("%" G_GINT64_FORMAT, row->participants);
      g_autofree char *share = format_percent (catalog, row->share);
      g_autofree char *population = format_percent (catalog, row->population_share);
      g_autofree char *ratio = isnan (row->ratio) ? g_strdup ("—") : format_decimal (catalog, row->ratio, 2);
      const char *assessment;
      const char *cells[G_N_ELEMENTS (widths)];

      if (isnan (row->population_share))
        assessment = T (N_("No census share"));
      else if (isnan (row->ratio))
        assessment = T (N_("No ratio"));
      else if (row->under_represented)
        assessment = T (N_("⚠ Under-represented"));
      else
        assessment = T (N_("Not under-represented"));

      cells[0] = cocrea_pdf_label_inclusion (catalog, g);
      cells[1] = attendees;
      cells[2] = share;
      cells[3] = population;
      cells[4] = ratio;
      cells[5] = assessment;
      cocrea_pdf_writer_table_row (writer, cells);
    }
  cocrea_pdf_writer_table_end (writer);

  if (r->attendance > 0)
    {
      chart = cocrea_chart_new_representation (r, catalog);
      cocrea_pdf_add_chart (writer, chart, 480, 440);
    }
  return TRUE;
}
