/* bench-follow.c — Merge & tally's models following an edit, as the page does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-follow.h"

/* A "records-changed" handler: the tally and the list follow the edit;
 * the time it took is added to @follow's. */
void
bench_follow_cb (CocreaDocument *doc, CocreaRecordChanges *changes, BenchFollow *follow)
{
  g_autoptr (GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (cocrea_tally_apply (follow->tally, doc, changes, NULL, &error));
  g_assert_true (cocrea_contribution_list_apply (follow->list, doc, changes, &error));
  g_assert_no_error (error);
  follow->ms += (g_get_monotonic_time () - t0) / 1000.0;
}
