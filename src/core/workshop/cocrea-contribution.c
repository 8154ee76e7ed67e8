/* cocrea-contribution.c
 *
 * A contribution either owns its strings (cocrea_contribution_lookup())
 * or borrows them from the store of the #CocreaContributionList it came
 * from, which it keeps alive: listing 100,000 rows copies no text per item. Either way
 * it carries its text already folded (lowercase, no accents) so the
 * per-keystroke filter is a plain substring search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-contribution-private.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-search-index.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

struct _CocreaContribution {
  GObject parent_instance;

  CocreaContributionStore *store; /* whose strings it borrows, or NULL if it owns them */

  gint64 id;
  gint64 activity_id;
  gint64 group_id;
  gint64 proposal_id;
  char *activity_name;   /* GRefString */
  char *group_name;      /* GRefString, NULL without a group */
  char *text;
  char *folded;          /* text, lowercase and without accents */
  char *area;            /* GRefString */
  CocreaOrigin origin;
  guint axes;
};

G_DEFINE_FINAL_TYPE (CocreaContribution, cocrea_contribution, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACTIVITY_ID,
  PROP_ACTIVITY_NAME,
  PROP_GROUP_ID,
  PROP_GROUP_NAME,
  PROP_ORIGIN,
  PROP_TEXT,
  PROP_AREA,
  PROP_AXES,
  PROP_PROPOSAL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CONTRIBUTION_QUERY                                                           \
  "SELECT c.id, c.activity_id, a.name, coalesce (c.group_id, 0), g.name, c.origin,"  \
  " c.text, c.area, c.axes, coalesce (c.proposal_id, 0)"                             \
  " FROM contribution c JOIN activity a ON a.id = c.activity_id"                     \
  " LEFT JOIN table_group g ON g.id = c.group_id"

static void
cocrea_contribution_finalize (GObject *object)
{
  CocreaContribution *self = COCREA_CONTRIBUTION (object);

  if (self->store != NULL)
    {
      cocrea_contribution_store_unref (self->store);
    }
  else
    {
      g_clear_pointer (&self->activity_name, g_ref_string_release);
      g_clear_pointer (&self->group_name, g_ref_string_release);
      g_clear_pointer (&self->area, g_ref_string_release);
      g_free (self->text);
      g_free (self->folded);
    }

  G_OBJECT_CLASS (cocrea_contribution_parent_class)->finalize (object);
}

static void
cocrea_contribution_get_property (GObject *object, guint prop_id, GValue *value,
                                  GParamSpec *pspec)
{
  CocreaContribution *self = COCREA_CONTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;
    case PROP_ACTIVITY_NAME:
      g_value_set_string (value, self->activity_name);
      break;
    case PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, cocrea_origin_to_key (self->origin));
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;
    case PROP_AXES:
      g_value_set_uint (value, self->axes);
      break;
    case PROP_PROPOSAL_ID:
      g_value_set_int64 (value, self->proposal_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_contribution_class_init (CocreaContributionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_contribution_finalize;
  object_class->get_property = cocrea_contribution_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTIVITY_ID] =
    g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTIVITY_NAME] = g_param_spec_string ("activity-name", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GROUP_NAME] = g_param_spec_string ("group-name", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_AREA] = g_param_spec_string ("area", NULL, NULL, NULL, flags);
  properties[PROP_AXES] = g_param_spec_uint ("axes", NULL, NULL, 0, COCREA_AXES_ALL, 0, flags);
  properties[PROP_PROPOSAL_ID] =
    g_param_spec_int64 ("proposal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_contribution_init (CocreaContribution *self)
{
}

static char *
ref_string (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  /* A file written by another program may hold bytes that are not UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  return g_ref_string_new_intern (text);
}

/* Builds a contribution from a row of CONTRIBUTION_QUERY. */
static CocreaContribution *
contribution_from_row (sqlite3_stmt *stmt)
{
  CocreaContribution *self = g_object_new (COCREA_TYPE_CONTRIBUTION, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->activity_id = sqlite3_column_int64 (stmt, 1);
  self->activity_name = ref_string ((const char *) sqlite3_column_text (stmt, 2));
  self->group_id = sqlite3_column_int64 (stmt, 3);
  self->group_name = ref_string ((const char *) sqlite3_column_text (stmt, 4));
  if (!cocrea_origin_from_text ((const char *) sqlite3_column_text (stmt, 5), &self->origin))
    self->origin = COCREA_ORIGIN_COMMUNITY;
  self->text = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 6));
  self->folded = cocrea_fold_fast (self->text);
  self->area = ref_string ((const char *) sqlite3_column_text (stmt, 7));
  self->axes = sqlite3_column_int (stmt, 8);
  self->proposal_id = sqlite3_column_int64 (stmt, 9);
  return self;
}

/*
 * cocrea_contribution_new_borrowed:
 * A contribution showing @row, whose strings stay @store's: it holds a
 * reference on @store instead of copying them. For
 * #CocreaContributionList's get_item().
 */
CocreaContribution *
cocrea_contribution_new_borrowed (CocreaContributionStore *store,
                                  const CocreaContributionRow *row)
{
  CocreaContribution *self = g_object_new (COCREA_TYPE_CONTRIBUTION, NULL);

  self->store = cocrea_contribution_store_ref (store);
  self->id = row->id;
  self->activity_id = row->activity_id;
  self->group_id = row->group_id;
  self->proposal_id = row->proposal_id;
  self->activity_name = (char *) row->activity_name;
  self->group_name = (char *) row->group_name;
  self->text = (char *) row->text;
  self->folded = (char *) row->folded;
  self->area = (char *) row->area;
  self->origin = row->origin;
  self->axes = row->axes;
  return self;
}

gint64
cocrea_contribution_get_id (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), 0);
  return self->id;
}

gint64
cocrea_contribution_get_activity_id (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), 0);
  return self->activity_id;
}

const char *
cocrea_contribution_get_activity_name (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), NULL);
  return self->activity_name;
}

/* The group's id, or 0 when the contribution has no group. */
gint64
cocrea_contribution_get_group_id (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), 0);
  return self->group_id;
}

/* The group's name, or NULL when the contribution has no group. */
const char *
cocrea_contribution_get_group_name (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), NULL);
  return self->group_name;
}

CocreaOrigin
cocrea_contribution_get_origin (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), COCREA_ORIGIN_COMMUNITY);
  return self->origin;
}

const char *
cocrea_contribution_get_text (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), NULL);
  return self->text;
}

const char *
cocrea_contribution_get_area (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), NULL);
  return self->area;
}

guint
cocrea_contribution_get_axes (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), 0);
  return self->axes;
}

/* The proposal it is merged into, or 0. */
gint64
cocrea_contribution_get_proposal_id (CocreaContribution *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), 0);
  return self->proposal_id;
}

/* Fills @fields from the contribution, to prefill an edit. The strings belong to @self. */
void
cocrea_contribution_get_fields (CocreaContribution *self, CocreaContributionFields *fields)
{
  g_return_if_fail (COCREA_IS_CONTRIBUTION (self));

  fields->activity_id = self->activity_id;
  fields->group_id = self->group_id;
  fields->origin = self->origin;
  fields->text = self->text;
  fields->area = self->area;
  fields->axes = self->axes;
}

/*
 * cocrea_contribution_filter_words:
 * Prepares what the user typed in a filter entry for
 * cocrea_contribution_matches(): its words, lowercase and without
 * accents. Call it once per keystroke, not once per row. Returns a
 * NULL-terminated array, empty when nothing was typed.
 */
char **
cocrea_contribution_filter_words (const char *typed)
{
  g_autofree char *folded = cocrea_fold_fast (typed);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) parts = g_strsplit_set (folded, " \t\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/*
 * cocrea_contribution_matches:
 * TRUE when every word of @words (from cocrea_contribution_filter_words())
 * occurs in the contribution's text, ignoring case and accents ("partic"
 * matches "Participación"), or is its id. A GtkCustomFilter calls this
 * per row; it does no allocation.
 */
gboolean
cocrea_contribution_matches (CocreaContribution *self, const char * const *words)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION (self), FALSE);

  return cocrea_contribution_row_matches (self->folded, self->id, words);
}

/*
 * cocrea_contribution_lookup:
 * Returns contribution @id, or NULL with COCREA_ERROR_NOT_FOUND (or a
 * database error).
 */
CocreaContribution *
cocrea_contribution_lookup (CocreaDocument *document, gint64 id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, CONTRIBUTION_QUERY " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return contribution_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no contribution %lld"), (long long) id);
  else
    cocrea_db_set_error (error, db, rc, NULL);
  return NULL;
}

/*
 * validate:
 * Checks @fields, with @text already normalised, against the rules of a
 * contribution and the records it names. Sets COCREA_ERROR_INVALID or
 * COCREA_ERROR_NOT_FOUND.
 */
static gboolean
validate (sqlite3 *db, const CocreaContributionFields *fields, const char *text, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (*text == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The contribution has no text"));
      return FALSE;
    }
  if (!cocrea_text_check_length (text, COCREA_TEXT_MAX_LONG, error) ||
      !cocrea_text_check_length (fields->area, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  if ((guint) fields->origin >= COCREA_N_ORIGINS)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID, _("Unknown origin"));
      return FALSE;
    }
  if (fields->axes > COCREA_AXES_ALL)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID, _("Unknown OGP axis"));
      return FALSE;
    }

  stmt = cocrea_db_prepare (db, "SELECT (SELECT count (*) FROM activity WHERE id = ?1),"
                                " (SELECT activity_id FROM table_group WHERE id = ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fields->activity_id);
  sqlite3_bind_int64 (stmt, 2, fields->group_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no activity %lld"), (long long) fields->activity_id);
      return FALSE;
    }
  if (fields->group_id != 0 && sqlite3_column_int64 (stmt, 1) != fields->activity_id)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("The activity has no group %lld"), (long long) fields->group_id);
      return FALSE;
    }
  return TRUE;
}

static void
bind_fields (sqlite3_stmt *stmt, const CocreaContributionFields *fields, const char *text,
             const char *area)
{
  sqlite3_bind_int64 (stmt, 1, fields->activity_id);
  if (fields->group_id != 0)
    sqlite3_bind_int64 (stmt, 2, fields->group_id);
  else
    sqlite3_bind_null (stmt, 2);
  cocrea_db_bind_text (stmt, 3, cocrea_origin_to_key (fields->origin));
  cocrea_db_bind_text (stmt, 4, text);
  cocrea_db_bind_text (stmt, 5, area);
  sqlite3_bind_int (stmt, 6, (int) fields->axes);
}

/**
 * cocrea_contribution_add:
 * @document: a process open for writing
 * @fields: the new contribution
 * @id: (out) (optional): its id
 * @undo: (out) (optional): the record that removes it again
 * @error: return location for a #CocreaError
 *
 * Saves a contribution, unmerged, and indexes it for suggestions, as one
 * edit logged as "add-contribution". Any length and any character
 * (emoji included) is kept as typed, NFC-normalised and trimmed.
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty text,
 *   %COCREA_ERROR_NOT_FOUND for an unknown activity or a group of another
 *   activity
 */
gboolean
cocrea_contribution_add (CocreaDocument *document, const CocreaContributionFields *fields,
                         gint64 *id, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *text = cocrea_text_normalize (fields->text);
  g_autofree char *area = cocrea_text_normalize (fields->area);
  g_autofree char *subject = NULL;
  g_autofree char *now = cocrea_db_now ();
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 new_id;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  if (!validate (db, fields, text, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "INSERT INTO contribution (activity_id, group_id, origin, text,"
                                " area, axes, created_at, uid)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, fields, text, area);
  cocrea_db_bind_text (stmt, 7, now);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  new_id = sqlite3_last_insert_rowid (db);

  record = cocrea_undo_new ("add-contribution", _("Add a contribution"));
  cocrea_undo_capture_absent (record, COCREA_UNDO_CONTRIBUTION, new_id);
  subject = g_strdup_printf ("contribution:%" G_GINT64_FORMAT, new_id);
  if (!cocrea_index_contribution (db, new_id, TRUE, error) ||
      !cocrea_document_log (document, "add-contribution", subject, "", error))
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
 * cocrea_contribution_update:
 * @document: a process open for writing
 * @id: the contribution
 * @fields: its new values; its merge link is kept
 * @undo: (out) (optional): the record that restores the old values
 * @error: return location for a #CocreaError
 *
 * Rewrites contribution @id and its index entry as one edit, logged as
 * "update-contribution".
 *
 * Returns: %TRUE on success; errors as for cocrea_contribution_add(), and
 *   %COCREA_ERROR_NOT_FOUND for an unknown contribution
 */
gboolean
cocrea_contribution_update (CocreaDocument *document, gint64 id,
                            const CocreaContributionFields *fields, CocreaUndo **undo,
                            GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *text = cocrea_text_normalize (fields->text);
  g_autofree char *area = cocrea_text_normalize (fields->area);
  g_autofree char *subject = g_strdup_printf ("contribution:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  if (!validate (db, fields, text, error))
    return FALSE;

  record = cocrea_undo_new ("update-contribution", _("Edit a contribution"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_CONTRIBUTION, id, error) ||
      !cocrea_index_contribution (db, id, FALSE, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "UPDATE contribution SET activity_id = ?1, group_id = ?2,"
                                " origin = ?3, text = ?4, area = ?5, axes = ?6 WHERE id = ?7",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, fields, text, area);
  sqlite3_bind_int64 (stmt, 7, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no contribution %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_index_contribution (db, id, TRUE, error) ||
      !cocrea_document_log (document, "update-contribution", subject, "", error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * cocrea_contribution_delete:
 * @document: a process open for writing
 * @id: the contribution
 * @undo: (out) (optional): the record that brings it back, with its id
 *   and merge link
 * @error: return location for a #CocreaError
 *
 * Deletes contribution @id and its index entry as one edit, logged as
 * "delete-contribution".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_NOT_FOUND for an unknown id
 */
gboolean
cocrea_contribution_delete (CocreaDocument *document, gint64 id, CocreaUndo **undo,
                            GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *subject = g_strdup_printf ("contribution:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("delete-contribution", _("Delete a contribution"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_CONTRIBUTION, id, error) ||
      !cocrea_index_contribution (db, id, FALSE, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "DELETE FROM contribution WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no contribution %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_document_log (document, "delete-contribution", subject, "", error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
