/* cocrea-verify.c
 *
 * What `cocrea check` runs, and what a file must pass before anything
 * writes to it: SQLite's integrity_check (pages, indexes against their
 * tables, NOT NULL and CHECK constraints), foreign_key_check, FTS5's own
 * integrity-check of both suggestion indexes against the texts, and the
 * rules the schema cannot state (a score inside its criterion's scale,
 * quotas that add up, merges that end, real dates). One function, so
 * that `check` and every write refuse the same files with the same
 * sentence.
 *
 * The whole of it reads every page: a third of a second on the 30 MB file
 * of a national process, too slow for every opening (quick_check runs
 * there). A file that passed is stamped, outside the file (in the user's
 * cache folder), with what the file system says of it (device, inode,
 * size, modification and change times) and a hash of its SQLite header;
 * Cocrea restamps it when it closes a file it wrote. Any other program's
 * write changes the change time, which nobody can set, or the header's
 * change counter, so the next opening for writing verifies again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cocrea-dates.h"
#include "cocrea-db.h"
#include "cocrea-error.h"
#include "cocrea-file.h"
#include "cocrea-search-index.h"
#include "cocrea-types.h"
#include "cocrea-verify.h"

static void
set_damaged (GError **error, const char *name, const char *detail)
{
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED,
               _("“%s” is damaged: %s. Open a backup copy instead."), name, detail);
}

/* The word after @marker in @line, up to a space or "." (a table or index name). */
static char *
name_after (const char *line, const char *marker)
{
  const char *start = strstr (line, marker);
  gsize n;

  if (start == NULL)
    return NULL;
  start += strlen (marker);
  n = strcspn (start, " .");
  return n > 0 ? g_strndup (start, n) : NULL;
}

/*
 * describe_integrity:
 * Turns the first line integrity_check reports into a phrase for people:
 * which rule a record breaks, which index no longer matches its table, or
 * that pages are damaged. SQLite's own line is English and technical.
 */
static char *
describe_integrity (const char *line)
{
  g_autofree char *table = NULL;
  g_autofree char *index = NULL;

  if ((table = name_after (line, "CHECK constraint failed in ")) != NULL)
    return g_strdup_printf (_("a record in “%s” breaks a rule of the process file"), table);
  if ((table = name_after (line, "NULL value in ")) != NULL)
    return g_strdup_printf (_("a record in “%s” lacks a value it must have"), table);
  if ((table = name_after (line, " value in ")) != NULL)
    return g_strdup_printf (_("a record in “%s” holds a value of the wrong kind"), table);
  if ((index = name_after (line, " from index ")) != NULL ||
      (index = name_after (line, "entries in index ")) != NULL ||
      (index = name_after (line, "entry in index ")) != NULL)
    return g_strdup_printf (_("the index “%s” does not match its table"), index);
  return g_strdup (_("some of its pages are damaged"));
}

/*
 * cocrea_verify_set_damaged:
 * Sets @error to what `cocrea check` says of a file whose integrity_check
 * or quick_check reported @line first.
 */
void
cocrea_verify_set_damaged (GError **error, const char *name, const char *line)
{
  g_autofree char *detail = describe_integrity (line != NULL ? line : "");

  g_debug ("verify: %s: %s", name, line);
  set_damaged (error, name, detail);
}

/* Fails when a step of a check itself failed: a busy file is said as
 * such, anything else is damage. */
static gboolean
step_failed (sqlite3 *db, int rc, const char *name, GError **error)
{
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED || (rc & 0xff) == SQLITE_NOMEM)
    cocrea_db_set_error (error, db, rc, NULL);
  else
    {
      g_debug ("verify: %s", sqlite3_errmsg (db));
      set_damaged (error, name, _("some of its pages are damaged"));
    }
  return FALSE;
}

static gboolean
check_integrity (sqlite3 *db, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *line;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check (1)", -1, &stmt, NULL) != SQLITE_OK)
    return step_failed (db, sqlite3_errcode (db), name, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return step_failed (db, rc, name, error);

  line = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (line, "ok") != 0)
    {
      cocrea_verify_set_damaged (error, name, line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_foreign_keys (sqlite3 *db, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return step_failed (db, sqlite3_errcode (db), name, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *detail =
        g_strdup_printf (_("a record in “%s” refers to one that does not exist"),
                         (const char *) sqlite3_column_text (stmt, 0));
      set_damaged (error, name, detail);
      return FALSE;
    }
  return rc == SQLITE_DONE || step_failed (db, rc, name, error);
}

/* TRUE when @table has @column (files of older versions lack some). */
static gboolean
has_column (sqlite3 *db, const char *table, const char *column)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  return sqlite3_prepare_v2 (db, "SELECT 1 FROM pragma_table_xinfo (?1) WHERE name = ?2", -1,
                             &stmt, NULL) == SQLITE_OK &&
         sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_step (stmt) == SQLITE_ROW;
}

/* TRUE when the file has @table. */
static gboolean
has_table (sqlite3 *db, const char *table)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  return sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                             -1, &stmt, NULL) == SQLITE_OK &&
         sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_step (stmt) == SQLITE_ROW;
}

/* FTS5's own check of @table against the texts it indexes. */
static gboolean
check_index (sqlite3 *db, const char *table, const char *name, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)",
                                          table, table);

  /* The indexes came with file format 3. */
  if (!has_table (db, table))
    return TRUE;
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_debug ("verify: %s: %s", table, sqlite3_errmsg (db));
      set_damaged (error, name, _("its index of suggestions no longer matches the texts"));
      return FALSE;
    }
  return TRUE;
}

/*
 * check_indexes:
 * Runs FTS5's integrity-check on both suggestion indexes, inside a
 * savepoint that is rolled back (FTS5 takes the command as an INSERT; it
 * changes nothing).
 */
static gboolean
check_indexes (sqlite3 *db, const char *name, GError **error)
{
  gboolean ok;

  if (sqlite3_exec (db, "SAVEPOINT cocrea_verify", NULL, NULL, NULL) != SQLITE_OK)
    return step_failed (db, sqlite3_errcode (db), name, error);
  ok = check_index (db, "contribution_fts", name, error) &&
       check_index (db, "proposal_fts", name, error);
  sqlite3_exec (db, "ROLLBACK TO cocrea_verify; RELEASE cocrea_verify", NULL, NULL, NULL);
  return ok;
}

/* Runs @sql, which returns a row when a rule is broken; then fails with
 * @detail. */
static gboolean
check_rule (sqlite3 *db, const char *sql, const char *detail, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return step_failed (db, sqlite3_errcode (db), name, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      set_damaged (error, name, detail);
      return FALSE;
    }
  return rc == SQLITE_DONE || step_failed (db, rc, name, error);
}

/*
 * cocrea_verify_counts:
 * Fails with COCREA_ERROR_DAMAGED when an activity or a table group counts
 * more people than any entry takes (COCREA_MAX_PEOPLE): 9e18 attendees
 * made the representation say "0 people" and a group "2147483647
 * attendees". The message is the one `cocrea check` gives.
 */
gboolean
cocrea_verify_counts (sqlite3 *db, const char *name, GError **error)
{
  g_autofree char *people = g_strdup_printf ("SELECT 1 FROM activity WHERE max (attendance,"
                                             " women, youth, migrants, indigenous, disability)"
                                             " > %d LIMIT 1",
                                             COCREA_MAX_PEOPLE);
  g_autofree char *people_detail =
    g_strdup_printf (_("an activity counts more than %d attendees"), COCREA_MAX_PEOPLE);
  g_autofree char *size = g_strdup_printf ("SELECT 1 FROM table_group WHERE size > %d LIMIT 1",
                                           COCREA_MAX_PEOPLE);
  g_autofree char *size_detail =
    g_strdup_printf (_("a table group has more than %d people"), COCREA_MAX_PEOPLE);

  return check_rule (db, people, people_detail, name, error) &&
         check_rule (db, size, size_detail, name, error);
}

/*
 * cocrea_verify_scores:
 * Fails with COCREA_ERROR_DAMAGED when a criterion's scale or weight lies
 * beyond what any entry takes (a weight of 1e308 left every proposal
 * without a viability, a scale of ±2e9 overflowed the means), or a score
 * lies outside its criterion's scale (Cocrea never writes one; another
 * program may): a reader would average it into nonsense ("250002.75 on 1
 * to 5"). The message is the one `cocrea check` gives.
 */
gboolean
cocrea_verify_scores (sqlite3 *db, const char *name, GError **error)
{
  /* A weight of Infinity passes "weight >= 0"; NaN is stored as NULL. */
  g_autofree char *criterion = g_strdup_printf ("SELECT 1 FROM criterion WHERE scale_min < %d"
                                                " OR scale_max > %d OR NOT (weight <= %d) LIMIT 1",
                                                -COCREA_SCALE_LIMIT, COCREA_SCALE_LIMIT,
                                                COCREA_MAX_CRITERION_WEIGHT);
  g_autofree char *criterion_detail =
    g_strdup_printf (_("a viability criterion has a scale beyond %d to %d or a weight over %d"),
                     -COCREA_SCALE_LIMIT, COCREA_SCALE_LIMIT, COCREA_MAX_CRITERION_WEIGHT);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (!check_rule (db, criterion, criterion_detail, name, error))
    return FALSE;
  if (sqlite3_prepare_v2 (db,
                          "SELECT s.value, c.key, c.scale_min, c.scale_max FROM score s"
                          " JOIN criterion c ON c.id = s.criterion_id"
                          " WHERE s.value NOT BETWEEN c.scale_min AND c.scale_max LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return step_failed (db, sqlite3_errcode (db), name, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *value = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0));
      g_autofree char *detail =
        g_strdup_printf (_("a score of %s on “%s” is outside its scale, %d to %d"), value,
                         (const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                         sqlite3_column_int (stmt, 3));
      set_damaged (error, name, detail);
      return FALSE;
    }
  return rc == SQLITE_DONE || step_failed (db, rc, name, error);
}

/* Every date column, and whether it holds days only (else a year or a
 * month may stand for a date, as plans write them). */
static const struct {
  const char *table;
  const char *column;
  gboolean day;
} date_columns[] = {
  { "process", "consultation_opens", TRUE },
  { "process", "consultation_closes", TRUE },
  { "stage", "starts_on", FALSE },
  { "stage", "ends_on", FALSE },
  { "activity", "held_on", FALSE },
  { "activity", "held_until", FALSE },
  { "commitment", "starts_on", FALSE },
  { "commitment", "ends_on", FALSE },
  { "milestone", "starts_on", FALSE },
  { "milestone", "ends_on", FALSE },
  { "consultation_comment", "received_on", TRUE },
  { "milestone_progress", "recorded_on", TRUE },
};

/* Fails when a date column holds something that is not a date: the
 * follow-up, the consultation's working days and the PDFs read them. */
static gboolean
check_dates (sqlite3 *db, const char *name, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_columns); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s IS NOT NULL AND %s <> ''",
                                              date_columns[i].column, date_columns[i].table,
                                              date_columns[i].column, date_columns[i].column);
      g_autoptr (sqlite3_stmt) stmt = NULL;
      int rc;

      if (!has_column (db, date_columns[i].table, date_columns[i].column))
        continue; /* a file of an older version, not upgraded yet */
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return step_failed (db, sqlite3_errcode (db), name, error);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *date = (const char *) sqlite3_column_text (stmt, 0);
          gboolean valid = date_columns[i].day ? cocrea_date_is_day (date)
                                               : cocrea_partial_date_is_valid (date);

          if (!valid || !g_utf8_validate (date, -1, NULL))
            {
              g_autofree char *shown = g_utf8_make_valid (date, -1);
              g_autofree char *detail =
                g_strdup_printf (_("“%s” in “%s” is not a date"), shown, date_columns[i].table);
              set_damaged (error, name, detail);
              return FALSE;
            }
        }
      if (rc != SQLITE_DONE)
        return step_failed (db, rc, name, error);
    }
  return TRUE;
}

/* The rules of the process the schema cannot state. */
static gboolean
check_domain (sqlite3 *db, const char *name, GError **error)
{
  return cocrea_verify_scores (db, name, error) &&
         check_rule (db,
                     "SELECT 1 FROM process WHERE quota_municipal + quota_community > quota_total",
                     _("its municipal and community quotas add up to more than its commitments"),
                     name, error) &&
         check_rule (db,
                     "SELECT 1 FROM activity WHERE max (women, youth, migrants, indigenous,"
                     " disability) > attendance LIMIT 1",
                     _("an activity counts more people of a group than attended it"), name, error) &&
         cocrea_verify_counts (db, name, error) &&
         check_rule (db,
                     "SELECT 1 FROM contribution c JOIN table_group g ON g.id = c.group_id"
                     " WHERE g.activity_id <> c.activity_id LIMIT 1",
                     _("a contribution belongs to a group of another activity"), name, error) &&
         /* Every chain of merges ends at a proposal merged into nothing. */
         check_rule (db,
                     "WITH RECURSIVE ends (id) AS ("
                     "  SELECT id FROM proposal WHERE merged_into_id IS NULL"
                     "  UNION SELECT p.id FROM proposal p JOIN ends ON p.merged_into_id = ends.id)"
                     " SELECT 1 WHERE (SELECT count(*) FROM ends) <> (SELECT count(*) FROM proposal)",
                     _("some proposals are merged into each other in a circle"), name, error) &&
         check_dates (db, name, error);
}

/**
 * cocrea_verify_file:
 * @db: an open process, past the census of its schema, on a connection
 *   that may write (a read-only one skips CHECK constraints in
 *   integrity_check and cannot run FTS5's check: verify a copy in memory)
 * @name: the file as shown to people
 * @error: return location for a %COCREA_ERROR_DAMAGED error
 *
 * Runs every verification a command relies on, cheapest first: integrity
 * (pages, indexes, NOT NULL and CHECK constraints), foreign keys, the
 * rules of the process, and both suggestion indexes. Changes nothing. A
 * file of an older version is verified for what it has.
 *
 * Returns: %TRUE when the file passes; else %FALSE with a sentence naming
 *   the first thing found wrong, in the user's language
 */
gboolean
cocrea_verify_file (sqlite3 *db, const char *name, GError **error)
{
  g_return_val_if_fail (db != NULL && name != NULL, FALSE);

  return check_integrity (db, name, error) && check_foreign_keys (db, name, error) &&
         check_domain (db, name, error) && check_indexes (db, name, error);
}

/* Where the stamp of @real_path is kept, or NULL when it cannot be told. */
static char *
stamp_path (const char *real_path, GStatBuf *st)
{
  g_autofree char *key = NULL;

  if (g_stat (real_path, st) != 0)
    return NULL;
  key = g_strdup_printf ("%llx-%llx", (unsigned long long) st->st_dev,
                         (unsigned long long) st->st_ino);
  return g_build_filename (g_get_user_cache_dir (), "cocrea", "verified", key, NULL);
}

/* What the file system says of the file, and its SQLite header (whose
 * change counter every commit by any SQLite program moves): any write by
 * anyone changes one of them, even within the same tick of the clock the
 * file times are taken from. */
static char *
stamp_text (const char *real_path, const GStatBuf *st)
{
  guint8 header[100] = { 0 };
  g_autofree char *digest = NULL;

  if (cocrea_file_read_head (real_path, header, sizeof header, NULL) < (gssize) sizeof header)
    return g_strdup ("");
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, header, sizeof header);
  return g_strdup_printf ("%lld %lld.%09ld %lld.%09ld %s\n", (long long) st->st_size,
                          (long long) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec,
                          (long long) st->st_ctim.tv_sec, (long) st->st_ctim.tv_nsec, digest);
}

/*
 * cocrea_verify_stamp_matches:
 * TRUE when @real_path is, to the byte as far as the file system can
 * tell, the file that last passed cocrea_verify_file() or that Cocrea
 * last closed after writing it.
 */
gboolean
cocrea_verify_stamp_matches (const char *real_path)
{
  GStatBuf st;
  g_autofree char *path = stamp_path (real_path, &st);
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;

  if (path == NULL || !g_file_get_contents (path, &found, NULL, NULL))
    return FALSE;
  expected = stamp_text (real_path, &st);
  return *expected != '\0' && g_str_equal (found, expected);
}

/*
 * cocrea_verify_stamp_write:
 * Records @real_path as it is now as verified. A failure only costs a
 * verification at the next opening, so it is not reported.
 */
void
cocrea_verify_stamp_write (const char *real_path)
{
  GStatBuf st;
  g_autofree char *path = stamp_path (real_path, &st);
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (path == NULL)
    return;
  dir = g_path_get_dirname (path);
  text = stamp_text (real_path, &st);
  if (*text != '\0' && g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (path, text, -1, NULL);
}
