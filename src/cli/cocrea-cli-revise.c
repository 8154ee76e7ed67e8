/* cocrea-cli-revise.c — cocrea revise FILE --comment ID [--commitment N] [--milestone M]
 *                        --field FIELD --value TEXT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-commitment.h"
#include "cocrea-consultation.h"
#include "cocrea-error.h"
#include "cocrea-milestone.h"
#include "cocrea-revision.h"

/* The id of commitment number @position, or 0 with @error set. */
static gint64
commitment_numbered (CocreaDocument *document, int position, GError **error)
{
  g_autoptr (GListModel) list = cocrea_commitment_list (document, error);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaCommitment) c = g_list_model_get_item (list, i);
      if (cocrea_commitment_get_position (c) == position)
        return cocrea_commitment_get_id (c);
    }
  if (list != NULL)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("The plan has no commitment number %d"), position);
  return 0;
}

/* The id of milestone number @position of commitment @commitment_id. */
static gint64
milestone_numbered (CocreaDocument *document, gint64 commitment_id, int commitment_position,
                    int position, GError **error)
{
  g_autoptr (GListModel) list = cocrea_milestone_list (document, commitment_id, error);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaMilestone) m = g_list_model_get_item (list, i);
      if (cocrea_milestone_get_position (m) == position)
        return cocrea_milestone_get_id (m);
    }
  if (list != NULL)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("Commitment %d has no milestone number %d"), commitment_position, position);
  return 0;
}

/*
 * cocrea_cli_revise:
 * Changes one field of a commitment (or of one of its milestones) in
 * answer to a consultation comment, and records the change for the final
 * plan. Returns 0, 1 on failure (nothing changed), 2 for a usage error.
 */
int
cocrea_cli_revise (int argc, char **argv)
{
  gint64 comment_id = 0;
  int commitment = 0, milestone = 0;
  g_autofree char *field = NULL;
  g_autofree char *value = NULL;
  GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_INT64, &comment_id,
      N_("The comment the change answers (its id, as cocrea consultation lists it)"), N_("ID") },
    { "commitment", 0, 0, G_OPTION_ARG_INT, &commitment,
      N_("The commitment's number in the plan (default: the comment's commitment)"),
      N_("NUMBER") },
    { "milestone", 0, 0, G_OPTION_ARG_INT, &milestone,
      N_("The milestone's number in its commitment, to change one of its fields"), N_("NUMBER") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field,
      N_("What changes: name, note, starts_on, ends_on, lead_unit, problem, description, "
         "contribution, relevance or additional_info; of a milestone: deliverable, starts_on or "
         "ends_on"),
      N_("FIELD") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The new text"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Change the plan in answer to a consultation comment: one field of a "
                          "commitment or of one of its milestones. The change and the comment "
                          "that caused it go into the final plan."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaConsultationComment) comment = NULL;
  gint64 commitment_id, milestone_id = 0, id = 0;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (comment_id <= 0 || field == NULL || value == NULL)
    return cocrea_cli_usage (context, _("Give --comment, --field and --value"));
  if (commitment < 0 || milestone < 0)
    return cocrea_cli_usage (context, _("Give --commitment and --milestone as numbers in the "
                                        "plan, from 1"));

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  comment = cocrea_consultation_lookup_comment (document, comment_id, &error);
  if (comment == NULL)
    return cocrea_cli_fail (error);

  if (commitment == 0)
    commitment = cocrea_consultation_comment_get_commitment_position (comment);
  if (commitment <= 0)
    return cocrea_cli_usage (context, _("The comment is about the plan in general: say which "
                                        "commitment changes with --commitment"));
  commitment_id = commitment_numbered (document, commitment, &error);
  if (commitment_id == 0)
    return cocrea_cli_fail (error);
  if (milestone > 0)
    {
      milestone_id = milestone_numbered (document, commitment_id, commitment, milestone, &error);
      if (milestone_id == 0)
        return cocrea_cli_fail (error);
    }

  if (!cocrea_revision_apply (document, comment_id, commitment_id, milestone_id, field, value,
                              &id, NULL, &error))
    return cocrea_cli_fail (error);

  if (milestone > 0)
    /* TRANSLATORS: "Changed Start of milestone 2.3 in answer to comment 4." */
    printf (_("Changed %s of milestone %d.%d in answer to comment %lld."),
            cocrea_revision_field_label (field), commitment, milestone, (long long) comment_id);
  else
    /* TRANSLATORS: "Changed Name of commitment 2 in answer to comment 4." */
    printf (_("Changed %s of commitment %d in answer to comment %lld."),
            cocrea_revision_field_label (field), commitment, (long long) comment_id);
  putchar ('\n');
  return 0;
}
