/* cocrea-pdf-consultation.c
 *
 * The section tells what the community said of the draft plan and what
 * became of it: the window with its working days (flagged when shorter
 * than OGP asks), the counts per commitment and answer, then every
 * comment under its commitment with the answer and its reason. It is the
 * reasons report's last section; the final plan can reuse it. Written in
 * the language of the process, through @catalog, like the rest of the
 * report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-consultation.h"
#include "cocrea-pdf-consultation.h"
#include "cocrea-pdf-labels.h"

#define T(s) cocrea_catalog_gettext (catalog, (s))

/* "Online 2, Email 1": the labels of the non-zero @counts, with them. */
static char *
join_counts (CocreaCatalog *catalog, const guint *counts, guint n,
             const char *(*key) (guint), const char *(*label) (CocreaCatalog *, const char *))
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    if (counts[i] > 0)
      g_string_append_printf (out, "%s%s %u", out->len > 0 ? ", " : "", label (catalog, key (i)),
                              counts[i]);
  return g_strdup (out->str);
}

static const char *
channel_key (guint i)
{
  return cocrea_channel_to_key (i);
}

static const char *
response_key (guint i)
{
  return cocrea_response_to_key (i);
}

/* The window, its working days and the comments received, as a template table. */
static void
write_window (CocreaCatalog *catalog, CocreaPdfWriter *w, const CocreaConsultationWindow *window,
              const CocreaConsultationCounts *overall)
{
  const double widths[] = { 0.26, 0.74 };
  g_autofree char *period = cocrea_pdf_format_period (catalog, window->opens, window->closes);
  const char *shown_period = *period != '\0' ? period : T (N_("To be defined"));
  g_autofree char *days = NULL;
  g_autofree char *received = NULL;
  g_autofree char *answers = NULL;

  cocrea_pdf_writer_table_begin (w, 2, widths, NULL, COCREA_PDF_TABLE_LABEL_COLUMN);
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Window")), shown_period });
  if (window->working_days >= 0)
    {
      if (window->too_short)
        /* TRANSLATORS: working days of the consultation, then the least OGP asks for */
        days = g_strdup_printf (T (N_("%d, fewer than the %d that OGP asks for")),
                                window->working_days, COCREA_CONSULTATION_MIN_WORKING_DAYS);
      else
        days = g_strdup_printf ("%d", window->working_days);
      cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Working days")), days });
    }
  if (overall->total > 0)
    {
      g_autofree char *channels = join_counts (catalog, overall->by_channel, COCREA_N_CHANNELS,
                                               channel_key, cocrea_pdf_label_channel);
      received = g_strdup_printf ("%u (%s)", overall->total, channels);
      answers = join_counts (catalog, overall->by_response, COCREA_N_RESPONSES, response_key,
                             cocrea_pdf_label_response);
    }
  cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Comments received")),
                                                    received != NULL ? received : "0" });
  if (answers != NULL)
    cocrea_pdf_writer_table_row (w, (const char *[]) { T (N_("Answers")), answers });
  cocrea_pdf_writer_table_end (w);
}

/* One row of the counts table: what, total, then each answer but pending, then pending. */
static void
counts_row (CocreaPdfWriter *w, const char *what, const CocreaConsultationCounts *counts)
{
  g_autofree char *total = g_strdup_printf ("%u", counts->total);
  g_autofree char *accepted = g_strdup_printf ("%u", counts->by_response[COCREA_RESPONSE_ACCEPTED]);
  g_autofree char *partly = g_strdup_printf ("%u", counts->by_response[COCREA_RESPONSE_PARTLY]);
  g_autofree char *not_accepted =
    g_strdup_printf ("%u", counts->by_response[COCREA_RESPONSE_NOT_ACCEPTED]);
  g_autofree char *pending = g_strdup_printf ("%u", counts->by_response[COCREA_RESPONSE_PENDING]);
  const char *cells[] = { what, total, accepted, partly, not_accepted, pending };

  cocrea_pdf_writer_table_row (w, cells);
}

/* The comments and their answers per commitment, the plan as a whole last. */
static void
write_counts (CocreaCatalog *catalog, CocreaPdfWriter *w, const CocreaConsultationSummary *summary)
{
  const double widths[] = { 0.30, 0.16, 0.13, 0.14, 0.13, 0.14 };
  const char *header[] = { T (N_("Commitment")), T (N_("Comments")),
                           cocrea_pdf_label_response (catalog, "accepted"),
                           cocrea_pdf_label_response (catalog, "partly"),
                           cocrea_pdf_label_response (catalog, "not-accepted"),
                           cocrea_pdf_label_response (catalog, "pending") };

  cocrea_pdf_writer_table_begin (w, G_N_ELEMENTS (widths), widths, header, COCREA_PDF_TABLE_NORMAL);
  for (guint i = 0; i < summary->commitments->len; i++)
    {
      const CocreaConsultationCounts *c =
        &g_array_index (summary->commitments, CocreaConsultationCounts, i);
      g_autofree char *what = c->position > 0 ? g_strdup_printf ("%d. %s", c->position, c->name)
                                              : g_strdup (T (N_("The plan as a whole")));
      counts_row (w, what, c);
    }
  counts_row (w, T (N_("Total")), &summary->overall);
  cocrea_pdf_writer_table_end (w);
}

/* The first cell of a comment: when, how and from whom it came. */
static char *
describe_origin (CocreaCatalog *catalog, CocreaConsultationComment *comment)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *received = cocrea_consultation_comment_get_received_on (comment);
  const char *author = cocrea_consultation_comment_get_author (comment);
  CocreaChannel channel = cocrea_consultation_comment_get_channel (comment);

  if (received != NULL)
    {
      g_autofree char *day = cocrea_pdf_format_date (catalog, received);
      g_string_append_printf (out, "%s\n", day);
    }
  g_string_append (out, cocrea_pdf_label_channel (catalog, cocrea_channel_to_key (channel)));
  if (*author != '\0')
    g_string_append_printf (out, "\n%s", author);
  return g_strdup (out->str);
}

/* Every comment, a table per commitment under its own heading. */
static void
write_comments (CocreaCatalog *catalog, CocreaPdfWriter *w, GListModel *comments)
{
  const double widths[] = { 0.22, 0.42, 0.36 };
  const char *header[] = { T (N_("Received")), T (N_("Comment")), T (N_("Answer")) };
  gint64 current = -1;

  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr (CocreaConsultationComment) comment = g_list_model_get_item (comments, i);
      gint64 commitment = cocrea_consultation_comment_get_commitment_id (comment);
      guint position = cocrea_consultation_comment_get_commitment_position (comment);
      const char *cells[3];
      const char *reason = cocrea_consultation_comment_get_response_reason (comment);
      const char *response = cocrea_pdf_label_response (
        catalog, cocrea_response_to_key (cocrea_consultation_comment_get_response (comment)));
      g_autofree char *origin = describe_origin (catalog, comment);
      g_autofree char *answer = *reason != '\0' ? g_strdup_printf ("%s\n%s", response, reason)
                                                : g_strdup (response);

      if (commitment != current)
        {
          g_autofree char *heading = NULL;

          if (current != -1)
            cocrea_pdf_writer_table_end (w);
          current = commitment;
          if (commitment != 0)
            heading = g_strdup_printf (T (N_("Commitment %u: %s")), position,
                                       cocrea_consultation_comment_get_commitment_name (comment));
          else
            heading = g_strdup (T (N_("Comments on the plan as a whole")));
          cocrea_pdf_writer_heading (w, 3, heading, FALSE);
          cocrea_pdf_writer_table_begin (w, G_N_ELEMENTS (widths), widths, header,
                                         COCREA_PDF_TABLE_NORMAL);
        }
      cells[0] = origin;
      cells[1] = cocrea_consultation_comment_get_text (comment);
      cells[2] = answer;
      cocrea_pdf_writer_table_row (w, cells);
    }
  if (current != -1)
    cocrea_pdf_writer_table_end (w);
}

/**
 * cocrea_pdf_consultation_write:
 * @document: the process, inside the export's read transaction
 * @catalog: the process's language
 * @writer: the report being written
 * @error: return location for a #CocreaError
 *
 * Adds the "Public consultation" section to @writer: nothing at all when
 * the process has neither a window nor a comment yet.
 *
 * Returns: %TRUE on success; %FALSE with @error set when the process
 *   cannot be read
 */
gboolean
cocrea_pdf_consultation_write (CocreaDocument *document, CocreaCatalog *catalog,
                               CocreaPdfWriter *writer, GError **error)
{
  g_autoptr (CocreaConsultationWindow) window = NULL;
  g_autoptr (CocreaConsultationSummary) summary = NULL;
  g_autoptr (GListModel) comments = NULL;

  window = cocrea_consultation_get_window (document, error);
  if (window == NULL)
    return FALSE;
  summary = cocrea_consultation_get_summary (document, error);
  if (summary == NULL)
    return FALSE;
  if (summary->overall.total == 0 && window->opens == NULL && window->closes == NULL)
    return TRUE;
  comments = cocrea_consultation_list_comments (document, COCREA_CONSULTATION_ALL, error);
  if (comments == NULL)
    return FALSE;

  cocrea_pdf_writer_heading (writer, 1, T (N_("Public consultation")), TRUE);
  cocrea_pdf_writer_text (writer, T (N_("The draft plan was published for comments from the "
                                        "community. Each comment received is listed under the "
                                        "commitment it is about, with the answer it was given "
                                        "and, when it was not accepted in full, the reason.")),
                          0, COCREA_PDF_TEXT_NORMAL);
  write_window (catalog, writer, window, &summary->overall);
  if (summary->overall.total > 0)
    {
      write_counts (catalog, writer, summary);
      write_comments (catalog, writer, comments);
    }
  return TRUE;
}
