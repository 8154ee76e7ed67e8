/* cocrea-cli-comment.c — cocrea comment FILE --text TEXT --channel CHANNEL [--commitment NUMBER] [--author NAME] [--received DATE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-commitment.h"
#include "cocrea-consultation.h"
#include "cocrea-error.h"

/* The id of the commitment numbered @number in the plan, or 0 with
 * COCREA_ERROR_NOT_FOUND. */
static gint64
commitment_numbered (CocreaDocument *document, int number, GError **error)
{
  g_autoptr (GListModel) commitments = cocrea_commitment_list (document, error);

  if (commitments == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (commitments); i++)
    {
      g_autoptr (CocreaCommitment) c = g_list_model_get_item (commitments, i);
      if (cocrea_commitment_get_position (c) == number)
        return cocrea_commitment_get_id (c);
    }
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
               _("The plan has no commitment number %d"), number);
  return 0;
}

/*
 * cocrea_cli_comment:
 * Records a comment of the public consultation, about commitment number
 * --commitment of the plan or about the whole plan, and prints its id.
 * Returns 0, 1 when the comment breaks a rule (nothing is written), 2 for
 * a usage error.
 */
int
cocrea_cli_comment (int argc, char **argv)
{
  g_autofree char *text = NULL;
  g_autofree char *channel_text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *received = NULL;
  int number = 0;
  GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What the person said"), N_("TEXT") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel_text,
      N_("How it arrived: online, in-person or email"), N_("CHANNEL") },
    { "commitment", 0, 0, G_OPTION_ARG_INT, &number,
      N_("The commitment’s number in the plan (default: the whole plan)"), N_("NUMBER") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who made the comment"), N_("NAME") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received,
      N_("The day it was received"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Record a comment received in the public consultation and print its "
                          "number. Its answer starts as pending: see “cocrea respond”."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  CocreaCommentFields fields = { 0 };
  GError *error = NULL;
  gint64 id = 0;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (text == NULL || channel_text == NULL)
    return cocrea_cli_usage (context, _("Give --text and --channel"));
  if (!cocrea_channel_from_text (channel_text, &fields.channel))
    return cocrea_cli_usage (context, _("--channel takes online, in-person or email"));
  if (number < 0)
    return cocrea_cli_usage (context, _("--commitment takes a commitment’s number in the plan"));

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  if (number > 0 && (fields.commitment_id = commitment_numbered (document, number, &error)) == 0)
    return cocrea_cli_fail (error);

  fields.author = author;
  fields.received_on = received;
  fields.text = text;
  if (!cocrea_consultation_add_comment (document, &fields, &id, NULL, &error))
    return cocrea_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}
