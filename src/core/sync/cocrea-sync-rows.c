/* cocrea-sync-rows.c
 *
 * How each table is read as items (see cocrea-sync-rows-private.h). The
 * same column lists serve a full scan of a copy, a look-up by identity in
 * this file and a re-read by local id, so an item hashes alike whichever
 * way it was read.
 *
 * The hash is FNV-1a over a serialisation that keeps each value's type
 * and length (so "1" and 1, or "ab","c" and "a","bc" differ), finished
 * with SplitMix64's mixer. It is not a defence against a forger: it tells
 * honest edits apart, 2^-64 wrong at worst.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-db.h"
#include "cocrea-error.h"
#include "cocrea-sync-rows-private.h"

#define UID(alias, letter) "coalesce (" alias ".uid, '" letter "-' || " alias ".id)"
/* The identity of an optional row: NULL when the join found none. */
#define OPT_UID(alias, letter) \
  "CASE WHEN " alias ".id IS NULL THEN NULL ELSE " UID (alias, letter) " END"

typedef struct {
  SyncTableInfo info;
  const char *columns;
  const char *from;
} TableQuery;

static const TableQuery queries[SYNC_TABLE_N] = {
  [SYNC_TABLE_ACTIVITY] = {
    { SYNC_ITEM_ACTIVITY, 0, "activity", "a", 'a', 12, 0 },
    "a.id, " UID ("a", "a") ", a.kind, a.name, a.held_on, a.held_until, a.place,"
    " a.attendance, a.women, a.youth, a.migrants, a.indigenous, a.disability, a.notes",
    "activity a",
  },
  [SYNC_TABLE_GROUP] = {
    { SYNC_ITEM_GROUP, 0, "table_group", "g", 'g', 4, 1 },
    "g.id, " UID ("g", "g") ", " UID ("a", "a") ", g.name, g.size, g.position, a.name",
    "table_group g JOIN activity a ON a.id = g.activity_id",
  },
  [SYNC_TABLE_PROPOSAL] = {
    { SYNC_ITEM_PROPOSAL, SYNC_ITEM_PROPOSAL_LINK, "proposal", "p", 'p', 7, 1 },
    "p.id, " UID ("p", "p") ", p.title, p.description, p.area, p.axes, p.inclusion,"
    " p.origin, p.created_at, " OPT_UID ("t", "p") ", t.title",
    "proposal p LEFT JOIN proposal t ON t.id = p.merged_into_id",
  },
  [SYNC_TABLE_CONTRIBUTION] = {
    { SYNC_ITEM_CONTRIBUTION, SYNC_ITEM_CONTRIBUTION_LINK, "contribution", "c", 'c', 7, 3 },
    "c.id, " UID ("c", "c") ", " UID ("a", "a") ", " OPT_UID ("g", "g") ", c.origin, c.text,"
    " c.area, c.axes, c.created_at, " OPT_UID ("p", "p") ", a.name, g.name, p.title",
    "contribution c JOIN activity a ON a.id = c.activity_id"
    " LEFT JOIN table_group g ON g.id = c.group_id"
    " LEFT JOIN proposal p ON p.id = c.proposal_id",
  },
  /* Content: value and note. Shown: evaluator, department, proposal
   * identity, criterion key, proposal title, when it was scored. */
  [SYNC_TABLE_SCORE] = {
    { SYNC_ITEM_SCORE, 0, "score", "s", 0, 2, 6 },
    "s.rowid, e.name || x'1f' || " UID ("p", "p") " || x'1f' || r.key, s.value, s.note,"
    " e.name, e.department, " UID ("p", "p") ", r.key, p.title, s.updated_at",
    "score s JOIN evaluator e ON e.id = s.evaluator_id JOIN proposal p ON p.id = s.proposal_id"
    " JOIN criterion r ON r.id = s.criterion_id",
  },
  [SYNC_TABLE_COMMENT] = {
    { SYNC_ITEM_COMMENT, 0, "consultation_comment", "q", 'q', 7, 1 },
    "q.id, " UID ("q", "q") ", " OPT_UID ("k", "k") ", q.channel, q.author, q.received_on,"
    " q.text, q.response, q.response_reason, k.position",
    "consultation_comment q LEFT JOIN commitment k ON k.id = q.commitment_id",
  },
  [SYNC_TABLE_PROGRESS] = {
    { SYNC_ITEM_PROGRESS, 0, "milestone_progress", "r", 'r', 4, 3 },
    "r.id, " UID ("r", "r") ", " UID ("m", "m") ", r.recorded_on, r.status, r.evidence,"
    " k.position, m.position, m.deliverable",
    "milestone_progress r JOIN milestone m ON m.id = r.milestone_id"
    " JOIN commitment k ON k.id = m.commitment_id",
  },
};

const SyncTableInfo *
sync_table_info (SyncTable table)
{
  g_assert (table < SYNC_TABLE_N);
  return &queries[table].info;
}

/* The table a kind of item is read from. */
SyncTable
sync_table_of_kind (SyncItemKind kind)
{
  for (SyncTable t = 0; t < SYNC_TABLE_N; t++)
    if (queries[t].info.kind == kind || queries[t].info.link_kind == kind)
      return t;
  g_assert_not_reached ();
}

/* The column holding @table's link target, or -1 when it has no link. */
int
sync_link_column (SyncTable table)
{
  return queries[table].info.link_kind != 0 ? SYNC_COL_CONTENT + queries[table].info.n_content : -1;
}

/* ---- items ---- */

static guint
item_hash (gconstpointer key)
{
  const SyncItem *item = key;
  return g_str_hash (item->uid) * 31 + item->kind;
}

static gboolean
item_equal (gconstpointer a, gconstpointer b)
{
  const SyncItem *x = a, *y = b;
  return x->kind == y->kind && strcmp (x->uid, y->uid) == 0;
}

/* A set of items, each its own key. */
GHashTable *
sync_items_new (void)
{
  return g_hash_table_new_full (item_hash, item_equal, g_free, NULL);
}

static SyncItem *
item_new (SyncItemKind kind, gint64 id, guint64 hash, const char *uid)
{
  gsize len = strlen (uid);
  SyncItem *item = g_malloc (sizeof (SyncItem) + len + 1);

  item->kind = kind;
  item->id = id;
  item->hash = hash;
  memcpy (item->uid, uid, len + 1);
  return item;
}

/* The item of @kind known as @uid in @items, or NULL. */
SyncItem *
sync_items_lookup (GHashTable *items, SyncItemKind kind, const char *uid)
{
  gsize len = strlen (uid);
  SyncItem *key = g_alloca (sizeof (SyncItem) + len + 1);

  key->kind = kind;
  memcpy (key->uid, uid, len + 1);
  return g_hash_table_lookup (items, key);
}

/* "kind\x1euid": how an item is named in maps that outlive a scan. */
char *
sync_item_key (SyncItemKind kind, const char *uid)
{
  return g_strdup_printf ("%d\x1e%s", kind, uid);
}

/* ---- hashing ---- */

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

static guint64
fnv (guint64 h, const void *data, gsize len)
{
  const guint8 *p = data;
  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * FNV_PRIME;
  return h;
}

static guint64
fnv_u64 (guint64 h, guint64 v)
{
  for (int i = 0; i < 8; i++)
    h = (h ^ ((v >> (8 * i)) & 0xff)) * FNV_PRIME;
  return h;
}

/* The hash of columns @first .. @first + @n - 1 of @stmt's current row. */
guint64
sync_hash_row (sqlite3_stmt *stmt, int first, int n)
{
  guint64 h = FNV_OFFSET;

  for (int i = first; i < first + n; i++)
    {
      int type = sqlite3_column_type (stmt, i);
      guint8 tag = (guint8) type;

      h = fnv (h, &tag, 1);
      switch (type)
        {
        case SQLITE_INTEGER:
          h = fnv_u64 (h, (guint64) sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          {
            double d = sqlite3_column_double (stmt, i);
            guint64 bits;
            memcpy (&bits, &d, sizeof bits);
            h = fnv_u64 (h, bits);
          }
          break;
        case SQLITE_TEXT:
        case SQLITE_BLOB:
          {
            const void *data = type == SQLITE_TEXT ? (const void *) sqlite3_column_text (stmt, i)
                                                   : sqlite3_column_blob (stmt, i);
            int len = sqlite3_column_bytes (stmt, i);
            h = fnv_u64 (h, (guint64) len);
            h = fnv (h, data, len);
          }
          break;
        default:
          break;
        }
    }

  /* SplitMix64's finaliser: FNV's last bytes barely reach the high bits. */
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

/* ---- queries ---- */

/* Re-reads one row of @table by its local id (?1). */
sqlite3_stmt *
sync_prepare_by_id (sqlite3 *db, SyncTable table, GError **error)
{
  const TableQuery *q = &queries[table];
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s.%s = ?1", q->columns,
                                          q->from, q->info.alias,
                                          table == SYNC_TABLE_SCORE ? "rowid" : "id");
  return cocrea_db_prepare (db, sql, error);
}

/*
 * sync_prepare_by_uid:
 * Reads one row of @table by identity; bind it with sync_bind_uid(). A
 * row without a uid (written by another program) is found by the identity
 * derived from its id, as the scans name it. Uses the uid indexes.
 */
sqlite3_stmt *
sync_prepare_by_uid (sqlite3 *db, SyncTable table, GError **error)
{
  const TableQuery *q = &queries[table];
  g_autofree char *sql = NULL;

  if (table == SYNC_TABLE_SCORE)
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE e.name = ?1 AND r.key = ?3"
                           " AND p.id = coalesce ((SELECT id FROM proposal WHERE uid = ?2), ?4)"
                           " AND (p.uid IS NULL OR p.uid = ?2)",
                           q->columns, q->from);
  else
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s.id = coalesce ((SELECT id FROM %s"
                           " WHERE uid = ?1), ?2) AND (%s.uid IS NULL OR %s.uid = ?1)",
                           q->columns, q->from, q->info.alias, q->info.table, q->info.alias,
                           q->info.alias);
  return cocrea_db_prepare (db, sql, error);
}

/* The id @uid was derived from when it has the form "<letter>-<id>", else 0. */
gint64
sync_legacy_id (const char *uid, char letter)
{
  guint64 id = 0;

  if (uid[0] != letter || uid[1] != '-' ||
      !g_ascii_string_to_unsigned (uid + 2, 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return (gint64) id;
}

static void
bind_legacy (sqlite3_stmt *stmt, int index, const char *uid, char letter)
{
  gint64 id = sync_legacy_id (uid, letter);

  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Resets @stmt (from sync_prepare_by_uid) and binds identity @uid. */
void
sync_bind_uid (sqlite3_stmt *stmt, SyncTable table, const char *uid)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (table == SYNC_TABLE_SCORE)
    {
      g_auto (GStrv) parts = g_strsplit (uid, "\x1f", 3);

      if (g_strv_length (parts) != 3)
        return; /* binds nothing: finds nothing */
      sqlite3_bind_text (stmt, 1, parts[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, parts[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, parts[2], -1, SQLITE_TRANSIENT);
      bind_legacy (stmt, 4, parts[1], 'p');
      return;
    }
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  bind_legacy (stmt, 2, uid, queries[table].info.legacy);
}

/*
 * sync_lookup_id:
 * Sets *@id to the local id of the row of SQL table @table known as @uid
 * (@letter: the letter of the identities derived from its ids), or 0
 * when this file has none. Fails with the SQLite error.
 */
gboolean
sync_lookup_id (sqlite3 *db, const char *table, char letter, const char *uid, gint64 *id,
                GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE id = coalesce ((SELECT id"
                                          " FROM %s WHERE uid = ?1), ?2)"
                                          " AND (uid IS NULL OR uid = ?1)",
                                          table, table);
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  bind_legacy (stmt, 2, uid, letter);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Adds the items of @stmt's current row (a row of @table) to @items. */
static void
add_row_items (GHashTable *items, SyncTable table, sqlite3_stmt *stmt)
{
  const SyncTableInfo *info = &queries[table].info;
  const char *uid = (const char *) sqlite3_column_text (stmt, SYNC_COL_UID);
  gint64 id = sqlite3_column_int64 (stmt, SYNC_COL_ID);
  int link = sync_link_column (table);
  SyncItem *item;

  if (uid == NULL)
    return;
  item = item_new (info->kind, id, sync_hash_row (stmt, SYNC_COL_CONTENT, info->n_content), uid);
  g_hash_table_add (items, item);
  if (link >= 0 && sqlite3_column_type (stmt, link) != SQLITE_NULL)
    g_hash_table_add (items, item_new (info->link_kind, id, sync_hash_row (stmt, link, 1), uid));
}

/*
 * sync_items_scan:
 * Adds every item of @db to @items (only scores when @scores_only).
 * Fails with the SQLite error.
 */
gboolean
sync_items_scan (sqlite3 *db, GHashTable *items, gboolean scores_only, GError **error)
{
  for (SyncTable t = 0; t < SYNC_TABLE_N; t++)
    {
      g_autofree char *sql = NULL;
      g_autoptr (sqlite3_stmt) stmt = NULL;
      int rc;

      if (scores_only && t != SYNC_TABLE_SCORE)
        continue;
      sql = g_strdup_printf ("SELECT %s FROM %s", queries[t].columns, queries[t].from);
      stmt = cocrea_db_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        add_row_items (items, t, stmt);
      if (rc != SQLITE_DONE)
        {
          cocrea_db_set_error (error, db, rc, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * sync_write_base:
 * Inside a transaction on a copy being made: replaces sync_base with the
 * hash of every item the copy holds now, what it is handed out with.
 */
gboolean
sync_write_base (sqlite3 *db, GError **error)
{
  g_autoptr (GHashTable) items = sync_items_new ();
  g_autoptr (sqlite3_stmt) insert = NULL;
  GHashTableIter iter;
  gpointer key;

  if (!cocrea_db_exec (db, "DELETE FROM sync_base", error) ||
      !sync_items_scan (db, items, FALSE, error))
    return FALSE;

  insert = cocrea_db_prepare (db, "INSERT INTO sync_base (kind, uid, hash) VALUES (?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const SyncItem *item = key;

      sqlite3_reset (insert);
      sqlite3_bind_int (insert, 1, item->kind);
      sqlite3_bind_text (insert, 2, item->uid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, (gint64) item->hash);
      if (!cocrea_db_step_done (db, insert, error))
        return FALSE;
    }
  return TRUE;
}
