/* cocrea-evaluator.h — a person or group who scores proposals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_EVALUATOR (cocrea_evaluator_get_type ())
G_DECLARE_FINAL_TYPE (CocreaEvaluator, cocrea_evaluator, COCREA, EVALUATOR, GObject)

gint64      cocrea_evaluator_get_id         (CocreaEvaluator *self);
const char *cocrea_evaluator_get_name       (CocreaEvaluator *self);
const char *cocrea_evaluator_get_department (CocreaEvaluator *self);

GListModel *cocrea_evaluator_list   (CocreaDocument *document,
                                     GError        **error);
gboolean    cocrea_evaluator_find   (CocreaDocument *document,
                                     const char     *name,
                                     gint64         *id,
                                     GError        **error);
gint64      cocrea_evaluator_add    (CocreaDocument *document,
                                     const char     *name,
                                     const char     *department,
                                     GError        **error);
gboolean    cocrea_evaluator_update (CocreaDocument *document,
                                     gint64          id,
                                     const char     *name,
                                     const char     *department,
                                     GError        **error);
gboolean    cocrea_evaluator_delete (CocreaDocument *document,
                                     gint64          id,
                                     GError        **error);

G_END_DECLS
