/* cocrea-cli-info.c — cocrea info FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-stats.h"

/* Pads by characters, not bytes, so Spanish labels ("Jóvenes") line up. */
static void
print_count (const char *label, gint64 value)
{
  glong width = g_utf8_strlen (label, -1);
  g_autofree char *padding = g_strnfill (MAX (38 - width, 1), ' ');

  printf ("  %s%s%" G_GINT64_FORMAT "\n", label, padding, value);
}

int
cocrea_cli_info (int argc, char **argv)
{
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"), _("Show a process's title, municipality and record counts."), NULL);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaProcessInfo) info = NULL;
  CocreaStats stats = { 0 };
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  info = cocrea_document_get_process (document, &error);
  if (info == NULL || !cocrea_stats_load (document, &stats, &error))
    return cocrea_cli_fail (error);

  printf ("%s: %s\n", _("Title"), info->title);
  printf ("%s: %s\n", _("Municipality"), info->municipality);
  if (info->period_start > 0)
    printf ("%s: %d–%d\n", _("Period"), info->period_start, info->period_end);
  printf ("%s: %s\n", _("Last change"), info->modified_at);
  printf ("%s: %d (%s %d, %s %d)\n", _("Commitments to choose"), info->quota_total,
          _("municipal"), info->quota_municipal, _("community"), info->quota_community);
  printf ("\n%s\n", _("Records:"));
  print_count (_("Activities"), stats.activities);
  print_count (_("Groups"), stats.groups);
  print_count (_("Contributions"), stats.contributions);
  print_count (_("Proposals"), stats.proposals);
  print_count (C_("count of proposals", "Shortlisted"), stats.shortlisted);
  print_count (C_("count of proposals", "Selected"), stats.selected);
  print_count (_("Evaluators"), stats.evaluators);
  print_count (_("Scores"), stats.scores);
  print_count (_("Commitments"), stats.commitments);
  print_count (_("Milestones"), stats.milestones);
  print_count (_("Consultation comments"), stats.comments);
  printf ("\n%s\n", _("Participation:"));
  print_count (_("Attendance"), stats.attendance);
  print_count (_("Women"), stats.women);
  print_count (_("Youth"), stats.youth);
  print_count (_("Migrants"), stats.migrants);
  print_count (_("Indigenous peoples"), stats.indigenous);
  print_count (_("People with disabilities"), stats.disability);

  return 0;
}
