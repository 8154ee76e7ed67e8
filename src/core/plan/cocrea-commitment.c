/* cocrea-commitment.c
 *
 * Commitments are read whole (a plan has a handful) and written one edit
 * per change, each logged. The plan order is the position column, kept
 * as 1..n: every move renumbers the whole plan in the same edit, so the
 * numbers people see never have gaps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cocrea-commitment.h"
#include "cocrea-commitment-private.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-proposal.h"
#include "cocrea-dates.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

/* The text fields, in the order of the SELECT below after the fixed
 * columns id, proposal_id, position, origin. */
enum {
  T_NAME,
  T_NOTE,
  T_ORIGIN_DETAIL,
  T_STARTS_ON,
  T_ENDS_ON,
  T_LEAD_UNIT,
  T_PROBLEM,
  T_DESCRIPTION,
  T_CONTRIBUTION,
  T_RELEVANCE,
  T_ADDITIONAL_INFO,
  N_TEXTS
};

static const char *const text_props[N_TEXTS] = {
  "name", "note", "origin-detail", "starts-on", "ends-on", "lead-unit",
  "problem", "description", "contribution", "relevance", "additional-info",
};

#define SELECT_COLUMNS                                                                   \
  "SELECT id, proposal_id, position, origin, name, note, origin_detail, starts_on,"      \
  " ends_on, lead_unit, problem, description, contribution, relevance, additional_info" \
  " FROM commitment"

struct _CocreaCommitment {
  GObject parent_instance;

  gint64 id;
  gint64 proposal_id;
  int position;
  CocreaOrigin origin;
  char *texts[N_TEXTS];   /* dates are NULL when not set, the rest never NULL */
};

G_DEFINE_FINAL_TYPE (CocreaCommitment, cocrea_commitment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROPOSAL_ID,
  PROP_POSITION,
  PROP_ORIGIN,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + N_TEXTS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_commitment_finalize (GObject *object)
{
  CocreaCommitment *self = COCREA_COMMITMENT (object);

  for (int i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (cocrea_commitment_parent_class)->finalize (object);
}

static void
cocrea_commitment_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  CocreaCommitment *self = COCREA_COMMITMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PROPOSAL_ID:
      g_value_set_int64 (value, self->proposal_id);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_ORIGIN:
      g_value_set_uint (value, self->origin);
      break;
    default:
      if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
        g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_commitment_class_init (CocreaCommitmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_commitment_finalize;
  object_class->get_property = cocrea_commitment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PROPOSAL_ID] =
    g_param_spec_int64 ("proposal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_ORIGIN] =
    g_param_spec_uint ("origin", NULL, NULL, 0, COCREA_N_ORIGINS - 1, 0, flags);
  for (int i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] = g_param_spec_string (text_props[i], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_commitment_init (CocreaCommitment *self)
{
  (void) self;
}

gint64
cocrea_commitment_get_id (CocreaCommitment *self)
{
  g_return_val_if_fail (COCREA_IS_COMMITMENT (self), 0);
  return self->id;
}

/* The proposal it was made from, or 0 when that proposal is gone. */
gint64
cocrea_commitment_get_proposal_id (CocreaCommitment *self)
{
  g_return_val_if_fail (COCREA_IS_COMMITMENT (self), 0);
  return self->proposal_id;
}

/* Its number in the plan: 1 for the first commitment. */
int
cocrea_commitment_get_position (CocreaCommitment *self)
{
  g_return_val_if_fail (COCREA_IS_COMMITMENT (self), 0);
  return self->position;
}

CocreaOrigin
cocrea_commitment_get_origin (CocreaCommitment *self)
{
  g_return_val_if_fail (COCREA_IS_COMMITMENT (self), COCREA_ORIGIN_COMMUNITY);
  return self->origin;
}

#define TEXT_GETTER(fn, index)                                   \
  const char *cocrea_commitment_get_##fn (CocreaCommitment *self) \
  {                                                              \
    g_return_val_if_fail (COCREA_IS_COMMITMENT (self), NULL);    \
    return self->texts[index];                                   \
  }

TEXT_GETTER (name, T_NAME)
TEXT_GETTER (note, T_NOTE)
TEXT_GETTER (origin_detail, T_ORIGIN_DETAIL)
TEXT_GETTER (starts_on, T_STARTS_ON)
TEXT_GETTER (ends_on, T_ENDS_ON)
TEXT_GETTER (lead_unit, T_LEAD_UNIT)
TEXT_GETTER (problem, T_PROBLEM)
TEXT_GETTER (description, T_DESCRIPTION)
TEXT_GETTER (contribution, T_CONTRIBUTION)
TEXT_GETTER (relevance, T_RELEVANCE)
TEXT_GETTER (additional_info, T_ADDITIONAL_INFO)

/*
 * cocrea_commitment_get_fields:
 * Fills @fields with pointers into @self (valid while @self lives), ready
 * to be changed and passed to cocrea_commitment_update().
 */
void
cocrea_commitment_get_fields (CocreaCommitment *self, CocreaCommitmentFields *fields)
{
  g_return_if_fail (COCREA_IS_COMMITMENT (self));
  g_return_if_fail (fields != NULL);

  fields->name = self->texts[T_NAME];
  fields->note = self->texts[T_NOTE];
  fields->origin = self->origin;
  fields->origin_detail = self->texts[T_ORIGIN_DETAIL];
  fields->starts_on = self->texts[T_STARTS_ON];
  fields->ends_on = self->texts[T_ENDS_ON];
  fields->lead_unit = self->texts[T_LEAD_UNIT];
  fields->problem = self->texts[T_PROBLEM];
  fields->description = self->texts[T_DESCRIPTION];
  fields->contribution = self->texts[T_CONTRIBUTION];
  fields->relevance = self->texts[T_RELEVANCE];
  fields->additional_info = self->texts[T_ADDITIONAL_INFO];
}

/* Builds a commitment from a row of SELECT_COLUMNS (a CocreaDbRowFunc). */
static gpointer
commitment_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaCommitment *self = g_object_new (COCREA_TYPE_COMMITMENT, NULL);
  CocreaOrigin origin = COCREA_ORIGIN_COMMUNITY;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->proposal_id = sqlite3_column_int64 (stmt, 1);
  self->position = sqlite3_column_int (stmt, 2);
  cocrea_origin_from_text ((const char *) sqlite3_column_text (stmt, 3), &origin);
  self->origin = origin;
  for (int i = 0; i < N_TEXTS; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 4 + i);
      gboolean is_date = i == T_STARTS_ON || i == T_ENDS_ON;

      if (text == NULL && !is_date)
        text = "";
      self->texts[i] = cocrea_text_dup_valid (text);
    }
  return self;
}

/*
 * cocrea_commitment_list:
 * Returns the commitments of the plan in plan order, as a list of
 * #CocreaCommitment; NULL with @error set on failure.
 */
GListModel *
cocrea_commitment_list (CocreaDocument *document, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db, SELECT_COLUMNS " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_COMMITMENT, commitment_from_row, NULL,
                                  error);
}

/*
 * cocrea_commitment_lookup:
 * Returns commitment @id as it is now, or NULL with
 * %COCREA_ERROR_NOT_FOUND (or a database error).
 */
CocreaCommitment *
cocrea_commitment_lookup (CocreaDocument *document, gint64 id, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db, SELECT_COLUMNS " WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return commitment_from_row (stmt, NULL, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no commitment %lld"), (long long) id);
  else
    cocrea_db_set_error (error, db, rc, NULL);
  return NULL;
}

/*
 * cocrea_commitment_list_candidates:
 * Returns the selected proposals that have no commitment yet (the ones a
 * new commitment can come from), as #CocreaProposal, in id order.
 */
GListModel *
cocrea_commitment_list_candidates (CocreaDocument *document, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GListStore) store = g_list_store_new (COCREA_TYPE_PROPOSAL);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "SELECT d.proposal_id FROM decision d"
                            " WHERE d.status = 'selected' AND NOT EXISTS"
                            " (SELECT 1 FROM commitment c WHERE c.proposal_id = d.proposal_id)"
                            " ORDER BY d.proposal_id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  /* The statement is done before the lookups run their own. */
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (CocreaProposal) proposal =
        cocrea_proposal_lookup (document, g_array_index (ids, gint64, i), error);
      if (proposal == NULL)
        return NULL;
      g_list_store_append (store, proposal);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Checks one date: empty is allowed, anything else must be a partial date. */
static gboolean
check_date (const char *date, const char *message, GError **error)
{
  if (date == NULL || *date == '\0' || cocrea_partial_date_is_valid (date))
    return TRUE;
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID, "%s", message);
  return FALSE;
}

/**
 * cocrea_plan_dates_validate:
 * @starts_on: (nullable): a start date, "" or NULL for none
 * @ends_on: (nullable): an end date, "" or NULL for none
 * @error: return location for %COCREA_ERROR_INVALID
 *
 * The date rules of commitments and milestones: each date a year, a
 * month or a day ("2019", "2019-09", "2019-09-01"), and the end not
 * before the start. The message names the field that is wrong, so a
 * window can show it under that field: a start date is checked first.
 *
 * Returns: %TRUE when both dates can be stored
 */
gboolean
cocrea_plan_dates_validate (const char *starts_on, const char *ends_on, GError **error)
{
  if (!check_date (starts_on,
                   _("Start date: write a year (2019), a month (2019-09) or a day (2019-09-01)"),
                   error) ||
      !check_date (ends_on,
                   _("End date: write a year (2019), a month (2019-09) or a day (2019-09-01)"),
                   error))
    return FALSE;

  /* Partial dates compare as text on their common prefix: "2019" is
   * neither before nor after "2019-09". */
  if (starts_on != NULL && *starts_on != '\0' && ends_on != NULL && *ends_on != '\0' &&
      strncmp (ends_on, starts_on, MIN (strlen (starts_on), strlen (ends_on))) < 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("End date: it is before the start date"));
      return FALSE;
    }
  return TRUE;
}

/* Fails with NOT_FOUND unless commitment @id exists. Inside an edit. */
static gboolean
require_commitment (sqlite3 *db, gint64 id, GError **error)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count (*) FROM commitment WHERE id = %" G_GINT64_FORMAT, id);
  gint64 exists = 0;

  if (!cocrea_db_query_int (db, sql, &exists, error))
    return FALSE;
  if (exists == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no commitment %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

/**
 * cocrea_commitment_add_from_proposal:
 * @document: a process open for writing
 * @proposal_id: the (usually selected) proposal the commitment comes from
 * @id: (out) (optional): the new commitment's id
 * @error: return location for a #CocreaError
 *
 * Starts a commitment from a proposal: its title becomes the name, its
 * origin the origin, and it goes at the end of the plan. One edit,
 * logged as "add-commitment".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown
 *   proposal, %COCREA_ERROR_EXISTS when it already has a commitment
 */
gboolean
cocrea_commitment_add_from_proposal (CocreaDocument *document, gint64 proposal_id, gint64 *id,
                                     GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *sql = NULL;
  gint64 count = 0;
  gint64 new_id;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  sql = g_strdup_printf ("SELECT count (*) FROM commitment WHERE proposal_id = %" G_GINT64_FORMAT,
                         proposal_id);
  if (!cocrea_db_query_int (db, sql, &count, error))
    return FALSE;
  if (count > 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_EXISTS,
                           _("This proposal already has a commitment"));
      return FALSE;
    }

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO commitment (proposal_id, position, name, origin, uid)"
                            " SELECT id, (SELECT coalesce (max (position), 0) + 1 FROM commitment),"
                            " title, origin, cocrea_uid () FROM proposal WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, proposal_id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no proposal %lld"), (long long) proposal_id);
      return FALSE;
    }
  new_id = sqlite3_last_insert_rowid (db);

  subject = g_strdup_printf ("commitment:%" G_GINT64_FORMAT, new_id);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("{\"proposal\": %" G_GINT64_FORMAT "}", proposal_id);
  if (!cocrea_document_log (document, "add-commitment", subject, sql, error))
    return FALSE;
  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;
}

/**
 * cocrea_commitment_update:
 * @document: a process open for writing
 * @id: the commitment
 * @fields: every field's new value (texts are stored trimmed and NFC)
 * @error: return location for a #CocreaError
 *
 * Writes all the template fields of commitment @id as one edit, logged
 * as "update-commitment".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty name, a
 *   date that is not a partial date or an end before the start (the
 *   message names the field), %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_commitment_update (CocreaDocument *document, gint64 id,
                          const CocreaCommitmentFields *fields, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("commitment:%" G_GINT64_FORMAT, id);
  g_autofree char *name = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  const char *values[] = {
    fields->note, fields->origin_detail, fields->lead_unit, fields->problem,
    fields->description, fields->contribution, fields->relevance, fields->additional_info,
  };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (fields->origin < COCREA_N_ORIGINS, FALSE);

  name = cocrea_text_normalize (fields->name);
  starts_on = cocrea_text_normalize (fields->starts_on);
  ends_on = cocrea_text_normalize (fields->ends_on);
  if (*name == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Name: a commitment needs a name"));
      return FALSE;
    }
  if (!cocrea_plan_dates_validate (starts_on, ends_on, error) ||
      !cocrea_text_check_length (name, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!cocrea_text_check_length (values[i], COCREA_TEXT_MAX_LONG, error))
      return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  stmt = cocrea_db_prepare (db,
                            "UPDATE commitment SET name = ?1, origin = ?2, starts_on = ?3,"
                            " ends_on = ?4, note = ?5, origin_detail = ?6, lead_unit = ?7,"
                            " problem = ?8, description = ?9, contribution = ?10,"
                            " relevance = ?11, additional_info = ?12 WHERE id = ?13",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, name);
  cocrea_db_bind_text (stmt, 2, cocrea_origin_to_key (fields->origin));
  cocrea_db_bind_date (stmt, 3, starts_on);
  cocrea_db_bind_date (stmt, 4, ends_on);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *clean = cocrea_text_normalize (values[i]);
      cocrea_db_bind_text (stmt, 5 + i, clean);
    }
  sqlite3_bind_int64 (stmt, 13, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no commitment %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, "update-commitment", subject, name, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/*
 * cocrea_plan_move_row:
 * Inside an edit: moves row @id of @table among the rows whose @parent
 * column equals @parent_id (or all rows when @parent is NULL) to
 * @new_position (1-based, clamped), renumbering them 1..n. Fails with
 * NOT_FOUND when @id is not among them. @table and @parent are constants.
 */
gboolean
cocrea_plan_move_row (sqlite3 *db, const char *table, const char *parent, gint64 parent_id,
                      gint64 id, int new_position, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) select = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autofree char *sql = NULL;
  gboolean found = FALSE;
  int rc;

  if (parent != NULL)
    sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY position, id", table, parent);
  else
    sql = g_strdup_printf ("SELECT id FROM %s ORDER BY position, id", table);
  select = cocrea_db_prepare (db, sql, error);
  if (select == NULL)
    return FALSE;
  if (parent != NULL)
    sqlite3_bind_int64 (select, 1, parent_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (select, 0);
      if (row_id == id)
        found = TRUE;
      else
        g_array_append_val (ids, row_id);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  if (!found)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                           _("There is nothing to move"));
      return FALSE;
    }

  new_position = CLAMP (new_position, 1, (int) ids->len + 1);
  g_array_insert_val (ids, new_position - 1, id);

  g_free (sql);
  sql = g_strdup_printf ("UPDATE %s SET position = ?1 WHERE id = ?2 AND position <> ?1", table);
  update = cocrea_db_prepare (db, sql, error);
  if (update == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_int (update, 1, (int) i + 1);
      sqlite3_bind_int64 (update, 2, g_array_index (ids, gint64, i));
      if (!cocrea_db_step_done (db, update, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cocrea_commitment_move:
 * @document: a process open for writing
 * @id: the commitment
 * @new_position: its new number in the plan (1 for first; clamped)
 * @error: return location for a #CocreaError
 *
 * Moves commitment @id to @new_position and renumbers the plan 1..n, as
 * one edit logged as "move-commitment".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_commitment_move (CocreaDocument *document, gint64 id, int new_position, GError **error)
{
  g_autofree char *subject = g_strdup_printf ("commitment:%" G_GINT64_FORMAT, id);
  g_autofree char *detail = g_strdup_printf ("{\"position\": %d}", new_position);
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  if (!require_commitment (db, id, error) ||
      !cocrea_plan_move_row (db, "commitment", NULL, 0, id, new_position, error) ||
      !cocrea_document_log (document, "move-commitment", subject, detail, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/**
 * cocrea_commitment_delete:
 * @document: a process open for writing
 * @id: the commitment
 * @undo: (out) (optional): the record that brings it back with its
 *   milestones, contact and actors, at its old number
 * @error: return location for a #CocreaError
 *
 * Deletes commitment @id and what belongs to it, and renumbers the rest
 * of the plan, as one edit logged as "delete-commitment".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_commitment_delete (CocreaDocument *document, gint64 id, CocreaUndo **undo,
                          GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("commitment:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  if (!require_commitment (db, id, error))
    return FALSE;

  /* Every commitment is captured, not only this one: the renumbering
   * below changes their positions, and undo must give the old numbers. */
  record = cocrea_undo_new ("delete-commitment", _("Delete a commitment"));
  if (!cocrea_undo_capture_where (record, db, COCREA_UNDO_COMMITMENT, "?1 = ?1", id, error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_MILESTONE, "commitment_id = ?1", id,
                                  error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_MILESTONE_PROGRESS,
                                  "milestone_id IN (SELECT id FROM milestone"
                                  " WHERE commitment_id = ?1)",
                                  id, error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_CONTACT, "commitment_id = ?1", id,
                                  error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_ACTOR, "commitment_id = ?1", id,
                                  error) ||
      !cocrea_undo_capture_where (record, db, COCREA_UNDO_CONSULTATION_COMMENT,
                                  "commitment_id = ?1", id, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "DELETE FROM commitment WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (!cocrea_db_exec (db,
                       "UPDATE commitment SET position = (SELECT count (*) FROM commitment c"
                       " WHERE c.position < commitment.position OR (c.position ="
                       " commitment.position AND c.id <= commitment.id))",
                       error))
    return FALSE;
  if (!cocrea_document_log (document, "delete-commitment", subject, "", error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_commitment_get_contact:
 * @document: a process
 * @id: the commitment
 * @contact: (out caller-allocates): filled with owned strings, all ""
 *   when the commitment has no contact yet
 * @error: return location for a #CocreaError
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_commitment_get_contact (CocreaDocument *document, gint64 id, CocreaContactFields *contact,
                               GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);

  memset (contact, 0, sizeof *contact);
  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "SELECT name, title, department, email, phone FROM contact"
                            " WHERE commitment_id = ? ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }

  {
    char **slots[] = { &contact->name, &contact->title, &contact->department, &contact->email,
                       &contact->phone };
    for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
      {
        const char *text = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, i) : NULL;
        *slots[i] = cocrea_text_dup_valid (text != NULL ? text : "");
      }
  }
  return TRUE;
}

/**
 * cocrea_commitment_set_contact:
 * @document: a process open for writing
 * @id: the commitment
 * @contact: the contact's fields (NULL members count as "")
 * @error: return location for a #CocreaError
 *
 * Sets the one contact of commitment @id, as one edit logged as
 * "set-contact".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_commitment_set_contact (CocreaDocument *document, gint64 id,
                               const CocreaContactFields *contact, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("commitment:%" G_GINT64_FORMAT, id);
  const char *values[] = { contact->name, contact->title, contact->department, contact->email,
                           contact->phone };
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autoptr (sqlite3_stmt) ins = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!cocrea_text_check_length (values[i], COCREA_TEXT_MAX_NAME, error))
      return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  if (!require_commitment (db, id, error))
    return FALSE;

  /* One contact per commitment: the row is replaced, keeping its id. */
  del = cocrea_db_prepare (db,
                           "DELETE FROM contact WHERE commitment_id = ?1 AND id <>"
                           " (SELECT min (id) FROM contact WHERE commitment_id = ?1)",
                           error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!cocrea_db_step_done (db, del, error))
    return FALSE;

  ins = cocrea_db_prepare (db,
                           "INSERT INTO contact (id, commitment_id, name, title, department,"
                           " email, phone) VALUES ((SELECT id FROM contact WHERE commitment_id"
                           " = ?1), ?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET"
                           " name = excluded.name, title = excluded.title,"
                           " department = excluded.department, email = excluded.email,"
                           " phone = excluded.phone",
                           error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, id);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *clean = cocrea_text_normalize (values[i]);
      cocrea_db_bind_text (ins, 2 + i, clean);
    }
  if (!cocrea_db_step_done (db, ins, error))
    return FALSE;
  if (!cocrea_document_log (document, "set-contact", subject, "", error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/* Frees the strings of @contact and sets them to NULL. */
void
cocrea_contact_fields_clear (CocreaContactFields *contact)
{
  g_clear_pointer (&contact->name, g_free);
  g_clear_pointer (&contact->title, g_free);
  g_clear_pointer (&contact->department, g_free);
  g_clear_pointer (&contact->email, g_free);
  g_clear_pointer (&contact->phone, g_free);
}
