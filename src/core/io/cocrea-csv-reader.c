/* cocrea-csv-reader.c
 *
 * The whole file is read and decoded first, then fed to libcsv one
 * physical line at a time: libcsv reports fields and records but not where
 * they are, and feeding it by lines is how each record learns the line it
 * starts on, even when quoted fields span several lines.
 *
 * A reader from cocrea_csv_reader_open() parses in a thread of its own and
 * hands records out as they are ready, so that an import stores the first
 * rows while the last ones are still being split: on a 100,000-row file
 * parsing is a fifth of the work, and there is a second core to do it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cocrea-csv-reader.h"
#include "cocrea-error.h"
#include "cocrea-file.h"

/* Far more than 100,000 contributions take; a larger file is no spreadsheet. */
#define MAX_FILE_SIZE (512 * 1024 * 1024)

/* Records a parser thread publishes at once: few enough that the first
 * rows reach the importer at once, enough that the lock is rarely taken. */
#define BATCH_SIZE 256

struct _CocreaCsvReader {
  /* Written by the parser (the thread of _open(), else the constructor)
   * and only ever appended to. @records is read and grown under @lock;
   * the strings of a published record never move again. */
  GPtrArray *records;    /* of CocreaCsvRecord */
  GStringChunk *strings; /* every field's text: one block, not a malloc per field */
  const char *encoding;
  char delimiter;

  GMutex lock;
  GCond published;       /* signalled when records are added or parsing ends */
  gboolean done;         /* under @lock: parsing has ended */
  GError *parse_error;   /* under @lock: why parsing failed, once @done */
  int cancelled;         /* atomic: the reader is being freed, stop parsing */
  GThread *thread;       /* the parser thread of _open(), or NULL */
  char *text;            /* the decoded text the parser splits */
  char *path;            /* the file of _open(), or NULL */
  char *name;            /* its display name, for errors */
  guint cursor;          /* the record _next() returns next */
};

/* What the libcsv callbacks build while a file is parsed. */
typedef struct {
  CocreaCsvReader *reader;
  GPtrArray *batch;   /* of CocreaCsvRecord, parsed but not yet published */
  GStringChunk *strings;
  GPtrArray *fields;  /* of char * into @strings, the record being read */
  guint start_line;   /* where the record being read starts; 0 between records */
} ParseState;

static void
record_free (gpointer data)
{
  CocreaCsvRecord *record = data;

  /* The strings belong to the reader's chunk. */
  g_free (record->fields);
  g_free (record);
}

/*
 * line_of:
 * Returns the 1-based line of byte @offset in @text, counting "\n", "\r\n"
 * and a lone "\r" as one line end each, as the parser does.
 */
static guint
line_of (const char *text, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
      line++;

  return line;
}

/* At most this many lines are named in a message about stray bytes. */
#define MAX_LINES_NAMED 5

/*
 * mostly_windows_1252:
 * Decides what @data (@length bytes, not valid UTF-8) is. Windows-1252
 * writes each accented letter as one byte that UTF-8 cannot start a
 * character with, so such a file has many bytes that are not UTF-8 and
 * hardly any valid UTF-8 sequence. A UTF-8 file with a few stray bytes (a
 * line pasted from elsewhere) has the opposite: re-reading all of it as
 * Windows-1252 would turn every "ó" into "Ã³". Returns TRUE for the first
 * kind; for the second fails with COCREA_ERROR_CSV naming the lines that
 * are not UTF-8. A Windows-1252 file holding lines in UTF-8 (two sheets
 * pasted together) fails too, naming the UTF-8 lines.
 */
static gboolean
mostly_windows_1252 (const char *data, gsize length, GError **error)
{
  g_autoptr (GString) lines = g_string_new (NULL);
  g_autoptr (GString) utf8_lines = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint valid = 0, invalid = 0, line = 1, last_named = 0, named = 0;
  guint utf8 = 0, last_utf8 = 0, utf8_named = 0;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
            line++;
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c != (gunichar) -1 && c != (gunichar) -2)
        {
          /* What UTF-8 writes for Latin letters (C2, C3 + one byte) and
           * for typographic punctuation (E2 80..): as Windows-1252 they
           * read "Ã³", "Â¿", "â€œ", which no Spanish text holds. */
          if ((guchar) *p == 0xC2 || (guchar) *p == 0xC3 ||
              ((guchar) *p == 0xE2 && (guchar) p[1] == 0x80))
            {
              utf8++;
              if (line != last_utf8 && utf8_named < MAX_LINES_NAMED)
                {
                  g_string_append_printf (utf8_lines, "%s%u", utf8_named > 0 ? ", " : "", line);
                  last_utf8 = line;
                  utf8_named++;
                }
            }
          valid++;
          p = g_utf8_next_char (p);
          continue;
        }
      invalid++;
      if (line != last_named && named < MAX_LINES_NAMED)
        {
          g_string_append_printf (lines, "%s%u", named > 0 ? ", " : "", line);
          last_named = line;
          named++;
        }
      p++;
    }

  /* Mostly Windows-1252, but with lines pasted from a UTF-8 file: read
   * whole as Windows-1252, their accents would become "Ã³" without a
   * word. */
  if (invalid > valid && utf8 > 0)
    {
      if (utf8 > utf8_named && utf8_named == MAX_LINES_NAMED)
        g_string_append (utf8_lines, ", …");
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Line %s is UTF-8 while the rest of the file is Windows-1252 "
                                "(it was not imported, to keep its accents right): correct "
                                "that line, or save the whole file again as “CSV UTF-8”",
                                "Lines %s are UTF-8 while the rest of the file is Windows-1252 "
                                "(it was not imported, to keep its accents right): correct "
                                "those lines, or save the whole file again as “CSV UTF-8”",
                                utf8_named),
                   utf8_lines->str);
      return FALSE;
    }
  if (invalid > valid)
    return TRUE;

  if (invalid > named && named == MAX_LINES_NAMED)
    g_string_append (lines, ", …");
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
               g_dngettext (GETTEXT_PACKAGE,
                            "Line %s is not UTF-8 while the rest of the file is (it was not "
                            "imported, to keep its accents right): correct that line, or save "
                            "the whole file again as “CSV UTF-8”",
                            "Lines %s are not UTF-8 while the rest of the file is (it was not "
                            "imported, to keep its accents right): correct those lines, or save "
                            "the whole file again as “CSV UTF-8”",
                            named),
               lines->str);
  return FALSE;
}

/*
 * decode:
 * Takes @data, @length bytes followed by a NUL, and returns it as UTF-8
 * without a byte order mark, and sets *encoding to the name of what it
 * was. UTF-8 stays in the same memory: a national file is tens of
 * megabytes. UTF-16 needs its BOM; bytes that are not valid UTF-8 are read
 * as Windows-1252, which is what Excel writes on Windows, unless the rest
 * of the file is UTF-8 (mostly_windows_1252()). Fails with
 * COCREA_ERROR_CSV for binary data (NUL or control bytes), for UTF-8 with
 * stray bytes, and for bytes no encoding explains.
 */
static char *
decode (char *owned_data, gsize length, const char **encoding, GError **error)
{
  g_autofree char *data = owned_data;
  g_autofree char *text = NULL;
  const char *end = NULL;

  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    {
      *encoding = "UTF-16LE";
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
    }
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    {
      *encoding = "UTF-16BE";
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
    }
  else if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_CSV,
                           _("This is not a CSV file: it contains binary data"));
      return NULL;
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = "UTF-8";
      if (!g_utf8_validate_len (data + 3, length - 3, &end))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                       _("Line %u: the file says it is UTF-8 but holds bytes that are not"),
                       line_of (data, end - data));
          return NULL;
        }
      memmove (data, data + 3, length - 3 + 1);
      text = g_steal_pointer (&data);
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = "UTF-8";
      text = g_steal_pointer (&data);
    }
  else if (!mostly_windows_1252 (data, length, error))
    return NULL;
  else
    {
      *encoding = "WINDOWS-1252";
      text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
    }

  if (text == NULL)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("The text of the file could not be read as %s; save it as "
                     "“CSV UTF-8” and try again"),
                   *encoding);
      return NULL;
    }

  /* A UTF-16 file may carry NULs after decoding too. Tab, line ends, form
   * feed and vertical tab occur in real spreadsheets, and DOS editors end
   * files with Ctrl-Z; any other control character means binary data. */
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' && c != '\r' &&
          c != '\f' && c != '\v' && !(c == 0x1A && p[1] == '\0'))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                       _("This is not a CSV file: line %u contains binary data"),
                       line_of (text, p - text));
          return NULL;
        }
    }

  return g_steal_pointer (&text);
}

/*
 * detect_delimiter:
 * Returns whichever of ",", ";" and tab occurs most often outside quotes
 * on the first non-blank line of @text (the header), preferring them in
 * that order on a tie, and "," when none occurs (a single column).
 */
static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  const char *p = text;
  char best = ',';
  guint best_count = 0;

  while (*p == '\r' || *p == '\n' || *p == ' ')
    p++;

  for (; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted; /* a doubled quote toggles twice: no harm */
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }

  return best;
}

/* Only the space is padding around a field: tab may be the delimiter. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

static void
on_field (void *data, size_t length, void *user_data)
{
  ParseState *state = user_data;

  g_ptr_array_add (state->fields,
                   g_string_chunk_insert_len (state->strings, data != NULL ? data : "", length));
}

static void
on_record (int terminator, void *user_data)
{
  ParseState *state = user_data;
  CocreaCsvRecord *record = g_new0 (CocreaCsvRecord, 1);

  record->line = state->start_line;
  record->n_fields = state->fields->len;
  g_ptr_array_add (state->fields, NULL);
  record->fields = (char **) g_ptr_array_free (state->fields, FALSE);
  g_ptr_array_add (state->batch, record);

  state->fields = g_ptr_array_new ();
  state->start_line = 0;
}

/* Moves the records of @batch to @reader, where _next() can take them. */
static void
publish (CocreaCsvReader *reader, GPtrArray *batch)
{
  if (batch->len == 0)
    return;
  g_mutex_lock (&reader->lock);
  g_ptr_array_extend_and_steal (reader->records, g_ptr_array_ref (batch));
  g_cond_broadcast (&reader->published);
  g_mutex_unlock (&reader->lock);
  g_ptr_array_set_size (batch, 0);
}

/* TRUE when @line (@length bytes) holds nothing libcsv would make a record of. */
static gboolean
is_blank (const char *line, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\r' && line[i] != '\n')
      return FALSE;
  return TRUE;
}

/*
 * parse:
 * Splits @reader's decoded text into records with its delimiter and
 * publishes them as it goes. Fails with COCREA_ERROR_CSV when a quoted
 * field never ends, and with no error set when the reader was cancelled.
 */
static gboolean
parse (CocreaCsvReader *reader, GError **error)
{
  struct csv_parser parser;
  const char *text = reader->text;
  ParseState state = { reader, g_ptr_array_new (), reader->strings, g_ptr_array_new (), 0 };
  gsize length = strlen (text);
  gsize start = 0;
  guint line = 1;
  gboolean ok = TRUE;

  /* Not CSV_STRICT: a stray quote inside an unquoted field (5" screen) is
   * kept as text, as spreadsheets do. */
  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not initialise its parser");
  csv_set_delim (&parser, (unsigned char) reader->delimiter);
  csv_set_space_func (&parser, is_space);

  while (start < length)
    {
      gsize end = start;

      while (end < length && text[end] != '\n' && text[end] != '\r')
        end++;
      if (end < length)
        end += (text[end] == '\r' && end + 1 < length && text[end + 1] == '\n') ? 2 : 1;

      if (state.start_line == 0 && !is_blank (text + start, end - start))
        state.start_line = line;

      if (csv_parse (&parser, text + start, end - start, on_field, on_record, &state) != end - start)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV, _("Line %u: %s"),
                       line, csv_strerror (csv_error (&parser)));
          ok = FALSE;
          break;
        }

      if (state.batch->len >= BATCH_SIZE)
        {
          if (g_atomic_int_get (&reader->cancelled))
            {
              ok = FALSE;
              break;
            }
          publish (reader, state.batch);
        }

      start = end;
      line++;
    }

  /* A quote left open would swallow the rest of the file into one field.
   * libcsv only reports that in strict mode, which also refuses the stray
   * quotes above; instead, one more line end is fed: outside quotes it ends
   * any last record, inside them it is absorbed and the record stays open. */
  if (ok && csv_parse (&parser, "\n", 1, on_field, on_record, &state) == 1 &&
      state.start_line != 0)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_CSV,
                   _("Line %u: a quoted field is never closed (a “\"” is missing)"),
                   state.start_line);
      ok = FALSE;
    }
  if (ok)
    csv_fini (&parser, on_field, on_record, &state);

  /* The records before a bad line are good ones; after a cancel nobody
   * wants them, and they go with the batch. */
  if (!g_atomic_int_get (&reader->cancelled))
    publish (reader, state.batch);
  g_ptr_array_set_free_func (state.batch, record_free);
  g_ptr_array_unref (state.batch);
  csv_free (&parser);
  g_ptr_array_unref (state.fields);
  return ok;
}

/* Ends parsing: records the error, if any, and wakes _next(). */
static void
finish (CocreaCsvReader *self, GError *error)
{
  g_mutex_lock (&self->lock);
  self->done = TRUE;
  self->parse_error = error;
  g_cond_broadcast (&self->published);
  g_mutex_unlock (&self->lock);
}

/*
 * reader_new:
 * A reader with no records yet.
 */
static CocreaCsvReader *
reader_new (void)
{
  CocreaCsvReader *self = g_new0 (CocreaCsvReader, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->published);
  self->records = g_ptr_array_new_with_free_func (record_free);
  self->encoding = "UTF-8";
  return self;
}

/*
 * prepare:
 * Takes @data (@length bytes, then a NUL) and decodes it as the text
 * @self will parse. Fails as decode().
 */
static gboolean
prepare (CocreaCsvReader *self, char *data, gsize length, GError **error)
{
  self->text = decode (data, length, &self->encoding, error);
  if (self->text == NULL)
    return FALSE;

  self->delimiter = detect_delimiter (self->text);
  self->strings = g_string_chunk_new (MAX (length, 64));
  return TRUE;
}

/**
 * cocrea_csv_reader_new_from_data:
 * @data: the bytes of a CSV file
 * @length: how many
 * @error: return location for a %COCREA_ERROR_CSV error
 *
 * Decodes and parses a whole CSV file held in memory.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set when the
 *   bytes are binary, in no encoding it knows, or end inside quotes
 */
CocreaCsvReader *
cocrea_csv_reader_new_from_data (const char *data, gsize length, GError **error)
{
  g_autoptr (CocreaCsvReader) self = NULL;
  GError *parse_error = NULL;
  char *copy;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = reader_new ();
  copy = g_malloc (length + 1);
  if (length > 0)
    memcpy (copy, data, length);
  copy[length] = '\0';
  if (!prepare (self, copy, length, error))
    return NULL;

  if (!parse (self, &parse_error))
    {
      g_propagate_error (error, parse_error);
      return NULL;
    }
  g_clear_pointer (&self->text, g_free);
  finish (self, NULL);
  return g_steal_pointer (&self);
}

/*
 * read_file:
 * Reads @path whole into *data. Only a regular file is read, and no more
 * than a spreadsheet can hold: a pipe, /dev/zero or /dev/urandom chosen by
 * mistake is refused at once instead of hanging or filling the memory.
 */
static gboolean
read_file (const char *path, char **data, gsize *length, GError **error)
{
  return cocrea_file_read_regular (path, MAX_FILE_SIZE, data, length, error);
}

/**
 * cocrea_csv_reader_new_from_file:
 * @path: a CSV file
 * @error: return location for a #CocreaError
 *
 * Reads, decodes and parses @path. Errors name the file.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set:
 *   %COCREA_ERROR_IO when the file cannot be read, %COCREA_ERROR_CSV when
 *   its contents are not CSV
 */
CocreaCsvReader *
cocrea_csv_reader_new_from_file (const char *path, GError **error)
{
  g_autoptr (CocreaCsvReader) self = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!read_file (path, &contents, &length, error))
    return NULL;

  self = reader_new ();
  if (!prepare (self, contents, length, &local_error) || !parse (self, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "“%s”: ", name);
      return NULL;
    }
  g_clear_pointer (&self->text, g_free);
  finish (self, NULL);
  return g_steal_pointer (&self);
}

/* The parser thread of cocrea_csv_reader_open(): reads, decodes, parses. */
static gpointer
parse_thread (gpointer data)
{
  CocreaCsvReader *self = data;
  char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;

  if (read_file (self->path, &contents, &length, &error) &&
      (!prepare (self, contents, length, &error) || !parse (self, &error)) &&
      error != NULL)
    g_prefix_error (&error, "“%s”: ", self->name);

  /* The text is only the parser's: give its memory back early. */
  g_clear_pointer (&self->text, g_free);
  finish (self, error);
  return NULL;
}

/**
 * cocrea_csv_reader_open:
 * @path: a CSV file
 *
 * Reads, decodes and parses @path in a thread while the caller takes the
 * records in order with cocrea_csv_reader_next(), which also reports
 * every error, naming the file: that it cannot be read, that its bytes are
 * not text, or (only at the end) that its last quote never closes.
 *
 * Returns: (transfer full): the reader
 */
CocreaCsvReader *
cocrea_csv_reader_open (const char *path)
{
  CocreaCsvReader *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = reader_new ();
  self->path = g_strdup (path);
  self->name = g_filename_display_basename (path);
  self->thread = g_thread_new ("cocrea-csv", parse_thread, self);
  return self;
}

/*
 * wait_for:
 * Waits until record @index is published or parsing has ended. Returns
 * the record, or NULL past the last one. Call with @lock held.
 */
static const CocreaCsvRecord *
wait_for (CocreaCsvReader *self, guint index)
{
  while (index >= self->records->len && !self->done)
    g_cond_wait (&self->published, &self->lock);
  return index < self->records->len ? g_ptr_array_index (self->records, index) : NULL;
}

/**
 * cocrea_csv_reader_next:
 * @self: a reader
 * @error: return location for a %COCREA_ERROR_CSV error
 *
 * Returns the next record, the header first, waiting for a reader from
 * cocrea_csv_reader_open() to parse it.
 *
 * Returns: (transfer none) (nullable): the record, owned by @self; %NULL
 *   after the last one, or with @error set when parsing failed there
 */
const CocreaCsvRecord *
cocrea_csv_reader_next (CocreaCsvReader *self, GError **error)
{
  const CocreaCsvRecord *record;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  record = wait_for (self, self->cursor);
  if (record != NULL)
    self->cursor++;
  else if (self->parse_error != NULL)
    g_propagate_error (error, g_error_copy (self->parse_error));
  g_mutex_unlock (&self->lock);
  return record;
}

void
cocrea_csv_reader_free (CocreaCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL)
    {
      /* An import that stopped at a bad row need not wait for the rest. */
      g_atomic_int_set (&self->cancelled, TRUE);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_error (&self->parse_error);
  g_free (self->text);
  g_free (self->path);
  g_free (self->name);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->published);
  g_free (self);
}

/* Waits until the parser has decoded the text and published the header,
 * or has ended: the delimiter and encoding are known then. */
static void
wait_for_header (CocreaCsvReader *self)
{
  g_mutex_lock (&self->lock);
  wait_for (self, 0);
  g_mutex_unlock (&self->lock);
}

/* The delimiter found on the header line: ',', ';' or '\t'. */
char
cocrea_csv_reader_get_delimiter (CocreaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');
  wait_for_header (self);
  return self->delimiter;
}

/* The encoding the bytes were read in ("UTF-8", "WINDOWS-1252"…). */
const char *
cocrea_csv_reader_get_encoding (CocreaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  wait_for_header (self);
  return self->encoding;
}

/* The number of records, header included; blank lines are not records.
 * For a reader from _open(), waits until parsing has ended. */
guint
cocrea_csv_reader_get_n_records (CocreaCsvReader *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  wait_for (self, G_MAXUINT);
  n = self->records->len;
  g_mutex_unlock (&self->lock);
  return n;
}

/* Record @index (0 is the first, usually the header), owned by @self.
 * For a reader from _open(), waits until it is parsed. */
const CocreaCsvRecord *
cocrea_csv_reader_get_record (CocreaCsvReader *self, guint index)
{
  const CocreaCsvRecord *record;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  record = wait_for (self, index);
  g_mutex_unlock (&self->lock);
  g_return_val_if_fail (record != NULL, NULL);
  return record;
}
