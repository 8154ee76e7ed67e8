/* cocrea-proposal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-proposal-private.h"
#include "cocrea-search-index.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

struct _CocreaProposal {
  GObject parent_instance;

  gint64 id;
  gint64 merged_into_id;
  char *title;
  char *description;
  char *area;
  guint axes;
  guint inclusion;
  CocreaOrigin origin;
  guint n_contributions;
  guint n_groups;
  guint n_activities;
  guint n_supports;
};

G_DEFINE_FINAL_TYPE (CocreaProposal, cocrea_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_AREA,
  PROP_AXES,
  PROP_INCLUSION,
  PROP_ORIGIN,
  PROP_MERGED_INTO_ID,
  PROP_N_CONTRIBUTIONS,
  PROP_N_GROUPS,
  PROP_N_ACTIVITIES,
  PROP_N_SUPPORTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_proposal_finalize (GObject *object)
{
  CocreaProposal *self = COCREA_PROPOSAL (object);

  g_free (self->title);
  g_free (self->description);
  g_free (self->area);

  G_OBJECT_CLASS (cocrea_proposal_parent_class)->finalize (object);
}

static void
cocrea_proposal_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaProposal *self = COCREA_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;
    case PROP_AXES:
      g_value_set_uint (value, self->axes);
      break;
    case PROP_INCLUSION:
      g_value_set_uint (value, self->inclusion);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, cocrea_origin_to_key (self->origin));
      break;
    case PROP_MERGED_INTO_ID:
      g_value_set_int64 (value, self->merged_into_id);
      break;
    case PROP_N_CONTRIBUTIONS:
      g_value_set_uint (value, self->n_contributions);
      break;
    case PROP_N_GROUPS:
      g_value_set_uint (value, self->n_groups);
      break;
    case PROP_N_ACTIVITIES:
      g_value_set_uint (value, self->n_activities);
      break;
    case PROP_N_SUPPORTS:
      g_value_set_uint (value, self->n_supports);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_proposal_class_init (CocreaProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_proposal_finalize;
  object_class->get_property = cocrea_proposal_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_AREA] = g_param_spec_string ("area", NULL, NULL, NULL, flags);
  properties[PROP_AXES] = g_param_spec_uint ("axes", NULL, NULL, 0, COCREA_AXES_ALL, 0, flags);
  properties[PROP_INCLUSION] = g_param_spec_uint ("inclusion", NULL, NULL, 0, 31, 0, flags);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, flags);
  properties[PROP_MERGED_INTO_ID] =
    g_param_spec_int64 ("merged-into-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_N_CONTRIBUTIONS] =
    g_param_spec_uint ("n-contributions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_GROUPS] = g_param_spec_uint ("n-groups", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ACTIVITIES] =
    g_param_spec_uint ("n-activities", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_SUPPORTS] =
    g_param_spec_uint ("n-supports", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_proposal_init (CocreaProposal *self)
{
}

/* Builds a proposal, without counts, from a row starting with
 * COCREA_PROPOSAL_COLUMNS (a CocreaDbRowFunc: @user_data and @error are
 * not used). */
gpointer
cocrea_proposal_new_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaProposal *self = g_object_new (COCREA_TYPE_PROPOSAL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 1));
  self->description = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 2));
  self->area = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 3));
  self->axes = sqlite3_column_int (stmt, 4);
  self->inclusion = sqlite3_column_int (stmt, 5);
  if (!cocrea_origin_from_text ((const char *) sqlite3_column_text (stmt, 6), &self->origin))
    self->origin = COCREA_ORIGIN_COMMUNITY;
  self->merged_into_id = sqlite3_column_int64 (stmt, 7);
  return self;
}

/* A new proposal holding what @self holds, counts included: the tally
 * gives a list a new item when the counts change, as items do not. */
CocreaProposal *
cocrea_proposal_copy (CocreaProposal *self)
{
  CocreaProposal *copy = g_object_new (COCREA_TYPE_PROPOSAL, NULL);

  copy->id = self->id;
  copy->merged_into_id = self->merged_into_id;
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->area = g_strdup (self->area);
  copy->axes = self->axes;
  copy->inclusion = self->inclusion;
  copy->origin = self->origin;
  copy->n_contributions = self->n_contributions;
  copy->n_groups = self->n_groups;
  copy->n_activities = self->n_activities;
  copy->n_supports = self->n_supports;
  return copy;
}

void
cocrea_proposal_set_counts (CocreaProposal *self, guint n_contributions, guint n_groups,
                            guint n_activities)
{
  self->n_contributions = n_contributions;
  self->n_groups = n_groups;
  self->n_activities = n_activities;
}

gint64
cocrea_proposal_get_id (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->id;
}

const char *
cocrea_proposal_get_title (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), NULL);
  return self->title;
}

const char *
cocrea_proposal_get_description (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), NULL);
  return self->description;
}

const char *
cocrea_proposal_get_area (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), NULL);
  return self->area;
}

guint
cocrea_proposal_get_axes (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->axes;
}

guint
cocrea_proposal_get_inclusion (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->inclusion;
}

CocreaOrigin
cocrea_proposal_get_origin (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), COCREA_ORIGIN_COMMUNITY);
  return self->origin;
}

/* The proposal this one was merged into, or 0 for a top-level proposal. */
gint64
cocrea_proposal_get_merged_into_id (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->merged_into_id;
}

/* Tally counts; set only on the proposals of cocrea_tally(), 0 elsewhere. */
guint
cocrea_proposal_get_n_contributions (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->n_contributions;
}

guint
cocrea_proposal_get_n_groups (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->n_groups;
}

guint
cocrea_proposal_get_n_activities (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->n_activities;
}

/* Supports its contributions gathered online (Decidim), merged-in ones
 * included; set by the tally, 0 otherwise. */
guint
cocrea_proposal_get_n_supports (CocreaProposal *self)
{
  g_return_val_if_fail (COCREA_IS_PROPOSAL (self), 0);
  return self->n_supports;
}

void
cocrea_proposal_set_supports (CocreaProposal *self, guint n_supports)
{
  self->n_supports = n_supports;
}

void
cocrea_proposal_add_supports (CocreaProposal *self, guint n_supports)
{
  self->n_supports = n_supports > G_MAXUINT - self->n_supports ? G_MAXUINT
                                                               : self->n_supports + n_supports;
}

/* Fills @fields from the proposal, to prefill an edit. The strings belong to @self. */
void
cocrea_proposal_get_fields (CocreaProposal *self, CocreaProposalFields *fields)
{
  g_return_if_fail (COCREA_IS_PROPOSAL (self));

  fields->title = self->title;
  fields->description = self->description;
  fields->area = self->area;
  fields->axes = self->axes;
  fields->inclusion = self->inclusion;
  fields->origin = self->origin;
}

/*
 * cocrea_proposal_list:
 * Returns every proposal, merged-away ones included, by id, as a list of
 * #CocreaProposal without counts (cocrea_tally() has them); NULL with
 * @error set on failure.
 */
GListModel *
cocrea_proposal_list (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db, "SELECT " COCREA_PROPOSAL_COLUMNS " FROM proposal p ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_PROPOSAL, cocrea_proposal_new_from_row,
                                  NULL, error);
}

/*
 * cocrea_proposal_lookup:
 * Returns proposal @id without counts, or NULL with COCREA_ERROR_NOT_FOUND
 * (or a database error).
 */
CocreaProposal *
cocrea_proposal_lookup (CocreaDocument *document, gint64 id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, "SELECT " COCREA_PROPOSAL_COLUMNS " FROM proposal p WHERE p.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return cocrea_proposal_new_from_row (stmt, NULL, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no proposal %lld"), (long long) id);
  else
    cocrea_db_set_error (error, db, rc, NULL);
  return NULL;
}

/**
 * cocrea_proposal_update:
 * @document: a process open for writing
 * @id: the proposal
 * @fields: its new values
 * @undo: (out) (optional): the record that restores the old values
 * @error: return location for a #CocreaError
 *
 * Rewrites proposal @id and its index entry as one edit, logged as
 * "update-proposal".
 *
 * Returns: %TRUE on success; %COCREA_ERROR_INVALID for an empty title or
 *   unknown axes, inclusion groups or origin; %COCREA_ERROR_NOT_FOUND
 */
gboolean
cocrea_proposal_update (CocreaDocument *document, gint64 id, const CocreaProposalFields *fields,
                        CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *title = cocrea_text_normalize (fields->title);
  g_autofree char *description = cocrea_text_normalize (fields->description);
  g_autofree char *area = cocrea_text_normalize (fields->area);
  g_autofree char *subject = g_strdup_printf ("proposal:%" G_GINT64_FORMAT, id);
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (*title == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The proposal needs a title"));
      return FALSE;
    }
  if (!cocrea_text_check_length (title, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (description, COCREA_TEXT_MAX_LONG, error) ||
      !cocrea_text_check_length (area, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  if (fields->axes > COCREA_AXES_ALL || fields->inclusion > 31 ||
      (guint) fields->origin >= COCREA_N_ORIGINS)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Unknown axis, inclusion group or origin"));
      return FALSE;
    }

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);

  record = cocrea_undo_new ("update-proposal", _("Edit a proposal"));
  if (!cocrea_undo_capture (record, db, COCREA_UNDO_PROPOSAL, id, error) ||
      !cocrea_index_proposal (db, id, FALSE, error))
    return FALSE;

  stmt = cocrea_db_prepare (db, "UPDATE proposal SET title = ?1, description = ?2, area = ?3,"
                                " axes = ?4, inclusion = ?5, origin = ?6 WHERE id = ?7",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, title);
  cocrea_db_bind_text (stmt, 2, description);
  cocrea_db_bind_text (stmt, 3, area);
  sqlite3_bind_int (stmt, 4, (int) fields->axes);
  sqlite3_bind_int (stmt, 5, (int) fields->inclusion);
  cocrea_db_bind_text (stmt, 6, cocrea_origin_to_key (fields->origin));
  sqlite3_bind_int64 (stmt, 7, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no proposal %lld"), (long long) id);
      return FALSE;
    }
  if (!cocrea_index_proposal (db, id, TRUE, error) ||
      !cocrea_document_log (document, "update-proposal", subject, title, error))
    return FALSE;

  if (!cocrea_edit_commit (edit, error))
    return FALSE;
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}
