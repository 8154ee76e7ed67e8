/* cocrea-history.h — the audit log, read back for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

/* What an entry is about, for filtering the history. */
typedef enum {
  COCREA_HISTORY_OTHER,
  COCREA_HISTORY_DECISION,
  COCREA_HISTORY_SCORE,
  COCREA_HISTORY_MERGE,
  COCREA_HISTORY_IMPORT,
  COCREA_HISTORY_SYNC,
  COCREA_HISTORY_CAPTURE,
  COCREA_HISTORY_PLAN,
  COCREA_HISTORY_CONSULTATION,
  COCREA_N_HISTORY_KINDS
} CocreaHistoryKind;

/**
 * CocreaHistoryEntry:
 * @id: its place in the log, growing with time
 * @at: when, in UTC: "2019-03-26T18:30:00Z"
 * @author: (nullable): who, where the file says so (older files do not)
 * @action: the edit's stable key: "decide", "merge", "import"…
 * @subject: what it changed: "proposal:12", a file name…
 * @detail: more, as text or JSON
 */
typedef struct {
  gint64 id;
  char *at;
  char *author;
  char *action;
  char *subject;
  char *detail;
} CocreaHistoryEntry;

GPtrArray         *cocrea_history_list          (CocreaDocument           *document,
                                                 const char               *since,
                                                 GError                  **error);
void               cocrea_history_entry_free    (CocreaHistoryEntry       *entry);
CocreaHistoryKind  cocrea_history_entry_kind    (const CocreaHistoryEntry *entry);
const char        *cocrea_history_kind_to_key   (CocreaHistoryKind         kind);
const char        *cocrea_history_kind_label    (CocreaHistoryKind         kind);
char              *cocrea_history_entry_describe (const CocreaHistoryEntry *entry);
char              *cocrea_history_entry_when    (const CocreaHistoryEntry *entry);
JsonNode          *cocrea_history_to_json       (GPtrArray                *entries);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaHistoryEntry, cocrea_history_entry_free)

G_END_DECLS
