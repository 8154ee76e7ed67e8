/* test-crash.c — kill an editing process at random moments; nothing acknowledged is lost
 *
 * crash-child runs a scripted session (capture, corrections, merges and
 * unmerges, scores, CSV imports, merge-scores) on a copy of a template
 * file and keeps an acknowledgement log (see crash-child.c). This test
 * kills it with SIGKILL after a random delay, then reopens the file the
 * way the user would (which rolls a hot journal back) and checks:
 *  - integrity_check and foreign_key_check (cocrea_document_check_file),
 *    and FTS5's own integrity-check of both suggestion indexes;
 *  - every acknowledged edit is in the file;
 *  - the one edit that was under way is there whole or not at all: an
 *    import's rows all or none, a merge's contributions all or none,
 *    merge-scores' scores all or none, a laptop's copy brought back whole
 *    or not at all.
 *
 * Normal run: 200 kills. Long run: COCREA_CRASH_KILLS=10000 (or --long).
 * The seed is printed; COCREA_CRASH_SEED=N replays a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cocrea-activity.h"
#include "cocrea-contribution.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-score.h"
#include "cocrea-sync-copy.h"

#include "crash-session.h"
#include "test-process.h"

static guint n_kills_wanted = 200;
static guint32 seed;
static char *work_dir;

typedef struct {
  char *template_path;
  char *remote_path;
  char *work_path;
  char *ack_path;
  char *child;
  GBytes *template_bytes;
} Setup;

static Setup setup;

/* Kills counted by what was under way ("pending") when they landed. */
static GHashTable *pending_kinds;
static guint n_completed, n_pending_applied, n_pending_absent;

static void
write_csv (const char *path, int round)
{
  g_autoptr (GString) s = g_string_new ("actividad;mesa;texto\n");
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < CRASH_IMPORT_ROWS; i++)
    g_string_append_printf (s, "Taller;Mesa %d;IMP%d fila %d: más luminarias en la plaza\n",
                            1 + i % 8, round, i);
  g_file_set_contents (path, s->str, s->len, &error);
  g_assert_no_error (error);
}

/* A laptop's copy of the template: CRASH_LAPTOP_ROWS typed, five merged
 * under a new proposal, and base contribution 5 corrected. */
static void
make_laptop (CocreaDocument *template)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "laptop.cocrea", NULL);
  g_autoptr (CocreaDocument) laptop = NULL;
  gint64 ids[CRASH_LAPTOP_MERGED];

  g_assert_true (cocrea_sync_write_copy (template, path, NULL, &error));
  g_assert_no_error (error);
  laptop = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (int i = 0; i < CRASH_LAPTOP_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("LAP %d bancas y sombra en la plaza", i);
      CocreaContributionFields fields = {
        .activity_id = CRASH_ACTIVITY_ID, .origin = COCREA_ORIGIN_COMMUNITY, .text = text,
      };
      gint64 id = 0;

      g_assert_true (cocrea_contribution_add (laptop, &fields, &id, NULL, &error));
      if (i < CRASH_LAPTOP_MERGED)
        ids[i] = id;
    }
  g_assert_true (cocrea_merge_new_proposal (laptop, "Laptop-merge", ids, CRASH_LAPTOP_MERGED, NULL,
                                            NULL, &error));
  {
    CocreaContributionFields fields = {
      .activity_id = CRASH_ACTIVITY_ID, .origin = COCREA_ORIGIN_COMMUNITY,
      .text = "base 5 alumbrado y veredas (mesa)",
    };
    g_assert_true (cocrea_contribution_update (laptop, CRASH_BASE_PROPOSALS, &fields, NULL, &error));
  }
  g_assert_no_error (error);
}

/* The template: one activity, five base proposals with one contribution
 * each; the remote file: a copy where "Remota" scored the five. */
static void
make_template (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autoptr (CocreaDocument) remote = NULL;
  CocreaActivityFields activity = { .kind = COCREA_ACTIVITY_WORKSHOP, .name = "Taller" };
  static const char *const criteria[CRASH_REMOTE_CRITERIA] = {
    "technical", "budget", "political", "coherence",
  };
  gint64 activity_id = 0;
  char *data;
  gsize len;

  doc = cocrea_document_create (setup.template_path, "Plan de prueba", "Renca", 2019, 2021,
                                &error);
  g_assert_no_error (error);
  cocrea_activity_add (doc, &activity, &activity_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activity_id, ==, CRASH_ACTIVITY_ID);

  for (int i = 1; i <= CRASH_BASE_PROPOSALS; i++)
    {
      g_autofree char *text = g_strdup_printf ("base %d alumbrado y veredas", i);
      g_autofree char *title = g_strdup_printf ("Base %d", i);
      CocreaContributionFields fields = {
        .activity_id = activity_id, .origin = COCREA_ORIGIN_COMMUNITY, .text = text,
        .area = "",
      };
      gint64 cid = 0, pid = 0;

      cocrea_contribution_add (doc, &fields, &cid, NULL, &error);
      g_assert_no_error (error);
      cocrea_merge_new_proposal (doc, title, &cid, 1, &pid, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (pid, ==, i);
    }

  cocrea_document_save_copy (doc, setup.remote_path, &error);
  g_assert_no_error (error);
  make_laptop (doc);
  g_clear_object (&doc);

  remote = cocrea_document_open (setup.remote_path, COCREA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (int p = 1; p <= CRASH_BASE_PROPOSALS; p++)
    for (int c = 0; c < CRASH_REMOTE_CRITERIA; c++)
      {
        cocrea_score_set_by_name (remote, "Remota", "Finanzas", p, criteria[c], 1 + (p + c) % 5,
                                  "desde su portátil", &error);
        g_assert_no_error (error);
      }
  g_clear_object (&remote);

  for (int r = 0; r < CRASH_ROUNDS; r++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/imp-%d.csv", work_dir, r);
      write_csv (csv, r);
    }

  g_file_get_contents (setup.template_path, &data, &len, &error);
  g_assert_no_error (error);
  setup.template_bytes = g_bytes_new_take (data, len);
}

/* A fresh working file, as plain bytes (no fsync: a kill is not a power cut). */
static void
reset_work_file (void)
{
  gsize len;
  const char *data = g_bytes_get_data (setup.template_bytes, &len);
  FILE *f;

  g_unlink (setup.ack_path);
  f = fopen (setup.work_path, "wb");
  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (data, 1, len, f), ==, len);
  g_assert_cmpint (fclose (f), ==, 0);
}

static GPid
spawn_child (void)
{
  g_autoptr (GError) error = NULL;
  char *argv[] = {
    setup.child, (char *) "session", setup.work_path, setup.remote_path, work_dir,
    setup.ack_path, NULL,
  };
  GPid pid = 0;

  g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  cocrea_db_query_int (db, sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

/* The proposal id of contribution @id: 0 when none, -1 when the row is missing. */
static gint64
proposal_of (sqlite3 *db, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT coalesce (proposal_id, 0)"
                                          " FROM contribution WHERE id = %" G_GINT64_FORMAT
                                          "), -1)", id);
  return query_int (db, sql);
}

static char *
text_of (sqlite3 *db, gint64 id)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT text FROM contribution WHERE id = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return text;
}

static gint64
count_text (sqlite3 *db, const char *pattern)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM contribution WHERE text LIKE ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
fts_check (sqlite3 *db, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')",
                                          table, table);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("seed %u: %s integrity-check: %s", seed, table, message);
}

typedef struct {
  char kind;
  char **f; /* the tab-separated fields after the kind */
} Edit;

static void
edit_clear (Edit *e)
{
  g_strfreev (e->f);
}

static gint64 *
parse_ids (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  gint64 *ids = g_new0 (gint64, 3);

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  for (guint i = 0; i < 3; i++)
    ids[i] = g_ascii_strtoll (parts[i], NULL, 10);
  return ids;
}

/*
 * verify:
 * Reopens @path as the user would and checks it against the log. Returns
 * the kind of the edit that was under way, or 0.
 */
static char
verify (gboolean killed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autofree char *log = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GArray) acked = g_array_new (FALSE, TRUE, sizeof (Edit));
  Edit pending = { 0 };
  gboolean have_pending = FALSE;
  gboolean pending_applied = FALSE;
  sqlite3 *db;
  gsize len = 0;
  int version = 0;

  g_array_set_clear_func (acked, (GDestroyNotify) edit_clear);

  if (!g_file_get_contents (setup.ack_path, &log, &len, NULL))
    log = g_strdup ("");
  /* A line without its newline was cut by the kill: it promised nothing. */
  {
    char *end = strrchr (log, '\n');
    if (end != NULL)
      end[1] = '\0';
    else
      log[0] = '\0';
  }
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      Edit e;

      g_assert_cmpuint (g_strv_length (f), >=, 3);
      e.kind = f[1][0];
      e.f = g_strdupv (f + 2);
      if (f[0][0] == 'P')
        {
          g_assert_false (have_pending);
          pending = e;
          have_pending = TRUE;
        }
      else
        {
          g_assert_true (have_pending);
          g_assert_cmpint (pending.kind, ==, e.kind);
          edit_clear (&pending);
          have_pending = FALSE;
          g_array_append_val (acked, e);
        }
    }

  /* Opening for writing takes over the dead child's lock and rolls back
   * its hot journal, as a window would. */
  doc = cocrea_document_open (setup.work_path, COCREA_OPEN_DEFAULT, &error);
  if (error != NULL)
    g_error ("seed %u: reopening after the kill: %s", seed, error->message);
  db = cocrea_document_get_db (doc);

  fts_check (db, "contribution_fts");
  fts_check (db, "proposal_fts");

  /* Contributions: every acknowledged one, with its acknowledged text. */
  for (guint i = 0; i < acked->len; i++)
    {
      Edit *e = &g_array_index (acked, Edit, i);
      gint64 id;
      g_autofree char *text = NULL;
      const char *want, *also = NULL;

      if (e->kind != 'C')
        continue;
      id = g_ascii_strtoll (e->f[0], NULL, 10);
      want = e->f[1];
      for (guint j = i + 1; j < acked->len; j++)
        {
          Edit *later = &g_array_index (acked, Edit, j);
          if (later->kind == 'E' && g_ascii_strtoll (later->f[0], NULL, 10) == id)
            want = later->f[2];
        }
      if (have_pending && pending.kind == 'E' && g_ascii_strtoll (pending.f[0], NULL, 10) == id)
        also = pending.f[2];

      text = text_of (db, id);
      if (text == NULL || (!g_str_equal (text, want) && g_strcmp0 (text, also) != 0))
        g_error ("seed %u: acknowledged contribution %" G_GINT64_FORMAT " is %s%s%s, not “%s”",
                 seed, id, text ? "“" : "", text ? text : "missing", text ? "”" : "", want);
      if (also != NULL && g_str_equal (text, also))
        pending_applied = TRUE;
    }
  if (have_pending && pending.kind == 'C')
    {
      gint64 n = count_text (db, pending.f[1]);
      g_assert_cmpint (n, <=, 1);
      pending_applied = n == 1;
    }
  {
    guint n_c = 0;
    for (guint i = 0; i < acked->len; i++)
      n_c += g_array_index (acked, Edit, i).kind == 'C';
    g_assert_cmpint (count_text (db, "c%"), ==,
                     n_c + (have_pending && pending.kind == 'C' && pending_applied));
  }

  /* Merges and unmerges: the three move together. */
  for (guint i = 0; i < acked->len + (have_pending ? 1 : 0); i++)
    {
      Edit *m = i < acked->len ? &g_array_index (acked, Edit, i) : &pending;
      gboolean m_pending = i == acked->len;
      g_autofree gint64 *ids = NULL;
      g_autofree char *sql = NULL;
      gboolean unmerged = FALSE, u_pending = FALSE;
      gint64 n_props, pid = 0, got[3];

      if (m->kind != 'M')
        continue;
      ids = parse_ids (m->f[1]);
      for (guint j = i + 1; j < acked->len; j++)
        {
          Edit *u = &g_array_index (acked, Edit, j);
          if (u->kind == 'U' && g_str_equal (u->f[0], m->f[0]))
            unmerged = TRUE;
        }
      if (have_pending && !m_pending && pending.kind == 'U' && g_str_equal (pending.f[0], m->f[0]))
        u_pending = TRUE;

      sql = g_strdup_printf ("SELECT count(*) FROM proposal WHERE title = '%s'", m->f[0]);
      n_props = query_int (db, sql);
      g_assert_cmpint (n_props, <=, 1);
      if (!m_pending)
        g_assert_cmpint (n_props, ==, 1);
      if (n_props == 1)
        {
          g_free (sql);
          sql = g_strdup_printf ("SELECT id FROM proposal WHERE title = '%s'", m->f[0]);
          pid = query_int (db, sql);
        }

      for (guint k = 0; k < 3; k++)
        got[k] = proposal_of (db, ids[k]);
      if (got[0] != got[1] || got[1] != got[2])
        g_error ("seed %u: %s half applied: proposals %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                 ", %" G_GINT64_FORMAT, seed, m->f[0], got[0], got[1], got[2]);

      if (unmerged)
        g_assert_cmpint (got[0], ==, 0);
      else if (u_pending)
        {
          g_assert_true (got[0] == 0 || got[0] == pid);
          pending_applied = got[0] == 0;
        }
      else if (m_pending)
        {
          g_assert_cmpint (got[0], ==, pid);
          pending_applied = pid != 0;
        }
      else
        g_assert_cmpint (got[0], ==, pid);
    }

  /* Scores: the last acknowledged value of each, or the one under way. */
  for (gint64 p = 1; p <= 2; p++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT coalesce ((SELECT s.value FROM score s JOIN evaluator e ON e.id = s.evaluator_id"
        " JOIN criterion c ON c.id = s.criterion_id WHERE e.name = 'Local' AND c.key = 'technical'"
        " AND s.proposal_id = %" G_GINT64_FORMAT "), 0)", p);
      gint64 got = query_int (db, sql), want = 0, also = -1;

      for (guint i = 0; i < acked->len; i++)
        {
          Edit *e = &g_array_index (acked, Edit, i);
          if (e->kind == 'S' && g_ascii_strtoll (e->f[1], NULL, 10) == p)
            want = g_ascii_strtoll (e->f[3], NULL, 10);
        }
      if (have_pending && pending.kind == 'S' && g_ascii_strtoll (pending.f[1], NULL, 10) == p)
        also = g_ascii_strtoll (pending.f[3], NULL, 10);
      if (got != want && got != also)
        g_error ("seed %u: score of proposal %" G_GINT64_FORMAT " is %" G_GINT64_FORMAT
                 ", acknowledged %" G_GINT64_FORMAT, seed, p, got, want);
      if (also >= 0 && got == also && also != want)
        pending_applied = TRUE;
    }

  /* Imports: every row of a file or none. */
  for (int r = 0; r < CRASH_ROUNDS; r++)
    {
      g_autofree char *pattern = g_strdup_printf ("IMP%d %%", r);
      g_autofree char *marker = g_strdup_printf ("IMP%d", r);
      gint64 n = count_text (db, pattern);
      gboolean was_acked = FALSE;

      for (guint i = 0; i < acked->len; i++)
        {
          Edit *e = &g_array_index (acked, Edit, i);
          was_acked |= e->kind == 'I' && g_str_equal (e->f[0], marker);
        }
      if (n != 0 && n != CRASH_IMPORT_ROWS)
        g_error ("seed %u: import %s half applied: %" G_GINT64_FORMAT " of %d rows",
                 seed, marker, n, CRASH_IMPORT_ROWS);
      if (was_acked)
        g_assert_cmpint (n, ==, CRASH_IMPORT_ROWS);
      if (have_pending && pending.kind == 'I' && g_str_equal (pending.f[0], marker))
        pending_applied = n == CRASH_IMPORT_ROWS;
    }

  /* Merge-scores: all the remote evaluator's scores or none. */
  {
    gint64 n = query_int (db, "SELECT count(*) FROM score s JOIN evaluator e"
                              " ON e.id = s.evaluator_id WHERE e.name = 'Remota'");
    gboolean was_acked = FALSE;

    for (guint i = 0; i < acked->len; i++)
      was_acked |= g_array_index (acked, Edit, i).kind == 'X';
    if (n != 0 && n != CRASH_REMOTE_SCORES)
      g_error ("seed %u: merge-scores half applied: %" G_GINT64_FORMAT " of %d scores",
               seed, n, CRASH_REMOTE_SCORES);
    if (was_acked)
      g_assert_cmpint (n, ==, CRASH_REMOTE_SCORES);
    if (have_pending && pending.kind == 'X')
      pending_applied = n == CRASH_REMOTE_SCORES;
  }

  /* A laptop's copy: all its rows, its merge and its correction, or none. */
  {
    gint64 n = count_text (db, "LAP %");
    gint64 merged = query_int (db, "SELECT count(*) FROM contribution c JOIN proposal p"
                                   " ON p.id = c.proposal_id WHERE p.title = 'Laptop-merge'");
    gint64 corrected = count_text (db, "base 5 alumbrado y veredas (mesa)");
    gboolean was_acked = FALSE;

    for (guint i = 0; i < acked->len; i++)
      was_acked |= g_array_index (acked, Edit, i).kind == 'Y';
    if (!((n == 0 && merged == 0 && corrected == 0) ||
          (n == CRASH_LAPTOP_ROWS && merged == CRASH_LAPTOP_MERGED && corrected == 1)))
      g_error ("seed %u: laptop copy half applied: %" G_GINT64_FORMAT " of %d rows, %"
               G_GINT64_FORMAT " merged, %" G_GINT64_FORMAT " corrected",
               seed, n, CRASH_LAPTOP_ROWS, merged, corrected);
    if (was_acked)
      g_assert_cmpint (n, ==, CRASH_LAPTOP_ROWS);
    if (have_pending && pending.kind == 'Y')
      pending_applied = n == CRASH_LAPTOP_ROWS;
  }

  g_clear_object (&doc);

  if (!cocrea_document_check_file (setup.work_path, &version, &error))
    g_error ("seed %u: check after the kill: %s", seed, error->message);

  if (have_pending && killed)
    {
      char key[2] = { pending.kind, '\0' };
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (pending_kinds, key));
      g_hash_table_insert (pending_kinds, g_strdup (key), GUINT_TO_POINTER (n + 1));
      if (pending_applied)
        n_pending_applied++;
      else
        n_pending_absent++;
    }

  {
    char kind = have_pending ? pending.kind : 0;
    if (have_pending)
      edit_clear (&pending);
    return kind;
  }
}

/* Runs one whole session without a kill and returns how long it took (µs). */
static gint64
calibrate (void)
{
  gint64 start, duration;
  int status = 0;
  GPid pid;

  reset_work_file ();
  start = g_get_monotonic_time ();
  pid = spawn_child ();
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  duration = g_get_monotonic_time () - start;
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (verify (FALSE), ==, 0);
  return duration;
}

static void
test_crash (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  gint64 duration, start;
  guint kills = 0;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr (GString) kinds = g_string_new (NULL);

  pending_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  make_template ();
  duration = calibrate ();
  g_test_message ("seed %u; one whole session takes %.1f ms; %u kills wanted",
                  seed, duration / 1000.0, n_kills_wanted);

  start = g_get_monotonic_time ();
  while (kills < n_kills_wanted)
    {
      /* A little past the whole session, so some sessions complete. */
      gulong delay = g_rand_int_range (rand, 0, (gint32) MIN (duration * 21 / 20, G_MAXINT32));
      int status = 0;
      GPid pid;

      reset_work_file ();
      pid = spawn_child ();
      g_usleep (delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        {
          kills++;
          verify (TRUE);
          /* …and let it grow back slowly, so that the last edits of a
           * session keep their share of kills (about 1 in 20 sessions
           * ends before its kill at the balance). */
          duration += duration / 200;
        }
      else
        {
          g_assert_true (WIFEXITED (status));
          if (WEXITSTATUS (status) != 0)
            g_error ("seed %u: the session failed on its own (exit %d)", seed,
                     WEXITSTATUS (status));
          n_completed++;
          verify (FALSE);
          /* The machine got faster than when it was timed (the first run
           * is the slowest): aim the kills at the session again. */
          duration = duration * 9 / 10;
        }
    }

  g_hash_table_iter_init (&iter, pending_kinds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (kinds, " %s:%u", (char *) key, GPOINTER_TO_UINT (value));
  g_test_message ("%u kills survived in %.1f s (seed %u); %u sessions completed before "
                  "their kill; the edit under way was applied %u times, absent %u times; "
                  "kills by edit under way:%s",
                  kills, (g_get_monotonic_time () - start) / 1e6, seed, n_completed,
                  n_pending_applied, n_pending_absent, kinds->str);
  g_hash_table_unref (pending_kinds);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  const char *env;
  gboolean is_long = FALSE;
  int status;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--long"))
      is_long = TRUE;
  if (is_long)
    n_kills_wanted = 10000;
  if ((env = g_getenv ("COCREA_CRASH_KILLS")) != NULL)
    n_kills_wanted = (guint) g_ascii_strtoull (env, NULL, 10);
  seed = (env = g_getenv ("COCREA_CRASH_SEED")) != NULL
           ? (guint32) g_ascii_strtoull (env, NULL, 10)
           : g_random_int ();

  {
    /* --long is ours, not GTest's. */
    int j = 1;
    for (int i = 1; i < argc; i++)
      if (!g_str_equal (argv[i], "--long"))
        argv[j++] = argv[i];
    argc = j;
    argv[argc] = NULL;
  }

  g_test_init (&argc, &argv, NULL);

  work_dir = g_dir_make_tmp ("cocrea-crash-XXXXXX", &error);
  g_assert_no_error (error);
  setup.template_path = g_build_filename (work_dir, "template.cocrea", NULL);
  setup.remote_path = g_build_filename (work_dir, "remote.cocrea", NULL);
  setup.work_path = g_build_filename (work_dir, "work.cocrea", NULL);
  setup.ack_path = g_build_filename (work_dir, "ack.log", NULL);
  setup.child = g_test_build_filename (G_TEST_BUILT, "crash-child", NULL);

  g_test_add_func ("/crash/kill", test_crash);
  status = g_test_run ();

  test_remove_tree (work_dir);
  g_free (work_dir);
  g_free (setup.template_path);
  g_free (setup.remote_path);
  g_free (setup.work_path);
  g_free (setup.ack_path);
  g_free (setup.child);
  g_clear_pointer (&setup.template_bytes, g_bytes_unref);
  return status;
}
