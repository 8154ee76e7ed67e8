/* cocrea-criterion.h — a viability criterion: its scale, weight and meaning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CRITERION (cocrea_criterion_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCriterion, cocrea_criterion, COCREA, CRITERION, GObject)

gint64           cocrea_criterion_get_id          (CocreaCriterion *self);
const char      *cocrea_criterion_get_key         (CocreaCriterion *self);
const char      *cocrea_criterion_get_name        (CocreaCriterion *self);
const char      *cocrea_criterion_get_description (CocreaCriterion *self);
int              cocrea_criterion_get_scale_min   (CocreaCriterion *self);
int              cocrea_criterion_get_scale_max   (CocreaCriterion *self);
double           cocrea_criterion_get_weight      (CocreaCriterion *self);
int              cocrea_criterion_get_position    (CocreaCriterion *self);

GListModel      *cocrea_criterion_list            (CocreaDocument *document,
                                                   GError        **error);
CocreaCriterion *cocrea_criterion_lookup          (CocreaDocument *document,
                                                   const char     *key,
                                                   GError        **error);
gboolean         cocrea_criterion_update          (CocreaDocument *document,
                                                   const char     *key,
                                                   const char     *name,
                                                   const char     *description,
                                                   int             scale_min,
                                                   int             scale_max,
                                                   double          weight,
                                                   GError        **error);

const char      *cocrea_criterion_default_name        (const char *key);
const char      *cocrea_criterion_default_short_name  (const char *key);
const char      *cocrea_criterion_short_name          (const char *key,
                                                       const char *name);
const char      *cocrea_criterion_default_description (const char *key);

G_END_DECLS
