/* cocrea-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-text.h"
#include "cocrea-types.h"
#include "cocrea-undo-private.h"

struct _CocreaGroup {
  GObject parent_instance;

  gint64 id;
  gint64 activity_id;
  char *name;
  int size;
  int position;
  guint n_contributions;
};

G_DEFINE_FINAL_TYPE (CocreaGroup, cocrea_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTIVITY_ID,
  PROP_NAME,
  PROP_SIZE,
  PROP_N_CONTRIBUTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_group_finalize (GObject *object)
{
  CocreaGroup *self = COCREA_GROUP (object);

  g_free (self->name);

  G_OBJECT_CLASS (cocrea_group_parent_class)->finalize (object);
}

static void
cocrea_group_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaGroup *self = COCREA_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    case PROP_N_CONTRIBUTIONS:
      g_value_set_uint (value, self->n_contributions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_group_class_init (CocreaGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_group_finalize;
  object_class->get_property = cocrea_group_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTIVITY_ID] =
    g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_int ("size", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_N_CONTRIBUTIONS] =
    g_param_spec_uint ("n-contributions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_group_init (CocreaGroup *self)
{
  self->size = -1;
}

gint64
cocrea_group_get_id (CocreaGroup *self)
{
  g_return_val_if_fail (COCREA_IS_GROUP (self), 0);
  return self->id;
}

gint64
cocrea_group_get_activity_id (CocreaGroup *self)
{
  g_return_val_if_fail (COCREA_IS_GROUP (self), 0);
  return self->activity_id;
}

const char *
cocrea_group_get_name (CocreaGroup *self)
{
  g_return_val_if_fail (COCREA_IS_GROUP (self), NULL);
  return self->name;
}

/* How many people sat at the table, or -1 when not recorded. */
int
cocrea_group_get_size (CocreaGroup *self)
{
  g_return_val_if_fail (COCREA_IS_GROUP (self), -1);
  return self->size;
}

/* Its place in the activity's order (mesa 1, 2…). */
int
cocrea_group_get_position (CocreaGroup *self)
{
  g_return_val_if_fail (COCREA_IS_GROUP (self), 0);
  return self->position;
}

guint
cocrea_group_get_n_contributions (CocreaGroup *self)
{
  g_return_val_if_fail (COCREA_IS_GROUP (self), 0);
  return self->n_contributions;
}

/* Builds a group from a row of cocrea_group_list()'s query (a CocreaDbRowFunc). */
static gpointer
group_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaGroup *group = g_object_new (COCREA_TYPE_GROUP, NULL);

  group->id = sqlite3_column_int64 (stmt, 0);
  group->activity_id = sqlite3_column_int64 (stmt, 1);
  group->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  group->size = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 3);
  group->position = sqlite3_column_int (stmt, 4);
  group->n_contributions = sqlite3_column_int (stmt, 5);
  return group;
}

/*
 * cocrea_group_list:
 * Returns the groups of activity @activity_id in their order, or of every
 * activity when it is 0, as a list of #CocreaGroup; NULL with @error set
 * on failure.
 */
GListModel *
cocrea_group_list (CocreaDocument *document, gint64 activity_id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db,
                            "SELECT g.id, g.activity_id, g.name, g.size, g.position,"
                            " (SELECT count (*) FROM contribution c WHERE c.group_id = g.id)"
                            " FROM table_group g WHERE ?1 = 0 OR g.activity_id = ?1"
                            " ORDER BY g.activity_id, g.position, g.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_GROUP, group_from_row, NULL, error);
}

static gboolean
validate (const char *name, int size, GError **error)
{
  if (*name == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The group needs a name"));
      return FALSE;
    }
  if (!cocrea_text_check_length (name, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  if (size < -1)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The size of a group cannot be negative"));
      return FALSE;
    }
  if (size > COCREA_MAX_PEOPLE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("The size of a group can be at most %d"), COCREA_MAX_PEOPLE);
      return FALSE;
    }
  return TRUE;
}

/* Turns a UNIQUE (activity, name) failure into a message people understand. */
static void
set_write_error (GError **error, sqlite3 *db, const char *name, GError *sql_error)
{
  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("The activity already has a group called “%s”"), name);
      g_error_free (sql_error);
    }
  else
    g_propagate_error (error, sql_error);
}

/**
 * cocrea_group_add:
 * @document: a process open for writing
 * @activity_id: the activity the group belongs to
 * @name: its name ("Mesa 3"), unique within the activity
 * @size: how many people sat at it, or -1 when not known
 * @id: (out) (optional): the new group's id
 * @undo: (out) (optional): the record that removes it again
 * @error: return location for a #CocreaError
 *
 * Adds a group at the end of the activity's groups, as one edit logged as
 * "add-group".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty or repeated
 *   name or a negative size, %COCREA_ERROR_NOT_FOUND for an unknown activity
 */
gboolean
cocrea_group_add (CocreaDocument *document, gint64 activity_id, const char *name, int size,
                  gint64 *id, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *clean = cocrea_text_normalize (name);
  g_autofree char *subject = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GError *sql_error = NULL;
  gint64 exists = 0;
  gint64 new_id;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (!validate (clean, size, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM activity WHERE id = %"
                                            G_GINT64_FORMAT, activity_id);
    if (!cocrea_db_query_int (db, sql, &exists, error))
      return FALSE;
  }
  if (exists == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no activity %lld"), (long long) activity_id);
      return FALSE;
    }

  stmt = cocrea_db_prepare (db, "INSERT INTO table_group (activity_id, name, size, position, uid)"
                                " VALUES (?1, ?2, ?3, (SELECT coalesce (max (position), 0) + 1"
                                " FROM table_group WHERE activity_id = ?1), cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  cocrea_db_bind_text (stmt, 2, clean);
  if (size >= 0)
    sqlite3_bind_int (stmt, 3, size);
  if (!cocrea_db_step_done (db, stmt, &sql_error))
    {
      set_write_error (error, db, clean, sql_error);
      return FALSE;
    }
  new_id = sqlite3_last_insert_rowid (db);

  record = cocrea_undo_new ("add-group", _("Add a group"));
  cocrea_undo_capture_absent (record, COCREA_UNDO_GROUP, new_id);
  subject = g_strdup_printf ("group:%" G_GINT64_FORMAT, new_id);
  if (!cocrea_document_log (document, "add-group", subject, clean, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_group_update:
 * @document: a process open for writing
 * @id: the group
 * @name: its new name
 * @size: its new size, or -1 for unknown
 * @undo: (out) (optional): the record that restores the old values
 * @error: return location for a #CocreaError
 *
 * Renames and resizes group @id as one edit, logged as "update-group".
 *
 * Returns: %TRUE on success; errors as for cocrea_group_add(), and
 *   %COCREA_ERROR_NOT_FOUND for an unknown group
 */
gboolean
cocrea_group_update (CocreaDocument *document, gint64 id, const char *name, int size,
                     CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *clean = cocrea_text_normalize (name);
  g_autofree char *subject = g_strdup_printf ("group:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GError *sql_error = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (!validate (clean, size, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("update-group", _("Edit a group"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_GROUP, id, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "UPDATE table_group SET name = ?1, size = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, clean);
  if (size >= 0)
    sqlite3_bind_int (stmt, 2, size);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!cocrea_db_step_done (db, stmt, &sql_error))
    {
      set_write_error (error, db, clean, sql_error);
      return FALSE;
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no group %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, "update-group", subject, clean, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_group_delete:
 * @document: a process open for writing
 * @id: the group
 * @undo: (out) (optional): the record that brings it back, with its
 *   contributions' link to it
 * @error: return location for a #CocreaError
 *
 * Deletes group @id as one edit, logged as "delete-group". Its
 * contributions stay in the activity, without a group.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown group
 */
gboolean
cocrea_group_delete (CocreaDocument *document, gint64 id, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("group:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("delete-group", _("Delete a group"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_GROUP, id, error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_CONTRIBUTION, "group_id = ?1", id,
                                  error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "DELETE FROM table_group WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no group %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, "delete-group", subject, "", error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
