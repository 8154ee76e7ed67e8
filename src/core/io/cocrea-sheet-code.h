/* cocrea-sheet-code.h — the code printed on every paper sheet
 *
 * A sheet handed to a table, to the door or to an evaluator carries a
 * short code, as text and as a QR code, that says which process, which
 * activity, which table group (or evaluator) and which page it is, so a
 * pile of sheets typed back goes to the right places. It is short enough
 * to type from the paper and ends in a check character that catches a
 * mistyped character or two swapped ones:
 *
 *   C4F2A-3-12-1-K
 *   │└┬─┘ │ │  │ └ check character
 *   │ │   │ │  └── page, from 1
 *   │ │   │ └───── table group (0: none) or evaluator (0: named on the sheet)
 *   │ │   └─────── activity (0 on a scoring sheet)
 *   │ └─────────── the process: the first four hex digits of its uuid
 *   └───────────── C capture, A attendance, E scoring (evaluation)
 *
 * Reading is forgiving where people and scanners are: any run of
 * characters that are not letters or digits separates (a scanner set for
 * another keyboard types "'" for "-"), case is ignored, and O, I and L
 * are read as 0, 1 and 1 where a letter cannot be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_SHEET_CAPTURE,     /* a table group's proposals */
  COCREA_SHEET_ATTENDANCE,  /* the attendance and inclusion register */
  COCREA_SHEET_SCORING,     /* an evaluator's viability scores */
  COCREA_N_SHEET_KINDS
} CocreaSheetKind;

/**
 * CocreaSheetCode:
 * What a sheet code says. @group_id is the table group on a capture
 * sheet (0: the activity has none), @evaluator_id the evaluator on a
 * scoring sheet (0: to be written on the sheet); the other is 0.
 * @activity_id is 0 on a scoring sheet.
 */
typedef struct {
  CocreaSheetKind kind;
  char tag[5];
  gint64 activity_id;
  gint64 group_id;
  gint64 evaluator_id;
  guint page;
} CocreaSheetCode;

char     *cocrea_sheet_code_format      (const CocreaSheetCode *code);
gboolean  cocrea_sheet_code_parse       (const char            *text,
                                         CocreaSheetCode       *code,
                                         GError               **error);
gboolean  cocrea_sheet_code_looks_like  (const char            *text);
char     *cocrea_sheet_process_tag      (CocreaDocument        *document,
                                         GError               **error);
gboolean  cocrea_sheet_code_make        (CocreaDocument        *document,
                                         CocreaSheetKind        kind,
                                         gint64                 activity_id,
                                         gint64                 group_or_evaluator_id,
                                         guint                  page,
                                         CocreaSheetCode       *code,
                                         GError               **error);
gboolean  cocrea_sheet_code_resolve     (CocreaDocument        *document,
                                         const char            *text,
                                         CocreaSheetCode       *code,
                                         GError               **error);

G_END_DECLS
