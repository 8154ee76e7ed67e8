/* cocrea-overview-page.c — where a process stands: stages and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-chart-view.h"
#include "cocrea-process-charts.h"
#include "cocrea-overview-page.h"
#include "cocrea-representation.h"
#include "cocrea-stage-row.h"
#include "cocrea-stage.h"
#include "cocrea-stats.h"

struct _CocreaOverviewPage
{
  CocreaPage parent_instance;

  /* template children */
  GtkLabel *error_label;
  GtkListView *stages_list;
  GtkLabel *activities_value;
  GtkLabel *groups_value;
  GtkLabel *contributions_value;
  GtkLabel *proposals_value;
  GtkLabel *commitments_value;
  GtkLabel *attendance_value;
  CocreaChartView *attendance_chart;
  GtkLabel *women_value;
  GtkLabel *youth_value;
  GtkLabel *migrants_value;
  GtkLabel *indigenous_value;
  GtkLabel *disability_value;
  GtkLabel *women_share;
  GtkLabel *youth_share;
  GtkLabel *migrants_share;
  GtkLabel *indigenous_share;
  GtkLabel *disability_share;
  GtkLabel *representation_source;
  GtkWidget *representation_settings_button;
  GtkWidget *representation_grid;
  CocreaChartView *representation_chart;
  /* One per inclusion group, in cocrea_inclusion_key() order. */
  GtkLabel *rep_name[COCREA_N_INCLUSION];
  GtkLabel *rep_attendees[COCREA_N_INCLUSION];
  GtkLabel *rep_share[COCREA_N_INCLUSION];
  GtkLabel *rep_population[COCREA_N_INCLUSION];
  GtkLabel *rep_ratio[COCREA_N_INCLUSION];
  GtkLabel *rep_assessment[COCREA_N_INCLUSION];
};

G_DEFINE_FINAL_TYPE (CocreaOverviewPage, cocrea_overview_page, COCREA_TYPE_PAGE)

/* Shows @value in @label, with a sentence for screen readers. Takes
 * @description. */
static void
set_figure (GtkLabel *label, const char *caption, gint64 value, char *description)
{
  g_autofree char *owned = description;
  g_autofree char *text = g_strdup_printf ("%'" G_GINT64_FORMAT, value);

  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, owned, -1);
}

/* Shows how many of the attendees belong to a group, and their share. */
static void
set_share (GtkLabel *label, GtkLabel *share, const char *caption, gint64 value, gint64 attendance)
{
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  g_autofree char *percent_text = NULL;
  int n = (int) CLAMP (value, 0, G_MAXINT);

  text = g_strdup_printf ("%d", n);
  if (attendance > 0)
    {
      int percent = (int) (100.0 * value / attendance + 0.5);

      /* TRANSLATORS: a group's share of the attendance, "57 %" */
      percent_text = g_strdup_printf (_("%d %%"), percent);
      /* TRANSLATORS: "Women: 82 of 145 attendees, 57 percent" */
      description = g_strdup_printf (_("%s: %d of %d attendees, %d percent"), caption, n,
                                     (int) CLAMP (attendance, 0, G_MAXINT), percent);
    }
  else
    {
      percent_text = g_strdup ("");
      /* TRANSLATORS: "Attendance: 145 people" */
      description = g_strdup_printf (ngettext ("%s: %d person", "%s: %d people", n), caption, n);
    }

  gtk_label_set_text (label, text);
  if (share != NULL)
    gtk_label_set_text (share, percent_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* Counts fit an int in any real process; ngettext wants one. */
#define N(x) ((int) CLAMP ((x), 0, G_MAXINT))

static void
show_error (CocreaOverviewPage *self, const GError *error)
{
  g_autofree char *text = g_strdup_printf (_("Could not read the process: %s"), error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* A fraction as a percentage with one decimal, or a dash when unknown. */
static char *
format_percent (double fraction)
{
  if (isnan (fraction))
    return g_strdup ("–");
  /* TRANSLATORS: a percentage with one decimal, "51.2 %" */
  return g_strdup_printf (_("%.1f %%"), fraction * 100);
}

/*
 * show_representation:
 * Fills the representation grid and chart. An under-represented group is
 * said in words, with an icon-like mark and the error colour, so colour
 * is never the only sign; screen readers hear one sentence per group.
 */
static void
show_representation (CocreaOverviewPage *self, CocreaDocument *document)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaRepresentation) r = cocrea_representation_compute (document, &error);
  g_autoptr (CocreaChart) chart = NULL;
  gboolean known;

  if (r == NULL)
    {
      show_error (self, error);
      return;
    }

  known = r->n_known > 0;
  if (!known)
    gtk_label_set_text (self->representation_source,
                        _("Set the commune’s population shares from a census to see which groups "
                          "were under-represented in the activities."));
  else
    {
      g_autofree char *text = NULL;

      if (*r->source != '\0')
        /* TRANSLATORS: %s is where the census figures come from */
        text = g_strdup_printf (_("Public activities against the commune’s population (%s). A group "
                                  "is under-represented below 0.8 of its share."), r->source);
      else
        text = g_strdup (_("Public activities against the commune’s population (source not "
                           "given). A group is under-represented below 0.8 of its share."));
      gtk_label_set_text (self->representation_source, text);
    }
  gtk_widget_set_visible (self->representation_settings_button, !known);
  gtk_widget_set_visible (self->representation_grid, known);

  for (guint g = 0; g < COCREA_N_INCLUSION && known; g++)
    {
      const CocreaRepresentationGroup *row = &r->groups[g];
      g_autofree char *attendees = g_strdup_printf ("%'" G_GINT64_FORMAT, row->participants);
      g_autofree char *share = format_percent (row->share);
      g_autofree char *population = format_percent (row->population_share);
      g_autofree char *ratio = isnan (row->ratio) ? g_strdup ("–") : g_strdup_printf ("%.2f", row->ratio);
      g_autofree char *sentence = NULL;
      const char *assessment;

      if (isnan (row->population_share))
        assessment = _("No census share");
      else if (isnan (row->ratio))
        assessment = _("No ratio");
      else if (row->under_represented)
        assessment = _("⚠ Under-represented");
      else
        assessment = _("Not under-represented");

      gtk_label_set_text (self->rep_name[g], cocrea_inclusion_label (g));
      gtk_label_set_text (self->rep_attendees[g], attendees);
      gtk_label_set_text (self->rep_share[g], share);
      gtk_label_set_text (self->rep_population[g], population);
      gtk_label_set_text (self->rep_ratio[g], ratio);
      gtk_label_set_text (self->rep_assessment[g], assessment);
      if (row->under_represented)
        gtk_widget_add_css_class (GTK_WIDGET (self->rep_assessment[g]), "under-represented");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->rep_assessment[g]), "under-represented");

      /* TRANSLATORS: read by screen readers, "Youth: 11.9 % of the attendance, 24.0 % of the
       * population, ratio 0.46. ⚠ Under-represented" */
      sentence = g_strdup_printf (_("%s: %s of the attendance, %s of the population, ratio %s. %s"),
                                  cocrea_inclusion_label (g), share, population, ratio, assessment);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rep_assessment[g]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
    }

  if (known && r->attendance > 0)
    chart = cocrea_chart_new_representation (r, NULL);
  cocrea_chart_view_set_chart (self->representation_chart, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->representation_chart), chart != NULL);
}

/* Every committed edit, from any page, may change a figure. */
static void
cocrea_overview_page_reload (CocreaPage *page)
{
  CocreaOverviewPage *self = COCREA_OVERVIEW_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autoptr (GError) error = NULL;
  CocreaStats stats = { 0 };

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (document == NULL)
    {
      gtk_list_view_set_model (self->stages_list, NULL);
      return;
    }

  stages = cocrea_stage_list (document, &error);
  if (stages == NULL)
    {
      show_error (self, error);
      return;
    }
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_steal_pointer (&stages)));
  gtk_list_view_set_model (self->stages_list, selection);

  if (!cocrea_stats_load (document, &stats, &error))
    {
      show_error (self, error);
      return;
    }

  set_figure (self->activities_value, _("Activities"), stats.activities,
              g_strdup_printf (ngettext ("%d activity", "%d activities", N (stats.activities)),
                               N (stats.activities)));
  set_figure (self->groups_value, _("Groups"), stats.groups,
              g_strdup_printf (ngettext ("%d group", "%d groups", N (stats.groups)),
                               N (stats.groups)));
  set_figure (self->contributions_value, _("Contributions"), stats.contributions,
              g_strdup_printf (ngettext ("%d contribution", "%d contributions",
                                         N (stats.contributions)),
                               N (stats.contributions)));
  set_figure (self->proposals_value, _("Proposals"), stats.proposals,
              g_strdup_printf (ngettext ("%d consolidated proposal", "%d consolidated proposals",
                                         N (stats.proposals)),
                               N (stats.proposals)));
  set_figure (self->commitments_value, _("Commitments"), stats.commitments,
              g_strdup_printf (ngettext ("%d commitment", "%d commitments", N (stats.commitments)),
                               N (stats.commitments)));

  set_share (self->attendance_value, NULL, _("Attendance"), stats.attendance, 0);
  set_share (self->women_value, self->women_share, _("Women"), stats.women, stats.attendance);
  set_share (self->youth_value, self->youth_share, _("Youth"), stats.youth, stats.attendance);
  set_share (self->migrants_value, self->migrants_share, _("Migrants"), stats.migrants,
             stats.attendance);
  set_share (self->indigenous_value, self->indigenous_share, _("Indigenous peoples"),
             stats.indigenous, stats.attendance);
  set_share (self->disability_value, self->disability_share, _("People with disabilities"),
             stats.disability, stats.attendance);

  /* The same chart the PDF plan carries, drawn with this window's colours. */
  {
    g_autoptr (CocreaChart) chart = NULL;

    if (stats.activities > 0)
      chart = cocrea_chart_new_attendance (document, &error);
    if (chart == NULL && error != NULL)
      show_error (self, error);
    cocrea_chart_view_set_chart (self->attendance_chart, chart);
    gtk_widget_set_visible (GTK_WIDGET (self->attendance_chart), chart != NULL);
  }

  show_representation (self, document);
}

static void
cocrea_overview_page_dispose (GObject *object)
{
  CocreaOverviewPage *self = COCREA_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (cocrea_overview_page_parent_class)->dispose (object);
}

static void
cocrea_overview_page_class_init (CocreaOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_overview_page_dispose;
  page_class->reload = cocrea_overview_page_reload;

  g_type_ensure (COCREA_TYPE_CHART_VIEW);
  g_type_ensure (COCREA_TYPE_STAGE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, stages_list);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, activities_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, groups_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, contributions_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, proposals_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, commitments_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, attendance_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, attendance_chart);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, women_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, youth_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, migrants_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, indigenous_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, disability_value);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, women_share);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, youth_share);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, migrants_share);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, indigenous_share);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, disability_share);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, representation_source);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage,
                                        representation_settings_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, representation_grid);
  gtk_widget_class_bind_template_child (widget_class, CocreaOverviewPage, representation_chart);
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      static const struct { const char *suffix; gsize offset; } cells[] = {
        { "name", G_STRUCT_OFFSET (CocreaOverviewPage, rep_name) },
        { "attendees", G_STRUCT_OFFSET (CocreaOverviewPage, rep_attendees) },
        { "share", G_STRUCT_OFFSET (CocreaOverviewPage, rep_share) },
        { "population", G_STRUCT_OFFSET (CocreaOverviewPage, rep_population) },
        { "ratio", G_STRUCT_OFFSET (CocreaOverviewPage, rep_ratio) },
        { "assessment", G_STRUCT_OFFSET (CocreaOverviewPage, rep_assessment) },
      };

      /* The template names them "youth_representation_share" and so on. */
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          g_autofree char *id = g_strdup_printf ("%s_representation_%s", cocrea_inclusion_key (g),
                                                 cells[c].suffix);
          gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (id), FALSE,
                                                     cells[c].offset + g * sizeof (gpointer));
        }
    }
}

static void
cocrea_overview_page_init (CocreaOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
