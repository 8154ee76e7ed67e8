/* cocrea-cli-private.h — shared by the command implementations
 *
 * Each command is a function taking the arguments after "cocrea", with
 * argv[0] the command's name, and returning the process exit status:
 * 0 on success, 1 when the work failed, 2 for a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cocrea-completion.h"
#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_CLI_EXIT_FAILURE 1
#define COCREA_CLI_EXIT_USAGE   2

int             cocrea_cli_check   (int argc, char **argv);
int             cocrea_cli_demo    (int argc, char **argv);
int             cocrea_cli_export  (int argc, char **argv);
int             cocrea_cli_import  (int argc, char **argv);
int             cocrea_cli_info    (int argc, char **argv);
int             cocrea_cli_new     (int argc, char **argv);
int             cocrea_cli_tally   (int argc, char **argv);
int             cocrea_cli_merge   (int argc, char **argv);
int             cocrea_cli_unmerge (int argc, char **argv);
int             cocrea_cli_suggest (int argc, char **argv);
int             cocrea_cli_list    (int argc, char **argv);
int             cocrea_cli_criteria (int argc, char **argv);
int             cocrea_cli_score   (int argc, char **argv);
int             cocrea_cli_rank    (int argc, char **argv);
int             cocrea_cli_merge_scores (int argc, char **argv);
int             cocrea_cli_decide  (int argc, char **argv);
int             cocrea_cli_consultation (int argc, char **argv);
int             cocrea_cli_comment (int argc, char **argv);
int             cocrea_cli_respond (int argc, char **argv);
int             cocrea_cli_revise  (int argc, char **argv);
int             cocrea_cli_log     (int argc, char **argv);
int             cocrea_cli_progress (int argc, char **argv);
int             cocrea_cli_follow_up (int argc, char **argv);
int             cocrea_cli_completion (int argc, char **argv);
int             cocrea_cli_chart   (int argc, char **argv);
int             cocrea_cli_copy    (int argc, char **argv);
int             cocrea_cli_sync    (int argc, char **argv);
int             cocrea_cli_population (int argc, char **argv);
int             cocrea_cli_representation (int argc, char **argv);
int             cocrea_cli_sheets  (int argc, char **argv);
char           *cocrea_cli_format_percent (double percent);
gint64         *cocrea_cli_parse_ids (int          argc,
                                      char       **argv,
                                      GError     **error);

GOptionContext *cocrea_cli_context (const char   *parameters,
                                    const char   *summary,
                                    GOptionEntry *entries);
gboolean        cocrea_cli_parse   (GOptionContext *context,
                                    int            *argc,
                                    char         ***argv,
                                    int             n_positional,
                                    int            *status);
int             cocrea_cli_fail    (GError       *error);
void            cocrea_cli_print_json (JsonBuilder *builder);
int             cocrea_cli_usage   (GOptionContext *context,
                                    const char   *message);
CocreaDocument *cocrea_cli_open    (const char   *path,
                                    gboolean      write,
                                    GError      **error);

/* Completion levels, shown alike by completion and follow-up. */
void            cocrea_cli_add_completion      (JsonBuilder                 *builder,
                                                const CocreaCompletionState *state);
char           *cocrea_cli_describe_completion (const CocreaCompletionState *state);

G_END_DECLS
