/* cocrea-cli-score.c — cocrea score FILE --evaluator NAME --proposal ID --criterion KEY --value N
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-score.h"

/*
 * cocrea_cli_score:
 * Sets one evaluator's score (and note) for one proposal on one
 * criterion; an evaluator not yet in the process is added. A value
 * outside the criterion's scale, or an unknown criterion or proposal,
 * fails (1) and leaves the file as it was.
 */
int
cocrea_cli_score (int argc, char **argv)
{
  g_autofree char *evaluator = NULL;
  g_autofree char *department = NULL;
  g_autofree char *criterion = NULL;
  g_autofree char *note = NULL;
  gint64 proposal = 0;
  int value = G_MININT;
  GOptionEntry entries[] = {
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator,
      N_("Who scores (added if new)"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("The evaluator’s department, for a new evaluator"), N_("TEXT") },
    { "proposal", 0, 0, G_OPTION_ARG_INT64, &proposal, N_("The proposal’s number"), N_("ID") },
    { "criterion", 0, 0, G_OPTION_ARG_STRING, &criterion,
      N_("The criterion’s key (see “cocrea criteria”)"), N_("KEY") },
    { "value", 0, 0, G_OPTION_ARG_INT, &value, N_("The score, within the criterion’s scale"), N_("N") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why this score"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"), _("Record an evaluator’s score of a proposal on one criterion."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (evaluator == NULL || criterion == NULL || proposal <= 0 || value == G_MININT)
    return cocrea_cli_usage (context, _("Give --evaluator, --proposal, --criterion and --value"));

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  if (!cocrea_score_set_by_name (document, evaluator, department, proposal, criterion, value, note,
                                 &error))
    return cocrea_cli_fail (error);
  return 0;
}
