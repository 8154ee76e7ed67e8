/* cocrea-output.h — every file Cocrea writes: whole or not at all, never over a process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CocreaOutputKind:
 * @COCREA_OUTPUT_EXPORT: an export (CSV, JSON, PDF, PNG): it never
 *   replaces a process file, nor takes a name that looks like one
 * @COCREA_OUTPUT_PROCESS_COPY: a copy of a process: a .cocrea name is
 *   what it should have, but never the source's own file
 */
typedef enum {
  COCREA_OUTPUT_EXPORT,
  COCREA_OUTPUT_PROCESS_COPY,
} CocreaOutputKind;

/* The end of every temporary file's name: ".NAME.XXXXXX.cocrea-part". */
#define COCREA_OUTPUT_TEMP_SUFFIX ".cocrea-part"

typedef struct _CocreaOutput CocreaOutput;

gboolean      cocrea_output_check         (const char        *dest,
                                           const char        *source,
                                           CocreaOutputKind   kind,
                                           GError           **error);
CocreaOutput *cocrea_output_begin         (const char        *dest,
                                           const char        *source,
                                           CocreaOutputKind   kind,
                                           GError           **error);
const char   *cocrea_output_get_temp_path (CocreaOutput      *self);
const char   *cocrea_output_get_path      (CocreaOutput      *self);
gboolean      cocrea_output_write         (CocreaOutput      *self,
                                           const void        *data,
                                           gsize              length,
                                           GError           **error);
gboolean      cocrea_output_commit        (CocreaOutput      *self,
                                           GError           **error);
void          cocrea_output_free          (CocreaOutput      *self);
gboolean      cocrea_output_write_file    (const char        *dest,
                                           const char        *source,
                                           CocreaOutputKind   kind,
                                           const void        *data,
                                           gsize              length,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaOutput, cocrea_output_free)

G_END_DECLS
