/* cocrea-history-item.c — one entry of the history, as a list shows it
 *
 * The texts are made once, when the history is read, so that binding a
 * row is only reading properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-history-item.h"

struct _CocreaHistoryItem
{
  GObject parent_instance;

  CocreaHistoryKind kind;
  char *when;
  char *author;
  char *description;
};

G_DEFINE_FINAL_TYPE (CocreaHistoryItem, cocrea_history_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WHEN,
  PROP_AUTHOR,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_history_item_finalize (GObject *object)
{
  CocreaHistoryItem *self = COCREA_HISTORY_ITEM (object);

  g_free (self->when);
  g_free (self->author);
  g_free (self->description);
  G_OBJECT_CLASS (cocrea_history_item_parent_class)->finalize (object);
}

static void
cocrea_history_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaHistoryItem *self = COCREA_HISTORY_ITEM (object);

  switch (prop_id)
    {
    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_history_item_class_init (CocreaHistoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_history_item_finalize;
  object_class->get_property = cocrea_history_item_get_property;

  properties[PROP_WHEN] = g_param_spec_string ("when", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_history_item_init (CocreaHistoryItem *self)
{
}

CocreaHistoryItem *
cocrea_history_item_new (const CocreaHistoryEntry *entry)
{
  CocreaHistoryItem *self = g_object_new (COCREA_TYPE_HISTORY_ITEM, NULL);

  self->kind = cocrea_history_entry_kind (entry);
  self->when = cocrea_history_entry_when (entry);
  /* Entries of files from before Cocrea kept the author. */
  self->author = g_strdup (entry->author != NULL ? entry->author : _("Unknown"));
  self->description = cocrea_history_entry_describe (entry);
  return self;
}

CocreaHistoryKind
cocrea_history_item_get_kind (CocreaHistoryItem *self)
{
  g_return_val_if_fail (COCREA_IS_HISTORY_ITEM (self), COCREA_HISTORY_OTHER);
  return self->kind;
}

const char *
cocrea_history_item_get_when (CocreaHistoryItem *self)
{
  g_return_val_if_fail (COCREA_IS_HISTORY_ITEM (self), NULL);
  return self->when;
}

const char *
cocrea_history_item_get_author (CocreaHistoryItem *self)
{
  g_return_val_if_fail (COCREA_IS_HISTORY_ITEM (self), NULL);
  return self->author;
}

const char *
cocrea_history_item_get_description (CocreaHistoryItem *self)
{
  g_return_val_if_fail (COCREA_IS_HISTORY_ITEM (self), NULL);
  return self->description;
}
