/* cocrea-search-index.h — the full-text index, for core modules only
 *
 * The FTS5 tables are external-content tables over contribution and
 * proposal, kept in sync by code inside each edit (the schema refuses
 * triggers). Whoever changes the text of a contribution or a proposal
 * removes its index entry BEFORE the change (FTS5 needs the old text to
 * remove it) and adds it AFTER.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The highest ids before a bulk insert, so the new rows can be indexed in one statement. */
typedef struct {
  gint64 contribution;
  gint64 proposal;
} CocreaIndexMark;

gboolean cocrea_suggest_register_tokenizer (sqlite3               *db,
                                            GError               **error);
char    *cocrea_fold_fast                  (const char            *text);
/* Room cocrea_fold_to() needs for @len bytes of text. */
#define COCREA_FOLD_MAX_BYTES(len) ((len) + (len) / 2 + 1)

gsize    cocrea_fold_to                    (char                  *out,
                                            const char            *text,
                                            gsize                  len);
void     cocrea_fold_append                (GString               *out,
                                            const char            *text,
                                            gsize                  len);

gboolean cocrea_index_mark                 (sqlite3               *db,
                                            CocreaIndexMark       *mark,
                                            GError               **error);
gboolean cocrea_index_add_since            (sqlite3               *db,
                                            const CocreaIndexMark *mark,
                                            GError               **error);
gboolean cocrea_index_contribution         (sqlite3               *db,
                                            gint64                 id,
                                            gboolean               add,
                                            GError               **error);
gboolean cocrea_index_proposal             (sqlite3               *db,
                                            gint64                 id,
                                            gboolean               add,
                                            GError               **error);
gboolean cocrea_index_contributions_where  (sqlite3               *db,
                                            const char            *where,
                                            gint64                 param,
                                            gboolean               add,
                                            GError               **error);

G_END_DECLS
