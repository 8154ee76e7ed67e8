/* cocrea-ids.h — sorted arrays of record ids
 *
 * Records are known by gint64 ids; sets of them (what an edit changed, a
 * merge chain, the proposals of a tally) are kept as ascending arrays and
 * searched by halving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   cocrea_ids_compare     (gconstpointer a,
                              gconstpointer b);
guint cocrea_ids_lower_bound (const gint64 *ids,
                              guint         n_ids,
                              gint64        id);
guint cocrea_ids_find        (const gint64 *ids,
                              guint         n_ids,
                              gint64        id);

G_END_DECLS
