/* cocrea-selection.c
 *
 * Every proposal ends with a decision and a written reason: the OGP
 * "reasoned response". Selections are checked against the process's
 * quotas (total, and per origin) inside the same transaction that writes
 * them, so two windows cannot both take the last place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-selection.h"
#include "cocrea-text.h"
#include "cocrea-types.h"

static const struct {
  const char *key;
  const char *label;
} decisions[] = {
  { "not-shortlisted", N_("Not shortlisted") },
  { "shortlisted",     N_("Shortlisted") },
  { "selected",        N_("Selected") },
  { "not-selected",    N_("Shortlisted, not selected") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (decisions) == COCREA_N_DECISIONS);

/* The stable key the file stores ("selected"). */
const char *
cocrea_decision_to_key (CocreaDecision decision)
{
  g_return_val_if_fail (decision < COCREA_N_DECISIONS, NULL);
  return decisions[decision].key;
}

/* Parses a stored key; FALSE for anything else. */
gboolean
cocrea_decision_from_key (const char *key, CocreaDecision *decision)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (decisions); i++)
    if (g_str_equal (decisions[i].key, key))
      {
        *decision = i;
        return TRUE;
      }
  return FALSE;
}

/* The translated label ("Shortlisted, not selected"). */
const char *
cocrea_decision_label (CocreaDecision decision)
{
  g_return_val_if_fail (decision < COCREA_N_DECISIONS, NULL);
  return _(decisions[decision].label);
}

/*
 * check_quota:
 * Fails with COCREA_ERROR_INVALID when selecting proposal @proposal_id,
 * of origin @origin, would exceed the total quota or the quota of its
 * origin. Proposals already selected do not count against themselves.
 */
static gboolean
check_quota (sqlite3 *db, gint64 proposal_id, CocreaOrigin origin, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int total, same_origin, quota_total, quota_origin;
  int rc;

  stmt = cocrea_db_prepare (db,
                            "SELECT"
                            " (SELECT count(*) FROM decision d WHERE d.status = 'selected'"
                            "   AND d.proposal_id <> ?1),"
                            " (SELECT count(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                            "   WHERE d.status = 'selected' AND d.proposal_id <> ?1 AND p.origin = ?2),"
                            " quota_total, CASE ?2 WHEN 'municipal' THEN quota_municipal"
                            "   ELSE quota_community END"
                            " FROM process",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, proposal_id);
  cocrea_db_bind_text (stmt, 2, cocrea_origin_to_key (origin));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return FALSE;
    }
  total = sqlite3_column_int (stmt, 0);
  same_origin = sqlite3_column_int (stmt, 1);
  quota_total = sqlite3_column_int (stmt, 2);
  quota_origin = sqlite3_column_int (stmt, 3);

  if (total + 1 > quota_total)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Selecting this proposal would break the quota of %d commitment in total "
                                "(%d already selected)",
                                "Selecting this proposal would break the quota of %d commitments in total "
                                "(%d already selected)",
                                quota_total),
                   quota_total, total);
      return FALSE;
    }
  if (same_origin + 1 > quota_origin)
    {
      if (origin == COCREA_ORIGIN_MUNICIPAL)
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "Selecting this proposal would break the quota of %d municipal "
                                  "commitment (%d already selected)",
                                  "Selecting this proposal would break the quota of %d municipal "
                                  "commitments (%d already selected)",
                                  quota_origin),
                     quota_origin, same_origin);
      else
        g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "Selecting this proposal would break the quota of %d community "
                                  "commitment (%d already selected)",
                                  "Selecting this proposal would break the quota of %d community "
                                  "commitments (%d already selected)",
                                  quota_origin),
                     quota_origin, same_origin);
      return FALSE;
    }
  return TRUE;
}

static char *
decision_detail (CocreaDecision decision, const char *reason, gboolean forced)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, cocrea_decision_to_key (decision));
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  if (forced)
    {
      json_builder_set_member_name (builder, "forced");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/*
 * cocrea_selection_decide:
 * Records @decision on proposal @proposal_id with its written @reason,
 * replacing any earlier decision, as one edit logged as "decide" (the
 * detail is JSON: status, reason, and "forced" when a quota was broken
 * on purpose). Fails with COCREA_ERROR_INVALID for a blank reason, a
 * proposal merged into another, or a selection beyond the total quota or
 * the quota of the proposal's origin unless @force; with
 * COCREA_ERROR_NOT_FOUND for an unknown proposal.
 */
gboolean
cocrea_selection_decide (CocreaDocument *document, gint64 proposal_id, CocreaDecision decision,
                         const char *reason, gboolean force, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  sqlite3 *db = cocrea_document_get_db (document);
  g_autofree char *clean_reason = cocrea_text_normalize (reason != NULL ? reason : "");
  g_autofree char *now = cocrea_db_now ();
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  CocreaOrigin origin = COCREA_ORIGIN_COMMUNITY;
  gboolean forced = FALSE;
  int rc;

  g_return_val_if_fail (decision < COCREA_N_DECISIONS, FALSE);

  if (*clean_reason == '\0')
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("Every decision needs a written reason"));
      return FALSE;
    }
  if (!cocrea_text_check_length (clean_reason, COCREA_TEXT_MAX_LONG, error))
    return FALSE;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  stmt = cocrea_db_prepare (db, "SELECT origin, merged_into_id FROM proposal WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, proposal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                   _("There is no proposal with number %lld"), (long long) proposal_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  cocrea_origin_from_text ((const char *) sqlite3_column_text (stmt, 0), &origin);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("Proposal %lld was merged into proposal %lld"
                     "; decide on that one"),
                   (long long) proposal_id, (long long) sqlite3_column_int64 (stmt, 1));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (decision == COCREA_DECISION_SELECTED)
    {
      g_autoptr (GError) quota_error = NULL;

      if (!check_quota (db, proposal_id, origin, &quota_error))
        {
          if (!force || !g_error_matches (quota_error, COCREA_ERROR, COCREA_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&quota_error));
              return FALSE;
            }
          forced = TRUE;
        }
    }

  stmt = cocrea_db_prepare (db,
                            "INSERT INTO decision (proposal_id, status, reason, decided_at)"
                            " VALUES (?, ?, ?, ?) ON CONFLICT (proposal_id) DO UPDATE"
                            " SET status = excluded.status, reason = excluded.reason,"
                            " decided_at = excluded.decided_at",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, proposal_id);
  cocrea_db_bind_text (stmt, 2, cocrea_decision_to_key (decision));
  cocrea_db_bind_text (stmt, 3, clean_reason);
  cocrea_db_bind_text (stmt, 4, now);
  if (!cocrea_db_step_done (db, stmt, error))
    return FALSE;

  subject = g_strdup_printf ("proposal:%" G_GINT64_FORMAT, proposal_id);
  detail = decision_detail (decision, clean_reason, forced);
  if (!cocrea_document_log (document, "decide", subject, detail, error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/*
 * cocrea_selection_get_decision:
 * Reads the decision on proposal @proposal_id: *@decided is FALSE when
 * there is none (then *@decision and *@reason are left alone). @decision
 * and @reason may be NULL. Fails only when the file cannot be read.
 */
gboolean
cocrea_selection_get_decision (CocreaDocument *document, gint64 proposal_id, gboolean *decided,
                               CocreaDecision *decision, char **reason, GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (decided != NULL, FALSE);

  stmt = cocrea_db_prepare (db, "SELECT status, reason FROM decision WHERE proposal_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, proposal_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }

  *decided = rc == SQLITE_ROW;
  if (*decided)
    {
      if (decision != NULL)
        cocrea_decision_from_key ((const char *) sqlite3_column_text (stmt, 0), decision);
      if (reason != NULL)
        *reason = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  return TRUE;
}

/*
 * cocrea_selection_get_summary:
 * Fills @summary with the quotas and how many proposals are selected,
 * in total and by origin, shortlisted and still undecided. Fails only
 * when the file cannot be read.
 */
gboolean
cocrea_selection_get_summary (CocreaDocument *document, CocreaSelectionSummary *summary,
                              GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (summary != NULL, FALSE);

  stmt = cocrea_db_prepare (db,
                            "SELECT quota_total, quota_municipal, quota_community,"
                            " (SELECT count(*) FROM decision WHERE status = 'selected'),"
                            " (SELECT count(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                            "   WHERE d.status = 'selected' AND p.origin = 'municipal'),"
                            " (SELECT count(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id"
                            "   WHERE d.status = 'selected' AND p.origin = 'community'),"
                            " (SELECT count(*) FROM decision"
                            "   WHERE status IN ('shortlisted', 'selected', 'not-selected')),"
                            " (SELECT count(*) FROM proposal p WHERE merged_into_id IS NULL"
                            "   AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.proposal_id = p.id))"
                            " FROM process",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cocrea_db_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
      return FALSE;
    }

  summary->quota_total = sqlite3_column_int (stmt, 0);
  summary->quota_municipal = sqlite3_column_int (stmt, 1);
  summary->quota_community = sqlite3_column_int (stmt, 2);
  summary->selected = sqlite3_column_int (stmt, 3);
  summary->selected_municipal = sqlite3_column_int (stmt, 4);
  summary->selected_community = sqlite3_column_int (stmt, 5);
  summary->shortlisted = sqlite3_column_int (stmt, 6);
  summary->undecided = sqlite3_column_int (stmt, 7);
  return TRUE;
}
