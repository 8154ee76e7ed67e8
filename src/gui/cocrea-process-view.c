/* cocrea-process-view.c — one process: the page list beside the chosen page
 *
 * Each stage of the process gets a page in the GtkStack "pages"; the
 * sidebar lists the stack's pages, so a new page needs a new GtkStackPage
 * in the template and its type in page_types[] below. The stack holds an
 * empty AdwBin for each page; the page itself is built the first time it
 * is shown, so that opening a process builds and reads only the
 * overview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-access.h"
#include "cocrea-activities-page.h"
#include "cocrea-capture-page.h"
#include "cocrea-consultation-page.h"
#include "cocrea-export-page.h"
#include "cocrea-merge-page.h"
#include "cocrea-overview-page.h"
#include "cocrea-page.h"
#include "cocrea-plan-page.h"
#include "cocrea-prioritise-page.h"
#include "cocrea-process-view.h"
#include "cocrea-selection-page.h"
#include "cocrea-viability-page.h"

struct _CocreaProcessView
{
  GtkWidget parent_instance;

  CocreaDocument *document;

  /* template children */
  AdwLeaflet *leaflet;
  GtkListView *sidebar;
  GtkRevealer *read_only_revealer;
  GtkLabel *read_only_label;
  GtkStack *pages;
};

/* The page of each GtkStackPage of the template, by name. */
static const struct {
  const char *name;
  GType (*get_type) (void);
} page_types[] = {
  { "overview", cocrea_overview_page_get_type },
  { "activities", cocrea_activities_page_get_type },
  { "capture", cocrea_capture_page_get_type },
  { "merge", cocrea_merge_page_get_type },
  { "prioritise", cocrea_prioritise_page_get_type },
  { "viability", cocrea_viability_page_get_type },
  { "selection", cocrea_selection_page_get_type },
  { "plan", cocrea_plan_page_get_type },
  { "consultation", cocrea_consultation_page_get_type },
  { "export", cocrea_export_page_get_type },
};

G_DEFINE_FINAL_TYPE (CocreaProcessView, cocrea_process_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Back is possible when the leaflet is folded and shows a page. */
gboolean
cocrea_process_view_get_can_go_back (CocreaProcessView *self)
{
  g_return_val_if_fail (COCREA_IS_PROCESS_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0;
}

void
cocrea_process_view_go_back (CocreaProcessView *self)
{
  g_return_if_fail (COCREA_IS_PROCESS_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
leaflet_changed_cb (CocreaProcessView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

/* Activating an entry shows its page, also the one already selected:
 * on a folded leaflet that is how one gets back to it. */
static void
sidebar_activated_cb (CocreaProcessView *self, guint position)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->sidebar);

  gtk_selection_model_select_item (model, position, TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* The page in the stack's child @slot, NULL until it was first shown. */
static CocreaPage *
page_in (GtkWidget *slot)
{
  GtkWidget *page = slot != NULL ? adw_bin_get_child (ADW_BIN (slot)) : NULL;

  return COCREA_IS_PAGE (page) ? COCREA_PAGE (page) : NULL;
}

/**
 * cocrea_process_view_get_page:
 * The page called @name ("merge"...), built now if it was not yet.
 * Returns: (transfer none) (nullable): the page, NULL for an unknown name
 */
GtkWidget *
cocrea_process_view_get_page (CocreaProcessView *self, const char *name)
{
  GtkWidget *slot;
  CocreaPage *page;

  g_return_val_if_fail (COCREA_IS_PROCESS_VIEW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  slot = gtk_stack_get_child_by_name (self->pages, name);
  if (slot == NULL)
    return NULL;
  page = page_in (slot);
  for (guint i = 0; page == NULL && i < G_N_ELEMENTS (page_types); i++)
    if (g_str_equal (page_types[i].name, name))
      {
        page = g_object_new (page_types[i].get_type (), NULL);
        cocrea_page_set_document (page, self->document);
        adw_bin_set_child (ADW_BIN (slot), GTK_WIDGET (page));
        /* Done for the window when it was shown; the page comes later. */
        cocrea_access_install_all (GTK_WIDGET (page));
      }
  return GTK_WIDGET (page);
}

/**
 * cocrea_process_view_show_page:
 * Shows the page called @name, as a click on it in the sidebar does.
 */
void
cocrea_process_view_show_page (CocreaProcessView *self, const char *name)
{
  g_return_if_fail (COCREA_IS_PROCESS_VIEW (self));
  g_return_if_fail (name != NULL);

  gtk_stack_set_visible_child_name (self->pages, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* Builds the page in sight, if it was not yet, with the document. */
static void
ensure_visible_page (CocreaProcessView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->pages);

  if (name != NULL)
    cocrea_process_view_get_page (self, name);
}

/* TRUE when the page in sight has read the document as it is now. */
gboolean
cocrea_process_view_is_current (CocreaProcessView *self)
{
  CocreaPage *page;

  g_return_val_if_fail (COCREA_IS_PROCESS_VIEW (self), FALSE);

  page = page_in (gtk_stack_get_visible_child (self->pages));
  return page == NULL || cocrea_page_is_current (page);
}

/**
 * cocrea_process_view_undo:
 * Takes back the last change made on the page shown, or with @redo puts
 * back the change undone last, as Ctrl+Z and Ctrl+Shift+Z on the page
 * do. For those keys pressed outside the page (in the header bar), which
 * did nothing. Returns whether there was something to undo or redo.
 */
gboolean
cocrea_process_view_undo (CocreaProcessView *self, gboolean redo)
{
  CocreaPage *page;
  CocreaPageClass *klass;
  const char *action;

  g_return_val_if_fail (COCREA_IS_PROCESS_VIEW (self), FALSE);

  page = page_in (gtk_stack_get_visible_child (self->pages));
  if (page == NULL)
    return FALSE;
  klass = COCREA_PAGE_GET_CLASS (page);
  action = redo ? klass->redo_action : klass->undo_last_action;
  return action != NULL && gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);
}

CocreaDocument *
cocrea_process_view_get_document (CocreaProcessView *self)
{
  g_return_val_if_fail (COCREA_IS_PROCESS_VIEW (self), NULL);

  return self->document;
}

/**
 * cocrea_process_view_set_document:
 * Shows @document on every page; a read-only document gets a notice that
 * says why and offers to save an editable copy.
 */
void
cocrea_process_view_set_document (CocreaProcessView *self, CocreaDocument *document)
{
  gboolean read_only;

  g_return_if_fail (COCREA_IS_PROCESS_VIEW (self));
  g_return_if_fail (document == NULL || COCREA_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  read_only = document != NULL && cocrea_document_is_read_only (document);
  if (read_only)
    {
      const char *reason = cocrea_document_get_read_only_reason (document);
      g_autofree char *text = NULL;

      if (reason != NULL && *reason != '\0')
        text = g_strdup_printf (_("Read-only: %s. Changes cannot be made here."), reason);
      else
        text = g_strdup (_("Read-only. Changes cannot be made here."));
      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);

  for (GtkWidget *slot = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); slot != NULL;
       slot = gtk_widget_get_next_sibling (slot))
    if (page_in (slot) != NULL)
      cocrea_page_set_document (page_in (slot), document);
  gtk_stack_set_visible_child_name (self->pages, "overview");
  ensure_visible_page (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
cocrea_process_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaProcessView *self = COCREA_PROCESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, cocrea_process_view_get_can_go_back (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_process_view_dispose (GObject *object)
{
  CocreaProcessView *self = COCREA_PROCESS_VIEW (object);
  GtkWidget *child;

  /* The sidebar lists the stack's pages: let go of them before the stack
   * goes, or GTK 4.8's list view trips over the vanishing items. */
  if (self->sidebar != NULL)
    gtk_list_view_set_model (self->sidebar, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PROCESS_VIEW);
  /* Unbound children of the template go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_process_view_parent_class)->dispose (object);
}

static void
cocrea_process_view_class_init (CocreaProcessViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_process_view_dispose;
  object_class->get_property = cocrea_process_view_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COCREA_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COCREA_TYPE_OVERVIEW_PAGE);
  g_type_ensure (COCREA_TYPE_ACTIVITIES_PAGE);
  g_type_ensure (COCREA_TYPE_CAPTURE_PAGE);
  g_type_ensure (COCREA_TYPE_MERGE_PAGE);
  g_type_ensure (COCREA_TYPE_PRIORITISE_PAGE);
  g_type_ensure (COCREA_TYPE_VIABILITY_PAGE);
  g_type_ensure (COCREA_TYPE_SELECTION_PAGE);
  g_type_ensure (COCREA_TYPE_PLAN_PAGE);
  g_type_ensure (COCREA_TYPE_CONSULTATION_PAGE);
  g_type_ensure (COCREA_TYPE_EXPORT_PAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-process-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessView, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessView, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaProcessView, pages);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activated_cb);
}

static void
cocrea_process_view_init (CocreaProcessView *self)
{
  g_autoptr (GtkSelectionModel) page_list = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The stack's pages are a selection model that follows the visible page. */
  page_list = gtk_stack_get_pages (self->pages);
  gtk_list_view_set_model (self->sidebar, page_list);

  g_signal_connect_object (self->pages, "notify::visible-child",
                           G_CALLBACK (ensure_visible_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (leaflet_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (leaflet_changed_cb), self, G_CONNECT_SWAPPED);
}
