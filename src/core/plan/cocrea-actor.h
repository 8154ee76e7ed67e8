/* cocrea-actor.h — another actor taking part in a commitment
 *
 * The template lists municipal actors apart from civil society (private
 * sector, multilaterals and working groups count as civil society).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_ACTOR_MUNICIPAL,
  COCREA_ACTOR_CIVIL_SOCIETY,
  COCREA_N_ACTOR_KINDS
} CocreaActorKind;

#define COCREA_TYPE_ACTOR (cocrea_actor_get_type ())
G_DECLARE_FINAL_TYPE (CocreaActor, cocrea_actor, COCREA, ACTOR, GObject)

gint64           cocrea_actor_get_id            (CocreaActor *self);
gint64           cocrea_actor_get_commitment_id (CocreaActor *self);
CocreaActorKind  cocrea_actor_get_kind          (CocreaActor *self);
const char      *cocrea_actor_get_name          (CocreaActor *self);

const char      *cocrea_actor_kind_label        (CocreaActorKind kind);

GListModel      *cocrea_actor_list              (CocreaDocument  *document,
                                                 gint64           commitment_id,
                                                 GError         **error);
gboolean         cocrea_actor_add               (CocreaDocument  *document,
                                                 gint64           commitment_id,
                                                 CocreaActorKind  kind,
                                                 const char      *name,
                                                 gint64          *id,
                                                 GError         **error);
gboolean         cocrea_actor_delete            (CocreaDocument  *document,
                                                 gint64           id,
                                                 CocreaUndo     **undo,
                                                 GError         **error);

G_END_DECLS
