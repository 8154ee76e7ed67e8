/* cocrea-cli-follow-up.c — cocrea follow-up FILE [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-completion.h"
#include "cocrea-milestone-progress.h"
#include "cocrea-stage.h"

static void
add_member (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *member, gint64 value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static void
add_counts (JsonBuilder *b, const CocreaProgressCounts *counts)
{
  if (counts->position > 0)
    {
      add_int (b, "commitment", counts->position);
      add_member (b, "name", counts->name);
    }
  add_int (b, "total", counts->total);
  for (CocreaProgress p = 0; p < COCREA_N_PROGRESS; p++)
    add_int (b, cocrea_progress_to_key (p), counts->by_status[p]);
  add_int (b, "overdue", counts->overdue);
}

/* The completion of commitment @id among @completions, or NULL. */
static const CocreaCompletionState *
completion_of (GPtrArray *completions, gint64 id)
{
  for (guint i = 0; i < completions->len; i++)
    if (((CocreaCompletionState *) g_ptr_array_index (completions, i))->commitment_id == id)
      return g_ptr_array_index (completions, i);
  return NULL;
}

static void
print_json (GPtrArray *states, const CocreaProgressSummary *summary, GPtrArray *completions)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "milestones");
  json_builder_begin_array (b);
  for (guint i = 0; i < states->len; i++)
    {
      const CocreaMilestoneState *s = g_ptr_array_index (states, i);

      json_builder_begin_object (b);
      add_int (b, "commitment", s->commitment_position);
      add_member (b, "commitment_name", s->commitment_name);
      add_int (b, "milestone", s->position);
      add_member (b, "deliverable", s->deliverable);
      add_member (b, "starts_on", s->starts_on);
      add_member (b, "ends_on", s->ends_on);
      add_member (b, "status", cocrea_progress_to_key (s->status));
      add_member (b, "recorded_on", s->recorded_on);
      add_member (b, "evidence", s->evidence);
      json_builder_set_member_name (b, "overdue");
      json_builder_add_boolean_value (b, s->overdue);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  add_counts (b, &summary->overall);
  json_builder_set_member_name (b, "commitments");
  json_builder_begin_array (b);
  for (guint i = 0; i < summary->commitments->len; i++)
    {
      const CocreaProgressCounts *counts = &g_array_index (summary->commitments,
                                                           CocreaProgressCounts, i);
      const CocreaCompletionState *completion = completion_of (completions,
                                                               counts->commitment_id);

      json_builder_begin_object (b);
      add_counts (b, counts);
      if (completion != NULL)
        cocrea_cli_add_completion (b, completion);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  cocrea_cli_print_json (b);
}

/* "Done: 3 · In progress: 2 · Not started: 19 · Overdue: 6": labels and
 * numbers, so no plural forms are needed. */
static void
print_counts (const CocreaProgressCounts *counts)
{
  for (CocreaProgress p = 0; p < COCREA_N_PROGRESS; p++)
    printf ("%s: %u · ", cocrea_progress_label (COCREA_PROGRESS_DONE - p),
            counts->by_status[COCREA_PROGRESS_DONE - p]);
  printf ("%s: %u\n", _("Overdue"), counts->overdue);
}

/* "October 2019 – March 2020 · ", one end alone when the other is
 * unknown, "" when both are. */
static char *
format_period (const CocreaMilestoneState *s)
{
  g_autofree char *starts = cocrea_format_partial_date (s->starts_on);
  g_autofree char *ends = cocrea_format_partial_date (s->ends_on);

  if (*starts != '\0' && *ends != '\0')
    return g_strdup_printf ("%s – %s · ", starts, ends);
  if (*starts != '\0' || *ends != '\0')
    return g_strdup_printf ("%s · ", *starts != '\0' ? starts : ends);
  return g_strdup ("");
}

static void
print_text (GPtrArray *states, const CocreaProgressSummary *summary, GPtrArray *completions)
{
  gint64 commitment = 0;

  for (guint i = 0; i < states->len; i++)
    {
      const CocreaMilestoneState *s = g_ptr_array_index (states, i);
      g_autofree char *period = format_period (s);

      if (s->commitment_id != commitment)
        {
          commitment = s->commitment_id;
          if (i > 0)
            putchar ('\n');
          /* TRANSLATORS: a heading, "Commitment 2: Neighbourhood plans" */
          printf (_("Commitment %d: %s"), s->commitment_position, s->commitment_name);
          putchar ('\n');
        }
      printf ("  %d.%d  %s\n", s->commitment_position, s->position, s->deliverable);
      printf ("        %s%s", period, cocrea_progress_label (s->status));
      if (s->recorded_on != NULL)
        {
          g_autofree char *day = cocrea_format_partial_date (s->recorded_on);
          printf (" (%s)", day);
        }
      if (s->overdue)
        printf (" · %s", _("OVERDUE"));
      putchar ('\n');
      if (*s->evidence != '\0')
        {
          /* One line per milestone keeps the listing readable. */
          g_autofree char *line = g_strdelimit (g_strdup (s->evidence), "\r\n", ' ');

          printf ("        ");
          /* TRANSLATORS: what shows a milestone's progress */
          printf (_("Evidence: %s"), line);
          putchar ('\n');
        }
    }

  printf ("\n%s\n  ", _("Summary"));
  print_counts (&summary->overall);
  for (guint i = 0; i < summary->commitments->len; i++)
    {
      const CocreaProgressCounts *c = &g_array_index (summary->commitments, CocreaProgressCounts, i);

      const CocreaCompletionState *completion = completion_of (completions, c->commitment_id);

      printf ("  ");
      printf (_("Commitment %d"), c->position);
      printf (": ");
      print_counts (c);
      if (completion != NULL)
        {
          g_autofree char *described = cocrea_cli_describe_completion (completion);

          printf ("    ");
          /* TRANSLATORS: the commitment's level on OGP's completion scale */
          printf (_("OGP completion: %s"), described);
          putchar ('\n');
        }
    }
}

/*
 * cocrea_cli_follow_up:
 * Prints where every milestone of the plan stands, by commitment, with
 * the overdue ones marked, and how many are done, in progress, not
 * started and overdue. Only reads the file.
 */
int
cocrea_cli_follow_up (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Show the follow-up of the plan: where every milestone stands (not "
                          "started, in progress or done), since when and with what evidence, "
                          "the overdue ones marked, and a summary per commitment."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (CocreaProgressSummary) summary = NULL;
  g_autoptr (GPtrArray) completions = NULL;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  states = cocrea_milestone_progress_follow_up (document, NULL, &error);
  if (states == NULL)
    return cocrea_cli_fail (error);
  completions = cocrea_completion_list (document, &error);
  if (completions == NULL)
    return cocrea_cli_fail (error);
  summary = cocrea_milestone_progress_summarize (states);
  if (json)
    print_json (states, summary, completions);
  else
    print_text (states, summary, completions);
  return 0;
}
