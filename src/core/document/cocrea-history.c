/* cocrea-history.c
 *
 * Every edit leaves an entry in the file's audit log: when, who (from
 * schema step 6 on), a stable action key, what it touched and a detail.
 * The history reads it back for people: who decided, scored, merged,
 * imported or brought laptops back, and when, as OGP's accountability
 * asks. The entries are never edited; reading them changes nothing.
 *
 * Descriptions are built from the action and the subject ("proposal:12"
 * becomes "proposal 12"); the detail, often JSON, is shown as "key:
 * value" pairs. An action this version does not know (a newer Cocrea's)
 * still shows, by its key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-history.h"
#include "cocrea-text.h"

/* A detail longer than this is cut in the description (the JSON and the
 * file keep it whole). */
#define MAX_DETAIL_CHARS 240

static const struct {
  const char *action;
  CocreaHistoryKind kind;
  const char *label;
} actions[] = {
  { "decide", COCREA_HISTORY_DECISION, N_("Decision recorded") },
  { "score", COCREA_HISTORY_SCORE, N_("Score recorded") },
  { "clear-score", COCREA_HISTORY_SCORE, N_("Score cleared") },
  { "merge-scores", COCREA_HISTORY_SCORE, N_("Scores brought back from a copy") },
  { "add-evaluator", COCREA_HISTORY_SCORE, N_("Evaluator added") },
  { "update-evaluator", COCREA_HISTORY_SCORE, N_("Evaluator changed") },
  { "delete-evaluator", COCREA_HISTORY_SCORE, N_("Evaluator deleted") },
  { "update-criterion", COCREA_HISTORY_SCORE, N_("Viability criterion changed") },
  { "priority-weights", COCREA_HISTORY_DECISION, N_("Prioritisation weights kept") },
  { "merge", COCREA_HISTORY_MERGE, N_("Contributions merged") },
  { "unmerge", COCREA_HISTORY_MERGE, N_("Contributions taken out of their proposal") },
  { "update-proposal", COCREA_HISTORY_MERGE, N_("Proposal changed") },
  { "import", COCREA_HISTORY_IMPORT, N_("Spreadsheet imported") },
  { "import-decidim", COCREA_HISTORY_IMPORT, N_("Decidim proposals imported") },
  { "demo", COCREA_HISTORY_IMPORT, N_("Demo process written") },
  { "sync", COCREA_HISTORY_SYNC, N_("Laptop's copy brought back") },
  { "add-activity", COCREA_HISTORY_CAPTURE, N_("Activity added") },
  { "update-activity", COCREA_HISTORY_CAPTURE, N_("Activity changed") },
  { "delete-activity", COCREA_HISTORY_CAPTURE, N_("Activity deleted") },
  { "add-group", COCREA_HISTORY_CAPTURE, N_("Table group added") },
  { "update-group", COCREA_HISTORY_CAPTURE, N_("Table group changed") },
  { "delete-group", COCREA_HISTORY_CAPTURE, N_("Table group deleted") },
  { "add-contribution", COCREA_HISTORY_CAPTURE, N_("Contribution captured") },
  { "update-contribution", COCREA_HISTORY_CAPTURE, N_("Contribution corrected") },
  { "delete-contribution", COCREA_HISTORY_CAPTURE, N_("Contribution deleted") },
  { "add-commitment", COCREA_HISTORY_PLAN, N_("Commitment added") },
  { "update-commitment", COCREA_HISTORY_PLAN, N_("Commitment changed") },
  { "move-commitment", COCREA_HISTORY_PLAN, N_("Commitment moved") },
  { "delete-commitment", COCREA_HISTORY_PLAN, N_("Commitment deleted") },
  { "add-milestone", COCREA_HISTORY_PLAN, N_("Milestone added") },
  { "update-milestone", COCREA_HISTORY_PLAN, N_("Milestone changed") },
  { "move-milestone", COCREA_HISTORY_PLAN, N_("Milestone moved") },
  { "delete-milestone", COCREA_HISTORY_PLAN, N_("Milestone deleted") },
  { "set-contact", COCREA_HISTORY_PLAN, N_("Contact changed") },
  { "add-actor", COCREA_HISTORY_PLAN, N_("Actor added") },
  { "delete-actor", COCREA_HISTORY_PLAN, N_("Actor removed") },
  { "record-progress", COCREA_HISTORY_PLAN, N_("Progress recorded") },
  { "update-progress", COCREA_HISTORY_PLAN, N_("Progress record changed") },
  { "delete-progress", COCREA_HISTORY_PLAN, N_("Progress record deleted") },
  { "set-completion", COCREA_HISTORY_PLAN, N_("Completion level set by hand") },
  { "follow-milestones", COCREA_HISTORY_PLAN, N_("Completion level follows the milestones again") },
  { "update-stage", COCREA_HISTORY_PLAN, N_("Stage changed") },
  { "set-consultation-window", COCREA_HISTORY_CONSULTATION, N_("Consultation window set") },
  { "add-comment", COCREA_HISTORY_CONSULTATION, N_("Comment recorded") },
  { "update-comment", COCREA_HISTORY_CONSULTATION, N_("Comment changed") },
  { "delete-comment", COCREA_HISTORY_CONSULTATION, N_("Comment deleted") },
  { "respond-comment", COCREA_HISTORY_CONSULTATION, N_("Comment answered") },
  { "revise-plan", COCREA_HISTORY_CONSULTATION, N_("Plan changed in answer to a comment") },
  { "update-process", COCREA_HISTORY_OTHER, N_("Process settings changed") },
  { "set-population", COCREA_HISTORY_OTHER, N_("Population shares set") },
  { "undo", COCREA_HISTORY_OTHER, N_("Undone") },
  { "rebuild-index", COCREA_HISTORY_OTHER, N_("Suggestions index rebuilt") },
};

static const struct {
  const char *key;
  const char *label;
} kinds[COCREA_N_HISTORY_KINDS] = {
  [COCREA_HISTORY_OTHER] = { "other", N_("Other") },
  [COCREA_HISTORY_DECISION] = { "decision", N_("Decisions") },
  [COCREA_HISTORY_SCORE] = { "score", N_("Scores") },
  [COCREA_HISTORY_MERGE] = { "merge", N_("Merges") },
  [COCREA_HISTORY_IMPORT] = { "import", N_("Imports") },
  [COCREA_HISTORY_SYNC] = { "sync", N_("Laptops") },
  [COCREA_HISTORY_CAPTURE] = { "capture", N_("Capture") },
  [COCREA_HISTORY_PLAN] = { "plan", N_("Plan and follow-up") },
  [COCREA_HISTORY_CONSULTATION] = { "consultation", N_("Consultation") },
};

/* The words of subjects' kinds, "proposal:12" → "proposal 12". */
static const struct {
  const char *prefix;
  const char *word;
} subjects[] = {
  { "proposal", NC_ ("history subject", "proposal") },
  { "contribution", NC_ ("history subject", "contribution") },
  { "commitment", NC_ ("history subject", "commitment") },
  { "milestone", NC_ ("history subject", "milestone") },
  { "comment", NC_ ("history subject", "comment") },
  { "activity", NC_ ("history subject", "activity") },
  { "group", NC_ ("history subject", "group") },
  { "evaluator", NC_ ("history subject", "evaluator") },
  { "criterion", NC_ ("history subject", "criterion") },
  { "stage", NC_ ("history subject", "stage") },
  { "progress", NC_ ("history subject", "progress record") },
};

void
cocrea_history_entry_free (CocreaHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->author);
  g_free (entry->action);
  g_free (entry->subject);
  g_free (entry->detail);
  g_free (entry);
}

static int
find_action (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].action, action) == 0)
      return i;
  return -1;
}

/* What @entry is about, for filtering. */
CocreaHistoryKind
cocrea_history_entry_kind (const CocreaHistoryEntry *entry)
{
  int i = find_action (entry->action);

  /* A laptop's copy may log its own kinds of sync. */
  if (i < 0 && g_str_has_prefix (entry->action, "sync"))
    return COCREA_HISTORY_SYNC;
  return i >= 0 ? actions[i].kind : COCREA_HISTORY_OTHER;
}

const char *
cocrea_history_kind_to_key (CocreaHistoryKind kind)
{
  g_return_val_if_fail ((guint) kind < COCREA_N_HISTORY_KINDS, NULL);
  return kinds[kind].key;
}

const char *
cocrea_history_kind_label (CocreaHistoryKind kind)
{
  g_return_val_if_fail ((guint) kind < COCREA_N_HISTORY_KINDS, NULL);
  return _(kinds[kind].label);
}

/* "proposal 12" for "proposal:12"; other subjects as they are. */
static char *
describe_subject (const char *subject)
{
  const char *colon = subject != NULL ? strchr (subject, ':') : NULL;

  /* "process" says nothing more than the action does. */
  if (subject == NULL || g_str_equal (subject, "process"))
    return g_strdup ("");
  if (colon == NULL)
    return g_strdup (subject);
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (strlen (subjects[i].prefix) == (gsize) (colon - subject) &&
        strncmp (subjects[i].prefix, subject, colon - subject) == 0)
      return g_strdup_printf ("%s %s",
                              g_dpgettext2 (GETTEXT_PACKAGE, "history subject", subjects[i].word),
                              colon + 1);
  return g_strdup (subject);
}

/* Appends a JSON value as people read it: arrays joined with ", ". */
static void
append_value (GString *out, JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_value (out, json_array_get_element (array, i));
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    g_string_append (out, "…");
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "—");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_string_append (out, json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? _("yes") : _("no"));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    g_string_append_printf (out, "%g", json_node_get_double (node));
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
}

/* "added: 3, withdrawn: 1" for a JSON object; other text as it is. */
static char *
describe_detail (const char *detail)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GString *out;
  JsonNode *root;

  if (detail == NULL || *detail == '\0')
    return g_strdup ("");
  if (detail[0] != '{' || !json_parser_load_from_data (parser, detail, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (detail);

  out = g_string_new (NULL);
  {
    JsonObject *object = json_node_get_object (root);
    /* In the order they were written, which iterating the object is not. */
    g_autoptr (GList) members = json_object_get_members (object);

    for (GList *l = members; l != NULL; l = l->next)
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append_printf (out, "%s: ", (const char *) l->data);
        append_value (out, json_object_get_member (object, l->data));
      }
  }
  return g_string_free (out, FALSE);
}

/**
 * cocrea_history_entry_describe:
 * @entry: an entry of the history
 *
 * What the entry did, in a line for people, in their language:
 * "Decision recorded: proposal 12 — status: selected, reason: …".
 *
 * Returns: (transfer full): the description
 */
char *
cocrea_history_entry_describe (const CocreaHistoryEntry *entry)
{
  int i = find_action (entry->action);
  int undone = g_strcmp0 (entry->action, "undo") == 0 ? find_action (entry->subject) : -1;
  /* An undo's subject is the action it took back: "Undone: Score recorded". */
  g_autofree char *subject = undone >= 0 ? g_strdup (_(actions[undone].label))
                                         : describe_subject (entry->subject);
  g_autofree char *detail = describe_detail (entry->detail);
  GString *out = g_string_new (i >= 0 ? _(actions[i].label) : entry->action);

  if (*subject != '\0')
    g_string_append_printf (out, ": %s", subject);
  if (*detail != '\0')
    {
      g_autofree char *valid = g_utf8_make_valid (detail, -1);
      g_strdelimit (valid, "\r\n", ' ');
      if (g_utf8_strlen (valid, -1) > MAX_DETAIL_CHARS)
        {
          char *cut = g_utf8_offset_to_pointer (valid, MAX_DETAIL_CHARS);
          *cut = '\0';
          g_string_append_printf (out, " — %s…", valid);
        }
      else
        g_string_append_printf (out, " — %s", valid);
    }
  return g_string_free (out, FALSE);
}

/* When, in the local time of the person reading: "2019-03-26 15:30". */
char *
cocrea_history_entry_when (const CocreaHistoryEntry *entry)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (entry->at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static gpointer
entry_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaHistoryEntry *entry = g_new0 (CocreaHistoryEntry, 1);
  const char *author = (const char *) sqlite3_column_text (stmt, 2);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 1));
  entry->author = author != NULL && *author != '\0' ? cocrea_text_dup_valid (author) : NULL;
  entry->action = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 3));
  entry->subject = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 4));
  entry->detail = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 5));
  return entry;
}

/**
 * cocrea_history_list:
 * @document: an open process (read-only is fine)
 * @since: (nullable): the first day to list, "2019-03-26" (UTC), or
 *   %NULL for all
 * @error: return location for a #CocreaError
 *
 * The entries of the audit log from @since on, oldest first.
 *
 * Returns: (transfer full) (element-type CocreaHistoryEntry): the
 *   entries, or %NULL with @error set (%COCREA_ERROR_INVALID for a
 *   @since that is not a day)
 */
GPtrArray *
cocrea_history_list (CocreaDocument *document, const char *since, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int y, m, d;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (since != NULL &&
      (strlen (since) != 10 || sscanf (since, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
       !g_date_valid_dmy (d, m, y)))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is not a day: write it as year-month-day, like 2019-03-26"), since);
      return NULL;
    }

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "SELECT id, at, author, action, subject, detail FROM audit_log"
                            " WHERE ?1 IS NULL OR at >= ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  if (since != NULL)
    cocrea_db_bind_text (stmt, 1, since);
  return cocrea_db_collect (db, stmt, entry_from_row, NULL,
                            (GDestroyNotify) cocrea_history_entry_free, error);
}

/* The detail as JSON when it is a JSON object, else as a string. */
static void
add_detail (JsonBuilder *b, const char *detail)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (b, "detail");
  if (detail != NULL && detail[0] == '{' && json_parser_load_from_data (parser, detail, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_string_value (b, detail != NULL ? detail : "");
}

static void
add_string_or_null (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/**
 * cocrea_history_to_json:
 * @entries: (element-type CocreaHistoryEntry): entries of the history
 *
 * The entries as a JSON array of objects: id, at, author, action, kind,
 * subject, detail (an object when the detail is JSON) and description
 * (in the user's language).
 *
 * Returns: (transfer full): the array
 */
JsonNode *
cocrea_history_to_json (GPtrArray *entries)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      const CocreaHistoryEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *description = cocrea_history_entry_describe (e);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, e->id);
      add_string_or_null (b, "at", e->at);
      add_string_or_null (b, "author", e->author);
      add_string_or_null (b, "action", e->action);
      add_string_or_null (b, "kind", cocrea_history_kind_to_key (cocrea_history_entry_kind (e)));
      add_string_or_null (b, "subject", e->subject);
      add_detail (b, e->detail);
      add_string_or_null (b, "description", description);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}
