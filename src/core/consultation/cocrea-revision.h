/* cocrea-revision.h — changes to the plan made in answer to a comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cocrea-document.h"
#include "cocrea-types.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/**
 * CocreaRevision:
 * One change to the plan, with the comment that caused it. Milestone
 * fields have @milestone_position > 0.
 */
typedef struct {
  gint64 id;
  gint64 comment_id;
  char *comment_text;
  char *comment_author;
  CocreaChannel comment_channel;
  char *comment_received_on;
  CocreaResponse comment_response;
  char *comment_reason;
  gint64 commitment_id;
  int commitment_position;
  char *commitment_name;
  gint64 milestone_id;
  int milestone_position;
  char *field;
  char *before;
  char *after;
  char *revised_on;
} CocreaRevision;

gboolean    cocrea_revision_field_is_valid (const char     *field,
                                            gboolean        of_milestone);
const char *cocrea_revision_field_label    (const char     *field);
const char *cocrea_revision_field_msgid    (const char     *field);
const char *const *cocrea_revision_fields  (gboolean        of_milestone);

gboolean    cocrea_revision_apply          (CocreaDocument *document,
                                            gint64          comment_id,
                                            gint64          commitment_id,
                                            gint64          milestone_id,
                                            const char     *field,
                                            const char     *value,
                                            gint64         *id,
                                            CocreaUndo    **undo,
                                            GError        **error);
GPtrArray  *cocrea_revision_list           (CocreaDocument *document,
                                            gint64          comment_id,
                                            GError        **error);
void        cocrea_revision_free           (CocreaRevision *revision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaRevision, cocrea_revision_free)

G_END_DECLS
