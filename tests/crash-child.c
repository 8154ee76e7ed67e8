/* crash-child.c — a scripted edit session, to be killed at a random moment
 *
 * Usage:
 *   crash-child session FILE REMOTE CSVDIR ACKLOG
 *     runs the session below on FILE (a copy of the test's template) and
 *     exits 0 when it is done; test-crash kills it long before, most times;
 *   crash-child hold FILE
 *     opens FILE for writing, prints "ready" and sleeps until killed (a
 *     window that dies: test-cli-safety uses it for a stale lock).
 *
 * The acknowledgement log is the child's promise. Before each edit it
 * writes "P<TAB>edit" (pending), and after the API returned TRUE it writes
 * "A<TAB>edit" and fsyncs: an edit with an A line must survive the kill.
 * An edit with only a P line may or may not be in the file, but never in
 * part. Edits, one per line, tab-separated:
 *   C  id     text                    a contribution added (id 0 if pending)
 *   E  id     old  new                its text changed
 *   M  title  id,id,id                a new proposal merging three
 *   U  title  id,id,id                those three unmerged again
 *   S  evaluator  proposal  criterion  value   a score set
 *   I  marker count                   a CSV import of count rows
 *   X  evaluator count                merge-scores applied from REMOTE
 *   Y  marker count                   a laptop's copy brought back (sync)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cocrea-contribution.h"
#include "cocrea-csv-import.h"
#include "cocrea-document.h"
#include "cocrea-merge-scores.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-score.h"
#include "cocrea-sync.h"

#include "crash-session.h"

static int ack_fd = -1;

static void
ack_write (const char *state, const char *edit, gboolean sync)
{
  g_autofree char *line = g_strdup_printf ("%s\t%s\n", state, edit);
  size_t len = strlen (line);

  if (write (ack_fd, line, len) != (ssize_t) len || (sync && fsync (ack_fd) != 0))
    {
      fprintf (stderr, "crash-child: cannot write the acknowledgement log: %s\n",
               g_strerror (errno));
      exit (4);
    }
}

static void G_GNUC_NORETURN
die (const char *what, GError *error)
{
  fprintf (stderr, "crash-child: %s: %s\n", what, error != NULL ? error->message : "?");
  exit (3);
}

static char *
ids_text (const gint64 *ids, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  return g_string_free (s, FALSE);
}

static void
run_session (const char *path, const char *remote, const char *csv_dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) doc = NULL;
  gint64 merged[CRASH_ROUNDS][3] = { { 0 } };

  doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
  if (doc == NULL)
    die ("open", error);

  for (int r = 0; r < CRASH_ROUNDS; r++)
    {
      gint64 added[CRASH_ADDS] = { 0 };

      /* Capture. */
      for (int i = 0; i < CRASH_ADDS; i++)
        {
          g_autofree char *text = g_strdup_printf ("c%d.%d propuesta de vecinos", r, i);
          g_autofree char *pending = g_strdup_printf ("C\t0\t%s", text);
          g_autofree char *done = NULL;
          CocreaContributionFields fields = {
            .activity_id = CRASH_ACTIVITY_ID, .origin = COCREA_ORIGIN_COMMUNITY,
            .text = text, .area = "", .axes = 0,
          };

          ack_write ("P", pending, FALSE);
          if (!cocrea_contribution_add (doc, &fields, &added[i], NULL, &error))
            die ("add", error);
          done = g_strdup_printf ("C\t%" G_GINT64_FORMAT "\t%s", added[i], text);
          ack_write ("A", done, TRUE);
        }

      /* Correct the last one. */
      {
        CocreaContributionFields fields = {
          .activity_id = CRASH_ACTIVITY_ID, .origin = COCREA_ORIGIN_COMMUNITY,
          .area = "", .axes = 0,
        };
        g_autofree char *old = g_strdup_printf ("c%d.%d propuesta de vecinos", r, CRASH_ADDS - 1);
        g_autofree char *text = g_strdup_printf ("c%d.%d corregida", r, CRASH_ADDS - 1);
        g_autofree char *edit = g_strdup_printf ("E\t%" G_GINT64_FORMAT "\t%s\t%s",
                                                 added[CRASH_ADDS - 1], old, text);
        fields.text = text;
        ack_write ("P", edit, FALSE);
        if (!cocrea_contribution_update (doc, added[CRASH_ADDS - 1], &fields, NULL, &error))
          die ("update", error);
        ack_write ("A", edit, TRUE);
      }

      /* Merge three under a new proposal. */
      {
        g_autofree char *title = g_strdup_printf ("M-%d", r);
        g_autofree char *ids = ids_text (added, 3);
        g_autofree char *edit = g_strdup_printf ("M\t%s\t%s", title, ids);

        memcpy (merged[r], added, sizeof merged[r]);
        ack_write ("P", edit, FALSE);
        if (!cocrea_merge_new_proposal (doc, title, added, 3, NULL, NULL, &error))
          die ("merge", error);
        ack_write ("A", edit, TRUE);
      }

      /* Score a base proposal; rounds overwrite each other's values. */
      {
        gint64 proposal = 1 + r % 2;
        int value = 1 + r % 5;
        g_autofree char *edit = g_strdup_printf ("S\tLocal\t%" G_GINT64_FORMAT "\ttechnical\t%d",
                                                 proposal, value);
        ack_write ("P", edit, FALSE);
        if (!cocrea_score_set_by_name (doc, "Local", "Obras", proposal, "technical", value,
                                       "nota", &error))
          die ("score", error);
        ack_write ("A", edit, TRUE);
      }

      /* Import a spreadsheet: all its rows or none. */
      {
        g_autofree char *csv = g_strdup_printf ("%s/imp-%d.csv", csv_dir, r);
        g_autofree char *edit = g_strdup_printf ("I\tIMP%d\t%d", r, CRASH_IMPORT_ROWS);
        guint n = 0;

        ack_write ("P", edit, FALSE);
        if (!cocrea_csv_import (doc, csv, &n, NULL, &error))
          die ("import", error);
        if (n != CRASH_IMPORT_ROWS)
          die ("import count", NULL);
        ack_write ("A", edit, TRUE);
      }

      /* Bring back an evaluator's scores, once. */
      if (r == 1)
        {
          g_autoptr (CocreaMergeScoresPlan) plan = NULL;
          g_autofree char *edit = g_strdup_printf ("X\tRemota\t%d", CRASH_REMOTE_SCORES);
          guint n = 0;

          plan = cocrea_merge_scores_plan (doc, remote, &error);
          if (plan == NULL)
            die ("merge-scores plan", error);
          ack_write ("P", edit, FALSE);
          if (!cocrea_merge_scores_apply (doc, plan, &n, &error))
            die ("merge-scores apply", error);
          if (n != CRASH_REMOTE_SCORES)
            die ("merge-scores count", NULL);
          ack_write ("A", edit, TRUE);
        }

      /* Bring a laptop's copy back, once: all its rows or none. */
      if (r == CRASH_ROUNDS - 1)
        {
          g_autofree char *laptop = g_build_filename (csv_dir, "laptop.cocrea", NULL);
          g_autofree char *edit = g_strdup_printf ("Y\tLAP\t%d", CRASH_LAPTOP_ROWS);
          g_autoptr (CocreaSyncPlan) plan = NULL;

          ack_write ("P", edit, FALSE);
          plan = cocrea_sync_compare (doc, laptop, COCREA_SYNC_DEFAULT, &error);
          if (plan == NULL)
            die ("sync compare", error);
          if (cocrea_sync_plan_get_n_unresolved (plan) != 0)
            die ("sync conflicts", NULL);
          if (!cocrea_sync_apply (doc, plan, NULL, &error))
            die ("sync apply", error);
          ack_write ("A", edit, TRUE);
        }

      /* Take the previous round's merge apart again. */
      if (r > 0)
        {
          g_autofree char *title = g_strdup_printf ("M-%d", r - 1);
          g_autofree char *ids = ids_text (merged[r - 1], 3);
          g_autofree char *edit = g_strdup_printf ("U\t%s\t%s", title, ids);

          ack_write ("P", edit, FALSE);
          if (!cocrea_unmerge (doc, merged[r - 1], 3, NULL, &error))
            die ("unmerge", error);
          ack_write ("A", edit, TRUE);
        }
    }
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "hold"))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CocreaDocument) doc = cocrea_document_open (argv[2], COCREA_OPEN_DEFAULT, &error);

      if (doc == NULL)
        die ("open", error);
      printf ("ready\n");
      fflush (stdout);
      for (;;)
        pause ();
    }

  if (argc != 6 || !g_str_equal (argv[1], "session"))
    {
      fprintf (stderr, "usage: crash-child session FILE REMOTE CSVDIR ACKLOG\n"
                       "       crash-child hold FILE\n");
      return 2;
    }

  ack_fd = g_open (argv[5], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (ack_fd < 0)
    {
      fprintf (stderr, "crash-child: %s: %s\n", argv[5], g_strerror (errno));
      return 4;
    }

  run_session (argv[2], argv[3], argv[4]);
  close (ack_fd);
  return 0;
}
