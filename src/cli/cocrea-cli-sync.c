/* cocrea-cli-sync.c — cocrea sync FILE --from COPY.cocrea [--dry-run] [--json]
 *
 * Brings a laptop's copy back into the process: what it brings, counted
 * by kind, and its conflicts, one line each. A script never brings half a
 * copy without knowing: while a conflict is undecided nothing is written
 * and the status is 1 (--dry-run only shows, and succeeds).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-error.h"
#include "cocrea-sync.h"

/* Marks the conflicts named by @spec ("all" or "1,3,4") as take-theirs. */
static gboolean
take_theirs (CocreaSyncPlan *plan, const char *spec, GError **error)
{
  GListModel *conflicts = cocrea_sync_plan_get_conflicts (plan);
  guint n = g_list_model_get_n_items (conflicts);
  g_auto (GStrv) parts = NULL;

  if (g_str_equal (spec, "all"))
    {
      cocrea_sync_plan_resolve_all (plan, COCREA_SYNC_TAKE_THEIRS);
      return TRUE;
    }

  parts = g_strsplit (spec, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr (CocreaSyncConflict) c = NULL;
      guint64 k = 0;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, MAX (n, 1), &k, NULL) || n == 0)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("--take-theirs: “%s” is not the number of a conflict (1 to %u)"), parts[i],
                       n);
          return FALSE;
        }
      c = g_list_model_get_item (conflicts, k - 1);
      if (!cocrea_sync_conflict_can_take_theirs (c))
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       _("--take-theirs: conflict %u can only be kept as it is here"), (guint) k);
          return FALSE;
        }
      cocrea_sync_conflict_set_resolution (c, COCREA_SYNC_TAKE_THEIRS);
    }
  return TRUE;
}

static const char *
resolution_key (CocreaSyncResolution r)
{
  return r == COCREA_SYNC_TAKE_THEIRS ? "take-theirs"
         : r == COCREA_SYNC_KEEP_OURS ? "keep-ours"
                                      : "undecided";
}

static void
print_text (CocreaSyncPlan *plan)
{
  GListModel *conflicts = cocrea_sync_plan_get_conflicts (plan);
  const char *const labels[COCREA_SYNC_N_CHANGES] = {
    /* TRANSLATORS: sync output, before the counts of new rows ("new: 3 contributions") */
    [COCREA_SYNC_NEW] = N_("new:"),
    [COCREA_SYNC_CHANGED] = N_("changed:"),
    [COCREA_SYNC_DELETED] = N_("deleted:"),
  };

  for (const char *const *note = cocrea_sync_plan_get_notes (plan); *note != NULL; note++)
    printf ("%s %s\n", _("note:"), *note);
  for (int change = 0; change < COCREA_SYNC_N_CHANGES; change++)
    {
      g_autofree char *line = cocrea_sync_plan_describe (plan, change);
      printf ("%-10s %s\n", _(labels[change]), line != NULL ? line : _("nothing"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr (CocreaSyncConflict) c = g_list_model_get_item (conflicts, i);
      const char *ours = cocrea_sync_conflict_get_ours (c);
      const char *theirs = cocrea_sync_conflict_get_theirs (c);

      /* TRANSLATORS: a numbered conflict: what, why, this file's version, the copy's */
      printf (_("conflict %u: %s (%s); here: %s; in the copy: %s"), i + 1,
              cocrea_sync_conflict_get_title (c), cocrea_sync_conflict_get_explanation (c),
              ours != NULL ? ours : _("deleted"), theirs != NULL ? theirs : _("deleted"));
      putchar ('\n');
    }
  for (const char *const *skipped = cocrea_sync_plan_get_skipped (plan); *skipped != NULL; skipped++)
    printf ("%s %s\n", _("skipped:"), *skipped);
}

static void
add_counts (JsonBuilder *builder, CocreaSyncPlan *plan, CocreaSyncChange change)
{
  json_builder_set_member_name (builder, cocrea_sync_change_to_key (change));
  json_builder_begin_object (builder);
  for (int kind = 0; kind < COCREA_SYNC_N_KINDS; kind++)
    {
      json_builder_set_member_name (builder, cocrea_sync_kind_to_key (kind));
      json_builder_add_int_value (builder, cocrea_sync_plan_get_count (plan, kind, change));
    }
  json_builder_end_object (builder);
}

static void
add_strings (JsonBuilder *builder, const char *name, const char *const *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (; *strings != NULL; strings++)
    json_builder_add_string_value (builder, *strings);
  json_builder_end_array (builder);
}

static void
add_nullable (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (CocreaSyncPlan *plan, gboolean applied)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GListModel *conflicts = cocrea_sync_plan_get_conflicts (plan);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "copy");
  json_builder_add_string_value (builder, cocrea_sync_plan_get_label (plan));
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, cocrea_sync_plan_get_copy_path (plan));
  for (int change = 0; change < COCREA_SYNC_N_CHANGES; change++)
    add_counts (builder, plan, change);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr (CocreaSyncConflict) c = g_list_model_get_item (conflicts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, i + 1);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     cocrea_sync_kind_to_key (cocrea_sync_conflict_get_kind (c)));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, cocrea_sync_conflict_get_reason_key (c));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, cocrea_sync_conflict_get_title (c));
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, cocrea_sync_conflict_get_explanation (c));
      add_nullable (builder, "here", cocrea_sync_conflict_get_ours (c));
      add_nullable (builder, "there", cocrea_sync_conflict_get_theirs (c));
      json_builder_set_member_name (builder, "resolution");
      json_builder_add_string_value (builder,
                                     resolution_key (cocrea_sync_conflict_get_resolution (c)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_strings (builder, "skipped", cocrea_sync_plan_get_skipped (plan));
  add_strings (builder, "notes", cocrea_sync_plan_get_notes (plan));
  json_builder_set_member_name (builder, "applied");
  json_builder_add_boolean_value (builder, applied);
  json_builder_end_object (builder);
  cocrea_cli_print_json (builder);
}

/*
 * cocrea_cli_sync:
 * Brings the copy named by --from back into FILE. Lists what it brings
 * and its numbered conflicts; writes nothing with --dry-run. Conflicts
 * must be decided (--take-theirs, --keep-ours): while any is undecided
 * nothing is written and the status is 1.
 */
int
cocrea_cli_sync (int argc, char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *theirs_spec = NULL;
  gboolean dry_run = FALSE, keep_ours = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("A laptop’s copy of this process"),
      N_("COPY.cocrea") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what would change"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "take-theirs", 0, 0, G_OPTION_ARG_STRING, &theirs_spec,
      N_("Take the copy’s version for these conflicts (numbers as listed, or “all”)"), N_("LIST") },
    { "keep-ours", 0, 0, G_OPTION_ARG_NONE, &keep_ours,
      N_("Keep this file’s version for every other conflict"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Bring a copy of the process back from a laptop: what was typed, "
                          "corrected, deleted and merged there since it was handed out (or last "
                          "brought back). The copy is only read; bringing it back again brings "
                          "nothing new.\n\n"
                          "A row changed both here and in the copy, or deleted on one side and "
                          "changed on the other, is a conflict: run with --dry-run to list them "
                          "numbered, then decide each with --take-theirs or keep the rest with "
                          "--keep-ours. While a conflict is undecided nothing is written and the "
                          "exit status is 1."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaSyncPlan) plan = NULL;
  GError *error = NULL;
  guint unresolved;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (from == NULL)
    return cocrea_cli_usage (context, _("Give the copy with --from"));

  document = cocrea_cli_open (argv[1], !dry_run, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);

  plan = cocrea_sync_compare (document, from, COCREA_SYNC_DEFAULT, &error);
  if (plan == NULL)
    return cocrea_cli_fail (error);
  if (theirs_spec != NULL && !take_theirs (plan, theirs_spec, &error))
    return cocrea_cli_fail (error);
  if (keep_ours)
    {
      GListModel *conflicts = cocrea_sync_plan_get_conflicts (plan);
      for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
        {
          g_autoptr (CocreaSyncConflict) c = g_list_model_get_item (conflicts, i);
          if (cocrea_sync_conflict_get_resolution (c) == COCREA_SYNC_UNRESOLVED)
            cocrea_sync_conflict_set_resolution (c, COCREA_SYNC_KEEP_OURS);
        }
    }

  unresolved = cocrea_sync_plan_get_n_unresolved (plan);
  if (dry_run || unresolved > 0 || cocrea_sync_plan_is_empty (plan))
    {
      if (json)
        print_json (plan, FALSE);
      else
        print_text (plan);
      if (!dry_run && unresolved > 0)
        {
          g_set_error (&error, COCREA_ERROR, COCREA_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u conflict is undecided, so nothing was brought back; use "
                                    "--take-theirs or --keep-ours",
                                    "%u conflicts are undecided, so nothing was brought back; use "
                                    "--take-theirs or --keep-ours",
                                    unresolved),
                       unresolved);
          return cocrea_cli_fail (error);
        }
      if (!json && cocrea_sync_plan_is_empty (plan))
        {
          /* TRANSLATORS: bringing a copy back found nothing it did not already have */
          printf (_("Nothing new in “%s”: it was already brought back"),
                  cocrea_sync_plan_get_label (plan));
          putchar ('\n');
        }
      return 0;
    }

  if (!cocrea_sync_apply (document, plan, NULL, &error))
    return cocrea_cli_fail (error);
  if (json)
    print_json (plan, TRUE);
  else
    {
      print_text (plan);
      printf (_("Brought back “%s”"), cocrea_sync_plan_get_label (plan));
      putchar ('\n');
    }
  return 0;
}
