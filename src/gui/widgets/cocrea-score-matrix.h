/* cocrea-score-matrix.h — one evaluator's scores, typed from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SCORE_MATRIX (cocrea_score_matrix_get_type ())
G_DECLARE_FINAL_TYPE (CocreaScoreMatrix, cocrea_score_matrix, COCREA, SCORE_MATRIX, GtkWidget)

GtkWidget *cocrea_score_matrix_new          (void);
void       cocrea_score_matrix_load         (CocreaScoreMatrix *self,
                                             CocreaDocument    *document,
                                             gint64             evaluator_id);
void       cocrea_score_matrix_reload       (CocreaScoreMatrix *self);
guint      cocrea_score_matrix_get_n_rows   (CocreaScoreMatrix *self);
guint      cocrea_score_matrix_get_n_columns (CocreaScoreMatrix *self);
void       cocrea_score_matrix_set_cursor   (CocreaScoreMatrix *self,
                                             guint              row,
                                             guint              column);
void       cocrea_score_matrix_get_cursor   (CocreaScoreMatrix *self,
                                             guint             *row,
                                             guint             *column);
GtkWidget *cocrea_score_matrix_get_cell     (CocreaScoreMatrix *self,
                                             guint              row,
                                             guint              column);
gint64     cocrea_score_matrix_get_proposal_id (CocreaScoreMatrix *self,
                                             guint              row);
const char *cocrea_score_matrix_get_criterion (CocreaScoreMatrix *self,
                                             guint              column);
const char *cocrea_score_matrix_get_message (CocreaScoreMatrix *self);
gboolean   cocrea_score_matrix_handle_key   (CocreaScoreMatrix *self,
                                             guint              keyval,
                                             GdkModifierType    state);

G_END_DECLS
