/* cocrea-actor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-actor.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

struct _CocreaActor {
  GObject parent_instance;

  gint64 id;
  gint64 commitment_id;
  CocreaActorKind kind;
  char *name;
};

G_DEFINE_FINAL_TYPE (CocreaActor, cocrea_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys the schema stores, in CocreaActorKind order. */
static const char *const kind_keys[COCREA_N_ACTOR_KINDS] = { "municipal", "civil-society" };

static void
cocrea_actor_finalize (GObject *object)
{
  CocreaActor *self = COCREA_ACTOR (object);

  g_free (self->name);

  G_OBJECT_CLASS (cocrea_actor_parent_class)->finalize (object);
}

static void
cocrea_actor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaActor *self = COCREA_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_actor_class_init (CocreaActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_actor_finalize;
  object_class->get_property = cocrea_actor_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, COCREA_N_ACTOR_KINDS - 1, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_actor_init (CocreaActor *self)
{
  (void) self;
}

gint64
cocrea_actor_get_id (CocreaActor *self)
{
  g_return_val_if_fail (COCREA_IS_ACTOR (self), 0);
  return self->id;
}

gint64
cocrea_actor_get_commitment_id (CocreaActor *self)
{
  g_return_val_if_fail (COCREA_IS_ACTOR (self), 0);
  return self->commitment_id;
}

CocreaActorKind
cocrea_actor_get_kind (CocreaActor *self)
{
  g_return_val_if_fail (COCREA_IS_ACTOR (self), COCREA_ACTOR_MUNICIPAL);
  return self->kind;
}

const char *
cocrea_actor_get_name (CocreaActor *self)
{
  g_return_val_if_fail (COCREA_IS_ACTOR (self), NULL);
  return self->name;
}

/* "Municipal" or "Civil society", translated. */
const char *
cocrea_actor_kind_label (CocreaActorKind kind)
{
  g_return_val_if_fail (kind < COCREA_N_ACTOR_KINDS, NULL);
  return kind == COCREA_ACTOR_MUNICIPAL ? _("Municipal") : _("Civil society");
}

/* Builds an actor from a row of cocrea_actor_list()'s query (a CocreaDbRowFunc). */
static gpointer
actor_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaActor *actor = g_object_new (COCREA_TYPE_ACTOR, NULL);

  actor->id = sqlite3_column_int64 (stmt, 0);
  actor->commitment_id = sqlite3_column_int64 (stmt, 1);
  actor->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "municipal") == 0
                  ? COCREA_ACTOR_MUNICIPAL
                  : COCREA_ACTOR_CIVIL_SOCIETY;
  actor->name = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 3));
  return actor;
}

/*
 * cocrea_actor_list:
 * Returns the other actors of commitment @commitment_id, municipal ones
 * first, as #CocreaActor; NULL with @error set on failure.
 */
GListModel *
cocrea_actor_list (CocreaDocument *document, gint64 commitment_id, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "SELECT id, commitment_id, kind, name FROM actor"
                            " WHERE commitment_id = ? ORDER BY kind <> 'municipal', id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, commitment_id);

  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_ACTOR, actor_from_row, NULL, error);
}

/**
 * cocrea_actor_add:
 * @document: a process open for writing
 * @commitment_id: the commitment
 * @kind: municipal or civil society
 * @name: the actor ("Dirección de Desarrollo Comunitario")
 * @id: (out) (optional): the new actor's id
 * @error: return location for a #CocreaError
 *
 * Adds an actor to commitment @commitment_id as one edit, logged as
 * "add-actor".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty name,
 *   %COCREA_ERROR_NOT_FOUND for an unknown commitment
 */
gboolean
cocrea_actor_add (CocreaDocument *document, gint64 commitment_id, CocreaActorKind kind,
                  const char *name, gint64 *id, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *clean = cocrea_text_normalize (name);
  g_autofree char *subject = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 new_id;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (kind < COCREA_N_ACTOR_KINDS, FALSE);

  if (*clean == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Actor: write the name of the actor"));
      return FALSE;
    }
  if (!cocrea_text_check_length (clean, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO actor (commitment_id, kind, name)"
                            " SELECT id, ?2, ?3 FROM commitment WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, commitment_id);
  cocrea_db_bind_text (stmt, 2, kind_keys[kind]);
  cocrea_db_bind_text (stmt, 3, clean);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no commitment %lld"), (long long) commitment_id);
      return FALSE;
    }
  new_id = sqlite3_last_insert_rowid (db);
  subject = g_strdup_printf ("actor:%" G_GINT64_FORMAT, new_id);
  if (!cocrea_document_log (document, "add-actor", subject, clean, error))
    return FALSE;
  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;
}

/**
 * cocrea_actor_delete:
 * @document: a process open for writing
 * @id: the actor
 * @undo: (out) (optional): the record that brings it back
 * @error: return location for a #CocreaError
 *
 * Removes actor @id as one edit, logged as "delete-actor".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_actor_delete (CocreaDocument *document, gint64 id, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("actor:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("delete-actor", _("Remove an actor"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_ACTOR, id, error))
    return FALSE;
  stmt = cocrea_db_prepare (db, "DELETE FROM actor WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no actor %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, "delete-actor", subject, "", error))
    return FALSE;
  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
