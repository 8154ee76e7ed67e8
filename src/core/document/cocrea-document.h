/* cocrea-document.h — one co-creation process, stored in one .cocrea file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  COCREA_OPEN_DEFAULT   = 0,
  COCREA_OPEN_READ_ONLY = 1 << 0, /* never write, never lock */
  COCREA_OPEN_WAIT_LOCK = 1 << 1, /* wait a moment for another writer (command line) */
  COCREA_OPEN_FALLBACK_READ_ONLY = 1 << 2, /* when locked, open read-only instead of failing */
} CocreaOpenFlags;

/**
 * CocreaProcessInfo:
 * The process record: what it is called, where, when, and its quotas.
 * A snapshot; change it with cocrea_document_update_process().
 */
typedef struct {
  char *uuid;
  char *title;
  char *municipality;
  int period_start; /* year, 0 when unknown */
  int period_end;   /* year, 0 when unknown */
  char *partners;
  char *language;
  int quota_total;
  int quota_municipal;
  int quota_community;
  char *created_at;
  char *modified_at;
} CocreaProcessInfo;

void cocrea_process_info_free (CocreaProcessInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaProcessInfo, cocrea_process_info_free)

#define COCREA_TYPE_DOCUMENT (cocrea_document_get_type ())
G_DECLARE_FINAL_TYPE (CocreaDocument, cocrea_document, COCREA, DOCUMENT, GObject)

CocreaDocument    *cocrea_document_create            (const char      *path,
                                                      const char      *title,
                                                      const char      *municipality,
                                                      int              period_start,
                                                      int              period_end,
                                                      GError         **error);
CocreaDocument    *cocrea_document_open              (const char      *path,
                                                      CocreaOpenFlags  flags,
                                                      GError         **error);
void               cocrea_document_close             (CocreaDocument  *self);
const char        *cocrea_document_get_path          (CocreaDocument  *self);
gboolean           cocrea_document_is_read_only      (CocreaDocument  *self);
void               cocrea_document_release_memory    (CocreaDocument  *self);
const char        *cocrea_document_get_read_only_reason (CocreaDocument *self);
gboolean           cocrea_document_get_lock_was_stale (CocreaDocument *self);
int                cocrea_document_get_migrated_from (CocreaDocument  *self);
CocreaProcessInfo *cocrea_document_get_process       (CocreaDocument  *self,
                                                      GError         **error);
gboolean           cocrea_document_update_process    (CocreaDocument  *self,
                                                      const CocreaProcessInfo *info,
                                                      GError         **error);
gboolean           cocrea_document_save_copy         (CocreaDocument  *self,
                                                      const char      *dest_path,
                                                      GError         **error);
gboolean           cocrea_document_check_output      (CocreaDocument  *self,
                                                      const char      *dest,
                                                      GError         **error);

gboolean           cocrea_document_check_outside     (CocreaDocument  *self);
void               cocrea_document_watch_outside     (CocreaDocument  *self,
                                                      guint            interval_ms);

gboolean           cocrea_document_peek_version      (const char      *path,
                                                      int             *version,
                                                      GError         **error);
gboolean           cocrea_document_check_file        (const char      *path,
                                                      int             *schema_version,
                                                      GError         **error);
gboolean           cocrea_parse_period               (const char      *text,
                                                      int             *start,
                                                      int             *end,
                                                      GError         **error);

G_END_DECLS
