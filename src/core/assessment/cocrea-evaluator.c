/* cocrea-evaluator.c
 *
 * Evaluators are matched by name when scores come back from another
 * laptop, so names are unique and normalised (trimmed, single spaces).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-evaluator.h"
#include "cocrea-text.h"

struct _CocreaEvaluator {
  GObject parent_instance;

  gint64 id;
  char *name;
  char *department;
};

G_DEFINE_FINAL_TYPE (CocreaEvaluator, cocrea_evaluator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DEPARTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @name as stored: normalised, with each run of white space made one
 * space, so "Ana  Pérez" typed on two laptops is one evaluator. */
static char *
clean_evaluator_name (const char *name)
{
  g_autofree char *normal = cocrea_text_normalize (name);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
cocrea_evaluator_finalize (GObject *object)
{
  CocreaEvaluator *self = COCREA_EVALUATOR (object);

  g_free (self->name);
  g_free (self->department);

  G_OBJECT_CLASS (cocrea_evaluator_parent_class)->finalize (object);
}

static void
cocrea_evaluator_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaEvaluator *self = COCREA_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_evaluator_class_init (CocreaEvaluatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_evaluator_finalize;
  object_class->get_property = cocrea_evaluator_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_evaluator_init (CocreaEvaluator *self)
{
}

gint64
cocrea_evaluator_get_id (CocreaEvaluator *self)
{
  g_return_val_if_fail (COCREA_IS_EVALUATOR (self), 0);
  return self->id;
}

const char *
cocrea_evaluator_get_name (CocreaEvaluator *self)
{
  g_return_val_if_fail (COCREA_IS_EVALUATOR (self), NULL);
  return self->name;
}

const char *
cocrea_evaluator_get_department (CocreaEvaluator *self)
{
  g_return_val_if_fail (COCREA_IS_EVALUATOR (self), NULL);
  return self->department;
}

/* Builds an evaluator from a row of id, name, department (a CocreaDbRowFunc). */
static gpointer
evaluator_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaEvaluator *evaluator = g_object_new (COCREA_TYPE_EVALUATOR, NULL);

  evaluator->id = sqlite3_column_int64 (stmt, 0);
  evaluator->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  evaluator->department = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  return evaluator;
}

/*
 * cocrea_evaluator_list:
 * Returns the evaluators sorted by name, as a list of #CocreaEvaluator,
 * or NULL with @error set.
 */
GListModel *
cocrea_evaluator_list (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db, "SELECT id, name, department FROM evaluator ORDER BY name, id",
                            error);
  if (stmt == NULL)
    return NULL;
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_EVALUATOR, evaluator_from_row, NULL,
                                  error);
}

/*
 * cocrea_evaluator_find:
 * Looks up the evaluator called @name (normalised as when stored) and
 * sets *@id. Fails with COCREA_ERROR_NOT_FOUND when there is none.
 */
gboolean
cocrea_evaluator_find (CocreaDocument *document, const char *name, gint64 *id, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autofree char *clean = clean_evaluator_name (name);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (name != NULL && id != NULL, FALSE);

  stmt = cocrea_db_prepare (db, "SELECT id FROM evaluator WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, clean);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    cocrea_db_set_error (error, db, rc, NULL);
  else
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND, _("There is no evaluator “%s”"),
                 clean);
  return FALSE;
}

/* Normalises @name into *@clean; fails with COCREA_ERROR_INVALID when blank. */
static gboolean
check_name (const char *name, char **clean, GError **error)
{
  *clean = clean_evaluator_name (name != NULL ? name : "");
  if (**clean == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("An evaluator needs a name"));
      return FALSE;
    }
  return cocrea_text_check_length (*clean, COCREA_TEXT_MAX_NAME, error);
}

/* Turns a UNIQUE violation on the name into a message that names it. */
static void
set_write_error (GError **error, sqlite3 *db, const char *name)
{
  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS,
                 _("There is already an evaluator called “%s”"), name);
  else
    cocrea_db_set_error (error, db, sqlite3_errcode (db), NULL);
}

/*
 * cocrea_evaluator_add:
 * Adds an evaluator as one edit and returns its id, or 0 with @error set:
 * COCREA_ERROR_INVALID for a blank name, COCREA_ERROR_EXISTS when the
 * name is taken.
 */
gint64
cocrea_evaluator_add (CocreaDocument *document, const char *name, const char *department,
                      GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autofree char *clean = NULL;
  g_autofree char *clean_department = cocrea_text_normalize (department ? department : "");
  g_autofree char *subject = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!check_name (name, &clean, error) ||
      !cocrea_text_check_length (clean_department, COCREA_TEXT_MAX_NAME, error))
    return 0;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return 0;

  stmt = cocrea_db_prepare (db, "INSERT INTO evaluator (name, department) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  cocrea_db_bind_text (stmt, 1, clean);
  cocrea_db_bind_text (stmt, 2, clean_department);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (error, db, clean);
      return 0;
    }
  id = sqlite3_last_insert_rowid (db);

  subject = g_strdup_printf ("evaluator:%" G_GINT64_FORMAT, id);
  if (!cocrea_document_log (document, "add-evaluator", subject, clean, error))
    return 0;
  if (!cocrea_edit_commit (edit, error))
    return 0;
  return id;
}

/*
 * cocrea_evaluator_update:
 * Renames evaluator @id and sets its department, as one edit. Fails like
 * cocrea_evaluator_add(), and with COCREA_ERROR_NOT_FOUND for an unknown id.
 */
gboolean
cocrea_evaluator_update (CocreaDocument *document, gint64 id, const char *name,
                         const char *department, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autofree char *clean = NULL;
  g_autofree char *clean_department = cocrea_text_normalize (department ? department : "");
  g_autofree char *subject = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!check_name (name, &clean, error) ||
      !cocrea_text_check_length (clean_department, COCREA_TEXT_MAX_NAME, error))
    return FALSE;
  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (db, "UPDATE evaluator SET name = ?, department = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, clean);
  cocrea_db_bind_text (stmt, 2, clean_department);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (error, db, clean);
      return FALSE;
    }
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no evaluator with number %lld"), (long long) id);
      return FALSE;
    }

  subject = g_strdup_printf ("evaluator:%" G_GINT64_FORMAT, id);
  if (!cocrea_document_log (document, "update-evaluator", subject, clean, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/*
 * cocrea_evaluator_delete:
 * Deletes evaluator @id and, with it, all their scores, as one edit; the
 * audit log keeps the name and how many scores went. Fails with
 * COCREA_ERROR_NOT_FOUND for an unknown id.
 */
gboolean
cocrea_evaluator_delete (CocreaDocument *document, gint64 id, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;
  gint64 n_scores = 0;
  int rc;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (db,
                            "SELECT name, (SELECT count(*) FROM score WHERE evaluator_id = e.id)"
                            " FROM evaluator e WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no evaluator with number %lld"), (long long) id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  n_scores = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Explicit, not left to ON DELETE CASCADE: foreign keys may be off. */
  stmt = cocrea_db_prepare (db, "DELETE FROM score WHERE evaluator_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cocrea_db_prepare (db, "DELETE FROM evaluator WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;

  subject = g_strdup_printf ("evaluator:%" G_GINT64_FORMAT, id);
  detail = g_strdup_printf ("%s (%" G_GINT64_FORMAT " scores)", name, n_scores);
  if (!cocrea_document_log (document, "delete-evaluator", subject, detail, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}
