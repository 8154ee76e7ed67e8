/* cocrea-cli-copy.c — cocrea copy FILE OUT [--activity ID] [--group ID]…
 *
 * A copy for a laptop, a USB stick or a mail, taken with SQLite's backup
 * API from a read-only opening: it works while a window is editing the
 * file, and the copy holds the process as it was between two edits,
 * never in the middle of one. It remembers what it was handed out with,
 * so `cocrea sync` brings back what changed in it; with --activity (and
 * --group) it holds that table only, and capture opens there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-group.h"
#include "cocrea-sync-copy.h"

/* Reads the numbers of --group into @ids; fails on anything else. */
static gboolean
parse_groups (char **texts, GArray *ids, GError **error)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      guint64 id = 0;

      if (!g_ascii_string_to_unsigned (texts[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("--group: “%s” is not the number of a group"), texts[i]);
          return FALSE;
        }
      g_array_append_vals (ids, &(gint64) { (gint64) id }, 1);
    }
  return TRUE;
}

/* The name a copy for groups @ids comes back under: the first group's ("Mesa 3"). */
static char *
default_label (CocreaDocument *document, gint64 activity, GArray *ids)
{
  g_autoptr (GListModel) groups = NULL;

  if (ids->len == 0)
    return NULL;
  groups = cocrea_group_list (document, activity, NULL);
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr (CocreaGroup) group = g_list_model_get_item (groups, i);
      if (cocrea_group_get_id (group) == g_array_index (ids, gint64, 0))
        return g_strdup (cocrea_group_get_name (group));
    }
  return NULL;
}

int
cocrea_cli_copy (int argc, char **argv)
{
  gboolean force = FALSE;
  gint64 activity = 0;
  g_auto (GStrv) group_texts = NULL;
  g_autofree char *label = NULL;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { "activity", 0, 0, G_OPTION_ARG_INT64, &activity,
      N_("Keep only this activity (and its proposals), for one table’s laptop"), N_("ID") },
    { "group", 0, 0, G_OPTION_ARG_STRING_ARRAY, &group_texts,
      N_("Keep only this group of the activity; repeat for several. Capture opens on the first"),
      N_("ID") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("What the copy is called when it comes back (default: its first group)"), N_("TEXT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE OUT"),
                        _("Save a copy of a process file for a laptop, even while a window is "
                          "editing it. The copy is checked before the command succeeds, and "
                          "remembers what it started from: “cocrea sync FILE --from OUT” brings "
                          "back what was done in it."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *out_name = NULL;
  CocreaSyncCopyOptions options = { 0 };
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (!parse_groups (group_texts, groups, &error))
    {
      int usage = cocrea_cli_usage (context, error->message);
      g_error_free (error);
      return usage;
    }
  if (groups->len > 0 && activity == 0)
    return cocrea_cli_usage (context, _("--group needs --activity"));

  out_name = g_filename_display_basename (argv[2]);
  if (!force && g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, COCREA_ERROR, COCREA_ERROR_EXISTS,
                   _("“%s” already exists; choose another name or add --force"), out_name);
      return cocrea_cli_fail (error);
    }

  /* Read-only: never waits for, nor disturbs, the window that edits it. */
  document = cocrea_cli_open (argv[1], FALSE, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  if (label == NULL)
    label = default_label (document, activity, groups);
  options.label = label;
  options.activity_id = activity;
  options.group_ids = (const gint64 *) groups->data;
  options.n_groups = groups->len;
  /* The copy is checked before it takes its name. */
  if (!cocrea_sync_write_copy (document, argv[2], &options, &error))
    return cocrea_cli_fail (error);

  printf (_("Copied to %s"), argv[2]);
  putchar ('\n');
  return 0;
}
