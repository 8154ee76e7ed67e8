/* cocrea-cli-progress.c — cocrea progress FILE --commitment N --milestone M (--not-started|--in-progress|--done) [--on DATE] [--evidence TEXT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone-progress.h"

/*
 * milestone_numbered:
 * The id of milestone number @milestone of commitment number @commitment
 * in the plan, or 0 with COCREA_ERROR_NOT_FOUND naming which is missing.
 * People know milestones by those numbers, as the plan prints them.
 */
static gint64
milestone_numbered (CocreaDocument *document, int commitment, int milestone, GError **error)
{
  g_autoptr (GPtrArray) states = cocrea_milestone_progress_follow_up (document, NULL, error);
  gboolean commitment_seen = FALSE;

  if (states == NULL)
    return 0;
  for (guint i = 0; i < states->len; i++)
    {
      const CocreaMilestoneState *state = g_ptr_array_index (states, i);

      if (state->commitment_position != commitment)
        continue;
      commitment_seen = TRUE;
      if (state->position == milestone)
        return state->milestone_id;
    }
  /* A commitment without milestones is not in the follow-up either. */
  if (!commitment_seen)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("The plan has no milestones for commitment number %d"), commitment);
  else
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("Commitment %d has no milestone number %d"), commitment, milestone);
  return 0;
}

/*
 * cocrea_cli_progress:
 * Records where a milestone stands and prints the record's id. "Done"
 * without --evidence fails (1): the forum needs to see what proves it.
 */
int
cocrea_cli_progress (int argc, char **argv)
{
  gboolean not_started = FALSE, in_progress = FALSE, done = FALSE;
  int commitment = 0, milestone = 0;
  g_autofree char *on = NULL;
  g_autofree char *evidence = NULL;
  GOptionEntry entries[] = {
    { "commitment", 0, 0, G_OPTION_ARG_INT, &commitment,
      N_("The commitment’s number in the plan"), N_("NUMBER") },
    { "milestone", 0, 0, G_OPTION_ARG_INT, &milestone,
      N_("The milestone’s number in its commitment"), N_("NUMBER") },
    { "not-started", 0, 0, G_OPTION_ARG_NONE, &not_started, N_("Work has not started"), NULL },
    { "in-progress", 0, 0, G_OPTION_ARG_NONE, &in_progress, N_("Work is under way"), NULL },
    { "done", 0, 0, G_OPTION_ARG_NONE, &done, N_("It is done (give the evidence)"), NULL },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The day it was seen (default: today)"),
      N_("YYYY-MM-DD") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence, N_("What shows it"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Record the progress of a milestone of the plan, as the regular forum "
                          "follows it, and print the record’s number. A milestone done needs "
                          "the evidence that shows it."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  CocreaProgress progress = COCREA_PROGRESS_IN_PROGRESS;
  GError *error = NULL;
  gint64 milestone_id, id = 0;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (not_started + in_progress + done != 1)
    return cocrea_cli_usage (context, _("Give exactly one of --not-started, --in-progress and "
                                        "--done"));
  if (commitment <= 0 || milestone <= 0)
    return cocrea_cli_usage (context, _("Give --commitment and --milestone as numbers in the "
                                        "plan, from 1"));
  if (not_started)
    progress = COCREA_PROGRESS_NOT_STARTED;
  else if (done)
    progress = COCREA_PROGRESS_DONE;

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  milestone_id = milestone_numbered (document, commitment, milestone, &error);
  if (milestone_id == 0 ||
      !cocrea_milestone_progress_record (document, milestone_id, progress, on, evidence, &id, NULL,
                                         &error))
    return cocrea_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}
