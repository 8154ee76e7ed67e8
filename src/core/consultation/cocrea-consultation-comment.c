/* cocrea-consultation-comment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-consultation-comment.h"
#include "cocrea-consultation-comment-private.h"
#include "cocrea-text.h"

struct _CocreaConsultationComment {
  GObject parent_instance;

  gint64 id;
  gint64 commitment_id;    /* 0 for a comment on the plan as a whole */
  int commitment_position; /* 0 likewise */
  char *commitment_name;   /* NULL likewise */
  CocreaChannel channel;
  char *author;            /* never NULL, "" when anonymous */
  char *received_on;       /* NULL when unknown */
  char *text;
  CocreaResponse response;
  char *response_reason;   /* never NULL */
};

G_DEFINE_FINAL_TYPE (CocreaConsultationComment, cocrea_consultation_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_COMMITMENT_ID,
  PROP_COMMITMENT_POSITION,
  PROP_COMMITMENT_NAME,
  PROP_CHANNEL,
  PROP_CHANNEL_LABEL,
  PROP_AUTHOR,
  PROP_RECEIVED_ON,
  PROP_TEXT,
  PROP_RESPONSE,
  PROP_RESPONSE_LABEL,
  PROP_RESPONSE_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_consultation_comment_finalize (GObject *object)
{
  CocreaConsultationComment *self = COCREA_CONSULTATION_COMMENT (object);

  g_free (self->commitment_name);
  g_free (self->author);
  g_free (self->received_on);
  g_free (self->text);
  g_free (self->response_reason);

  G_OBJECT_CLASS (cocrea_consultation_comment_parent_class)->finalize (object);
}

static void
cocrea_consultation_comment_get_property (GObject *object, guint prop_id, GValue *value,
                                          GParamSpec *pspec)
{
  CocreaConsultationComment *self = COCREA_CONSULTATION_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_COMMITMENT_ID:
      g_value_set_int64 (value, self->commitment_id);
      break;
    case PROP_COMMITMENT_POSITION:
      g_value_set_int (value, self->commitment_position);
      break;
    case PROP_COMMITMENT_NAME:
      g_value_set_string (value, self->commitment_name);
      break;
    case PROP_CHANNEL:
      g_value_set_uint (value, self->channel);
      break;
    case PROP_CHANNEL_LABEL:
      g_value_set_string (value, cocrea_channel_label (self->channel));
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_RECEIVED_ON:
      g_value_set_string (value, self->received_on);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RESPONSE:
      g_value_set_uint (value, self->response);
      break;
    case PROP_RESPONSE_LABEL:
      g_value_set_string (value, cocrea_response_label (self->response));
      break;
    case PROP_RESPONSE_REASON:
      g_value_set_string (value, self->response_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_consultation_comment_class_init (CocreaConsultationCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_consultation_comment_finalize;
  object_class->get_property = cocrea_consultation_comment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_COMMITMENT_ID] =
    g_param_spec_int64 ("commitment-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_COMMITMENT_POSITION] =
    g_param_spec_int ("commitment-position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_COMMITMENT_NAME] =
    g_param_spec_string ("commitment-name", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL] =
    g_param_spec_uint ("channel", NULL, NULL, 0, COCREA_N_CHANNELS - 1, 0, flags);
  properties[PROP_CHANNEL_LABEL] = g_param_spec_string ("channel-label", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_ON] = g_param_spec_string ("received-on", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSE] =
    g_param_spec_uint ("response", NULL, NULL, 0, COCREA_N_RESPONSES - 1, 0, flags);
  properties[PROP_RESPONSE_LABEL] = g_param_spec_string ("response-label", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSE_REASON] =
    g_param_spec_string ("response-reason", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_consultation_comment_init (CocreaConsultationComment *self)
{
  (void) self;
}

/*
 * cocrea_consultation_comment_new_from_row:
 * A comment holding the current row of a statement of
 * COCREA_CONSULTATION_COMMENT_QUERY. A channel or response the CHECK
 * constraints would refuse (a hand-edited file) reads as online and
 * pending, and text that is not UTF-8 is repaired, so a page never shows
 * garbage.
 */
CocreaConsultationComment *
cocrea_consultation_comment_new_from_row (sqlite3_stmt *stmt)
{
  CocreaConsultationComment *self = g_object_new (COCREA_TYPE_CONSULTATION_COMMENT, NULL);
  const char *author = (const char *) sqlite3_column_text (stmt, 5);
  const char *text = (const char *) sqlite3_column_text (stmt, 7);
  const char *reason = (const char *) sqlite3_column_text (stmt, 9);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->commitment_id = sqlite3_column_int64 (stmt, 1);
  self->commitment_position = sqlite3_column_int (stmt, 2);
  self->commitment_name = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 3));
  if (!cocrea_channel_from_text ((const char *) sqlite3_column_text (stmt, 4), &self->channel))
    self->channel = COCREA_CHANNEL_ONLINE;
  self->author = cocrea_text_dup_valid (author != NULL ? author : "");
  self->received_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 6));
  self->text = cocrea_text_dup_valid (text != NULL ? text : "");
  if (!cocrea_response_from_text ((const char *) sqlite3_column_text (stmt, 8), &self->response))
    self->response = COCREA_RESPONSE_PENDING;
  self->response_reason = cocrea_text_dup_valid (reason != NULL ? reason : "");
  return self;
}

gint64
cocrea_consultation_comment_get_id (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), 0);
  return self->id;
}

/* The commitment the comment is about, or 0 for the plan as a whole (or
 * a commitment deleted since). */
gint64
cocrea_consultation_comment_get_commitment_id (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), 0);
  return self->commitment_id;
}

/* That commitment's number in the plan, or 0. */
int
cocrea_consultation_comment_get_commitment_position (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), 0);
  return self->commitment_position;
}

/* That commitment's name, or NULL. */
const char *
cocrea_consultation_comment_get_commitment_name (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), NULL);
  return self->commitment_name;
}

CocreaChannel
cocrea_consultation_comment_get_channel (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), COCREA_CHANNEL_ONLINE);
  return self->channel;
}

/* Who made the comment, "" when not recorded. */
const char *
cocrea_consultation_comment_get_author (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), NULL);
  return self->author;
}

/* The day it was received ("2019-11-04"), or NULL when unknown. */
const char *
cocrea_consultation_comment_get_received_on (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), NULL);
  return self->received_on;
}

const char *
cocrea_consultation_comment_get_text (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), NULL);
  return self->text;
}

CocreaResponse
cocrea_consultation_comment_get_response (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), COCREA_RESPONSE_PENDING);
  return self->response;
}

/* Why it was answered so, "" when no reason is recorded. */
const char *
cocrea_consultation_comment_get_response_reason (CocreaConsultationComment *self)
{
  g_return_val_if_fail (COCREA_IS_CONSULTATION_COMMENT (self), NULL);
  return self->response_reason;
}

/* Fills @fields from the comment, to prefill an edit. The strings belong to @self. */
void
cocrea_consultation_comment_get_fields (CocreaConsultationComment *self, CocreaCommentFields *fields)
{
  g_return_if_fail (COCREA_IS_CONSULTATION_COMMENT (self));
  g_return_if_fail (fields != NULL);

  fields->commitment_id = self->commitment_id;
  fields->channel = self->channel;
  fields->author = self->author;
  fields->received_on = self->received_on;
  fields->text = self->text;
}
