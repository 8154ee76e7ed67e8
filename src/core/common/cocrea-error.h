/* cocrea-error.h — the error domain of the Cocrea core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COCREA_ERROR (cocrea_error_quark ())

/**
 * CocreaError:
 * @COCREA_ERROR_NOT_A_PROCESS: the file is not a Cocrea process (another
 *   SQLite database, random bytes, an empty file)
 * @COCREA_ERROR_DAMAGED: the file is a process but fails integrity checks
 * @COCREA_ERROR_TOO_NEW: the file was written by a newer Cocrea
 * @COCREA_ERROR_UNSAFE: the file carries objects Cocrea did not create
 * @COCREA_ERROR_LOCKED: another program has the file open for writing
 * @COCREA_ERROR_READ_ONLY: a write was attempted on a read-only document
 * @COCREA_ERROR_EXISTS: the file to be created already exists
 * @COCREA_ERROR_INVALID: input data breaks a rule (empty title, bad value)
 * @COCREA_ERROR_NOT_FOUND: a record named by id does not exist
 * @COCREA_ERROR_IO: reading or writing failed
 * @COCREA_ERROR_DATABASE: SQLite reported an unexpected failure
 * @COCREA_ERROR_CSV: a CSV file could not be read
 */
typedef enum {
  COCREA_ERROR_NOT_A_PROCESS,
  COCREA_ERROR_DAMAGED,
  COCREA_ERROR_TOO_NEW,
  COCREA_ERROR_UNSAFE,
  COCREA_ERROR_LOCKED,
  COCREA_ERROR_READ_ONLY,
  COCREA_ERROR_EXISTS,
  COCREA_ERROR_INVALID,
  COCREA_ERROR_NOT_FOUND,
  COCREA_ERROR_IO,
  COCREA_ERROR_DATABASE,
  COCREA_ERROR_CSV,
} CocreaError;

GQuark cocrea_error_quark (void);

G_END_DECLS
