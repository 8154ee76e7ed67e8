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
 * Page contents are compressed on a second thread while the next page is
 * laid out (cocrea_pdf_file_stream_async): compression was a third of
 * the time of a national plan. Only the compressing moves; every byte is
 * still written by the caller's thread, in the order of the calls, the
 * compressed page going out just before the next write.
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

/* A zlib stream kept for many compressions (deflateReset is cheaper than
 * deflateInit) and its output buffer. */
typedef struct {
  z_stream zs;
  gboolean ready;
  guint8 *out;
  gsize size;
} Deflater;

/* A stream compressed on the worker thread. */
typedef struct {
  guint number;
  GString *data;
  guint8 *packed; /* NULL when compression failed: written as it is */
  gsize packed_length;
} Job;

struct _CocreaPdfFile {
  CocreaOutput *output;
  GError *error;    /* the first write failure */
  guint8 *buffer;   /* bytes not yet handed to the output */
  gsize buffered;
  guint64 offset;
  GArray *offsets; /* guint64 per object number; 0: reserved, not written */
  Deflater deflater;

  GThread *worker;
  GAsyncQueue *to_worker;   /* Job, or the stop marker */
  GAsyncQueue *from_worker; /* Job, compressed */
  Job *pending;             /* handed to the worker, not yet written */
  GString *spare;           /* a page buffer to hand back */

  guint open_length;     /* the Length object of the stream being written, 0 when none */
  guint64 open_start;    /* where its data started */
  gboolean open_raw;     /* zlib could not start: written as it is */
  z_stream open_zs;
  gboolean open_zs_ready;
  guint8 *open_out;
};

static Job stop_marker;

/* Compresses @length bytes of @data into @d->out; returns the compressed
 * length, or 0 when zlib fails. */
static gsize
deflater_run (Deflater *d, const void *data, gsize length)
{
  gsize bound = compressBound (length);

  if (!d->ready)
    {
      if (deflateInit (&d->zs, COMPRESSION_LEVEL) != Z_OK)
        return 0;
      d->ready = TRUE;
    }
  else if (deflateReset (&d->zs) != Z_OK)
    return 0;

  if (d->size < bound)
    {
      g_free (d->out);
      d->size = MAX (bound, 64 * 1024);
      d->out = g_malloc (d->size);
    }

  d->zs.next_in = (Bytef *) data;
  d->zs.avail_in = length;
  d->zs.next_out = d->out;
  d->zs.avail_out = d->size;
  if (deflate (&d->zs, Z_FINISH) != Z_STREAM_END)
    return 0;
  return d->zs.total_out;
}

static void
deflater_clear (Deflater *d)
{
  if (d->ready)
    deflateEnd (&d->zs);
  g_clear_pointer (&d->out, g_free);
}

static gpointer
worker_main (gpointer data)
{
  CocreaPdfFile *self = data;
  Deflater deflater = { 0 };
  Job *job;

  while ((job = g_async_queue_pop (self->to_worker)) != &stop_marker)
    {
      gsize n = deflater_run (&deflater, job->data->str, job->data->len);

      if (n > 0)
        {
          job->packed = g_memdup2 (deflater.out, n);
          job->packed_length = n;
        }
      g_async_queue_push (self->from_worker, job);
    }
  deflater_clear (&deflater);
  return NULL;
}

static void raw_write (CocreaPdfFile *self, const void *data, gsize length);
static void write_stream (CocreaPdfFile *self, guint number, const char *entries, const void *data,
                          gsize length, const void *packed, gsize packed_length);

/* Writes the stream the worker was compressing, waiting for it if need
 * be. Every write calls it first, so the file keeps the order of calls. */
static void
finish_pending (CocreaPdfFile *self)
{
  Job *job = self->pending;

  if (job == NULL)
    return;
  self->pending = NULL;
  g_assert (g_async_queue_pop (self->from_worker) == job);

  write_stream (self, job->number, NULL, job->data->str, job->data->len, job->packed, job->packed_length);
  g_string_truncate (job->data, 0);
  if (self->spare == NULL)
    self->spare = job->data;
  else
    g_string_free (job->data, TRUE);
  g_free (job->packed);
  g_free (job);
}

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

  if (self->worker != NULL)
    {
      if (self->pending != NULL)
        {
          Job *job = g_async_queue_pop (self->from_worker);
          g_string_free (job->data, TRUE);
          g_free (job->packed);
          g_free (job);
        }
      g_async_queue_push (self->to_worker, &stop_marker);
      g_thread_join (self->worker);
      g_async_queue_unref (self->to_worker);
      g_async_queue_unref (self->from_worker);
    }
  if (self->spare != NULL)
    g_string_free (self->spare, TRUE);
  g_clear_pointer (&self->output, cocrea_output_free);
  g_clear_error (&self->error);
  deflater_clear (&self->deflater);
  if (self->open_zs_ready)
    deflateEnd (&self->open_zs);
  g_free (self->open_out);
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

static void
raw_write (CocreaPdfFile *self, const void *data, gsize length)
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
cocrea_pdf_file_write (CocreaPdfFile *self, const void *data, gsize length)
{
  finish_pending (self);
  raw_write (self, data, length);
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

  finish_pending (self);
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

/* Writes object @number: a stream of @data, or of @packed (its Flate
 * compression) when not NULL. */
static void
write_stream (CocreaPdfFile *self, guint number, const char *entries, const void *data, gsize length,
              const void *packed, gsize packed_length)
{
  cocrea_pdf_file_begin_object (self, number);
  cocrea_pdf_file_printf (self, "<< /Length %" G_GSIZE_FORMAT "%s%s%s >>\nstream\n",
                          packed != NULL ? packed_length : length,
                          packed != NULL ? " /Filter /FlateDecode" : "", entries != NULL ? " " : "",
                          entries != NULL ? entries : "");
  if (packed != NULL)
    raw_write (self, packed, packed_length);
  else
    raw_write (self, data, length);
  raw_write (self, "\nendstream", 11);
  cocrea_pdf_file_end_object (self);
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
  gsize packed = compress && length > 0 ? deflater_run (&self->deflater, data, length) : 0;

  finish_pending (self);
  write_stream (self, number, entries, data, length, packed > 0 ? self->deflater.out : NULL, packed);
}

#define OPEN_OUT_SIZE (64 * 1024)

/* Compresses what is in self->open_zs's input, writing what comes out;
 * @flush as deflate() takes it. */
static void
open_deflate (CocreaPdfFile *self, int flush)
{
  int rc;

  do
    {
      self->open_zs.next_out = self->open_out;
      self->open_zs.avail_out = OPEN_OUT_SIZE;
      rc = deflate (&self->open_zs, flush);
      raw_write (self, self->open_out, OPEN_OUT_SIZE - self->open_zs.avail_out);
    }
  while (self->open_zs.avail_out == 0 || (flush == Z_FINISH && rc == Z_OK));
}

/*
 * cocrea_pdf_file_stream_begin:
 * Starts object @number, a Flate-compressed stream written piece by piece
 * (cocrea_pdf_file_stream_append) so it is never whole in memory: a
 * chart of 300 dots per inch is tens of megabytes of pixels. Its length
 * goes into an object of its own, written at the end. @entries: further
 * dictionary entries, or NULL.
 */
void
cocrea_pdf_file_stream_begin (CocreaPdfFile *self, guint number, const char *entries)
{
  g_return_if_fail (self->open_length == 0);

  finish_pending (self);
  if (!self->open_zs_ready && deflateInit (&self->open_zs, COMPRESSION_LEVEL) == Z_OK)
    {
      self->open_zs_ready = TRUE;
      self->open_out = g_malloc (OPEN_OUT_SIZE);
    }
  self->open_raw = !self->open_zs_ready || deflateReset (&self->open_zs) != Z_OK;

  self->open_length = cocrea_pdf_file_reserve (self);
  cocrea_pdf_file_begin_object (self, number);
  cocrea_pdf_file_printf (self, "<< /Length %u 0 R%s%s%s >>\nstream\n", self->open_length,
                          self->open_raw ? "" : " /Filter /FlateDecode", entries != NULL ? " " : "",
                          entries != NULL ? entries : "");
  self->open_start = self->offset;
}

/* Appends @length bytes of @data to the stream begun. */
void
cocrea_pdf_file_stream_append (CocreaPdfFile *self, const void *data, gsize length)
{
  g_return_if_fail (self->open_length != 0);

  if (self->open_raw)
    {
      raw_write (self, data, length);
      return;
    }
  self->open_zs.next_in = (Bytef *) data;
  self->open_zs.avail_in = length;
  open_deflate (self, Z_NO_FLUSH);
}

/* Ends the stream begun, and writes its length. */
void
cocrea_pdf_file_stream_end (CocreaPdfFile *self)
{
  guint64 length;

  g_return_if_fail (self->open_length != 0);

  if (!self->open_raw)
    {
      self->open_zs.next_in = NULL;
      self->open_zs.avail_in = 0;
      open_deflate (self, Z_FINISH);
    }
  length = self->offset - self->open_start;
  raw_write (self, "\nendstream", 11);
  cocrea_pdf_file_end_object (self);

  cocrea_pdf_file_begin_object (self, self->open_length);
  cocrea_pdf_file_printf (self, "%" G_GUINT64_FORMAT, length);
  cocrea_pdf_file_end_object (self);
  self->open_length = 0;
}

/*
 * cocrea_pdf_file_stream_async:
 * Writes object @number as a Flate-compressed stream of @data, compressed
 * on a second thread and written out before the next write. Takes @data
 * and returns an empty buffer for the caller's next page.
 */
GString *
cocrea_pdf_file_stream_async (CocreaPdfFile *self, guint number, GString *data)
{
  Job *job;
  GString *next;

  finish_pending (self);
  if (self->worker == NULL)
    {
      self->to_worker = g_async_queue_new ();
      self->from_worker = g_async_queue_new ();
      self->worker = g_thread_new ("cocrea-pdf-deflate", worker_main, self);
    }

  job = g_new0 (Job, 1);
  job->number = number;
  job->data = data;
  self->pending = job;
  g_async_queue_push (self->to_worker, job);

  next = self->spare != NULL ? self->spare : g_string_sized_new (data->allocated_len);
  self->spare = NULL;
  return next;
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
  guint64 xref;
  g_autofree char *id = NULL;
  g_autofree char *seed = NULL;

  finish_pending (self);
  xref = self->offset;
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
