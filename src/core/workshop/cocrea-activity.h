/* cocrea-activity.h — a co-creation activity: a workshop, a survey, a meeting
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
 * CocreaActivityFields:
 * What the user edits of an activity. @held_on is a partial date
 * ("2019", "2019-03", "2019-03-26") or NULL; @inclusion holds how many
 * attendees were women, youth, migrants, indigenous people and people
 * with disabilities, in the order of #CocreaInclusion.
 */
typedef struct {
  CocreaActivityKind kind;
  const char *name;
  const char *held_on;
  const char *place;
  int attendance;
  int inclusion[COCREA_N_INCLUSION];
} CocreaActivityFields;

#define COCREA_TYPE_ACTIVITY (cocrea_activity_get_type ())
G_DECLARE_FINAL_TYPE (CocreaActivity, cocrea_activity, COCREA, ACTIVITY, GObject)

gint64              cocrea_activity_get_id              (CocreaActivity *self);
CocreaActivityKind  cocrea_activity_get_kind            (CocreaActivity *self);
const char         *cocrea_activity_get_name            (CocreaActivity *self);
const char         *cocrea_activity_get_held_on         (CocreaActivity *self);
const char         *cocrea_activity_get_place           (CocreaActivity *self);
int                 cocrea_activity_get_attendance      (CocreaActivity *self);
int                 cocrea_activity_get_inclusion       (CocreaActivity *self,
                                                         guint           index);
guint               cocrea_activity_get_n_groups        (CocreaActivity *self);
guint               cocrea_activity_get_n_contributions (CocreaActivity *self);
void                cocrea_activity_get_fields          (CocreaActivity       *self,
                                                         CocreaActivityFields *fields);

GListModel         *cocrea_activity_list                (CocreaDocument *document,
                                                         GError        **error);
CocreaActivity     *cocrea_activity_lookup              (CocreaDocument *document,
                                                         gint64          id,
                                                         GError        **error);
CocreaActivity     *cocrea_activity_current             (CocreaDocument *document,
                                                         GError        **error);
gboolean            cocrea_activity_add                 (CocreaDocument             *document,
                                                         const CocreaActivityFields *fields,
                                                         gint64                     *id,
                                                         CocreaUndo                **undo,
                                                         GError                    **error);
gboolean            cocrea_activity_update              (CocreaDocument             *document,
                                                         gint64                      id,
                                                         const CocreaActivityFields *fields,
                                                         CocreaUndo                **undo,
                                                         GError                    **error);
gboolean            cocrea_activity_delete              (CocreaDocument *document,
                                                         gint64          id,
                                                         CocreaUndo    **undo,
                                                         GError        **error);

G_END_DECLS
