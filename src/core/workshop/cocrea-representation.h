/* cocrea-representation.h — who was in the room, against who lives in the commune
 *
 * OGP asks co-creation to reach the groups that usually take part less:
 * women, youth, migrants, indigenous peoples and people with disabilities.
 * The process keeps the commune's share of each group from a census
 * (percent, with its source); attendance summed over the activities open
 * to the public (staff interviews are the municipal team) is set
 * against it. A group whose share of the attendance is under 0.8 of
 * its share of the population is under-represented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cocrea-document.h"
#include "cocrea-types.h"

G_BEGIN_DECLS

/* Share of attendance over share of population under which a group is
 * under-represented. */
#define COCREA_REPRESENTATION_THRESHOLD 0.8

/**
 * CocreaPopulation:
 * @percent: the share of the commune's population in each inclusion
 *   group (indexed like cocrea_inclusion_key()), 0 to 100, or NAN while
 *   unknown
 * @source: where the figures come from ("Censo 2017, INE"), never %NULL
 */
typedef struct {
  double percent[COCREA_N_INCLUSION];
  char *source;
} CocreaPopulation;

/**
 * CocreaRepresentationGroup:
 * One inclusion group's figures. Every fraction is NAN when it cannot be
 * computed: @share with no attendance, @population_share while the census
 * share is unknown, @ratio when either is unknown or the population share
 * is 0. @under_represented is %TRUE only when @ratio is known and under
 * %COCREA_REPRESENTATION_THRESHOLD.
 */
typedef struct {
  guint group;               /* index of cocrea_inclusion_key() */
  gint64 participants;       /* attendees in the group, public activities */
  double share;              /* participants / attendance */
  double population_share;   /* census percent / 100 */
  double ratio;              /* share / population_share */
  gboolean under_represented;
} CocreaRepresentationGroup;

/**
 * CocreaRepresentation:
 * @attendance: attendance summed over the activities but staff interviews
 * @groups: one entry per inclusion group, in cocrea_inclusion_key() order
 * @source: the population figures' source, "" when none was given
 * @n_known: how many groups have a known population share
 */
typedef struct {
  gint64 attendance;
  CocreaRepresentationGroup groups[COCREA_N_INCLUSION];
  char *source;
  guint n_known;
} CocreaRepresentation;

CocreaPopulation     *cocrea_population_new             (void);
CocreaPopulation     *cocrea_population_get             (CocreaDocument         *document,
                                                         GError                **error);
gboolean              cocrea_population_set             (CocreaDocument         *document,
                                                         const CocreaPopulation *population,
                                                         GError                **error);
gboolean              cocrea_population_parse_percent   (const char             *text,
                                                         guint                   group,
                                                         double                 *value,
                                                         GError                **error);
gboolean              cocrea_population_validate        (const CocreaPopulation *population,
                                                         int                    *bad_group,
                                                         GError                **error);
void                  cocrea_population_free            (CocreaPopulation       *population);

CocreaRepresentation *cocrea_representation_compute     (CocreaDocument         *document,
                                                         GError                **error);
void                  cocrea_representation_fill        (CocreaRepresentation   *representation,
                                                         const gint64           *participants,
                                                         const CocreaPopulation *population);
void                  cocrea_representation_free        (CocreaRepresentation   *representation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaPopulation, cocrea_population_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaRepresentation, cocrea_representation_free)

G_END_DECLS
