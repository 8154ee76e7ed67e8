/* cocrea-choice.h — one row of a dropdown: the record it stands for and its label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COCREA_TYPE_CHOICE (cocrea_choice_get_type ())
G_DECLARE_FINAL_TYPE (CocreaChoice, cocrea_choice, COCREA, CHOICE, GObject)

CocreaChoice *cocrea_choice_new       (gint64        id,
                                       const char   *label);
gint64        cocrea_choice_get_id    (CocreaChoice *self);
const char   *cocrea_choice_get_label (CocreaChoice *self);

guint         cocrea_choice_find      (GListModel   *choices,
                                       gint64        id);
gint64        cocrea_choice_id_at     (GListModel   *choices,
                                       guint         position,
                                       gint64        fallback);

G_END_DECLS
