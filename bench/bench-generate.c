/* bench-generate.c — a national-size process, written as raw rows
 *
 * 100,000 contributions from 2,000 activities and 10,000 groups, merged
 * into 10,000 proposals, and 50 evaluators scoring 8 shortlisted
 * proposals. Shared by bench-open and bench-merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "bench-generate.h"
#include "cocrea-document.h"
#include "cocrea-suggest.h"

static const char *const words[] = {
  "participación", "ciudadana", "presupuesto", "municipal", "seguridad", "barrio",
  "transparencia", "información", "jóvenes", "vecinos", "consejo", "plaza", "datos",
  "abiertos", "migrantes", "mujeres", "pueblos", "originarios", "cuenta", "pública",
  "concejo", "sesiones", "fondos", "concursables", "carabineros", "coordinación",
};

/* A random sentence of @n_words words of the vocabulary. */
char *
bench_sentence (GRand *rand, guint n_words)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (s, FALSE);
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  char *message = NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/*
 * bench_generate:
 * Fills a freshly created process file with the large data set, as raw
 * rows: the benches measure reading, not the editing API. Raw rows skip
 * the code that keeps the full-text index in sync, so the index is
 * rebuilt at the end, as any program writing raw rows must do.
 */
void
bench_generate (const char *path)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (2019);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  exec_or_die (db, "PRAGMA foreign_keys = ON; BEGIN;");

  sqlite3_prepare_v2 (db, "INSERT INTO activity (id, kind, name, held_on, place, attendance,"
                          " women, youth, migrants, indigenous, disability)"
                          " VALUES (?, 'workshop', ?, '2019-03-26', 'Sede', ?, ?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (int i = 1; i <= N_ACTIVITIES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Taller %d", i);
      int attendance = g_rand_int_range (rand, 20, 120);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, attendance);
      for (int j = 4; j <= 8; j++)
        sqlite3_bind_int (stmt, j, g_rand_int_range (rand, 0, attendance / 2));
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO table_group (id, activity_id, name, size, position)"
                          " VALUES (?, ?, ?, ?, ?)", -1, &stmt, NULL);
  for (int i = 1; i <= N_GROUPS; i++)
    {
      int per = N_GROUPS / N_ACTIVITIES;
      g_autofree char *name = g_strdup_printf ("Mesa %d", (i - 1) % per + 1);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int (stmt, 2, (i - 1) / per + 1);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, g_rand_int_range (rand, 7, 13));
      sqlite3_bind_int (stmt, 5, (i - 1) % per + 1);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO proposal (id, title, area, axes, origin, created_at)"
                          " VALUES (?, ?, 'Participación', ?, 'community', '2019-04-01')",
                      -1, &stmt, NULL);
  for (int i = 1; i <= N_PROPOSALS; i++)
    {
      g_autofree char *title = bench_sentence (rand, 6);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, g_rand_int_range (rand, 0, 16));
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO contribution (activity_id, group_id, origin, text, area,"
                          " axes, proposal_id, created_at)"
                          " VALUES (?, ?, 'community', ?, 'Participación', ?, ?, '2019-03-26')",
                      -1, &stmt, NULL);
  for (int i = 0; i < N_CONTRIBUTIONS; i++)
    {
      int group = g_rand_int_range (rand, 1, N_GROUPS + 1);
      g_autofree char *text = bench_sentence (rand, g_rand_int_range (rand, 8, 25));
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (group - 1) / (N_GROUPS / N_ACTIVITIES) + 1);
      sqlite3_bind_int (stmt, 2, group);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, g_rand_int_range (rand, 0, 16));
      sqlite3_bind_int (stmt, 5, g_rand_int_range (rand, 1, N_PROPOSALS + 1));
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO evaluator (id, name, department) VALUES (?, ?, 'Dirección')",
                      -1, &stmt, NULL);
  for (int i = 1; i <= N_EVALUATORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Evaluador %d", i);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  exec_or_die (db, "INSERT INTO decision (proposal_id, status, reason, decided_at)"
                   " SELECT id, CASE WHEN id <= 8 THEN 'shortlisted' ELSE 'not-shortlisted' END,"
                   " 'Razón', '2019-05-14' FROM proposal;"
                   "INSERT INTO score (evaluator_id, proposal_id, criterion_id, value, updated_at)"
                   " SELECT e.id, p.id, c.id, 1 + (e.id + p.id + c.id) % 5, '2019-05-14'"
                   " FROM evaluator e, proposal p, criterion c WHERE p.id <= 8;"
                   "COMMIT;");
  sqlite3_close (db);

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CocreaDocument) doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_true (cocrea_suggest_rebuild_index (doc, &error));
    g_assert_no_error (error);
  }
}

