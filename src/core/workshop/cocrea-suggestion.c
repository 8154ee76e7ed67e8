/* cocrea-suggestion.c
 *
 * A plain value object, so the GUI can show suggestions in a GtkListView
 * and bind its rows to the properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-suggestion.h"

struct _CocreaSuggestion {
  GObject parent_instance;

  CocreaSuggestionKind kind;
  gint64 id;
  gint64 proposal_id;
  char *text;
  double score;
};

G_DEFINE_FINAL_TYPE (CocreaSuggestion, cocrea_suggestion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TEXT,
  PROP_PROPOSAL_ID,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_suggestion_finalize (GObject *object)
{
  CocreaSuggestion *self = COCREA_SUGGESTION (object);

  g_free (self->text);

  G_OBJECT_CLASS (cocrea_suggestion_parent_class)->finalize (object);
}

static void
cocrea_suggestion_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  CocreaSuggestion *self = COCREA_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, cocrea_suggestion_get_kind_key (self));
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PROPOSAL_ID:
      g_value_set_int64 (value, self->proposal_id);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_suggestion_class_init (CocreaSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_suggestion_finalize;
  object_class->get_property = cocrea_suggestion_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_PROPOSAL_ID] =
    g_param_spec_int64 ("proposal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_suggestion_init (CocreaSuggestion *self)
{
}

/*
 * cocrea_suggestion_new:
 * A suggestion of @kind for the record @id, shown as @text (a proposal's
 * title, a contribution's text). @proposal_id is the proposal a
 * contribution is merged into (0 if none; for a proposal, its own id), so
 * "merge into the suggestion" has a target either way. Higher @score is
 * more similar.
 */
CocreaSuggestion *
cocrea_suggestion_new (CocreaSuggestionKind kind, gint64 id, const char *text,
                       gint64 proposal_id, double score)
{
  CocreaSuggestion *self = g_object_new (COCREA_TYPE_SUGGESTION, NULL);

  self->kind = kind;
  self->id = id;
  self->text = g_strdup (text != NULL ? text : "");
  self->proposal_id = proposal_id;
  self->score = score;
  return self;
}

CocreaSuggestionKind
cocrea_suggestion_get_kind (CocreaSuggestion *self)
{
  g_return_val_if_fail (COCREA_IS_SUGGESTION (self), COCREA_SUGGESTION_PROPOSAL);
  return self->kind;
}

/* "proposal" or "contribution": what the command line and JSON print. */
const char *
cocrea_suggestion_get_kind_key (CocreaSuggestion *self)
{
  g_return_val_if_fail (COCREA_IS_SUGGESTION (self), NULL);
  return self->kind == COCREA_SUGGESTION_PROPOSAL ? "proposal" : "contribution";
}

gint64
cocrea_suggestion_get_id (CocreaSuggestion *self)
{
  g_return_val_if_fail (COCREA_IS_SUGGESTION (self), 0);
  return self->id;
}

const char *
cocrea_suggestion_get_text (CocreaSuggestion *self)
{
  g_return_val_if_fail (COCREA_IS_SUGGESTION (self), NULL);
  return self->text;
}

gint64
cocrea_suggestion_get_proposal_id (CocreaSuggestion *self)
{
  g_return_val_if_fail (COCREA_IS_SUGGESTION (self), 0);
  return self->proposal_id;
}

double
cocrea_suggestion_get_score (CocreaSuggestion *self)
{
  g_return_val_if_fail (COCREA_IS_SUGGESTION (self), 0);
  return self->score;
}
