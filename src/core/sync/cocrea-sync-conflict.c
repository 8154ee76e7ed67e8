/* cocrea-sync-conflict.c
 *
 * A conflict holds both versions as one line each, already written for
 * people, and the decision taken on it. "ours" or "theirs" is NULL when
 * that side has deleted the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-sync-conflict.h"

struct _CocreaSyncConflict {
  GObject parent_instance;

  CocreaSyncKind kind;
  CocreaSyncConflictReason reason;
  char *title;
  char *ours;
  char *theirs;
  gboolean can_take_theirs;
  CocreaSyncResolution resolution;
};

G_DEFINE_FINAL_TYPE (CocreaSyncConflict, cocrea_sync_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_OURS,
  PROP_THEIRS,
  PROP_RESOLUTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const kind_keys[COCREA_SYNC_N_KINDS] = {
  "activities", "groups", "contributions", "proposals", "links", "scores", "comments",
  "progress",
};

/* The key of @kind in JSON output: "contributions", "links"… */
const char *
cocrea_sync_kind_to_key (CocreaSyncKind kind)
{
  g_return_val_if_fail (kind < COCREA_SYNC_N_KINDS, NULL);
  return kind_keys[kind];
}

/* The key of @change in JSON output: "new", "changed", "deleted". */
const char *
cocrea_sync_change_to_key (CocreaSyncChange change)
{
  static const char *const keys[COCREA_SYNC_N_CHANGES] = { "new", "changed", "deleted" };
  g_return_val_if_fail (change < COCREA_SYNC_N_CHANGES, NULL);
  return keys[change];
}

/* "3 contributions", "1 merge link": @n rows of @kind, for people. */
char *
cocrea_sync_kind_count (CocreaSyncKind kind, guint n)
{
  switch (kind)
    {
    case COCREA_SYNC_ACTIVITIES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", n), n);
    case COCREA_SYNC_GROUPS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", n), n);
    case COCREA_SYNC_CONTRIBUTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contribution", "%u contributions", n), n);
    case COCREA_SYNC_PROPOSALS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u proposal", "%u proposals", n), n);
    case COCREA_SYNC_LINKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u merge link", "%u merge links", n), n);
    case COCREA_SYNC_SCORES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u score", "%u scores", n), n);
    case COCREA_SYNC_COMMENTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", n), n);
    case COCREA_SYNC_PROGRESS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u progress record", "%u progress records", n), n);
    case COCREA_SYNC_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
cocrea_sync_conflict_finalize (GObject *object)
{
  CocreaSyncConflict *self = COCREA_SYNC_CONFLICT (object);

  g_free (self->title);
  g_free (self->ours);
  g_free (self->theirs);
  G_OBJECT_CLASS (cocrea_sync_conflict_parent_class)->finalize (object);
}

static void
cocrea_sync_conflict_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  CocreaSyncConflict *self = COCREA_SYNC_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, cocrea_sync_conflict_get_explanation (self));
      break;
    case PROP_OURS:
      g_value_set_string (value, self->ours);
      break;
    case PROP_THEIRS:
      g_value_set_string (value, self->theirs);
      break;
    case PROP_RESOLUTION:
      g_value_set_int (value, self->resolution);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_sync_conflict_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  CocreaSyncConflict *self = COCREA_SYNC_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_RESOLUTION:
      cocrea_sync_conflict_set_resolution (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_sync_conflict_class_init (CocreaSyncConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_sync_conflict_finalize;
  object_class->get_property = cocrea_sync_conflict_get_property;
  object_class->set_property = cocrea_sync_conflict_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OURS] = g_param_spec_string ("ours", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEIRS] = g_param_spec_string ("theirs", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLUTION] =
    g_param_spec_int ("resolution", NULL, NULL, COCREA_SYNC_UNRESOLVED, COCREA_SYNC_TAKE_THEIRS,
                      COCREA_SYNC_UNRESOLVED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_sync_conflict_init (CocreaSyncConflict *self)
{
}

/*
 * cocrea_sync_conflict_new:
 * A conflict on a row of @kind, unresolved. @title names the row for
 * people; @ours and @theirs are each side's version as one line, NULL
 * where that side deleted it. When @can_take_theirs is FALSE the copy's
 * version cannot be applied (it would make a loop): only keeping ours is
 * offered.
 */
CocreaSyncConflict *
cocrea_sync_conflict_new (CocreaSyncKind kind, CocreaSyncConflictReason reason, const char *title,
                          const char *ours, const char *theirs, gboolean can_take_theirs)
{
  CocreaSyncConflict *self = g_object_new (COCREA_TYPE_SYNC_CONFLICT, NULL);

  self->kind = kind;
  self->reason = reason;
  self->title = g_strdup (title);
  self->ours = g_strdup (ours);
  self->theirs = g_strdup (theirs);
  self->can_take_theirs = can_take_theirs;
  return self;
}

CocreaSyncKind
cocrea_sync_conflict_get_kind (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), 0);
  return self->kind;
}

CocreaSyncConflictReason
cocrea_sync_conflict_get_reason (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), 0);
  return self->reason;
}

/* The reason as a stable key for JSON output: "both-changed"… */
const char *
cocrea_sync_conflict_get_reason_key (CocreaSyncConflict *self)
{
  static const char *const keys[] = {
    [COCREA_SYNC_BOTH_CHANGED] = "both-changed",
    [COCREA_SYNC_DELETED_THERE] = "deleted-there",
    [COCREA_SYNC_DELETED_HERE] = "deleted-here",
    [COCREA_SYNC_IN_USE_HERE] = "in-use-here",
    [COCREA_SYNC_NEEDED_THERE] = "needed-there",
    [COCREA_SYNC_DIFFERENT] = "different",
    [COCREA_SYNC_LOOP] = "loop",
  };
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), NULL);
  return keys[self->reason];
}

/* Why this is a conflict, for people: "changed here and in the copy". */
const char *
cocrea_sync_conflict_get_explanation (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), NULL);

  switch (self->reason)
    {
    case COCREA_SYNC_BOTH_CHANGED:
      return _("changed here and in the copy");
    case COCREA_SYNC_DELETED_THERE:
      return _("deleted in the copy, changed or merged here");
    case COCREA_SYNC_DELETED_HERE:
      return _("changed in the copy, deleted here");
    case COCREA_SYNC_IN_USE_HERE:
      return _("deleted in the copy, still in use here");
    case COCREA_SYNC_NEEDED_THERE:
      return _("deleted here, still in use in the copy");
    case COCREA_SYNC_DIFFERENT:
      return _("different here and in the copy, which does not say what it started from");
    case COCREA_SYNC_LOOP:
      return _("merging it as the copy did would merge a proposal into itself");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cocrea_sync_conflict_get_title (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), NULL);
  return self->title;
}

/* This file's version as one line, or NULL when it is deleted here. */
const char *
cocrea_sync_conflict_get_ours (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), NULL);
  return self->ours;
}

/* The copy's version as one line, or NULL when the copy deleted it. */
const char *
cocrea_sync_conflict_get_theirs (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), NULL);
  return self->theirs;
}

gboolean
cocrea_sync_conflict_can_take_theirs (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), FALSE);
  return self->can_take_theirs;
}

CocreaSyncResolution
cocrea_sync_conflict_get_resolution (CocreaSyncConflict *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_CONFLICT (self), COCREA_SYNC_UNRESOLVED);
  return self->resolution;
}

/* Decides the conflict; taking theirs is ignored where it is not offered. */
void
cocrea_sync_conflict_set_resolution (CocreaSyncConflict *self, CocreaSyncResolution resolution)
{
  g_return_if_fail (COCREA_IS_SYNC_CONFLICT (self));

  if (resolution == COCREA_SYNC_TAKE_THEIRS && !self->can_take_theirs)
    return;
  if (self->resolution == resolution)
    return;
  self->resolution = resolution;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}
