/* cocrea-cli-respond.c — cocrea respond FILE COMMENT_ID (--accepted|--partly|--not-accepted|--pending) [--reason TEXT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-consultation.h"

/*
 * cocrea_cli_respond:
 * Records the answer to a consultation comment, replacing any earlier
 * one, and prints it. A partial or negative answer without --reason fails
 * (1): that is the OGP reasoned response.
 */
int
cocrea_cli_respond (int argc, char **argv)
{
  gboolean accepted = FALSE, partly = FALSE, not_accepted = FALSE, pending = FALSE;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "accepted", 0, 0, G_OPTION_ARG_NONE, &accepted, N_("The comment is taken into the plan"), NULL },
    { "partly", 0, 0, G_OPTION_ARG_NONE, &partly, N_("It is taken in part (give the reason)"), NULL },
    { "not-accepted", 0, 0, G_OPTION_ARG_NONE, &not_accepted,
      N_("It is not taken into the plan (give the reason)"), NULL },
    { "pending", 0, 0, G_OPTION_ARG_NONE, &pending, N_("Take the answer back"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE COMMENT_ID"),
                        _("Record the answer to a comment of the public consultation. A comment "
                          "partly accepted or not accepted needs the reason why."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  CocreaResponse response = COCREA_RESPONSE_ACCEPTED;
  GError *error = NULL;
  guint64 id = 0;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (accepted + partly + not_accepted + pending != 1)
    return cocrea_cli_usage (context, _("Give exactly one of --accepted, --partly, "
                                        "--not-accepted and --pending"));
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    return cocrea_cli_usage (context, _("COMMENT_ID must be a comment’s number"));
  if (partly)
    response = COCREA_RESPONSE_PARTLY;
  else if (not_accepted)
    response = COCREA_RESPONSE_NOT_ACCEPTED;
  else if (pending)
    response = COCREA_RESPONSE_PENDING;

  document = cocrea_cli_open (argv[1], TRUE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  if (!cocrea_consultation_respond (document, (gint64) id, response, reason, NULL, &error))
    return cocrea_cli_fail (error);
  printf ("%s\n", cocrea_response_label (response));
  return 0;
}
