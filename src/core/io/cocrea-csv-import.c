/* cocrea-csv-import.c
 *
 * Facilitators type contributions into whatever spreadsheet they have, with
 * headers in Spanish or English, accented or not. The importer matches
 * columns by their folded names, creates the activities and groups the
 * rows name, and stores the whole file as one edit: a bad row anywhere
 * imports nothing, and the message says which line to fix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-csv-import.h"
#include "cocrea-csv-reader.h"
#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-search-index.h"
#include "cocrea-sheet-code.h"
#include "cocrea-text.h"
#include "cocrea-types.h"
#include "cocrea-undo-private.h"

typedef enum {
  COLUMN_ID,
  COLUMN_ACTIVITY,
  COLUMN_GROUP,
  COLUMN_ORIGIN,
  COLUMN_TEXT,
  COLUMN_AREA,
  COLUMN_AXES,
  COLUMN_PROPOSAL,
  COLUMN_SHEET,
  N_COLUMNS
} Column;

/* Header names, already folded (cocrea_text_fold), that name each column.
 * "propuesta" alone is the contribution's text, as workshop sheets call
 * it; the consolidated proposal is "proposal" in our own export. */
static const char *const column_aliases[N_COLUMNS][6] = {
  [COLUMN_ID] = { "id", NULL },
  [COLUMN_ACTIVITY] = { "activity", "actividad", NULL },
  [COLUMN_GROUP] = { "group", "mesa", "grupo", "table", NULL },
  [COLUMN_ORIGIN] = { "origin", "origen", NULL },
  [COLUMN_TEXT] = { "text", "propuesta", "texto", "contribution", "contribucion", NULL },
  [COLUMN_AREA] = { "area", "tema", "topic", NULL },
  [COLUMN_AXES] = { "axes", "ejes", "eje", "axis", NULL },
  [COLUMN_PROPOSAL] = { "proposal", "propuesta consolidada", "consolidated proposal", NULL },
  [COLUMN_SHEET] = { "sheet", "hoja", "sheet code", "codigo de hoja", NULL },
};

/* What each column holds, for a message naming two that collide. */
static const char *const column_labels[N_COLUMNS] = {
  [COLUMN_ID] = N_("the id"),
  [COLUMN_ACTIVITY] = N_("the activity"),
  [COLUMN_GROUP] = N_("the group"),
  [COLUMN_ORIGIN] = N_("the origin"),
  [COLUMN_TEXT] = N_("the text of the contribution"),
  [COLUMN_AREA] = N_("the area"),
  [COLUMN_AXES] = N_("the axes"),
  [COLUMN_PROPOSAL] = N_("the consolidated proposal"),
  [COLUMN_SHEET] = N_("the sheet code"),
};

/* The state of one import: statements prepared once, and caches so that a
 * 100,000-row file does not look up the same activity 100,000 times. */
/* Where a sheet code sends its rows, resolved once per code. */
typedef struct {
  gint64 activity_id;
  gint64 group_id;
  char *activity;
  char *group; /* NULL: no group */
} SheetPlace;

static void
sheet_place_free (SheetPlace *place)
{
  g_free (place->activity);
  g_free (place->group);
  g_free (place);
}

typedef struct {
  CocreaDocument *document;
  sqlite3 *db;
  sqlite3_stmt *insert_activity;
  sqlite3_stmt *find_group;
  sqlite3_stmt *insert_group;
  sqlite3_stmt *insert_proposal;
  sqlite3_stmt *insert_contribution;
  /* Every activity and proposal of the process, so that a name missing
   * here is new (load_names()); the groups met so far. */
  GHashTable *activities; /* name → gint64 id */
  GHashTable *groups;     /* "activity id:name" → gint64 id */
  GHashTable *proposals;  /* title → gint64 id */
  GHashTable *sheets;     /* sheet code as written → SheetPlace */
  GHashTable *axes;       /* an axes cell as written → its axes + 1 */
  char *now;
  GString *key;           /* scratch for the groups' cache keys */
  CocreaUndo *undo;       /* every row the import adds, when asked for */
  int columns[N_COLUMNS]; /* index of each column in a record, or -1 */
  const CocreaCsvRecord *header;
  gboolean *unread_used;  /* per header column Cocrea does not read: held data */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->insert_activity, sqlite3_finalize);
  g_clear_pointer (&import->find_group, sqlite3_finalize);
  g_clear_pointer (&import->insert_group, sqlite3_finalize);
  g_clear_pointer (&import->insert_proposal, sqlite3_finalize);
  g_clear_pointer (&import->insert_contribution, sqlite3_finalize);
  g_clear_pointer (&import->activities, g_hash_table_unref);
  g_clear_pointer (&import->groups, g_hash_table_unref);
  g_clear_pointer (&import->proposals, g_hash_table_unref);
  g_clear_pointer (&import->sheets, g_hash_table_unref);
  g_clear_pointer (&import->axes, g_hash_table_unref);
  g_clear_pointer (&import->now, g_free);
  if (import->key != NULL)
    g_string_free (g_steal_pointer (&import->key), TRUE);
  g_clear_object (&import->undo);
  g_clear_pointer (&import->unread_used, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/*
 * load_names:
 * Fills @cache with the (name, id) rows of @sql. The rows come in the
 * reverse order of preference, so that the preferred row of a name is
 * the one kept. Neither activities nor proposals have an index on their
 * names: a statement per new name read the whole table, and the 10,000
 * new proposals of a national export read 50 million rows (3.6 s of a
 * 5.7 s import). One pass here instead, and a name not in the cache is
 * a new one.
 */
static gboolean
load_names (Import *import, GHashTable *cache, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (import->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (cache, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, import->db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Prepares every statement of @import, or fails with the SQLite error. */
static gboolean
import_prepare (Import *import, GError **error)
{
  sqlite3 *db = import->db;

  import->activities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->proposals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) sheet_place_free);
  import->axes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->now = cocrea_db_now ();
  import->key = g_string_sized_new (64);

  return
    /* The first activity of a name; NOT NULL columns, so never NULL. */
    load_names (import, import->activities, "SELECT name, id FROM activity ORDER BY id DESC",
                error) &&
    /* A title that was itself merged away still leads, through its chain,
     * to the right top proposal; an unmerged one is the better match. */
    load_names (import, import->proposals,
                "SELECT title, id FROM proposal ORDER BY merged_into_id IS NOT NULL DESC, id DESC",
                error) &&
    (import->insert_activity = cocrea_db_prepare (db,
       "INSERT INTO activity (kind, name, uid) VALUES ('workshop', ?, cocrea_uid ())", error)) != NULL &&
    (import->find_group = cocrea_db_prepare (db,
       "SELECT id FROM table_group WHERE activity_id = ? AND name = ?", error)) != NULL &&
    (import->insert_group = cocrea_db_prepare (db,
       "INSERT INTO table_group (activity_id, name, position, uid) VALUES (?1, ?2,"
       " (SELECT coalesce (max (position), 0) + 1 FROM table_group WHERE activity_id = ?1),"
       " cocrea_uid ())",
       error)) != NULL &&
    (import->insert_proposal = cocrea_db_prepare (db,
       "INSERT INTO proposal (title, origin, created_at, uid) VALUES (?, ?, ?, cocrea_uid ())", error)) != NULL &&
    (import->insert_contribution = cocrea_db_prepare (db,
       "INSERT INTO contribution (activity_id, group_id, origin, text, area, axes,"
       " proposal_id, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, cocrea_uid ())", error)) != NULL;
}

/* The id @cache holds for @key, or 0. Rows repeat the same few activity,
 * group and proposal names, so nearly every lookup ends here, before any
 * statement is bound. */
static gint64
cached_id (GHashTable *cache, const char *key)
{
  gint64 *cached = g_hash_table_lookup (cache, key);

  return cached != NULL ? *cached : 0;
}

/*
 * find_or_insert:
 * Runs @find (already bound) for an existing row, else @insert (already
 * bound); without @find (the cache has every row), only @insert. Sets *id
 * and caches it under @key. Both statements are reset before returning.
 * Fails with the SQLite error.
 */
static gboolean
find_or_insert (Import *import, GHashTable *cache, const char *key, CocreaUndoTable table,
                sqlite3_stmt *find, sqlite3_stmt *insert, gint64 *id, GError **error)
{
  int rc = SQLITE_DONE;

  if (find != NULL)
    {
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64 (find, 0);
      sqlite3_reset (find);
    }

  if (rc == SQLITE_DONE)
    {
      if (!cocrea_db_step_done (import->db, insert, error))
        {
          sqlite3_reset (insert);
          return FALSE;
        }
      *id = sqlite3_last_insert_rowid (import->db);
      if (import->undo != NULL)
        cocrea_undo_capture_absent (import->undo, table, *id);
    }
  else if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, import->db, rc, NULL);
      sqlite3_reset (insert);
      return FALSE;
    }
  sqlite3_reset (insert);

  g_hash_table_insert (cache, g_strdup (key), g_memdup2 (id, sizeof *id));
  return TRUE;
}

/* Finds the activity called @name, or creates it as a workshop. */
static gboolean
activity_id (Import *import, const char *name, gint64 *id, GError **error)
{
  if ((*id = cached_id (import->activities, name)) > 0)
    return TRUE;

  cocrea_db_bind_text (import->insert_activity, 1, name);
  return find_or_insert (import, import->activities, name, COCREA_UNDO_ACTIVITY, NULL,
                         import->insert_activity, id, error);
}

/* Sets @key to "ACTIVITY:NAME", the groups' cache key. By hand: printf
 * was 2 % of an import, which makes one per row. */
static void
group_key (GString *key, gint64 activity, const char *name)
{
  char digits[24];
  int n = 0;
  guint64 value = (guint64) activity;

  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  g_string_truncate (key, 0);
  while (n > 0)
    g_string_append_c (key, digits[--n]);
  g_string_append_c (key, ':');
  g_string_append (key, name);
}

/* Finds the group called @name in activity @activity, or creates it last. */
static gboolean
group_id (Import *import, gint64 activity, const char *name, gint64 *id, GError **error)
{
  group_key (import->key, activity, name);
  if ((*id = cached_id (import->groups, import->key->str)) > 0)
    return TRUE;

  sqlite3_bind_int64 (import->find_group, 1, activity);
  cocrea_db_bind_text (import->find_group, 2, name);
  sqlite3_bind_int64 (import->insert_group, 1, activity);
  cocrea_db_bind_text (import->insert_group, 2, name);
  return find_or_insert (import, import->groups, import->key->str, COCREA_UNDO_GROUP,
                         import->find_group,
                         import->insert_group, id, error);
}

/* Finds the proposal titled @title, or creates it with @origin. */
static gboolean
proposal_id (Import *import, const char *title, CocreaOrigin origin, gint64 *id,
             GError **error)
{
  if ((*id = cached_id (import->proposals, title)) > 0)
    return TRUE;

  cocrea_db_bind_text (import->insert_proposal, 1, title);
  cocrea_db_bind_text (import->insert_proposal, 2, cocrea_origin_to_key (origin));
  cocrea_db_bind_text (import->insert_proposal, 3, import->now);
  return find_or_insert (import, import->proposals, title, COCREA_UNDO_PROPOSAL, NULL,
                         import->insert_proposal, id, error);
}

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/*
 * unneutralise:
 * Undoes the export's protection against CSV injection: a cell written as
 * "'" + something a spreadsheet would run as a formula loses that one "'".
 * The export also protects cells that already start with quotes before
 * such a character, so exactly one is removed and every text round-trips.
 */
static const char *
unneutralise (const char *value)
{
  const char *p = value;

  if (*p != '\'')
    return value;
  while (*p == '\'')
    p++;
  return is_formula_start (*p) ? value + 1 : value;
}

/* The cell of @column in @record, "" when the column or cell is absent. */
static const char *
cell (const Import *import, const CocreaCsvRecord *record, Column column)
{
  int index = import->columns[column];

  if (index < 0 || (guint) index >= record->n_fields)
    return "";
  return unneutralise (record->fields[index]);
}

/* TRUE when every cell of @record is empty or spaces (";;;" from Excel). */
static gboolean
record_is_empty (const CocreaCsvRecord *record)
{
  /* A scan, not cocrea_text_normalize(): this runs for every row, and only
   * needs to know whether any cell holds something other than white space. */
  for (guint i = 0; i < record->n_fields; i++)
    for (const char *p = record->fields[i]; p != NULL && *p; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
  return TRUE;
}

/*
 * header_key:
 * The folded name of a header cell, without the invisible characters a
 * byte order mark or a copy from a web page leaves in it (U+FEFF inside
 * the quotes of the first cell, zero-width spaces): "\uFEFFactividad" is
 * the activity column, not an unknown one.
 */
static char *
header_key (const char *cell)
{
  g_autofree char *visible = cocrea_text_visible (cell);

  return cocrea_text_fold (visible);
}

/*
 * shown_cell:
 * @cell as a message shows it: between quotes, cut after 40 characters,
 * with invisible characters written out ("<U+FEFF>texto"), so that what
 * the message says is what the file holds.
 */
static char *
shown_cell (const char *cell)
{
  g_autofree char *clean = cocrea_text_normalize (cell);
  g_autoptr (GString) out = g_string_new ("“");
  guint n = 0;

  for (const char *p = clean; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (type == G_UNICODE_FORMAT || type == G_UNICODE_CONTROL)
        g_string_append_printf (out, "<U+%04X>", c);
      else
        g_string_append_unichar (out, c);
    }
  g_string_append (out, "”");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/*
 * match_columns:
 * Fills @import->columns from the @header record. Fails with
 * COCREA_ERROR_CSV when two columns name the same field ("texto" and
 * "propuesta": which one is the text?), naming both, and when there is no
 * text column, listing the columns found as they are written.
 */
static gboolean
match_columns (Import *import, const CocreaCsvRecord *header, const char *file_name,
               GError **error)
{
  g_autoptr (GString) found = g_string_new (NULL);

  import->header = header;
  import->unread_used = g_new0 (gboolean, header->n_fields);
  for (guint c = 0; c < N_COLUMNS; c++)
    import->columns[c] = -1;

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *folded = header_key (header->fields[i]);

      for (guint c = 0; c < N_COLUMNS; c++)
        for (guint a = 0; column_aliases[c][a] != NULL; a++)
          {
            int first = import->columns[c];

            if (!g_str_equal (folded, column_aliases[c][a]))
              continue;
            if (first >= 0)
              {
                g_autofree char *one = shown_cell (header->fields[first]);
                g_autofree char *two = shown_cell (header->fields[i]);

                /* TRANSLATORS: "Columns 2 (“texto”) and 5 (“propuesta”) of
                 * “mesa-3.csv” both name the text of the contribution" */
                g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                             _("Columns %u (%s) and %u (%s) of “%s” both name %s: keep one of "
                               "them, or rename the other, so that nothing is left out"),
                             first + 1, one, i + 1, two, file_name, _(column_labels[c]));
                return FALSE;
              }
            import->columns[c] = i;
          }
    }

  if (import->columns[COLUMN_TEXT] >= 0)
    return TRUE;

  /* Show what was found, shortened: the "header" of a file that is not a
   * spreadsheet at all can be a whole paragraph. */
  for (guint i = 0; i < header->n_fields && i < 12; i++)
    {
      g_autofree char *name = shown_cell (header->fields[i]);

      if (found->len > 0)
        g_string_append (found, ", ");
      g_string_append (found, name);
    }
  if (header->n_fields > 12)
    g_string_append (found, ", …");

  g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
               _("“%s” has no column for the text of the contributions (“text”, "
                 "“texto” or “propuesta”). Columns found: %s"),
               file_name, found->str);
  return FALSE;
}

/* TRUE when @index is a header column no field is read from. */
static gboolean
is_unread_column (const Import *import, guint index)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (import->columns[c] == (int) index)
      return FALSE;
  return TRUE;
}

/*
 * check_cells:
 * A row's cells beyond the header's columns would be dropped: fails with
 * COCREA_ERROR_CSV naming the first that holds something. Notes the
 * columns Cocrea does not read that hold something, for a warning.
 */
static gboolean
check_cells (Import *import, const CocreaCsvRecord *record, GError **error)
{
  guint n_columns = import->header->n_fields;

  for (guint i = 0; i < record->n_fields; i++)
    {
      const char *cell = record->fields[i];
      gboolean blank = TRUE;

      for (const char *p = cell; *p && blank; p = g_utf8_next_char (p))
        blank = g_unichar_isspace (g_utf8_get_char (p));
      if (blank)
        continue;

      if (i >= n_columns)
        {
          g_autofree char *shown = shown_cell (cell);
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                       _("cell %u (%s) is beyond the %u columns the header names, so it "
                         "would be lost: give that column a name in the first row, or move "
                         "the cell"),
                       i + 1, shown, n_columns);
          return FALSE;
        }
      if (!import->unread_used[i] && is_unread_column (import, i))
        import->unread_used[i] = TRUE;
    }
  return TRUE;
}

/* One warning per column that held data Cocrea does not read. */
static GStrv
unread_warnings (const Import *import, const char *file_name)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < import->header->n_fields; i++)
    if (import->unread_used[i])
      {
        g_autofree char *shown = shown_cell (import->header->fields[i]);
        g_autofree char *text = NULL;

        if (*import->header->fields[i] == '\0')
          text = g_strdup_printf (_("Column %u of “%s” has no name: its cells were not "
                                    "imported"),
                                  i + 1, file_name);
        else
          text = g_strdup_printf (_("Column %u (%s) of “%s” is not one Cocrea reads: its "
                                    "cells were not imported"),
                                  i + 1, shown, file_name);
        g_strv_builder_add (builder, text);
      }
  return g_strv_builder_end (builder);
}

/* The name of the activity for rows that name none: the file's name
 * without its extension ("mesa-3.csv" → "mesa-3"). */
static char *
default_activity_name (const char *csv_path)
{
  g_autofree char *base = g_filename_display_basename (csv_path);
  char *dot = strrchr (base, '.');
  char *name;

  if (dot != NULL && dot != base)
    *dot = '\0';

  name = cocrea_text_normalize (base);
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Imported contributions"));
    }
  return name;
}

/*
 * sheet_place:
 * The activity and group of proposal sheet @code (as typed in a "sheet"
 * or "hoja" cell), with their names. Fails as cocrea_sheet_code_resolve()
 * does (a typo, another process's sheet), and for the code of an
 * attendance or scoring sheet.
 */
static const SheetPlace *
sheet_place (Import *import, const char *code_text, GError **error)
{
  SheetPlace *place = g_hash_table_lookup (import->sheets, code_text);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  CocreaSheetCode code;
  int rc;

  if (place != NULL)
    return place;
  if (!cocrea_sheet_code_resolve (import->document, code_text, &code, error))
    return NULL;
  if (code.kind != COCREA_SHEET_CAPTURE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” is the code of an attendance or scoring sheet, not of a proposal sheet"),
                   code_text);
      return NULL;
    }
  stmt = cocrea_db_prepare (import->db,
                            "SELECT a.name, g.name FROM activity a"
                            " LEFT JOIN table_group g ON g.id = ?2 WHERE a.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, code.activity_id);
  sqlite3_bind_int64 (stmt, 2, code.group_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, import->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return NULL;
    }
  place = g_new0 (SheetPlace, 1);
  place->activity_id = code.activity_id;
  place->group_id = code.group_id;
  place->activity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    place->group = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_hash_table_insert (import->sheets, g_strdup (code_text), place);
  return place;
}

/* Whether a cell naming an activity or group agrees with @name (case
 * and accents aside); an empty cell agrees with anything. */
static gboolean
cell_agrees (const char *cell_text, const char *name)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (*cell_text == '\0')
    return TRUE;
  a = cocrea_text_fold (cell_text);
  b = cocrea_text_fold (name != NULL ? name : "");
  return g_str_equal (a, b);
}

/*
 * import_record:
 * Stores one data row. Fails with COCREA_ERROR_CSV or COCREA_ERROR_INVALID
 * for bad cells, or with the SQLite error; the caller adds the line.
 */
/* cocrea_axes_from_text() of @text, which folds each part of it: a tenth
 * of an import of 100,000 rows. The rows repeat a few cells, read once. */
static gboolean
axes_of (Import *import, const char *text, guint *axes, GError **error)
{
  guint known = GPOINTER_TO_UINT (g_hash_table_lookup (import->axes, text));

  if (known > 0)
    {
      *axes = known - 1;
      return TRUE;
    }
  if (!cocrea_axes_from_text (text, axes, error))
    return FALSE;
  g_hash_table_insert (import->axes, g_strdup (text), GUINT_TO_POINTER (*axes + 1));
  return TRUE;
}

/* A cell as it is stored (cocrea_text_normalize()): the cell itself when
 * it already is, so that a row's seven cells cost no allocation. */
typedef struct {
  const char *value;
  char *owned;
} StoredCell;

static void
stored_cell_clear (StoredCell *cell)
{
  g_clear_pointer (&cell->owned, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredCell, stored_cell_clear)

static StoredCell
stored_cell (const Import *import, const CocreaCsvRecord *record, Column column)
{
  const char *value = cell (import, record, column);
  StoredCell stored = { value, NULL };

  if (!cocrea_text_is_normalized (value))
    stored.value = stored.owned = cocrea_text_normalize (value);
  return stored;
}

static gboolean
import_record (Import *import, const CocreaCsvRecord *record, const char *fallback_activity,
               GError **error)
{
  g_auto (StoredCell) text_cell = stored_cell (import, record, COLUMN_TEXT);
  g_auto (StoredCell) activity_cell = stored_cell (import, record, COLUMN_ACTIVITY);
  g_auto (StoredCell) group_cell = stored_cell (import, record, COLUMN_GROUP);
  g_auto (StoredCell) origin_cell = stored_cell (import, record, COLUMN_ORIGIN);
  g_auto (StoredCell) area_cell = stored_cell (import, record, COLUMN_AREA);
  g_auto (StoredCell) proposal_cell = stored_cell (import, record, COLUMN_PROPOSAL);
  g_auto (StoredCell) sheet_cell = stored_cell (import, record, COLUMN_SHEET);
  const char *text = text_cell.value;
  const char *activity = activity_cell.value;
  const char *group = group_cell.value;
  const char *origin_text = origin_cell.value;
  const char *area = area_cell.value;
  const char *proposal = proposal_cell.value;
  const char *sheet = sheet_cell.value;
  CocreaOrigin origin = COCREA_ORIGIN_COMMUNITY;
  sqlite3_stmt *stmt = import->insert_contribution;
  gint64 activity_row, group_row = 0, proposal_row = 0;
  guint axes = 0;
  gboolean ok;

  if (*text == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_CSV,
                           _("the text of the contribution is empty"));
      return FALSE;
    }
  /* The limits of typing them in (cocrea-text.h), so that no import
   * stores what the window would refuse. */
  if (!cocrea_text_check_length (text, COCREA_TEXT_MAX_LONG, error) ||
      !cocrea_text_check_length (activity, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (group, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (area, COCREA_TEXT_MAX_NAME, error) ||
      !cocrea_text_check_length (proposal, COCREA_TEXT_MAX_NAME, error))
    return FALSE;

  if (*origin_text != '\0' && !cocrea_origin_from_text (origin_text, &origin))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("“%s” is not an origin (use “community” or “municipal”)"),
                   origin_text);
      return FALSE;
    }

  if (!axes_of (import, cell (import, record, COLUMN_AXES), &axes, error))
    return FALSE;

  if (*sheet != '\0')
    {
      /* A sheet typed back: its code says where the row goes. */
      const SheetPlace *place = sheet_place (import, sheet, error);

      if (place == NULL)
        return FALSE;
      if (!cell_agrees (activity, place->activity) || !cell_agrees (group, place->group))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                       _("the sheet code “%s” is for “%s”, %s, but the row names another "
                         "activity or group: leave them empty, or correct one of them"),
                       sheet, place->activity, place->group != NULL ? place->group : _("no group"));
          return FALSE;
        }
      activity_row = place->activity_id;
      group_row = place->group_id;
    }
  else
    {
      if (!activity_id (import, *activity != '\0' ? activity : fallback_activity,
                        &activity_row, error))
        return FALSE;
      if (*group != '\0' && !group_id (import, activity_row, group, &group_row, error))
        return FALSE;
    }
  if (*proposal != '\0' && !proposal_id (import, proposal, origin, &proposal_row, error))
    return FALSE;

  /* Static: the texts outlive the step, and the bindings are cleared
   * before they are freed. */
  sqlite3_bind_int64 (stmt, 1, activity_row);
  if (group_row > 0)
    sqlite3_bind_int64 (stmt, 2, group_row);
  else
    sqlite3_bind_null (stmt, 2);
  cocrea_db_bind_static_text (stmt, 3, cocrea_origin_to_key (origin), -1);
  cocrea_db_bind_static_text (stmt, 4, text, -1);
  cocrea_db_bind_static_text (stmt, 5, area, -1);
  sqlite3_bind_int (stmt, 6, (int) axes);
  if (proposal_row > 0)
    sqlite3_bind_int64 (stmt, 7, proposal_row);
  else
    sqlite3_bind_null (stmt, 7);
  cocrea_db_bind_static_text (stmt, 8, import->now, -1);

  ok = cocrea_db_step_done (import->db, stmt, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (ok && import->undo != NULL)
    cocrea_undo_capture_absent (import->undo, COCREA_UNDO_CONTRIBUTION,
                                sqlite3_last_insert_rowid (import->db));
  return ok;
}

/**
 * cocrea_csv_import_full:
 * @document: a process open for writing
 * @csv_path: the CSV file
 * @n_imported: (out) (optional): how many contributions were added
 * @undo: (out) (optional): what takes the whole import back
 * @warnings: (out) (optional): on success, one sentence per column whose
 *   cells were not imported because Cocrea does not read it (unnamed, or
 *   named otherwise); an empty list when there is none
 * @error: return location for a #CocreaError
 *
 * Adds every row of @csv_path as a contribution, creating the activities,
 * groups and consolidated proposals the rows name. Rows without an
 * activity go to one named after the file. Everything happens in one
 * edit, logged once as "import"; a sheet with no rows writes nothing. No
 * cell is dropped silently: two columns naming one field, or a cell beyond
 * the header's columns, fail the import; an unread column is a warning.
 *
 * Returns: %TRUE on success. On failure nothing was added, and @error says
 *   why: %COCREA_ERROR_IO when the file cannot be read, %COCREA_ERROR_CSV
 *   when it is not a usable CSV file or a row is wrong ("Line 7: …"),
 *   %COCREA_ERROR_READ_ONLY, or a database error.
 */
gboolean
cocrea_csv_import_full (CocreaDocument *document, const char *csv_path, guint *n_imported,
                        CocreaUndo **undo, GStrv *warnings, GError **error)
{
  /* First, so it ends last: the import's statements are finalised before
   * a rollback. */
  g_autoptr (CocreaEdit) edit = NULL;
  g_auto (Import) import = { 0 };
  CocreaIndexMark mark = { 0 };
  g_autoptr (CocreaCsvReader) reader = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *fallback_activity = NULL;
  g_autofree char *detail = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_auto (GStrv) found_warnings = NULL;
  const CocreaCsvRecord *header;
  const CocreaCsvRecord *record;
  guint count = 0;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (undo != NULL)
    *undo = NULL;
  if (warnings != NULL)
    *warnings = NULL;

  file_name = g_filename_display_basename (csv_path);
  fallback_activity = default_activity_name (csv_path);

  /* The reader parses in a thread of its own while the rows are stored. */
  reader = cocrea_csv_reader_open (csv_path);
  header = cocrea_csv_reader_next (reader, error);
  if (header == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                     _("“%s” is empty: a header row naming the columns is needed, "
                       "with at least a “text” column"),
                     file_name);
      return FALSE;
    }

  if (!match_columns (&import, header, file_name, error))
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  import.document = document;
  import.db = cocrea_document_get_db (document);
  if (undo != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Import “%s”"), file_name);
      import.undo = cocrea_undo_new ("import", label);
    }
  if (!cocrea_index_mark (import.db, &mark, error) || !import_prepare (&import, error))
    return FALSE;

  while ((record = cocrea_csv_reader_next (reader, &parse_error)) != NULL)
    {
      if (record_is_empty (record))
        continue;

      if (!check_cells (&import, record, error) ||
          !import_record (&import, record, fallback_activity, error))
        {
          g_prefix_error (error, _("Line %u: "), record->line);
          return FALSE;
        }
      count++;
    }
  if (parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return FALSE;
    }

  /* A sheet with a header and no rows adds nothing: nothing is written,
   * not even to the audit log (the edit rolls back as it ends). */
  found_warnings = unread_warnings (&import, file_name);
  if (count == 0)
    {
      if (warnings != NULL)
        *warnings = g_steal_pointer (&found_warnings);
      return TRUE;
    }

  /* One statement indexes every new row for suggestions, in the same edit. */
  if (!cocrea_index_add_since (import.db, &mark, error))
    return FALSE;

  detail = g_strdup_printf ("{\"contributions\": %u}", count);
  if (!cocrea_document_log (document, "import", file_name, detail, error))
    return FALSE;

  {
    g_autoptr (CocreaUndo) taken = g_steal_pointer (&import.undo);

    import_clear (&import);
    if (!cocrea_edit_commit (edit, error))
      return FALSE;
    if (undo != NULL)
      *undo = g_steal_pointer (&taken);
  }

  if (n_imported != NULL)
    *n_imported = count;
  if (warnings != NULL)
    *warnings = g_steal_pointer (&found_warnings);
  return TRUE;
}

/**
 * cocrea_csv_import:
 * As cocrea_csv_import_full(), without the warnings.
 */
gboolean
cocrea_csv_import (CocreaDocument *document, const char *csv_path, guint *n_imported,
                   CocreaUndo **undo, GError **error)
{
  return cocrea_csv_import_full (document, csv_path, n_imported, undo, NULL, error);
}
