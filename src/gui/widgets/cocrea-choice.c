/* cocrea-choice.c — one row of a dropdown: the record it stands for and its label
 *
 * A dropdown of records (activities, groups, commitments) holds a
 * GListStore of these, shown through the "label" property (the
 * dropdown's expression, or a factory's lookup), so the row chosen
 * carries its id and no array of ids has to be kept beside it in step.
 * An id may stand for no record (0: "No group") or for a choice that is
 * not a record ("All comments"): the page that fills the store says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "cocrea-choice.h"

struct _CocreaChoice
{
  GObject parent_instance;

  gint64 id;
  char *label;
};

G_DEFINE_FINAL_TYPE (CocreaChoice, cocrea_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CocreaChoice *
cocrea_choice_new (gint64 id, const char *label)
{
  return g_object_new (COCREA_TYPE_CHOICE, "id", id, "label", label, NULL);
}

gint64
cocrea_choice_get_id (CocreaChoice *self)
{
  g_return_val_if_fail (COCREA_IS_CHOICE (self), 0);
  return self->id;
}

const char *
cocrea_choice_get_label (CocreaChoice *self)
{
  g_return_val_if_fail (COCREA_IS_CHOICE (self), NULL);
  return self->label;
}

/**
 * cocrea_choice_find:
 * The position of the first choice of @choices (a list of CocreaChoice)
 * standing for @id, or %GTK_INVALID_LIST_POSITION.
 */
guint
cocrea_choice_find (GListModel *choices, gint64 id)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (choices), GTK_INVALID_LIST_POSITION);

  for (guint i = 0, n = g_list_model_get_n_items (choices); i < n; i++)
    {
      g_autoptr (CocreaChoice) choice = g_list_model_get_item (choices, i);

      if (choice->id == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The id of the choice at @position of @choices, or @fallback when there
 * is none there (nothing chosen). */
gint64
cocrea_choice_id_at (GListModel *choices, guint position, gint64 fallback)
{
  g_autoptr (CocreaChoice) choice = NULL;

  g_return_val_if_fail (choices == NULL || G_IS_LIST_MODEL (choices), fallback);

  if (choices == NULL || position == GTK_INVALID_LIST_POSITION)
    return fallback;
  choice = g_list_model_get_item (choices, position);
  return choice != NULL ? choice->id : fallback;
}

static void
cocrea_choice_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaChoice *self = COCREA_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_choice_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  CocreaChoice *self = COCREA_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_choice_finalize (GObject *object)
{
  CocreaChoice *self = COCREA_CHOICE (object);

  g_free (self->label);

  G_OBJECT_CLASS (cocrea_choice_parent_class)->finalize (object);
}

static void
cocrea_choice_class_init (CocreaChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_choice_finalize;
  object_class->get_property = cocrea_choice_get_property;
  object_class->set_property = cocrea_choice_set_property;

  /**
   * CocreaChoice:id:
   * What the choice stands for: a record's id, or a value the page gives
   * a meaning.
   */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /**
   * CocreaChoice:label:
   * What the dropdown shows.
   */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_choice_init (CocreaChoice *self)
{
}
