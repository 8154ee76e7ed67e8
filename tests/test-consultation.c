/* test-consultation.c — the public consultation: its window, the comments
 * received and the answer to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "cocrea-commitment.h"
#include "cocrea-consultation.h"
#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  gint64 commitments[5]; /* ids, by plan number - 1 */
} Fixture;

/* The Renca demo, its 5 commitments kept, its consultation emptied so
 * every test starts from no window and no comment. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) commitments = NULL;

  test_process_demo (TEST_PROCESS (f), "renca.cocrea", COCREA_OPEN_DEFAULT);

  cocrea_db_exec (cocrea_document_get_db (f->document),
                  "DELETE FROM consultation_comment;"
                  " UPDATE process SET consultation_opens = NULL, consultation_closes = NULL",
                  &error);
  g_assert_no_error (error);

  commitments = cocrea_commitment_list (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, G_N_ELEMENTS (f->commitments));
  for (guint i = 0; i < G_N_ELEMENTS (f->commitments); i++)
    {
      g_autoptr (CocreaCommitment) c = g_list_model_get_item (commitments, i);
      f->commitments[i] = cocrea_commitment_get_id (c);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
}

static gint64
query_int (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  cocrea_db_query_int (cocrea_document_get_db (f->document), sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

static gint64
count_comments (Fixture *f)
{
  return query_int (f, "SELECT count (*) FROM consultation_comment");
}

/* Adds a comment that must be accepted; returns its id. */
static gint64
add (Fixture *f, gint64 commitment_id, CocreaChannel channel, const char *received_on,
     const char *text)
{
  g_autoptr (GError) error = NULL;
  CocreaCommentFields fields = { commitment_id, channel, "Vecina de Renca", received_on, text };
  gint64 id = 0;

  g_assert_true (cocrea_consultation_add_comment (f->document, &fields, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static CocreaConsultationComment *
lookup (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  CocreaConsultationComment *comment = cocrea_consultation_lookup_comment (f->document, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comment);
  return comment;
}

/* Applies @undo, which must work; returns the redo record. */
static CocreaUndo *
apply (Fixture *f, CocreaUndo *undo)
{
  g_autoptr (GError) error = NULL;
  CocreaUndo *redo = NULL;

  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (redo);
  return redo;
}

/* Counts Monday-to-Friday days one by one, to check the arithmetic. */
static int
count_slowly (const GDate *first, const GDate *last)
{
  GDate day = *first;
  int n = 0;

  while (g_date_compare (&day, last) <= 0)
    {
      n += g_date_get_weekday (&day) <= G_DATE_FRIDAY;
      g_date_add_days (&day, 1);
    }
  return n;
}

static void
test_working_days (void)
{
  /* 4 to 15 November 2019: Monday to Friday of the next week. */
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-11-04", "2019-11-15"), ==, 10);
  /* Friday to Monday, over a weekend. */
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-11-08", "2019-11-11"), ==, 2);
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-11-09", "2019-11-10"), ==, 0);
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-11-04", "2019-11-04"), ==, 1);
  /* A leap day, and a whole year that starts on a Tuesday. */
  g_assert_cmpint (cocrea_consultation_count_working_days ("2020-02-27", "2020-03-02"), ==, 3);
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-01-01", "2019-12-31"), ==, 261);

  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-11-15", "2019-11-04"), ==, -1);
  g_assert_cmpint (cocrea_consultation_count_working_days (NULL, "2019-11-04"), ==, -1);
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-11-04", ""), ==, -1);
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-11", "2019-12"), ==, -1);
  g_assert_cmpint (cocrea_consultation_count_working_days ("2019-02-29", "2019-03-04"), ==, -1);

  /* Every start day of a fortnight, every length up to five weeks. */
  for (int start = 0; start < 14; start++)
    for (int length = 0; length < 35; length++)
      {
        GDate first, last;
        char opens[16], closes[16];

        g_date_clear (&first, 1);
        g_date_set_dmy (&first, 1, G_DATE_NOVEMBER, 2019);
        g_date_add_days (&first, start);
        last = first;
        g_date_add_days (&last, length);
        g_date_strftime (opens, sizeof opens, "%Y-%m-%d", &first);
        g_date_strftime (closes, sizeof closes, "%Y-%m-%d", &last);
        g_assert_cmpint (cocrea_consultation_count_working_days (opens, closes), ==,
                         count_slowly (&first, &last));
      }
}

static void
test_window (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaConsultationWindow) window = NULL;

  window = cocrea_consultation_get_window (f->document, &error);
  g_assert_no_error (error);
  g_assert_null (window->opens);
  g_assert_null (window->closes);
  g_assert_cmpint (window->working_days, ==, -1);
  g_assert_false (window->too_short);
  g_clear_pointer (&window, cocrea_consultation_window_free);

  /* Exactly ten working days is enough. */
  g_assert_true (cocrea_consultation_set_window (f->document, "2019-11-04", " 2019-11-15 ", &error));
  g_assert_no_error (error);
  window = cocrea_consultation_get_window (f->document, &error);
  g_assert_cmpstr (window->opens, ==, "2019-11-04");
  g_assert_cmpstr (window->closes, ==, "2019-11-15");
  g_assert_cmpint (window->working_days, ==, 10);
  g_assert_false (window->too_short);
  g_clear_pointer (&window, cocrea_consultation_window_free);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action ="
                                 " 'set-consultation-window' AND detail LIKE '%2019-11-15%'"), ==, 1);

  /* Nine are too few: stored, with the warning. */
  g_assert_true (cocrea_consultation_set_window (f->document, "2019-11-04", "2019-11-14", &error));
  window = cocrea_consultation_get_window (f->document, &error);
  g_assert_cmpint (window->working_days, ==, 9);
  g_assert_true (window->too_short);
  g_clear_pointer (&window, cocrea_consultation_window_free);

  /* A window that closes before it opens, or a day that is not one, is
   * refused and the window stays as it was. */
  g_assert_false (cocrea_consultation_set_window (f->document, "2019-11-15", "2019-11-04", &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Closes:"));
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_set_window (f->document, "2019-13-01", NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Opens:"));
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_set_window (f->document, "2019-11", "2019-11-15", &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_window_validate ("2019-11-04", "15/11/2019", &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  window = cocrea_consultation_get_window (f->document, &error);
  g_assert_cmpstr (window->opens, ==, "2019-11-04");
  g_assert_cmpstr (window->closes, ==, "2019-11-14");
  g_clear_pointer (&window, cocrea_consultation_window_free);

  /* One end may be unknown, and both can be cleared. */
  g_assert_true (cocrea_consultation_set_window (f->document, "2019-11-04", "", &error));
  window = cocrea_consultation_get_window (f->document, &error);
  g_assert_cmpstr (window->opens, ==, "2019-11-04");
  g_assert_null (window->closes);
  g_assert_cmpint (window->working_days, ==, -1);
  g_assert_false (window->too_short);
  g_clear_pointer (&window, cocrea_consultation_window_free);
  g_assert_true (cocrea_consultation_set_window (f->document, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT consultation_opens IS NULL AND consultation_closes IS NULL"
                                 " FROM process"), ==, 1);
}

static void
test_window_keeps_comments_inside (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;

  add (f, f->commitments[0], COCREA_CHANNEL_EMAIL, "2019-11-06", "Bien");
  add (f, f->commitments[0], COCREA_CHANNEL_EMAIL, "2019-11-12", "Mejor");
  add (f, 0, COCREA_CHANNEL_ONLINE, NULL, "Sin fecha");

  g_assert_true (cocrea_consultation_set_window (f->document, "2019-11-04", "2019-11-15", &error));
  g_assert_false (cocrea_consultation_set_window (f->document, "2019-11-07", "2019-11-15", &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 comment"));
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_set_window (f->document, "2019-11-07", "2019-11-08", &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 comments"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT consultation_opens = '2019-11-04' FROM process"), ==, 1);
}

static void
test_add_update_delete (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) again = NULL;
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autofree char *author = NULL;
  g_autofree char *channel_label = NULL;
  CocreaCommentFields fields = {
    f->commitments[1], COCREA_CHANNEL_IN_PERSON, "  Junta de vecinos Villa Esperanza ",
    "2019-11-06", "  Que los planes de barrio lleguen también a Huamachuco.  ",
  };
  gint64 id = 0;
  gint64 commitment_id = 0;
  guint channel = 99, response = 99;

  g_assert_true (cocrea_consultation_add_comment (f->document, &fields, &id, &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpstr (cocrea_undo_get_action (undo), ==, "add-comment");
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_id (comment), ==, id);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_id (comment), ==, f->commitments[1]);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_position (comment), ==, 2);
  g_assert_nonnull (strstr (cocrea_consultation_comment_get_commitment_name (comment),
                            "Planes de Desarrollo Barrial"));
  g_assert_cmpint (cocrea_consultation_comment_get_channel (comment), ==, COCREA_CHANNEL_IN_PERSON);
  g_assert_cmpstr (cocrea_consultation_comment_get_author (comment), ==,
                   "Junta de vecinos Villa Esperanza");
  g_assert_cmpstr (cocrea_consultation_comment_get_received_on (comment), ==, "2019-11-06");
  g_assert_cmpstr (cocrea_consultation_comment_get_text (comment), ==,
                   "Que los planes de barrio lleguen también a Huamachuco.");
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_PENDING);
  g_assert_cmpstr (cocrea_consultation_comment_get_response_reason (comment), ==, "");
  g_object_get (comment, "author", &author, "commitment-id", &commitment_id, "channel", &channel,
                "channel-label", &channel_label, "response", &response, NULL);
  g_assert_cmpstr (author, ==, "Junta de vecinos Villa Esperanza");
  g_assert_cmpint (commitment_id, ==, f->commitments[1]);
  g_assert_cmpuint (channel, ==, COCREA_CHANNEL_IN_PERSON);
  g_assert_cmpstr (channel_label, ==, "In person");
  g_assert_cmpuint (response, ==, COCREA_RESPONSE_PENDING);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'add-comment'"),
                   ==, 1);
  g_clear_object (&comment);

  /* Undo takes the comment away, redo brings it back with its id. */
  redo = apply (f, undo);
  g_assert_cmpint (count_comments (f), ==, 0);
  again = apply (f, redo);
  g_assert_cmpint (count_comments (f), ==, 1);
  comment = lookup (f, id);
  g_assert_cmpstr (cocrea_consultation_comment_get_author (comment), ==,
                   "Junta de vecinos Villa Esperanza");
  g_clear_object (&undo);
  g_clear_object (&redo);
  g_clear_object (&again);

  /* An update keeps the answer; undo restores the old fields. */
  g_assert_true (cocrea_consultation_respond (f->document, id, COCREA_RESPONSE_ACCEPTED, "Se incluye",
                                              NULL, &error));
  cocrea_consultation_comment_get_fields (comment, &fields);
  fields.commitment_id = 0;
  fields.channel = COCREA_CHANNEL_EMAIL;
  fields.text = "Otro texto";
  g_assert_true (cocrea_consultation_update_comment (f->document, id, &fields, &undo, &error));
  g_assert_no_error (error);
  g_clear_object (&comment);
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_id (comment), ==, 0);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_position (comment), ==, 0);
  g_assert_null (cocrea_consultation_comment_get_commitment_name (comment));
  g_assert_cmpint (cocrea_consultation_comment_get_channel (comment), ==, COCREA_CHANNEL_EMAIL);
  g_assert_cmpstr (cocrea_consultation_comment_get_text (comment), ==, "Otro texto");
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_ACCEPTED);
  g_clear_object (&comment);
  redo = apply (f, undo);
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_id (comment), ==, f->commitments[1]);
  g_assert_cmpint (cocrea_consultation_comment_get_channel (comment), ==, COCREA_CHANNEL_IN_PERSON);
  g_clear_object (&comment);
  g_clear_object (&undo);
  again = apply (f, redo);
  comment = lookup (f, id);
  g_assert_cmpstr (cocrea_consultation_comment_get_text (comment), ==, "Otro texto");
  g_clear_object (&comment);
  g_clear_object (&redo);
  g_clear_object (&again);

  /* Delete, and undo brings it back with its id and its answer. */
  g_assert_true (cocrea_consultation_delete_comment (f->document, id, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_comments (f), ==, 0);
  g_assert_null (cocrea_consultation_lookup_comment (f->document, id, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  redo = apply (f, undo);
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_ACCEPTED);
  g_assert_cmpstr (cocrea_consultation_comment_get_response_reason (comment), ==, "Se incluye");
  again = apply (f, redo);
  g_assert_cmpint (count_comments (f), ==, 0);

  /* Unknown ids. The fields no longer point into a comment. */
  fields = (CocreaCommentFields) { 0, COCREA_CHANNEL_ONLINE, NULL, NULL, "Otro texto" };
  g_assert_false (cocrea_consultation_delete_comment (f->document, id, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_update_comment (f->document, 99999, &fields, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fields.commitment_id = 99999;
  g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fields.commitment_id = 0;
  fields.channel = COCREA_N_CHANNELS;
  g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_cmpint (count_comments (f), ==, 0);
}

static void
test_respond (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaUndo) again = NULL;
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autofree char *label = NULL;
  gint64 id = add (f, f->commitments[2], COCREA_CHANNEL_ONLINE, NULL, "Más cámaras en las plazas");

  /* The reasoned response: no reason, no partial or negative answer. */
  g_assert_false (cocrea_consultation_respond (f->document, id, COCREA_RESPONSE_NOT_ACCEPTED, "  ",
                                               NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason:"));
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_respond (f->document, id, COCREA_RESPONSE_PARTLY, NULL, NULL,
                                               &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_respond (f->document, id, COCREA_N_RESPONSES, "x", NULL,
                                               &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_respond (f->document, 99999, COCREA_RESPONSE_ACCEPTED, NULL,
                                               NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'respond-comment'"),
                   ==, 0);

  /* Accepted needs no reason. */
  g_assert_true (cocrea_consultation_respond (f->document, id, COCREA_RESPONSE_ACCEPTED, NULL, NULL,
                                              &error));
  g_assert_no_error (error);

  g_assert_true (cocrea_consultation_respond (f->document, id, COCREA_RESPONSE_PARTLY,
                                              "El consejo revisará la ubicación con Carabineros",
                                              &undo, &error));
  g_assert_no_error (error);
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_PARTLY);
  g_assert_cmpstr (cocrea_consultation_comment_get_response_reason (comment), ==,
                   "El consejo revisará la ubicación con Carabineros");
  g_object_get (comment, "response-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Partly accepted");
  g_clear_object (&comment);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'respond-comment'"
                                 " AND detail LIKE '%\"partly\"%Carabineros%'"), ==, 1);

  /* Undo gives back the earlier answer, redo the new one. */
  redo = apply (f, undo);
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_ACCEPTED);
  g_assert_cmpstr (cocrea_consultation_comment_get_response_reason (comment), ==, "");
  g_clear_object (&comment);
  again = apply (f, redo);
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_PARTLY);
}

static void
test_from_text (void)
{
  static const struct {
    const char *text;
    CocreaChannel channel;
  } channels[] = {
    { "online", COCREA_CHANNEL_ONLINE },       { "En línea", COCREA_CHANNEL_ONLINE },
    { "WEB", COCREA_CHANNEL_ONLINE },          { "in-person", COCREA_CHANNEL_IN_PERSON },
    { "Presencial", COCREA_CHANNEL_IN_PERSON }, { "in person", COCREA_CHANNEL_IN_PERSON },
    { "email", COCREA_CHANNEL_EMAIL },         { "E-mail", COCREA_CHANNEL_EMAIL },
    { "Correo electrónico", COCREA_CHANNEL_EMAIL },
  };
  static const struct {
    const char *text;
    CocreaResponse response;
  } responses[] = {
    { "pending", COCREA_RESPONSE_PENDING },        { "Pendiente", COCREA_RESPONSE_PENDING },
    { "accepted", COCREA_RESPONSE_ACCEPTED },      { "Aceptada", COCREA_RESPONSE_ACCEPTED },
    { "partly", COCREA_RESPONSE_PARTLY },          { "Parcialmente aceptado", COCREA_RESPONSE_PARTLY },
    { "not-accepted", COCREA_RESPONSE_NOT_ACCEPTED }, { "No aceptado", COCREA_RESPONSE_NOT_ACCEPTED },
    { "NOT ACCEPTED", COCREA_RESPONSE_NOT_ACCEPTED },  { "rechazada", COCREA_RESPONSE_NOT_ACCEPTED },
  };
  const char *bad[] = { "fax", "", "acceptable", "teléfono", "sí" };

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      CocreaChannel channel = COCREA_N_CHANNELS;
      g_assert_true (cocrea_channel_from_text (channels[i].text, &channel));
      g_assert_cmpint (channel, ==, channels[i].channel);
    }
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      CocreaResponse response = COCREA_N_RESPONSES;
      g_assert_true (cocrea_response_from_text (responses[i].text, &response));
      g_assert_cmpint (response, ==, responses[i].response);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CocreaChannel channel = COCREA_N_CHANNELS;
      CocreaResponse response = COCREA_N_RESPONSES;
      g_assert_false (cocrea_channel_from_text (bad[i], &channel));
      g_assert_false (cocrea_response_from_text (bad[i], &response));
      g_assert_cmpint (channel, ==, COCREA_N_CHANNELS);
      g_assert_cmpint (response, ==, COCREA_N_RESPONSES);
    }
  g_assert_false (cocrea_channel_from_text (NULL, &(CocreaChannel) { 0 }));

  for (guint c = 0; c < COCREA_N_CHANNELS; c++)
    {
      CocreaChannel back = COCREA_N_CHANNELS;
      g_assert_true (cocrea_channel_from_text (cocrea_channel_to_key (c), &back));
      g_assert_cmpint (back, ==, c);
      g_assert_cmpstr (cocrea_channel_label (c), !=, "");
    }
  for (guint r = 0; r < COCREA_N_RESPONSES; r++)
    {
      CocreaResponse back = COCREA_N_RESPONSES;
      g_assert_true (cocrea_response_from_text (cocrea_response_to_key (r), &back));
      g_assert_cmpint (back, ==, r);
      g_assert_cmpstr (cocrea_response_label (r), !=, "");
    }
}

static void
test_texts (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) big = g_string_new (NULL);
  g_autoptr (CocreaConsultationComment) comment = NULL;
  CocreaCommentFields fields = { 0, COCREA_CHANNEL_ONLINE, NULL, NULL, " \n\t " };
  gint64 id;

  g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Text:"));
  g_clear_error (&error);
  fields.text = NULL;
  g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_comments (f), ==, 0);

  /* A pasted email of 100 KB is kept whole. */
  while (big->len < 100 * 1024)
    g_string_append (big, "Propongo que el consejo sesione en cada barrio, con acta pública. ");
  g_strstrip (big->str);
  id = add (f, f->commitments[0], COCREA_CHANNEL_EMAIL, NULL, big->str);
  comment = lookup (f, id);
  g_assert_cmpstr (cocrea_consultation_comment_get_text (comment), ==, big->str);
  g_clear_object (&comment);

  /* Emoji are kept; a decomposed accent is stored composed. */
  id = add (f, 0, COCREA_CHANNEL_ONLINE, NULL, "¡Buenísimo! 👍🏽 Particip\x61\xcc\x81is todos");
  comment = lookup (f, id);
  g_assert_cmpstr (cocrea_consultation_comment_get_text (comment), ==,
                   "¡Buenísimo! 👍🏽 Participáis todos");
  g_clear_object (&comment);

  /* The author is optional. */
  fields.text = "Sin nombre";
  g_assert_true (cocrea_consultation_add_comment (f->document, &fields, &id, NULL, &error));
  g_assert_no_error (error);
  comment = lookup (f, id);
  g_assert_cmpstr (cocrea_consultation_comment_get_author (comment), ==, "");
}

static void
test_received_dates (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");
  CocreaCommentFields fields = { 0, COCREA_CHANNEL_ONLINE, NULL, "06/11/2019", "Comentario" };
  const char *bad[] = { "06/11/2019", "2019-11", "2019-11-31", "mañana" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      fields.received_on = bad[i];
      g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
      g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Received:"));
      g_clear_error (&error);
    }
  fields.received_on = future;
  g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_clear_error (&error);

  /* Inside the window only, when it is known. */
  g_assert_true (cocrea_consultation_set_window (f->document, "2019-11-04", "2019-11-15", &error));
  fields.received_on = "2019-11-16";
  g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "15 November 2019"));
  g_clear_error (&error);
  fields.received_on = "2019-11-03";
  g_assert_false (cocrea_consultation_add_comment (f->document, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 November 2019"));
  g_clear_error (&error);
  g_assert_cmpint (count_comments (f), ==, 0);

  add (f, 0, COCREA_CHANNEL_ONLINE, "2019-11-04", "El primer día");
  add (f, 0, COCREA_CHANNEL_ONLINE, "2019-11-15", "El último día");
  add (f, 0, COCREA_CHANNEL_ONLINE, "", "No se sabe cuándo");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM consultation_comment"
                                 " WHERE received_on IS NULL"), ==, 1);
}

static void
test_deleted_commitment (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaConsultationComment) comment = NULL;
  g_autoptr (GListModel) general = NULL;
  gint64 id = add (f, f->commitments[3], COCREA_CHANNEL_IN_PERSON, "2019-11-06",
                   "Invitar a la comunidad aymara");

  g_assert_true (cocrea_consultation_respond (f->document, id, COCREA_RESPONSE_ACCEPTED, "Sí", NULL,
                                              &error));
  g_assert_true (cocrea_commitment_delete (f->document, f->commitments[3], &undo, &error));
  g_assert_no_error (error);

  /* The comment stays, about no commitment, with its answer. */
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_id (comment), ==, 0);
  g_assert_cmpint (cocrea_consultation_comment_get_response (comment), ==, COCREA_RESPONSE_ACCEPTED);
  g_clear_object (&comment);
  general = cocrea_consultation_list_comments (f->document, COCREA_CONSULTATION_GENERAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (general), ==, 1);

  /* Undoing the deletion ties it to its commitment again. */
  redo = apply (f, undo);
  comment = lookup (f, id);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_id (comment), ==, f->commitments[3]);
  g_assert_cmpint (cocrea_consultation_comment_get_commitment_position (comment), ==, 4);
}

static void
test_order_and_filter (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) all = NULL;
  g_autoptr (GListModel) first = NULL;
  g_autoptr (GListModel) general = NULL;
  g_autoptr (GListModel) none = NULL;
  gint64 expected[7];
  guint n = 0;

  /* Recorded out of order; listed by commitment number, day, then id. */
  gint64 general_a = add (f, 0, COCREA_CHANNEL_EMAIL, "2019-11-05", "General");
  gint64 third = add (f, f->commitments[2], COCREA_CHANNEL_ONLINE, "2019-11-05", "Tercero");
  gint64 first_late = add (f, f->commitments[0], COCREA_CHANNEL_ONLINE, "2019-11-12", "Tarde");
  gint64 first_undated = add (f, f->commitments[0], COCREA_CHANNEL_ONLINE, NULL, "Sin fecha");
  gint64 first_early = add (f, f->commitments[0], COCREA_CHANNEL_IN_PERSON, "2019-11-04", "Temprano");
  gint64 first_late_too = add (f, f->commitments[0], COCREA_CHANNEL_EMAIL, "2019-11-12", "Tarde 2");
  gint64 general_b = add (f, 0, COCREA_CHANNEL_EMAIL, "2019-11-04", "General antes");

  expected[n++] = first_early;
  expected[n++] = first_late;
  expected[n++] = first_late_too;
  expected[n++] = first_undated;
  expected[n++] = third;
  expected[n++] = general_b;
  expected[n++] = general_a;

  all = cocrea_consultation_list_comments (f->document, COCREA_CONSULTATION_ALL, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (all) == COCREA_TYPE_CONSULTATION_COMMENT);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (all, i);
      g_assert_cmpint (cocrea_consultation_comment_get_id (c), ==, expected[i]);
    }

  first = cocrea_consultation_list_comments (f->document, f->commitments[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (first, i);
      g_assert_cmpint (cocrea_consultation_comment_get_id (c), ==, expected[i]);
    }
  general = cocrea_consultation_list_comments (f->document, COCREA_CONSULTATION_GENERAL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (general), ==, 2);
  none = cocrea_consultation_list_comments (f->document, f->commitments[4], &error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

static void
test_summary (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaConsultationSummary) summary = NULL;
  g_autoptr (CocreaConsultationSummary) empty = NULL;
  const CocreaConsultationCounts *c;
  gint64 a, b;

  empty = cocrea_consultation_get_summary (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->overall.total, ==, 0);
  g_assert_cmpuint (empty->commitments->len, ==, 5);

  a = add (f, f->commitments[0], COCREA_CHANNEL_ONLINE, NULL, "Uno");
  b = add (f, f->commitments[0], COCREA_CHANNEL_EMAIL, NULL, "Dos");
  add (f, f->commitments[0], COCREA_CHANNEL_EMAIL, NULL, "Tres");
  add (f, f->commitments[2], COCREA_CHANNEL_IN_PERSON, NULL, "Cuatro");
  add (f, 0, COCREA_CHANNEL_ONLINE, NULL, "Cinco");
  g_assert_true (cocrea_consultation_respond (f->document, a, COCREA_RESPONSE_ACCEPTED, NULL, NULL,
                                              &error));
  g_assert_true (cocrea_consultation_respond (f->document, b, COCREA_RESPONSE_NOT_ACCEPTED,
                                              "Fuera de plazo presupuestario", NULL, &error));
  g_assert_no_error (error);

  summary = cocrea_consultation_get_summary (f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->overall.total, ==, 5);
  g_assert_cmpuint (summary->overall.by_channel[COCREA_CHANNEL_ONLINE], ==, 2);
  g_assert_cmpuint (summary->overall.by_channel[COCREA_CHANNEL_EMAIL], ==, 2);
  g_assert_cmpuint (summary->overall.by_channel[COCREA_CHANNEL_IN_PERSON], ==, 1);
  g_assert_cmpuint (summary->overall.by_response[COCREA_RESPONSE_PENDING], ==, 3);
  g_assert_cmpuint (summary->overall.by_response[COCREA_RESPONSE_ACCEPTED], ==, 1);
  g_assert_cmpuint (summary->overall.by_response[COCREA_RESPONSE_NOT_ACCEPTED], ==, 1);
  g_assert_cmpuint (summary->overall.by_response[COCREA_RESPONSE_PARTLY], ==, 0);

  /* Every commitment in plan order, then the plan as a whole. */
  g_assert_cmpuint (summary->commitments->len, ==, 6);
  c = &g_array_index (summary->commitments, CocreaConsultationCounts, 0);
  g_assert_cmpint (c->commitment_id, ==, f->commitments[0]);
  g_assert_cmpint (c->position, ==, 1);
  g_assert_nonnull (strstr (c->name, "COSOC"));
  g_assert_cmpuint (c->total, ==, 3);
  g_assert_cmpuint (c->by_channel[COCREA_CHANNEL_EMAIL], ==, 2);
  g_assert_cmpuint (c->by_response[COCREA_RESPONSE_PENDING], ==, 1);
  c = &g_array_index (summary->commitments, CocreaConsultationCounts, 1);
  g_assert_cmpuint (c->total, ==, 0);
  c = &g_array_index (summary->commitments, CocreaConsultationCounts, 2);
  g_assert_cmpuint (c->total, ==, 1);
  g_assert_cmpuint (c->by_channel[COCREA_CHANNEL_IN_PERSON], ==, 1);
  c = &g_array_index (summary->commitments, CocreaConsultationCounts, 5);
  g_assert_cmpint (c->commitment_id, ==, 0);
  g_assert_cmpint (c->position, ==, 0);
  g_assert_null (c->name);
  g_assert_cmpuint (c->total, ==, 1);
}

static void
test_read_only (Fixture *f, gconstpointer unused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) reader = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (CocreaConsultationWindow) window = NULL;
  CocreaCommentFields fields = { f->commitments[0], COCREA_CHANNEL_ONLINE, "Ana", NULL, "Hola" };
  gint64 id = add (f, 0, COCREA_CHANNEL_EMAIL, NULL, "Antes");
  g_autofree char *before = NULL;
  gsize length = 0;

  g_clear_object (&f->document);
  g_file_get_contents (f->path, &before, &length, &error);
  g_assert_no_error (error);
  reader = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_false (cocrea_consultation_set_window (reader, "2019-11-04", "2019-11-15", &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_add_comment (reader, &fields, NULL, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_update_comment (reader, id, &fields, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_respond (reader, id, COCREA_RESPONSE_ACCEPTED, NULL, NULL,
                                               &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cocrea_consultation_delete_comment (reader, id, NULL, &error));
  g_assert_error (error, COCREA_ERROR, COCREA_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Reading works. */
  list = cocrea_consultation_list_comments (reader, COCREA_CONSULTATION_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  window = cocrea_consultation_get_window (reader, &error);
  g_assert_no_error (error);
  g_assert_null (window->opens);

  g_clear_object (&reader);
  {
    g_autofree char *after = NULL;
    gsize after_length = 0;

    g_file_get_contents (f->path, &after, &after_length, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (before, length, after, after_length);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/consultation/working-days", test_working_days);
  g_test_add_func ("/consultation/from-text", test_from_text);
  ADD ("/consultation/window", test_window);
  ADD ("/consultation/window-keeps-comments-inside", test_window_keeps_comments_inside);
  ADD ("/consultation/add-update-delete", test_add_update_delete);
  ADD ("/consultation/respond", test_respond);
  ADD ("/consultation/texts", test_texts);
  ADD ("/consultation/received-dates", test_received_dates);
  ADD ("/consultation/deleted-commitment", test_deleted_commitment);
  ADD ("/consultation/order-and-filter", test_order_and_filter);
  ADD ("/consultation/summary", test_summary);
  ADD ("/consultation/read-only", test_read_only);
#undef ADD

  return g_test_run ();
}
