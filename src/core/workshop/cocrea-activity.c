/* cocrea-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-activity.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-dates.h"
#include "cocrea-search-index.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

struct _CocreaActivity {
  GObject parent_instance;

  gint64 id;
  CocreaActivityKind kind;
  char *name;
  char *held_on;
  char *place;
  int attendance;
  int inclusion[COCREA_N_INCLUSION];
  guint n_groups;
  guint n_contributions;
};

G_DEFINE_FINAL_TYPE (CocreaActivity, cocrea_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND_LABEL,
  PROP_NAME,
  PROP_HELD_ON,
  PROP_PLACE,
  PROP_ATTENDANCE,
  PROP_N_GROUPS,
  PROP_N_CONTRIBUTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns every query of this file reads, in this order. */
#define ACTIVITY_COLUMNS                                                        \
  "a.id, a.kind, a.name, a.held_on, a.place, a.attendance, a.women, a.youth,"   \
  " a.migrants, a.indigenous, a.disability,"                                    \
  " (SELECT count (*) FROM table_group g WHERE g.activity_id = a.id),"          \
  " (SELECT count (*) FROM contribution c WHERE c.activity_id = a.id)"

static void
cocrea_activity_finalize (GObject *object)
{
  CocreaActivity *self = COCREA_ACTIVITY (object);

  g_free (self->name);
  g_free (self->held_on);
  g_free (self->place);

  G_OBJECT_CLASS (cocrea_activity_parent_class)->finalize (object);
}

static void
cocrea_activity_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaActivity *self = COCREA_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, cocrea_activity_kind_label (self->kind));
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_ATTENDANCE:
      g_value_set_int (value, self->attendance);
      break;
    case PROP_N_GROUPS:
      g_value_set_uint (value, self->n_groups);
      break;
    case PROP_N_CONTRIBUTIONS:
      g_value_set_uint (value, self->n_contributions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_activity_class_init (CocreaActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_activity_finalize;
  object_class->get_property = cocrea_activity_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_ATTENDANCE] = g_param_spec_int ("attendance", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_N_GROUPS] = g_param_spec_uint ("n-groups", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_CONTRIBUTIONS] =
    g_param_spec_uint ("n-contributions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_activity_init (CocreaActivity *self)
{
}

/* Builds an activity from a row of ACTIVITY_COLUMNS (a CocreaDbRowFunc). */
static gpointer
activity_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaActivity *self = g_object_new (COCREA_TYPE_ACTIVITY, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  if (!cocrea_activity_kind_from_key ((const char *) sqlite3_column_text (stmt, 1), &self->kind))
    self->kind = COCREA_ACTIVITY_WORKSHOP;
  self->name = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 2));
  self->held_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 3));
  self->place = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 4));
  self->attendance = sqlite3_column_int (stmt, 5);
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    self->inclusion[i] = sqlite3_column_int (stmt, 6 + i);
  self->n_groups = sqlite3_column_int (stmt, 11);
  self->n_contributions = sqlite3_column_int (stmt, 12);
  return self;
}

gint64
cocrea_activity_get_id (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), 0);
  return self->id;
}

CocreaActivityKind
cocrea_activity_get_kind (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), COCREA_ACTIVITY_WORKSHOP);
  return self->kind;
}

const char *
cocrea_activity_get_name (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), NULL);
  return self->name;
}

/* A partial date, or NULL when unknown. */
const char *
cocrea_activity_get_held_on (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), NULL);
  return self->held_on;
}

const char *
cocrea_activity_get_place (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), NULL);
  return self->place;
}

int
cocrea_activity_get_attendance (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), 0);
  return self->attendance;
}

/* How many attendees belong to inclusion group @index (see #CocreaInclusion). */
int
cocrea_activity_get_inclusion (CocreaActivity *self, guint index)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), 0);
  g_return_val_if_fail (index < COCREA_N_INCLUSION, 0);
  return self->inclusion[index];
}

guint
cocrea_activity_get_n_groups (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), 0);
  return self->n_groups;
}

/* Contributions recorded at the activity: the GUI asks before deleting when not 0. */
guint
cocrea_activity_get_n_contributions (CocreaActivity *self)
{
  g_return_val_if_fail (COCREA_IS_ACTIVITY (self), 0);
  return self->n_contributions;
}

/* Fills @fields from the activity, to prefill an edit form. The strings
 * belong to @self. */
void
cocrea_activity_get_fields (CocreaActivity *self, CocreaActivityFields *fields)
{
  g_return_if_fail (COCREA_IS_ACTIVITY (self));

  fields->kind = self->kind;
  fields->name = self->name;
  fields->held_on = self->held_on;
  fields->place = self->place;
  fields->attendance = self->attendance;
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    fields->inclusion[i] = self->inclusion[i];
}

/*
 * cocrea_activity_list:
 * Returns every activity of the process, by date then id, as a list of
 * #CocreaActivity with their group and contribution counts, or NULL with
 * @error set.
 */
GListModel *
cocrea_activity_list (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db, "SELECT " ACTIVITY_COLUMNS " FROM activity a"
                                " ORDER BY a.held_on IS NULL, a.held_on, a.id", error);
  if (stmt == NULL)
    return NULL;
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_ACTIVITY, activity_from_row, NULL, error);
}

/*
 * cocrea_activity_lookup:
 * Returns activity @id, or NULL with COCREA_ERROR_NOT_FOUND (or a
 * database error).
 */
CocreaActivity *
cocrea_activity_lookup (CocreaDocument *document, gint64 id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, "SELECT " ACTIVITY_COLUMNS " FROM activity a WHERE a.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return activity_from_row (stmt, NULL, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no activity %lld"), (long long) id);
  else
    cocrea_db_set_error (error, db, rc, NULL);
  return NULL;
}

/*
 * cocrea_activity_current:
 * The activity the room is at now, for a view of the workshop: the one
 * whose contribution was typed last, else the activity added last.
 * Returns NULL without @error set when the process has no activity yet,
 * NULL with @error set on a database failure.
 */
CocreaActivity *
cocrea_activity_current (CocreaDocument *document, GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (!cocrea_db_query_int (cocrea_document_get_db (document),
                            "SELECT coalesce ((SELECT activity_id FROM contribution"
                            " ORDER BY id DESC LIMIT 1), (SELECT max (id) FROM activity), 0)",
                            &id, error))
    return NULL;
  return id > 0 ? cocrea_activity_lookup (document, id, error) : NULL;
}

/* Checks @fields against the rules of an activity; sets COCREA_ERROR_INVALID. */
static gboolean
validate (const CocreaActivityFields *fields, const char *name, GError **error)
{
  if (*name == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The activity needs a name"));
      return FALSE;
    }
  if (!cocrea_text_check_length (name, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (fields->place, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  if ((guint) fields->kind >= COCREA_N_ACTIVITY_KINDS)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Unknown kind of activity"));
      return FALSE;
    }
  if (fields->held_on != NULL && *fields->held_on != '\0' &&
      !cocrea_partial_date_is_valid (fields->held_on))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Write dates as a year (2019), a month (2019-10) or a day (2019-10-01)"));
      return FALSE;
    }
  if (fields->attendance < 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The attendance cannot be negative"));
      return FALSE;
    }
  if (fields->attendance > COCREA_MAX_PEOPLE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("An activity’s attendance can be at most %d"), COCREA_MAX_PEOPLE);
      return FALSE;
    }
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    {
      if (fields->inclusion[i] < 0)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("The number of attendees who are %s cannot be negative"),
                       cocrea_inclusion_label (i));
          return FALSE;
        }
      if (fields->inclusion[i] > fields->attendance)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("More attendees who are %s (%d) than attendees in all (%d)"),
                       cocrea_inclusion_label (i), fields->inclusion[i], fields->attendance);
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds @fields to ?1..?11 in the column order of write_sql below. */
static void
bind_fields (sqlite3_stmt *stmt, const CocreaActivityFields *fields, const char *name,
             const char *place)
{
  cocrea_db_bind_text (stmt, 1, cocrea_activity_kind_to_key (fields->kind));
  cocrea_db_bind_text (stmt, 2, name);
  cocrea_db_bind_date (stmt, 3, fields->held_on);
  cocrea_db_bind_text (stmt, 4, place);
  sqlite3_bind_int (stmt, 5, fields->attendance);
  for (guint i = 0; i < COCREA_N_INCLUSION; i++)
    sqlite3_bind_int (stmt, 6 + i, fields->inclusion[i]);
}

/**
 * cocrea_activity_add:
 * @document: a process open for writing
 * @fields: the new activity
 * @id: (out) (optional): its id
 * @undo: (out) (optional): the record that removes it again
 * @error: return location for a #CocreaError
 *
 * Adds an activity as one edit, logged as "add-activity".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty name, a bad
 *   date, a negative count or an inclusion count above the attendance
 */
gboolean
cocrea_activity_add (CocreaDocument *document, const CocreaActivityFields *fields, gint64 *id,
                     CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *name = cocrea_text_normalize (fields->name);
  g_autofree char *place = cocrea_text_normalize (fields->place);
  g_autofree char *subject = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 new_id;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!validate (fields, name, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  stmt = cocrea_db_prepare (db, "INSERT INTO activity (kind, name, held_on, place, attendance,"
                                " women, youth, migrants, indigenous, disability, uid)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, fields, name, place);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  new_id = sqlite3_last_insert_rowid (db);

  record = cocrea_undo_new ("add-activity", _("Add an activity"));
  subject = g_strdup_printf ("activity:%" G_GINT64_FORMAT, new_id);
  cocrea_undo_capture_absent (record, COCREA_UNDO_ACTIVITY, new_id);
  if (!cocrea_document_log (document, "add-activity", subject, name, error))
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
 * cocrea_activity_update:
 * @document: a process open for writing
 * @id: the activity
 * @fields: its new values
 * @undo: (out) (optional): the record that restores the old values
 * @error: return location for a #CocreaError
 *
 * Rewrites activity @id as one edit, logged as "update-activity".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID as for
 *   cocrea_activity_add(), %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_activity_update (CocreaDocument *document, gint64 id, const CocreaActivityFields *fields,
                        CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *name = cocrea_text_normalize (fields->name);
  g_autofree char *place = cocrea_text_normalize (fields->place);
  g_autofree char *subject = g_strdup_printf ("activity:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!validate (fields, name, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("update-activity", _("Edit an activity"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_ACTIVITY, id, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "UPDATE activity SET kind = ?1, name = ?2, held_on = ?3,"
                                " place = ?4, attendance = ?5, women = ?6, youth = ?7,"
                                " migrants = ?8, indigenous = ?9, disability = ?10"
                                " WHERE id = ?11",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, fields, name, place);
  sqlite3_bind_int64 (stmt, 11, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no activity %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, "update-activity", subject, name, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_activity_delete:
 * @document: a process open for writing
 * @id: the activity
 * @undo: (out) (optional): the record that brings it back, with its groups
 *   and contributions, their ids and merge links
 * @error: return location for a #CocreaError
 *
 * Deletes activity @id with its groups and contributions as one edit,
 * logged as "delete-activity". The GUI asks first when
 * cocrea_activity_get_n_contributions() is not 0.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_activity_delete (CocreaDocument *document, gint64 id, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("activity:%" G_GINT64_FORMAT, id);
  g_autofree char *detail = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  guint n_rows;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  /* Everything the cascade removes or clears, captured before it runs. */
  record = cocrea_undo_new ("delete-activity", _("Delete an activity"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_ACTIVITY, id, error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_GROUP, "activity_id = ?1", id, error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_CONTRIBUTION,
                                  "activity_id = ?1 OR group_id IN"
                                  " (SELECT id FROM table_group WHERE activity_id = ?1)",
                                  id, error) ||
      !cocrea_index_contributions_where (db, "activity_id = ?1", id, FALSE, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "DELETE FROM activity WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no activity %lld"), (long long) id);
      return FALSE;
    }

  n_rows = cocrea_undo_get_n_rows (record);
  detail = g_strdup_printf ("{\"rows\": %u}", n_rows);
  if (!cocrea_document_log (document, "delete-activity", subject, detail, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
