/* cocrea-revision.c
 *
 * Stage 6 of an OGP process (final decision and accountability) asks what
 * changed between the draft put to consultation and the final plan, and
 * why. A revision is such a change, made in answer to one comment: one
 * field of a commitment or of one of its milestones, with its text
 * before and after. Making the change and recording it are one edit, so
 * the final plan's account of what changed cannot drift from the plan
 * itself, and one undo takes both back.
 *
 * A comment answered "not accepted" changes nothing by definition, so
 * it cannot be the cause of a revision; a pending one can (the answer
 * often follows the change).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-commitment.h"
#include "cocrea-consultation.h"
#include "cocrea-db.h"
#include "cocrea-dates.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone.h"
#include "cocrea-revision.h"
#include "cocrea-text.h"
#include "cocrea-undo-private.h"

/* The fields a revision may change, with their labels (context "plan
 * field"), as the OGP template names them. */
static const struct {
  const char *key;
  const char *label;
} commitment_fields[] = {
  { "name", NC_ ("plan field", "Name") },
  { "note", NC_ ("plan field", "Note") },
  { "starts_on", NC_ ("plan field", "Start") },
  { "ends_on", NC_ ("plan field", "End") },
  { "lead_unit", NC_ ("plan field", "Lead institution or unit") },
  { "problem", NC_ ("plan field", "The problem it addresses") },
  { "description", NC_ ("plan field", "What the commitment is") },
  { "contribution", NC_ ("plan field", "How it will contribute to solving the problem") },
  { "relevance", NC_ ("plan field", "Why it is relevant to OGP values") },
  { "additional_info", NC_ ("plan field", "Additional information") },
}, milestone_fields[] = {
  { "deliverable", NC_ ("plan field", "Activity or deliverable") },
  { "starts_on", NC_ ("plan field", "Start") },
  { "ends_on", NC_ ("plan field", "End") },
};

static const char *const commitment_keys[] = {
  "name", "note", "starts_on", "ends_on", "lead_unit", "problem", "description",
  "contribution", "relevance", "additional_info", NULL,
};
static const char *const milestone_keys[] = { "deliverable", "starts_on", "ends_on", NULL };

/* The keys a revision of a commitment (or of a milestone) may name, in
 * the template's order. */
const char *const *
cocrea_revision_fields (gboolean of_milestone)
{
  return of_milestone ? milestone_keys : commitment_keys;
}

gboolean
cocrea_revision_field_is_valid (const char *field, gboolean of_milestone)
{
  const char *const *keys = cocrea_revision_fields (of_milestone);

  for (guint i = 0; field != NULL && keys[i] != NULL; i++)
    if (g_str_equal (keys[i], field))
      return TRUE;
  return FALSE;
}

/* The untranslated label of @field (context "plan field"), for documents
 * in the process's language; @field itself when unknown. */
const char *
cocrea_revision_field_msgid (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (commitment_fields); i++)
    if (g_strcmp0 (commitment_fields[i].key, field) == 0)
      return commitment_fields[i].label;
  for (guint i = 0; i < G_N_ELEMENTS (milestone_fields); i++)
    if (g_strcmp0 (milestone_fields[i].key, field) == 0)
      return milestone_fields[i].label;
  return field;
}

/* @field for people, in their language. */
const char *
cocrea_revision_field_label (const char *field)
{
  const char *msgid = cocrea_revision_field_msgid (field);

  return msgid != field ? g_dpgettext2 (GETTEXT_PACKAGE, "plan field", msgid) : field;
}

void
cocrea_revision_free (CocreaRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->comment_text);
  g_free (revision->comment_author);
  g_free (revision->comment_received_on);
  g_free (revision->comment_reason);
  g_free (revision->commitment_name);
  g_free (revision->field);
  g_free (revision->before);
  g_free (revision->after);
  g_free (revision->revised_on);
  g_free (revision);
}

/* The value of @field in @fields, a commitment's. */
static const char **
commitment_slot (CocreaCommitmentFields *fields, const char *field)
{
  const char **slots[] = {
    &fields->name, &fields->note, &fields->starts_on, &fields->ends_on, &fields->lead_unit,
    &fields->problem, &fields->description, &fields->contribution, &fields->relevance,
    &fields->additional_info,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (slots) == G_N_ELEMENTS (commitment_keys) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_str_equal (commitment_keys[i], field))
      return slots[i];
  g_return_val_if_reached (NULL);
}

/*
 * change_commitment:
 * Sets @field of commitment @id to @value through the commitment's own
 * update (its rules apply), keeping the text before and after.
 */
static gboolean
change_commitment (CocreaDocument *document, gint64 id, const char *field, const char *value,
                   char **before, char **after, GError **error)
{
  g_autoptr (CocreaCommitment) commitment = cocrea_commitment_lookup (document, id, error);
  g_autoptr (CocreaCommitment) changed = NULL;
  CocreaCommitmentFields fields;
  const char **slot;

  if (commitment == NULL)
    return FALSE;
  cocrea_commitment_get_fields (commitment, &fields);
  slot = commitment_slot (&fields, field);
  *before = g_strdup (*slot != NULL ? *slot : "");
  *slot = value;
  if (!cocrea_commitment_update (document, id, &fields, error))
    return FALSE;

  changed = cocrea_commitment_lookup (document, id, error);
  if (changed == NULL)
    return FALSE;
  cocrea_commitment_get_fields (changed, &fields);
  slot = commitment_slot (&fields, field);
  *after = g_strdup (*slot != NULL ? *slot : "");
  return TRUE;
}

/* The milestone @id of commitment @commitment_id, or NULL with
 * COCREA_ERROR_NOT_FOUND. */
static CocreaMilestone *
find_milestone (CocreaDocument *document, gint64 commitment_id, gint64 id, GError **error)
{
  g_autoptr (GListModel) list = cocrea_milestone_list (document, commitment_id, error);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaMilestone) m = g_list_model_get_item (list, i);
      if (cocrea_milestone_get_id (m) == id)
        return g_steal_pointer (&m);
    }
  if (list != NULL)
    g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                 _("The commitment has no milestone %lld"), (long long) id);
  return NULL;
}

static const char *
milestone_value (CocreaMilestone *m, const char *field)
{
  const char *value = g_str_equal (field, "deliverable") ? cocrea_milestone_get_deliverable (m)
                      : g_str_equal (field, "starts_on") ? cocrea_milestone_get_starts_on (m)
                                                         : cocrea_milestone_get_ends_on (m);
  return value != NULL ? value : "";
}

/* change_commitment() for milestone @id of commitment @commitment_id. */
static gboolean
change_milestone (CocreaDocument *document, gint64 commitment_id, gint64 id, const char *field,
                  const char *value, char **before, char **after, GError **error)
{
  g_autoptr (CocreaMilestone) m = find_milestone (document, commitment_id, id, error);
  g_autoptr (CocreaMilestone) changed = NULL;
  const char *deliverable, *starts_on, *ends_on;

  if (m == NULL)
    return FALSE;
  *before = g_strdup (milestone_value (m, field));
  deliverable = g_str_equal (field, "deliverable") ? value : cocrea_milestone_get_deliverable (m);
  starts_on = g_str_equal (field, "starts_on") ? value : cocrea_milestone_get_starts_on (m);
  ends_on = g_str_equal (field, "ends_on") ? value : cocrea_milestone_get_ends_on (m);
  if (!cocrea_milestone_update (document, id, deliverable, starts_on, ends_on, error))
    return FALSE;

  changed = find_milestone (document, commitment_id, id, error);
  if (changed == NULL)
    return FALSE;
  *after = g_strdup (milestone_value (changed, field));
  return TRUE;
}

/**
 * cocrea_revision_apply:
 * @document: a process open for writing
 * @comment_id: the consultation comment the change answers
 * @commitment_id: the commitment changed
 * @milestone_id: one of its milestones, or 0 for the commitment itself
 * @field: what changes: one of cocrea_revision_fields()
 * @value: the new text
 * @id: (out) (optional): the revision's id
 * @undo: (out) (optional): the record that takes both the change and the
 *   revision back
 * @error: return location for a #CocreaError
 *
 * Changes one field of the plan in answer to a comment and records the
 * revision, as one edit logged as "revise-plan".
 *
 * Returns: %TRUE on success. Fails with %COCREA_ERROR_INVALID when the
 *   comment was not accepted, the field is not one a revision may change,
 *   the value breaks the field's rules (its message, "Name: …") or changes
 *   nothing; %COCREA_ERROR_NOT_FOUND for an unknown comment, commitment or
 *   milestone; %COCREA_ERROR_READ_ONLY; or a database error. Nothing
 *   changes on failure.
 */
gboolean
cocrea_revision_apply (CocreaDocument *document, gint64 comment_id, gint64 commitment_id,
                       gint64 milestone_id, const char *field, const char *value, gint64 *id,
                       CocreaUndo **undo, GError **error)
{
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autoptr (CocreaEdit) edit = NULL;
  g_autoptr (CocreaUndo) record = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *today = cocrea_today ();
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (undo != NULL)
    *undo = NULL;
  if (!cocrea_revision_field_is_valid (field, milestone_id != 0))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   milestone_id != 0 ? _("“%s” is not a field of a milestone: deliverable, "
                                         "starts_on or ends_on")
                                     : _("“%s” is not a field of a commitment that can be "
                                         "revised: name, note, starts_on, ends_on, lead_unit, "
                                         "problem, description, contribution, relevance or "
                                         "additional_info"),
                   field != NULL ? field : "");
      return FALSE;
    }
  comment = cocrea_consultation_lookup_comment (document, comment_id, error);
  if (comment == NULL)
    return FALSE;
  if (cocrea_consultation_comment_get_response (comment) == COCREA_RESPONSE_NOT_ACCEPTED)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The comment was not accepted, so the plan does not change in "
                             "answer to it"));
      return FALSE;
    }

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  db = cocrea_document_get_db (document);
  record = cocrea_undo_new ("revise-plan", _("Change the plan"));
  if (!cocrea_undo_capture (record, db,
                            milestone_id != 0 ? COCREA_UNDO_MILESTONE : COCREA_UNDO_COMMITMENT,
                            milestone_id != 0 ? milestone_id : commitment_id, error))
    return FALSE;

  ok = milestone_id != 0
         ? change_milestone (document, commitment_id, milestone_id, field, value, &before, &after,
                             error)
         : change_commitment (document, commitment_id, field, value, &before, &after, error);
  if (!ok)
    return FALSE;
  if (g_str_equal (before, after))
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("The new text is the same as the plan's: nothing changes"));
      return FALSE;
    }

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO plan_revision (comment_id, commitment_id, milestone_id,"
                            " field, before, after, revised_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  sqlite3_bind_int64 (stmt, 2, commitment_id);
  if (milestone_id != 0)
    sqlite3_bind_int64 (stmt, 3, milestone_id);
  else
    sqlite3_bind_null (stmt, 3);
  cocrea_db_bind_text (stmt, 4, field);
  cocrea_db_bind_text (stmt, 5, before);
  cocrea_db_bind_text (stmt, 6, after);
  cocrea_db_bind_text (stmt, 7, today);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;
  cocrea_undo_capture_absent (record, COCREA_UNDO_PLAN_REVISION, sqlite3_last_insert_rowid (db));
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (db);

  subject = g_strdup_printf ("comment:%" G_GINT64_FORMAT, comment_id);
  detail = g_strdup_printf ("{\"commitment\": %d, \"milestone\": %" G_GINT64_FORMAT
                            ", \"field\": \"%s\"}",
                            cocrea_consultation_comment_get_commitment_position (comment),
                            milestone_id, field);
  if (!cocrea_document_log (document, "revise-plan", subject, detail, error) ||
      !cocrea_edit_commit (edit, error))
    return FALSE;

  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

static gpointer
revision_from_row (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  CocreaRevision *r = g_new0 (CocreaRevision, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->comment_id = sqlite3_column_int64 (stmt, 1);
  r->comment_text = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 2));
  r->comment_author = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 3));
  if (!cocrea_channel_from_text ((const char *) sqlite3_column_text (stmt, 4),
                                 &r->comment_channel))
    r->comment_channel = COCREA_CHANNEL_ONLINE;
  r->comment_received_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 5));
  if (!cocrea_response_from_text ((const char *) sqlite3_column_text (stmt, 6),
                                  &r->comment_response))
    r->comment_response = COCREA_RESPONSE_PENDING;
  r->comment_reason = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 7));
  r->commitment_id = sqlite3_column_int64 (stmt, 8);
  r->commitment_position = sqlite3_column_int (stmt, 9);
  r->commitment_name = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 10));
  r->milestone_id = sqlite3_column_int64 (stmt, 11);
  r->milestone_position = sqlite3_column_int (stmt, 12);
  r->field = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 13));
  r->before = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 14));
  r->after = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 15));
  r->revised_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 16));
  return r;
}

/**
 * cocrea_revision_list:
 * @document: an open process
 * @comment_id: one comment's revisions, or 0 for all
 * @error: return location for a #CocreaError
 *
 * The revisions of the plan, in plan order (commitment, then the
 * commitment's own fields before its milestones), then as they were made.
 *
 * Returns: (transfer full) (element-type CocreaRevision): the revisions,
 *   or %NULL with @error set
 */
GPtrArray *
cocrea_revision_list (CocreaDocument *document, gint64 comment_id, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  db = cocrea_document_get_db (document);
  stmt = cocrea_db_prepare (db,
                            "SELECT r.id, q.id, q.text, q.author, q.channel, q.received_on,"
                            " q.response, q.response_reason, k.id, k.position, k.name,"
                            " coalesce (m.id, 0), coalesce (m.position, 0), r.field, r.before,"
                            " r.after, r.revised_on"
                            " FROM plan_revision r"
                            " JOIN consultation_comment q ON q.id = r.comment_id"
                            " JOIN commitment k ON k.id = r.commitment_id"
                            " LEFT JOIN milestone m ON m.id = r.milestone_id"
                            " WHERE ?1 = 0 OR r.comment_id = ?1"
                            " ORDER BY k.position, k.id, coalesce (m.position, 0), r.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  return cocrea_db_collect (db, stmt, revision_from_row, NULL,
                            (GDestroyNotify) cocrea_revision_free, error);
}
