/* crash-session.h — the shape of crash-child's session, shared with test-crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Small on purpose: the normal run kills 200 sessions in well under a
 * minute on two cores, and a kill lands anywhere in one. */
#define CRASH_ROUNDS        3
#define CRASH_ADDS          4
#define CRASH_IMPORT_ROWS   200
#define CRASH_BASE_PROPOSALS 5
#define CRASH_REMOTE_CRITERIA 4
#define CRASH_REMOTE_SCORES (CRASH_BASE_PROPOSALS * CRASH_REMOTE_CRITERIA)
/* A laptop's copy (laptop.cocrea beside the CSVs): rows it typed, five of
 * them merged under "Laptop-merge", and base 5's text corrected. */
#define CRASH_LAPTOP_ROWS   150
#define CRASH_LAPTOP_MERGED 5
/* The template's first activity; the base proposals are 1..5. */
#define CRASH_ACTIVITY_ID   1
