/* cocrea-score.h — one evaluator's score of one proposal on one criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_SCORE (cocrea_score_get_type ())
G_DECLARE_FINAL_TYPE (CocreaScore, cocrea_score, COCREA, SCORE, GObject)

gint64      cocrea_score_get_evaluator_id (CocreaScore *self);
gint64      cocrea_score_get_proposal_id  (CocreaScore *self);
const char *cocrea_score_get_criterion    (CocreaScore *self);
int         cocrea_score_get_value        (CocreaScore *self);
const char *cocrea_score_get_note         (CocreaScore *self);
const char *cocrea_score_get_updated_at   (CocreaScore *self);

GListModel *cocrea_score_list  (CocreaDocument *document,
                                gint64          evaluator_id,
                                GError        **error);
gboolean    cocrea_score_set   (CocreaDocument *document,
                                gint64          evaluator_id,
                                gint64          proposal_id,
                                const char     *criterion,
                                int             value,
                                const char     *note,
                                GError        **error);
gboolean    cocrea_score_set_by_name (CocreaDocument *document,
                                      const char     *evaluator,
                                      const char     *department,
                                      gint64          proposal_id,
                                      const char     *criterion,
                                      int             value,
                                      const char     *note,
                                      GError        **error);
gboolean    cocrea_score_clear (CocreaDocument *document,
                                gint64          evaluator_id,
                                gint64          proposal_id,
                                const char     *criterion,
                                GError        **error);

G_END_DECLS
