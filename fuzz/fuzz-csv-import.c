/* fuzz-csv-import.c — libFuzzer harness: any bytes as a spreadsheet
 *
 * Each input is read by the CSV reader from memory (every record and
 * field walked), then imported, as a file on tmpfs, into one process file
 * made once per fuzzing process: as a workshop sheet, and as Decidim's
 * export (its CSV, or its JSON when it starts like one). Either an import
 * works or it fails with a GError; a crash, a sanitizer report or a GLib
 * critical is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cocrea-csv-import.h"
#include "cocrea-csv-reader.h"
#include "cocrea-decidim-import.h"
#include "cocrea-document-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static CocreaDocument *doc;
static char *csv_path;

static void
remove_all (void)
{
  g_autofree char *dir = g_path_get_dirname (csv_path);
  g_autofree char *path = g_strdup (cocrea_document_get_path (doc));
  g_autofree char *lock = g_strdup_printf ("%s/.fuzz.cocrea.lock", dir);

  g_clear_object (&doc);
  g_unlink (path);
  g_unlink (lock);
  g_unlink (csv_path);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "cocrea-fuzz-XXXXXX", NULL);
  g_autofree char *path = NULL;
  char *dir = g_mkdtemp (template);

  /* Criticals are bugs here, as in the test suite. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);

  g_assert (dir != NULL);
  path = g_build_filename (dir, "fuzz.cocrea", NULL);
  csv_path = g_build_filename (dir, "aportes.csv", NULL);
  doc = cocrea_document_create (path, "Fuzz", "Renca", 2019, 2021, &error);
  g_assert_no_error (error);
  /* Speed over durability: the file is thrown away. */
  sqlite3_exec (cocrea_document_get_db (doc), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  atexit (remove_all);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCsvReader) reader = NULL;
  GStrv warnings = NULL;
  guint n = 0;

  reader = cocrea_csv_reader_new_from_data ((const char *) data, size, &error);
  if (reader != NULL)
    {
      gsize total = 0;

      g_assert (cocrea_csv_reader_get_delimiter (reader) != '\0');
      g_assert (cocrea_csv_reader_get_encoding (reader) != NULL);
      for (guint i = 0; i < cocrea_csv_reader_get_n_records (reader); i++)
        {
          const CocreaCsvRecord *record = cocrea_csv_reader_get_record (reader, i);
          for (guint f = 0; f < record->n_fields; f++)
            {
              /* Whatever the input's encoding, fields come out as UTF-8. */
              g_assert (g_utf8_validate (record->fields[f], -1, NULL));
              total += strlen (record->fields[f]);
            }
        }
      (void) total;
    }
  else
    g_assert (error != NULL && error->message[0] != '\0');
  g_clear_error (&error);

  if (!g_file_set_contents (csv_path, (const char *) data, (gssize) size, NULL))
    abort ();
  /* With the warnings too: duplicate, extra and unread columns, stray
   * bytes in UTF-8 (seeds in fuzz/corpus-csv). */
  if (!cocrea_csv_import_full (doc, csv_path, &n, NULL, &warnings, &error))
    g_assert (error != NULL && error->message[0] != '\0');
  else
    for (guint i = 0; warnings[i] != NULL; i++)
      g_assert (g_utf8_validate (warnings[i], -1, NULL));
  g_clear_pointer (&warnings, g_strfreev);
  g_clear_error (&error);

  /* The same bytes as Decidim's export: duplicate and extra columns, a
   * byte order mark in the quotes, mixed encodings (seeds decidim-*). */
  {
    g_auto (CocreaDecidimImport) result = { 0 };

    if (!cocrea_decidim_import (doc, csv_path, &result, NULL, &error))
      g_assert (error != NULL && error->message[0] != '\0');
  }
  return 0;
}
