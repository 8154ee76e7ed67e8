/* cocrea-plan-page.c — the draft plan: commitments in order, and the editor
 *
 * The commitments, numbered in plan order, on the left; the chosen one's
 * editor on the right. The list is read again after every edit (a plan
 * has a handful of commitments) while the chosen commitment stays chosen,
 * so renaming or moving one never takes the editor away from the user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-chart-view.h"
#include "cocrea-commitment-editor.h"
#include "cocrea-commitment.h"
#include "cocrea-fold-bar.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-plan-page.h"
#include "cocrea-process-charts.h"
#include "cocrea-proposal.h"

struct _CocreaPlanPage
{
  CocreaPage parent_instance;

  GListStore *commitments;
  GtkSingleSelection *selection;
  gboolean refreshing;    /* the selection moves because the list is rebuilt */
  gboolean show_timeline; /* the timeline of every milestone in place of the editor */

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton *new_button;
  GtkLabel *error_label;
  GtkListView *commitments_view;
  AdwStatusPage *empty_page;
  CocreaCommitmentEditor *editor;
  CocreaChartView *timeline_chart;
};

G_DEFINE_FINAL_TYPE (CocreaPlanPage, cocrea_plan_page, COCREA_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SHOW_TIMELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CocreaCommitment *
chosen (CocreaPlanPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CocreaPlanPage *self)
{
  CocreaCommitment *commitment = chosen (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->commitments));
  gboolean writable = cocrea_page_is_writable (COCREA_PAGE (self));
  int position = commitment != NULL ? cocrea_commitment_get_position (commitment) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.move-up", writable && position > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.move-down",
                                 writable && position > 0 && position < (int) n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.delete", writable && commitment != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_button), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0 && !self->show_timeline);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), n > 0 && !self->show_timeline);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_chart), self->show_timeline);
}

/* Draws the timeline again from the file, when it is shown. */
static void
refresh_timeline (CocreaPlanPage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (CocreaChart) chart = NULL;
  g_autoptr (GError) error = NULL;

  if (!self->show_timeline || document == NULL)
    return;
  states = cocrea_milestone_progress_follow_up (document, NULL, &error);
  if (states == NULL)
    {
      cocrea_page_add_toast (COCREA_PAGE (self), error->message);
      return;
    }
  chart = cocrea_chart_new_timeline (states, NULL, NULL);
  cocrea_chart_view_set_chart (self->timeline_chart, chart);
}

/**
 * cocrea_plan_page_set_show_timeline:
 * Shows the timeline of every commitment's milestones in place of the
 * commitment editor (@show), or the editor again.
 */
void
cocrea_plan_page_set_show_timeline (CocreaPlanPage *self, gboolean show)
{
  g_return_if_fail (COCREA_IS_PLAN_PAGE (self));

  show = !!show;
  if (self->show_timeline == show)
    return;
  if (show)
    cocrea_commitment_editor_save_now (self->editor);
  self->show_timeline = show;
  refresh_timeline (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIMELINE]);
}

/* Choosing a commitment in the list shows its editor again. */
static void
user_selected_cb (CocreaPlanPage *self)
{
  if (!self->refreshing)
    cocrea_plan_page_set_show_timeline (self, FALSE);
}

static void
selection_changed_cb (CocreaPlanPage *self)
{
  CocreaCommitment *commitment = chosen (self);

  if (self->refreshing)
    return;
  cocrea_commitment_editor_set_commitment (self->editor,
                                           commitment ? cocrea_commitment_get_id (commitment) : 0);
  update_actions (self);
}

/* Reads the plan again and chooses @id (or, when it is gone, the
 * commitment now at the same place). */
static void
refresh (CocreaPlanPage *self, gint64 id)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GListModel) fresh = NULL;
  g_autoptr (GError) error = NULL;
  guint old_position = gtk_single_selection_get_selected (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->refreshing = TRUE;
  if (document != NULL)
    fresh = cocrea_commitment_list (document, &error);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the plan: %s"), error->message);
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }

  n = fresh != NULL ? g_list_model_get_n_items (fresh) : 0;
  {
    g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < n; i++)
      {
        CocreaCommitment *c = g_list_model_get_item (fresh, i);
        if (cocrea_commitment_get_id (c) == id)
          position = i;
        g_ptr_array_add (items, c);
      }
    g_list_store_splice (self->commitments, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->commitments)),
                         items->pdata, items->len);
  }
  if (position == GTK_INVALID_LIST_POSITION && n > 0)
    position = old_position != GTK_INVALID_LIST_POSITION ? MIN (old_position, n - 1) : 0;
  gtk_single_selection_set_selected (self->selection, position);
  self->refreshing = FALSE;

  selection_changed_cb (self);
}

static gint64
chosen_id (CocreaPlanPage *self)
{
  CocreaCommitment *commitment = chosen (self);
  return commitment != NULL ? cocrea_commitment_get_id (commitment) : 0;
}

/* A plan has a handful of commitments: the list follows every change at
 * once, as the editor beside it does. */
static void
cocrea_plan_page_reload (CocreaPage *page)
{
  CocreaPlanPage *self = COCREA_PLAN_PAGE (page);

  refresh (self, chosen_id (self));
  refresh_timeline (self);
}

static void
cocrea_plan_page_document_set (CocreaPage *page)
{
  CocreaPlanPage *self = COCREA_PLAN_PAGE (page);

  /* Before the page connects to "changed", so that the editor has written
   * what was typed before the list is read again. */
  cocrea_commitment_editor_set_document (self->editor, cocrea_page_get_document (page));
}

/* Writes what is typed first, so the undo takes back the edit before it. */
static void
cocrea_plan_page_before_undo (CocreaPage *page)
{
  cocrea_commitment_editor_save_now (COCREA_PLAN_PAGE (page)->editor);
}

/* ---- actions ---- */

static void
move (CocreaPlanPage *self, int delta)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GError) error = NULL;
  CocreaCommitment *commitment = chosen (self);

  if (commitment == NULL)
    return;
  cocrea_commitment_editor_save_now (self->editor);
  if (!cocrea_commitment_move (document, cocrea_commitment_get_id (commitment),
                               cocrea_commitment_get_position (commitment) + delta, &error))
    cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Move the Commitment"), error);
}

static void
move_up_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  move (COCREA_PLAN_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  move (COCREA_PLAN_PAGE (widget), +1);
}

static void
undoable_cb (CocreaPlanPage *self, CocreaUndo *undo, const char *text)
{
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlanPage *self = COCREA_PLAN_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autofree char *text = NULL;
  CocreaCommitment *commitment = chosen (self);

  if (commitment == NULL)
    return;
  /* TRANSLATORS: a toast, "Commitment 2 deleted" */
  text = g_strdup_printf (_("Commitment %d deleted"), cocrea_commitment_get_position (commitment));
  cocrea_commitment_editor_save_now (self->editor);
  if (!cocrea_commitment_delete (document, cocrea_commitment_get_id (commitment), &undo,
                                 &error))
    cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Delete the Commitment"), error);
  else
    cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

static void
add_from_proposal_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlanPage *self = COCREA_PLAN_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  cocrea_commitment_editor_save_now (self->editor);
  if (!cocrea_commitment_add_from_proposal (document, g_variant_get_int64 (param), &id,
                                            &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Start the Commitment"), error);
      return;
    }
  refresh (self, id);
}

/* The menu of the + button, made when it opens: the selected proposals
 * that have no commitment yet. */
static void
create_new_menu (GtkMenuButton *button, gpointer user_data)
{
  CocreaPlanPage *self = user_data;
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();
  g_autoptr (GListModel) candidates = NULL;
  g_autoptr (GError) error = NULL;

  if (document != NULL)
    candidates = cocrea_commitment_list_candidates (document, &error);
  for (guint i = 0; candidates != NULL && i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr (CocreaProposal) proposal = g_list_model_get_item (candidates, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (cocrea_proposal_get_title (proposal), NULL);
      g_menu_item_set_action_and_target_value (item, "plan.add-from-proposal",
                                               g_variant_new_int64 (cocrea_proposal_get_id (proposal)));
      g_menu_append_item (section, item);
    }
  if (candidates == NULL || g_list_model_get_n_items (candidates) == 0)
    g_menu_append (section,
                   error != NULL ? error->message
                                 : _("Every selected proposal already has a commitment"),
                   NULL);
  g_menu_append_section (menu, _("New Commitment from a Selected Proposal"), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* ---- the list ---- */

/* An entry of the list: its place in the plan and its name. */
static char *
format_commitment (gpointer unused, int position, const char *name)
{
  /* TRANSLATORS: an entry of the plan, "Commitment 1: Participatory budget" */
  return g_strdup_printf (_("Commitment %d: %s"), position, name);
}

static void
cocrea_plan_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaPlanPage *self = COCREA_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_TIMELINE:
      g_value_set_boolean (value, self->show_timeline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_plan_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CocreaPlanPage *self = COCREA_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_TIMELINE:
      cocrea_plan_page_set_show_timeline (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_plan_page_dispose (GObject *object)
{
  CocreaPlanPage *self = COCREA_PLAN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PLAN_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->commitments);

  G_OBJECT_CLASS (cocrea_plan_page_parent_class)->dispose (object);
}

static void
cocrea_plan_page_class_init (CocreaPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_plan_page_dispose;
  object_class->get_property = cocrea_plan_page_get_property;
  object_class->set_property = cocrea_plan_page_set_property;
  page_class->document_set = cocrea_plan_page_document_set;
  page_class->reload = cocrea_plan_page_reload;
  page_class->before_undo = cocrea_plan_page_before_undo;
  page_class->reload_when_hidden = TRUE;

  /**
   * CocreaPlanPage:show-timeline:
   * Whether the timeline of every milestone is shown in place of the editor.
   */
  properties[PROP_SHOW_TIMELINE] =
    g_param_spec_boolean ("show-timeline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COCREA_TYPE_COMMITMENT_EDITOR);
  g_type_ensure (COCREA_TYPE_CHART_VIEW);
  g_type_ensure (COCREA_TYPE_FOLD_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/cocrea/Cocrea/cocrea-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaPlanPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlanPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlanPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlanPage, commitments_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlanPage, editor);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlanPage, timeline_chart);
  gtk_widget_class_bind_template_callback (widget_class, undoable_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_commitment);

  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_action);
  /* The Undo button of the toasts; this page has no Ctrl+Z of its own. */
  cocrea_page_class_install_undo_action (page_class, "plan");
  gtk_widget_class_install_action (widget_class, "plan.add-from-proposal", "x",
                                   add_from_proposal_action);
  gtk_widget_class_install_property_action (widget_class, "plan.show-timeline", "show-timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "plan.show-timeline",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "plan.move-down",
                                       NULL);
}

static void
cocrea_plan_page_init (CocreaPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_page_set_toast_overlay (COCREA_PAGE (self), self->toast_overlay);
  self->commitments = g_list_store_new (COCREA_TYPE_COMMITMENT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->commitments)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (user_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->commitments_view, GTK_SELECTION_MODEL (self->selection));
  gtk_menu_button_set_create_popup_func (self->new_button, create_new_menu, self, NULL);
  update_actions (self);
}
