/* fuzz-open.c — libFuzzer harness: any bytes as a process file
 *
 * Each input is written as a .cocrea file on tmpfs and opened as a window
 * would (for writing: it may be upgraded); when it opens, the overview
 * figures are loaded, the lists and the tally are read and the process is
 * exported as JSON. Refusing with a GError is fine; a crash, a sanitizer
 * report or a GLib critical is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cocrea-contribution-list.h"
#include "cocrea-contribution.h"
#include "cocrea-document.h"
#include "cocrea-json-export.h"
#include "cocrea-proposal.h"
#include "cocrea-stats.h"
#include "cocrea-tally.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static char *dir;
static char *path;
static char *json_path;

static void
remove_all (void)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *lock = g_build_filename (dir, ".input.cocrea.lock", NULL);

  g_unlink (path);
  g_unlink (journal);
  g_unlink (lock);
  g_unlink (json_path);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "cocrea-fuzz-XXXXXX", NULL);

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  dir = g_strdup (g_mkdtemp (template));
  g_assert (dir != NULL);
  path = g_build_filename (dir, "input.cocrea", NULL);
  json_path = g_build_filename (dir, "out.json", NULL);
  atexit (remove_all);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();

  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  if (doc == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }

  {
    CocreaStats stats = { 0 };
    g_autoptr (GListModel) contributions = NULL;
    g_autoptr (GListModel) proposals = NULL;
    g_autoptr (GListModel) tally = NULL;
    g_autoptr (CocreaProcessInfo) info = NULL;

    info = cocrea_document_get_process (doc, &error);
    g_clear_error (&error);
    cocrea_stats_load (doc, &stats, &error);
    g_clear_error (&error);
    contributions = cocrea_contribution_list (doc, 0, 0, &error);
    g_clear_error (&error);
    proposals = cocrea_proposal_list (doc, &error);
    g_clear_error (&error);
    tally = cocrea_tally (doc, &error);
    g_clear_error (&error);
    cocrea_json_export (doc, json_path, &error);
    g_clear_error (&error);
  }
  return 0;
}
