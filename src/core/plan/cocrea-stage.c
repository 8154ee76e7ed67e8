/* cocrea-stage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-stage.h"

struct _CocreaStage {
  GObject parent_instance;

  int position;
  char *key;
  char *name;
  char *starts_on;
  char *ends_on;
  CocreaStageStatus status;
};

G_DEFINE_FINAL_TYPE (CocreaStage, cocrea_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_NAME,
  PROP_PERIOD,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *name;
} default_names[] = {
  { "planning",     N_("Planning and diagnosis") },
  { "co-creation",  N_("Co-creation meetings") },
  { "analysis",     N_("Analysis and selection of proposals") },
  { "drafting",     N_("Drafting the action plan") },
  { "consultation", N_("Public consultation") },
  { "decision",     N_("Final decision and accountability") },
  { "launch",       N_("Launch and monitoring") },
};

/* The translated name of a built-in stage, or @key itself for an unknown one. */
const char *
cocrea_stage_default_name (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_names); i++)
    if (g_str_equal (default_names[i].key, key))
      return _(default_names[i].name);
  return key;
}


static void
cocrea_stage_finalize (GObject *object)
{
  CocreaStage *self = COCREA_STAGE (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->starts_on);
  g_free (self->ends_on);

  G_OBJECT_CLASS (cocrea_stage_parent_class)->finalize (object);
}

static void
cocrea_stage_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaStage *self = COCREA_STAGE (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_NAME:
      g_value_set_string (value, cocrea_stage_get_name (self));
      break;
    case PROP_PERIOD:
      g_value_take_string (value, cocrea_stage_format_period (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, cocrea_stage_status_label (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_stage_class_init (CocreaStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_stage_finalize;
  object_class->get_property = cocrea_stage_get_property;

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_stage_init (CocreaStage *self)
{
}

int
cocrea_stage_get_position (CocreaStage *self)
{
  g_return_val_if_fail (COCREA_IS_STAGE (self), 0);
  return self->position;
}

const char *
cocrea_stage_get_key (CocreaStage *self)
{
  g_return_val_if_fail (COCREA_IS_STAGE (self), NULL);
  return self->key;
}

/* The stage's own name if the process gave it one, else the translated default. */
const char *
cocrea_stage_get_name (CocreaStage *self)
{
  g_return_val_if_fail (COCREA_IS_STAGE (self), NULL);
  return self->name != NULL ? self->name : cocrea_stage_default_name (self->key);
}

const char *
cocrea_stage_get_starts_on (CocreaStage *self)
{
  g_return_val_if_fail (COCREA_IS_STAGE (self), NULL);
  return self->starts_on;
}

const char *
cocrea_stage_get_ends_on (CocreaStage *self)
{
  g_return_val_if_fail (COCREA_IS_STAGE (self), NULL);
  return self->ends_on;
}

CocreaStageStatus
cocrea_stage_get_status (CocreaStage *self)
{
  g_return_val_if_fail (COCREA_IS_STAGE (self), COCREA_STAGE_PENDING);
  return self->status;
}

/* "October 2018 – January 2019", one date alone, or "To be defined". */
char *
cocrea_stage_format_period (CocreaStage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (COCREA_IS_STAGE (self), NULL);

  if (self->starts_on == NULL && self->ends_on == NULL)
    return g_strdup (_("To be defined"));

  from = cocrea_format_partial_date (self->starts_on);
  to = cocrea_format_partial_date (self->ends_on);

  if (self->starts_on == NULL || self->ends_on == NULL || g_str_equal (from, to))
    return g_strdup (self->starts_on != NULL ? from : to);

  return g_strdup_printf ("%s – %s", from, to);
}

/* Builds a stage from a row of cocrea_stage_list()'s query (a CocreaDbRowFunc). */
static gpointer
stage_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaStage *stage = g_object_new (COCREA_TYPE_STAGE, NULL);

  stage->position = sqlite3_column_int (stmt, 0);
  stage->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  stage->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  stage->starts_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  stage->ends_on = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  if (!cocrea_stage_status_from_key ((const char *) sqlite3_column_text (stmt, 5),
                                     &stage->status))
    stage->status = COCREA_STAGE_PENDING;
  return stage;
}

/*
 * cocrea_stage_list:
 * Returns the stages of the process in order, as a list of #CocreaStage,
 * or NULL with @error set.
 */
GListModel *
cocrea_stage_list (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db,
                            "SELECT position, key, name, starts_on, ends_on, status"
                            " FROM stage ORDER BY position",
                            error);
  if (stmt == NULL)
    return NULL;

  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_STAGE, stage_from_row, NULL, error);
}

/*
 * cocrea_stage_update:
 * Sets the period and status of the stage @key as one edit. Dates are
 * partial dates (see cocrea_partial_date_is_valid()) or NULL for "to be
 * defined". Fails with COCREA_ERROR_INVALID on a bad date or a period that
 * ends before it starts, COCREA_ERROR_NOT_FOUND for an unknown stage.
 */
gboolean
cocrea_stage_update (CocreaDocument *document, const char *key, const char *starts_on,
                     const char *ends_on, CocreaStageStatus status, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (starts_on != NULL && *starts_on == '\0')
    starts_on = NULL;
  if (ends_on != NULL && *ends_on == '\0')
    ends_on = NULL;

  if ((starts_on != NULL && !cocrea_partial_date_is_valid (starts_on)) ||
      (ends_on != NULL && !cocrea_partial_date_is_valid (ends_on)))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Write dates as a year (2019), a month (2019-10) or a day (2019-10-01)"));
      return FALSE;
    }
  /* Partial dates of the same form compare as text; a year is before all its months. */
  if (starts_on != NULL && ends_on != NULL &&
      strncmp (ends_on, starts_on, MIN (strlen (starts_on), strlen (ends_on))) < 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The stage ends before it starts"));
      return FALSE;
    }

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (db, "UPDATE stage SET starts_on = ?, ends_on = ?, status = ? WHERE key = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_date (stmt, 1, starts_on);
  cocrea_db_bind_date (stmt, 2, ends_on);
  cocrea_db_bind_text (stmt, 3, cocrea_stage_status_to_key (status));
  cocrea_db_bind_text (stmt, 4, key);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND, _("There is no stage “%s”"), key);
      return FALSE;
    }
  if (!cocrea_document_log (document, "update-stage", key, cocrea_stage_status_to_key (status), error))
    return FALSE;

  return cocrea_edit_commit (edit, error);
}
