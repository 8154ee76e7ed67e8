/* cocrea-milestone.h — an activity or deliverable of a commitment
 *
 * Milestones are numbered in their commitment's order (1..n). Each has a
 * start and an end given as a month-year ("2019-09") or a full date, or
 * left open; the rules are cocrea_plan_dates_validate()'s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

#define COCREA_TYPE_MILESTONE (cocrea_milestone_get_type ())
G_DECLARE_FINAL_TYPE (CocreaMilestone, cocrea_milestone, COCREA, MILESTONE, GObject)

gint64      cocrea_milestone_get_id            (CocreaMilestone *self);
gint64      cocrea_milestone_get_commitment_id (CocreaMilestone *self);
int         cocrea_milestone_get_position      (CocreaMilestone *self);
const char *cocrea_milestone_get_deliverable   (CocreaMilestone *self);
const char *cocrea_milestone_get_starts_on     (CocreaMilestone *self);
const char *cocrea_milestone_get_ends_on       (CocreaMilestone *self);

GListModel *cocrea_milestone_list   (CocreaDocument *document,
                                     gint64          commitment_id,
                                     GError        **error);
gboolean    cocrea_milestone_add    (CocreaDocument *document,
                                     gint64          commitment_id,
                                     const char     *deliverable,
                                     const char     *starts_on,
                                     const char     *ends_on,
                                     gint64         *id,
                                     GError        **error);
gboolean    cocrea_milestone_update (CocreaDocument *document,
                                     gint64          id,
                                     const char     *deliverable,
                                     const char     *starts_on,
                                     const char     *ends_on,
                                     GError        **error);
gboolean    cocrea_milestone_move   (CocreaDocument *document,
                                     gint64          id,
                                     int             new_position,
                                     GError        **error);
gboolean    cocrea_milestone_delete (CocreaDocument *document,
                                     gint64          id,
                                     CocreaUndo    **undo,
                                     GError        **error);

G_END_DECLS
