/* cocrea-recent-item.c — one recent process, as the start page lists it
 *
 * The file is read once, read-only, when the item is made: the start page
 * lists at most ten, so this stays quick and never takes a file's lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-document.h"
#include "cocrea-recent-item.h"

struct _CocreaRecentItem
{
  GObject parent_instance;

  char *path;
  char *title;
  char *municipality;
  char *last_change;
  char *reason; /* why the file cannot be opened, NULL when it can */
};

G_DEFINE_FINAL_TYPE (CocreaRecentItem, cocrea_recent_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  PROP_MUNICIPALITY,
  PROP_LAST_CHANGE,
  PROP_AVAILABLE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * cocrea_format_last_change:
 * Turns a stored UTC timestamp ("2019-10-26T15:04:00Z") into a local
 * date for people. Unparsable text comes back as it is.
 */
char *
cocrea_format_last_change (const char *timestamp)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return g_strdup (_("never"));

  when = g_date_time_new_from_iso8601 (timestamp, utc);
  if (when == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (when);
  /* TRANSLATORS: date and time of the last change, see g_date_time_format() */
  return g_date_time_format (local, _("%e %b %Y, %H:%M"));
}

static void
load (CocreaRecentItem *self)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      self->reason = g_strdup (_("The file is no longer there"));
      return;
    }

  document = cocrea_document_open (self->path, COCREA_OPEN_READ_ONLY, &error);
  if (document != NULL)
    info = cocrea_document_get_process (document, &error);
  if (info == NULL)
    {
      self->reason = g_strdup (error->message);
      return;
    }

  self->title = g_strdup (info->title);
  self->municipality = g_strdup (info->municipality);
  self->last_change = cocrea_format_last_change (info->modified_at);
}

static void
cocrea_recent_item_finalize (GObject *object)
{
  CocreaRecentItem *self = COCREA_RECENT_ITEM (object);

  g_free (self->path);
  g_free (self->title);
  g_free (self->municipality);
  g_free (self->last_change);
  g_free (self->reason);

  G_OBJECT_CLASS (cocrea_recent_item_parent_class)->finalize (object);
}

static void
cocrea_recent_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaRecentItem *self = COCREA_RECENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, cocrea_recent_item_get_title (self));
      break;
    case PROP_MUNICIPALITY:
      g_value_set_string (value, self->municipality);
      break;
    case PROP_LAST_CHANGE:
      g_value_set_string (value, self->last_change);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->reason == NULL);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_recent_item_class_init (CocreaRecentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_recent_item_finalize;
  object_class->get_property = cocrea_recent_item_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MUNICIPALITY] =
    g_param_spec_string ("municipality", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_CHANGE] =
    g_param_spec_string ("last-change", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_recent_item_init (CocreaRecentItem *self)
{
}

/**
 * cocrea_recent_item_new:
 * Reads the process at @path (read-only). A file that is gone or refused
 * still makes an item, unavailable, with the reason.
 */
CocreaRecentItem *
cocrea_recent_item_new (const char *path)
{
  CocreaRecentItem *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (COCREA_TYPE_RECENT_ITEM, NULL);
  self->path = g_strdup (path);
  load (self);

  return self;
}

const char *
cocrea_recent_item_get_path (CocreaRecentItem *self)
{
  g_return_val_if_fail (COCREA_IS_RECENT_ITEM (self), NULL);
  return self->path;
}

/* The process title, or the file name when the file cannot be read. */
const char *
cocrea_recent_item_get_title (CocreaRecentItem *self)
{
  g_return_val_if_fail (COCREA_IS_RECENT_ITEM (self), NULL);

  if (self->title == NULL)
    self->title = g_filename_display_basename (self->path);

  return self->title;
}

const char *
cocrea_recent_item_get_municipality (CocreaRecentItem *self)
{
  g_return_val_if_fail (COCREA_IS_RECENT_ITEM (self), NULL);
  return self->municipality;
}

const char *
cocrea_recent_item_get_last_change (CocreaRecentItem *self)
{
  g_return_val_if_fail (COCREA_IS_RECENT_ITEM (self), NULL);
  return self->last_change;
}

gboolean
cocrea_recent_item_get_available (CocreaRecentItem *self)
{
  g_return_val_if_fail (COCREA_IS_RECENT_ITEM (self), FALSE);
  return self->reason == NULL;
}

const char *
cocrea_recent_item_get_reason (CocreaRecentItem *self)
{
  g_return_val_if_fail (COCREA_IS_RECENT_ITEM (self), NULL);
  return self->reason;
}
