/* cocrea-csv-reader.h — records of a CSV file, as people's spreadsheets write them
 *
 * A small reader over libcsv. It takes the bytes as they come from Excel,
 * LibreOffice or a text editor (UTF-8 with or without BOM, UTF-16 with BOM,
 * else Windows-1252), guesses the delimiter from the header line (",", ";"
 * or tab) and yields every record with the physical line it starts on, so
 * an importer can say "line 7".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CocreaCsvRecord:
 * @line: the physical line of the file where the record starts, 1-based
 * @n_fields: the number of fields
 * @fields: (array length=n_fields): the fields as UTF-8, never %NULL
 *
 * One record. Owned by its reader.
 */
typedef struct {
  guint line;
  guint n_fields;
  char **fields;
} CocreaCsvRecord;

typedef struct _CocreaCsvReader CocreaCsvReader;

CocreaCsvReader       *cocrea_csv_reader_new_from_file (const char      *path,
                                                        GError         **error);
CocreaCsvReader       *cocrea_csv_reader_new_from_data (const char      *data,
                                                        gsize            length,
                                                        GError         **error);
CocreaCsvReader       *cocrea_csv_reader_open          (const char      *path);
const CocreaCsvRecord *cocrea_csv_reader_next          (CocreaCsvReader *self,
                                                        GError         **error);
void                   cocrea_csv_reader_free          (CocreaCsvReader *self);
char                   cocrea_csv_reader_get_delimiter (CocreaCsvReader *self);
const char            *cocrea_csv_reader_get_encoding  (CocreaCsvReader *self);
guint                  cocrea_csv_reader_get_n_records (CocreaCsvReader *self);
const CocreaCsvRecord *cocrea_csv_reader_get_record    (CocreaCsvReader *self,
                                                        guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaCsvReader, cocrea_csv_reader_free)

G_END_DECLS
