/* cocrea-stats.h — how much a process holds, for the overview and `info`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

typedef struct {
  gint64 activities;
  gint64 groups;
  gint64 contributions;
  gint64 proposals;        /* consolidated proposals not merged into another */
  gint64 shortlisted;
  gint64 selected;
  gint64 commitments;
  gint64 milestones;
  gint64 evaluators;
  gint64 scores;
  gint64 comments;
  gint64 attendance;
  gint64 women;
  gint64 youth;
  gint64 migrants;
  gint64 indigenous;
  gint64 disability;
} CocreaStats;

gboolean cocrea_stats_load (CocreaDocument *document,
                            CocreaStats    *stats,
                            GError        **error);

G_END_DECLS
