/* cocrea-commitment.h — a commitment of the draft plan, in the OGP template
 *
 * A commitment comes from a selected proposal and carries every field of
 * the OGP commitment template. Its number is its place in the plan order
 * (1..n), which the user can change. Milestones live in
 * cocrea-milestone.h and actors in cocrea-actor.h; the one contact of a
 * commitment is read and written here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-types.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/* The editable fields of a commitment. Dates are partial dates ("2019",
 * "2019-09", "2019-09-01") or NULL/"" for "not set". */
typedef struct {
  const char *name;
  const char *note;
  CocreaOrigin origin;
  const char *origin_detail;
  const char *starts_on;
  const char *ends_on;
  const char *lead_unit;
  const char *problem;
  const char *description;
  const char *contribution;
  const char *relevance;
  const char *additional_info;
} CocreaCommitmentFields;

/* The contact of a commitment; strings owned by the struct when it comes
 * from cocrea_commitment_get_contact() (free with
 * cocrea_contact_fields_clear()). */
typedef struct {
  char *name;
  char *title;
  char *department;
  char *email;
  char *phone;
} CocreaContactFields;

#define COCREA_TYPE_COMMITMENT (cocrea_commitment_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCommitment, cocrea_commitment, COCREA, COMMITMENT, GObject)

gint64        cocrea_commitment_get_id              (CocreaCommitment *self);
gint64        cocrea_commitment_get_proposal_id     (CocreaCommitment *self);
int           cocrea_commitment_get_position        (CocreaCommitment *self);
const char   *cocrea_commitment_get_name            (CocreaCommitment *self);
const char   *cocrea_commitment_get_note            (CocreaCommitment *self);
CocreaOrigin  cocrea_commitment_get_origin          (CocreaCommitment *self);
const char   *cocrea_commitment_get_origin_detail   (CocreaCommitment *self);
const char   *cocrea_commitment_get_starts_on       (CocreaCommitment *self);
const char   *cocrea_commitment_get_ends_on         (CocreaCommitment *self);
const char   *cocrea_commitment_get_lead_unit       (CocreaCommitment *self);
const char   *cocrea_commitment_get_problem         (CocreaCommitment *self);
const char   *cocrea_commitment_get_description     (CocreaCommitment *self);
const char   *cocrea_commitment_get_contribution    (CocreaCommitment *self);
const char   *cocrea_commitment_get_relevance       (CocreaCommitment *self);
const char   *cocrea_commitment_get_additional_info (CocreaCommitment *self);
void          cocrea_commitment_get_fields          (CocreaCommitment       *self,
                                                     CocreaCommitmentFields *fields);

GListModel       *cocrea_commitment_list               (CocreaDocument *document,
                                                        GError        **error);
CocreaCommitment *cocrea_commitment_lookup             (CocreaDocument *document,
                                                        gint64          id,
                                                        GError        **error);
GListModel       *cocrea_commitment_list_candidates    (CocreaDocument *document,
                                                        GError        **error);
gboolean          cocrea_commitment_add_from_proposal  (CocreaDocument *document,
                                                        gint64          proposal_id,
                                                        gint64         *id,
                                                        GError        **error);
gboolean          cocrea_commitment_update             (CocreaDocument               *document,
                                                        gint64                        id,
                                                        const CocreaCommitmentFields *fields,
                                                        GError                      **error);
gboolean          cocrea_commitment_move               (CocreaDocument *document,
                                                        gint64          id,
                                                        int             new_position,
                                                        GError        **error);
gboolean          cocrea_commitment_delete             (CocreaDocument *document,
                                                        gint64          id,
                                                        CocreaUndo    **undo,
                                                        GError        **error);

gboolean          cocrea_commitment_get_contact        (CocreaDocument      *document,
                                                        gint64               id,
                                                        CocreaContactFields *contact,
                                                        GError             **error);
gboolean          cocrea_commitment_set_contact        (CocreaDocument            *document,
                                                        gint64                     id,
                                                        const CocreaContactFields *contact,
                                                        GError                   **error);
void              cocrea_contact_fields_clear          (CocreaContactFields *contact);

gboolean          cocrea_plan_dates_validate           (const char *starts_on,
                                                        const char *ends_on,
                                                        GError    **error);

G_END_DECLS
