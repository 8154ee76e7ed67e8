/* cocrea-contribution-view.h — a contribution list as a view filters it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-contribution-list.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CONTRIBUTION_VIEW (cocrea_contribution_view_get_type ())
G_DECLARE_FINAL_TYPE (CocreaContributionView, cocrea_contribution_view, COCREA,
                      CONTRIBUTION_VIEW, GObject)

CocreaContributionView *cocrea_contribution_view_new          (void);
void                    cocrea_contribution_view_set_list     (CocreaContributionView *self,
                                                               CocreaContributionList *list);
CocreaContributionList *cocrea_contribution_view_get_list     (CocreaContributionView *self);
void                    cocrea_contribution_view_set_search   (CocreaContributionView *self,
                                                               const char             *text);
const char             *cocrea_contribution_view_get_search   (CocreaContributionView *self);
guint                   cocrea_contribution_view_get_n_total  (CocreaContributionView *self);
gint64                  cocrea_contribution_view_get_id       (CocreaContributionView *self,
                                                               guint                   position);
guint                   cocrea_contribution_view_find         (CocreaContributionView *self,
                                                               gint64                  id);

G_END_DECLS
