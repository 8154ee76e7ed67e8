/* cocrea-selection-item.c — one proposal on the Selection page, with its decision
 *
 * A row of the decisions: the proposal, and the decision and reason read
 * for it once when the page reads the process (not again by every cell
 * a list view binds). The cells read it through its properties; the
 * decision's style ("selected", "undecided"...) colours its label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-selection-item.h"
#include "cocrea-selection.h"

struct _CocreaSelectionItem
{
  GObject parent_instance;

  CocreaProposal *proposal;
  char *decision;       /* "Selected", or "Undecided" */
  const char *style;    /* a CSS class of the decision's label */
  char *reason;         /* "" when none */
};

G_DEFINE_FINAL_TYPE (CocreaSelectionItem, cocrea_selection_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORIGIN,
  PROP_DECISION,
  PROP_STYLE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of CocreaDecision. */
static const char *decision_styles[] = { "not-shortlisted", "shortlisted", "selected",
                                         "not-selected" };

/**
 * cocrea_selection_item_new:
 * The row of @proposal, with its decision in @document as it is now.
 */
CocreaSelectionItem *
cocrea_selection_item_new (CocreaDocument *document, CocreaProposal *proposal)
{
  CocreaSelectionItem *self = g_object_new (COCREA_TYPE_SELECTION_ITEM, NULL);
  CocreaDecision decision = COCREA_DECISION_NOT_SHORTLISTED;
  gboolean decided = FALSE;

  self->proposal = g_object_ref (proposal);
  cocrea_selection_get_decision (document, cocrea_proposal_get_id (proposal), &decided, &decision,
                                 &self->reason, NULL);
  decided = decided && (guint) decision < G_N_ELEMENTS (decision_styles);
  self->decision = g_strdup (decided ? cocrea_decision_label (decision) : _("Undecided"));
  self->style = decided ? decision_styles[decision] : "undecided";
  if (self->reason == NULL)
    self->reason = g_strdup ("");
  return self;
}

gint64
cocrea_selection_item_get_id (CocreaSelectionItem *self)
{
  g_return_val_if_fail (COCREA_IS_SELECTION_ITEM (self), 0);
  return cocrea_proposal_get_id (self->proposal);
}

const char *
cocrea_selection_item_get_title (CocreaSelectionItem *self)
{
  g_return_val_if_fail (COCREA_IS_SELECTION_ITEM (self), NULL);
  return cocrea_proposal_get_title (self->proposal);
}

static void
cocrea_selection_item_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  CocreaSelectionItem *self = COCREA_SELECTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, cocrea_proposal_get_title (self->proposal));
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, cocrea_origin_label (cocrea_proposal_get_origin (self->proposal)));
      break;
    case PROP_DECISION:
      g_value_set_string (value, self->decision);
      break;
    case PROP_STYLE:
      g_value_set_string (value, self->style);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_selection_item_finalize (GObject *object)
{
  CocreaSelectionItem *self = COCREA_SELECTION_ITEM (object);

  g_clear_object (&self->proposal);
  g_free (self->decision);
  g_free (self->reason);

  G_OBJECT_CLASS (cocrea_selection_item_parent_class)->finalize (object);
}

static void
cocrea_selection_item_class_init (CocreaSelectionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_selection_item_finalize;
  object_class->get_property = cocrea_selection_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, flags);
  properties[PROP_DECISION] = g_param_spec_string ("decision", NULL, NULL, NULL, flags);
  properties[PROP_STYLE] = g_param_spec_string ("style", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_selection_item_init (CocreaSelectionItem *self)
{
}
