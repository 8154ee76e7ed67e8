/* cocrea-priority-item.c — one proposal as the Prioritise page ranks it
 *
 * A row of the ranking under the weights shown: the proposal's figures
 * as the cells write them, its rank, and how far it moved from its rank
 * under equal weights. Made afresh each time the page ranks again; the
 * cells read it through its properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-priority-item.h"
#include "cocrea-selection.h"

struct _CocreaPriorityItem
{
  GObject parent_instance;

  gint64 id;
  char *title;
  guint rank;
  int moved; /* places up (> 0) or down (< 0) from the rank under equal weights */
  guint mentions;
  char *axes;      /* "2/4" */
  char *inclusion; /* "1/5" */
  char *score;     /* "87" */
  char *decision;  /* "Shortlisted", "Undecided" */
  gboolean decided;
  CocreaDecision decision_key;
};

G_DEFINE_FINAL_TYPE (CocreaPriorityItem, cocrea_priority_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MENTIONS,
  PROP_AXES,
  PROP_INCLUSION,
  PROP_SCORE,
  PROP_DECISION,
  PROP_DECISION_CLASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_bits (guint bits)
{
  guint n = 0;
  for (; bits != 0; bits >>= 1)
    n += bits & 1;
  return n;
}

/**
 * cocrea_priority_item_new:
 * The row of @proposal, ranked @rank under the weights shown and
 * @base_rank under equal weights, with @score (0 to 1) under the weights
 * shown.
 */
CocreaPriorityItem *
cocrea_priority_item_new (const CocreaRankProposal *proposal, guint rank, guint base_rank,
                          double score)
{
  CocreaPriorityItem *self = g_object_new (COCREA_TYPE_PRIORITY_ITEM, NULL);
  CocreaDecision decision;

  self->id = proposal->id;
  self->title = g_strdup (proposal->title);
  self->rank = rank;
  self->moved = (int) base_rank - (int) rank;
  self->mentions = proposal->mentions;
  self->axes = g_strdup_printf ("%u/%d", count_bits (proposal->axes), COCREA_N_AXES);
  self->inclusion = g_strdup_printf ("%u/%d", count_bits (proposal->inclusion), COCREA_N_INCLUSION);
  self->score = g_strdup_printf ("%.0f", 100 * score);
  if (proposal->status != NULL && cocrea_decision_from_key (proposal->status, &decision))
    {
      self->decision = g_strdup (cocrea_decision_label (decision));
      self->decided = TRUE;
      self->decision_key = decision;
    }
  else
    self->decision = g_strdup (_("Undecided"));
  return self;
}

/**
 * cocrea_priority_item_get_decision:
 * Whether the proposal has a decision, and which in @decision (may be NULL).
 */
gboolean
cocrea_priority_item_get_decision (CocreaPriorityItem *self, CocreaDecision *decision)
{
  g_return_val_if_fail (COCREA_IS_PRIORITY_ITEM (self), FALSE);
  if (decision != NULL)
    *decision = self->decision_key;
  return self->decided;
}

/* The style of the decision's label, as on the Selection page: a
 * shortlisted proposal stands out from the undecided ones in weight and
 * colour as well as in words. */
static GStrv
decision_classes (CocreaPriorityItem *self)
{
  const char *classes[] = { "decision", "undecided", NULL };

  if (self->decided)
    classes[1] = cocrea_decision_to_key (self->decision_key);
  return g_strdupv ((char **) classes);
}

gint64
cocrea_priority_item_get_id (CocreaPriorityItem *self)
{
  g_return_val_if_fail (COCREA_IS_PRIORITY_ITEM (self), 0);
  return self->id;
}

const char *
cocrea_priority_item_get_title (CocreaPriorityItem *self)
{
  g_return_val_if_fail (COCREA_IS_PRIORITY_ITEM (self), NULL);
  return self->title;
}

guint
cocrea_priority_item_get_rank (CocreaPriorityItem *self)
{
  g_return_val_if_fail (COCREA_IS_PRIORITY_ITEM (self), 0);
  return self->rank;
}

int
cocrea_priority_item_get_moved (CocreaPriorityItem *self)
{
  g_return_val_if_fail (COCREA_IS_PRIORITY_ITEM (self), 0);
  return self->moved;
}

static void
cocrea_priority_item_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  CocreaPriorityItem *self = COCREA_PRIORITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MENTIONS:
      g_value_set_uint (value, self->mentions);
      break;
    case PROP_AXES:
      g_value_set_string (value, self->axes);
      break;
    case PROP_INCLUSION:
      g_value_set_string (value, self->inclusion);
      break;
    case PROP_SCORE:
      g_value_set_string (value, self->score);
      break;
    case PROP_DECISION:
      g_value_set_string (value, self->decision);
      break;
    case PROP_DECISION_CLASSES:
      g_value_take_boxed (value, decision_classes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_priority_item_finalize (GObject *object)
{
  CocreaPriorityItem *self = COCREA_PRIORITY_ITEM (object);

  g_free (self->title);
  g_free (self->axes);
  g_free (self->inclusion);
  g_free (self->score);
  g_free (self->decision);

  G_OBJECT_CLASS (cocrea_priority_item_parent_class)->finalize (object);
}

static void
cocrea_priority_item_class_init (CocreaPriorityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_priority_item_finalize;
  object_class->get_property = cocrea_priority_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_MENTIONS] = g_param_spec_uint ("mentions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_AXES] = g_param_spec_string ("axes", NULL, NULL, NULL, flags);
  properties[PROP_INCLUSION] = g_param_spec_string ("inclusion", NULL, NULL, NULL, flags);
  properties[PROP_SCORE] = g_param_spec_string ("score", NULL, NULL, NULL, flags);
  properties[PROP_DECISION] = g_param_spec_string ("decision", NULL, NULL, NULL, flags);
  /* The CSS classes of the decision's label: "decision" and its key. */
  properties[PROP_DECISION_CLASSES] = g_param_spec_boxed ("decision-classes", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_priority_item_init (CocreaPriorityItem *self)
{
}
