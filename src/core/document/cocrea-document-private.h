/* cocrea-document-private.h — what core modules need of a document
 *
 * Only code inside src/core includes this: it is how the domain modules
 * reach SQLite, and how every edit becomes one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

sqlite3  *cocrea_document_get_db       (CocreaDocument *self);
gboolean  cocrea_document_begin_edit   (CocreaDocument *self,
                                        GError        **error);
gboolean  cocrea_document_commit_edit  (CocreaDocument *self,
                                        GError        **error);
void      cocrea_document_rollback_edit (CocreaDocument *self);
const char *cocrea_document_author   (void);
gboolean  cocrea_document_log          (CocreaDocument *self,
                                        const char     *action,
                                        const char     *subject,
                                        const char     *detail,
                                        GError        **error);

G_END_DECLS
