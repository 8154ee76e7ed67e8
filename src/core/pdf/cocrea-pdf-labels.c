/* cocrea-pdf-labels.c
 *
 * The msgids here repeat those of the modules that own the values, on
 * purpose: xgettext merges them, so the translators see each once, and
 * the export can look them up in the process's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <cairo.h>
#include <glib/gi18n-lib.h>

#include "cocrea-chart-renderer.h"
#include "cocrea-pdf-labels.h"
#include "cocrea-dates.h"

typedef struct {
  const char *key;
  const char *label;
} Label;

static const Label origins[] = {
  { "community", N_("Community") },
  { "municipal", N_("Municipal") },
};

static const Label activity_kinds[] = {
  { "interview", N_("Interview") },
  { "survey", N_("Survey") },
  { "workshop", N_("Workshop") },
  { "complementary", N_("Complementary meeting") },
  { "self-organised", N_("Self-organised meeting") },
  { "online", N_("Online channel") },
};

static const Label stages[] = {
  { "planning", N_("Planning and diagnosis") },
  { "co-creation", N_("Co-creation meetings") },
  { "analysis", N_("Analysis and selection of proposals") },
  { "drafting", N_("Drafting the action plan") },
  { "consultation", N_("Public consultation") },
  { "decision", N_("Final decision and accountability") },
  { "launch", N_("Launch and monitoring") },
};

static const Label stage_statuses[] = {
  { "pending", N_("Pending") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
};

static const Label decisions[] = {
  { "not-shortlisted", N_("Not shortlisted") },
  { "shortlisted", N_("Shortlisted") },
  { "selected", N_("Selected") },
  { "not-selected", N_("Shortlisted, not selected") },
};

static const Label channels[] = {
  { "online", N_("Online") },
  { "in-person", N_("In person") },
  { "email", N_("Email") },
};

static const Label responses[] = {
  { "pending", N_("Pending") },
  { "accepted", N_("Accepted") },
  { "partly", N_("Partly accepted") },
  { "not-accepted", N_("Not accepted") },
};

static const Label criteria[] = {
  { "technical", N_("Technical viability") },
  { "budget", N_("Budget viability") },
  { "political", N_("Political-administrative viability") },
  { "coherence", N_("Coherence with municipal planning") },
  { "inclusion", N_("Inclusion and diversity") },
};

static const char *const axes[] = {
  N_("Transparency"), N_("Accountability"), N_("Participation"), N_("Technology and innovation"),
};

static const char *const inclusion[] = {
  N_("Women"), N_("Youth"), N_("Migrants"), N_("Indigenous peoples"), N_("People with disabilities"),
};

static const char *const months[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* The translated label of @key in @labels, or @key itself (a value from a
 * newer version, shown rather than hidden). */
static const char *
lookup (CocreaCatalog *catalog, const Label *labels, guint n, const char *key)
{
  if (key == NULL)
    return "";
  for (guint i = 0; i < n; i++)
    if (g_str_equal (labels[i].key, key))
      return cocrea_catalog_gettext (catalog, labels[i].label);
  return key;
}

/* A milestone's status, "done", in the catalog's language (the same
 * messages as the plan's milestone tables, context "milestone status"). */
const char *
cocrea_pdf_label_progress (CocreaCatalog *catalog, const char *key)
{
  static const Label statuses[] = {
    { "not-started", NC_ ("milestone status", "Not started") },
    { "in-progress", NC_ ("milestone status", "In progress") },
    { "done", NC_ ("milestone status", "Done") },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i].key, key))
      return cocrea_catalog_pgettext (catalog, "milestone status", statuses[i].label);
  return key != NULL ? key : "";
}

const char *
cocrea_pdf_label_origin (CocreaCatalog *catalog, const char *key)
{
  return lookup (catalog, origins, G_N_ELEMENTS (origins), key);
}

const char *
cocrea_pdf_label_activity_kind (CocreaCatalog *catalog, const char *key)
{
  return lookup (catalog, activity_kinds, G_N_ELEMENTS (activity_kinds), key);
}

/* The stage's own @name when the process gave it one, else its default. */
const char *
cocrea_pdf_label_stage (CocreaCatalog *catalog, const char *key, const char *name)
{
  if (name != NULL && *name != '\0')
    return name;
  return lookup (catalog, stages, G_N_ELEMENTS (stages), key);
}

const char *
cocrea_pdf_label_stage_status (CocreaCatalog *catalog, const char *key)
{
  return lookup (catalog, stage_statuses, G_N_ELEMENTS (stage_statuses), key);
}

const char *
cocrea_pdf_label_decision (CocreaCatalog *catalog, const char *key)
{
  if (key == NULL)
    return cocrea_catalog_gettext (catalog, N_("Undecided"));
  return lookup (catalog, decisions, G_N_ELEMENTS (decisions), key);
}

/* How a consultation comment arrived ("in-person"). */
const char *
cocrea_pdf_label_channel (CocreaCatalog *catalog, const char *key)
{
  return lookup (catalog, channels, G_N_ELEMENTS (channels), key);
}

/* The answer to a consultation comment ("not-accepted"). */
const char *
cocrea_pdf_label_response (CocreaCatalog *catalog, const char *key)
{
  return lookup (catalog, responses, G_N_ELEMENTS (responses), key);
}

/* The criterion's own @name when the process gave it one, else its default. */
const char *
cocrea_pdf_label_criterion (CocreaCatalog *catalog, const char *key, const char *name)
{
  if (name != NULL && *name != '\0')
    return name;
  return lookup (catalog, criteria, G_N_ELEMENTS (criteria), key);
}

const char *
cocrea_pdf_label_inclusion (CocreaCatalog *catalog, guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (inclusion), "");
  return cocrea_catalog_gettext (catalog, inclusion[index]);
}

/* The axes set in @bits, as labels joined by ", ". */
char *
cocrea_pdf_label_axes (CocreaCatalog *catalog, guint bits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (axes); i++)
    if (bits & (1u << i))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, cocrea_catalog_gettext (catalog, axes[i]));
      }
  return g_string_free (out, FALSE);
}

/*
 * cocrea_pdf_format_date:
 * As cocrea_format_partial_date() in the catalog's language: "2020",
 * "octubre de 2019", "26 de marzo de 2019". "" for NULL; anything else
 * it does not understand is returned as it is.
 */
char *
cocrea_pdf_format_date (CocreaCatalog *catalog, const char *date)
{
  int year = 0, month = 0, day = 0;

  if (date == NULL)
    return g_strdup ("");
  if (!cocrea_partial_date_is_valid (date))
    return g_strdup (date);

  sscanf (date, "%4d-%2d-%2d", &year, &month, &day);
  if (month == 0)
    return g_strdup_printf ("%d", year);
  if (day == 0)
    return g_strdup_printf (cocrea_catalog_pgettext (catalog, "month year", "%s %d"),
                            cocrea_catalog_gettext (catalog, months[month - 1]), year);
  return g_strdup_printf (cocrea_catalog_pgettext (catalog, "day month year", "%d %s %d"), day,
                          cocrea_catalog_gettext (catalog, months[month - 1]), year);
}

/* "octubre de 2019 – agosto de 2021", one end alone when the other is
 * unknown, "" when both are. */
char *
cocrea_pdf_format_period (CocreaCatalog *catalog, const char *starts_on, const char *ends_on)
{
  g_autofree char *start = cocrea_pdf_format_date (catalog, starts_on);
  g_autofree char *end = cocrea_pdf_format_date (catalog, ends_on);

  if (*start != '\0' && *end != '\0')
    return g_strdup_printf ("%s – %s", start, end);
  return g_strdup (*start != '\0' ? start : end);
}

/* Today's date, as cocrea_pdf_format_date() writes it. */
char *
cocrea_pdf_format_today (CocreaCatalog *catalog)
{
  g_autofree char *iso = cocrea_today ();

  return cocrea_pdf_format_date (catalog, iso);
}

/* A #CocreaPdfFooterFunc: "Page 3 of 40" in the catalog's language. */
char *
cocrea_pdf_page_footer (guint page, guint n_pages, gpointer catalog)
{
  return g_strdup_printf (cocrea_catalog_gettext (catalog, N_("Page %u of %u")), page, n_pages);
}

/*
 * cocrea_pdf_add_chart_scaled:
 * Adds @chart to @writer laid out as @width × @height units and placed
 * @placed_width points wide: a chart of many rows laid out wider than it
 * is placed gets smaller text and room for its labels. Rasterised at 300
 * dots per inch of the placed size, so it stays crisp in print. A chart
 * Cairo cannot draw (out of memory) is left out: the tables beside it
 * carry the same figures.
 */
void
cocrea_pdf_add_chart_scaled (CocreaPdfWriter *writer, CocreaChart *chart, double width, double height,
                             double placed_width)
{
  const double scale = 300.0 / 72.0 * placed_width / width;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale),
                                        (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cocrea_chart_draw (chart, cr, 0, 0, width, height, cocrea_chart_palette_get_default (FALSE));
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    cocrea_pdf_writer_image_surface (writer, surface, placed_width);
  else
    g_debug ("chart left out of the PDF: %s", cairo_status_to_string (status));
  cairo_surface_destroy (surface);
}

/*
 * cocrea_pdf_add_chart:
 * Adds @chart to @writer, @width × @height points: laid out in points, so
 * its text has the size it would have on screen.
 */
void
cocrea_pdf_add_chart (CocreaPdfWriter *writer, CocreaChart *chart, double width, double height)
{
  cocrea_pdf_add_chart_scaled (writer, chart, width, height, width);
}
