/* cocrea-document.c
 *
 * Opening is where a bad file is stopped. The order matters:
 *  1. the first 100 bytes are read by hand: the SQLite magic, the
 *     application id and the schema version say whether this is a process
 *     of ours and not too new, before SQLite touches the file at all;
 *  2. the write lock is taken, or the file is opened read-only;
 *  3. SQLite opens it defensively (no triggers, no views, untrusted schema)
 *     and runs quick_check and a census of the schema's objects;
 *  4. only then are older files upgraded, in one transaction.
 * A file refused at any step is closed without a single byte written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-file.h"
#include "cocrea-lock.h"
#include "cocrea-output.h"
#include "cocrea-record-changes.h"
#include "cocrea-schema.h"
#include "cocrea-search-index.h"
#include "cocrea-text.h"
#include "cocrea-types.h"
#include "cocrea-verify.h"

struct _CocreaDocument {
  GObject parent_instance;

  char *path;      /* as the user named it (absolute): shown, and kept in recent files */
  char *real_path; /* links resolved: what SQLite and the lock are given */
  sqlite3 *db;
  CocreaLock *lock;
  char *read_only_reason;
  int migrated_from;
  guint edit_depth;
  gboolean read_only;
  gboolean lock_was_stale;
  gboolean verified; /* passed cocrea_verify_file() (or its stamp) when opened to write */

  /* What the open edit wrote, as SQLite reported it row by row (Event),
   * and where each inner edit (savepoint) began in it, so rolling one
   * back forgets exactly its rows. Turned into CocreaRecordChanges when
   * the outermost edit commits. */
  GArray *events;
  GArray *savepoint_marks; /* guint: events->len when each inner edit began */
  gboolean stamping;       /* the commit's own modified_at is no one's change */
  GHashTable *table_kinds; /* table name → kind + 1, or 0 when not reported */

  /* Following other connections' commits (cocrea_document_watch_outside()). */
  gint64 data_version; /* PRAGMA data_version when last looked at */
  guint watch_id;      /* the timer, or 0 */
};

/* One row written inside an edit. */
typedef struct {
  gint64 id;
  guint32 seq;  /* order of writing, to fold a row's writes in order */
  guint8 kind;  /* CocreaRecordKind */
  guint8 op;    /* CocreaChange: insert, update, delete */
} Event;

G_DEFINE_FINAL_TYPE (CocreaDocument, cocrea_document, G_TYPE_OBJECT)

enum {
  CHANGED,
  RECORDS_CHANGED,
  OUTSIDE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
cocrea_process_info_free (CocreaProcessInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->uuid);
  g_free (info->title);
  g_free (info->municipality);
  g_free (info->partners);
  g_free (info->language);
  g_free (info->created_at);
  g_free (info->modified_at);
  g_free (info);
}

static void
cocrea_document_finalize (GObject *object)
{
  CocreaDocument *self = COCREA_DOCUMENT (object);

  cocrea_document_close (self);
  g_free (self->path);
  g_free (self->real_path);
  g_free (self->read_only_reason);
  g_array_unref (self->events);
  g_array_unref (self->savepoint_marks);
  g_hash_table_unref (self->table_kinds);

  G_OBJECT_CLASS (cocrea_document_parent_class)->finalize (object);
}

static void
cocrea_document_class_init (CocreaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_document_finalize;

  /**
   * CocreaDocument::changed:
   * Emitted after an edit has been committed to the file, once per edit,
   * after the edit's #CocreaDocument::records-changed signals.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * CocreaDocument::records-changed:
   * @document: the document
   * @changes: the ids of the records of one kind the edit added, changed
   *   and removed (a #CocreaRecordChanges; keep a reference to keep it)
   *
   * Emitted after an edit (an undo and a redo too) has been committed,
   * once for each kind of record it touched, in the order of
   * #CocreaRecordKind, with the kind's nick as the detail: connect to
   * "records-changed::contribution" to hear of contributions only. The
   * file already holds the whole edit when the first one is emitted, so
   * what a handler reads is the state after the edit, whatever the kind.
   * Writes that no edit made (opening migrates a file) are not reported.
   */
  signals[RECORDS_CHANGED] = g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL,
                                           NULL, G_TYPE_NONE, 1,
                                           COCREA_TYPE_RECORD_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * CocreaDocument::outside-changed:
   * Emitted when another connection to the file committed a change:
   * another program (the command line, a sync from laptops) or another
   * opening of the file in this one. Only noticed by
   * cocrea_document_check_outside(), which cocrea_document_watch_outside()
   * runs on a timer. What changed is not known: read again what is shown.
   */
  signals[OUTSIDE_CHANGED] = g_signal_new ("outside-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
cocrea_document_init (CocreaDocument *self)
{
  self->events = g_array_new (FALSE, FALSE, sizeof (Event));
  self->savepoint_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->table_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The tables whose rows are reported, and as what. Others (the audit
 * log, the search index's, the sync bookkeeping, what a later schema step
 * adds) are not: a page that must follow one adds it here and to
 * CocreaRecordKind. */
static const struct {
  const char *table;
  CocreaRecordKind kind;
} reported_tables[] = {
  { "process", COCREA_RECORD_PROCESS },
  { "stage", COCREA_RECORD_STAGE },
  { "activity", COCREA_RECORD_ACTIVITY },
  { "table_group", COCREA_RECORD_GROUP },
  { "proposal", COCREA_RECORD_PROPOSAL },
  { "contribution", COCREA_RECORD_CONTRIBUTION },
  { "contribution_source", COCREA_RECORD_SOURCE },
  { "criterion", COCREA_RECORD_CRITERION },
  { "evaluator", COCREA_RECORD_EVALUATOR },
  { "score", COCREA_RECORD_SCORE },
  { "decision", COCREA_RECORD_DECISION },
  { "commitment", COCREA_RECORD_COMMITMENT },
  { "milestone", COCREA_RECORD_MILESTONE },
  { "contact", COCREA_RECORD_CONTACT },
  { "actor", COCREA_RECORD_ACTOR },
  { "milestone_progress", COCREA_RECORD_PROGRESS },
  { "consultation_comment", COCREA_RECORD_COMMENT },
};

/* The kind of @table's rows, or -1 when they are not reported. */
static int
kind_of_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (reported_tables); i++)
    if (strcmp (reported_tables[i].table, table) == 0)
      return reported_tables[i].kind;
  return -1;
}

/*
 * update_hook_cb:
 * SQLite's report of every row an INSERT, UPDATE or DELETE writes, foreign
 * key actions included (deleting an activity reports its groups and
 * contributions), on the document's connection. Only noted here: nothing
 * may touch the connection inside the hook. An import writes 100,000 rows,
 * so a row costs a table lookup and an append.
 */
static void
update_hook_cb (void *data, int op, const char *database, const char *table, sqlite3_int64 rowid)
{
  CocreaDocument *self = data;
  gpointer found;
  int kind;
  Event event;

  if (self->edit_depth == 0 || self->stamping)
    return;
  /* One hash lookup per row: the full-text index writes rows of its own
   * tables between the contributions'. */
  if (!g_hash_table_lookup_extended (self->table_kinds, table, NULL, &found))
    {
      found = GINT_TO_POINTER (kind_of_table (table) + 1);
      g_hash_table_insert (self->table_kinds, g_strdup (table), found);
    }
  kind = GPOINTER_TO_INT (found) - 1;
  if (kind < 0)
    return;

  event.id = rowid;
  event.seq = self->events->len;
  event.kind = kind;
  event.op = op == SQLITE_INSERT ? COCREA_CHANGE_ADDED
             : op == SQLITE_DELETE ? COCREA_CHANGE_REMOVED
                                   : COCREA_CHANGE_CHANGED;
  g_array_append_val (self->events, event);
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The net effect of a row's writes, in order, starting from @state (-1:
 * nothing yet). Added then removed is nothing (-1); removed then added
 * back is changed. */
static int
fold_write (int state, int op)
{
  switch (state)
    {
    case -1:
      return op;
    case COCREA_CHANGE_ADDED:
      return op == COCREA_CHANGE_REMOVED ? -1 : COCREA_CHANGE_ADDED;
    case COCREA_CHANGE_CHANGED:
      return op == COCREA_CHANGE_REMOVED ? COCREA_CHANGE_REMOVED : COCREA_CHANGE_CHANGED;
    case COCREA_CHANGE_REMOVED:
    default:
      return op == COCREA_CHANGE_ADDED ? COCREA_CHANGE_CHANGED : COCREA_CHANGE_REMOVED;
    }
}

/*
 * take_changes:
 * Turns the events of the committed edit into one #CocreaRecordChanges
 * per kind touched (NULL for the others) and forgets the events.
 */
static void
take_changes (CocreaDocument *self, CocreaRecordChanges *changes[COCREA_N_RECORD_KINDS])
{
  GArray *events = self->events;
  guint i = 0;

  memset (changes, 0, COCREA_N_RECORD_KINDS * sizeof changes[0]);
  g_array_sort (events, compare_events);
  while (i < events->len)
    {
      const Event *first = &g_array_index (events, Event, i);
      int state = -1;
      guint j = i;

      for (; j < events->len && g_array_index (events, Event, j).kind == first->kind &&
             g_array_index (events, Event, j).id == first->id;
           j++)
        state = fold_write (state, g_array_index (events, Event, j).op);
      if (state >= 0)
        {
          if (changes[first->kind] == NULL)
            changes[first->kind] = cocrea_record_changes_new (first->kind);
          cocrea_record_changes_add (changes[first->kind], state, first->id);
        }
      i = j;
    }
  g_array_set_size (events, 0);
}

/* Says what the committed edit changed: records-changed per kind, then changed. */
static void
emit_changes (CocreaDocument *self)
{
  CocreaRecordChanges *changes[COCREA_N_RECORD_KINDS];

  take_changes (self, changes);
  g_object_ref (self);
  for (guint k = 0; k < COCREA_N_RECORD_KINDS; k++)
    if (changes[k] != NULL)
      {
        g_signal_emit (self, signals[RECORDS_CHANGED],
                       g_quark_from_static_string (cocrea_record_kind_to_nick (k)), changes[k]);
        cocrea_record_changes_unref (changes[k]);
      }
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_unref (self);
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/*
 * read_header:
 * Reads the SQLite header of @path without SQLite, and fails unless it is a
 * Cocrea process of a version this build can read. Sets *version to the
 * file's user_version and *wal to whether another program left it in WAL
 * mode. A folder, a pipe or a device is refused without blocking on it.
 * Never writes.
 */
static gboolean
read_header (const char *path, int *version, gboolean *wal, GError **error)
{
  g_autofree char *name = display_name (path);
  guint8 header[100];
  gssize n;
  guint32 app_id;

  n = cocrea_file_read_head (path, header, sizeof header, error);
  if (n < 0)
    return FALSE;

  if (n == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_A_PROCESS,
                   _("“%s” is empty: it is not a Cocrea process"), name);
      return FALSE;
    }

  if (n < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_A_PROCESS,
                   _("“%s” is not a Cocrea process file"), name);
      return FALSE;
    }

  /* Both are big-endian 32-bit fields of the database header. */
  app_id = (guint32) header[68] << 24 | header[69] << 16 | header[70] << 8 | header[71];
  /* The read and write format versions: 2 is WAL. */
  *wal = header[18] == 2 || header[19] == 2;
  *version = (int) ((guint32) header[60] << 24 | header[61] << 16 | header[62] << 8 | header[63]);

  if (app_id != COCREA_APPLICATION_FILE_ID)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_A_PROCESS,
                   _("“%s” is a database of another program, not a Cocrea process"), name);
      return FALSE;
    }

  if (*version > COCREA_SCHEMA_VERSION)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Cocrea (file format %d; "
                     "this version reads up to %d). Update Cocrea to open it."),
                   name, *version, COCREA_SCHEMA_VERSION);
      return FALSE;
    }

  if (*version < 1)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED,
                   _("“%s” is damaged: it has no process in it"), name);
      return FALSE;
    }

  return TRUE;
}

/* Text longer than this in a file is refused by SQLite instead of read:
 * no honest process holds a 64 MB field, a hostile file might. */
#define MAX_TEXT_LENGTH (64 * 1024 * 1024)

/*
 * prepare_connection:
 * Gives a new connection the defensive settings every one gets (no
 * triggers, views or extensions; an untrusted schema; bounded texts) and
 * registers what the schema names (the suggestion tokenizer, Cocrea's
 * functions). Fails, leaving @db to be closed, when they cannot be
 * registered.
 */
static gboolean
prepare_connection (sqlite3 *db, GError **error)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_TEXT_LENGTH);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (db, 2000);
  /* A national process is ~30 MB; the default 2 MB page cache makes an
   * import or a full listing reread the same pages from the OS. The cache
   * grows only as pages are used, so small files pay nothing. */
  sqlite3_exec (db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);

  /* The full-text tables name this tokenizer: without it on every
   * connection, even reading them (or migrating to them) would fail. */
  return cocrea_suggest_register_tokenizer (db, error) && cocrea_db_register_functions (db, error);
}

/*
 * open_connection:
 * Opens @real_path (links already resolved: SQLite is told never to
 * follow one) with the defensive settings every file gets. @immutable
 * opens it read-only without any file beside it, for a file in WAL mode
 * whose WAL is empty: SQLite would otherwise create -wal and -shm files,
 * and a reader cannot remove them again. @name is the file as shown.
 */
static sqlite3 *
open_connection (const char *real_path, const char *name, gboolean read_only, gboolean create,
                 gboolean immutable, GError **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  int rc;

  if (create)
    flags |= SQLITE_OPEN_CREATE;
  if (immutable)
    {
      g_autofree char *escaped = g_uri_escape_string (real_path, "/", FALSE);
      uri = g_strdup_printf ("file:%s?immutable=1", escaped);
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }

  cocrea_db_configure_library ();
  rc = sqlite3_open_v2 (uri != NULL ? uri : real_path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *context = g_strdup_printf (_("Could not open “%s”"), name);
      cocrea_db_set_error (error, db, rc, context);
      sqlite3_close (db);
      return NULL;
    }

  if (!prepare_connection (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* The message for a file whose last writer stopped in the middle of a
 * change (a hot journal, or a WAL still holding changes). */
static void
set_not_closed_error (GError **error, const char *name)
{
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY,
               _("“%s” was not closed properly: the program editing it stopped "
                 "in the middle of a change. Open it for editing once and Cocrea "
                 "will undo that unfinished change; every earlier edit is kept."),
               name);
}

/* TRUE when the WAL beside @real_path is absent or holds nothing. */
static gboolean
wal_is_empty (const char *real_path)
{
  g_autofree char *wal = g_strconcat (real_path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

/*
 * validate:
 * Runs quick_check and the census of schema objects on an open
 * connection. Fails with COCREA_ERROR_DAMAGED or COCREA_ERROR_UNSAFE.
 */
static gboolean
validate (sqlite3 *db, const char *path, GError **error)
{
  g_autofree char *name = display_name (path);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;
  int rc;

  /* The census first: quick_check evaluates CHECK constraints, and one
   * rewritten by another program should be reported as that, not as
   * damage. A census that cannot even read the schema is damage. */
  if (!cocrea_schema_check_objects (db, &local_error))
    {
      if (local_error->domain == COCREA_ERROR && local_error->code == COCREA_ERROR_UNSAFE)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      goto damaged;
    }

  stmt = cocrea_db_prepare (db, "PRAGMA quick_check", &local_error);
  if (stmt == NULL)
    goto damaged;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (&local_error, db, rc, NULL);
      goto damaged;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      /* Said as `cocrea check` says it: check finds the same thing. */
      cocrea_verify_set_damaged (error, name, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;

damaged:
  if (local_error->code == COCREA_ERROR_LOCKED)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A program died in the middle of an edit: the journal beside the file
   * holds what undoes it, and only a connection that may write can play it
   * back. The file is not damaged; saying so would send people to backups. */
  if (sqlite3_extended_errcode (db) == SQLITE_TOOBIG)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE,
                   _("“%s” holds a text or value larger than Cocrea reads (64 MB), so it was not opened"),
                   name);
      return FALSE;
    }
  if (sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK)
    {
      set_not_closed_error (error, name);
      return FALSE;
    }
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be opened. Open a backup copy instead."),
               name);
  g_debug ("%s: %s", path, local_error->message);
  return FALSE;
}

static gboolean
apply_write_settings (sqlite3 *db, GError **error)
{
  /* One self-contained file (no -wal beside it) that is safe to copy to a
   * USB stick as soon as an edit returns. */
  return cocrea_db_exec (db,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA journal_mode = DELETE;"
                         "PRAGMA synchronous = FULL;",
                         error);
}

/*
 * companions_are_files:
 * SQLite writes its journal (and WAL) beside the file by name, following
 * links: a "-journal" planted as a link to another file would have that
 * file overwritten. Fails with COCREA_ERROR_UNSAFE when one of them is
 * there and is not a regular file.
 */
static gboolean
companions_are_files (const char *real_path, GError **error)
{
  static const char *const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (real_path, suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (companion, &st) == 0 && !S_ISREG (st.st_mode))
        {
          g_autofree char *name = g_filename_display_basename (companion);
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE,
                       _("“%s” beside the file is not a journal but a link or a device: Cocrea "
                         "will not write through it. Remove it to edit the file."),
                       name);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * verify_for_writing:
 * Before anything is written, the file passes everything `cocrea check`
 * verifies (cocrea_verify_file()), unless its stamp says it is the file
 * that passed last time: a write to a damaged file spreads the damage.
 * A file that fails is opened read-only with the reason check gives when
 * @flags allow that, else refused with it. Fails only when @self cannot
 * be opened at all.
 */
static gboolean
verify_for_writing (CocreaDocument *self, CocreaOpenFlags flags, const char *name, GError **error)
{
  g_autoptr (GError) damage = NULL;

  if (cocrea_verify_stamp_matches (self->real_path) ||
      cocrea_verify_file (self->db, name, &damage))
    {
      self->verified = TRUE;
      return TRUE;
    }

  if ((flags & COCREA_OPEN_FALLBACK_READ_ONLY) == 0 || damage->code != COCREA_ERROR_DAMAGED)
    {
      g_propagate_error (error, g_steal_pointer (&damage));
      return FALSE;
    }

  /* Read-only from here on: no lock, a connection that cannot write. */
  self->read_only = TRUE;
  self->read_only_reason = g_strdup (damage->message);
  g_clear_pointer (&self->lock, cocrea_lock_release);
  sqlite3_close_v2 (self->db);
  self->db = open_connection (self->real_path, name, TRUE, FALSE, FALSE, error);
  return self->db != NULL;
}

/**
 * cocrea_document_release_memory:
 * Lets go of the pages of the file SQLite keeps in memory and no edit
 * needs: after reading all of a large process once (a list of every
 * contribution), what was read is in the page's own structures.
 */
void
cocrea_document_release_memory (CocreaDocument *self)
{
  g_return_if_fail (COCREA_IS_DOCUMENT (self));

  if (self->db != NULL)
    sqlite3_db_release_memory (self->db);
}

/**
 * cocrea_document_open:
 * @path: a .cocrea file
 * @flags: how to open it
 * @error: return location for a #CocreaError
 *
 * Opens a process file. Unless @flags asks for read-only, the file is
 * locked for writing; when another program holds the lock and
 * %COCREA_OPEN_FALLBACK_READ_ONLY is given, it is opened read-only and
 * cocrea_document_get_read_only_reason() says why. Files of an older
 * version are upgraded. A file that is not a process, is damaged, is too
 * new or carries foreign schema objects is refused, unchanged.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CocreaDocument *
cocrea_document_open (const char *path, CocreaOpenFlags flags, GError **error)
{
  g_autoptr (CocreaDocument) self = NULL;
  g_autoptr (GError) lock_error = NULL;
  g_autofree char *name = NULL;
  gboolean wal = FALSE;
  gboolean immutable = FALSE;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_header (path, &version, &wal, error))
    return NULL;

  self = g_object_new (COCREA_TYPE_DOCUMENT, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->real_path = cocrea_file_real_path (path, error);
  if (self->real_path == NULL)
    return NULL;
  self->read_only = (flags & COCREA_OPEN_READ_ONLY) != 0;
  name = display_name (path);

  if (!self->read_only && g_access (self->real_path, W_OK) != 0)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("The file is write-protected"));
    }

  if (!self->read_only && !companions_are_files (self->real_path, &lock_error))
    {
      if ((flags & COCREA_OPEN_FALLBACK_READ_ONLY) == 0)
        {
          g_propagate_error (error, g_steal_pointer (&lock_error));
          return NULL;
        }
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (lock_error->message);
      g_clear_error (&lock_error);
    }

  if (!self->read_only)
    {
      guint wait_ms = (flags & COCREA_OPEN_WAIT_LOCK) ? 3000 : 0;

      self->lock = cocrea_lock_acquire (self->real_path, wait_ms, &lock_error);
      if (self->lock == NULL)
        {
          gboolean fallback = (flags & COCREA_OPEN_FALLBACK_READ_ONLY) != 0 ||
                              lock_error->code == COCREA_ERROR_READ_ONLY;
          if (!fallback)
            {
              g_propagate_error (error, g_steal_pointer (&lock_error));
              return NULL;
            }
          self->read_only = TRUE;
          self->read_only_reason = g_strdup (lock_error->message);
        }
      else
        self->lock_was_stale = cocrea_lock_was_stale (self->lock);
    }

  /* Another program left the file in WAL mode. Read-only, it is read as it
   * is when its WAL is empty, leaving nothing beside it; a WAL holding
   * changes needs a writer to fold them in, as a hot journal does. Opened
   * for writing, it is turned back into one self-contained file below. */
  if (wal && self->read_only)
    {
      if (!wal_is_empty (self->real_path))
        {
          set_not_closed_error (error, name);
          return NULL;
        }
      immutable = TRUE;
    }

  self->db = open_connection (self->real_path, name, self->read_only, FALSE, immutable, error);
  if (self->db == NULL)
    return NULL;

  if (!validate (self->db, self->path, error))
    return NULL;

  if (!self->read_only && !verify_for_writing (self, flags, name, error))
    return NULL;
  /* The checks read every page of the file into the page cache (30 MB
   * for a national process) that nothing reads again soon: let it go, so
   * that the cache holds what the pages shown read. */
  sqlite3_db_release_memory (self->db);

  if (!self->read_only && !apply_write_settings (self->db, error))
    return NULL;

  if (version < COCREA_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY,
                       _("“%s” was saved by an older version of Cocrea and must be "
                         "upgraded, which cannot be done while it is read-only (%s)"),
                       name, self->read_only_reason ? self->read_only_reason : "");
          return NULL;
        }
      if (!cocrea_schema_migrate (self->db, version, COCREA_SCHEMA_VERSION, error))
        return NULL;
      self->migrated_from = version;
    }

  if (!self->read_only)
    sqlite3_update_hook (self->db, update_hook_cb, self);
  /* The baseline for cocrea_document_check_outside(); a file that cannot
   * say it stays at 0 and is read again at the first look. */
  cocrea_db_query_int (self->db, "PRAGMA data_version", &self->data_version, NULL);
  return g_steal_pointer (&self);
}

static gboolean
insert_defaults (sqlite3 *db, const char *title, const char *municipality,
                 int period_start, int period_end, GError **error)
{
  static const char *const stages[] = {
    "planning", "co-creation", "analysis", "drafting", "consultation", "decision", "launch",
  };
  static const char *const criteria[] = {
    "technical", "budget", "political", "coherence", "inclusion",
  };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = cocrea_db_now ();

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO process (id, uuid, title, municipality, period_start,"
                            " period_end, created_at, modified_at)"
                            " VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, uuid);
  cocrea_db_bind_text (stmt, 2, title);
  cocrea_db_bind_text (stmt, 3, municipality);
  if (period_start > 0)
    sqlite3_bind_int (stmt, 4, period_start);
  if (period_end > 0)
    sqlite3_bind_int (stmt, 5, period_end);
  cocrea_db_bind_text (stmt, 6, now);
  cocrea_db_bind_text (stmt, 7, now);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cocrea_db_prepare (db, "INSERT INTO stage (position, key) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i + 1);
      cocrea_db_bind_text (stmt, 2, stages[i]);
      if (!cocrea_db_step_done (db, stmt, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = cocrea_db_prepare (db, "INSERT INTO criterion (key, position) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      sqlite3_reset (stmt);
      cocrea_db_bind_text (stmt, 1, criteria[i]);
      sqlite3_bind_int (stmt, 2, i + 1);
      if (!cocrea_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cocrea_document_create:
 * @path: where the new file goes; it must not exist
 * @title: the plan's title, not empty
 * @municipality: not empty
 * @period_start: first year of the plan, or 0
 * @period_end: last year of the plan, or 0
 * @error: return location for a #CocreaError
 *
 * Creates a process file with the seven stages and the five default
 * viability criteria, and opens it for writing. When creation fails
 * half-way the partial file is removed.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CocreaDocument *
cocrea_document_create (const char *path, const char *title, const char *municipality,
                        int period_start, int period_end, GError **error)
{
  g_autofree char *clean_title = cocrea_text_normalize (title);
  g_autofree char *clean_municipality = cocrea_text_normalize (municipality);
  g_autofree char *name = NULL;
  g_autoptr (CocreaOutput) output = NULL;
  g_autoptr (CocreaLock) lock = NULL;
  GStatBuf st;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  name = display_name (path);

  if (*clean_title == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The process needs a title"));
      return NULL;
    }
  if (*clean_municipality == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The process needs a municipality"));
      return NULL;
    }
  if (!cocrea_text_check_length (clean_title, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (clean_municipality, COCREA_TEXT_MAX_NAME, error))
    return NULL;
  if (period_start > 0 && period_end > 0 && period_end < period_start)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The period ends before it starts"));
      return NULL;
    }
  /* lstat: a link to nothing exists too, and creating through it would
   * put the process wherever it points. */
  if (g_lstat (path, &st) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), name);
      return NULL;
    }

  /* Made whole beside its name and renamed into place: a kill or a full
   * disk half-way leaves no half-made process (cocrea-output.c). */
  output = cocrea_output_begin (path, NULL, COCREA_OUTPUT_PROCESS_COPY, error);
  if (output == NULL)
    return NULL;

  lock = cocrea_lock_acquire (cocrea_output_get_path (output), 0, error);
  if (lock == NULL)
    return NULL;

  db = open_connection (cocrea_output_get_temp_path (output), name, FALSE, TRUE, FALSE, error);
  if (db == NULL)
    return NULL;

  ok = apply_write_settings (db, error) &&
       cocrea_schema_migrate (db, 0, COCREA_SCHEMA_VERSION, error) &&
       cocrea_db_exec (db, "BEGIN IMMEDIATE", error) &&
       insert_defaults (db, clean_title, clean_municipality, period_start, period_end, error) &&
       cocrea_db_exec (db, "COMMIT", error);
  sqlite3_close (db);

  /* Another program may have taken the name meanwhile: never replace it. */
  if (ok && g_lstat (path, &st) == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), name);
      return NULL;
    }
  if (!ok || !cocrea_output_commit (output, error))
    {
      g_prefix_error (error, _("Could not create “%s”: "), name);
      return NULL;
    }
  g_clear_pointer (&output, cocrea_output_free);
  g_clear_pointer (&lock, cocrea_lock_release);

  return cocrea_document_open (path, COCREA_OPEN_DEFAULT, error);
}

/* Closes the file and releases the lock. The document is unusable after. */
void
cocrea_document_close (CocreaDocument *self)
{
  g_return_if_fail (COCREA_IS_DOCUMENT (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->db != NULL)
    {
      if (self->edit_depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_update_hook (self->db, NULL, NULL);
      sqlite3_close_v2 (self->db);
      g_array_set_size (self->events, 0);
      g_array_set_size (self->savepoint_marks, 0);
      self->db = NULL;
      /* Verified when opened, written only by Cocrea since (it held the
       * lock): the next opening need not read every page again. */
      if (self->verified && !self->read_only)
        cocrea_verify_stamp_write (self->real_path);
    }
  g_clear_pointer (&self->lock, cocrea_lock_release);
}

/**
 * cocrea_document_check_outside:
 * @self: an open document
 *
 * Looks whether another connection committed to the file since the last
 * look (SQLite's PRAGMA data_version, which counts other connections'
 * commits, other processes' too, but never this one's own edits), and
 * emits #CocreaDocument::outside-changed if so. Never waits for a writer:
 * a file busy at this moment is looked at again next time. A file opened
 * immutable (a WAL file read-only) never changes for SQLite.
 *
 * Returns: whether the file changed (and the signal was emitted)
 */
gboolean
cocrea_document_check_outside (CocreaDocument *self)
{
  gint64 version = 0;
  gboolean read;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);

  if (self->db == NULL || self->edit_depth > 0)
    return FALSE;
  /* On the main loop: a writer in the middle of its commit is waited for
   * by the next look, not by a frozen window. */
  sqlite3_busy_timeout (self->db, 0);
  read = cocrea_db_query_int (self->db, "PRAGMA data_version", &version, NULL);
  sqlite3_busy_timeout (self->db, 2000);
  if (!read || version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_object_ref (self);
  g_signal_emit (self, signals[OUTSIDE_CHANGED], 0);
  g_object_unref (self);
  return TRUE;
}

static gboolean
watch_outside_cb (gpointer data)
{
  cocrea_document_check_outside (data);
  return G_SOURCE_CONTINUE;
}

/**
 * cocrea_document_watch_outside:
 * @self: an open document
 * @interval_ms: how often to look, or 0 to stop looking
 *
 * Runs cocrea_document_check_outside() every @interval_ms on the thread
 * default main context until @self is closed, so
 * #CocreaDocument::outside-changed follows what other programs write.
 * A look costs one read of the file's header (microseconds).
 */
void
cocrea_document_watch_outside (CocreaDocument *self, guint interval_ms)
{
  g_return_if_fail (COCREA_IS_DOCUMENT (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms == 0 || self->db == NULL)
    return;
  self->watch_id = g_timeout_add (interval_ms, watch_outside_cb, self);
  g_source_set_name_by_id (self->watch_id, "[cocrea] outside changes");
}

const char *
cocrea_document_get_path (CocreaDocument *self)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
cocrea_document_is_read_only (CocreaDocument *self)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

/* Why the document is read-only, for the user; NULL when it was asked for. */
const char *
cocrea_document_get_read_only_reason (CocreaDocument *self)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), NULL);
  return self->read_only_reason;
}

/* TRUE when opening took over a lock left by a program that crashed. */
gboolean
cocrea_document_get_lock_was_stale (CocreaDocument *self)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);
  return self->lock_was_stale;
}

/* The schema version the file had before opening upgraded it, or 0. */
int
cocrea_document_get_migrated_from (CocreaDocument *self)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), 0);
  return self->migrated_from;
}

sqlite3 *
cocrea_document_get_db (CocreaDocument *self)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);
  return self->db;
}

/*
 * cocrea_document_begin_edit:
 * Starts an edit. The outermost edit is one IMMEDIATE transaction (so two
 * writers fail fast instead of dead-locking); nested edits are savepoints,
 * so an import can reuse the single-record functions and still be all or
 * nothing. Every successful begin must be paired with commit or rollback.
 */
gboolean
cocrea_document_begin_edit (CocreaDocument *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);

  if (self->read_only)
    {
      if (self->read_only_reason != NULL)
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY,
                     _("This process is open read-only: %s"), self->read_only_reason);
      else
        g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY,
                             _("This process is open read-only"));
      return FALSE;
    }

  if (self->edit_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT edit%u", self->edit_depth);

  if (!cocrea_db_exec (self->db, sql, error))
    return FALSE;

  if (self->edit_depth == 0)
    g_array_set_size (self->events, 0);
  else
    g_array_append_val (self->savepoint_marks, self->events->len);
  self->edit_depth++;
  return TRUE;
}

/*
 * cocrea_document_commit_edit:
 * Ends the innermost edit. Ending the outermost one stamps the process's
 * modification time and commits to disk; "changed" is emitted after.
 * When the commit fails (a full disk) the whole edit is rolled back and
 * the file keeps its previous contents.
 */
gboolean
cocrea_document_commit_edit (CocreaDocument *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  self->edit_depth--;

  if (self->edit_depth > 0)
    {
      /* The inner edit's rows are the outer edit's now. */
      g_array_set_size (self->savepoint_marks, self->savepoint_marks->len - 1);
      sql = g_strdup_printf ("RELEASE edit%u", self->edit_depth);
      return cocrea_db_exec (self->db, sql, error);
    }

  {
    g_autofree char *now = cocrea_db_now ();
    g_autofree char *stamp = g_strdup_printf ("UPDATE process SET modified_at = '%s'", now);
    gboolean ok;

    self->stamping = TRUE;
    ok = cocrea_db_exec (self->db, stamp, error);
    self->stamping = FALSE;
    if (!ok || !cocrea_db_exec (self->db, "COMMIT", error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        g_array_set_size (self->events, 0);
        return FALSE;
      }
  }

  emit_changes (self);
  return TRUE;
}

/* Undoes the innermost edit. */
void
cocrea_document_rollback_edit (CocreaDocument *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (COCREA_IS_DOCUMENT (self));
  g_return_if_fail (self->edit_depth > 0);

  self->edit_depth--;

  if (self->edit_depth == 0)
    {
      sql = g_strdup ("ROLLBACK");
      g_array_set_size (self->events, 0);
    }
  else
    {
      guint mark = g_array_index (self->savepoint_marks, guint, self->savepoint_marks->len - 1);

      sql = g_strdup_printf ("ROLLBACK TO edit%u; RELEASE edit%u",
                             self->edit_depth, self->edit_depth);
      /* What the inner edit wrote is undone, so it is no one's change. */
      g_array_set_size (self->events, mark);
      g_array_set_size (self->savepoint_marks, self->savepoint_marks->len - 1);
    }

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

struct _CocreaEdit {
  CocreaDocument *document;
  guint depth;     /* the document's edit depth inside this edit */
  gboolean ended;  /* committed, or its commit failed and rolled back */
};

/*
 * cocrea_edit_begin:
 * Begins an edit of @document (cocrea_document_begin_edit()) and returns
 * its guard, or NULL with @error set (a read-only process, a busy file).
 * Free the guard with cocrea_edit_end(), which g_autoptr does.
 */
CocreaEdit *
cocrea_edit_begin (CocreaDocument *document, GError **error)
{
  CocreaEdit *edit;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (!cocrea_document_begin_edit (document, error))
    return NULL;
  edit = g_new0 (CocreaEdit, 1);
  edit->document = g_object_ref (document);
  edit->depth = document->edit_depth;
  return edit;
}

/*
 * cocrea_edit_commit:
 * Commits @edit (cocrea_document_commit_edit()). Either way the edit is
 * over: a failed commit has already rolled back, and cocrea_edit_end()
 * does nothing more. Must be called at most once.
 */
gboolean
cocrea_edit_commit (CocreaEdit *edit, GError **error)
{
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (!edit->ended, FALSE);
  g_assert (edit->document->edit_depth == edit->depth);

  edit->ended = TRUE;
  return cocrea_document_commit_edit (edit->document, error);
}

/*
 * cocrea_edit_end:
 * Rolls @edit back unless it was committed, and frees the guard. NULL is
 * accepted, so a guard whose begin failed can go out of scope.
 */
void
cocrea_edit_end (CocreaEdit *edit)
{
  if (edit == NULL)
    return;
  if (!edit->ended)
    {
      g_assert (edit->document->edit_depth == edit->depth);
      cocrea_document_rollback_edit (edit->document);
    }
  g_object_unref (edit->document);
  g_free (edit);
}

/*
 * cocrea_document_log:
 * Appends to the audit log inside the current edit: @action is a stable
 * key ("merge", "decide"…), @subject names the record ("proposal:12"),
 * @detail is free text or JSON. Must be called between begin and commit.
 */
gboolean
cocrea_document_log (CocreaDocument *self, const char *action, const char *subject,
                     const char *detail, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = cocrea_db_now ();

  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  stmt = cocrea_db_prepare (self->db,
                            "INSERT INTO audit_log (at, action, subject, detail, author)"
                            " VALUES (?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, now);
  cocrea_db_bind_text (stmt, 2, action);
  cocrea_db_bind_text (stmt, 3, subject);
  cocrea_db_bind_text (stmt, 4, detail);
  cocrea_db_bind_text (stmt, 5, cocrea_document_author ());
  return cocrea_db_step_done (self->db, stmt, error);
}

/*
 * cocrea_document_author:
 * Who makes the edits of this program, as the history shows it: the
 * account's full name, or its login name where the account has none.
 * COCREA_AUTHOR overrides both, for a shared laptop whose account is
 * nobody's ("taller") and for tests.
 */
const char *
cocrea_document_author (void)
{
  static char *author;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      const char *name = g_getenv ("COCREA_AUTHOR");

      if (name == NULL || *name == '\0')
        name = g_get_real_name ();
      if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
        name = g_get_user_name ();
      author = g_utf8_make_valid (name, -1);
      g_once_init_leave (&once, 1);
    }
  return author;
}

/* The process record names every window and export: bytes that are not
 * UTF-8 (a file written by another program) are replaced, not passed on. */
static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column))
                      : g_strdup ("");
}

/* Returns the process record, or NULL with @error set. */
CocreaProcessInfo *
cocrea_document_get_process (CocreaDocument *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  CocreaProcessInfo *info;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), NULL);

  stmt = cocrea_db_prepare (self->db,
                            "SELECT uuid, title, municipality, period_start, period_end,"
                            " partners, language, quota_total, quota_municipal,"
                            " quota_community, created_at, modified_at FROM process",
                            error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return NULL;
    }

  info = g_new0 (CocreaProcessInfo, 1);
  info->uuid = column_dup (stmt, 0);
  info->title = column_dup (stmt, 1);
  info->municipality = column_dup (stmt, 2);
  info->period_start = sqlite3_column_int (stmt, 3);
  info->period_end = sqlite3_column_int (stmt, 4);
  info->partners = column_dup (stmt, 5);
  info->language = column_dup (stmt, 6);
  info->quota_total = sqlite3_column_int (stmt, 7);
  info->quota_municipal = sqlite3_column_int (stmt, 8);
  info->quota_community = sqlite3_column_int (stmt, 9);
  info->created_at = column_dup (stmt, 10);
  info->modified_at = column_dup (stmt, 11);
  return info;
}

/*
 * cocrea_document_update_process:
 * Writes the editable fields of @info (title, municipality, period,
 * partners, language, quotas) as one edit. Fails with
 * COCREA_ERROR_INVALID on an empty title or municipality, a period that
 * ends before it starts, or quotas that do not add up.
 */
gboolean
cocrea_document_update_process (CocreaDocument *self, const CocreaProcessInfo *info,
                                GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *title = cocrea_text_normalize (info->title);
  g_autofree char *municipality = cocrea_text_normalize (info->municipality);

  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);

  if (*title == '\0' || *municipality == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The process needs a title and a municipality"));
      return FALSE;
    }
  if (!cocrea_text_check_length (title, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (municipality, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (info->partners, COCREA_TEXT_MAX_LONG, error))
    return FALSE;
  if (info->period_start > 0 && info->period_end > 0 && info->period_end < info->period_start)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The period ends before it starts"));
      return FALSE;
    }
  if (info->quota_total < 0 || info->quota_municipal < 0 || info->quota_community < 0 ||
      info->quota_municipal + info->quota_community > info->quota_total)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The municipal and community quotas add up to more than "
                             "the total number of commitments"));
      return FALSE;
    }

  edit = cocrea_edit_begin (self, error);
  if (edit == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (self->db,
                            "UPDATE process SET title = ?, municipality = ?, period_start = ?,"
                            " period_end = ?, partners = ?, language = ?, quota_total = ?,"
                            " quota_municipal = ?, quota_community = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, title);
  cocrea_db_bind_text (stmt, 2, municipality);
  if (info->period_start > 0)
    sqlite3_bind_int (stmt, 3, info->period_start);
  if (info->period_end > 0)
    sqlite3_bind_int (stmt, 4, info->period_end);
  cocrea_db_bind_text (stmt, 5, info->partners);
  cocrea_db_bind_text (stmt, 6, info->language != NULL && *info->language ? info->language : "es");
  sqlite3_bind_int (stmt, 7, info->quota_total);
  sqlite3_bind_int (stmt, 8, info->quota_municipal);
  sqlite3_bind_int (stmt, 9, info->quota_community);

  if (!cocrea_db_step_done (self->db, stmt, error) ||
      !cocrea_document_log (self, "update-process", "process", title, error))
    return FALSE;

  return cocrea_edit_commit (edit, error);
}

/**
 * cocrea_document_check_output:
 * @self: the process an export is made from
 * @dest: where the export is to be written
 * @error: return location for a #CocreaError
 *
 * The one rule every export, chart and save dialog follows: @dest is not
 * this process's file (however it is reached: links, "..", hard links),
 * nor any other process file or a name that looks like one, and its
 * folder may be written (cocrea_output_check()). Cheap: call it before
 * the work starts; every writer checks again when it writes.
 *
 * Returns: %TRUE when @dest may be written
 */
gboolean
cocrea_document_check_output (CocreaDocument *self, const char *dest, GError **error)
{
  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return cocrea_output_check (dest, self->real_path, COCREA_OUTPUT_EXPORT, error);
}

/* Copies every page of @self into the new database @dest. */
static int
backup_into (CocreaDocument *self, sqlite3 *dest)
{
  sqlite3_backup *backup;
  int rc;

  /* The copy is checked whole before it is used: no journal needed, and
   * none left beside it if the disk fills up. */
  sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    return sqlite3_errcode (dest);
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  rc = rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc;

  /* The copy must be a self-contained rollback-journal file too. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  return rc;
}

/*
 * cocrea_document_save_copy:
 * Writes a consistent copy of the process to @dest_path with SQLite's
 * backup API, so it can be taken while editing goes on. The copy is
 * written beside the destination, checked (cocrea_document_check_file())
 * and only then renamed into place: a failure leaves no half-written file,
 * and an existing @dest_path is replaced only by a complete, healthy
 * copy. Refused: this process's own file (through links too), a process
 * another window has open, a file with unfinished changes beside it.
 */
gboolean
cocrea_document_save_copy (CocreaDocument *self, const char *dest_path, GError **error)
{
  return cocrea_document_save_copy_full (self, dest_path, NULL, NULL, error);
}

/*
 * cocrea_document_save_copy_full:
 * cocrea_document_save_copy(), with @prepare (may be NULL) called on the
 * copy's temporary file once it is written and before it is checked and
 * takes its name: a capture copy for a laptop is made this way, whole or
 * not at all, like any copy.
 */
gboolean
cocrea_document_save_copy_full (CocreaDocument *self, const char *dest_path,
                                CocreaCopyPrepare prepare, gpointer user_data, GError **error)
{
  g_autoptr (CocreaOutput) output = NULL;
  g_autoptr (GError) check_error = NULL;
  g_autofree char *name = NULL;
  sqlite3 *dest = NULL;
  int rc;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  name = display_name (dest_path);
  output = cocrea_output_begin (dest_path, self->real_path, COCREA_OUTPUT_PROCESS_COPY, error);
  if (output == NULL)
    return FALSE;

  /* Renaming over a file a window has open would leave the window editing
   * a file that no longer has a name. */
  if (cocrea_lock_is_held (cocrea_output_get_path (output)))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_LOCKED,
                   _("“%s” is open in a Cocrea window: close it there, or choose another name"),
                   name);
      return FALSE;
    }

  rc = sqlite3_open_v2 (cocrea_output_get_temp_path (output), &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = backup_into (self, dest);
  if (rc != SQLITE_OK)
    {
      g_autofree char *context = g_strdup_printf (_("Could not save a copy as “%s”"), name);
      /* The copy's connection knows why its writes failed. */
      cocrea_db_set_error (error, dest, rc, context);
      sqlite3_close (dest);
      return FALSE;
    }
  sqlite3_close (dest);

  if (prepare != NULL && !prepare (cocrea_output_get_temp_path (output), user_data, error))
    return FALSE;

  /* The backup API copies pages, whatever they hold: check what was
   * written before it replaces anything. */
  if (!cocrea_document_check_file (cocrea_output_get_temp_path (output), NULL, &check_error))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_DAMAGED,
                   _("The copy “%s” failed its check and was not saved: %s"), name,
                   check_error->message);
      return FALSE;
    }

  return cocrea_output_commit (output, error);
}

/*
 * memory_copy:
 * Copies @db, page for page, into a new connection in memory that may
 * write, with the same defensive settings, or returns NULL with @error
 * set (damage when the pages cannot be read).
 */
static sqlite3 *
memory_copy (sqlite3 *db, const char *name, GError **error)
{
  sqlite3_backup *backup;
  sqlite3 *copy = NULL;
  int rc;

  if (sqlite3_open (":memory:", &copy) != SQLITE_OK || !prepare_connection (copy, error))
    {
      if (error != NULL && *error == NULL)
        cocrea_db_set_error (error, copy, SQLITE_NOMEM, NULL);
      sqlite3_close (copy);
      return NULL;
    }
  backup = sqlite3_backup_init (copy, "main", db, "main");
  rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *context = g_strdup_printf (_("Could not read “%s”"), name);
      cocrea_db_set_error (error, db, rc, context);
      sqlite3_close (copy);
      return NULL;
    }
  return copy;
}

/*
 * cocrea_document_peek_version:
 * Reads the schema version of the process file @path from its header,
 * without SQLite and without changing it. Fails as opening would when the
 * file is not a process, is empty or is too new for this build.
 */
gboolean
cocrea_document_peek_version (const char *path, int *version, GError **error)
{
  gboolean wal = FALSE;

  g_return_val_if_fail (path != NULL && version != NULL, FALSE);
  return read_header (path, version, &wal, error);
}

/*
 * cocrea_document_check_file:
 * Checks @path without locking or changing it, nor leaving anything beside
 * it: that it is a process of a readable version holding no foreign
 * objects, and everything cocrea_verify_file() verifies (integrity, foreign
 * keys, the suggestion indexes, the rules of the process); a write refuses
 * a file that fails it with the same message. Sets *schema_version when
 * the header could be read. Returns TRUE only when the file is healthy.
 */
gboolean
cocrea_document_check_file (const char *path, int *schema_version, GError **error)
{
  g_autofree char *name = display_name (path);
  g_autofree char *real_path = NULL;
  gboolean wal = FALSE;
  sqlite3 *db;
  sqlite3 *copy = NULL;
  int version = 0;
  gboolean ok;

  if (!read_header (path, &version, &wal, error))
    return FALSE;
  if (schema_version != NULL)
    *schema_version = version;

  real_path = cocrea_file_real_path (path, error);
  if (real_path == NULL)
    return FALSE;
  /* A check changes nothing and leaves nothing beside the file. */
  if (wal && !wal_is_empty (real_path))
    {
      set_not_closed_error (error, name);
      return FALSE;
    }

  db = open_connection (real_path, name, TRUE, FALSE, wal, error);
  if (db == NULL)
    return FALSE;

  /* A read-only connection skips part of the checks: integrity_check does
   * not evaluate CHECK constraints there, and FTS5's integrity-check is an
   * INSERT it refuses. They run on a copy in memory that may write, so the
   * file itself is never opened for writing. */
  ok = validate (db, path, error) && (copy = memory_copy (db, name, error)) != NULL &&
       cocrea_verify_file (copy, name, error);
  sqlite3_close (copy);
  sqlite3_close (db);
  return ok;
}

/*
 * cocrea_parse_period:
 * Reads a plan period such as "2019-2021", "2019–2021" or "2019" into
 * years. Fails with COCREA_ERROR_INVALID for anything else, or when the
 * period ends before it starts.
 */
gboolean
cocrea_parse_period (const char *text, int *start, int *end, GError **error)
{
  g_autoptr (GRegex) regex = g_regex_new ("^\\s*(\\d{4})\\s*(?:(?:-|–|—|/|a|to)\\s*(\\d{4}))?\\s*$",
                                          0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is not a period; write it like 2019-2021"), text ? text : "");
      return FALSE;
    }

  first = g_match_info_fetch (match, 1);
  second = g_match_info_fetch (match, 2);
  *start = atoi (first);
  *end = second != NULL && *second ? atoi (second) : *start;

  if (*end < *start)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The period ends before it starts"));
      return FALSE;
    }

  return TRUE;
}
