/* test-commitment.c — editing the draft plan: commitments in the OGP
 * template, their order, milestones, contact and other actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-actor.h"
#include "cocrea-commitment.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-milestone.h"
#include "cocrea-proposal.h"
#include "cocrea-selection.h"
#include "test-process.h"

typedef TestProcess Fixture;

/* The Renca demo: 5 commitments, each from a selected proposal. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_process_demo (f, "renca.cocrea", COCREA_OPEN_DEFAULT);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (f);
}

static CocreaCommitment *
nth (Fixture *f, guint i)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = cocrea_commitment_list (f->document, &error);
  g_assert_no_error (error);
  return g_list_model_get_item (list, i);
}

/* Positions 1..n in list order, with no gap. */
static void
assert_numbered (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = cocrea_commitment_list (f->document, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaCommitment) c = g_list_model_get_item (list, i);
      g_assert_cmpint (cocrea_commitment_get_position (c), ==, (int) i + 1);
    }
}

static void
test_list (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = cocrea_commitment_list (f->document, &error);
  g_autoptr (CocreaCommitment) first = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  assert_numbered (f);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (cocrea_commitment_get_name (first), !=, "");
  g_object_get (first, "name", &name, NULL);
  g_assert_cmpstr (name, ==, cocrea_commitment_get_name (first));
}

static void
test_from_proposal (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) candidates = NULL;
  g_autoptr (CocreaCommitment) first = nth (f, 0);
  g_autoptr (CocreaCommitment) made = NULL;
  g_autoptr (CocreaProposal) proposal = NULL;
  gint64 proposal_id = cocrea_commitment_get_proposal_id (first);
  gint64 other;
  gint64 id = 0;

  /* The demo's selected proposals all have their commitment already. */
  candidates = cocrea_commitment_list_candidates (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 0);
  g_clear_object (&candidates);

  g_assert_cmpint (proposal_id, >, 0);
  g_assert_false (cocrea_commitment_add_from_proposal (f->document, proposal_id, &id, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_EXISTS);
  g_clear_error (&error);

  /* Select another proposal: it becomes a candidate and then commitment 6. */
  other = test_process_query_int (f, "SELECT min (p.id) FROM proposal p WHERE p.merged_into_id IS NULL"
                        " AND p.id NOT IN (SELECT proposal_id FROM commitment"
                        " WHERE proposal_id IS NOT NULL)");
  g_assert_true (cocrea_selection_decide (f->document, other, COCREA_DECISION_SELECTED,
                                          "Viable y pedida por tres mesas", TRUE, &error));
  g_assert_no_error (error);
  candidates = cocrea_commitment_list_candidates (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);

  g_assert_true (cocrea_commitment_add_from_proposal (f->document, other, &id, &error));
  g_assert_no_error (error);
  made = cocrea_commitment_lookup (f->document, id, &error);
  g_assert_no_error (error);
  proposal = cocrea_proposal_lookup (f->document, other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cocrea_commitment_get_name (made), ==, cocrea_proposal_get_title (proposal));
  g_assert_cmpint (cocrea_commitment_get_origin (made), ==, cocrea_proposal_get_origin (proposal));
  g_assert_cmpint (cocrea_commitment_get_position (made), ==, 6);
  g_assert_cmpint (test_process_query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'add-commitment'"),
                   ==, 1);

  g_assert_false (cocrea_commitment_add_from_proposal (f->document, 99999, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
}

static void
test_reorder (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCommitment) second = nth (f, 1);
  g_autoptr (CocreaCommitment) first = nth (f, 0);
  g_autoptr (CocreaCommitment) now_first = NULL;
  g_autoptr (CocreaCommitment) last = NULL;

  g_assert_true (cocrea_commitment_move (f->document, cocrea_commitment_get_id (second), 1, &error));
  g_assert_no_error (error);
  now_first = nth (f, 0);
  g_assert_cmpint (cocrea_commitment_get_id (now_first), ==, cocrea_commitment_get_id (second));
  assert_numbered (f);

  /* Past the end is clamped to the end. */
  g_assert_true (cocrea_commitment_move (f->document, cocrea_commitment_get_id (first), 99, &error));
  g_assert_no_error (error);
  last = nth (f, 4);
  g_assert_cmpint (cocrea_commitment_get_id (last), ==, cocrea_commitment_get_id (first));
  assert_numbered (f);
  g_assert_cmpint (test_process_query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'move-commitment'"),
                   ==, 2);

  g_assert_false (cocrea_commitment_move (f->document, 99999, 1, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
}

static void
test_update_and_dates (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCommitment) c = nth (f, 0);
  g_autoptr (CocreaCommitment) after = NULL;
  CocreaCommitmentFields fields;
  gint64 id = cocrea_commitment_get_id (c);
  gint64 edits = test_process_query_int (f, "SELECT count (*) FROM audit_log");

  cocrea_commitment_get_fields (c, &fields);
  fields.lead_unit = "Dirección de Desarrollo Comunitario (DIDECO)";
  fields.starts_on = "2019-09";
  fields.ends_on = "2021";
  fields.origin = COCREA_ORIGIN_MUNICIPAL;
  g_assert_true (cocrea_commitment_update (f->document, id, &fields, &error));
  g_assert_no_error (error);
  after = cocrea_commitment_lookup (f->document, id, &error);
  g_assert_cmpstr (cocrea_commitment_get_lead_unit (after), ==,
                   "Dirección de Desarrollo Comunitario (DIDECO)");
  g_assert_cmpstr (cocrea_commitment_get_starts_on (after), ==, "2019-09");
  g_assert_cmpstr (cocrea_commitment_get_ends_on (after), ==, "2021");
  g_assert_cmpint (cocrea_commitment_get_origin (after), ==, COCREA_ORIGIN_MUNICIPAL);
  g_assert_cmpint (test_process_query_int (f, "SELECT count (*) FROM audit_log"), ==, edits + 1);

  /* Each refusal names its field and changes nothing. */
  fields.starts_on = "2019-13";
  g_assert_false (cocrea_commitment_update (f->document, id, &fields, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Start date"));
  g_clear_error (&error);

  fields.starts_on = "2020-02-01";
  fields.ends_on = "2020-01";
  g_assert_false (cocrea_commitment_update (f->document, id, &fields, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "End date"));
  g_clear_error (&error);

  fields.starts_on = "2020-01";
  fields.ends_on = "septiembre";
  g_assert_false (cocrea_commitment_update (f->document, id, &fields, &error));
  g_assert_true (g_str_has_prefix (error->message, "End date"));
  g_clear_error (&error);

  fields.ends_on = "2020-01-31"; /* same month: not before */
  fields.name = "   ";
  g_assert_false (cocrea_commitment_update (f->document, id, &fields, &error));
  g_assert_true (g_str_has_prefix (error->message, "Name"));
  g_clear_error (&error);

  g_assert_cmpint (test_process_query_int (f, "SELECT count (*) FROM audit_log"), ==, edits + 1);
  g_clear_object (&after);
  after = cocrea_commitment_lookup (f->document, id, &error);
  g_assert_cmpstr (cocrea_commitment_get_starts_on (after), ==, "2019-09");

  /* Empty dates mean "not set". */
  fields.name = cocrea_commitment_get_name (c);
  fields.starts_on = "";
  fields.ends_on = NULL;
  g_assert_true (cocrea_commitment_update (f->document, id, &fields, &error));
  g_clear_object (&after);
  after = cocrea_commitment_lookup (f->document, id, &error);
  g_assert_null (cocrea_commitment_get_starts_on (after));
  g_assert_null (cocrea_commitment_get_ends_on (after));
}

static void
test_long_text (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCommitment) c = nth (f, 2);
  g_autoptr (CocreaCommitment) after = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  CocreaCommitmentFields fields;

  /* About five A4 pages: 15,000 characters in paragraphs with accents. */
  for (int i = 0; text->len < 15000; i++)
    g_string_append_printf (text, "%sPárrafo %d: la participación de niñas, niños y jóvenes "
                                  "en el diseño de los espacios públicos exige información "
                                  "oportuna, accesible y en lenguaje claro.",
                            i > 0 ? (i % 4 == 0 ? "\n\n" : " ") : "", i + 1);

  cocrea_commitment_get_fields (c, &fields);
  fields.description = text->str;
  g_assert_true (cocrea_commitment_update (f->document, cocrea_commitment_get_id (c), &fields,
                                           &error));
  g_assert_no_error (error);
  after = cocrea_commitment_lookup (f->document, cocrea_commitment_get_id (c), &error);
  g_assert_cmpstr (cocrea_commitment_get_description (after), ==, text->str);
}

static void
test_milestones (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCommitment) c = nth (f, 0);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaMilestone) m = NULL;
  gint64 cid = cocrea_commitment_get_id (c);
  gint64 a = 0, b = 0;
  guint n;

  list = cocrea_milestone_list (f->document, cid, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (list);
  g_clear_object (&list);

  g_assert_true (cocrea_milestone_add (f->document, cid, "Mesa de trabajo con dirigentes",
                                       "2019-10", "2019-12-15", &a, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_milestone_add (f->document, cid, "Informe público", "2020", NULL, &b,
                                       &error));
  g_assert_no_error (error);

  g_assert_false (cocrea_milestone_add (f->document, cid, "x", "2020-03", "2020-02", NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_milestone_add (f->document, cid, "  ", NULL, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_milestone_update (f->document, a, "x", "2019-02-30", NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  /* b to the front. */
  g_assert_true (cocrea_milestone_move (f->document, b, 1, &error));
  g_assert_no_error (error);
  list = cocrea_milestone_list (f->document, cid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n + 2);
  m = g_list_model_get_item (list, 0);
  g_assert_cmpint (cocrea_milestone_get_id (m), ==, b);
  g_assert_cmpint (cocrea_milestone_get_position (m), ==, 1);
  g_assert_null (cocrea_milestone_get_ends_on (m));
  g_clear_object (&m);
  g_clear_object (&list);

  /* Delete b: the rest renumber; undo brings it back first. */
  g_assert_true (cocrea_milestone_delete (f->document, b, &undo, &error));
  g_assert_no_error (error);
  list = cocrea_milestone_list (f->document, cid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n + 1);
  m = g_list_model_get_item (list, 0);
  g_assert_cmpint (cocrea_milestone_get_position (m), ==, 1);
  g_assert_cmpint (cocrea_milestone_get_id (m), !=, b);
  g_clear_object (&m);
  g_clear_object (&list);

  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  list = cocrea_milestone_list (f->document, cid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n + 2);
  m = g_list_model_get_item (list, 0);
  g_assert_cmpint (cocrea_milestone_get_id (m), ==, b);
  g_assert_cmpstr (cocrea_milestone_get_deliverable (m), ==, "Informe público");
}

static void
test_delete_undo (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCommitment) second = nth (f, 1);
  g_autoptr (CocreaCommitment) back = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (GListModel) list = NULL;
  gint64 id = cocrea_commitment_get_id (second);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM milestone WHERE commitment_id = %"
                                          G_GINT64_FORMAT, id);
  gint64 milestones = test_process_query_int (f, sql);
  CocreaContactFields contact = { 0 };

  g_assert_cmpint (milestones, >, 0);
  g_assert_true (cocrea_commitment_delete (f->document, id, &undo, &error));
  g_assert_no_error (error);
  list = cocrea_commitment_list (f->document, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  assert_numbered (f);
  g_assert_cmpint (test_process_query_int (f, sql), ==, 0);
  g_clear_object (&list);

  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  list = cocrea_commitment_list (f->document, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  back = nth (f, 1);
  g_assert_cmpint (cocrea_commitment_get_id (back), ==, id);
  g_assert_cmpstr (cocrea_commitment_get_name (back), ==, cocrea_commitment_get_name (second));
  assert_numbered (f);
  g_assert_cmpint (test_process_query_int (f, sql), ==, milestones);
  g_assert_true (cocrea_commitment_get_contact (f->document, id, &contact, &error));
  g_assert_cmpstr (contact.name, !=, "");
  cocrea_contact_fields_clear (&contact);

  /* And redo deletes it again. */
  g_assert_true (cocrea_undo_apply (f->document, redo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_process_query_int (f, "SELECT count (*) FROM commitment"), ==, 4);
  assert_numbered (f);
}

static void
test_contact_and_actors (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaCommitment) c = nth (f, 3);
  g_autoptr (GListModel) actors = NULL;
  g_autoptr (CocreaActor) actor = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  gint64 cid = cocrea_commitment_get_id (c);
  CocreaContactFields contact = {
    .name = "María José Peña", .title = "Encargada", .department = "Secpla",
    .email = "mjpena@renca.cl", .phone = "+56 2 2685 0000",
  };
  CocreaContactFields read = { 0 };
  g_autofree char *count_contacts = g_strdup_printf (
    "SELECT count (*) FROM contact WHERE commitment_id = %" G_GINT64_FORMAT, cid);
  guint n;
  gint64 id = 0;

  g_assert_true (cocrea_commitment_set_contact (f->document, cid, &contact, &error));
  g_assert_no_error (error);
  contact.phone = "+56 9 1234 5678";
  g_assert_true (cocrea_commitment_set_contact (f->document, cid, &contact, &error));
  g_assert_cmpint (test_process_query_int (f, count_contacts), ==, 1);
  g_assert_true (cocrea_commitment_get_contact (f->document, cid, &read, &error));
  g_assert_cmpstr (read.name, ==, "María José Peña");
  g_assert_cmpstr (read.phone, ==, "+56 9 1234 5678");
  cocrea_contact_fields_clear (&read);
  g_assert_false (cocrea_commitment_set_contact (f->document, 99999, &contact, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  actors = cocrea_actor_list (f->document, cid, &error);
  n = g_list_model_get_n_items (actors);
  g_clear_object (&actors);
  g_assert_true (cocrea_actor_add (f->document, cid, COCREA_ACTOR_CIVIL_SOCIETY,
                                   "Junta de vecinos Villa Esperanza", &id, &error));
  g_assert_no_error (error);
  g_assert_false (cocrea_actor_add (f->document, cid, COCREA_ACTOR_MUNICIPAL, " ", NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  actors = cocrea_actor_list (f->document, cid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n + 1);
  g_clear_object (&actors);

  g_assert_true (cocrea_actor_delete (f->document, id, &undo, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_undo_apply (f->document, undo, NULL, &error));
  g_assert_no_error (error);
  actors = cocrea_actor_list (f->document, cid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n + 1);
  actor = g_list_model_get_item (actors, n);
  g_assert_cmpstr (cocrea_actor_get_name (actor), ==, "Junta de vecinos Villa Esperanza");
  g_assert_cmpint (cocrea_actor_get_kind (actor), ==, COCREA_ACTOR_CIVIL_SOCIETY);
}

static void
test_read_only (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) reader = NULL;
  g_autoptr (CocreaCommitment) c = nth (f, 0);

  g_clear_object (&f->document);
  reader = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (cocrea_commitment_move (reader, cocrea_commitment_get_id (c), 2, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/commitment/list", test_list);
  ADD ("/commitment/from-proposal", test_from_proposal);
  ADD ("/commitment/reorder", test_reorder);
  ADD ("/commitment/update-and-dates", test_update_and_dates);
  ADD ("/commitment/long-text", test_long_text);
  ADD ("/commitment/milestones", test_milestones);
  ADD ("/commitment/delete-undo", test_delete_undo);
  ADD ("/commitment/contact-and-actors", test_contact_and_actors);
  ADD ("/commitment/read-only", test_read_only);
#undef ADD

  return g_test_run ();
}
