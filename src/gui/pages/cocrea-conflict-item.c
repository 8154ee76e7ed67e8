/* cocrea-conflict-item.c — one score two files disagree on, and which one to keep
 *
 * A row of the Merge Scores dialog: who scored what, both values with
 * their notes, and the choice made so far (ours unless the user takes
 * theirs). The dialog copies the choices into the merge plan when the
 * user merges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-conflict-item.h"

struct _CocreaConflictItem
{
  GObject parent_instance;

  char *text;
  char *choice_name; /* what a screen reader calls the choice */
  gboolean take_theirs;
};

G_DEFINE_FINAL_TYPE (CocreaConflictItem, cocrea_conflict_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_TAKE_THEIRS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CocreaConflictItem *
cocrea_conflict_item_new (const CocreaScoreChange *change)
{
  CocreaConflictItem *self = g_object_new (COCREA_TYPE_CONFLICT_ITEM, NULL);

  /* TRANSLATORS: a merge conflict: evaluator, proposal, criterion, our value and note, their value and note */
  self->text = g_strdup_printf (_("%s · %s · %s\nOurs: %d %s\nTheirs: %d %s"), change->evaluator,
                                change->proposal_title, change->criterion, change->our_value,
                                change->our_note != NULL ? change->our_note : "",
                                change->their_value,
                                change->their_note != NULL ? change->their_note : "");
  /* TRANSLATORS: accessible name of a conflict's choice: "Choice for Ana, Open data portal, budget" */
  self->choice_name = g_strdup_printf (_("Choice for %s, %s, %s"), change->evaluator,
                                       change->proposal_title, change->criterion);
  self->take_theirs = change->resolution == COCREA_MERGE_TAKE_THEIRS;
  return self;
}

const char *
cocrea_conflict_item_get_choice_name (CocreaConflictItem *self)
{
  g_return_val_if_fail (COCREA_IS_CONFLICT_ITEM (self), NULL);
  return self->choice_name;
}

gboolean
cocrea_conflict_item_get_take_theirs (CocreaConflictItem *self)
{
  g_return_val_if_fail (COCREA_IS_CONFLICT_ITEM (self), FALSE);
  return self->take_theirs;
}

void
cocrea_conflict_item_set_take_theirs (CocreaConflictItem *self, gboolean take_theirs)
{
  g_return_if_fail (COCREA_IS_CONFLICT_ITEM (self));

  take_theirs = !!take_theirs;
  if (self->take_theirs == take_theirs)
    return;
  self->take_theirs = take_theirs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAKE_THEIRS]);
}

static void
cocrea_conflict_item_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  CocreaConflictItem *self = COCREA_CONFLICT_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TAKE_THEIRS:
      g_value_set_boolean (value, self->take_theirs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_conflict_item_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TAKE_THEIRS:
      cocrea_conflict_item_set_take_theirs (COCREA_CONFLICT_ITEM (object),
                                            g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_conflict_item_finalize (GObject *object)
{
  CocreaConflictItem *self = COCREA_CONFLICT_ITEM (object);

  g_free (self->text);
  g_free (self->choice_name);

  G_OBJECT_CLASS (cocrea_conflict_item_parent_class)->finalize (object);
}

static void
cocrea_conflict_item_class_init (CocreaConflictItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_conflict_item_finalize;
  object_class->get_property = cocrea_conflict_item_get_property;
  object_class->set_property = cocrea_conflict_item_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAKE_THEIRS] =
    g_param_spec_boolean ("take-theirs", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_conflict_item_init (CocreaConflictItem *self)
{
}
