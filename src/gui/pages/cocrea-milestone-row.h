/* cocrea-milestone-row.h — one milestone of a commitment, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-milestone-progress.h"
#include "cocrea-milestone.h"

G_BEGIN_DECLS

#define COCREA_TYPE_MILESTONE_ROW (cocrea_milestone_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaMilestoneRow, cocrea_milestone_row, COCREA, MILESTONE_ROW,
                      GtkListBoxRow)

GtkWidget       *cocrea_milestone_row_new           (CocreaMilestone            *milestone,
                                                     gboolean                    first,
                                                     gboolean                    last);
CocreaMilestone *cocrea_milestone_row_get_milestone (CocreaMilestoneRow         *self);
void             cocrea_milestone_row_set_stored    (CocreaMilestoneRow         *self,
                                                     CocreaMilestone            *stored);
void             cocrea_milestone_row_get_typed     (CocreaMilestoneRow         *self,
                                                     const char                **deliverable,
                                                     const char                **starts_on,
                                                     const char                **ends_on);
void             cocrea_milestone_row_show_message  (CocreaMilestoneRow         *self,
                                                     const char                 *message);
void             cocrea_milestone_row_show_progress (CocreaMilestoneRow         *self,
                                                     const CocreaMilestoneState *state);
void             cocrea_milestone_row_flush         (CocreaMilestoneRow         *self);

G_END_DECLS
