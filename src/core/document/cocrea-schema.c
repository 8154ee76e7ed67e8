/* cocrea-schema.c
 *
 * The schema is a list of steps; step N turns a version N-1 file into a
 * version N file. A new file runs every step, an old file runs the ones it
 * lacks, so there is exactly one way each table comes to be. Steps are never
 * edited once released: change the schema by appending a step.
 *
 * Tables are STRICT so a damaged or hand-edited file cannot smuggle the
 * wrong type into a column, and CHECK constraints carry the rules that
 * must hold whatever program writes the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-error.h"
#include "cocrea-schema.h"
#include "cocrea-search-index.h"

static const char *const steps[] = {
  /* 1: the process, its activities and contributions, proposals, scoring,
   * decisions, commitments and the audit log. */
  "CREATE TABLE process ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  uuid TEXT NOT NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  municipality TEXT NOT NULL CHECK (length(trim(municipality)) > 0),"
  "  period_start INTEGER,"
  "  period_end INTEGER,"
  "  partners TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT 'es',"
  "  quota_total INTEGER NOT NULL DEFAULT 5 CHECK (quota_total >= 0),"
  "  quota_municipal INTEGER NOT NULL DEFAULT 2 CHECK (quota_municipal >= 0),"
  "  quota_community INTEGER NOT NULL DEFAULT 3 CHECK (quota_community >= 0),"
  "  created_at TEXT NOT NULL,"
  "  modified_at TEXT NOT NULL,"
  "  CHECK (period_start IS NULL OR period_end IS NULL OR period_end >= period_start)"
  ") STRICT;"

  "CREATE TABLE stage ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL UNIQUE,"
  "  key TEXT NOT NULL UNIQUE,"
  "  name TEXT,"
  "  starts_on TEXT,"
  "  ends_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (status IN ('pending', 'in-progress', 'done'))"
  ") STRICT;"

  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('interview', 'survey', 'workshop',"
  "    'complementary', 'self-organised', 'online')),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  held_on TEXT,"
  "  held_until TEXT,"
  "  place TEXT NOT NULL DEFAULT '',"
  "  attendance INTEGER NOT NULL DEFAULT 0 CHECK (attendance >= 0),"
  "  women INTEGER NOT NULL DEFAULT 0 CHECK (women >= 0),"
  "  youth INTEGER NOT NULL DEFAULT 0 CHECK (youth >= 0),"
  "  migrants INTEGER NOT NULL DEFAULT 0 CHECK (migrants >= 0),"
  "  indigenous INTEGER NOT NULL DEFAULT 0 CHECK (indigenous >= 0),"
  "  disability INTEGER NOT NULL DEFAULT 0 CHECK (disability >= 0),"
  "  notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE table_group ("
  "  id INTEGER PRIMARY KEY,"
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  size INTEGER CHECK (size IS NULL OR size >= 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (activity_id, name)"
  ") STRICT;"

  "CREATE TABLE proposal ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  area TEXT NOT NULL DEFAULT '',"
  "  axes INTEGER NOT NULL DEFAULT 0 CHECK (axes BETWEEN 0 AND 15),"
  "  inclusion INTEGER NOT NULL DEFAULT 0 CHECK (inclusion BETWEEN 0 AND 31),"
  "  origin TEXT NOT NULL DEFAULT 'community'"
  "    CHECK (origin IN ('community', 'municipal')),"
  "  merged_into_id INTEGER REFERENCES proposal (id) ON DELETE SET NULL"
  "    CHECK (merged_into_id IS NULL OR merged_into_id <> id),"
  "  created_at TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE contribution ("
  "  id INTEGER PRIMARY KEY,"
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  group_id INTEGER REFERENCES table_group (id) ON DELETE SET NULL,"
  "  origin TEXT NOT NULL DEFAULT 'community'"
  "    CHECK (origin IN ('community', 'municipal')),"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  area TEXT NOT NULL DEFAULT '',"
  "  axes INTEGER NOT NULL DEFAULT 0 CHECK (axes BETWEEN 0 AND 15),"
  "  proposal_id INTEGER REFERENCES proposal (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX contribution_activity ON contribution (activity_id);"
  "CREATE INDEX contribution_group ON contribution (group_id);"
  "CREATE INDEX contribution_proposal ON contribution (proposal_id);"

  "CREATE TABLE criterion ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  name TEXT,"
  "  description TEXT,"
  "  scale_min INTEGER NOT NULL DEFAULT 1,"
  "  scale_max INTEGER NOT NULL DEFAULT 5,"
  "  weight REAL NOT NULL DEFAULT 1.0 CHECK (weight >= 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (scale_max > scale_min)"
  ") STRICT;"

  "CREATE TABLE evaluator ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  department TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE score ("
  "  evaluator_id INTEGER NOT NULL REFERENCES evaluator (id) ON DELETE CASCADE,"
  "  proposal_id INTEGER NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,"
  "  criterion_id INTEGER NOT NULL REFERENCES criterion (id) ON DELETE CASCADE,"
  "  value INTEGER NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (evaluator_id, proposal_id, criterion_id)"
  ") STRICT;"
  "CREATE INDEX score_proposal ON score (proposal_id);"

  "CREATE TABLE decision ("
  "  proposal_id INTEGER PRIMARY KEY REFERENCES proposal (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN"
  "    ('not-shortlisted', 'shortlisted', 'selected', 'not-selected')),"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  decided_at TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE commitment ("
  "  id INTEGER PRIMARY KEY,"
  "  proposal_id INTEGER REFERENCES proposal (id) ON DELETE SET NULL,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  origin TEXT NOT NULL DEFAULT 'community'"
  "    CHECK (origin IN ('community', 'municipal')),"
  "  origin_detail TEXT NOT NULL DEFAULT '',"
  "  starts_on TEXT,"
  "  ends_on TEXT,"
  "  lead_unit TEXT NOT NULL DEFAULT '',"
  "  problem TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  contribution TEXT NOT NULL DEFAULT '',"
  "  relevance TEXT NOT NULL DEFAULT '',"
  "  additional_info TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE milestone ("
  "  id INTEGER PRIMARY KEY,"
  "  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  deliverable TEXT NOT NULL CHECK (length(trim(deliverable)) > 0),"
  "  starts_on TEXT,"
  "  ends_on TEXT"
  ") STRICT;"
  "CREATE INDEX milestone_commitment ON milestone (commitment_id);"

  "CREATE TABLE contact ("
  "  id INTEGER PRIMARY KEY,"
  "  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  department TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE actor ("
  "  id INTEGER PRIMARY KEY,"
  "  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('municipal', 'civil-society')),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0)"
  ") STRICT;"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  detail TEXT NOT NULL DEFAULT ''"
  ") STRICT;",

  /* 2: the public consultation and the follow-up of milestones. */
  "ALTER TABLE process ADD COLUMN consultation_opens TEXT;"
  "ALTER TABLE process ADD COLUMN consultation_closes TEXT;"

  "CREATE TABLE consultation_comment ("
  "  id INTEGER PRIMARY KEY,"
  "  commitment_id INTEGER REFERENCES commitment (id) ON DELETE SET NULL,"
  "  channel TEXT NOT NULL CHECK (channel IN ('online', 'in-person', 'email')),"
  "  author TEXT NOT NULL DEFAULT '',"
  "  received_on TEXT,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  response TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (response IN ('pending', 'accepted', 'partly', 'not-accepted')),"
  "  response_reason TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE milestone_progress ("
  "  id INTEGER PRIMARY KEY,"
  "  milestone_id INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,"
  "  recorded_on TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done')),"
  "  evidence TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX milestone_progress_milestone ON milestone_progress (milestone_id);",

  /* 3: full-text indexes for duplicate suggestions, and the indexes the
   * tally walks. The FTS tables are external-content (the text is stored
   * once, in contribution and proposal) and use the "cocrea" tokenizer
   * (Spanish stems, accents folded) that every connection registers. The
   * code keeps them in sync inside each edit: there are no triggers. */
  "CREATE VIRTUAL TABLE contribution_fts USING fts5 ("
  "  text, content='contribution', content_rowid='id', tokenize='cocrea');"
  "CREATE VIRTUAL TABLE proposal_fts USING fts5 ("
  "  title, description, content='proposal', content_rowid='id', tokenize='cocrea');"
  "INSERT INTO contribution_fts (contribution_fts) VALUES ('rebuild');"
  "INSERT INTO proposal_fts (proposal_fts) VALUES ('rebuild');"
  "CREATE INDEX proposal_merged_into ON proposal (merged_into_id);"
  "CREATE INDEX contribution_tally ON contribution (proposal_id, group_id, activity_id);"
  /* The tally index starts with proposal_id, so it serves every lookup the
   * old one-column index did; keeping both costs each imported row. */
  "DROP INDEX contribution_proposal;",

  /* 4: the prioritisation weights of stage 3, kept with the process so the
   * ranking the shortlist came from can be shown again and accounted for. */
  "ALTER TABLE process ADD COLUMN priority_mentions REAL NOT NULL DEFAULT 1"
  "  CHECK (priority_mentions >= 0 AND priority_mentions <= 1000);"
  "ALTER TABLE process ADD COLUMN priority_axes REAL NOT NULL DEFAULT 1"
  "  CHECK (priority_axes >= 0 AND priority_axes <= 1000);"
  "ALTER TABLE process ADD COLUMN priority_inclusion REAL NOT NULL DEFAULT 1"
  "  CHECK (priority_inclusion >= 0 AND priority_inclusion <= 1000);",

  /* 5: several laptops capture at once and their files come back together.
   * Every row people create gets an identity (uid) that no other laptop
   * makes up too; new rows get a random one (cocrea_db_new_uid), rows of
   * older files one derived from their id ("c-27"), the same wherever the
   * file is upgraded, so an upgraded original and an old copy of it still
   * agree on which row is which. Scores are known by evaluator, proposal
   * and criterion, which is already an identity.
   * A copy handed out remembers where it came from (sync_origin) and what
   * each row looked like then (sync_base: a hash per row, by kind and uid);
   * the file copies come back to remembers, per copy, how far it got
   * (sync_replica) and what each row it took or refused looked like on
   * both sides (sync_seen), so the next time only what changed since
   * comes in. Hashes and kinds are part of the format: see cocrea-sync.c. */
  "ALTER TABLE activity ADD COLUMN uid TEXT;"
  "ALTER TABLE table_group ADD COLUMN uid TEXT;"
  "ALTER TABLE proposal ADD COLUMN uid TEXT;"
  "ALTER TABLE contribution ADD COLUMN uid TEXT;"
  "ALTER TABLE commitment ADD COLUMN uid TEXT;"
  "ALTER TABLE milestone ADD COLUMN uid TEXT;"
  "ALTER TABLE consultation_comment ADD COLUMN uid TEXT;"
  "ALTER TABLE milestone_progress ADD COLUMN uid TEXT;"
  "UPDATE activity SET uid = 'a-' || id;"
  "UPDATE table_group SET uid = 'g-' || id;"
  "UPDATE proposal SET uid = 'p-' || id;"
  "UPDATE contribution SET uid = 'c-' || id;"
  "UPDATE commitment SET uid = 'k-' || id;"
  "UPDATE milestone SET uid = 'm-' || id;"
  "UPDATE consultation_comment SET uid = 'q-' || id;"
  "UPDATE milestone_progress SET uid = 'r-' || id;"
  "CREATE UNIQUE INDEX activity_uid ON activity (uid);"
  "CREATE UNIQUE INDEX table_group_uid ON table_group (uid);"
  "CREATE UNIQUE INDEX proposal_uid ON proposal (uid);"
  "CREATE UNIQUE INDEX contribution_uid ON contribution (uid);"
  "CREATE UNIQUE INDEX commitment_uid ON commitment (uid);"
  "CREATE UNIQUE INDEX milestone_uid ON milestone (uid);"
  "CREATE UNIQUE INDEX consultation_comment_uid ON consultation_comment (uid);"
  "CREATE UNIQUE INDEX milestone_progress_uid ON milestone_progress (uid);"

  "CREATE TABLE sync_origin ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  replica TEXT NOT NULL CHECK (length(replica) > 0),"
  "  source_replica TEXT NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  made_at TEXT NOT NULL,"
  "  audit_id INTEGER NOT NULL DEFAULT 0,"
  "  format INTEGER NOT NULL,"
  "  activity_uid TEXT,"
  "  group_uids TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE sync_base ("
  "  kind INTEGER NOT NULL,"
  "  uid TEXT NOT NULL,"
  "  hash INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, uid)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE sync_replica ("
  "  id INTEGER PRIMARY KEY,"
  "  replica TEXT NOT NULL UNIQUE,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  audit_id INTEGER NOT NULL,"
  "  audit_digest TEXT NOT NULL,"
  "  synced_at TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE sync_seen ("
  "  id INTEGER PRIMARY KEY,"
  "  replica TEXT NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  uid TEXT NOT NULL,"
  "  their_hash INTEGER,"
  "  our_hash INTEGER,"
  "  UNIQUE (replica, kind, uid)"
  ") STRICT;",

  /* 6: between the hall and the web. Where a contribution came from when
   * another platform holds it (Decidim's proposals: its id in its space,
   * so a re-import adds only what is new, and the supports people gave it
   * online); the weight of those supports in the prioritisation, off by
   * default; the OGP completion level of a commitment where the forum set
   * it by hand (otherwise it follows the milestones); the changes made to
   * the plan in answer to consultation comments, each tied to its
   * comment, for the final plan; and who made each logged edit. */
  "CREATE TABLE contribution_source ("
  "  id INTEGER PRIMARY KEY,"
  "  contribution_id INTEGER NOT NULL UNIQUE"
  "    REFERENCES contribution (id) ON DELETE CASCADE,"
  "  platform TEXT NOT NULL CHECK (platform IN ('decidim')),"
  "  space_url TEXT NOT NULL,"
  "  external_id INTEGER NOT NULL CHECK (external_id > 0),"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  url TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  author TEXT NOT NULL DEFAULT '',"
  "  category TEXT NOT NULL DEFAULT '',"
  "  supports INTEGER NOT NULL DEFAULT 0 CHECK (supports >= 0),"
  "  comments INTEGER NOT NULL DEFAULT 0 CHECK (comments >= 0),"
  "  state TEXT NOT NULL DEFAULT '',"
  "  amends INTEGER CHECK (amends IS NULL OR amends > 0),"
  "  published_at TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (platform, space_url, external_id)"
  ") STRICT;"
  "ALTER TABLE process ADD COLUMN priority_supports REAL NOT NULL DEFAULT 0"
  "  CHECK (priority_supports >= 0 AND priority_supports <= 1000);"
  "CREATE TABLE commitment_completion ("
  "  id INTEGER PRIMARY KEY,"
  "  commitment_id INTEGER NOT NULL UNIQUE"
  "    REFERENCES commitment (id) ON DELETE CASCADE,"
  "  level TEXT NOT NULL CHECK (level IN"
  "    ('no-evidence', 'not-started', 'limited', 'substantial', 'complete')),"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  recorded_on TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE plan_revision ("
  "  id INTEGER PRIMARY KEY,"
  "  comment_id INTEGER NOT NULL REFERENCES consultation_comment (id) ON DELETE CASCADE,"
  "  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,"
  "  milestone_id INTEGER REFERENCES milestone (id) ON DELETE CASCADE,"
  "  field TEXT NOT NULL CHECK (length(field) > 0),"
  "  before TEXT NOT NULL DEFAULT '',"
  "  after TEXT NOT NULL DEFAULT '',"
  "  revised_on TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX plan_revision_comment ON plan_revision (comment_id);"
  "ALTER TABLE audit_log ADD COLUMN author TEXT NOT NULL DEFAULT '';",

  /* 7: the commune's population shares from a census (percent, NULL while
   * unknown) and where they come from, so attendance can be set against
   * them: who was under-represented in the room. */
  "ALTER TABLE process ADD COLUMN population_women REAL"
  "  CHECK (population_women IS NULL OR (population_women >= 0 AND population_women <= 100));"
  "ALTER TABLE process ADD COLUMN population_youth REAL"
  "  CHECK (population_youth IS NULL OR (population_youth >= 0 AND population_youth <= 100));"
  "ALTER TABLE process ADD COLUMN population_migrants REAL"
  "  CHECK (population_migrants IS NULL OR (population_migrants >= 0 AND population_migrants <= 100));"
  "ALTER TABLE process ADD COLUMN population_indigenous REAL"
  "  CHECK (population_indigenous IS NULL OR"
  "         (population_indigenous >= 0 AND population_indigenous <= 100));"
  "ALTER TABLE process ADD COLUMN population_disability REAL"
  "  CHECK (population_disability IS NULL OR"
  "         (population_disability >= 0 AND population_disability <= 100));"
  "ALTER TABLE process ADD COLUMN population_source TEXT NOT NULL DEFAULT '';",
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == COCREA_SCHEMA_VERSION);

/* Every table and index this build creates. Anything else in a file is refused. */
static const char *const known_objects[] = {
  "process", "stage", "activity", "table_group", "proposal", "contribution",
  "contribution_activity", "contribution_group", "contribution_proposal",
  "criterion", "evaluator", "score", "score_proposal", "decision",
  "commitment", "milestone", "milestone_commitment", "contact", "actor",
  "audit_log", "consultation_comment", "milestone_progress",
  "milestone_progress_milestone",
  "contribution_fts", "contribution_fts_data", "contribution_fts_idx",
  "contribution_fts_docsize", "contribution_fts_config",
  "proposal_fts", "proposal_fts_data", "proposal_fts_idx",
  "proposal_fts_docsize", "proposal_fts_config",
  "proposal_merged_into", "contribution_tally",
  "activity_uid", "table_group_uid", "proposal_uid", "contribution_uid", "commitment_uid",
  "milestone_uid", "consultation_comment_uid", "milestone_progress_uid",
  "sync_origin", "sync_base", "sync_replica", "sync_seen",
  "contribution_source", "commitment_completion", "plan_revision", "plan_revision_comment",
};

/*
 * cocrea_schema_migrate:
 * Runs the steps that take @db from @from_version to @to_version, and sets
 * PRAGMA application_id and user_version, all inside one transaction: on
 * failure the file is exactly as it was. The caller must not be inside a
 * transaction. @from_version 0 means an empty database.
 */
gboolean
cocrea_schema_migrate (sqlite3 *db, int from_version, int to_version, GError **error)
{
  g_autofree char *pragmas = NULL;

  g_return_val_if_fail (from_version >= 0 && from_version <= to_version, FALSE);
  g_return_val_if_fail (to_version <= COCREA_SCHEMA_VERSION, FALSE);

  if (!cocrea_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int v = from_version; v < to_version; v++)
    {
      if (!cocrea_db_exec (db, steps[v], error))
        {
          g_prefix_error (error, _("Could not upgrade the file to version %d: "), v + 1);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             COCREA_APPLICATION_FILE_ID, to_version);
  if (!cocrea_db_exec (db, pragmas, error) || !cocrea_db_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_known_object (const char *name)
{
  /* SQLite's own objects: automatic indexes, statistics tables. */
  if (g_str_has_prefix (name, "sqlite_"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (known_objects); i++)
    if (g_str_equal (known_objects[i], name))
      return TRUE;

  return FALSE;
}

/* The CREATE statements of a file at each version, by object name; built
 * on first use. Documents open in worker threads too (exports). */
static GHashTable *references[COCREA_SCHEMA_VERSION + 1];
G_LOCK_DEFINE_STATIC (references);

/*
 * reference_schema:
 * Returns the CREATE statement of every table and index that a file of
 * @version made by Cocrea holds, by name: the steps are run on an empty
 * database in memory, so the text is exactly what they leave in a file,
 * migrations included. The full-text indexes' own tables are left out:
 * SQLite writes them, and another SQLite version may word them otherwise.
 */
static GHashTable *
reference_schema (int version, GError **error)
{
  GHashTable *reference = NULL;

  G_LOCK (references);
  if (references[version] == NULL)
    {
      sqlite3 *db = NULL;
      g_autoptr (sqlite3_stmt) stmt = NULL;
      g_autoptr (GHashTable) built = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, g_free);

      cocrea_db_configure_library ();
      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           NULL) != SQLITE_OK)
        g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_IO, sqlite3_errmsg (db));
      else if (cocrea_suggest_register_tokenizer (db, error) &&
               cocrea_schema_migrate (db, 0, version, error) &&
               (stmt = cocrea_db_prepare (db,
                  "SELECT name, sql FROM sqlite_schema"
                  " WHERE sql IS NOT NULL AND name NOT IN"
                  "  (SELECT name FROM pragma_table_list WHERE type = 'shadow')",
                  error)) != NULL)
        {
          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_hash_table_insert (built, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                                 g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
          references[version] = g_steal_pointer (&built);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
    }
  reference = references[version];
  G_UNLOCK (references);
  return reference;
}

/* Fails with COCREA_ERROR_UNSAFE, naming object @name of type @type. */
static gboolean
refuse_object (GError **error, const char *name, const char *type)
{
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE,
               _("The file contains “%s” (%s), which Cocrea did not create, "
                 "so it was not opened"),
               name ? name : "?", type ? type : "?");
  return FALSE;
}

/*
 * cocrea_schema_check_objects:
 * Fails with COCREA_ERROR_UNSAFE when the file holds a trigger, a view or
 * any table or index Cocrea does not create, when one of its tables or
 * indexes is defined otherwise than Cocrea defines it at the file's
 * version, or when one is missing. Such objects run code or change
 * meaning behind the program's back (a CHECK rewritten to call a
 * function, a NOT NULL taken away), so a file that carries them is
 * refused rather than trusted. The comparison matters most on read-only
 * connections, where SQLite does not evaluate CHECK constraints at all.
 */
gboolean
cocrea_schema_check_objects (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *reference;
  GHashTableIter iter;
  gpointer name;
  gint64 version = 0;
  int rc;

  if (!cocrea_db_query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version < 1 || version > COCREA_SCHEMA_VERSION)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE,
                   _("The file has no schema version Cocrea knows (%lld), so it was not opened"),
                   (long long) version);
      return FALSE;
    }
  reference = reference_schema ((int) version, error);
  if (reference == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (db,
                            "SELECT type, name, sql,"
                            "  name IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')"
                            " FROM sqlite_schema",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *object = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);
      gboolean shadow = sqlite3_column_int (stmt, 3);
      const char *expected;

      if (type == NULL || object == NULL ||
          g_str_equal (type, "trigger") || g_str_equal (type, "view") ||
          !is_known_object (object))
        return refuse_object (error, object, type);

      /* SQLite's own objects, and the tables of the full-text indexes. */
      if (sql == NULL || shadow || g_str_has_prefix (object, "sqlite_"))
        continue;

      expected = g_hash_table_lookup (reference, object);
      if (expected == NULL)
        return refuse_object (error, object, type);
      if (!g_str_equal (expected, sql))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE,
                       _("Another program changed how the file defines “%s”, "
                         "so it was not opened"),
                       object);
          return FALSE;
        }
      g_hash_table_add (seen, (gpointer) g_intern_string (object));
    }

  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, reference);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (seen, g_intern_string (name)))
      {
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_UNSAFE,
                     _("The file lacks “%s”, which every process file has, "
                       "so it was not opened"),
                     (const char *) name);
        return FALSE;
      }

  return TRUE;
}
