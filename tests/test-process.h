/* test-process.h — a process in a temporary folder: where most suites start
 *
 * A suite's Fixture begins with TEST_PROCESS_FIELDS and adds its own
 * fields after them; its set-up calls one of the functions below on
 * TEST_PROCESS (f) and its tear-down test_process_clear(), which removes
 * the folder with everything the test wrote in it.
 *
 *   typedef struct {
 *     TEST_PROCESS_FIELDS;
 *     gint64 commitment;
 *   } Fixture;
 *
 *   static void
 *   fixture_set_up (Fixture *f, gconstpointer data)
 *   {
 *     test_process_demo (TEST_PROCESS (f), "renca.cocrea", COCREA_OPEN_DEFAULT);
 *     …
 *   }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"

G_BEGIN_DECLS

#define TEST_PROCESS_FIELDS                                                      \
  char *dir;                /* a fresh temporary folder */                       \
  char *path;               /* the process file in it */                         \
  CocreaDocument *document  /* open on @path, or NULL */

typedef struct {
  TEST_PROCESS_FIELDS;
} TestProcess;

/* A fixture that begins with TEST_PROCESS_FIELDS, as a TestProcess. */
#define TEST_PROCESS(fixture) ((TestProcess *) (fixture))

void    test_process_folder    (TestProcess    *self,
                                const char     *file_name);
void    test_process_demo_file (TestProcess    *self,
                                const char     *file_name);
void    test_process_demo      (TestProcess    *self,
                                const char     *file_name,
                                CocreaOpenFlags flags);
void    test_process_empty     (TestProcess    *self,
                                const char     *file_name);
char   *test_process_file      (TestProcess    *self,
                                const char     *file_name);
gint64  test_process_query_int (TestProcess    *self,
                                const char     *sql);
void    test_process_exec      (TestProcess    *self,
                                const char     *sql);
gint64  test_process_add_contribution (TestProcess *self,
                                       gint64       activity_id,
                                       gint64       group_id,
                                       const char  *text);
void    test_process_clear     (TestProcess    *self);

void    test_remove_tree       (const char     *path);
char   *test_file_sha256       (const char     *path);
gint64  test_document_query_int (CocreaDocument *document,
                                 const char     *sql);

G_END_DECLS
