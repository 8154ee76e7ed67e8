/* cocrea-db.h — small SQLite helpers that turn failures into GErrors
 *
 * Private to the core: the GUI and the command line never see sqlite3.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

void          cocrea_db_set_error  (GError     **error,
                                    sqlite3     *db,
                                    int          rc,
                                    const char  *context);
gboolean      cocrea_db_exec       (sqlite3     *db,
                                    const char  *sql,
                                    GError     **error);
sqlite3_stmt *cocrea_db_prepare    (sqlite3     *db,
                                    const char  *sql,
                                    GError     **error);
gboolean      cocrea_db_step_done  (sqlite3      *db,
                                    sqlite3_stmt *stmt,
                                    GError      **error);
gboolean      cocrea_db_query_int  (sqlite3     *db,
                                    const char  *sql,
                                    gint64      *value,
                                    GError     **error);
void          cocrea_db_bind_text  (sqlite3_stmt *stmt,
                                    int           index,
                                    const char   *text);
void          cocrea_db_bind_date  (sqlite3_stmt *stmt,
                                    int           index,
                                    const char   *date);
void          cocrea_db_bind_static_text (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text,
                                          int           length);
void          cocrea_db_bind_ids   (sqlite3_stmt *stmt,
                                    int           index,
                                    const gint64 *ids,
                                    guint         n_ids);
void          cocrea_db_configure_library (void);

/*
 * CocreaDbRowFunc:
 * Reads the current row of @stmt; returns what a collection keeps of it
 * (a new item, owned by the collection), or NULL to keep nothing. To stop
 * the loop, return NULL with @error set.
 */
typedef gpointer (*CocreaDbRowFunc) (sqlite3_stmt *stmt,
                                     gpointer      user_data,
                                     GError      **error);

GPtrArray    *cocrea_db_collect       (sqlite3        *db,
                                       sqlite3_stmt   *stmt,
                                       CocreaDbRowFunc row_func,
                                       gpointer        user_data,
                                       GDestroyNotify  free_func,
                                       GError        **error);
/*
 * CocreaDbRead:
 * A read transaction as a scoped guard, so that what a reader takes from
 * several queries agrees (no writer commits between them). Inside an
 * edit it does nothing: the edit's transaction already gives that.
 */
typedef struct _CocreaDbRead CocreaDbRead;

CocreaDbRead *cocrea_db_read_begin (sqlite3      *db,
                                    GError      **error);
void          cocrea_db_read_end   (CocreaDbRead *read);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaDbRead, cocrea_db_read_end)

GListModel   *cocrea_db_collect_model (sqlite3        *db,
                                       sqlite3_stmt   *stmt,
                                       GType           item_type,
                                       CocreaDbRowFunc row_func,
                                       gpointer        user_data,
                                       GError        **error);
char         *cocrea_db_now        (void);
char         *cocrea_db_new_uid    (void);
gboolean      cocrea_db_register_functions (sqlite3 *db,
                                            GError **error);

G_END_DECLS
