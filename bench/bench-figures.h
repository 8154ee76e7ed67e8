/* bench-figures.h — what the benchmarks report of their samples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double best;
  double median;
  double p95;
} BenchFigures;

BenchFigures bench_figures (GArray *samples);

G_END_DECLS
