/* cocrea-overview-page.c — where a process stands: stages and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-chart-view.h"
#include "cocrea-process-charts.h"
#include "cocrea-overview-page.h"
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
}

static void
cocrea_overview_page_init (CocreaOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
