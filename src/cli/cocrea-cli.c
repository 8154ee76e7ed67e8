/* cocrea-cli.c — dispatch and the helpers every command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-cli.h"
#include "cocrea-error.h"

typedef struct {
  const char *name;
  const char *summary; /* N_() */
  int (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "new",    N_("Create an empty process file"),                     cocrea_cli_new },
  { "demo",   N_("Write the Renca 2019 demo process"),                cocrea_cli_demo },
  { "import", N_("Import contributions from a CSV spreadsheet or a Decidim export"), cocrea_cli_import },
  { "export", N_("Export the process: PDFs, open data, Decidim files, the repository pack"), cocrea_cli_export },
  { "info",   N_("Show a process's title and record counts"),         cocrea_cli_info },
  { "check",  N_("Check a file's integrity and schema version"),      cocrea_cli_check },
  { "list",    N_("List the contributions with their activity, group and proposal"), cocrea_cli_list },
  { "merge",   N_("Merge contributions into a proposal"),             cocrea_cli_merge },
  { "unmerge", N_("Take contributions out of their proposal"),        cocrea_cli_unmerge },
  { "tally",   N_("Count the contributions, groups and activities behind each proposal"), cocrea_cli_tally },
  { "suggest", N_("Find proposals and contributions similar to a text"), cocrea_cli_suggest },
  { "criteria", N_("List the viability criteria"),                    cocrea_cli_criteria },
  { "score",    N_("Record an evaluator's score of a proposal"),      cocrea_cli_score },
  { "rank",     N_("Show viability aggregates and the ranking"),      cocrea_cli_rank },
  { "merge-scores", N_("Merge scores from an evaluator's copy of the process"), cocrea_cli_merge_scores },
  { "decide",   N_("Shortlist, select or reject a proposal, with a reason"), cocrea_cli_decide },
  { "consultation", N_("Show or set the public consultation window and list its comments"), cocrea_cli_consultation },
  { "comment",  N_("Record a comment received in the public consultation"), cocrea_cli_comment },
  { "respond",  N_("Answer a consultation comment, with a reason"),   cocrea_cli_respond },
  { "revise",   N_("Change the plan in answer to a consultation comment"), cocrea_cli_revise },
  { "progress", N_("Record the progress of a milestone of the plan"), cocrea_cli_progress },
  { "follow-up", N_("Show where every milestone of the plan stands"), cocrea_cli_follow_up },
  { "completion", N_("Show or set each commitment's completion on OGP's scale"), cocrea_cli_completion },
  { "chart",    N_("Draw a chart of the process as PNG"),             cocrea_cli_chart },
  { "copy",     N_("Save a copy of a process for a laptop, even while it is being edited"), cocrea_cli_copy },
  { "sync",     N_("Bring a laptop's copy of the process back"),        cocrea_cli_sync },
  { "log",      N_("Show who did what, and when"),                    cocrea_cli_log },
  { "population", N_("Show or set the commune's population shares from a census"), cocrea_cli_population },
  { "representation", N_("Show who is under-represented against the commune's population"), cocrea_cli_representation },
  { "sheets",   N_("Print paper sheets: proposals per table, attendance, scoring"), cocrea_cli_sheets },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* TRUE for the top-level options the command line answers itself. */
static gboolean
is_top_level_option (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "help") ||
         g_str_equal (arg, "--version");
}

/*
 * looks_like_command:
 * TRUE when @arg cannot be a file the window should open: an option
 * GApplication does not know, or a bare word (no "/" nor ".") that names
 * no file. Such arguments get "unknown command" and exit status 2, without
 * a display, instead of a window that cannot open or GApplication's
 * "unknown option".
 */
static gboolean
looks_like_command (const char *arg)
{
  if (arg[0] == '-')
    return !g_str_has_prefix (arg, "--help-") && !g_str_has_prefix (arg, "--gapplication");
  /* An empty argument names no file either. */
  return *arg == '\0' ||
         (strpbrk (arg, "/.") == NULL && !g_file_test (arg, G_FILE_TEST_EXISTS));
}

/*
 * cocrea_cli_handles:
 * TRUE when the arguments are for the command line: a command name (known
 * or not: an unknown one is answered with a usage error), or the
 * top-level --help and --version. Anything else (no argument, a file
 * name) starts the window.
 */
gboolean
cocrea_cli_handles (int argc, char **argv)
{
  if (argc < 2)
    return FALSE;

  return find_command (argv[1]) != NULL || is_top_level_option (argv[1]) ||
         looks_like_command (argv[1]);
}

/* The edit distance between @a and @b, for suggesting a command. */
static guint
distance (const char *a, const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = g_new (guint, m + 1);

  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[m];
}

/* The command @name was most likely meant to be, or NULL. */
static const Command *
closest_command (const char *name)
{
  const Command *best = NULL;
  guint best_distance = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      guint d = distance (name, commands[i].name);

      if (d < best_distance)
        {
          best = &commands[i];
          best_distance = d;
        }
    }
  /* Two slips in a long name, one in a short one. */
  return best_distance <= MAX (1, strlen (best->name) / 3) ? best : NULL;
}

/* Says that @arg is no command, suggesting the one that was meant. */
static int
unknown_command (const char *arg)
{
  const Command *close = arg[0] != '-' ? closest_command (arg) : NULL;

  if (close != NULL)
    fprintf (stderr, _("cocrea: unknown command “%s”. Did you mean “%s”? Try “cocrea --help”."),
             arg, close->name);
  else if (arg[0] == '-')
    fprintf (stderr, _("cocrea: unknown option “%s”. Try “cocrea --help”."), arg);
  else
    fprintf (stderr, _("cocrea: unknown command “%s”. Try “cocrea --help”."), arg);
  fputc ('\n', stderr);
  return COCREA_CLI_EXIT_USAGE;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  cocrea [%s]\n  cocrea %s\n\n", _("Usage:"), _("FILE"),
           _("COMMAND FILE [OPTION…]"));
  fprintf (out, "%s\n\n", _("Cocrea carries an open government co-creation process from the "
                           "first workshop to the published action plan. Without a command it "
                           "opens the window, with FILE open if given."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “cocrea COMMAND --help” for the options of a command."));
}

int
cocrea_cli_run (int argc, char **argv)
{
  const Command *command;

  g_return_val_if_fail (argc >= 2, COCREA_CLI_EXIT_USAGE);

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("cocrea %s\n", COCREA_VERSION);
      return 0;
    }

  if (is_top_level_option (argv[1]))
    {
      print_help (stdout);
      return 0;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return unknown_command (argv[1]);

  /* GOptionContext names the program after argv[0]: make it "cocrea COMMAND". */
  {
    g_autofree char *prgname = g_strdup_printf ("cocrea %s", command->name);
    g_set_prgname (prgname);
  }

  return command->run (argc - 1, argv + 1);
}

/* A context for one command, with its entries and the translation domain set. */
GOptionContext *
cocrea_cli_context (const char *parameters, const char *summary, GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/*
 * cocrea_cli_parse:
 * Parses the options of a command and checks that exactly @n_positional
 * arguments remain after the command name (or at least -@n_positional
 * when negative). Returns FALSE with *status set to the exit status when
 * the command must stop (a usage error).
 */
gboolean
cocrea_cli_parse (GOptionContext *context, int *argc, char ***argv, int n_positional,
                  int *status)
{
  g_autoptr (GError) error = NULL;
  int have;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = cocrea_cli_usage (context, error->message);
      return FALSE;
    }

  have = *argc - 1;
  if ((n_positional >= 0 && have != n_positional) || (n_positional < 0 && have < -n_positional))
    {
      *status = cocrea_cli_usage (context, have < ABS (n_positional)
                                              ? _("Missing arguments")
                                              : _("Too many arguments"));
      return FALSE;
    }

  return TRUE;
}

/* Prints a usage error and a pointer to --help; returns the usage status. */
int
cocrea_cli_usage (GOptionContext *context, const char *message)
{
  fprintf (stderr, "%s: %s\n", g_get_prgname (), message);
  fprintf (stderr, _("Try “%s --help” for more information."), g_get_prgname ());
  fputc ('\n', stderr);
  return COCREA_CLI_EXIT_USAGE;
}

/* Prints @error as one line, frees it and returns the failure status. */
int
cocrea_cli_fail (GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  /* One line, so scripts can show it as it is. */
  g_strdelimit (line, "\n", ' ');
  fprintf (stderr, "cocrea: %s\n", line);
  g_error_free (error);
  return COCREA_CLI_EXIT_FAILURE;
}

/* Prints what @builder built as indented JSON, one newline after it. */
void
cocrea_cli_print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/*
 * cocrea_cli_open:
 * Opens @path for a command. A command that writes waits a moment for a
 * window that holds the file, then fails with a message naming it; a
 * command that only reads opens it read-only and never waits.
 */
CocreaDocument *
cocrea_cli_open (const char *path, gboolean write, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  CocreaDocument *document;

  if (write)
    return cocrea_document_open (path, COCREA_OPEN_WAIT_LOCK, error);

  document = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, &local_error);
  /* A file from an older version must be upgraded before it can be read. */
  if (document == NULL && g_error_matches (local_error, COCREA_ERROR, COCREA_ERROR_READ_ONLY))
    return cocrea_document_open (path, COCREA_OPEN_WAIT_LOCK, error);

  if (document == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return document;
}
