/* cocrea-milestone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-commitment.h"
#include "cocrea-commitment-private.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

struct _CocreaMilestone {
  GObject parent_instance;

  gint64 id;
  gint64 commitment_id;
  int position;
  char *deliverable;
  char *starts_on;   /* NULL when open */
  char *ends_on;
};

G_DEFINE_FINAL_TYPE (CocreaMilestone, cocrea_milestone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_DELIVERABLE,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_milestone_finalize (GObject *object)
{
  CocreaMilestone *self = COCREA_MILESTONE (object);

  g_free (self->deliverable);
  g_free (self->starts_on);
  g_free (self->ends_on);

  G_OBJECT_CLASS (cocrea_milestone_parent_class)->finalize (object);
}

static void
cocrea_milestone_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaMilestone *self = COCREA_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_DELIVERABLE:
      g_value_set_string (value, self->deliverable);
      break;
    case PROP_STARTS_ON:
      g_value_set_string (value, self->starts_on);
      break;
    case PROP_ENDS_ON:
      g_value_set_string (value, self->ends_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_milestone_class_init (CocreaMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_milestone_finalize;
  object_class->get_property = cocrea_milestone_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_DELIVERABLE] = g_param_spec_string ("deliverable", NULL, NULL, NULL, flags);
  properties[PROP_STARTS_ON] = g_param_spec_string ("starts-on", NULL, NULL, NULL, flags);
  properties[PROP_ENDS_ON] = g_param_spec_string ("ends-on", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_milestone_init (CocreaMilestone *self)
{
  (void) self;
}

gint64
cocrea_milestone_get_id (CocreaMilestone *self)
{
  g_return_val_if_fail (COCREA_IS_MILESTONE (self), 0);
  return self->id;
}

gint64
cocrea_milestone_get_commitment_id (CocreaMilestone *self)
{
  g_return_val_if_fail (COCREA_IS_MILESTONE (self), 0);
  return self->commitment_id;
}

/* Its number within the commitment, from 1. */
int
cocrea_milestone_get_position (CocreaMilestone *self)
{
  g_return_val_if_fail (COCREA_IS_MILESTONE (self), 0);
  return self->position;
}

const char *
cocrea_milestone_get_deliverable (CocreaMilestone *self)
{
  g_return_val_if_fail (COCREA_IS_MILESTONE (self), NULL);
  return self->deliverable;
}

/* A partial date, or NULL when not set. */
const char *
cocrea_milestone_get_starts_on (CocreaMilestone *self)
{
  g_return_val_if_fail (COCREA_IS_MILESTONE (self), NULL);
  return self->starts_on;
}

/* A partial date, or NULL when not set. */
const char *
cocrea_milestone_get_ends_on (CocreaMilestone *self)
{
  g_return_val_if_fail (COCREA_IS_MILESTONE (self), NULL);
  return self->ends_on;
}

/* Builds a milestone from a row of cocrea_milestone_list()'s query (a CocreaDbRowFunc). */
static gpointer
milestone_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaMilestone *milestone = g_object_new (COCREA_TYPE_MILESTONE, NULL);

  milestone->id = sqlite3_column_int64 (stmt, 0);
  milestone->commitment_id = sqlite3_column_int64 (stmt, 1);
  milestone->position = sqlite3_column_int (stmt, 2);
  milestone->deliverable = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 3));
  milestone->starts_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 4));
  milestone->ends_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 5));
  return milestone;
}

/*
 * cocrea_milestone_list:
 * Returns the milestones of commitment @commitment_id in their order, as
 * #CocreaMilestone; NULL with @error set on failure.
 */
GListModel *
cocrea_milestone_list (CocreaDocument *document, gint64 commitment_id, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "SELECT id, commitment_id, position, deliverable, starts_on, ends_on"
                            " FROM milestone WHERE commitment_id = ? ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, commitment_id);

  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_MILESTONE, milestone_from_row, NULL,
                                  error);
}

static gboolean
validate (const char *deliverable, const char *starts_on, const char *ends_on, GError **error)
{
  if (*deliverable == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Deliverable: a milestone needs an activity or deliverable"));
      return FALSE;
    }
  return cocrea_text_check_length (deliverable, COCREA_TEXT_MAX_NAME, error) &&
         cocrea_plan_dates_validate (starts_on, ends_on, error);
}

/**
 * cocrea_milestone_add:
 * @document: a process open for writing
 * @commitment_id: the commitment it belongs to
 * @deliverable: the activity or deliverable
 * @starts_on: (nullable): a partial date, or NULL/"" for none
 * @ends_on: (nullable): a partial date, or NULL/"" for none
 * @id: (out) (optional): the new milestone's id
 * @error: return location for a #CocreaError
 *
 * Adds a milestone at the end of the commitment's, as one edit logged as
 * "add-milestone".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty
 *   deliverable or bad dates, %COCREA_ERROR_NOT_FOUND for an unknown
 *   commitment
 */
gboolean
cocrea_milestone_add (CocreaDocument *document, gint64 commitment_id, const char *deliverable,
                      const char *starts_on, const char *ends_on, gint64 *id, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *clean = cocrea_text_normalize (deliverable);
  g_autofree char *starts = cocrea_text_normalize (starts_on);
  g_autofree char *ends = cocrea_text_normalize (ends_on);
  g_autofree char *subject = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 new_id;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (!validate (clean, starts, ends, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO milestone (commitment_id, position, deliverable,"
                            " starts_on, ends_on, uid) SELECT id, (SELECT coalesce (max (position), 0)"
                            " + 1 FROM milestone WHERE commitment_id = ?1), ?2, ?3, ?4, cocrea_uid ()"
                            " FROM commitment WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, commitment_id);
  cocrea_db_bind_text (stmt, 2, clean);
  cocrea_db_bind_date (stmt, 3, starts);
  cocrea_db_bind_date (stmt, 4, ends);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no commitment %lld"), (long long) commitment_id);
      return FALSE;
    }
  new_id = sqlite3_last_insert_rowid (db);
  subject = g_strdup_printf ("milestone:%" G_GINT64_FORMAT, new_id);
  if (!cocrea_document_log (document, "add-milestone", subject, clean, error))
    return FALSE;
  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;
}

/**
 * cocrea_milestone_update:
 * @document: a process open for writing
 * @id: the milestone
 * @deliverable: its activity or deliverable
 * @starts_on: (nullable): a partial date, or NULL/"" for none
 * @ends_on: (nullable): a partial date, or NULL/"" for none
 * @error: return location for a #CocreaError
 *
 * Rewrites milestone @id as one edit, logged as "update-milestone".
 *
 * Returns: %TRUE on success; errors as for cocrea_milestone_add()
 */
gboolean
cocrea_milestone_update (CocreaDocument *document, gint64 id, const char *deliverable,
                         const char *starts_on, const char *ends_on, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *clean = cocrea_text_normalize (deliverable);
  g_autofree char *starts = cocrea_text_normalize (starts_on);
  g_autofree char *ends = cocrea_text_normalize (ends_on);
  g_autofree char *subject = g_strdup_printf ("milestone:%" G_GINT64_FORMAT, id);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (!validate (clean, starts, ends, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  stmt = cocrea_db_prepare (db,
                            "UPDATE milestone SET deliverable = ?1, starts_on = ?2, ends_on = ?3"
                            " WHERE id = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, clean);
  cocrea_db_bind_date (stmt, 2, starts);
  cocrea_db_bind_date (stmt, 3, ends);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no milestone %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, "update-milestone", subject, clean, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/* The commitment milestone @id belongs to, or 0 with NOT_FOUND. */
static gint64
milestone_commitment (sqlite3 *db, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT commitment_id FROM milestone"
                                          " WHERE id = %" G_GINT64_FORMAT "), 0)", id);
  gint64 commitment_id = 0;

  if (!cocrea_db_query_int (db, sql, &commitment_id, error))
    return 0;
  if (commitment_id == 0)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no milestone %lld"), (long long) id);
  return commitment_id;
}

/**
 * cocrea_milestone_move:
 * @document: a process open for writing
 * @id: the milestone
 * @new_position: its new number within its commitment (from 1; clamped)
 * @error: return location for a #CocreaError
 *
 * Moves milestone @id and renumbers its commitment's milestones 1..n, as
 * one edit logged as "move-milestone".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_milestone_move (CocreaDocument *document, gint64 id, int new_position, GError **error)
{
  g_autofree char *subject = g_strdup_printf ("milestone:%" G_GINT64_FORMAT, id);
  g_autofree char *detail = g_strdup_printf ("{\"position\": %d}", new_position);
  g_autoptr (CocreaEdit) edit = NULL;
  gint64 commitment_id;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  commitment_id = milestone_commitment (db, id, error);
  if (commitment_id == 0 ||
      !cocrea_plan_move_row (db, "milestone", "commitment_id", commitment_id, id, new_position,
                             error) ||
      !cocrea_document_log (document, "move-milestone", subject, detail, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/**
 * cocrea_milestone_delete:
 * @document: a process open for writing
 * @id: the milestone
 * @undo: (out) (optional): the record that brings it back at its place
 * @error: return location for a #CocreaError
 *
 * Deletes milestone @id and renumbers the rest of its commitment's, as
 * one edit logged as "delete-milestone".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_milestone_delete (CocreaDocument *document, gint64 id, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("milestone:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) renumber = NULL;
  gint64 commitment_id;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  commitment_id = milestone_commitment (db, id, error);
  if (commitment_id == 0)
    return FALSE;

  /* The siblings are captured too: renumbering changes their positions. */
  record = cocrea_undo_new ("delete-milestone", _("Delete a milestone"));
  if (!cocrea_undo_capture_where (record, db, COCREA_UNDO_MILESTONE, "commitment_id = ?1",
                                  commitment_id, error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_MILESTONE_PROGRESS,
                                  "milestone_id = ?1", id, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "DELETE FROM milestone WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;

  renumber = cocrea_db_prepare (db,
                                "UPDATE milestone SET position = (SELECT count (*) FROM milestone m"
                                " WHERE m.commitment_id = milestone.commitment_id AND"
                                " (m.position < milestone.position OR (m.position ="
                                " milestone.position AND m.id <= milestone.id)))"
                                " WHERE commitment_id = ?",
                                error);
  if (renumber == NULL)
    return FALSE;
  sqlite3_bind_int64 (renumber, 1, commitment_id);
  if (!cocrea_db_step_done (db, renumber, error))
    return FALSE;
  if (!cocrea_document_log (document, "delete-milestone", subject, "", error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
