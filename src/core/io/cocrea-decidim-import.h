/* cocrea-decidim-import.h — Decidim's proposals export as contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/**
 * CocreaDecidimImport:
 * @added: proposals added as contributions, amendments included
 * @amendments: how many of @added amend another proposal
 * @known: proposals an earlier import already brought, not added again
 * @updated: how many of @known had new supports, comments or state
 * @withdrawn: proposals their authors withdrew, left out
 * @activities: (array zero-terminated=1): the activities they went to
 *
 * What one import of a Decidim export did.
 */
typedef struct {
  guint added;
  guint amendments;
  guint known;
  guint updated;
  guint withdrawn;
  char **activities;
} CocreaDecidimImport;

void     cocrea_decidim_import_clear  (CocreaDecidimImport *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CocreaDecidimImport, cocrea_decidim_import_clear)

gboolean cocrea_decidim_file_detect   (const char          *path);
gboolean cocrea_decidim_import        (CocreaDocument      *document,
                                       const char          *path,
                                       CocreaDecidimImport *result,
                                       CocreaUndo         **undo,
                                       GError             **error);
char    *cocrea_decidim_import_describe (const CocreaDecidimImport *result);

G_END_DECLS
