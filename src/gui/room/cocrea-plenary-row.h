/* cocrea-plenary-row.h — one proposal of the tally, as the projector shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-item-widget.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PLENARY_ROW (cocrea_plenary_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaPlenaryRow, cocrea_plenary_row, COCREA, PLENARY_ROW, CocreaItemWidget)

CocreaPlenaryRow *cocrea_plenary_row_new       (void);
void              cocrea_plenary_row_set_place (CocreaPlenaryRow *self,
                                                guint             rank,
                                                guint             maximum);
void              cocrea_plenary_row_set_selected (CocreaPlenaryRow *self,
                                                   gboolean          selected);

G_END_DECLS
