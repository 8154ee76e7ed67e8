/* cocrea-cli-consultation.c — cocrea consultation FILE [--opens DATE] [--closes DATE] [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-cli-private.h"
#include "cocrea-revision.h"
#include "cocrea-consultation.h"
#include "cocrea-stage.h"

static void
add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds the revisions of @revisions made in answer to comment @id. */
static void
add_revisions (JsonBuilder *b, GPtrArray *revisions, gint64 id)
{
  json_builder_set_member_name (b, "revisions");
  json_builder_begin_array (b);
  for (guint i = 0; i < revisions->len; i++)
    {
      const CocreaRevision *r = g_ptr_array_index (revisions, i);

      if (r->comment_id != id)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "commitment");
      json_builder_add_int_value (b, r->commitment_position);
      json_builder_set_member_name (b, "milestone");
      if (r->milestone_position > 0)
        json_builder_add_int_value (b, r->milestone_position);
      else
        json_builder_add_null_value (b);
      add_string_or_null (b, "field", r->field);
      add_string_or_null (b, "before", r->before);
      add_string_or_null (b, "after", r->after);
      add_string_or_null (b, "revised_on", r->revised_on);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_json (const CocreaConsultationWindow *window, GListModel *comments, GPtrArray *revisions)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "window");
  json_builder_begin_object (b);
  add_string_or_null (b, "opens", window->opens);
  add_string_or_null (b, "closes", window->closes);
  json_builder_set_member_name (b, "working_days");
  if (window->working_days >= 0)
    json_builder_add_int_value (b, window->working_days);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "too_short");
  json_builder_add_boolean_value (b, window->too_short);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "comments");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (comments, i);
      int position = cocrea_consultation_comment_get_commitment_position (c);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, cocrea_consultation_comment_get_id (c));
      json_builder_set_member_name (b, "commitment");
      if (position > 0)
        json_builder_add_int_value (b, position);
      else
        json_builder_add_null_value (b);
      add_string_or_null (b, "channel",
                          cocrea_channel_to_key (cocrea_consultation_comment_get_channel (c)));
      add_string_or_null (b, "author", cocrea_consultation_comment_get_author (c));
      add_string_or_null (b, "received_on", cocrea_consultation_comment_get_received_on (c));
      add_string_or_null (b, "text", cocrea_consultation_comment_get_text (c));
      add_string_or_null (b, "response",
                          cocrea_response_to_key (cocrea_consultation_comment_get_response (c)));
      add_string_or_null (b, "response_reason", cocrea_consultation_comment_get_response_reason (c));
      add_revisions (b, revisions, cocrea_consultation_comment_get_id (c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  cocrea_cli_print_json (b);
}

/* A day of the window as people read it, or "not set". */
static char *
format_day (const char *day)
{
  return day != NULL ? cocrea_format_partial_date (day) : g_strdup (_("not set"));
}

/* Prints @text indented by four spaces, each of its lines. */
static void
print_indented (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    printf ("    %s\n", lines[i]);
}

/* "    Changed: Start of milestone 2.3: “2020-03” → “2020-06”", one line
 * per revision made in answer to comment @id. */
static void
print_revisions (GPtrArray *revisions, gint64 id)
{
  for (guint i = 0; i < revisions->len; i++)
    {
      const CocreaRevision *r = g_ptr_array_index (revisions, i);
      g_autofree char *where = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (r->comment_id != id)
        continue;
      where = r->milestone_position > 0
                /* TRANSLATORS: "Start of milestone 2.3" */
                ? g_strdup_printf (_("%s of milestone %d.%d"), cocrea_revision_field_label (r->field),
                                   r->commitment_position, r->milestone_position)
                /* TRANSLATORS: "Name of commitment 2" */
                : g_strdup_printf (_("%s of commitment %d"), cocrea_revision_field_label (r->field),
                                   r->commitment_position);
      /* One line each: a long text is read in full with --json. */
      before = g_strdelimit (g_strdup (r->before), "\r\n", ' ');
      after = g_strdelimit (g_strdup (r->after), "\r\n", ' ');
      printf ("    ");
      /* TRANSLATORS: a change to the plan in answer to a comment, "Changed: Name of commitment 2: “old” → “new”" */
      printf (_("Changed: %s: “%s” → “%s”"), where, before, after);
      putchar ('\n');
    }
}

static void
print_text (const CocreaConsultationWindow *window, GListModel *comments, GPtrArray *revisions)
{
  g_autofree char *opens = format_day (window->opens);
  g_autofree char *closes = format_day (window->closes);
  guint n = g_list_model_get_n_items (comments);

  if (window->opens == NULL && window->closes == NULL)
    printf ("%s", _("Window: not set"));
  else
    /* TRANSLATORS: the consultation window, "4 November 2019 – 15 November 2019" */
    printf (_("Window: %s – %s"), opens, closes);
  if (window->working_days >= 0)
    printf (g_dngettext (GETTEXT_PACKAGE, " (%d working day)", " (%d working days)",
                         window->working_days),
            window->working_days);
  putchar ('\n');
  if (window->too_short)
    {
      printf (_("Warning: OGP asks for a window of at least %d working days"),
              COCREA_CONSULTATION_MIN_WORKING_DAYS);
      putchar ('\n');
    }

  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u comment\n", "%u comments\n", n), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (comments, i);
      int position = cocrea_consultation_comment_get_commitment_position (c);
      const char *received = cocrea_consultation_comment_get_received_on (c);
      const char *author = cocrea_consultation_comment_get_author (c);
      const char *reason = cocrea_consultation_comment_get_response_reason (c);
      g_autofree char *about = position > 0 ? g_strdup_printf (_("Commitment %d"), position)
                                            : g_strdup (_("The plan as a whole"));

      printf ("\n#%" G_GINT64_FORMAT "  %s · %s", cocrea_consultation_comment_get_id (c), about,
              cocrea_channel_label (cocrea_consultation_comment_get_channel (c)));
      if (received != NULL)
        {
          g_autofree char *day = cocrea_format_partial_date (received);
          printf (" · %s", day);
        }
      if (*author != '\0')
        printf (" · %s", author);
      putchar ('\n');
      print_indented (cocrea_consultation_comment_get_text (c));
      printf ("    ");
      /* TRANSLATORS: the answer to a comment, "Response: Partly accepted" */
      printf (_("Response: %s"),
              cocrea_response_label (cocrea_consultation_comment_get_response (c)));
      if (*reason != '\0')
        printf (" — %s", reason);
      putchar ('\n');
      print_revisions (revisions, cocrea_consultation_comment_get_id (c));
    }
}

/*
 * cocrea_cli_consultation:
 * Sets the consultation window when --opens or --closes is given (the
 * other day is kept; "" clears one), then prints the window with its
 * working days, warning when it is shorter than OGP asks, and every
 * comment with its answer. Only reads the file without those options.
 */
int
cocrea_cli_consultation (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;
  GOptionEntry entries[] = {
    { "opens", 0, 0, G_OPTION_ARG_STRING, &opens,
      N_("Set the first day comments are received (“” clears it)"), N_("YYYY-MM-DD") },
    { "closes", 0, 0, G_OPTION_ARG_STRING, &closes,
      N_("Set the last day comments are received (“” clears it)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cocrea_cli_context (_("FILE"),
                        _("Show the public consultation: the window with its working days "
                          "(OGP asks for at least 10) and every comment received, with its "
                          "commitment, channel, author, date and answer. With --opens or "
                          "--closes, set the window first."),
                        entries);
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaConsultationWindow) window = NULL;
  g_autoptr (GListModel) comments = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  gboolean write = FALSE;
  GError *error = NULL;
  int status;

  if (!cocrea_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  write = opens != NULL || closes != NULL;

  document = cocrea_cli_open (argv[1], write, &error);
  if (document == NULL)
    return cocrea_cli_fail (error);
  window = cocrea_consultation_get_window (document, &error);
  if (window == NULL)
    return cocrea_cli_fail (error);

  if (write)
    {
      if (!cocrea_consultation_set_window (document, opens != NULL ? opens : window->opens,
                                           closes != NULL ? closes : window->closes, &error))
        return cocrea_cli_fail (error);
      g_clear_pointer (&window, cocrea_consultation_window_free);
      window = cocrea_consultation_get_window (document, &error);
      if (window == NULL)
        return cocrea_cli_fail (error);
    }

  comments = cocrea_consultation_list_comments (document, COCREA_CONSULTATION_ALL, &error);
  if (comments == NULL)
    return cocrea_cli_fail (error);
  revisions = cocrea_revision_list (document, 0, &error);
  if (revisions == NULL)
    return cocrea_cli_fail (error);
  if (json)
    print_json (window, comments, revisions);
  else
    print_text (window, comments, revisions);
  return 0;
}
