/* cocrea-actor-row.h — one other actor of a commitment, with its Remove button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-actor.h"

G_BEGIN_DECLS

#define COCREA_TYPE_ACTOR_ROW (cocrea_actor_row_get_type ())
G_DECLARE_FINAL_TYPE (CocreaActorRow, cocrea_actor_row, COCREA, ACTOR_ROW, AdwActionRow)

GtkWidget   *cocrea_actor_row_new       (CocreaActor    *actor);
CocreaActor *cocrea_actor_row_get_actor (CocreaActorRow *self);

G_END_DECLS
