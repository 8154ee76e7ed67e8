/* bench-generate.h — the large process of DESIGN.md, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define N_ACTIVITIES    2000
#define N_GROUPS        10000
#define N_PROPOSALS     10000
#define N_CONTRIBUTIONS 100000
#define N_EVALUATORS    50

char *bench_sentence        (GRand      *rand,
                             guint       n_words);
guint bench_vocabulary_size (void);
void  bench_generate        (const char *path);

G_END_DECLS
