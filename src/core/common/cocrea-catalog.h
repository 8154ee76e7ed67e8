/* cocrea-catalog.h — the translations of one language, apart from the locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CocreaCatalog CocreaCatalog;

CocreaCatalog *cocrea_catalog_new_for_language (const char    *language);
void           cocrea_catalog_free             (CocreaCatalog *self);
const char    *cocrea_catalog_get_language     (CocreaCatalog *self);
/* Formats in translations are checked against the msgid, as with _(). */
const char    *cocrea_catalog_gettext          (CocreaCatalog *self,
                                                const char    *msgid) G_GNUC_FORMAT (2);
const char    *cocrea_catalog_pgettext         (CocreaCatalog *self,
                                                const char    *context,
                                                const char    *msgid) G_GNUC_FORMAT (3);
const char    *cocrea_catalog_ngettext         (CocreaCatalog *self,
                                                const char    *msgid,
                                                const char    *msgid_plural,
                                                gulong         n) G_GNUC_FORMAT (3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaCatalog, cocrea_catalog_free)

G_END_DECLS
