/* cocrea-representation.c
 *
 * The census shares live in the process record (schema step 7), one
 * nullable column per group: NULL is "not known", which is not 0 (a
 * commune can have no indigenous population on record, and then nobody
 * can be under-represented against it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-representation.h"
#include "cocrea-text.h"
#include "cocrea-verify.h"

/* A population with every share unknown and no source. */
CocreaPopulation *
cocrea_population_new (void)
{
  CocreaPopulation *population = g_new0 (CocreaPopulation, 1);

  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    population->percent[g] = NAN;
  population->source = g_strdup ("");
  return population;
}

void
cocrea_population_free (CocreaPopulation *population)
{
  if (population == NULL)
    return;
  g_free (population->source);
  g_free (population);
}

/*
 * cocrea_population_get:
 * Reads the commune's population shares of @document. Unknown shares are
 * NAN. NULL with @error set when the file cannot be read.
 */
CocreaPopulation *
cocrea_population_get (CocreaDocument *document, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (CocreaPopulation) population = NULL;
  const char *source;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "SELECT population_women, population_youth, population_migrants,"
                            " population_indigenous, population_disability, population_source"
                            " FROM process",
                            error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return NULL;
    }

  population = cocrea_population_new ();
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    if (sqlite3_column_type (stmt, g) != SQLITE_NULL)
      population->percent[g] = sqlite3_column_double (stmt, g);
  source = (const char *) sqlite3_column_text (stmt, COCREA_N_INCLUSION);
  g_free (population->source);
  population->source = source != NULL
                         ? g_utf8_make_valid (source, sqlite3_column_bytes (stmt, COCREA_N_INCLUSION))
                         : g_strdup ("");
  return g_steal_pointer (&population);
}

/*
 * cocrea_population_parse_percent:
 * Reads a share of inclusion group @group as people type it: "51.2",
 * "51,2", "51,2 %"; "" is "not known" (NAN). Fails with
 * COCREA_ERROR_INVALID naming the group for anything else. The range is
 * cocrea_population_validate()'s to check.
 */
gboolean
cocrea_population_parse_percent (const char *text, guint group, double *value, GError **error)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  gsize len;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);
  g_return_val_if_fail (group < COCREA_N_INCLUSION, FALSE);

  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len > 0 && copy[len - 1] == '%')
    {
      copy[len - 1] = '\0';
      g_strstrip (copy);
    }
  if (*copy == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  g_strdelimit (copy, ",", '.');
  *value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (*value))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   /* TRANSLATORS: "Women: “abc” is not a percentage" */
                   _("%s: “%s” is not a percentage"), cocrea_inclusion_label (group), text);
      return FALSE;
    }
  return TRUE;
}

/*
 * cocrea_population_validate:
 * Fails with COCREA_ERROR_INVALID, naming the group, when a known share
 * is not a number from 0 to 100; sets *@bad_group (when given) to its
 * index, else to -1.
 */
gboolean
cocrea_population_validate (const CocreaPopulation *population, int *bad_group, GError **error)
{
  g_return_val_if_fail (population != NULL, FALSE);

  if (bad_group != NULL)
    *bad_group = -1;
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      double p = population->percent[g];

      if (isnan (p))
        continue;
      if (!isfinite (p) || p < 0 || p > 100)
        {
          if (bad_group != NULL)
            *bad_group = (int) g;
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       /* TRANSLATORS: "Women: a share of the population is a percentage from 0 to 100" */
                       _("%s: a share of the population is a percentage from 0 to 100"),
                       cocrea_inclusion_label (g));
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * cocrea_population_set:
 * Writes every share of @population (NAN clears one) and its source as
 * one edit, logged. Fails with COCREA_ERROR_INVALID, writing nothing,
 * when a share is outside 0–100.
 */
gboolean
cocrea_population_set (CocreaDocument *document, const CocreaPopulation *population, GError **error)
{
  /* The guard first, so it ends after the statement is finalized. */
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *source = NULL;
  g_autoptr (GString) detail = g_string_new (NULL);
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (population != NULL, FALSE);

  if (!cocrea_population_validate (population, NULL, error))
    return FALSE;
  source = cocrea_text_normalize (population->source != NULL ? population->source : "");
  if (!cocrea_text_check_length (source, COCREA_TEXT_MAX_LONG, error))
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "UPDATE process SET population_women = ?, population_youth = ?,"
                            " population_migrants = ?, population_indigenous = ?,"
                            " population_disability = ?, population_source = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      double p = population->percent[g];
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (!isnan (p))
        sqlite3_bind_double (stmt, 1 + g, p);
      /* "women=51.2 youth=?": the audit log reads the same in any locale. */
      g_string_append_printf (detail, "%s%s=%s", g > 0 ? " " : "", cocrea_inclusion_key (g),
                              isnan (p) ? "?" : g_ascii_dtostr (number, sizeof number, p));
    }
  cocrea_db_bind_text (stmt, 1 + COCREA_N_INCLUSION, source);

  if (!cocrea_db_step_done (db, stmt, error) ||
      !cocrea_document_log (document, "set-population", "process", detail->str, error))
    return FALSE;

  return cocrea_edit_commit (edit, error);
}

/*
 * cocrea_representation_fill:
 * Computes every group's figures of @representation from its attendance
 * (already set), @participants (one count per group) and @population.
 * Pure arithmetic, apart from the file, so it is tested by hand.
 */
void
cocrea_representation_fill (CocreaRepresentation *representation, const gint64 *participants,
                            const CocreaPopulation *population)
{
  g_return_if_fail (representation != NULL && participants != NULL && population != NULL);

  g_free (representation->source);
  representation->source = g_strdup (population->source != NULL ? population->source : "");
  representation->n_known = 0;

  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    {
      CocreaRepresentationGroup *row = &representation->groups[g];
      double percent = population->percent[g];

      row->group = g;
      row->participants = participants[g];
      row->share = representation->attendance > 0
                     ? (double) participants[g] / (double) representation->attendance
                     : NAN;
      row->population_share = isnan (percent) ? NAN : percent / 100.0;
      if (!isnan (percent))
        representation->n_known++;
      row->ratio = !isnan (row->share) && !isnan (row->population_share) && row->population_share > 0
                     ? row->share / row->population_share
                     : NAN;
      row->under_represented = !isnan (row->ratio) && row->ratio < COCREA_REPRESENTATION_THRESHOLD;
    }
}

/*
 * cocrea_representation_compute:
 * Sums attendance and each group's attendees over the activities of
 * @document open to the public and sets them against its population
 * shares. Staff interviews are left out: the people in them are the
 * municipal team, not the commune the shares describe. NULL with @error
 * set when the file cannot be read.
 */
CocreaRepresentation *
cocrea_representation_compute (CocreaDocument *document, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (CocreaPopulation) population = NULL;
  CocreaRepresentation *representation;
  gint64 participants[COCREA_N_INCLUSION];
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  population = cocrea_population_get (document, error);
  if (population == NULL)
    return NULL;

  db = cocrea_document_get_db (document);
  /* Counts another program made absurd (9e18 attendees) would come out
   * as "0 people": refused, as `cocrea check` refuses them. */
  {
    g_autofree char *name = g_filename_display_basename (cocrea_document_get_path (document));
    if (!cocrea_verify_counts (db, name, error))
      return NULL;
  }
  stmt = cocrea_db_prepare (db,
                            "SELECT total(attendance), total(women), total(youth), total(migrants),"
                            " total(indigenous), total(disability) FROM activity"
                            " WHERE kind <> 'interview'",
                            error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }

  representation = g_new0 (CocreaRepresentation, 1);
  /* total() is a double; counts of people stay far below 2^53. */
  representation->attendance = (gint64) sqlite3_column_double (stmt, 0);
  for (guint g = 0; g < COCREA_N_INCLUSION; g++)
    participants[g] = (gint64) sqlite3_column_double (stmt, 1 + g);
  cocrea_representation_fill (representation, participants, population);
  return representation;
}

void
cocrea_representation_free (CocreaRepresentation *representation)
{
  if (representation == NULL)
    return;
  g_free (representation->source);
  g_free (representation);
}
