/* cocrea-pdf-file.c
 *
 * Writes PDF syntax into the temporary file of a CocreaOutput (beside the
 * destination, renamed into place at the end), so a failure or a cancel
 * leaves the destination as it was. Bytes are gathered in a buffer and
 * offsets counted as they are written; the cross-reference table maps
 * each object number to its offset, in any order the objects were
 * written.
 *
 * A write error (a full disk, a removed USB stick) is kept, every later
 * write is skipped, and finish reports it in the user's words. Callers
 * poll cocrea_pdf_file_failed() to stop laying out pages nobody will see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gprintf.h>
#include <zlib.h>

#include "cocrea-error.h"
#include "cocrea-output.h"
#include "cocrea-pdf-file.h"

/* zlib level for page contents and fonts: level 1 writes text-heavy pages
 * several times faster than the default 6, for files about 12% larger. */
#define COMPRESSION_LEVEL 1
#define BUFFER_SIZE (256 * 1024)

struct _CocreaPdfFile {
  CocreaOutput *output;
  GError *error;    /* the first write failure */
  guint8 *buffer;   /* bytes not yet handed to the output */
  gsize buffered;
  guint64 offset;
  GArray *offsets; /* guint64 per object number; 0: reserved, not written */
  z_stream zs;
  gboolean zs_ready;
  guint8 *zbuf;
  gsize zbuf_size;
};

/**
 * cocrea_pdf_file_new:
 * Starts a PDF that will become @path, through cocrea_output_begin(): the
 * destination is checked (never a process) and the bytes go to a
 * temporary file in the same folder. Fails with %COCREA_ERROR_IO, saying
 * why in the user's words.
 */
CocreaPdfFile *
cocrea_pdf_file_new (const char *path, GError **error)
{
  g_autoptr (CocreaPdfFile) self = g_new0 (CocreaPdfFile, 1);
  guint64 none = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (self->offsets, none); /* object 0 is never used */
  self->buffer = g_malloc (BUFFER_SIZE);

  self->output = cocrea_output_begin (path, NULL, COCREA_OUTPUT_EXPORT, error);
  if (self->output == NULL)
    return NULL;

  /* The binary comment tells transfer programs the file is not text. */
  cocrea_pdf_file_puts (self, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  return g_steal_pointer (&self);
}

/* Frees @self; a file not finished is removed. */
void
cocrea_pdf_file_free (CocreaPdfFile *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->output, cocrea_output_free);
  g_clear_error (&self->error);
  if (self->zs_ready)
    deflateEnd (&self->zs);
  g_free (self->zbuf);
  g_free (self->buffer);
  g_array_unref (self->offsets);
  g_free (self);
}

/* Whether a write failed: nothing more will be written. */
gboolean
cocrea_pdf_file_failed (CocreaPdfFile *self)
{
  return self->error != NULL;
}

/* A new object number, for an object written now or later. */
guint
cocrea_pdf_file_reserve (CocreaPdfFile *self)
{
  guint64 none = 0;

  g_array_append_val (self->offsets, none);
  return self->offsets->len - 1;
}

static void
flush (CocreaPdfFile *self)
{
  if (self->error == NULL && self->buffered > 0)
    cocrea_output_write (self->output, self->buffer, self->buffered, &self->error);
  self->buffered = 0;
}

void
cocrea_pdf_file_write (CocreaPdfFile *self, const void *data, gsize length)
{
  self->offset += length;
  if (self->error != NULL)
    return;

  if (self->buffered + length > BUFFER_SIZE)
    flush (self);
  if (length >= BUFFER_SIZE)
    {
      if (self->error == NULL)
        cocrea_output_write (self->output, data, length, &self->error);
      return;
    }
  memcpy (self->buffer + self->buffered, data, length);
  self->buffered += length;
}

void
cocrea_pdf_file_puts (CocreaPdfFile *self, const char *text)
{
  cocrea_pdf_file_write (self, text, strlen (text));
}

/* Writes printf-style text. Only integers and strings: a double would be
 * written with the locale's decimal comma (use cocrea_pdf_append_number). */
void
cocrea_pdf_file_printf (CocreaPdfFile *self, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;
  int length;

  va_start (args, format);
  length = g_vasprintf (&text, format, args);
  va_end (args);
  if (length > 0)
    cocrea_pdf_file_write (self, text, length);
}

/* Starts object @number (reserved) at the current offset. */
void
cocrea_pdf_file_begin_object (CocreaPdfFile *self, guint number)
{
  g_assert (number > 0 && number < self->offsets->len);
  g_assert (g_array_index (self->offsets, guint64, number) == 0);

  g_array_index (self->offsets, guint64, number) = self->offset;
  cocrea_pdf_file_printf (self, "%u 0 obj\n", number);
}

void
cocrea_pdf_file_end_object (CocreaPdfFile *self)
{
  cocrea_pdf_file_puts (self, "\nendobj\n");
}

/*
 * cocrea_pdf_file_text_string:
 * Writes @utf8 as a PDF text string (document title, bookmark): ASCII as
 * a literal string, anything else as UTF-16BE with a byte order mark, so
 * every language reaches the reader's bookmarks and title bar. At most
 * @max_chars characters (0: all), the cut marked with "…": a reader
 * shows a bookmark on one line anyway.
 */
void
cocrea_pdf_file_text_string (CocreaPdfFile *self, const char *utf8, guint max_chars)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean ascii = TRUE;
  glong n = 0;
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree char *cut = NULL;

  if (max_chars > 0 && (guint) g_utf8_strlen (utf8, -1) > max_chars)
    {
      g_autofree char *start = g_utf8_substring (utf8, 0, max_chars - 1);
      utf8 = cut = g_strconcat (start, "…", NULL);
    }

  for (const char *p = utf8; *p; p++)
    if ((guchar) *p >= 0x80 || (guchar) *p < 0x20)
      ascii = FALSE;

  if (ascii)
    {
      g_string_append_c (out, '(');
      for (const char *p = utf8; *p; p++)
        {
          if (*p == '(' || *p == ')' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, ')');
      cocrea_pdf_file_write (self, out->str, out->len);
      return;
    }

  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  g_string_append (out, "<FEFF");
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
  cocrea_pdf_file_write (self, out->str, out->len);
}

/* Compresses @data into self->zbuf; returns the compressed length, or 0
 * when zlib fails (then the data is written as it is). */
static gsize
deflate_data (CocreaPdfFile *self, const void *data, gsize length)
{
  gsize bound = compressBound (length);

  if (!self->zs_ready)
    {
      if (deflateInit (&self->zs, COMPRESSION_LEVEL) != Z_OK)
        return 0;
      self->zs_ready = TRUE;
    }
  else if (deflateReset (&self->zs) != Z_OK)
    return 0;

  if (self->zbuf_size < bound)
    {
      g_free (self->zbuf);
      self->zbuf_size = MAX (bound, 64 * 1024);
      self->zbuf = g_malloc (self->zbuf_size);
    }

  self->zs.next_in = (Bytef *) data;
  self->zs.avail_in = length;
  self->zs.next_out = self->zbuf;
  self->zs.avail_out = self->zbuf_size;
  if (deflate (&self->zs, Z_FINISH) != Z_STREAM_END)
    return 0;
  return self->zs.total_out;
}

/*
 * cocrea_pdf_file_stream:
 * Writes object @number as a stream of @length bytes of @data, Flate
 * compressed when @compress. @entries (or NULL) are further dictionary
 * entries ("/Subtype /Image ...").
 */
void
cocrea_pdf_file_stream (CocreaPdfFile *self, guint number, const char *entries, const void *data,
                        gsize length, gboolean compress)
{
  gsize packed = compress && length > 0 ? deflate_data (self, data, length) : 0;

  cocrea_pdf_file_begin_object (self, number);
  cocrea_pdf_file_printf (self, "<< /Length %" G_GSIZE_FORMAT "%s%s%s >>\nstream\n",
                          packed > 0 ? packed : length, packed > 0 ? " /Filter /FlateDecode" : "",
                          entries != NULL ? " " : "", entries != NULL ? entries : "");
  if (packed > 0)
    cocrea_pdf_file_write (self, self->zbuf, packed);
  else
    cocrea_pdf_file_write (self, data, length);
  cocrea_pdf_file_puts (self, "\nendstream");
  cocrea_pdf_file_end_object (self);
}

/*
 * cocrea_pdf_file_finish:
 * Writes the cross-reference table and the trailer (@catalog is the
 * root, @info the document information or 0), makes the bytes durable
 * and renames the file over the destination. Every reserved object must
 * have been written. Fails with %COCREA_ERROR_IO, in the user's words.
 */
gboolean
cocrea_pdf_file_finish (CocreaPdfFile *self, guint catalog, guint info, GError **error)
{
  guint64 xref = self->offset;
  g_autofree char *id = NULL;
  g_autofree char *seed = NULL;

  if (self->error == NULL)
    {
      for (guint i = 1; i < self->offsets->len; i++)
        g_assert (g_array_index (self->offsets, guint64, i) != 0);

      cocrea_pdf_file_printf (self, "xref\n0 %u\n0000000000 65535 f \n", self->offsets->len);
      for (guint i = 1; i < self->offsets->len; i++)
        {
          char entry[24];

          g_snprintf (entry, sizeof entry, "%010" G_GUINT64_FORMAT " 00000 n \n",
                      g_array_index (self->offsets, guint64, i));
          cocrea_pdf_file_write (self, entry, 20);
        }

      /* The file identifier: any bytes unique to this file will do. */
      seed = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT,
                              cocrea_output_get_path (self->output), g_get_real_time (), xref);
      id = g_compute_checksum_for_string (G_CHECKSUM_MD5, seed, -1);
      cocrea_pdf_file_printf (self, "trailer\n<< /Size %u /Root %u 0 R", self->offsets->len, catalog);
      if (info > 0)
        cocrea_pdf_file_printf (self, " /Info %u 0 R", info);
      cocrea_pdf_file_printf (self, " /ID [<%s> <%s>] >>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                              id, id, xref);
      flush (self);
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return cocrea_output_commit (self->output, error);
}

/*
 * cocrea_pdf_append_number:
 * Appends @value with at most two decimals and no trailing zeros, always
 * with a point: printf would use the locale's decimal comma. Hundredths of
 * a point are far below what a printer or a screen shows.
 */
void
cocrea_pdf_append_number (GString *out, double value)
{
  gint64 hundredths = (gint64) (value * 100.0 + (value < 0 ? -0.5 : 0.5));
  guint64 magnitude = hundredths < 0 ? (guint64) -hundredths : (guint64) hundredths;
  guint fraction = magnitude % 100;
  char digits[24];
  int n = 0;

  if (hundredths < 0)
    g_string_append_c (out, '-');
  magnitude /= 100;
  do
    {
      digits[n++] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);

  if (fraction != 0)
    {
      g_string_append_c (out, '.');
      g_string_append_c (out, '0' + fraction / 10);
      if (fraction % 10 != 0)
        g_string_append_c (out, '0' + fraction % 10);
    }
}
