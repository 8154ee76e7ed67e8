/* bench-follow.h — Merge & tally's models following an edit, as the page does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-contribution-list.h"
#include "cocrea-record-changes.h"
#include "cocrea-tally.h"

G_BEGIN_DECLS

/* What Merge & tally holds, and the time it spent following edits. */
typedef struct {
  CocreaContributionList *list;
  CocreaTally *tally;
  double ms;
} BenchFollow;

void bench_follow_cb (CocreaDocument      *doc,
                      CocreaRecordChanges *changes,
                      BenchFollow         *follow);

G_END_DECLS
