/* cocrea-column-fit.h — a column view's expanding column, as wide as the others leave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * CocreaColumnFitFlags:
 * @COCREA_COLUMN_FIT_BOLD: the texts are shown in bold
 * @COCREA_COLUMN_FIT_WRAP: the cells wrap their texts where they may
 *   break, so the column may be narrowed down to the widest unbreakable
 *   piece when the view is too narrow for every column's whole width
 */
typedef enum
{
  COCREA_COLUMN_FIT_NONE = 0,
  COCREA_COLUMN_FIT_BOLD = 1 << 0,
  COCREA_COLUMN_FIT_WRAP = 1 << 1,
} CocreaColumnFitFlags;

void cocrea_column_fit         (GtkColumnView       *view,
                                int                  least);
void cocrea_column_fit_content (GtkColumnViewColumn *column,
                                const char * const  *texts,
                                CocreaColumnFitFlags flags,
                                int                  extra);

G_END_DECLS
