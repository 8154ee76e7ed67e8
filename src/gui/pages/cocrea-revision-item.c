/* cocrea-revision-item.c — one change to the plan made in answer to a comment, as a list shows it
 *
 * The texts are made once, when the revisions are read, so binding a row
 * is only reading properties: what changed ("Name of commitment 2"), the
 * text before and after, and the comment that caused it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-revision-item.h"
#include "cocrea-text.h"

struct _CocreaRevisionItem
{
  GObject parent_instance;

  gint64 comment_id;
  char *title;
  char *change;
  char *cause;
};

G_DEFINE_FINAL_TYPE (CocreaRevisionItem, cocrea_revision_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CHANGE,
  PROP_CAUSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * cocrea_revision_item_new:
 * The item of @revision (copied: @revision may be freed).
 */
CocreaRevisionItem *
cocrea_revision_item_new (const CocreaRevision *revision)
{
  CocreaRevisionItem *self;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *said = NULL;
  const char *author;

  g_return_val_if_fail (revision != NULL, NULL);

  self = g_object_new (COCREA_TYPE_REVISION_ITEM, NULL);
  self->comment_id = revision->comment_id;
  self->title = revision->milestone_position > 0
                  /* TRANSLATORS: "Start of milestone 2.3" */
                  ? g_strdup_printf (_("%s of milestone %d.%d"),
                                     cocrea_revision_field_label (revision->field),
                                     revision->commitment_position, revision->milestone_position)
                  /* TRANSLATORS: "Name of commitment 2" */
                  : g_strdup_printf (_("%s of commitment %d"),
                                     cocrea_revision_field_label (revision->field),
                                     revision->commitment_position);
  before = cocrea_text_first_line (revision->before != NULL ? revision->before : "", 80);
  after = cocrea_text_first_line (revision->after != NULL ? revision->after : "", 80);
  /* TRANSLATORS: a change to the plan, "“old text” → “new text”" */
  self->change = g_strdup_printf (_("“%s” → “%s”"), before, after);
  said = cocrea_text_first_line (revision->comment_text != NULL ? revision->comment_text : "", 100);
  author = revision->comment_author;
  self->cause = author != NULL && *author != '\0'
                  /* TRANSLATORS: why the plan changed, "In answer to comment 4, by Ana: “…”" */
                  ? g_strdup_printf (_("In answer to comment %lld, by %s: “%s”"),
                                     (long long) revision->comment_id, author, said)
                  /* TRANSLATORS: why the plan changed, "In answer to comment 4: “…”" */
                  : g_strdup_printf (_("In answer to comment %lld: “%s”"),
                                     (long long) revision->comment_id, said);
  return self;
}

/* The comment the change answers. */
gint64
cocrea_revision_item_get_comment_id (CocreaRevisionItem *self)
{
  g_return_val_if_fail (COCREA_IS_REVISION_ITEM (self), 0);
  return self->comment_id;
}

const char *
cocrea_revision_item_get_title (CocreaRevisionItem *self)
{
  g_return_val_if_fail (COCREA_IS_REVISION_ITEM (self), NULL);
  return self->title;
}

const char *
cocrea_revision_item_get_change (CocreaRevisionItem *self)
{
  g_return_val_if_fail (COCREA_IS_REVISION_ITEM (self), NULL);
  return self->change;
}

const char *
cocrea_revision_item_get_cause (CocreaRevisionItem *self)
{
  g_return_val_if_fail (COCREA_IS_REVISION_ITEM (self), NULL);
  return self->cause;
}

static void
cocrea_revision_item_finalize (GObject *object)
{
  CocreaRevisionItem *self = COCREA_REVISION_ITEM (object);

  g_free (self->title);
  g_free (self->change);
  g_free (self->cause);
  G_OBJECT_CLASS (cocrea_revision_item_parent_class)->finalize (object);
}

static void
cocrea_revision_item_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  CocreaRevisionItem *self = COCREA_REVISION_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CHANGE:
      g_value_set_string (value, self->change);
      break;
    case PROP_CAUSE:
      g_value_set_string (value, self->cause);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_revision_item_class_init (CocreaRevisionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_revision_item_finalize;
  object_class->get_property = cocrea_revision_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CHANGE] = g_param_spec_string ("change", NULL, NULL, NULL, flags);
  properties[PROP_CAUSE] = g_param_spec_string ("cause", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_revision_item_init (CocreaRevisionItem *self)
{
}
