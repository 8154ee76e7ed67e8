/* cocrea-criterion.c
 *
 * A criterion row keeps name and description NULL until the process
 * renames it, so a file made in Spanish shows English labels to an
 * English user: the defaults are translated when read, not when stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n-lib.h>

#include "cocrea-criterion.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-text.h"
#include "cocrea-types.h"

struct _CocreaCriterion {
  GObject parent_instance;

  gint64 id;
  char *key;
  char *name;        /* NULL: the translated default */
  char *description; /* NULL: the translated default */
  int scale_min;
  int scale_max;
  double weight;
  int position;
};

G_DEFINE_FINAL_TYPE (CocreaCriterion, cocrea_criterion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_SCALE_MIN,
  PROP_SCALE_MAX,
  PROP_WEIGHT,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The five criteria of the Renca viability workshop and its inclusion
 * criterion, which cocrea_document_create() gives every new process. */
#define SHORT_NAME_CONTEXT "criterion, short"
static const struct {
  const char *key;
  const char *name;
  const char *short_name; /* in the context SHORT_NAME_CONTEXT */
  const char *description;
} defaults[] = {
  { "technical", N_("Technical viability"), NC_("criterion, short", "Technical"),
    N_("Whether the municipality has the skills, staff and tools to carry out the proposal.") },
  { "budget", N_("Budget viability"), NC_("criterion, short", "Budget"),
    N_("Whether the proposal can be paid for with the resources available in the plan’s period.") },
  { "political", N_("Political-administrative viability"), NC_("criterion, short", "Political"),
    N_("Whether the authorities support it and the rules and approvals it needs can be obtained.") },
  { "coherence", N_("Coherence with municipal planning"), NC_("criterion, short", "Coherence"),
    N_("Whether it fits the plans, policies and programmes the municipality already has.") },
  { "inclusion", N_("Inclusion and diversity"), NC_("criterion, short", "Inclusion"),
    N_("How much it helps women, youth, migrants, indigenous peoples and people with "
       "disabilities to take part and to be informed.") },
};

/* The translated default name of a built-in criterion, or @key itself. */
const char *
cocrea_criterion_default_name (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].key, key))
      return _(defaults[i].name);
  return key;
}

/* The translated one-word name of a built-in criterion, for a column
 * heading too narrow for its full name (issue 11: five full names did
 * not fit beside the proposals at 150 % text), or NULL for another key. */
const char *
cocrea_criterion_default_short_name (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].key, key))
      return g_dpgettext2 (GETTEXT_PACKAGE, SHORT_NAME_CONTEXT, defaults[i].short_name);
  return NULL;
}

/* What a narrow column heading calls a criterion: a built-in one's one
 * word while it keeps its default name, else its @name. */
const char *
cocrea_criterion_short_name (const char *key, const char *name)
{
  const char *short_name;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  short_name = cocrea_criterion_default_short_name (key);
  if (short_name != NULL && g_str_equal (name, cocrea_criterion_default_name (key)))
    return short_name;
  return name;
}

/* The translated default description of a built-in criterion, or "". */
const char *
cocrea_criterion_default_description (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].key, key))
      return _(defaults[i].description);
  return "";
}

static void
cocrea_criterion_finalize (GObject *object)
{
  CocreaCriterion *self = COCREA_CRITERION (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (cocrea_criterion_parent_class)->finalize (object);
}

static void
cocrea_criterion_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaCriterion *self = COCREA_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, cocrea_criterion_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, cocrea_criterion_get_description (self));
      break;
    case PROP_SCALE_MIN:
      g_value_set_int (value, self->scale_min);
      break;
    case PROP_SCALE_MAX:
      g_value_set_int (value, self->scale_max);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_criterion_class_init (CocreaCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cocrea_criterion_finalize;
  object_class->get_property = cocrea_criterion_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_SCALE_MIN] = g_param_spec_int ("scale-min", NULL, NULL, G_MININT, G_MAXINT, 1, flags);
  properties[PROP_SCALE_MAX] = g_param_spec_int ("scale-max", NULL, NULL, G_MININT, G_MAXINT, 5, flags);
  properties[PROP_WEIGHT] = g_param_spec_double ("weight", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_criterion_init (CocreaCriterion *self)
{
}

gint64
cocrea_criterion_get_id (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), 0);
  return self->id;
}

const char *
cocrea_criterion_get_key (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), NULL);
  return self->key;
}

/* The process's own name for the criterion, else the translated default. */
const char *
cocrea_criterion_get_name (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), NULL);
  return self->name != NULL ? self->name : cocrea_criterion_default_name (self->key);
}

/* The process's own description, else the translated default. */
const char *
cocrea_criterion_get_description (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), NULL);
  return self->description != NULL ? self->description
                                   : cocrea_criterion_default_description (self->key);
}

int
cocrea_criterion_get_scale_min (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), 0);
  return self->scale_min;
}

int
cocrea_criterion_get_scale_max (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), 0);
  return self->scale_max;
}

double
cocrea_criterion_get_weight (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), 0);
  return self->weight;
}

int
cocrea_criterion_get_position (CocreaCriterion *self)
{
  g_return_val_if_fail (COCREA_IS_CRITERION (self), 0);
  return self->position;
}

#define SELECT_CRITERION \
  "SELECT id, key, name, description, scale_min, scale_max, weight, position FROM criterion"

/* Builds a criterion from a row of SELECT_CRITERION (a CocreaDbRowFunc). */
static gpointer
criterion_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaCriterion *self = g_object_new (COCREA_TYPE_CRITERION, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  self->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->description = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  self->scale_min = sqlite3_column_int (stmt, 4);
  self->scale_max = sqlite3_column_int (stmt, 5);
  self->weight = sqlite3_column_double (stmt, 6);
  self->position = sqlite3_column_int (stmt, 7);
  return self;
}

/*
 * cocrea_criterion_list:
 * Returns the criteria of the process in their order, as a list of
 * #CocreaCriterion, or NULL with @error set.
 */
GListModel *
cocrea_criterion_list (CocreaDocument *document, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (db, SELECT_CRITERION " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  return cocrea_db_collect_model (db, stmt, COCREA_TYPE_CRITERION, criterion_from_row, NULL, error);
}

/*
 * cocrea_criterion_lookup:
 * Returns the criterion whose key is @key, or NULL with
 * COCREA_ERROR_NOT_FOUND (naming the known keys) or a database error.
 */
CocreaCriterion *
cocrea_criterion_lookup (CocreaDocument *document, const char *key, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (key != NULL, NULL);

  stmt = cocrea_db_prepare (db, SELECT_CRITERION " WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  cocrea_db_bind_text (stmt, 1, key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return criterion_from_row (stmt, NULL, NULL);
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }

  {
    g_autoptr (GListModel) all = cocrea_criterion_list (document, NULL);
    g_autoptr (GString) keys = g_string_new (NULL);

    for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr (CocreaCriterion) c = g_list_model_get_item (all, i);
        g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", c->key);
      }
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("There is no criterion “%s” (the criteria are: %s)"), key, keys->str);
  }
  return NULL;
}

/* NULL when @text is NULL or blank, else the normalised text. */
static char *
clean_or_null (const char *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return NULL;
  clean = cocrea_text_normalize (text);
  return *clean != '\0' ? g_steal_pointer (&clean) : NULL;
}

/*
 * cocrea_criterion_update:
 * Sets the name, description, scale and weight of the criterion @key as
 * one edit. A NULL or blank @name or @description goes back to the
 * translated default. Fails with COCREA_ERROR_INVALID when the scale is
 * empty or reversed, the weight is negative or not a number, or existing
 * scores would fall outside the new scale (they are never clipped
 * silently); COCREA_ERROR_NOT_FOUND for an unknown key.
 */
gboolean
cocrea_criterion_update (CocreaDocument *document, const char *key, const char *name,
                         const char *description, int scale_min, int scale_max, double weight,
                         GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (CocreaCriterion) criterion = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_name = clean_or_null (name);
  g_autofree char *clean_description = clean_or_null (description);
  g_autofree char *detail = NULL;
  gint64 outside = 0;

  g_return_val_if_fail (key != NULL, FALSE);

  if (!cocrea_text_check_length (clean_name, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (clean_description, COCREA_TEXT_MAX_LONG, error))
    return FALSE;
  if (scale_max <= scale_min)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The top of the scale must be greater than its bottom"));
      return FALSE;
    }
  if (scale_min < -COCREA_SCALE_LIMIT || scale_max > COCREA_SCALE_LIMIT)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("A scale goes from %d to %d at most"), -COCREA_SCALE_LIMIT,
                   COCREA_SCALE_LIMIT);
      return FALSE;
    }
  if (!(weight >= 0) || !isfinite (weight))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("A criterion’s weight must be zero or more"));
      return FALSE;
    }
  if (weight > COCREA_MAX_CRITERION_WEIGHT)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("A criterion’s weight can be at most %d"), COCREA_MAX_CRITERION_WEIGHT);
      return FALSE;
    }

  criterion = cocrea_criterion_lookup (document, key, error);
  if (criterion == NULL)
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (db,
                            "SELECT count(*) FROM score WHERE criterion_id = ?"
                            " AND (value < ? OR value > ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, criterion->id);
  sqlite3_bind_int (stmt, 2, scale_min);
  sqlite3_bind_int (stmt, 3, scale_max);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, sqlite3_errcode (db), NULL);
      return FALSE;
    }
  outside = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (outside > 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%lld score lies outside the scale %d–%d; change it first",
                                "%lld scores lie outside the scale %d–%d; change them first",
                                outside),
                   (long long) outside, scale_min, scale_max);
      return FALSE;
    }

  stmt = cocrea_db_prepare (db,
                            "UPDATE criterion SET name = ?, description = ?, scale_min = ?,"
                            " scale_max = ?, weight = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (clean_name != NULL)
    cocrea_db_bind_text (stmt, 1, clean_name);
  if (clean_description != NULL)
    cocrea_db_bind_text (stmt, 2, clean_description);
  sqlite3_bind_int (stmt, 3, scale_min);
  sqlite3_bind_int (stmt, 4, scale_max);
  sqlite3_bind_double (stmt, 5, weight);
  sqlite3_bind_int64 (stmt, 6, criterion->id);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;

  detail = g_strdup_printf ("scale %d-%d, weight %g", scale_min, scale_max, weight);
  if (!cocrea_document_log (document, "update-criterion", key, detail, error))
    return FALSE;

  return cocrea_edit_commit (edit, error);
}
