/* cocrea-decidim-import.c
 *
 * Many municipalities run an online phase on Decidim beside the
 * workshops. Its proposals come back as contributions of an online
 * activity "Decidim: <space>", so that the tally counts them beside what
 * the tables said, and each keeps where it came from: its Decidim id in
 * its participatory space (so a later export adds only what is new, and
 * the answers file can name it), reference, page, author, category, the
 * supports and comments it gathered online, and its body.
 *
 * Two shapes of the same records are read (reference/decidim-formats.md):
 * the open-data CSV (";"-separated, nested keys joined with "/", formula
 * cells guarded with a leading "'") and the admin JSON export (an array
 * of nested objects), which is flattened into the CSV's keys. Columns are
 * matched by name, never by position: 0.27 releases before 0.27.7 have no
 * "author/…", before 0.27.6 no "answered_at". The locale is the
 * process's language; other locales' columns are ignored, and a file
 * with one locale only is read in that one.
 *
 * An import is one edit: a bad record anywhere imports nothing, and the
 * message names its line (CSV) or position (JSON).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cocrea-csv-reader.h"
#include "cocrea-db.h"
#include "cocrea-decidim-import.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-file.h"
#include "cocrea-search-index.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

/* Far more than any Decidim space holds; a larger file is not an export. */
#define MAX_JSON_SIZE (256 * 1024 * 1024)

/* One proposal, by the CSV's column names. Values are borrowed. */
typedef GHashTable Record;

/* The state of one import. */
typedef struct {
  sqlite3 *db;
  const char *file_name;
  char *locale;            /* whose title/body/category columns are read */
  char *now;
  CocreaUndo *undo;
  GHashTable *activities;  /* space URL → gint64 activity id */
  GPtrArray *activity_names;
  sqlite3_stmt *find_known;
  sqlite3_stmt *update_known;
  sqlite3_stmt *find_space_activity;
  sqlite3_stmt *find_activity;
  sqlite3_stmt *insert_activity;
  sqlite3_stmt *insert_contribution;
  sqlite3_stmt *insert_source;
  CocreaDecidimImport *result;
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->locale, g_free);
  g_clear_pointer (&import->now, g_free);
  g_clear_object (&import->undo);
  g_clear_pointer (&import->activities, g_hash_table_unref);
  g_clear_pointer (&import->activity_names, g_ptr_array_unref);
  g_clear_pointer (&import->find_known, sqlite3_finalize);
  g_clear_pointer (&import->update_known, sqlite3_finalize);
  g_clear_pointer (&import->find_space_activity, sqlite3_finalize);
  g_clear_pointer (&import->find_activity, sqlite3_finalize);
  g_clear_pointer (&import->insert_activity, sqlite3_finalize);
  g_clear_pointer (&import->insert_contribution, sqlite3_finalize);
  g_clear_pointer (&import->insert_source, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Frees what @result holds and zeroes it. */
void
cocrea_decidim_import_clear (CocreaDecidimImport *result)
{
  g_clear_pointer (&result->activities, g_strfreev);
  memset (result, 0, sizeof *result);
}

static gboolean
import_prepare (Import *import, GError **error)
{
  sqlite3 *db = import->db;

  import->activities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->activity_names = g_ptr_array_new_with_free_func (g_free);
  import->now = cocrea_db_now ();

  return
    (import->find_known = cocrea_db_prepare (db,
       "SELECT id, supports, comments, state FROM contribution_source"
       " WHERE platform = 'decidim' AND space_url = ? AND external_id = ?", error)) != NULL &&
    (import->update_known = cocrea_db_prepare (db,
       "UPDATE contribution_source SET supports = ?, comments = ?, state = ? WHERE id = ?",
       error)) != NULL &&
    /* The activity its earlier proposals went to, even if renamed since. */
    (import->find_space_activity = cocrea_db_prepare (db,
       "SELECT c.activity_id FROM contribution_source s"
       " JOIN contribution c ON c.id = s.contribution_id"
       " WHERE s.platform = 'decidim' AND s.space_url = ? LIMIT 1", error)) != NULL &&
    (import->find_activity = cocrea_db_prepare (db,
       "SELECT id FROM activity WHERE kind = 'online' AND name = ? ORDER BY id LIMIT 1",
       error)) != NULL &&
    (import->insert_activity = cocrea_db_prepare (db,
       "INSERT INTO activity (kind, name, notes, uid) VALUES ('online', ?, ?, cocrea_uid ())", error)) != NULL &&
    (import->insert_contribution = cocrea_db_prepare (db,
       "INSERT INTO contribution (activity_id, origin, text, area, created_at, uid)"
       " VALUES (?, 'community', ?, ?, ?, cocrea_uid ())", error)) != NULL &&
    (import->insert_source = cocrea_db_prepare (db,
       "INSERT INTO contribution_source (contribution_id, platform, space_url, external_id,"
       " reference, url, body, author, category, supports, comments, state, amends,"
       " published_at) VALUES (?, 'decidim', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
       error)) != NULL;
}

/* ------------------------------------------------------------------ */
/* Reading records                                                     */
/* ------------------------------------------------------------------ */

/* Decidim's export guards cells that a spreadsheet would take for a
 * formula with a leading "'": take it off, so "'=2+2" is "=2+2" again
 * (Cocrea's own exports put it back on the way out). */
static const char *
unguard (const char *value)
{
  if (value != NULL && value[0] == '\'' &&
      (value[1] == '=' || value[1] == '+' || value[1] == '-' || value[1] == '@'))
    return value + 1;
  return value;
}

/* The cell @key of @record, unguarded and normalised; "" when absent. */
static char *
field (Record *record, const char *key)
{
  return cocrea_text_normalize (unguard (g_hash_table_lookup (record, key)));
}

/* Bodies written before Decidim 0.27.3 are HTML: keep their text. */
static char *
body_text (const char *body)
{
  GString *out;
  gboolean in_tag = FALSE;

  if (body[0] != '<')
    return g_strdup (body);

  out = g_string_sized_new (strlen (body));
  for (const char *p = body; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          /* A paragraph or a line break ends a line of the text. */
          if (g_ascii_strncasecmp (p, "<br", 3) == 0 || g_ascii_strncasecmp (p, "</p", 3) == 0)
            g_string_append_c (out, '\n');
          in_tag = TRUE;
        }
      else if (*p == '>' && in_tag)
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (out, *p);
    }

  {
    static const char *const entities[][2] = {
      { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
      { "&nbsp;", " " }, { "&amp;", "&" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
      g_string_replace (out, entities[i][0], entities[i][1], 0);
  }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

/*
 * parse_count:
 * A count Decidim wrote ("12"); "" is 0 (a space may hide its supports).
 * Fails with COCREA_ERROR_CSV naming @column for anything else.
 */
static gboolean
parse_count (const char *text, const char *column, gint64 *value, GError **error)
{
  char *end = NULL;

  *value = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  *value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || *value < 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” in column “%s” is not a number"), text, column);
      return FALSE;
    }
  return TRUE;
}

/* The id at the end of a proposal's page, ".../proposals/123", or 0. */
static gint64
id_from_url (const char *url)
{
  const char *at = url != NULL ? g_strrstr (url, "/proposals/") : NULL;
  gint64 id;
  char *end = NULL;

  if (at == NULL)
    return 0;
  id = g_ascii_strtoll (at + strlen ("/proposals/"), &end, 10);
  return end != NULL && (*end == '\0' || *end == '/' || *end == '?' || *end == '#') && id > 0
           ? id : 0;
}

/* The locales that "title/<locale>" columns of @keys give, in order. */
static GPtrArray *
title_locales (GPtrArray *keys)
{
  GPtrArray *locales = g_ptr_array_new ();

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      /* "title/machine_translations/en" is no locale of the author's. */
      if (g_str_has_prefix (key, "title/") && key[6] != '\0' && strchr (key + 6, '/') == NULL)
        g_ptr_array_add (locales, (char *) key + 6);
    }
  return locales;
}

static gboolean
has_key (GPtrArray *keys, const char *name)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (keys->pdata[i], name))
      return TRUE;
  return FALSE;
}

/*
 * choose_locale:
 * Checks that @keys (the columns, or the first JSON record's keys) are a
 * Decidim proposals export, and picks the locale to read: the process's
 * @language if the file has it, else the file's only one. Fails with
 * COCREA_ERROR_CSV naming what is missing.
 */
static gboolean
choose_locale (Import *import, GPtrArray *keys, const char *language, GError **error)
{
  g_autoptr (GPtrArray) locales = title_locales (keys);

  if (!has_key (keys, "id"))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” has no “id” column, so it is not a Decidim proposals export"),
                   import->file_name);
      return FALSE;
    }
  if (locales->len == 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” has no “title/…” column (such as “title/%s”), so it is not a "
                     "Decidim proposals export"),
                   import->file_name, language);
      return FALSE;
    }

  for (guint i = 0; i < locales->len; i++)
    if (g_str_equal (locales->pdata[i], language))
      {
        import->locale = g_strdup (language);
        return TRUE;
      }
  if (locales->len == 1)
    {
      import->locale = g_strdup (locales->pdata[0]);
      return TRUE;
    }

  g_ptr_array_add (locales, NULL);
  {
    g_autofree char *list = g_strjoinv ("”, “", (char **) locales->pdata);
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                 _("“%s” has titles in “%s” but not in the process's language (“%s”): "
                   "which one to read is not clear"),
                 import->file_name, list, language);
  }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Storing records                                                     */
/* ------------------------------------------------------------------ */

/* What the activity of a space is called: "Decidim: <slug of its page>". */
static char *
activity_name (const char *space_url, const char *space_id, const char *file_name)
{
  if (*space_url != '\0')
    {
      g_autofree char *trimmed = g_strdup (space_url);
      char *slash;

      /* The page of the space, without a query or a trailing slash. */
      g_strdelimit (trimmed, "?#", '\0');
      while ((slash = strrchr (trimmed, '/')) != NULL && slash[1] == '\0' && slash != trimmed)
        *slash = '\0';
      slash = strrchr (trimmed, '/');
      return g_strdup_printf ("Decidim: %s", slash != NULL && slash[1] != '\0' ? slash + 1 : trimmed);
    }
  if (*space_id != '\0')
    /* TRANSLATORS: the activity of proposals from a Decidim space known only by its number */
    return g_strdup_printf (_("Decidim: space %s"), space_id);
  return g_strdup_printf ("Decidim: %s", file_name);
}

/* Finds or creates the online activity of the space @space_url. */
static gboolean
space_activity (Import *import, const char *space_url, const char *name, gint64 *id,
                GError **error)
{
  gint64 *cached = g_hash_table_lookup (import->activities, space_url);
  int rc;

  if (cached != NULL)
    {
      *id = *cached;
      return TRUE;
    }

  *id = 0;
  cocrea_db_bind_text (import->find_space_activity, 1, space_url);
  rc = sqlite3_step (import->find_space_activity);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (import->find_space_activity, 0);
  sqlite3_reset (import->find_space_activity);

  if (*id == 0 && rc == SQLITE_DONE)
    {
      cocrea_db_bind_text (import->find_activity, 1, name);
      rc = sqlite3_step (import->find_activity);
      if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64 (import->find_activity, 0);
      sqlite3_reset (import->find_activity);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, import->db, rc, NULL);
      return FALSE;
    }

  if (*id == 0)
    {
      cocrea_db_bind_text (import->insert_activity, 1, name);
      cocrea_db_bind_text (import->insert_activity, 2, space_url);
      if (!cocrea_db_step_done (import->db, import->insert_activity, error))
        {
          sqlite3_reset (import->insert_activity);
          return FALSE;
        }
      sqlite3_reset (import->insert_activity);
      *id = sqlite3_last_insert_rowid (import->db);
      if (import->undo != NULL)
        cocrea_undo_capture_absent (import->undo, COCREA_UNDO_ACTIVITY, *id);
    }

  g_hash_table_insert (import->activities, g_strdup (space_url), g_memdup2 (id, sizeof *id));
  if (!g_ptr_array_find_with_equal_func (import->activity_names, name, g_str_equal, NULL))
    g_ptr_array_add (import->activity_names, g_strdup (name));
  return TRUE;
}

/*
 * update_known:
 * The proposal @external_id of @space_url came with an earlier import:
 * refreshes what changes online (supports, comments, state) and counts
 * it. Sets *known to FALSE when it is new. Fails with the SQLite error.
 */
static gboolean
update_known (Import *import, const char *space_url, gint64 external_id, gint64 supports,
              gint64 comments, const char *state, gboolean *known, GError **error)
{
  sqlite3_stmt *find = import->find_known;
  gint64 id = 0;
  gboolean changed = FALSE;
  int rc;

  cocrea_db_bind_text (find, 1, space_url);
  sqlite3_bind_int64 (find, 2, external_id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (find, 0);
      changed = sqlite3_column_int64 (find, 1) != supports ||
                sqlite3_column_int64 (find, 2) != comments ||
                g_strcmp0 ((const char *) sqlite3_column_text (find, 3), state) != 0;
    }
  sqlite3_reset (find);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, import->db, rc, NULL);
      return FALSE;
    }

  *known = id > 0;
  if (!*known)
    return TRUE;

  import->result->known++;
  if (!changed)
    return TRUE;

  if (import->undo != NULL &&
      !cocrea_undo_capture (import->undo, import->db, COCREA_UNDO_CONTRIBUTION_SOURCE, id, error))
    return FALSE;
  sqlite3_bind_int64 (import->update_known, 1, supports);
  sqlite3_bind_int64 (import->update_known, 2, comments);
  cocrea_db_bind_text (import->update_known, 3, state);
  sqlite3_bind_int64 (import->update_known, 4, id);
  if (!cocrea_db_step_done (import->db, import->update_known, error))
    {
      sqlite3_reset (import->update_known);
      return FALSE;
    }
  sqlite3_reset (import->update_known);
  import->result->updated++;
  return TRUE;
}

/* Runs @stmt, already bound, to its end and resets it. */
static gboolean
step_reset (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  gboolean ok = cocrea_db_step_done (db, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/*
 * import_record:
 * Adds one proposal as a contribution, or counts it as withdrawn or known.
 * Fails with COCREA_ERROR_CSV for a bad cell, or the SQLite error; the
 * caller adds where the record is.
 */
static gboolean
import_record (Import *import, Record *record, GError **error)
{
  g_autofree char *title_key = g_strconcat ("title/", import->locale, NULL);
  g_autofree char *body_key = g_strconcat ("body/", import->locale, NULL);
  g_autofree char *category_key = g_strconcat ("category/name/", import->locale, NULL);
  g_autofree char *id_text = field (record, "id");
  g_autofree char *title = field (record, title_key);
  g_autofree char *raw_body = field (record, body_key);
  g_autofree char *body = body_text (raw_body);
  g_autofree char *state = field (record, "state");
  g_autofree char *withdrawn_at = field (record, "withdrawn_at");
  g_autofree char *space_url = field (record, "participatory_space/url");
  g_autofree char *space_id = field (record, "participatory_space/id");
  g_autofree char *reference = field (record, "reference");
  g_autofree char *url = field (record, "url");
  g_autofree char *author = field (record, "author/name");
  g_autofree char *category = field (record, category_key);
  g_autofree char *is_amend = field (record, "is_amend");
  g_autofree char *original = field (record, "original_proposal/url");
  g_autofree char *published = field (record, "published_at");
  g_autofree char *supports_text = field (record, "supports");
  g_autofree char *comments_text = field (record, "comments");
  g_autofree char *space = NULL;
  g_autofree char *name = NULL;
  gint64 external_id, supports, comments, amends = 0, activity, contribution;
  gboolean known = FALSE;
  sqlite3_stmt *stmt;
  char *end = NULL;

  external_id = g_ascii_strtoll (id_text, &end, 10);
  if (*id_text == '\0' || end == id_text || *end != '\0' || external_id <= 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” is not a Decidim proposal id"), id_text);
      return FALSE;
    }

  /* Withdrawn by their authors: no longer anybody's proposal. */
  if (g_str_equal (state, "withdrawn") || *withdrawn_at != '\0')
    {
      import->result->withdrawn++;
      return TRUE;
    }

  if (*title == '\0')
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("proposal %s has no title in column “%s”"), id_text, title_key);
      return FALSE;
    }
  if (*category == '\0')
    {
      g_free (category);
      category = field (record, "category/name");
    }
  if (!parse_count (supports_text, "supports", &supports, error) ||
      !parse_count (comments_text, "comments", &comments, error) ||
      !cocrea_text_check_length (title, COCREA_TEXT_MAX_LONG, error) ||
      !cocrea_text_check_length (category, COCREA_TEXT_MAX_NAME, error))
    return FALSE;

  space = *space_url != '\0' ? g_strdup (space_url)
          : *space_id != '\0' ? g_strdup_printf ("decidim:space/%s", space_id)
          : g_strdup_printf ("decidim:file/%s", import->file_name);

  if (!update_known (import, space, external_id, supports, comments, state, &known, error))
    return FALSE;
  if (known)
    return TRUE;

  name = activity_name (space_url, space_id, import->file_name);
  if (!space_activity (import, space, name, &activity, error))
    return FALSE;

  stmt = import->insert_contribution;
  sqlite3_bind_int64 (stmt, 1, activity);
  cocrea_db_bind_text (stmt, 2, title);
  cocrea_db_bind_text (stmt, 3, category);
  cocrea_db_bind_text (stmt, 4, import->now);
  if (!step_reset (import->db, stmt, error))
    return FALSE;
  contribution = sqlite3_last_insert_rowid (import->db);

  if (g_str_equal (is_amend, "true"))
    {
      amends = id_from_url (original);
      import->result->amendments++;
    }

  stmt = import->insert_source;
  sqlite3_bind_int64 (stmt, 1, contribution);
  cocrea_db_bind_text (stmt, 2, space);
  sqlite3_bind_int64 (stmt, 3, external_id);
  cocrea_db_bind_text (stmt, 4, reference);
  cocrea_db_bind_text (stmt, 5, url);
  cocrea_db_bind_text (stmt, 6, body);
  cocrea_db_bind_text (stmt, 7, author);
  cocrea_db_bind_text (stmt, 8, category);
  sqlite3_bind_int64 (stmt, 9, supports);
  sqlite3_bind_int64 (stmt, 10, comments);
  cocrea_db_bind_text (stmt, 11, state);
  if (amends > 0)
    sqlite3_bind_int64 (stmt, 12, amends);
  else
    sqlite3_bind_null (stmt, 12);
  cocrea_db_bind_text (stmt, 13, published);
  if (!step_reset (import->db, stmt, error))
    return FALSE;

  if (import->undo != NULL)
    {
      cocrea_undo_capture_absent (import->undo, COCREA_UNDO_CONTRIBUTION, contribution);
      cocrea_undo_capture_absent (import->undo, COCREA_UNDO_CONTRIBUTION_SOURCE,
                                  sqlite3_last_insert_rowid (import->db));
    }
  import->result->added++;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The two file shapes                                                 */
/* ------------------------------------------------------------------ */

/* Reads the CSV export record by record into import_record(). */
static gboolean
import_csv (Import *import, const char *path, const char *language, GError **error)
{
  g_autoptr (CocreaCsvReader) reader = cocrea_csv_reader_open (path);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) parse_error = NULL;
  const CocreaCsvRecord *header;
  const CocreaCsvRecord *row;

  header = cocrea_csv_reader_next (reader, error);
  if (header == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                     _("“%s” is empty: a Decidim export starts with a header row"),
                     import->file_name);
      return FALSE;
    }

  for (guint i = 0; i < header->n_fields; i++)
    {
      /* A byte order mark inside the quotes of the first cell is no part
       * of its name: "\uFEFFid" is the id column. */
      char *key = g_strstrip (cocrea_text_visible (header->fields[i]));

      /* Decidim refuses a file that names a column twice, and so do we:
       * which of the two is meant cannot be known. */
      if (*key != '\0' && has_key (keys, key))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                       _("“%s”: the column “%s” appears twice in the header"),
                       import->file_name, key);
          g_free (key);
          return FALSE;
        }
      g_ptr_array_add (keys, key);
    }
  if (!choose_locale (import, keys, language, error))
    return FALSE;

  while ((row = cocrea_csv_reader_next (reader, &parse_error)) != NULL)
    {
      g_autoptr (GHashTable) record = NULL;
      gboolean empty = TRUE;

      for (guint i = 0; i < row->n_fields; i++)
        empty = empty && *row->fields[i] == '\0';
      if (empty)
        continue;
      if (row->n_fields > keys->len)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                       _("Line %u: %u cells where the header names %u columns"),
                       row->line, row->n_fields, keys->len);
          return FALSE;
        }

      record = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < row->n_fields; i++)
        g_hash_table_insert (record, keys->pdata[i], row->fields[i]);
      if (!import_record (import, record, error))
        {
          g_prefix_error (error, _("Line %u: "), row->line);
          return FALSE;
        }
    }
  if (parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return FALSE;
    }
  return TRUE;
}

/* Adds the members of @node to @record under "@prefix/member", as
 * Decidim's CSV names them; arrays of values join with ", ". */
static void
flatten (JsonNode *node, const char *prefix, GHashTable *record)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *child;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &member, &child))
          {
            g_autofree char *key = prefix != NULL ? g_strconcat (prefix, "/", member, NULL)
                                                  : g_strdup (member);
            flatten (child, key, record);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        g_autoptr (GString) joined = g_string_new (NULL);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            if (JSON_NODE_HOLDS_VALUE (element))
              {
                g_autoptr (GHashTable) one = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                    g_free, g_free);
                flatten (element, "v", one);
                g_string_append_printf (joined, "%s%s", joined->len > 0 ? ", " : "",
                                        (const char *) g_hash_table_lookup (one, "v"));
              }
          }
        if (prefix != NULL)
          g_hash_table_insert (record, g_strdup (prefix), g_string_free (g_steal_pointer (&joined), FALSE));
      }
      break;
    case JSON_NODE_VALUE:
      if (prefix != NULL)
        {
          char *text;
          GType type = json_node_get_value_type (node);

          if (type == G_TYPE_BOOLEAN)
            text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
          else if (type == G_TYPE_INT64)
            text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          else if (type == G_TYPE_DOUBLE)
            text = g_strdup_printf ("%g", json_node_get_double (node));
          else
            text = g_strdup (json_node_get_string (node));
          g_hash_table_insert (record, g_strdup (prefix), text != NULL ? text : g_strdup (""));
        }
      break;
    case JSON_NODE_NULL:
    default:
      if (prefix != NULL)
        g_hash_table_insert (record, g_strdup (prefix), g_strdup (""));
      break;
    }
}

/* Reads the admin JSON export: an array of nested proposal objects. */
static gboolean
import_json (Import *import, const char *path, const char *language, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  GStatBuf st;
  JsonNode *root;
  JsonArray *array;

  if (g_stat (path, &st) == 0 && st.st_size > MAX_JSON_SIZE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” is too large for a Decidim export"), import->file_name);
      return FALSE;
    }
  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, COCREA_ERROR,
                   local_error->domain == G_FILE_ERROR ? COCREA_ERROR_IO : COCREA_ERROR_CSV,
                   _("“%s” could not be read as JSON: %s"), import->file_name,
                   local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” is not a Decidim export: it should be a list of proposals"),
                   import->file_name);
      return FALSE;
    }
  array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (GHashTable) record = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                             g_free, g_free);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                       _("“%s”: proposal %u is not an object"), import->file_name, i + 1);
          return FALSE;
        }
      flatten (element, NULL, record);

      /* Decidim takes the columns from the first record; so do we. */
      if (i == 0)
        {
          g_autoptr (GPtrArray) keys = g_ptr_array_new ();
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, record);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_ptr_array_add (keys, key);
          if (!choose_locale (import, keys, language, error))
            return FALSE;
        }
      if (!import_record (import, record, error))
        {
          g_prefix_error (error, _("Proposal %u of the file: "), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* TRUE when @path is the JSON export: its name says so, or its first
 * non-blank byte opens a list. */
static gboolean
is_json (const char *path)
{
  guint8 buffer[256];
  gssize n;

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    return TRUE;
  n = cocrea_file_read_head (path, buffer, sizeof buffer - 1, NULL);
  if (n <= 0)
    return FALSE;
  buffer[n] = '\0';
  return *g_strchug ((char *) buffer) == '[';
}

/**
 * cocrea_decidim_file_detect:
 * @path: a file the user chose to import
 *
 * Tells a Decidim proposals export (CSV or JSON) from a workshop sheet by
 * its first bytes: a header naming "id" and a "title/…" column, or a JSON
 * list of objects with a "title". Reads at most 64 KB.
 *
 * Returns: %TRUE when @path looks like a Decidim proposals export
 */
gboolean
cocrea_decidim_file_detect (const char *path)
{
  g_autofree char *buffer = g_malloc (64 * 1024 + 1);
  g_auto (GStrv) cells = NULL;
  gboolean has_id = FALSE, has_title = FALSE;
  gssize n;
  char *start, *line_end;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Only a regular file: a pipe chosen in the Import dialog must not hang
   * the window. */
  n = cocrea_file_read_head (path, (guint8 *) buffer, 64 * 1024, NULL);
  if (n < 0)
    return FALSE;
  buffer[n] = '\0';
  start = buffer;
  if (g_str_has_prefix (start, "\xEF\xBB\xBF"))
    start += 3;

  if (*g_strchug (start) == '[')
    return strstr (start, "\"title\"") != NULL && strstr (start, "\"id\"") != NULL;

  line_end = strpbrk (start, "\r\n");
  if (line_end != NULL)
    *line_end = '\0';
  cells = g_strsplit_set (start, ";,\t", -1);
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *visible = g_utf8_validate (cells[i], -1, NULL)
                                   ? cocrea_text_visible (cells[i]) : g_strdup (cells[i]);
      const char *cell = g_strstrip (g_strdelimit (visible, "\"", ' '));
      has_id = has_id || g_str_equal (cell, "id");
      has_title = has_title || g_str_has_prefix (cell, "title/");
    }
  return has_id && has_title;
}

/**
 * cocrea_decidim_import:
 * @document: a process open for writing
 * @path: Decidim's proposals export: the open-data CSV or the admin JSON
 * @result: (out caller-allocates): what the import did
 * @undo: (out) (optional): what takes the whole import back, or %NULL
 *   when nothing changed
 * @error: return location for a #CocreaError
 *
 * Adds each proposal of the export that is neither withdrawn nor already
 * in the process as a contribution of the online activity of its space,
 * keeping its provenance; proposals an earlier import brought get their
 * supports, comments and state refreshed. One edit, logged as
 * "import-decidim"; an import that changes nothing is no edit at all.
 *
 * Returns: %TRUE on success. On failure nothing was added: %COCREA_ERROR_IO
 *   when the file cannot be read, %COCREA_ERROR_CSV when it is not a
 *   Decidim export (naming what is missing) or a record is wrong,
 *   %COCREA_ERROR_READ_ONLY, or a database error.
 */
gboolean
cocrea_decidim_import (CocreaDocument *document, const char *path,
                       CocreaDecidimImport *result, CocreaUndo **undo, GError **error)
{
  g_auto (Import) import = { 0 };
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaProcessInfo) process = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *detail = NULL;
  CocreaIndexMark mark = { 0 };
  gboolean ok;
  int fd;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (undo != NULL)
    *undo = NULL;

  /* A pipe, a device or a folder is refused before anything reads it. */
  fd = cocrea_file_open_regular (path, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  process = cocrea_document_get_process (document, error);
  if (process == NULL)
    return FALSE;
  file_name = g_filename_display_basename (path);
  import.file_name = file_name;
  import.result = result;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  import.db = cocrea_document_get_db (document);
  if (undo != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Import “%s” from Decidim"), file_name);
      import.undo = cocrea_undo_new ("import-decidim", label);
    }

  ok = cocrea_index_mark (import.db, &mark, error) && import_prepare (&import, error) &&
       (is_json (path) ? import_json (&import, path, process->language, error)
                       : import_csv (&import, path, process->language, error));
  if (ok && result->added == 0 && result->updated == 0)
    {
      /* Nothing new: no edit, no entry in the history, nothing to undo
       * (the guard rolls the empty edit back). */
      g_ptr_array_add (import.activity_names, NULL);
      result->activities = (char **) g_ptr_array_steal (import.activity_names, NULL);
      return TRUE;
    }

  detail = g_strdup_printf ("{\"added\": %u, \"amendments\": %u, \"known\": %u,"
                            " \"updated\": %u, \"withdrawn\": %u}",
                            result->added, result->amendments, result->known, result->updated,
                            result->withdrawn);
  ok = ok && cocrea_index_add_since (import.db, &mark, error) &&
       cocrea_document_log (document, "import-decidim", file_name, detail, error);
  if (!ok || !cocrea_edit_commit (edit, error))
    {
      cocrea_decidim_import_clear (result);
      return FALSE;
    }

  g_ptr_array_add (import.activity_names, NULL);
  result->activities = (char **) g_ptr_array_steal (import.activity_names, NULL);
  if (undo != NULL)
    *undo = g_steal_pointer (&import.undo);
  return TRUE;
}

/**
 * cocrea_decidim_import_describe:
 * @result: what an import did
 *
 * Says it in a sentence or two for people: "12 proposals imported from
 * Decidim into “Decidim: plan-2019”, 2 of them amendments. 1 withdrawn
 * proposal left out. 5 were already in the process (2 with new supports
 * or comments)."
 *
 * Returns: (transfer full): the text
 */
char *
cocrea_decidim_import_describe (const CocreaDecidimImport *result)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (result != NULL, NULL);

  if (result->added > 0)
    {
      g_autofree char *into = result->activities != NULL && result->activities[0] != NULL
                                ? g_strjoinv ("”, “", result->activities) : g_strdup ("");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u proposal imported from Decidim into “%s”.",
                                           "%u proposals imported from Decidim into “%s”.",
                                           result->added),
                              result->added, into);
      if (result->amendments > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE, "%u of them is an amendment.",
                                               "%u of them are amendments.", result->amendments),
                                  result->amendments);
        }
    }
  else
    g_string_append (text, _("No new proposals: nothing was added."));

  if (result->withdrawn > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u withdrawn proposal left out.",
                                           "%u withdrawn proposals left out.", result->withdrawn),
                              result->withdrawn);
    }
  if (result->known > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u was already in the process",
                                           "%u were already in the process", result->known),
                              result->known);
      if (result->updated > 0)
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE,
                                             " (%u with new supports or comments).",
                                             " (%u with new supports or comments).",
                                             result->updated),
                                result->updated);
      else
        g_string_append_c (text, '.');
    }
  return g_string_free (text, FALSE);
}
