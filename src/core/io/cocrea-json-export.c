/* cocrea-json-export.c — the whole process as JSON
 *
 * The JSON is the open-data twin of the file: every table, under English
 * snake_case keys, with bit sets spelt out as arrays of stable keys. Rows
 * are turned into objects generically, column name to key and SQLite type
 * to JSON type, so the export is described by the table of queries below
 * and a column added to the schema is one edit of a query away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-json-export.h"
#include "cocrea-output.h"
#include "cocrea-types.h"

/* A list nested in each row of its section: its SQL takes the parent row's
 * "id" (its first column) as the only parameter. */
typedef struct {
  const char *member;
  const char *sql;
} JsonChild;

#define MAX_CHILDREN 3

/* One top-level array of the export. */
typedef struct {
  const char *member;
  const char *sql;
  JsonChild children[MAX_CHILDREN];
} JsonSection;

/* The mentions of a proposal are its contributions and those of every
 * proposal merged into it, however deep; "mention_sources" counts the
 * distinct groups (or activities, for contributions outside a group) they
 * come from. UNION, not UNION ALL, so a damaged file with a merge cycle
 * still terminates. */
static const char proposals_sql[] =
  "WITH RECURSIVE family (root, id) AS ("
  "  SELECT id, id FROM proposal"
  "  UNION"
  "  SELECT family.root, proposal.id FROM proposal"
  "  JOIN family ON proposal.merged_into_id = family.id),"
  " tally (root, mentions, sources) AS ("
  "  SELECT family.root, count(*),"
  "   count(DISTINCT coalesce('g' || c.group_id, 'a' || c.activity_id))"
  "  FROM family JOIN contribution c ON c.proposal_id = family.id"
  "  GROUP BY family.root)"
  " SELECT p.id, p.title, p.description, p.area, p.axes, p.inclusion, p.origin,"
  "  p.merged_into_id AS merged_into,"
  "  coalesce(tally.mentions, 0) AS mentions,"
  "  coalesce(tally.sources, 0) AS mention_sources,"
  "  p.created_at"
  " FROM proposal p LEFT JOIN tally ON tally.root = p.id"
  " ORDER BY p.id";

static const JsonSection sections[] = {
  { "stages",
    "SELECT position, key, name, starts_on, ends_on, status FROM stage ORDER BY position" },
  { "activities",
    "SELECT id, kind, name, held_on, held_until, place, attendance, women, youth, migrants,"
    " indigenous, disability, notes FROM activity ORDER BY id",
    { { "groups",
        "SELECT id, name, size, position FROM table_group WHERE activity_id = ?"
        " ORDER BY position, id" } } },
  { "contributions",
    "SELECT id, activity_id, group_id, origin, text, area, axes, proposal_id, created_at"
    " FROM contribution ORDER BY id" },
  { "proposals", proposals_sql },
  { "criteria",
    "SELECT id, key, name, description, scale_min, scale_max, weight, position"
    " FROM criterion ORDER BY position, id" },
  { "evaluators", "SELECT id, name, department FROM evaluator ORDER BY id" },
  { "scores",
    "SELECT evaluator_id, proposal_id, criterion_id, value, note, updated_at FROM score"
    " ORDER BY proposal_id, evaluator_id, criterion_id" },
  { "decisions",
    "SELECT proposal_id, status, reason, decided_at FROM decision ORDER BY proposal_id" },
  { "commitments",
    "SELECT id, position, proposal_id, name, note, origin, origin_detail, starts_on, ends_on,"
    " lead_unit, problem, description, contribution, relevance, additional_info"
    " FROM commitment ORDER BY position, id",
    { { "milestones",
        "SELECT id, position, deliverable, starts_on, ends_on FROM milestone"
        " WHERE commitment_id = ? ORDER BY position, id" },
      { "contacts",
        "SELECT name, title, department, email, phone FROM contact"
        " WHERE commitment_id = ? ORDER BY id" },
      { "actors", "SELECT kind, name FROM actor WHERE commitment_id = ? ORDER BY id" } } },
  { "consultation_comments",
    "SELECT id, commitment_id, channel, author, received_on, text, response, response_reason"
    " FROM consultation_comment ORDER BY id" },
  { "milestone_progress",
    "SELECT id, milestone_id, recorded_on, status, evidence FROM milestone_progress"
    " ORDER BY milestone_id, recorded_on, id" },
};

/*
 * The JSON is written as the rows are read, into the output file in
 * pieces of a megabyte: the export of a national process built a tree
 * of a million JSON nodes first (390 MB, and 3 s of the 3.5 s of the
 * export in building, printing and freeing it). The layout is the one
 * json-glib's pretty printer gave (two spaces, "key" : value).
 */
typedef struct {
  CocreaOutput *output;
  GString *buffer;
  guint depth;
  gboolean first; /* no item yet in the innermost object or array */
  GError *error;  /* the first write that failed; later writes do nothing */
} JsonWriter;

#define FLUSH_AT (1024 * 1024)

static void
writer_flush (JsonWriter *w)
{
  if (w->error == NULL && w->buffer->len > 0)
    cocrea_output_write (w->output, w->buffer->str, w->buffer->len, &w->error);
  g_string_truncate (w->buffer, 0);
}

/* Starts an item of the innermost object or array on a line of its own. */
static void
writer_item (JsonWriter *w)
{
  g_string_append (w->buffer, w->first ? "\n" : ",\n");
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->buffer, "  ");
  w->first = FALSE;
}

static void
writer_open (JsonWriter *w, char bracket)
{
  g_string_append_c (w->buffer, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
writer_close (JsonWriter *w, char bracket)
{
  w->depth--;
  /* An empty one closes on its line: "[]". */
  if (!w->first)
    {
      g_string_append_c (w->buffer, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->buffer, "  ");
    }
  g_string_append_c (w->buffer, bracket);
  w->first = FALSE;
  if (w->buffer->len >= FLUSH_AT)
    writer_flush (w);
}

/* @text as a JSON string: quotes, backslashes and control characters
 * escaped, the rest as it is (UTF-8). */
static void
writer_string (JsonWriter *w, const char *text)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (w->buffer, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (w->buffer, "\\\""); break;
        case '\\': g_string_append (w->buffer, "\\\\"); break;
        case '\b': g_string_append (w->buffer, "\\b"); break;
        case '\f': g_string_append (w->buffer, "\\f"); break;
        case '\n': g_string_append (w->buffer, "\\n"); break;
        case '\r': g_string_append (w->buffer, "\\r"); break;
        case '\t': g_string_append (w->buffer, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            {
              g_string_append (w->buffer, "\\u00");
              g_string_append_c (w->buffer, hex[c >> 4]);
              g_string_append_c (w->buffer, hex[c & 0xf]);
            }
          else
            g_string_append_c (w->buffer, (char) c);
        }
    }
  g_string_append_c (w->buffer, '"');
}

/* A member name, before its value. */
static void
writer_member (JsonWriter *w, const char *name)
{
  writer_item (w);
  writer_string (w, name);
  g_string_append (w->buffer, " : ");
}

/* Adds @text as a string; text that is not UTF-8 (a hand-edited file) is
 * repaired rather than written as invalid JSON. */
static void
add_text (JsonWriter *w, const char *text)
{
  if (g_utf8_validate (text, -1, NULL))
    writer_string (w, text);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      writer_string (w, valid);
    }
}

/* Adds the bit set @bits as an array of keys, using @key_of for bit i. */
static void
add_bit_set (JsonWriter *w, gint64 bits, guint n_bits, const char *(*key_of) (guint))
{
  writer_open (w, '[');
  for (guint i = 0; i < n_bits; i++)
    if (bits & (1 << i))
      {
        writer_item (w);
        writer_string (w, key_of (i));
      }
  writer_close (w, ']');
}

/* Adds the columns of the current row of @stmt as members of the open
 * object: integers, reals, text and null keep their type; the "axes" and
 * "inclusion" bit sets become arrays of keys. */
static void
add_row_members (JsonWriter *w, sqlite3_stmt *stmt)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      writer_member (w, name);
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          if (g_str_equal (name, "axes"))
            add_bit_set (w, sqlite3_column_int64 (stmt, i), COCREA_N_AXES, cocrea_axis_key);
          else if (g_str_equal (name, "inclusion"))
            add_bit_set (w, sqlite3_column_int64 (stmt, i), COCREA_N_INCLUSION,
                         cocrea_inclusion_key);
          else
            g_string_append_printf (w->buffer, "%" G_GINT64_FORMAT,
                                    (gint64) sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          {
            double value = sqlite3_column_double (stmt, i);
            char number[G_ASCII_DTOSTR_BUF_SIZE];

            /* JSON has no NaN nor infinities. A real keeps its point
             * ("1.0"), so that readers see a real. */
            if (isfinite (value))
              {
                g_ascii_dtostr (number, sizeof number, value);
                g_string_append (w->buffer, number);
                if (strpbrk (number, ".eE") == NULL)
                  g_string_append (w->buffer, ".0");
              }
            else
              g_string_append (w->buffer, "null");
          }
          break;
        case SQLITE_TEXT:
          add_text (w, (const char *) sqlite3_column_text (stmt, i));
          break;
        default: /* NULL; STRICT tables hold no blobs */
          g_string_append (w->buffer, "null");
          break;
        }
    }
}

/*
 * add_section:
 * Adds @section as an array member of the open object: one object per row
 * of its query, each with its child lists. Fails with @error set when a
 * query fails.
 */
static gboolean
add_section (sqlite3 *db, JsonWriter *w, const JsonSection *section, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3_stmt *children[MAX_CHILDREN] = { NULL };
  gboolean ok = FALSE;
  int rc;

  stmt = cocrea_db_prepare (db, section->sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint c = 0; c < MAX_CHILDREN && section->children[c].member != NULL; c++)
    {
      children[c] = cocrea_db_prepare (db, section->children[c].sql, error);
      if (children[c] == NULL)
        goto out;
    }

  writer_member (w, section->member);
  writer_open (w, '[');

  while (w->error == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      writer_item (w);
      writer_open (w, '{');
      add_row_members (w, stmt);

      for (guint c = 0; c < MAX_CHILDREN && children[c] != NULL; c++)
        {
          int child_rc;

          sqlite3_reset (children[c]);
          sqlite3_bind_int64 (children[c], 1, sqlite3_column_int64 (stmt, 0));
          writer_member (w, section->children[c].member);
          writer_open (w, '[');
          while ((child_rc = sqlite3_step (children[c])) == SQLITE_ROW)
            {
              writer_item (w);
              writer_open (w, '{');
              add_row_members (w, children[c]);
              writer_close (w, '}');
            }
          writer_close (w, ']');

          if (child_rc != SQLITE_DONE)
            {
              cocrea_db_set_error (error, db, child_rc, NULL);
              goto out;
            }
        }

      writer_close (w, '}');
    }

  writer_close (w, ']');

  if (w->error == NULL && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      goto out;
    }

  ok = TRUE;

out:
  for (guint c = 0; c < MAX_CHILDREN; c++)
    g_clear_pointer (&children[c], sqlite3_finalize);
  return ok;
}

/* Adds the process record as the "process" object member. */
static gboolean
add_process (sqlite3 *db, JsonWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = cocrea_db_prepare (db,
                            "SELECT uuid, title, municipality, period_start, period_end,"
                            " partners, language, quota_total, quota_municipal, quota_community,"
                            " consultation_opens, consultation_closes, priority_mentions,"
                            " priority_axes, priority_inclusion, created_at, modified_at"
                            " FROM process",
                            error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* No process row: the file is not a process any more. */
      cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return FALSE;
    }

  writer_member (w, "process");
  writer_open (w, '{');
  add_row_members (w, stmt);
  writer_close (w, '}');
  return TRUE;
}

/* Writes the whole export; FALSE with @error set when the file cannot be
 * read or the output written. */
static gboolean
write_export (sqlite3 *db, JsonWriter *w, GError **error)
{
  gint64 version = 0;

  if (!cocrea_db_query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  writer_open (w, '{');
  writer_member (w, "format");
  writer_string (w, "cocrea");
  writer_member (w, "version");
  g_string_append_printf (w->buffer, "%" G_GINT64_FORMAT, version);

  if (!add_process (db, w, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections) && w->error == NULL; i++)
    if (!add_section (db, w, &sections[i], error))
      return FALSE;

  writer_close (w, '}');
  /* End with a newline, as text files do. */
  g_string_append_c (w->buffer, '\n');
  writer_flush (w);
  if (w->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * cocrea_json_export:
 * @document: an open process
 * @json_path: the file to write; replaced if it exists
 * @error: return location for a #CocreaError
 *
 * Writes the whole process to @json_path as pretty-printed JSON, read in
 * one transaction so the parts agree. The file is written beside the
 * destination and renamed into place: a failure (a missing folder, a full
 * disk) leaves no file, or the previous one, never half of one. Fails with
 * %COCREA_ERROR_IO naming the file.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_json_export (CocreaDocument *document, const char *json_path, GError **error)
{
  g_autoptr (CocreaOutput) output = NULL;
  g_autoptr (CocreaDbRead) read = NULL;
  JsonWriter w = { 0 };
  gboolean ok;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = cocrea_document_get_db (document);
  output = cocrea_output_begin (json_path, cocrea_document_get_path (document),
                                COCREA_OUTPUT_EXPORT, error);
  if (output == NULL)
    return FALSE;

  /* Inside an edit the export sees that edit's transaction; otherwise it
   * takes its own read transaction so a concurrent writer cannot make the
   * sections disagree. */
  read = cocrea_db_read_begin (db, error);
  if (read == NULL)
    return FALSE;
  w.output = output;
  w.buffer = g_string_sized_new (FLUSH_AT + 64 * 1024);
  ok = write_export (db, &w, error);
  g_string_free (w.buffer, TRUE);
  g_clear_error (&w.error);
  g_clear_pointer (&read, cocrea_db_read_end);

  return ok && cocrea_output_commit (output, error);
}
