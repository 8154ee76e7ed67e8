/* cocrea-sync.c — several laptops, one process
 *
 * The workshop day: the main laptop hands out copies of the process
 * (cocrea-sync-copy.c), each table captures offline, and the copies come
 * back in any order, twice if need be. What must hold: bringing back A
 * then B gives what B then A gives; the same copy twice changes nothing
 * the second time; nothing is lost or overwritten without someone
 * deciding; and it is all or nothing.
 *
 * The design: stable identities and a three-way comparison.
 *  - Identity. Every row people create has a uid (schema step 5), so rows
 *    made on two laptops never collide, and a row is the same row wherever
 *    it travels. Compared rows name the rows they refer to by uid.
 *  - Items. A row is read as an item (kind, uid, hash of its content); a
 *    contribution's or proposal's merge link is an item of its own, so a
 *    text corrected on a laptop and merged here meanwhile is no conflict
 *    (cocrea-sync-rows.c).
 *  - Base. A copy carries the hash of every item as it was handed out
 *    (sync_base). Against it, "the copy changed this" is known exactly,
 *    and so is "this file changed it since": a row changed on one side
 *    only goes that side's way; changed on both, differently, it is a
 *    conflict listed with both versions. So is a row deleted on one side
 *    and changed on the other, a row deleted there that is still in use
 *    here (merged into a proposal here, holding contributions the copy
 *    never saw), and a row deleted here that the copy still uses.
 *  - Memory. This file remembers, per copy (its replica id), each item it
 *    took or refused with both sides' hashes (sync_seen). Next time those
 *    are the base, so a second round on the same laptop brings only what
 *    changed since, and the same copy brought back again brings nothing.
 *    The memory is trusted only when the copy continues the one brought
 *    back (its audit log since hand-out begins with what was seen then,
 *    sync_replica): a copy duplicated on a USB stick and edited on two
 *    laptops is compared with the hand-out base instead, so one of them
 *    cannot undo or delete what the other brought.
 *  - Order. New rows, and changes to different rows, commute; the same
 *    row changed by two copies is a conflict whichever comes second. Two
 *    copies that each add a group of the same name to the same activity
 *    mean one table: the later one's group becomes an alias of the
 *    earlier one (remembered as a GROUP_ALIAS item), in either order.
 *  - No base. A copy made otherwise (by an older Cocrea, or "save a copy")
 *    does not say what it started from: rows it lacks are not taken as
 *    deleted, rows only it has come in, rows that differ are conflicts.
 *    merge-scores is this comparison restricted to scores.
 *  - All or nothing. Comparing reads both files and changes neither; an
 *    older copy is upgraded in a temporary copy, never on its stick.
 *    Applying is one edit (one transaction, one undo record), after
 *    checking that nothing compared has changed here since.
 *
 * SQLite's session extension (Debian builds it in) was weighed: its
 * sqlite3session_diff() finds what differs between two databases by
 * primary key, but Cocrea's keys are local ids that laptops make up each
 * on its own; and a changeset needs a session attached while the laptop
 * edits, kept across crashes and restarts. Identities plus a base of
 * hashes give three-way conflicts from the files alone, with no history
 * kept on laptops and nothing to lose when one dies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-schema.h"
#include "cocrea-search-index.h"
#include "cocrea-sync-plan-private.h"
#include "cocrea-sync-private.h"
#include "cocrea-sync.h"
#include "cocrea-undo-private.h"

/* A remembered pair of hashes (sync_seen): the copy's and ours. */
typedef struct {
  gboolean their_present;
  guint64 their;
  gboolean our_present;
  guint64 our;
} Seen;

/* Everything comparing needs at hand. */
typedef struct {
  CocreaSyncPlan *plan;
  sqlite3 *db;                             /* this file */
  sqlite3 *copy_db;
  sqlite3_stmt *by_uid[SYNC_TABLE_N];      /* this file's rows by identity */
  sqlite3_stmt *copy_by_id[SYNC_TABLE_N];  /* the copy's rows by local id */
  GHashTable *copy_items;                  /* every item of the copy */
  GHashTable *base;                        /* sync_base: kind,uid → hash (items) */
  GHashTable *seen;                        /* key → Seen */
  GHashTable *listed;                      /* reasons already in plan->skipped */
  gboolean use_base;
  gboolean seen_trusted;
  gint64 handed_out_audit;
} Compare;

static void
compare_clear (Compare *c)
{
  for (int t = 0; t < SYNC_TABLE_N; t++)
    {
      g_clear_pointer (&c->by_uid[t], sqlite3_finalize);
      g_clear_pointer (&c->copy_by_id[t], sqlite3_finalize);
    }
  g_clear_pointer (&c->copy_items, g_hash_table_unref);
  g_clear_pointer (&c->base, g_hash_table_unref);
  g_clear_pointer (&c->seen, g_hash_table_unref);
  g_clear_pointer (&c->listed, g_hash_table_unref);
}

static gboolean
is_link (SyncItemKind kind)
{
  return kind == SYNC_ITEM_CONTRIBUTION_LINK || kind == SYNC_ITEM_PROPOSAL_LINK;
}

/* ---- reading the copy ---- */

/* TRUE when @a and @b name the same file (a link or another spelling). */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/*
 * open_copy:
 * Opens the copy @path without ever writing to it. A copy from an older
 * Cocrea cannot be read as it is: it is copied into a new temporary
 * folder (*@tmp_dir, for the caller to remove) and upgraded there. A copy
 * that `cocrea check` calls damaged is refused with check's sentence: its
 * broken links would read as rows deleted on the laptop, and the damage
 * would spread to this file (issue 10, class 8).
 */
static CocreaDocument *
open_copy (const char *path, char **tmp_dir, GError **error)
{
  g_autoptr (GFile) source = NULL;
  g_autoptr (GFile) dest = NULL;
  g_autofree char *tmp_path = NULL;
  CocreaDocument *copy;
  int version = 0;

  *tmp_dir = NULL;
  /* Also refuses what is not a file (a pipe, a device), without reading it. */
  if (!cocrea_document_peek_version (path, &version, error) ||
      !cocrea_document_check_file (path, NULL, error))
    return NULL;
  if (version >= COCREA_SCHEMA_VERSION)
    return cocrea_document_open (path, COCREA_OPEN_READ_ONLY, error);

  *tmp_dir = g_dir_make_tmp ("cocrea-sync-XXXXXX", error);
  if (*tmp_dir == NULL)
    return NULL;
  tmp_path = g_build_filename (*tmp_dir, "copy.cocrea", NULL);
  source = g_file_new_for_path (path);
  dest = g_file_new_for_path (tmp_path);
  if (!g_file_copy (source, dest, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
    return NULL;
  copy = cocrea_document_open (tmp_path, COCREA_OPEN_DEFAULT, error);
  return copy;
}

/*
 * check_same_process:
 * Fails with COCREA_ERROR_INVALID when the copy is this very file or a
 * copy of another process (its process uuid differs), naming it.
 */
static gboolean
check_same_process (CocreaDocument *document, CocreaDocument *copy, const char *copy_path,
                    GError **error)
{
  g_autoptr (CocreaProcessInfo) ours = NULL;
  g_autoptr (CocreaProcessInfo) theirs = NULL;
  g_autofree char *name = g_filename_display_basename (copy_path);

  if (same_file (cocrea_document_get_path (document), copy_path))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is this process’s own file; choose a copy of it"), name);
      return FALSE;
    }
  ours = cocrea_document_get_process (document, error);
  if (ours == NULL)
    return FALSE;
  theirs = cocrea_document_get_process (copy, error);
  if (theirs == NULL)
    return FALSE;
  if (!g_str_equal (ours->uuid, theirs->uuid))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” belongs to another process (“%s”, %s); only a copy of this "
                     "process can be brought back"),
                   name, theirs->title, theirs->municipality);
      return FALSE;
    }
  return TRUE;
}

/*
 * audit_digest:
 * SHA-256 of @db's audit entries after @after up to @upto: what a copy did
 * since it was handed out, to tell a continuation from a duplicate.
 */
static char *
audit_digest (sqlite3 *db, gint64 after, gint64 upto, GError **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, "SELECT id, at, action, subject, detail FROM audit_log"
                                " WHERE id > ?1 AND id <= ?2 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, upto);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 5; i++)
      {
        const guchar *text = sqlite3_column_text (stmt, i);
        g_checksum_update (sum, text != NULL ? text : (const guchar *) "", -1);
        g_checksum_update (sum, (const guchar *) "\x1f", 1);
      }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (sum));
}

/*
 * read_origin:
 * Where the copy comes from: its replica id, label and the audit entry it
 * was handed out at, from sync_origin; a copy without one (older, or
 * saved otherwise) is known by its process uuid and has no usable base.
 * Also reads how far the copy's audit log goes now.
 */
static gboolean
read_origin (Compare *c, CocreaDocument *copy, const char *copy_path, GError **error)
{
  CocreaSyncPlan *plan = c->plan;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (c->copy_db, "SELECT replica, label, audit_id, format FROM sync_origin",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 1);

      plan->replica = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (label != NULL && *label != '\0')
        plan->label = g_strdup (label);
      c->handed_out_audit = sqlite3_column_int64 (stmt, 2);
      c->use_base = sqlite3_column_int (stmt, 3) == COCREA_SYNC_FORMAT;
    }
  else if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, c->copy_db, rc, NULL);
      return FALSE;
    }
  else
    {
      g_autoptr (CocreaProcessInfo) info = cocrea_document_get_process (copy, error);
      if (info == NULL)
        return FALSE;
      plan->replica = g_strdup (info->uuid);
    }
  if (plan->label == NULL)
    {
      g_autofree char *base = g_filename_display_basename (copy_path);
      char *dot = g_strrstr (base, ".cocrea");
      if (dot != NULL && dot != base)
        *dot = '\0';
      plan->label = g_steal_pointer (&base);
    }

  if (!cocrea_db_query_int (c->copy_db, "SELECT coalesce (max (id), 0) FROM audit_log",
                            &plan->copy_audit_id, error))
    return FALSE;
  plan->copy_audit_digest = audit_digest (c->copy_db, c->handed_out_audit, plan->copy_audit_id,
                                          error);
  if (plan->copy_audit_digest == NULL)
    return FALSE;

  if (!c->use_base && !plan->scores_only)
    g_ptr_array_add (plan->notes,
                     g_strdup (_("This copy does not say what it started from (it was not made by "
                                 "Prepare Laptops or “cocrea copy”): rows that differ are listed as "
                                 "conflicts, and nothing it lacks is deleted")));
  return TRUE;
}

/*
 * trust_seen:
 * Decides whether what this file remembers of the copy applies: only when
 * the copy's audit log, up to where it was last brought back, is the one
 * seen then.
 */
static gboolean
trust_seen (Compare *c, GError **error)
{
  CocreaSyncPlan *plan = c->plan;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *digest = NULL;
  gint64 audit_id;
  int rc;

  c->seen_trusted = FALSE;
  stmt = cocrea_db_prepare (c->db, "SELECT audit_id, audit_digest, synced_at FROM sync_replica"
                                   " WHERE replica = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, plan->replica);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, c->db, rc, NULL);
      return FALSE;
    }
  audit_id = sqlite3_column_int64 (stmt, 0);
  if (audit_id <= plan->copy_audit_id)
    {
      digest = audit_digest (c->copy_db, c->handed_out_audit, audit_id, error);
      if (digest == NULL)
        return FALSE;
      c->seen_trusted = g_strcmp0 (digest, (const char *) sqlite3_column_text (stmt, 1)) == 0;
    }
  if (!c->seen_trusted)
    g_ptr_array_add (plan->notes,
                     g_strdup_printf (_("This is not the copy brought back on %s, but another "
                                        "copy of it: it is compared with the process as it was "
                                        "handed out"),
                                      (const char *) sqlite3_column_text (stmt, 2)));
  return TRUE;
}

static gboolean
load_base (Compare *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  c->base = sync_items_new ();
  if (!c->use_base)
    return TRUE;
  stmt = cocrea_db_prepare (c->copy_db, c->plan->scores_only
                                          ? "SELECT kind, uid, hash FROM sync_base WHERE kind = 7"
                                          : "SELECT kind, uid, hash FROM sync_base",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uid = (const char *) sqlite3_column_text (stmt, 1);
      gsize len = strlen (uid);
      SyncItem *item = g_malloc (sizeof (SyncItem) + len + 1);

      item->kind = sqlite3_column_int (stmt, 0);
      item->id = 0;
      item->hash = (guint64) sqlite3_column_int64 (stmt, 2);
      memcpy (item->uid, uid, len + 1);
      g_hash_table_replace (c->base, item, item);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, c->copy_db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* What this file remembers of the copy: items, and groups that are aliases. */
static gboolean
load_seen (Compare *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  c->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!c->seen_trusted)
    return TRUE;
  stmt = cocrea_db_prepare (c->db, "SELECT kind, uid, their_hash, our_hash FROM sync_seen"
                                   " WHERE replica = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, c->plan->replica);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 0);
      const char *uid = (const char *) sqlite3_column_text (stmt, 1);
      Seen *seen;

      if (kind == SYNC_ITEM_GROUP_ALIAS)
        {
          g_auto (GStrv) parts = g_strsplit (uid, "\x1f", 2);
          if (g_strv_length (parts) == 2)
            g_hash_table_replace (c->plan->aliases, g_strdup (parts[0]), g_strdup (parts[1]));
          continue;
        }
      if (kind <= 0 || kind >= SYNC_ITEM_GROUP_ALIAS)
        continue;
      seen = g_new0 (Seen, 1);
      seen->their_present = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      seen->their = (guint64) sqlite3_column_int64 (stmt, 2);
      seen->our_present = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      seen->our = (guint64) sqlite3_column_int64 (stmt, 3);
      g_hash_table_replace (c->seen, sync_item_key (kind, uid), seen);
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, c->db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/*
 * item_state:
 * Reads item @kind @uid through @stmt (a by-identity statement of its
 * table): whether it exists, its hash and its row's local id. A link
 * exists when the row is merged somewhere.
 */
static gboolean
item_state (sqlite3 *db, sqlite3_stmt *stmt, SyncItemKind kind, const char *uid,
            gboolean *present, guint64 *hash, gint64 *id, GError **error)
{
  SyncTable table = sync_table_of_kind (kind);
  int rc;

  *present = FALSE;
  *hash = 0;
  *id = 0;
  sync_bind_uid (stmt, table, uid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, SYNC_COL_ID);
      if (is_link (kind))
        {
          int col = sync_link_column (table);
          *present = sqlite3_column_type (stmt, col) != SQLITE_NULL;
          *hash = *present ? sync_hash_row (stmt, col, 1) : 0;
        }
      else
        {
          *present = TRUE;
          *hash = sync_hash_row (stmt, SYNC_COL_CONTENT, sync_table_info (table)->n_content);
        }
    }
  else if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static sqlite3_stmt *
our_stmt (Compare *c, SyncTable table, GError **error)
{
  if (c->by_uid[table] == NULL)
    c->by_uid[table] = sync_prepare_by_uid (c->db, table, error);
  return c->by_uid[table];
}

/* Dups every column of @stmt's current row. */
static sqlite3_value **
dup_row (sqlite3_stmt *stmt, int *n)
{
  sqlite3_value **values;

  *n = sqlite3_column_count (stmt);
  values = g_new0 (sqlite3_value *, *n);
  for (int i = 0; i < *n; i++)
    values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
  return values;
}

/* Keeps the copy's row of @entry (local id @id there), for applying. */
static gboolean
keep_copy_row (Compare *c, SyncEntry *entry, gint64 id, GError **error)
{
  SyncTable table = sync_table_of_kind (entry->kind);
  sqlite3_stmt *stmt;
  int rc;

  if (entry->x_values != NULL)
    return TRUE;
  if (c->copy_by_id[table] == NULL)
    c->copy_by_id[table] = sync_prepare_by_id (c->copy_db, table, error);
  stmt = c->copy_by_id[table];
  if (stmt == NULL)
    return FALSE;
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry->x_values = dup_row (stmt, &entry->n_values);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, c->copy_db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- comparing ---- */

static gboolean
same (gboolean a_present, guint64 a, gboolean b_present, guint64 b)
{
  return a_present == b_present && (!a_present || a == b);
}

static SyncAction
action_for (gboolean x_present, gboolean m_present)
{
  if (!x_present)
    return SYNC_ACTION_DELETE;
  return m_present ? SYNC_ACTION_UPDATE : SYNC_ACTION_INSERT;
}

static void
make_conflict (SyncEntry *entry, CocreaSyncConflictReason reason, gboolean can_take)
{
  g_clear_object (&entry->conflict);
  /* Titles and versions are written once everything is found. */
  entry->conflict = cocrea_sync_conflict_new (sync_kind_category (entry->kind), reason, NULL, NULL,
                                              NULL, can_take);
}

/*
 * classify:
 * Compares item @kind @uid of the copy (@x, NULL when the copy lacks it)
 * with its base and with this file, and adds an entry for it unless the
 * copy left it as it was.
 */
static gboolean
classify (Compare *c, SyncItemKind kind, const char *uid, const SyncItem *x, GError **error)
{
  CocreaSyncPlan *plan = c->plan;
  g_autofree char *key = sync_item_key (kind, uid);
  const Seen *seen = g_hash_table_lookup (c->seen, key);
  gboolean known = TRUE, bx_present, bm_present, m_present;
  guint64 bx = 0, bm = 0, m_hash;
  gint64 m_id;
  sqlite3_stmt *stmt;
  SyncEntry *entry;

  if (seen != NULL)
    {
      bx_present = seen->their_present;
      bx = seen->their;
      bm_present = seen->our_present;
      bm = seen->our;
    }
  else if (c->use_base)
    {
      const SyncItem *b = sync_items_lookup (c->base, kind, uid);
      bx_present = bm_present = b != NULL;
      bx = bm = b != NULL ? b->hash : 0;
    }
  else
    known = bx_present = bm_present = FALSE;

  if (known && same (x != NULL, x ? x->hash : 0, bx_present, bx))
    {
      plan->unchanged++;
      return TRUE; /* the copy left it alone */
    }

  stmt = our_stmt (c, sync_table_of_kind (kind), error);
  if (stmt == NULL ||
      !item_state (c->db, stmt, kind, uid, &m_present, &m_hash, &m_id, error))
    return FALSE;

  if (!known && x == NULL)
    return TRUE; /* without a base, what a copy lacks says nothing */
  if (plan->scores_only && x == NULL)
    return TRUE; /* merge-scores never took a score away */
  if (same (x != NULL, x ? x->hash : 0, m_present, m_hash))
    {
      plan->unchanged++;
      /* Already here. Changed there since the base, it is remembered, so a
       * later change here is not taken for a conflict. */
      if (!known)
        return TRUE;
    }

  entry = sync_plan_add_entry (plan, kind, uid);
  entry->x_present = x != NULL;
  entry->x_hash = x ? x->hash : 0;
  entry->m_present = m_present;
  entry->m_hash = m_hash;
  entry->changed_there = TRUE;

  if (same (entry->x_present, entry->x_hash, m_present, m_hash))
    {
      entry->action = SYNC_ACTION_NONE;
      return TRUE;
    }

  entry->action = action_for (entry->x_present, m_present);
  if (!known)
    {
      if (m_present)
        make_conflict (entry, COCREA_SYNC_DIFFERENT, TRUE);
    }
  else if (!same (m_present, m_hash, bm_present, bm))
    make_conflict (entry, !entry->x_present ? COCREA_SYNC_DELETED_THERE
                          : !m_present      ? COCREA_SYNC_DELETED_HERE
                                            : COCREA_SYNC_BOTH_CHANGED,
                   TRUE);

  if (entry->x_present && entry->action != SYNC_ACTION_DELETE)
    return keep_copy_row (c, entry, x->id, error);
  return TRUE;
}

/* Calls classify() for every item the copy has, had, or was seen with. */
static gboolean
classify_all (Compare *c, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, c->copy_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const SyncItem *x = key;
      if (!classify (c, x->kind, x->uid, x, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, c->base);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const SyncItem *b = key;
      if (sync_items_lookup (c->copy_items, b->kind, b->uid) == NULL &&
          !classify (c, b->kind, b->uid, NULL, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, c->seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto (GStrv) parts = g_strsplit (key, "\x1e", 2);
      SyncItemKind kind = atoi (parts[0]);

      if (sync_items_lookup (c->copy_items, kind, parts[1]) == NULL &&
          sync_items_lookup (c->base, kind, parts[1]) == NULL &&
          !classify (c, kind, parts[1], NULL, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * fold_deletions:
 * A contribution (or proposal) the copy deleted takes its link with it:
 * its link entry goes, and if this file merged it elsewhere since, the
 * deletion is a conflict ("deleted there, merged here").
 */
static gboolean
fold_deletions (Compare *c, GError **error)
{
  CocreaSyncPlan *plan = c->plan;
  g_autoptr (GPtrArray) deletions = g_ptr_array_new ();

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SyncEntry *e = plan->entries->pdata[i];
      if (e->action == SYNC_ACTION_DELETE &&
          (e->kind == SYNC_ITEM_CONTRIBUTION || e->kind == SYNC_ITEM_PROPOSAL))
        g_ptr_array_add (deletions, e);
    }

  for (guint i = 0; i < deletions->len; i++)
    {
      SyncEntry *e = deletions->pdata[i];
      SyncItemKind link_kind = e->kind == SYNC_ITEM_CONTRIBUTION ? SYNC_ITEM_CONTRIBUTION_LINK
                                                                 : SYNC_ITEM_PROPOSAL_LINK;
      SyncEntry *link = sync_plan_lookup (plan, link_kind, e->uid);
      g_autofree char *key = sync_item_key (link_kind, e->uid);
      const Seen *seen = g_hash_table_lookup (c->seen, key);
      gboolean bm_present = FALSE, m_present;
      guint64 bm = 0, m_hash;
      gint64 m_id;

      if (link != NULL)
        {
          if (link->conflict != NULL && e->conflict == NULL)
            make_conflict (e, COCREA_SYNC_DELETED_THERE, TRUE);
          sync_plan_remove (plan, link);
          continue;
        }
      /* The copy did not touch the link: did this file? */
      if (seen != NULL)
        {
          bm_present = seen->our_present;
          bm = seen->our;
        }
      else if (c->use_base)
        {
          const SyncItem *b = sync_items_lookup (c->base, link_kind, e->uid);
          bm_present = b != NULL;
          bm = b ? b->hash : 0;
        }
      if (!item_state (c->db, our_stmt (c, sync_table_of_kind (link_kind), error), link_kind,
                       e->uid, &m_present, &m_hash, &m_id, error))
        return FALSE;
      if (!same (m_present, m_hash, bm_present, bm) && e->conflict == NULL)
        make_conflict (e, COCREA_SYNC_DELETED_THERE, TRUE);
    }
  return TRUE;
}

/*
 * uses_here:
 * Counts the rows of this file that refer to row @id of the deleted
 * @entry and that this plan does not delete as well: a deletion that
 * would take them along (or leave them pointing nowhere) is a conflict.
 */
static gboolean
uses_here (Compare *c, SyncEntry *entry, gint64 id, guint *n_uses, GError **error)
{
  static const struct {
    SyncItemKind parent;
    SyncItemKind kind;  /* 0: rows that are no items (decisions, commitments): any is a use */
    const char *sql;
  } refs[] = {
    { SYNC_ITEM_ACTIVITY, SYNC_ITEM_GROUP,
      "SELECT coalesce (uid, 'g-' || id) FROM table_group WHERE activity_id = ?" },
    { SYNC_ITEM_ACTIVITY, SYNC_ITEM_CONTRIBUTION,
      "SELECT coalesce (uid, 'c-' || id) FROM contribution WHERE activity_id = ?" },
    { SYNC_ITEM_GROUP, SYNC_ITEM_CONTRIBUTION,
      "SELECT coalesce (uid, 'c-' || id) FROM contribution WHERE group_id = ?" },
    { SYNC_ITEM_PROPOSAL, SYNC_ITEM_CONTRIBUTION_LINK,
      "SELECT coalesce (uid, 'c-' || id) FROM contribution WHERE proposal_id = ?" },
    { SYNC_ITEM_PROPOSAL, SYNC_ITEM_PROPOSAL_LINK,
      "SELECT coalesce (uid, 'p-' || id) FROM proposal WHERE merged_into_id = ?" },
    { SYNC_ITEM_PROPOSAL, SYNC_ITEM_SCORE,
      "SELECT e.name || x'1f' || coalesce (p.uid, 'p-' || p.id) || x'1f' || r.key FROM score s"
      " JOIN evaluator e ON e.id = s.evaluator_id JOIN proposal p ON p.id = s.proposal_id"
      " JOIN criterion r ON r.id = s.criterion_id WHERE s.proposal_id = ?" },
    { SYNC_ITEM_PROPOSAL, 0, "SELECT 1 FROM decision WHERE proposal_id = ?" },
    { SYNC_ITEM_PROPOSAL, 0, "SELECT 1 FROM commitment WHERE proposal_id = ?" },
  };

  *n_uses = 0;
  for (guint r = 0; r < G_N_ELEMENTS (refs); r++)
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;
      int rc;

      if (refs[r].parent != entry->kind)
        continue;
      stmt = cocrea_db_prepare (c->db, refs[r].sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *uid = (const char *) sqlite3_column_text (stmt, 0);
          SyncItemKind kind = refs[r].kind;
          SyncEntry *child = NULL;

          /* A link goes with its contribution or proposal. */
          if (kind == SYNC_ITEM_CONTRIBUTION_LINK)
            kind = SYNC_ITEM_CONTRIBUTION;
          else if (kind == SYNC_ITEM_PROPOSAL_LINK)
            kind = SYNC_ITEM_PROPOSAL;
          if (kind != 0)
            child = sync_plan_lookup (c->plan, kind, uid);
          if (child == NULL || child->action != SYNC_ACTION_DELETE || child->conflict != NULL)
            (*n_uses)++;
        }
      if (rc != SQLITE_DONE)
        {
          cocrea_db_set_error (error, c->db, rc, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* Deleting activities, groups and proposals still in use here is a conflict. */
static gboolean
check_uses (Compare *c, GError **error)
{
  CocreaSyncPlan *plan = c->plan;

  /* Children before parents: a group's deletion decided first tells its
   * activity's whether the group goes too. */
  static const SyncItemKind order[] = { SYNC_ITEM_PROPOSAL, SYNC_ITEM_GROUP, SYNC_ITEM_ACTIVITY };

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < plan->entries->len; i++)
      {
        SyncEntry *e = plan->entries->pdata[i];
        SyncTable table;
        gint64 id = 0;
        guint n_uses = 0;

        if (e->kind != order[k] || e->action != SYNC_ACTION_DELETE)
          continue;
        table = sync_table_of_kind (e->kind);
        if (!sync_lookup_id (c->db, sync_table_info (table)->table, sync_table_info (table)->legacy,
                             e->uid, &id, error) ||
            !uses_here (c, e, id, &n_uses, error))
          return FALSE;
        /* Taking theirs is not offered: the rows here would go without
         * anyone having looked at them. */
        if (n_uses > 0)
          make_conflict (e, COCREA_SYNC_IN_USE_HERE, FALSE);
      }
  return TRUE;
}

/* Sets @entry's reason to be left out (taking @message), listing it
 * once however many rows it concerns. */
static void
skip_entry (Compare *c, SyncEntry *entry, char *message)
{
  if (entry->skip == NULL)
    entry->skip = g_strdup (message);
  if (g_hash_table_add (c->listed, message))
    g_ptr_array_add (c->plan->skipped, g_strdup (message));
}

static const char *
value_text (SyncEntry *entry, int column)
{
  if (entry->x_values == NULL || column >= entry->n_values)
    return NULL;
  return (const char *) sqlite3_value_text (entry->x_values[column]);
}

/*
 * group_aliases:
 * A group the copy added, named like a group this file has in the same
 * activity, is that group (two laptops at one table): it is not added,
 * and the copy's rows in it land in ours.
 */
static gboolean
group_aliases (Compare *c, GError **error)
{
  CocreaSyncPlan *plan = c->plan;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (c->db, "SELECT coalesce (uid, 'g-' || id) FROM table_group"
                                   " WHERE activity_id = ? AND name = ?",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SyncEntry *e = plan->entries->pdata[i];
      const char *activity;
      gint64 activity_id = 0;
      int rc;

      if (e->kind != SYNC_ITEM_GROUP || e->x_values == NULL || e->m_present ||
          e->conflict != NULL)
        continue;
      activity = value_text (e, SYNC_COL_CONTENT);
      if (!sync_lookup_id (c->db, "activity", 'a', activity, &activity_id, error))
        return FALSE;
      if (activity_id == 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, activity_id);
      sqlite3_bind_value (stmt, 2, e->x_values[SYNC_COL_CONTENT + 1]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          e->alias = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          e->action = SYNC_ACTION_NONE;
          g_hash_table_replace (plan->aliases, g_strdup (e->uid), g_strdup (e->alias));
        }
      else if (rc != SQLITE_DONE)
        {
          cocrea_db_set_error (error, c->db, rc, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* The identity @uid of a group of the copy stands for here. */
static const char *
resolve_alias (CocreaSyncPlan *plan, SyncItemKind kind, const char *uid)
{
  const char *alias = kind == SYNC_ITEM_GROUP ? g_hash_table_lookup (plan->aliases, uid) : NULL;
  return alias != NULL ? alias : uid;
}

static void
add_need (SyncEntry *entry, SyncEntry *need)
{
  if (entry->needs == NULL)
    entry->needs = g_ptr_array_new ();
  g_ptr_array_add (entry->needs, need);
}

/*
 * need_row:
 * @entry brings a row that refers to row @uid of @kind. If this file
 * lacks that row and the plan does not add it, this file deleted it
 * since: that row becomes a conflict (deleted here, still in use in the
 * copy) whose "take theirs" puts it back, and @entry waits on it.
 */
static gboolean
need_row (Compare *c, SyncEntry *entry, SyncItemKind kind, const char *uid, GQueue *todo,
          GError **error)
{
  CocreaSyncPlan *plan = c->plan;
  const char *here = resolve_alias (plan, kind, uid);
  SyncEntry *parent = sync_plan_lookup (plan, kind, here);
  SyncTable table = sync_table_of_kind (kind);
  const SyncItem *x;
  gint64 id = 0;

  if (parent != NULL && parent->action == SYNC_ACTION_INSERT)
    {
      add_need (entry, parent);
      return TRUE;
    }
  if (!sync_lookup_id (c->db, sync_table_info (table)->table, sync_table_info (table)->legacy,
                       here, &id, error))
    return FALSE;
  if (id != 0)
    return TRUE;

  if (plan->scores_only)
    {
      skip_entry (c, entry,
                  g_strdup_printf (_("Proposal “%s” of the copy is not in this file; its scores "
                                     "were left out"),
                                   value_text (entry, 8)));
      return TRUE;
    }
  if (parent == NULL)
    {
      x = sync_items_lookup (c->copy_items, kind, uid);
      if (x == NULL)
        {
          skip_entry (c, entry, g_strdup (_("A row of the copy refers to a row the copy does not "
                                            "have; it was left out")));
          return TRUE;
        }
      parent = sync_plan_add_entry (plan, kind, uid);
      parent->x_present = TRUE;
      parent->x_hash = x->hash;
      parent->changed_there = TRUE;
      if (!keep_copy_row (c, parent, x->id, error))
        return FALSE;
      g_queue_push_tail (todo, parent);
    }
  parent->action = SYNC_ACTION_INSERT;
  if (parent->conflict == NULL)
    make_conflict (parent, COCREA_SYNC_NEEDED_THERE, TRUE);
  add_need (entry, parent);
  return TRUE;
}

/* The rows each entry to add or change needs here, by column. */
static gboolean
entry_needs (Compare *c, SyncEntry *e, GQueue *todo, GError **error)
{
  int link;

  if (e->x_values == NULL || e->action == SYNC_ACTION_DELETE || e->action == SYNC_ACTION_NONE)
    return TRUE;

  switch (e->kind)
    {
    case SYNC_ITEM_GROUP:
      return need_row (c, e, SYNC_ITEM_ACTIVITY, value_text (e, SYNC_COL_CONTENT), todo, error);
    case SYNC_ITEM_CONTRIBUTION:
      if (!need_row (c, e, SYNC_ITEM_ACTIVITY, value_text (e, SYNC_COL_CONTENT), todo, error))
        return FALSE;
      if (value_text (e, SYNC_COL_CONTENT + 1) != NULL &&
          !need_row (c, e, SYNC_ITEM_GROUP, value_text (e, SYNC_COL_CONTENT + 1), todo, error))
        return FALSE;
      return TRUE;
    case SYNC_ITEM_CONTRIBUTION_LINK:
    case SYNC_ITEM_PROPOSAL_LINK:
      link = sync_link_column (sync_table_of_kind (e->kind));
      return need_row (c, e, e->kind == SYNC_ITEM_CONTRIBUTION_LINK ? SYNC_ITEM_CONTRIBUTION
                                                                    : SYNC_ITEM_PROPOSAL,
                       e->uid, todo, error) &&
             need_row (c, e, SYNC_ITEM_PROPOSAL, value_text (e, link), todo, error);
    case SYNC_ITEM_SCORE:
      return need_row (c, e, SYNC_ITEM_PROPOSAL, value_text (e, 6), todo, error);
    default:
      return TRUE;
    }
}

static gboolean
check_needs (Compare *c, GError **error)
{
  g_autoptr (GQueue) todo = g_queue_new ();
  SyncEntry *e;

  for (guint i = 0; i < c->plan->entries->len; i++)
    g_queue_push_tail (todo, c->plan->entries->pdata[i]);
  while ((e = g_queue_pop_head (todo)) != NULL)
    if (!entry_needs (c, e, todo, error))
      return FALSE;
  return TRUE;
}

/*
 * check_loops:
 * A proposal merged into another in the copy must not, with what this
 * file merged meanwhile, end up merged into itself.
 */
static gboolean
check_loops (Compare *c, GError **error)
{
  CocreaSyncPlan *plan = c->plan;
  int link = sync_link_column (SYNC_TABLE_PROPOSAL);

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SyncEntry *e = plan->entries->pdata[i];
      g_autoptr (GHashTable) visited = NULL;
      g_autofree char *current = NULL;

      if (e->kind != SYNC_ITEM_PROPOSAL_LINK || e->x_values == NULL ||
          e->action == SYNC_ACTION_DELETE || e->action == SYNC_ACTION_NONE)
        continue;
      visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      current = g_strdup (value_text (e, link));
      while (current != NULL)
        {
          SyncEntry *next_entry = sync_plan_lookup (plan, SYNC_ITEM_PROPOSAL_LINK, current);
          sqlite3_stmt *stmt;
          int rc;

          if (g_str_equal (current, e->uid) || !g_hash_table_add (visited, g_strdup (current)))
            {
              make_conflict (e, COCREA_SYNC_LOOP, FALSE);
              break;
            }
          if (next_entry != NULL && next_entry->action != SYNC_ACTION_NONE)
            {
              g_autofree char *next = next_entry->x_values ? g_strdup (value_text (next_entry, link))
                                                           : NULL;
              g_free (current);
              current = g_steal_pointer (&next);
              continue;
            }
          stmt = our_stmt (c, SYNC_TABLE_PROPOSAL, error);
          if (stmt == NULL)
            return FALSE;
          sync_bind_uid (stmt, SYNC_TABLE_PROPOSAL, current);
          rc = sqlite3_step (stmt);
          g_clear_pointer (&current, g_free);
          if (rc == SQLITE_ROW)
            current = g_strdup ((const char *) sqlite3_column_text (stmt, link));
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            {
              cocrea_db_set_error (error, c->db, rc, NULL);
              return FALSE;
            }
        }
    }
  return TRUE;
}


/*
 * check_score:
 * A score comes in only for a criterion this process has, on its scale.
 * merge-scores also leaves out scores of a proposal this file has merged
 * away or that is titled otherwise here, as it always did.
 */
static gboolean
check_score (Compare *c, SyncEntry *e, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *evaluator = value_text (e, 4);
  const char *criterion = value_text (e, 7);
  int value = sqlite3_value_int (e->x_values[SYNC_COL_CONTENT]);
  int rc;

  if (c->plan->scores_only)
    {
      g_autofree char *theirs = g_strdup (value_text (e, 8));
      gint64 id = 0;

      stmt = cocrea_db_prepare (c->db, "SELECT id, title, merged_into_id FROM proposal"
                                       " WHERE id = coalesce ((SELECT id FROM proposal WHERE uid = ?1), ?2)"
                                       " AND (uid IS NULL OR uid = ?1)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, value_text (e, 6), -1, SQLITE_TRANSIENT);
      id = sync_legacy_id (value_text (e, 6), 'p');
      if (id > 0)
        sqlite3_bind_int64 (stmt, 2, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), theirs) != 0)
        {
          skip_entry (c, e,
                      g_strdup_printf (_("Proposal %lld “%s” is not the same "
                                         "proposal in this file; its scores were left out"),
                                       (long long) sqlite3_column_int64 (stmt, 0), theirs));
          return TRUE;
        }
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          skip_entry (c, e,
                      g_strdup_printf (_("Proposal %lld “%s” has been merged into "
                                         "another here; its scores were left out"),
                                       (long long) sqlite3_column_int64 (stmt, 0), theirs));
          return TRUE;
        }
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          cocrea_db_set_error (error, c->db, rc, NULL);
          return FALSE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = cocrea_db_prepare (c->db, "SELECT scale_min, scale_max FROM criterion WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, criterion);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    skip_entry (c, e,
                g_strdup_printf (_("This process has no criterion “%s”; its scores were left out"),
                                 criterion));
  else if (rc == SQLITE_ROW && (value < sqlite3_column_int (stmt, 0) ||
                                value > sqlite3_column_int (stmt, 1)))
    skip_entry (c, e,
                g_strdup_printf (_("%s’s score %d on “%s” for “%s” is outside this process’s "
                                   "scale %d–%d"),
                                 evaluator, value, criterion, value_text (e, 8),
                                 sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1)));
  else if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, c->db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Comments and progress records come in only with their commitment or milestone. */
static gboolean
check_plan_rows (Compare *c, SyncEntry *e, GError **error)
{
  const char *parent = value_text (e, SYNC_COL_CONTENT);
  gint64 id = 0;

  if (parent == NULL)
    return TRUE; /* a comment on the plan as a whole */
  if (e->kind == SYNC_ITEM_COMMENT)
    {
      if (!sync_lookup_id (c->db, "commitment", 'k', parent, &id, error))
        return FALSE;
      if (id == 0)
        skip_entry (c, e,
                    g_strdup_printf (_("A comment on commitment %lld of the copy was left out: "
                                       "this process does not have that commitment"),
                                     (long long) sqlite3_value_int64 (e->x_values[9])));
      return TRUE;
    }
  if (!sync_lookup_id (c->db, "milestone", 'm', parent, &id, error))
    return FALSE;
  if (id == 0)
    skip_entry (c, e,
                g_strdup_printf (_("Progress of milestone %lld.%lld of the copy was left out: "
                                   "this process does not have that milestone"),
                                 (long long) sqlite3_value_int64 (e->x_values[6]),
                                 (long long) sqlite3_value_int64 (e->x_values[7])));
  return TRUE;
}

static gboolean
check_rows (Compare *c, GError **error)
{
  for (guint i = 0; i < c->plan->entries->len; i++)
    {
      SyncEntry *e = c->plan->entries->pdata[i];

      if (e->x_values == NULL || e->action == SYNC_ACTION_DELETE || e->action == SYNC_ACTION_NONE)
        continue;
      if (e->kind == SYNC_ITEM_SCORE && !check_score (c, e, error))
        return FALSE;
      if ((e->kind == SYNC_ITEM_COMMENT || e->kind == SYNC_ITEM_PROGRESS) &&
          !check_plan_rows (c, e, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- telling people ---- */

static const char *
text_at (sqlite3_value **v, int n, int i)
{
  const char *text = i < n ? (const char *) sqlite3_value_text (v[i]) : NULL;
  return text != NULL ? text : "";
}

/* “text”, cut to about 60 characters. */
static char *
quoted (const char *text)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n\r\t", ' ');
  if (g_utf8_strlen (flat, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, 59);
      return g_strdup_printf ("“%s…”", g_strchomp (cut));
    }
  return g_strdup_printf ("“%s”", flat);
}

static void
join (GString *line, const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (line->len > 0)
    g_string_append (line, " · ");
  g_string_append (line, part);
}

/* The column holding the title of @table's link target. */
static int
link_title_column (SyncTable table)
{
  return sync_link_column (table) + (table == SYNC_TABLE_CONTRIBUTION ? 3 : 1);
}

/* What a row is, for people: "Contribution “Más luminarias…”". */
static char *
row_title (SyncItemKind kind, sqlite3_value **v, int n)
{
  g_autofree char *q = NULL;

  switch (kind)
    {
    case SYNC_ITEM_ACTIVITY:
      return g_strdup_printf (_("Activity “%s”"), text_at (v, n, 3));
    case SYNC_ITEM_GROUP:
      return g_strdup_printf (_("Group “%s” of “%s”"), text_at (v, n, 3), text_at (v, n, 6));
    case SYNC_ITEM_PROPOSAL:
      q = quoted (text_at (v, n, 2));
      return g_strdup_printf (_("Proposal %s"), q);
    case SYNC_ITEM_CONTRIBUTION:
      q = quoted (text_at (v, n, 5));
      return g_strdup_printf (_("Contribution %s"), q);
    case SYNC_ITEM_CONTRIBUTION_LINK:
      q = quoted (text_at (v, n, 5));
      return g_strdup_printf (_("Where contribution %s is merged"), q);
    case SYNC_ITEM_PROPOSAL_LINK:
      q = quoted (text_at (v, n, 2));
      return g_strdup_printf (_("Where proposal %s is merged"), q);
    case SYNC_ITEM_SCORE:
      return g_strdup_printf (_("%s’s score of “%s” on “%s”"), text_at (v, n, 4), text_at (v, n, 8),
                              text_at (v, n, 7));
    case SYNC_ITEM_COMMENT:
      q = quoted (text_at (v, n, 6));
      return g_strdup_printf (_("Comment %s"), q);
    case SYNC_ITEM_PROGRESS:
      return g_strdup_printf (_("Progress of milestone %s.%s on %s"), text_at (v, n, 6),
                              text_at (v, n, 7), text_at (v, n, 3));
    default:
      g_assert_not_reached ();
    }
}

/* One side's version of a row, as one line. */
static char *
row_version (SyncItemKind kind, sqlite3_value **v, int n)
{
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *q = NULL;
  g_autofree char *extra = NULL;

  switch (kind)
    {
    case SYNC_ITEM_ACTIVITY:
      q = quoted (text_at (v, n, 3));
      extra = g_strdup_printf (_("%lld attending"), (long long) sqlite3_value_int64 (v[7]));
      join (line, q);
      join (line, text_at (v, n, 4));
      join (line, text_at (v, n, 6));
      join (line, extra);
      break;
    case SYNC_ITEM_GROUP:
      q = quoted (text_at (v, n, 3));
      join (line, q);
      if (sqlite3_value_type (v[4]) != SQLITE_NULL)
        {
          extra = g_strdup_printf (_("%lld people"), (long long) sqlite3_value_int64 (v[4]));
          join (line, extra);
        }
      break;
    case SYNC_ITEM_PROPOSAL:
      q = quoted (text_at (v, n, 2));
      extra = *text_at (v, n, 3) ? quoted (text_at (v, n, 3)) : NULL;
      join (line, q);
      join (line, extra);
      join (line, text_at (v, n, 4));
      break;
    case SYNC_ITEM_CONTRIBUTION:
      q = quoted (text_at (v, n, 5));
      join (line, q);
      join (line, text_at (v, n, 10));
      join (line, text_at (v, n, 11));
      join (line, text_at (v, n, 6));
      break;
    case SYNC_ITEM_CONTRIBUTION_LINK:
    case SYNC_ITEM_PROPOSAL_LINK:
      {
        SyncTable table = sync_table_of_kind (kind);
        if (sqlite3_value_type (v[sync_link_column (table)]) == SQLITE_NULL)
          return g_strdup (_("not merged"));
        q = quoted (text_at (v, n, link_title_column (table)));
        return g_strdup_printf (_("merged into %s"), q);
      }
    case SYNC_ITEM_SCORE:
      g_string_append_printf (line, "%lld", (long long) sqlite3_value_int64 (v[2]));
      if (*text_at (v, n, 3))
        {
          q = quoted (text_at (v, n, 3));
          join (line, q);
        }
      break;
    case SYNC_ITEM_COMMENT:
      q = quoted (text_at (v, n, 6));
      join (line, q);
      join (line, text_at (v, n, 7));
      join (line, text_at (v, n, 8));
      break;
    case SYNC_ITEM_PROGRESS:
      join (line, text_at (v, n, 4));
      join (line, text_at (v, n, 3));
      join (line, text_at (v, n, 5));
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Writes the title and both versions of every conflict. */
static gboolean
describe_conflicts (Compare *c, GError **error)
{
  CocreaSyncPlan *plan = c->plan;

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SyncEntry *e = plan->entries->pdata[i];
      SyncTable table = sync_table_of_kind (e->kind);
      sqlite3_value **ours = NULL;
      int n_ours = 0;
      sqlite3_stmt *stmt;
      g_autofree char *title = NULL;
      g_autofree char *our_text = NULL;
      g_autofree char *their_text = NULL;
      CocreaSyncConflict *old = e->conflict;
      int rc;

      if (old == NULL)
        continue;
      stmt = our_stmt (c, table, error);
      if (stmt == NULL)
        return FALSE;
      sync_bind_uid (stmt, table, e->uid);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        ours = dup_row (stmt, &n_ours);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          cocrea_db_set_error (error, c->db, rc, NULL);
          return FALSE;
        }
      /* The copy's row, also where the copy deleted only the link. */
      if (e->x_values == NULL && e->kind != SYNC_ITEM_CONTRIBUTION && e->kind != SYNC_ITEM_PROPOSAL)
        {
          const SyncItem *x = sync_items_lookup (c->copy_items,
                                                 sync_table_info (table)->kind, e->uid);
          if (x != NULL && !keep_copy_row (c, e, x->id, error))
            return FALSE;
        }

      title = row_title (e->kind, ours ? ours : e->x_values, ours ? n_ours : e->n_values);
      /* A link that is absent still has a version: "not merged". */
      if (ours != NULL && (e->m_present || is_link (e->kind)))
        our_text = row_version (e->kind, ours, n_ours);
      if (e->x_values != NULL && (e->x_present || is_link (e->kind)))
        their_text = row_version (e->kind, e->x_values, e->n_values);
      e->conflict = cocrea_sync_conflict_new (cocrea_sync_conflict_get_kind (old),
                                              cocrea_sync_conflict_get_reason (old), title,
                                              our_text, their_text,
                                              cocrea_sync_conflict_can_take_theirs (old));
      g_object_unref (old);
      for (int k = 0; k < n_ours; k++)
        sqlite3_value_free (ours[k]);
      g_free (ours);
    }
  return TRUE;
}

/**
 * cocrea_sync_compare:
 * @document: the process the copy comes back to
 * @copy_path: a copy of it (from another laptop)
 * @flags: %COCREA_SYNC_SCORES_ONLY to compare scores only (merge-scores)
 * @error: return location for a #CocreaError
 *
 * Compares the copy with @document and says what bringing it back would
 * do, changing neither file (an older copy is upgraded in a temporary
 * copy). See the top of this file for how.
 *
 * Returns: (transfer full): the plan, or %NULL: %COCREA_ERROR_INVALID for
 *   this very file or a copy of another process; the document errors
 *   (%COCREA_ERROR_NOT_A_PROCESS, _DAMAGED, _TOO_NEW…) when the copy
 *   cannot be read
 */
CocreaSyncPlan *
cocrea_sync_compare (CocreaDocument *document, const char *copy_path, CocreaSyncFlags flags,
                     GError **error)
{
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (CocreaDocument) copy = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *name = NULL;
  Compare c = { 0 };
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (copy_path != NULL, NULL);

  name = g_filename_display_basename (copy_path);
  copy = open_copy (copy_path, &tmp_dir, error);
  if (copy == NULL)
    {
      g_prefix_error (error, _("Could not read the copy “%s”: "), name);
      if (tmp_dir != NULL)
        remove_dir (tmp_dir);
      return NULL;
    }

  plan = g_object_new (COCREA_TYPE_SYNC_PLAN, NULL);
  plan->copy_path = g_strdup (copy_path);
  plan->scores_only = (flags & COCREA_SYNC_SCORES_ONLY) != 0;
  c.plan = plan;
  c.db = cocrea_document_get_db (document);
  c.copy_db = cocrea_document_get_db (copy);
  c.copy_items = sync_items_new ();
  c.listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = check_same_process (document, copy, copy_path, error) &&
       read_origin (&c, copy, copy_path, error) &&
       trust_seen (&c, error) &&
       load_base (&c, error) &&
       load_seen (&c, error) &&
       sync_items_scan (c.copy_db, c.copy_items, plan->scores_only, error) &&
       classify_all (&c, error) &&
       fold_deletions (&c, error) &&
       check_uses (&c, error) &&
       group_aliases (&c, error) &&
       check_needs (&c, error) &&
       check_loops (&c, error) &&
       check_rows (&c, error) &&
       describe_conflicts (&c, error);

  compare_clear (&c);
  g_clear_object (&copy);
  if (tmp_dir != NULL)
    remove_dir (tmp_dir);
  if (!ok)
    return NULL;

  sync_plan_count (plan);
  return g_steal_pointer (&plan);
}

/* ---- applying ---- */

enum {
  STATE_UNKNOWN,
  STATE_APPLY,     /* written here */
  STATE_DECIDED,   /* not written, but decided: remembered so it does not come again */
  STATE_LATER,     /* undecided, or waiting on something undecided: comes again */
};

/* Whether @e is written, decided without writing, or left for later. */
static int
entry_state (SyncEntry *e)
{
  if (e->state != STATE_UNKNOWN)
    return e->state;
  e->state = STATE_LATER; /* while its needs are looked at */
  if (e->skip != NULL)
    return e->state = STATE_LATER;
  if (e->conflict != NULL)
    {
      CocreaSyncResolution r = cocrea_sync_conflict_get_resolution (e->conflict);
      if (r == COCREA_SYNC_UNRESOLVED)
        return e->state = STATE_LATER;
      if (r == COCREA_SYNC_KEEP_OURS)
        return e->state = STATE_DECIDED;
    }
  for (guint i = 0; e->needs != NULL && i < e->needs->len; i++)
    {
      int need = entry_state (e->needs->pdata[i]);
      /* Rows whose table was kept deleted here are decided with it. */
      if (need != STATE_APPLY)
        return e->state = need;
    }
  return e->state = e->action == SYNC_ACTION_NONE ? STATE_DECIDED : STATE_APPLY;
}

typedef struct {
  CocreaSyncPlan *plan;
  sqlite3 *db;
  CocreaUndo *record;
  sqlite3_stmt *by_uid[SYNC_TABLE_N];
  GHashTable *ids[SYNC_TABLE_N];   /* identity → local id here, as found or made */
  guint n_written;
} Apply;

static void
apply_clear (Apply *a)
{
  for (int t = 0; t < SYNC_TABLE_N; t++)
    {
      g_clear_pointer (&a->by_uid[t], sqlite3_finalize);
      g_clear_pointer (&a->ids[t], g_hash_table_unref);
    }
  g_clear_object (&a->record);
}

static void
remember_id (Apply *a, SyncTable table, const char *uid, gint64 id)
{
  if (a->ids[table] == NULL)
    a->ids[table] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (a->ids[table], g_strdup (uid), g_memdup2 (&id, sizeof id));
}

/*
 * local_id:
 * The id here of the row of @table the copy knows as @uid (its groups
 * through their aliases). Fails with COCREA_ERROR_INVALID when there is
 * none: the plan said there would be.
 */
static gboolean
local_id (Apply *a, SyncTable table, const char *uid, gint64 *id, GError **error)
{
  const SyncTableInfo *info = sync_table_info (table);
  const gint64 *cached;

  uid = resolve_alias (a->plan, info->kind, uid);
  cached = a->ids[table] ? g_hash_table_lookup (a->ids[table], uid) : NULL;
  if (cached != NULL)
    {
      *id = *cached;
      return TRUE;
    }
  if (!sync_lookup_id (a->db, info->table, info->legacy, uid, id, error))
    return FALSE;
  if (*id == 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The process changed since the copy was compared with it; "
                             "compare it again"));
      return FALSE;
    }
  remember_id (a, table, uid, *id);
  return TRUE;
}

/* Like local_id(), for a column that may be NULL (no group, no commitment). */
static gboolean
bind_ref (Apply *a, sqlite3_stmt *stmt, int index, SyncTable table, sqlite3_value *value,
          GError **error)
{
  gint64 id = 0;

  if (sqlite3_value_type (value) == SQLITE_NULL)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (!local_id (a, table, (const char *) sqlite3_value_text (value), &id, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, index, id);
  return TRUE;
}

/* Like bind_ref(), for a commitment or milestone: rows that are no items. */
static gboolean
bind_plan_ref (Apply *a, sqlite3_stmt *stmt, int index, const char *table, char letter,
               sqlite3_value *value, GError **error)
{
  gint64 id = 0;

  if (sqlite3_value_type (value) == SQLITE_NULL)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (!sync_lookup_id (a->db, table, letter, (const char *) sqlite3_value_text (value), &id, error))
    return FALSE;
  if (id == 0)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The process changed since the copy was compared with it; "
                             "compare it again"));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, index, id);
  return TRUE;
}

static CocreaUndoTable
undo_table (SyncTable table)
{
  static const CocreaUndoTable tables[SYNC_TABLE_N] = {
    [SYNC_TABLE_ACTIVITY] = COCREA_UNDO_ACTIVITY,
    [SYNC_TABLE_GROUP] = COCREA_UNDO_GROUP,
    [SYNC_TABLE_PROPOSAL] = COCREA_UNDO_PROPOSAL,
    [SYNC_TABLE_CONTRIBUTION] = COCREA_UNDO_CONTRIBUTION,
    [SYNC_TABLE_SCORE] = COCREA_UNDO_SCORE,
    [SYNC_TABLE_COMMENT] = COCREA_UNDO_CONSULTATION_COMMENT,
    [SYNC_TABLE_PROGRESS] = COCREA_UNDO_MILESTONE_PROGRESS,
  };
  return tables[table];
}

/* Keeps the full-text index right around a change of row @id of @table. */
static gboolean
reindex (sqlite3 *db, SyncTable table, gint64 id, gboolean add, GError **error)
{
  if (table == SYNC_TABLE_CONTRIBUTION)
    return cocrea_index_contribution (db, id, add, error);
  if (table == SYNC_TABLE_PROPOSAL)
    return cocrea_index_proposal (db, id, add, error);
  return TRUE;
}

/* The statements that write each table's content: insert (?1 the uid)
 * and update (?1 the local id), parameters 2.. in content order. */
static const char *const insert_sql[SYNC_TABLE_N] = {
  [SYNC_TABLE_ACTIVITY] = "INSERT INTO activity (uid, kind, name, held_on, held_until, place,"
                          " attendance, women, youth, migrants, indigenous, disability, notes)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [SYNC_TABLE_GROUP] = "INSERT INTO table_group (uid, activity_id, name, size, position)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)",
  [SYNC_TABLE_PROPOSAL] = "INSERT INTO proposal (uid, title, description, area, axes, inclusion,"
                          " origin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [SYNC_TABLE_CONTRIBUTION] = "INSERT INTO contribution (uid, activity_id, group_id, origin, text,"
                              " area, axes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [SYNC_TABLE_COMMENT] = "INSERT INTO consultation_comment (uid, commitment_id, channel, author,"
                         " received_on, text, response, response_reason)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [SYNC_TABLE_PROGRESS] = "INSERT INTO milestone_progress (uid, milestone_id, recorded_on, status,"
                          " evidence) VALUES (?1, ?2, ?3, ?4, ?5)",
};

static const char *const update_sql[SYNC_TABLE_N] = {
  [SYNC_TABLE_ACTIVITY] = "UPDATE activity SET kind = ?2, name = ?3, held_on = ?4, held_until = ?5,"
                          " place = ?6, attendance = ?7, women = ?8, youth = ?9, migrants = ?10,"
                          " indigenous = ?11, disability = ?12, notes = ?13 WHERE id = ?1",
  [SYNC_TABLE_GROUP] = "UPDATE table_group SET activity_id = ?2, name = ?3, size = ?4,"
                       " position = ?5 WHERE id = ?1",
  [SYNC_TABLE_PROPOSAL] = "UPDATE proposal SET title = ?2, description = ?3, area = ?4, axes = ?5,"
                          " inclusion = ?6, origin = ?7, created_at = ?8 WHERE id = ?1",
  [SYNC_TABLE_CONTRIBUTION] = "UPDATE contribution SET activity_id = ?2, group_id = ?3,"
                              " origin = ?4, text = ?5, area = ?6, axes = ?7, created_at = ?8"
                              " WHERE id = ?1",
  [SYNC_TABLE_COMMENT] = "UPDATE consultation_comment SET commitment_id = ?2, channel = ?3,"
                         " author = ?4, received_on = ?5, text = ?6, response = ?7,"
                         " response_reason = ?8 WHERE id = ?1",
  [SYNC_TABLE_PROGRESS] = "UPDATE milestone_progress SET milestone_id = ?2, recorded_on = ?3,"
                          " status = ?4, evidence = ?5 WHERE id = ?1",
};

/* Binds @e's content to parameters 2.., its references turned into ids here. */
static gboolean
bind_content (Apply *a, SyncEntry *e, SyncTable table, sqlite3_stmt *stmt, GError **error)
{
  const SyncTableInfo *info = sync_table_info (table);

  for (int i = 0; i < info->n_content; i++)
    {
      sqlite3_value *value = e->x_values[SYNC_COL_CONTENT + i];
      int param = 2 + i;
      gboolean ok = TRUE;

      if ((table == SYNC_TABLE_GROUP || table == SYNC_TABLE_CONTRIBUTION) && i == 0)
        ok = bind_ref (a, stmt, param, SYNC_TABLE_ACTIVITY, value, error);
      else if (table == SYNC_TABLE_CONTRIBUTION && i == 1)
        ok = bind_ref (a, stmt, param, SYNC_TABLE_GROUP, value, error);
      else if (table == SYNC_TABLE_COMMENT && i == 0)
        ok = bind_plan_ref (a, stmt, param, "commitment", 'k', value, error);
      else if (table == SYNC_TABLE_PROGRESS && i == 0)
        ok = bind_plan_ref (a, stmt, param, "milestone", 'm', value, error);
      else
        sqlite3_bind_value (stmt, param, value);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Inserts, updates or deletes @e's row of @table (not scores, not links). */
static gboolean
write_row (Apply *a, SyncEntry *e, SyncTable table, GError **error)
{
  CocreaUndoTable undo = undo_table (table);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  if (e->action == SYNC_ACTION_INSERT)
    {
      stmt = cocrea_db_prepare (a->db, insert_sql[table], error);
      if (stmt == NULL || !bind_content (a, e, table, stmt, error))
        return FALSE;
      cocrea_db_bind_text (stmt, 1, e->uid);
      if (!cocrea_db_step_done (a->db, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (a->db);
      remember_id (a, table, e->uid, id);
      cocrea_undo_capture_absent (a->record, undo, id);
      return reindex (a->db, table, id, TRUE, error);
    }

  if (!local_id (a, table, e->uid, &id, error) ||
      !cocrea_undo_capture (a->record, a->db, undo, id, error) ||
      !reindex (a->db, table, id, FALSE, error))
    return FALSE;
  if (e->action == SYNC_ACTION_DELETE)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1",
                                              sync_table_info (table)->table);
      stmt = cocrea_db_prepare (a->db, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      return cocrea_db_step_done (a->db, stmt, error);
    }
  stmt = cocrea_db_prepare (a->db, update_sql[table], error);
  if (stmt == NULL || !bind_content (a, e, table, stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return cocrea_db_step_done (a->db, stmt, error) && reindex (a->db, table, id, TRUE, error);
}

/* Merges (or unmerges) @e's contribution or proposal as the copy did. */
static gboolean
write_link (Apply *a, SyncEntry *e, GError **error)
{
  SyncTable table = sync_table_of_kind (e->kind);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  if (!local_id (a, table, e->uid, &id, error) ||
      !cocrea_undo_capture (a->record, a->db, undo_table (table), id, error))
    return FALSE;
  stmt = cocrea_db_prepare (a->db, table == SYNC_TABLE_CONTRIBUTION
                                     ? "UPDATE contribution SET proposal_id = ?2 WHERE id = ?1"
                                     : "UPDATE proposal SET merged_into_id = ?2 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (e->action == SYNC_ACTION_DELETE)
    sqlite3_bind_null (stmt, 2);
  else if (!bind_ref (a, stmt, 2, SYNC_TABLE_PROPOSAL, e->x_values[sync_link_column (table)], error))
    return FALSE;
  return cocrea_db_step_done (a->db, stmt, error);
}

/* The id of evaluator @name, added with @department if new (and captured). */
static gboolean
evaluator_id (Apply *a, const char *name, const char *department, gint64 *id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (a->db, "SELECT id FROM evaluator WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, a->db, rc, NULL);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = cocrea_db_prepare (a->db, "INSERT INTO evaluator (name, department) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, name);
  cocrea_db_bind_text (stmt, 2, department);
  if (!cocrea_db_step_done (a->db, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (a->db);
  cocrea_undo_capture_absent (a->record, COCREA_UNDO_EVALUATOR, *id);
  return TRUE;
}

/* Writes or deletes @e's score. */
static gboolean
write_score (Apply *a, SyncEntry *e, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 evaluator = 0, proposal = 0, rowid = 0;
  gboolean present;
  guint64 hash;

  if (a->by_uid[SYNC_TABLE_SCORE] == NULL)
    a->by_uid[SYNC_TABLE_SCORE] = sync_prepare_by_uid (a->db, SYNC_TABLE_SCORE, error);
  if (a->by_uid[SYNC_TABLE_SCORE] == NULL ||
      !item_state (a->db, a->by_uid[SYNC_TABLE_SCORE], SYNC_ITEM_SCORE, e->uid, &present, &hash,
                   &rowid, error))
    return FALSE;
  if (present && !cocrea_undo_capture (a->record, a->db, COCREA_UNDO_SCORE, rowid, error))
    return FALSE;

  if (e->action == SYNC_ACTION_DELETE)
    {
      stmt = cocrea_db_prepare (a->db, "DELETE FROM score WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      return cocrea_db_step_done (a->db, stmt, error);
    }

  if (!evaluator_id (a, (const char *) sqlite3_value_text (e->x_values[4]),
                     (const char *) sqlite3_value_text (e->x_values[5]), &evaluator, error) ||
      !local_id (a, SYNC_TABLE_PROPOSAL, (const char *) sqlite3_value_text (e->x_values[6]),
                 &proposal, error))
    return FALSE;
  stmt = cocrea_db_prepare (a->db,
                            "INSERT INTO score (evaluator_id, proposal_id, criterion_id, value,"
                            " note, updated_at) SELECT ?1, ?2, id, ?4, ?5, ?6 FROM criterion"
                            " WHERE key = ?3"
                            " ON CONFLICT (evaluator_id, proposal_id, criterion_id) DO UPDATE"
                            " SET value = excluded.value, note = excluded.note,"
                            " updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluator);
  sqlite3_bind_int64 (stmt, 2, proposal);
  sqlite3_bind_value (stmt, 3, e->x_values[7]);
  sqlite3_bind_value (stmt, 4, e->x_values[2]);
  sqlite3_bind_value (stmt, 5, e->x_values[3]);
  sqlite3_bind_value (stmt, 6, e->x_values[9]);
  if (!cocrea_db_step_done (a->db, stmt, error))
    return FALSE;
  if (!present)
    cocrea_undo_capture_absent (a->record, COCREA_UNDO_SCORE, sqlite3_last_insert_rowid (a->db));
  return TRUE;
}

static gboolean
write_entry (Apply *a, SyncEntry *e, GError **error)
{
  a->n_written++;
  if (is_link (e->kind))
    return write_link (a, e, error);
  if (e->kind == SYNC_ITEM_SCORE)
    return write_score (a, e, error);
  return write_row (a, e, sync_table_of_kind (e->kind), error);
}

/*
 * check_unchanged:
 * Fails with COCREA_ERROR_INVALID when this file changed, since the plan
 * was made, any row the plan writes or remembers: applying a plan made
 * before someone else's edit must not undo that edit.
 */
static gboolean
check_unchanged (Apply *a, GError **error)
{
  for (guint i = 0; i < a->plan->entries->len; i++)
    {
      SyncEntry *e = a->plan->entries->pdata[i];
      SyncTable table = sync_table_of_kind (e->kind);
      gboolean present;
      guint64 hash;
      gint64 id;

      if (entry_state (e) == STATE_LATER)
        continue;
      if (a->by_uid[table] == NULL)
        a->by_uid[table] = sync_prepare_by_uid (a->db, table, error);
      if (a->by_uid[table] == NULL ||
          !item_state (a->db, a->by_uid[table], e->kind, e->uid, &present, &hash, &id, error))
        return FALSE;
      if (!same (present, hash, e->m_present, e->m_hash))
        {
          g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                               _("The process changed since the copy was compared with it; "
                                 "compare it again"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Writes every entry that applies, parents first, deletions children first. */
static gboolean
write_entries (Apply *a, GError **error)
{
  static const SyncItemKind upserts[] = {
    SYNC_ITEM_ACTIVITY, SYNC_ITEM_GROUP, SYNC_ITEM_PROPOSAL, SYNC_ITEM_CONTRIBUTION,
  };
  static const SyncItemKind any[] = {
    SYNC_ITEM_CONTRIBUTION_LINK, SYNC_ITEM_PROPOSAL_LINK, SYNC_ITEM_SCORE, SYNC_ITEM_COMMENT,
    SYNC_ITEM_PROGRESS,
  };
  static const SyncItemKind deletions[] = {
    SYNC_ITEM_CONTRIBUTION, SYNC_ITEM_PROPOSAL, SYNC_ITEM_GROUP, SYNC_ITEM_ACTIVITY,
  };
  GPtrArray *entries = a->plan->entries;

  for (guint k = 0; k < G_N_ELEMENTS (upserts); k++)
    for (guint i = 0; i < entries->len; i++)
      {
        SyncEntry *e = entries->pdata[i];
        if (e->kind == upserts[k] && e->action != SYNC_ACTION_DELETE &&
            entry_state (e) == STATE_APPLY && !write_entry (a, e, error))
          return FALSE;
      }
  for (guint k = 0; k < G_N_ELEMENTS (any); k++)
    for (guint i = 0; i < entries->len; i++)
      {
        SyncEntry *e = entries->pdata[i];
        if (e->kind == any[k] && entry_state (e) == STATE_APPLY && !write_entry (a, e, error))
          return FALSE;
      }
  for (guint k = 0; k < G_N_ELEMENTS (deletions); k++)
    for (guint i = 0; i < entries->len; i++)
      {
        SyncEntry *e = entries->pdata[i];
        if (e->kind == deletions[k] && e->action == SYNC_ACTION_DELETE &&
            entry_state (e) == STATE_APPLY && !write_entry (a, e, error))
          return FALSE;
      }
  return TRUE;
}

/* Remembers for this copy item @kind @uid with both sides' hashes (absent: NULL). */
static gboolean
remember (Apply *a, sqlite3_stmt *find, sqlite3_stmt *upsert, int kind, const char *uid,
          gboolean their_present, guint64 their, gboolean our_present, guint64 our, GError **error)
{
  int rc;

  sqlite3_reset (find);
  sqlite3_bind_int (find, 2, kind);
  sqlite3_bind_text (find, 3, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW &&
      !cocrea_undo_capture (a->record, a->db, COCREA_UNDO_SYNC_SEEN, sqlite3_column_int64 (find, 0),
                            error))
    return FALSE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, a->db, rc, NULL);
      return FALSE;
    }

  sqlite3_reset (upsert);
  sqlite3_bind_int (upsert, 2, kind);
  sqlite3_bind_text (upsert, 3, uid, -1, SQLITE_TRANSIENT);
  if (their_present)
    sqlite3_bind_int64 (upsert, 4, (gint64) their);
  else
    sqlite3_bind_null (upsert, 4);
  if (our_present)
    sqlite3_bind_int64 (upsert, 5, (gint64) our);
  else
    sqlite3_bind_null (upsert, 5);
  if (!cocrea_db_step_done (a->db, upsert, error))
    return FALSE;
  if (rc == SQLITE_DONE)
    cocrea_undo_capture_absent (a->record, COCREA_UNDO_SYNC_SEEN, sqlite3_last_insert_rowid (a->db));
  return TRUE;
}

/*
 * remember_copy:
 * Records what this file now knows of the copy: each decided item with
 * the copy's hash and ours after the apply, its groups that are ours,
 * and how far its audit log went (for telling a continuation next time).
 */
static gboolean
remember_copy (Apply *a, GError **error)
{
  CocreaSyncPlan *plan = a->plan;
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) upsert = NULL;
  g_autoptr (sqlite3_stmt) replica = NULL;
  g_autofree char *now = cocrea_db_now ();
  int rc;

  find = cocrea_db_prepare (a->db, "SELECT id FROM sync_seen WHERE replica = ?1 AND kind = ?2"
                                   " AND uid = ?3",
                            error);
  upsert = cocrea_db_prepare (a->db, "INSERT INTO sync_seen (replica, kind, uid, their_hash,"
                                     " our_hash) VALUES (?1, ?2, ?3, ?4, ?5)"
                                     " ON CONFLICT (replica, kind, uid) DO UPDATE"
                                     " SET their_hash = excluded.their_hash,"
                                     " our_hash = excluded.our_hash",
                              error);
  if (find == NULL || upsert == NULL)
    return FALSE;
  cocrea_db_bind_text (find, 1, plan->replica);
  cocrea_db_bind_text (upsert, 1, plan->replica);

  for (guint i = 0; i < plan->entries->len; i++)
    {
      SyncEntry *e = plan->entries->pdata[i];
      int state = entry_state (e);
      gboolean applied = state == STATE_APPLY;

      if (state == STATE_LATER || !e->changed_there)
        continue;
      if (!remember (a, find, upsert, e->kind, e->uid, e->x_present, e->x_hash,
                     applied ? e->x_present : e->m_present, applied ? e->x_hash : e->m_hash, error))
        return FALSE;
      if (e->alias != NULL)
        {
          g_autofree char *pair = g_strdup_printf ("%s\x1f%s", e->uid, e->alias);
          if (!remember (a, find, upsert, SYNC_ITEM_GROUP_ALIAS, pair, FALSE, 0, FALSE, 0, error))
            return FALSE;
        }
    }

  replica = cocrea_db_prepare (a->db, "SELECT id FROM sync_replica WHERE replica = ?", error);
  if (replica == NULL)
    return FALSE;
  cocrea_db_bind_text (replica, 1, plan->replica);
  rc = sqlite3_step (replica);
  if (rc == SQLITE_ROW &&
      !cocrea_undo_capture (a->record, a->db, COCREA_UNDO_SYNC_REPLICA,
                            sqlite3_column_int64 (replica, 0), error))
    return FALSE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, a->db, rc, NULL);
      return FALSE;
    }
  g_clear_pointer (&replica, sqlite3_finalize);
  replica = cocrea_db_prepare (a->db, "INSERT INTO sync_replica (replica, label, audit_id,"
                                      " audit_digest, synced_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                                      " ON CONFLICT (replica) DO UPDATE SET label = excluded.label,"
                                      " audit_id = excluded.audit_id,"
                                      " audit_digest = excluded.audit_digest,"
                                      " synced_at = excluded.synced_at",
                               error);
  if (replica == NULL)
    return FALSE;
  cocrea_db_bind_text (replica, 1, plan->replica);
  cocrea_db_bind_text (replica, 2, plan->label);
  sqlite3_bind_int64 (replica, 3, plan->copy_audit_id);
  cocrea_db_bind_text (replica, 4, plan->copy_audit_digest);
  cocrea_db_bind_text (replica, 5, now);
  if (!cocrea_db_step_done (a->db, replica, error))
    return FALSE;
  if (rc == SQLITE_DONE)
    cocrea_undo_capture_absent (a->record, COCREA_UNDO_SYNC_REPLICA,
                                sqlite3_last_insert_rowid (a->db));
  return TRUE;
}

/* The audit log's detail: the copy's file and the counts, as JSON. */
static char *
log_detail (CocreaSyncPlan *plan)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *name = g_path_get_basename (plan->copy_path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, name);
  for (int c = 0; c < COCREA_SYNC_N_CHANGES; c++)
    {
      json_builder_set_member_name (builder, cocrea_sync_change_to_key (c));
      json_builder_begin_object (builder);
      for (int k = 0; k < COCREA_SYNC_N_KINDS; k++)
        if (plan->counts[k][c] > 0)
          {
            json_builder_set_member_name (builder, cocrea_sync_kind_to_key (k));
            json_builder_add_int_value (builder, plan->counts[k][c]);
          }
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "conflicts");
  json_builder_add_int_value (builder, g_list_model_get_n_items (G_LIST_MODEL (plan->conflicts)));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/*
 * cocrea_sync_apply_as:
 * cocrea_sync_apply(), logged as @action with @detail (NULL: the counts as
 * JSON); sets *@n_written to the rows written (may be NULL).
 */
gboolean
cocrea_sync_apply_as (CocreaDocument *document, CocreaSyncPlan *plan, const char *action,
                      const char *detail, guint *n_written, CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autofree char *label = NULL;
  g_autofree char *own_detail = NULL;
  Apply a = { 0 };
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (plan), FALSE);

  if (plan->applied)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("This copy was already brought back; compare it again"));
      return FALSE;
    }

  for (guint i = 0; i < plan->entries->len; i++)
    ((SyncEntry *) plan->entries->pdata[i])->state = STATE_UNKNOWN;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  label = g_strdup_printf (_("Bring back “%s”"), plan->label);
  a.plan = plan;
  a.db = cocrea_document_get_db (document);
  a.record = cocrea_undo_new (action, label);
  own_detail = detail == NULL ? log_detail (plan) : NULL;

  ok = check_unchanged (&a, error) &&
       write_entries (&a, error) &&
       remember_copy (&a, error) &&
       cocrea_document_log (document, action, plan->label, detail ? detail : own_detail, error) &&
       cocrea_edit_commit (edit, error);
  if (!ok)
    {
      apply_clear (&a);
      return FALSE;
    }

  plan->applied = TRUE;
  plan->n_written = a.n_written;
  if (n_written != NULL)
    *n_written = a.n_written;
  if (undo != NULL)
    *undo = g_steal_pointer (&a.record);
  apply_clear (&a);
  return TRUE;
}

/**
 * cocrea_sync_apply:
 * @document: the process @plan was made on, open for writing
 * @plan: from cocrea_sync_compare(), its conflicts decided or not
 * @undo: (out) (optional): the record that takes the whole copy back out
 * @error: return location for a #CocreaError
 *
 * Brings the copy back as one edit logged as "sync": every change of the
 * plan, and of each conflict the copy's version where it was taken.
 * Undecided conflicts, and what waits on them, are left for next time;
 * decided ones are remembered, so they do not come again. Fails, writing
 * nothing, with %COCREA_ERROR_INVALID when a row the plan concerns
 * changed here since it was made, or the plan was applied already.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_sync_apply (CocreaDocument *document, CocreaSyncPlan *plan, CocreaUndo **undo,
                   GError **error)
{
  return cocrea_sync_apply_as (document, plan, "sync", NULL, NULL, undo, error);
}
