/* cocrea-sync-rows-private.h — the rows a copy carries, as the sync sees them
 *
 * Every row people create is read as one or two items: its content, and
 * for contributions and proposals also where it is merged (a link). An
 * item is known by its kind and identity; its hash covers its content,
 * with the rows it refers to named by their identities, never by local
 * ids. Kinds and hashes are written into files (sync_base, sync_seen):
 * they never change meaning; a new way of hashing needs a new
 * COCREA_SYNC_FORMAT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What sync_origin.format says: how the hashes of sync_base were made. */
#define COCREA_SYNC_FORMAT 1

typedef enum {
  SYNC_ITEM_ACTIVITY = 1,
  SYNC_ITEM_GROUP = 2,
  SYNC_ITEM_PROPOSAL = 3,
  SYNC_ITEM_CONTRIBUTION = 4,
  SYNC_ITEM_CONTRIBUTION_LINK = 5, /* the proposal a contribution counts for */
  SYNC_ITEM_PROPOSAL_LINK = 6,     /* the proposal a proposal was merged into */
  SYNC_ITEM_SCORE = 7,             /* identity: evaluator \x1f proposal \x1f criterion */
  SYNC_ITEM_COMMENT = 8,
  SYNC_ITEM_PROGRESS = 9,
  SYNC_ITEM_GROUP_ALIAS = 10,      /* only in sync_seen: a copy's group that is one of ours */
  SYNC_ITEM_N_KINDS
} SyncItemKind;

/* The tables read, each giving one item and maybe a link item. */
typedef enum {
  SYNC_TABLE_ACTIVITY,
  SYNC_TABLE_GROUP,
  SYNC_TABLE_PROPOSAL,
  SYNC_TABLE_CONTRIBUTION,
  SYNC_TABLE_SCORE,
  SYNC_TABLE_COMMENT,
  SYNC_TABLE_PROGRESS,
  SYNC_TABLE_N
} SyncTable;

/*
 * The columns of a row as the sync reads it: 0 the local id (rowid for
 * scores), 1 the identity, then the content the item's hash covers
 * (SYNC_COL_CONTENT .. + n_content), then for tables with links the link
 * target's identity (NULL when not merged), then columns only shown to
 * people (names, titles).
 */
#define SYNC_COL_ID      0
#define SYNC_COL_UID     1
#define SYNC_COL_CONTENT 2

typedef struct {
  SyncItemKind kind;
  SyncItemKind link_kind;  /* 0 when the table has no link */
  const char *table;       /* the SQL table */
  const char *alias;       /* its alias in the queries */
  char legacy;             /* the letter of identities derived from ids ('c' for "c-27") */
  int n_content;
  int n_display;
} SyncTableInfo;

const SyncTableInfo *sync_table_info     (SyncTable     table);
SyncTable            sync_table_of_kind  (SyncItemKind  kind);
int                  sync_link_column    (SyncTable     table);

/* One item of a file: what the plan needs of every row without keeping it. */
typedef struct {
  SyncItemKind kind;
  gint64 id;
  guint64 hash;
  char uid[]; /* the identity, allocated with the item */
} SyncItem;

/* Items by kind and identity: kind \x1e uid → SyncItem. */
GHashTable   *sync_items_new          (void);
char         *sync_item_key           (SyncItemKind  kind,
                                       const char   *uid);
SyncItem     *sync_items_lookup       (GHashTable   *items,
                                       SyncItemKind  kind,
                                       const char   *uid);
gboolean      sync_items_scan         (sqlite3      *db,
                                       GHashTable   *items,
                                       gboolean      scores_only,
                                       GError      **error);

guint64       sync_hash_row           (sqlite3_stmt *stmt,
                                       int           first,
                                       int           n);
sqlite3_stmt *sync_prepare_by_id      (sqlite3      *db,
                                       SyncTable     table,
                                       GError      **error);
sqlite3_stmt *sync_prepare_by_uid     (sqlite3      *db,
                                       SyncTable     table,
                                       GError      **error);
void          sync_bind_uid           (sqlite3_stmt *stmt,
                                       SyncTable     table,
                                       const char   *uid);
gint64        sync_legacy_id          (const char   *uid,
                                       char          letter);
gboolean      sync_lookup_id          (sqlite3      *db,
                                       const char   *table,
                                       char          letter,
                                       const char   *uid,
                                       gint64       *id,
                                       GError      **error);
gboolean      sync_write_base         (sqlite3      *db,
                                       GError      **error);

G_END_DECLS
