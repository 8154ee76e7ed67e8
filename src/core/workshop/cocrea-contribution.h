/* cocrea-contribution.h — one proposal as a group or a person said it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-types.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/**
 * CocreaContributionFields:
 * What the user types of a contribution. @group_id is 0 for none; @area
 * may be NULL; @axes is a set of #CocreaAxes.
 */
typedef struct {
  gint64 activity_id;
  gint64 group_id;
  CocreaOrigin origin;
  const char *text;
  const char *area;
  guint axes;
} CocreaContributionFields;

#define COCREA_TYPE_CONTRIBUTION (cocrea_contribution_get_type ())
G_DECLARE_FINAL_TYPE (CocreaContribution, cocrea_contribution, COCREA, CONTRIBUTION, GObject)

gint64        cocrea_contribution_get_id            (CocreaContribution *self);
gint64        cocrea_contribution_get_activity_id   (CocreaContribution *self);
const char   *cocrea_contribution_get_activity_name (CocreaContribution *self);
gint64        cocrea_contribution_get_group_id      (CocreaContribution *self);
const char   *cocrea_contribution_get_group_name    (CocreaContribution *self);
CocreaOrigin  cocrea_contribution_get_origin        (CocreaContribution *self);
const char   *cocrea_contribution_get_text          (CocreaContribution *self);
const char   *cocrea_contribution_get_area          (CocreaContribution *self);
guint         cocrea_contribution_get_axes          (CocreaContribution *self);
gint64        cocrea_contribution_get_proposal_id   (CocreaContribution *self);
void          cocrea_contribution_get_fields        (CocreaContribution       *self,
                                                     CocreaContributionFields *fields);

char        **cocrea_contribution_filter_words      (const char         *typed);
gboolean      cocrea_contribution_matches           (CocreaContribution *self,
                                                     const char * const *words);

CocreaContribution *cocrea_contribution_lookup      (CocreaDocument *document,
                                                     gint64          id,
                                                     GError        **error);
gboolean      cocrea_contribution_add               (CocreaDocument                 *document,
                                                     const CocreaContributionFields *fields,
                                                     gint64                         *id,
                                                     CocreaUndo                    **undo,
                                                     GError                        **error);
gboolean      cocrea_contribution_update            (CocreaDocument                 *document,
                                                     gint64                          id,
                                                     const CocreaContributionFields *fields,
                                                     CocreaUndo                    **undo,
                                                     GError                        **error);
gboolean      cocrea_contribution_delete            (CocreaDocument *document,
                                                     gint64          id,
                                                     CocreaUndo    **undo,
                                                     GError        **error);

G_END_DECLS
