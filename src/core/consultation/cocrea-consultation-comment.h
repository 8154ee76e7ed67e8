/* cocrea-consultation-comment.h — one comment received in the public consultation
 *
 * A snapshot of a row of consultation_comment, with the number and name
 * of the commitment it is about. Its properties are read-only and never
 * change: after an edit, list the comments again (see
 * cocrea-consultation.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cocrea-types.h"

G_BEGIN_DECLS

/**
 * CocreaCommentFields:
 * What is recorded of a comment as it arrives. @commitment_id is 0 for a
 * comment on the plan as a whole; @author and @received_on may be NULL
 * or "" when not known.
 */
typedef struct {
  gint64 commitment_id;
  CocreaChannel channel;
  const char *author;
  const char *received_on;
  const char *text;
} CocreaCommentFields;

#define COCREA_TYPE_CONSULTATION_COMMENT (cocrea_consultation_comment_get_type ())
G_DECLARE_FINAL_TYPE (CocreaConsultationComment, cocrea_consultation_comment, COCREA,
                      CONSULTATION_COMMENT, GObject)

gint64          cocrea_consultation_comment_get_id                  (CocreaConsultationComment *self);
gint64          cocrea_consultation_comment_get_commitment_id       (CocreaConsultationComment *self);
int             cocrea_consultation_comment_get_commitment_position (CocreaConsultationComment *self);
const char     *cocrea_consultation_comment_get_commitment_name     (CocreaConsultationComment *self);
CocreaChannel   cocrea_consultation_comment_get_channel             (CocreaConsultationComment *self);
const char     *cocrea_consultation_comment_get_author              (CocreaConsultationComment *self);
const char     *cocrea_consultation_comment_get_received_on         (CocreaConsultationComment *self);
const char     *cocrea_consultation_comment_get_text                (CocreaConsultationComment *self);
CocreaResponse  cocrea_consultation_comment_get_response            (CocreaConsultationComment *self);
const char     *cocrea_consultation_comment_get_response_reason     (CocreaConsultationComment *self);
void            cocrea_consultation_comment_get_fields              (CocreaConsultationComment *self,
                                                                     CocreaCommentFields       *fields);

G_END_DECLS
