/* cocrea-aggregate-item.h — one shortlisted proposal in the Viability page's aggregate table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cocrea-ranking.h"

G_BEGIN_DECLS

/* Columns of the aggregate table beyond the criteria (0, 1, ...). */
#define COCREA_AGGREGATE_PROPOSAL -1
#define COCREA_AGGREGATE_OVERALL  -2

#define COCREA_TYPE_AGGREGATE_ITEM (cocrea_aggregate_item_get_type ())
G_DECLARE_FINAL_TYPE (CocreaAggregateItem, cocrea_aggregate_item, COCREA, AGGREGATE_ITEM, GObject)

CocreaAggregateItem *cocrea_aggregate_item_new      (CocreaRanking       *ranking,
                                                     guint                proposal);
gint64               cocrea_aggregate_item_get_id   (CocreaAggregateItem *self);
gboolean             cocrea_aggregate_item_describe (CocreaAggregateItem *self,
                                                     int                  column,
                                                     const char         **text,
                                                     const char         **tooltip,
                                                     gboolean            *flagged);

G_END_DECLS
