/* cocrea-sync-copy.h — the copies handed out to laptops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

/**
 * CocreaSyncCopyOptions:
 * @label: what the copy is called when it comes back ("Mesa 3"); may be NULL
 * @activity_id: the one activity the copy keeps, or 0 for the whole process
 * @group_ids: (array length=n_groups): the groups of that activity it
 *   keeps, the first one where capture opens; none: all of them
 * @n_groups: how many
 * @keep_everything: keep the whole process all the same; the activity and
 *   groups only say where capture opens
 */
typedef struct {
  const char *label;
  gint64 activity_id;
  const gint64 *group_ids;
  guint n_groups;
  gboolean keep_everything;
} CocreaSyncCopyOptions;

gboolean cocrea_sync_write_copy      (CocreaDocument              *document,
                                      const char                  *dest_path,
                                      const CocreaSyncCopyOptions *options,
                                      GError                     **error);
gboolean cocrea_sync_get_focus       (CocreaDocument              *document,
                                      gint64                      *activity_id,
                                      gint64                      *group_id,
                                      GError                     **error);
char    *cocrea_sync_copy_file_name  (const char                  *kind_label,
                                      const char                  *held_on,
                                      const char                  *group_name);

G_END_DECLS
