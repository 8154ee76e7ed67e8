/* cocrea-ids.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-ids.h"

/* Orders two gint64 (a GCompareFunc for g_array_sort() and qsort()). */
int
cocrea_ids_compare (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The position of the first of the ascending @ids that is not below @id
 * (@n_ids when every one is). */
guint
cocrea_ids_lower_bound (const gint64 *ids, guint n_ids, gint64 id)
{
  guint lo = 0, hi = n_ids;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The position of @id among the ascending @ids, or G_MAXUINT. */
guint
cocrea_ids_find (const gint64 *ids, guint n_ids, gint64 id)
{
  guint at = cocrea_ids_lower_bound (ids, n_ids, id);

  return at < n_ids && ids[at] == id ? at : G_MAXUINT;
}
