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

/*
 * CocreaEdit:
 * One edit of a document, as a scoped guard: begin it, and it rolls back
 * when it goes out of scope unless cocrea_edit_commit() was called, so
 * every early return undoes what the edit wrote:
 *
 *   g_autoptr (CocreaEdit) edit = cocrea_edit_begin (document, error);
 *   if (edit == NULL)
 *     return FALSE;
 *   if (!write_something (db, error))
 *     return FALSE;                       // rolled back here
 *   return cocrea_edit_commit (edit, error);
 *
 * Edits nest (an import reuses the single-record functions): the
 * outermost is the transaction, inner ones are savepoints, and guards
 * must end in the reverse order they began, as scopes do.
 */
typedef struct _CocreaEdit CocreaEdit;

CocreaEdit *cocrea_edit_begin  (CocreaDocument *document,
                                GError        **error);
gboolean    cocrea_edit_commit (CocreaEdit     *edit,
                                GError        **error);
void        cocrea_edit_end    (CocreaEdit     *edit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaEdit, cocrea_edit_end)

/* The transaction primitives under CocreaEdit; new code uses the guard. */
gboolean  cocrea_document_begin_edit   (CocreaDocument *self,
                                        GError        **error);
gboolean  cocrea_document_commit_edit  (CocreaDocument *self,
                                        GError        **error);
void      cocrea_document_rollback_edit (CocreaDocument *self);
const char *cocrea_document_author   (void);

/* Turns the temporary file of a copy being saved into what it should be. */
typedef gboolean (*CocreaCopyPrepare) (const char *temp_path,
                                       gpointer    user_data,
                                       GError    **error);

gboolean  cocrea_document_save_copy_full (CocreaDocument   *self,
                                          const char       *dest_path,
                                          CocreaCopyPrepare prepare,
                                          gpointer          user_data,
                                          GError          **error);
gboolean  cocrea_document_log          (CocreaDocument *self,
                                        const char     *action,
                                        const char     *subject,
                                        const char     *detail,
                                        GError        **error);

G_END_DECLS
