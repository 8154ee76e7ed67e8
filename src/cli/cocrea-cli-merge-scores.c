/* cocrea-cli-merge-scores.c — cocrea merge-scores FILE --from OTHER.cocrea
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-merge-scores.h"

/* Marks the conflicts named by @spec ("all" or "1,3,4") as take-theirs. */
static gboolean
take_theirs (CocreaMergeScoresPlan *plan, const char *spec, GError **error)
{
  g_auto (GStrv) parts = NULL;

  if (g_str_equal (spec, "all"))
    {
      cocrea_merge_scores_resolve_all (plan, COCREA_MERGE_TAKE_THEIRS);
      return TRUE;
    }

  parts = g_strsplit (spec, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n = 0;
      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, plan->conflicts->len, &n, NULL))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("--take-theirs: “%s” is not the number of a conflict (1 to %u)"), parts[i],
                       plan->conflicts->len);
          return FALSE;
        }
      g_array_index (plan->conflicts, CocreaScoreChange, n - 1).resolution = COCREA_MERGE_TAKE_THEIRS;
    }
  return TRUE;
}

static void
print_plan (CocreaMergeScoresPlan *plan)
{
  for (guint i = 0; i < plan->new_scores->len; i++)
    {
      const CocreaScoreChange *c = &g_array_index (plan->new_scores, CocreaScoreChange, i);
      /* TRANSLATORS: a score to be added: evaluator, proposal number and title, criterion, value */
      printf (_("new       %s · #%lld %s · %s = %d"), c->evaluator, (long long) c->proposal_id,
              c->proposal_title, c->criterion, c->their_value);
      putchar ('\n');
    }
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      const CocreaScoreChange *c = &g_array_index (plan->conflicts, CocreaScoreChange, i);
      /* TRANSLATORS: a numbered conflict: evaluator, proposal, criterion, this file's value and note, the other's */
      printf (_("conflict %u: %s · #%lld %s · %s: here %d “%s”, there %d “%s”"), i + 1, c->evaluator,
              (long long) c->proposal_id, c->proposal_title, c->criterion, c->our_value, c->our_note,
              c->their_value, c->their_note);
      putchar ('\n');
    }
  for (guint i = 0; i < plan->skipped->len; i++)
    printf ("%s %s\n", _("skipped:"), (const char *) g_ptr_array_index (plan->skipped, i));
  /* TRANSLATORS: summary of a merge of scores */
  printf (_("%u new, %u in conflict, %u already the same, %u skipped"), plan->new_scores->len,
          plan->conflicts->len, plan->unchanged, plan->skipped->len);
  putchar ('\n');
}

/*
 * cocrea_cli_merge_scores:
 * Merges the scores of another copy of the same process. Lists new
 * scores and numbered conflicts; writes nothing with --dry-run. Conflicts
 * must be decided: --take-theirs (all or numbers) or --keep-ours; while
 * any is undecided nothing is written and the status is 1, so a script
 * never merges half of a file without knowing.
 */
int
cocrea_cli_merge_scores (int argc, char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *theirs_spec = NULL;
  gboolean dry_run = FALSE, keep_ours = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("The evaluator’s copy of this process"), N_("OTHER.cocrea") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only list what would change"), NULL },
    { "take-theirs", 0, 0, G_OPTION_ARG_STRING, &theirs_spec,
      N_("Take the other file’s score for these conflicts (numbers as listed, or “all”)"), N_("LIST") },
    { "keep-ours", 0, 0, G_OPTION_ARG_NONE, &keep_ours,
      N_("Keep this file’s score for every other conflict"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Merge the scores an evaluator recorded in their own copy of the process. "
                          "The other file is only read, and must be a copy of the same process.\n\n"
                          "New scores are added. A score both files hold with a different value or "
                          "note is a conflict: run with --dry-run to list them numbered, then decide "
                          "each with --take-theirs or keep the rest with --keep-ours. While a "
                          "conflict is undecided nothing is written and the exit status is 1."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaMergeScoresPlan) plan = NULL;
  GError *error = NULL;
  guint written = 0, unresolved;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (from == NULL)
    return cocrea_cli_usage (context, _("Give the other file with --from"));

  document = cocrea_cli_open (argv[1], !dry_run, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  plan = cocrea_merge_scores_plan (document, from, &error);
  if (plan == NULL)
    return cocrea_cli_fail (error);
  if (theirs_spec != NULL && !take_theirs (plan, theirs_spec, &error))
    return cocrea_cli_fail (error);
  if (keep_ours)
    for (guint i = 0; i < plan->conflicts->len; i++)
      if (g_array_index (plan->conflicts, CocreaScoreChange, i).resolution == COCREA_MERGE_UNRESOLVED)
        g_array_index (plan->conflicts, CocreaScoreChange, i).resolution = COCREA_MERGE_KEEP_OURS;

  print_plan (plan);
  if (dry_run)
    return 0;

  unresolved = cocrea_merge_scores_count_unresolved (plan);
  if (unresolved > 0)
    {
      g_set_error (&error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u conflict is undecided, so nothing was merged; use --take-theirs or --keep-ours",
                                "%u conflicts are undecided, so nothing was merged; use --take-theirs or --keep-ours",
                                unresolved),
                   unresolved);
      return cocrea_cli_fail (error);
    }

  /* Nothing to write: no edit, so the audit log is not filled with empty merges. */
  {
    gboolean taking = FALSE;
    for (guint i = 0; i < plan->conflicts->len; i++)
      taking |= g_array_index (plan->conflicts, CocreaScoreChange, i).resolution == COCREA_MERGE_TAKE_THEIRS;
    if (plan->new_scores->len == 0 && !taking)
      return 0;
  }

  if (!cocrea_merge_scores_apply (document, plan, &written, &error))
    return cocrea_cli_fail (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u score\n", "Merged %u scores\n", written), written);
  return 0;
}
