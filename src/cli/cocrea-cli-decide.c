/* cocrea-cli-decide.c — cocrea decide FILE PROPOSAL_ID (--shortlist|--select|--reject) --reason TEXT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-selection.h"

/*
 * cocrea_cli_decide:
 * Records a decision with its reason. --reject means "shortlisted, not
 * selected" for a proposal already shortlisted (or selected), else "not
 * shortlisted". A selection beyond a quota fails (1) unless --force, and
 * then prints the summary against the quotas.
 */
int
cocrea_cli_decide (int argc, char **argv)
{
  gboolean shortlist = FALSE, select = FALSE, reject = FALSE, force = FALSE;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "shortlist", 0, 0, G_OPTION_ARG_NONE, &shortlist, N_("Put the proposal on the shortlist"), NULL },
    { "select", 0, 0, G_OPTION_ARG_NONE, &select, N_("Select it as a commitment"), NULL },
    { "reject", 0, 0, G_OPTION_ARG_NONE, &reject,
      N_("Reject it: not selected if shortlisted, else not shortlisted"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (required: the reasoned response)"), N_("TEXT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Select even beyond a quota"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE PROPOSAL_ID"),
                        _("Record the decision on a proposal with its written reason. A selection "
                          "that would break the quotas is refused unless --force is given."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  CocreaSelectionSummary summary;
  CocreaDecision decision = COCREA_DECISION_SHORTLISTED;
  GError *error = NULL;
  gint64 proposal;
  char *end = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (shortlist + select + reject != 1)
    return cocrea_cli_usage (context, _("Give exactly one of --shortlist, --select and --reject"));
  if (reason == NULL)
    return cocrea_cli_usage (context, _("Give the reason with --reason"));
  proposal = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || proposal <= 0)
    return cocrea_cli_usage (context, _("PROPOSAL_ID must be a proposal’s number"));

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  if (select)
    decision = COCREA_DECISION_SELECTED;
  else if (reject)
    {
      gboolean decided = FALSE;
      CocreaDecision current = COCREA_DECISION_NOT_SHORTLISTED;

      if (!cocrea_selection_get_decision (document, proposal, &decided, &current, NULL, &error))
        return cocrea_cli_fail (error);
      decision = decided && current != COCREA_DECISION_NOT_SHORTLISTED ? COCREA_DECISION_NOT_SELECTED
                                                                       : COCREA_DECISION_NOT_SHORTLISTED;
    }

  if (!cocrea_selection_decide (document, proposal, decision, reason, force, &error))
    return cocrea_cli_fail (error);

  if (!cocrea_selection_get_summary (document, &summary, &error))
    return cocrea_cli_fail (error);
  printf ("%s\n", cocrea_decision_label (decision));
  /* TRANSLATORS: selected against quotas: "Selected: 5 of 5 (municipal 2 of 2, community 3 of 3)" */
  printf (_("Selected: %d of %d (municipal %d of %d, community %d of %d)"), summary.selected,
          summary.quota_total, summary.selected_municipal, summary.quota_municipal,
          summary.selected_community, summary.quota_community);
  putchar ('\n');
  return 0;
}
