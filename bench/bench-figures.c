/* bench-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-figures.h"

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The best, median and 95th percentile of @samples (doubles, at least
 * one), which it sorts. */
BenchFigures
bench_figures (GArray *samples)
{
  BenchFigures figures;

  g_assert (samples->len > 0);
  g_array_sort (samples, compare_double);
  figures.best = g_array_index (samples, double, 0);
  figures.median = g_array_index (samples, double, samples->len / 2);
  figures.p95 = g_array_index (samples, double, MIN (samples->len - 1, samples->len * 95 / 100));
  return figures;
}
