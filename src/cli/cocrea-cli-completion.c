/* cocrea-cli-completion.c — cocrea completion FILE [--json]
 *                            | --commitment N (--level LEVEL --reason TEXT | --follow-milestones)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-completion.h"
#include "cocrea-error.h"

/* Adds "completion", "completion_derived", "completion_set_by_hand" and
 * "completion_reason" of @state to the object being built. */
void
cocrea_cli_add_completion (JsonBuilder *b, const CocreaCompletionState *state)
{
  json_builder_set_member_name (b, "completion");
  json_builder_add_string_value (b, cocrea_completion_to_key (state->level));
  json_builder_set_member_name (b, "completion_derived");
  json_builder_add_string_value (b, cocrea_completion_to_key (state->derived));
  json_builder_set_member_name (b, "completion_set_by_hand");
  json_builder_add_boolean_value (b, state->set_by_hand);
  json_builder_set_member_name (b, "completion_reason");
  if (state->reason != NULL)
    json_builder_add_string_value (b, state->reason);
  else
    json_builder_add_null_value (b);
}

/* "Substantial" or "Substantial (set by hand; the milestones say
 * Limited): the reason", for people. */
char *
cocrea_cli_describe_completion (const CocreaCompletionState *state)
{
  if (!state->set_by_hand)
    return g_strdup (cocrea_completion_label (state->level));
  /* TRANSLATORS: a completion level set by hand, the level the milestones give, and why */
  return g_strdup_printf (_("%s (set by hand; the milestones say %s): %s"),
                          cocrea_completion_label (state->level),
                          cocrea_completion_label (state->derived), state->reason);
}

static void
print_json (GPtrArray *states)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < states->len; i++)
    {
      const CocreaCompletionState *s = g_ptr_array_index (states, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "commitment");
      json_builder_add_int_value (b, s->position);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, s->name);
      json_builder_set_member_name (b, "milestones");
      json_builder_add_int_value (b, s->milestones);
      cocrea_cli_add_completion (b, s);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* The state of commitment number @position, or NULL with @error set. */
static const CocreaCompletionState *
find_numbered (GPtrArray *states, int position, GError **error)
{
  for (guint i = 0; i < states->len; i++)
    if (((CocreaCompletionState *) g_ptr_array_index (states, i))->position == position)
      return g_ptr_array_index (states, i);
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
               _("The plan has no commitment number %d"), position);
  return NULL;
}

/*
 * cocrea_cli_completion:
 * Lists every commitment's completion on OGP's scale, or sets one by
 * hand with a reason, or lets it follow its milestones again. Returns 0,
 * 1 on failure (nothing changed), 2 for a usage error.
 */
int
cocrea_cli_completion (int argc, char **argv)
{
  gboolean json = FALSE, follow = FALSE;
  int commitment = 0;
  g_autofree char *level_text = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "commitment", 0, 0, G_OPTION_ARG_INT, &commitment,
      N_("The commitment’s number in the plan"), N_("NUMBER") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_text,
      N_("Set the level by hand: no-evidence, not-started, limited, substantial or complete"),
      N_("LEVEL") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the commitment stands at that level (required with --level)"), N_("TEXT") },
    { "follow-milestones", 0, 0, G_OPTION_ARG_NONE, &follow,
      N_("Let the level follow the milestones again"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Show each commitment's completion on OGP's scale (no evidence "
                          "available, not started, limited, substantial, complete), which "
                          "follows its milestones unless the forum set it by hand with a "
                          "reason."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GPtrArray) states = NULL;
  const CocreaCompletionState *state;
  CocreaCompletion level = COCREA_COMPLETION_NO_EVIDENCE;
  gboolean writing;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  writing = level_text != NULL || follow;
  if (level_text != NULL && follow)
    return cocrea_cli_usage (context, _("Give --level or --follow-milestones, not both"));
  if (writing && commitment <= 0)
    return cocrea_cli_usage (context, _("Give the commitment's number with --commitment"));
  if (!writing && (commitment != 0 || reason != NULL))
    return cocrea_cli_usage (context, _("--commitment and --reason go with --level or "
                                        "--follow-milestones"));
  if (level_text != NULL && !cocrea_completion_from_text (level_text, &level))
    return cocrea_cli_usage (context, _("--level is one of no-evidence, not-started, limited, "
                                        "substantial and complete"));

  document = cocrea_cli_open (argv[1], writing, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  states = cocrea_completion_list (document, &error);
  if (states == NULL)
    return cocrea_cli_fail (error);

  if (writing)
    {
      g_autoptr (CocreaCompletionState) now = NULL;
      g_autofree char *described = NULL;
      gboolean ok;

      state = find_numbered (states, commitment, &error);
      if (state == NULL)
        return cocrea_cli_fail (error);
      ok = follow ? cocrea_completion_follow_milestones (document, state->commitment_id, NULL,
                                                         &error)
                  : cocrea_completion_set (document, state->commitment_id, level, reason, NULL,
                                           &error);
      if (!ok || (now = cocrea_completion_get (document, state->commitment_id, &error)) == NULL)
        return cocrea_cli_fail (error);
      described = cocrea_cli_describe_completion (now);
      /* TRANSLATORS: "Commitment 2: Substantial" */
      printf (_("Commitment %d: %s"), now->position, described);
      putchar ('\n');
      return 0;
    }

  if (json)
    {
      print_json (states);
      return 0;
    }
  for (guint i = 0; i < states->len; i++)
    {
      g_autofree char *described = NULL;

      state = g_ptr_array_index (states, i);
      described = cocrea_cli_describe_completion (state);
      printf ("%d. %s\n   %s\n", state->position, state->name, described);
    }
  return 0;
}
