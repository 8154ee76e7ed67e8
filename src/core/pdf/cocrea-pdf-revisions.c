/* cocrea-pdf-revisions.c
 *
 * The final plan's account of what changed since the draft put to
 * consultation: for each commitment, every field changed (of the
 * commitment or of a milestone), its text before and after, and the
 * comment that caused it with the answer it got. Written in the process's
 * language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-pdf-labels.h"
#include "cocrea-pdf-revisions.h"
#include "cocrea-revision.h"

#define T(s) cocrea_catalog_gettext (catalog, (s))

/* "Comment 3 (email, 10 December 2019, Carolina Muñoz): the text.
 * Answer: partly accepted — the reason." */
static char *
describe_comment (CocreaCatalog *catalog, const CocreaRevision *r)
{
  GString *out = g_string_new (NULL);
  g_autofree char *day = cocrea_pdf_format_date (catalog, r->comment_received_on);
  const char *channel = cocrea_pdf_label_channel (catalog,
                                                  cocrea_channel_to_key (r->comment_channel));

  g_string_append_printf (out, T (N_("Comment %lld")), (long long) r->comment_id);
  g_string_append_printf (out, " (%s", channel);
  if (*day != '\0')
    g_string_append_printf (out, ", %s", day);
  if (r->comment_author != NULL && *r->comment_author != '\0')
    g_string_append_printf (out, ", %s", r->comment_author);
  g_string_append_printf (out, "): %s\n", r->comment_text);
  /* TRANSLATORS: the answer to a consultation comment, "Answer: accepted" */
  g_string_append_printf (out, T (N_("Answer: %s")),
                          cocrea_pdf_label_response (catalog,
                                                     cocrea_response_to_key (r->comment_response)));
  if (r->comment_reason != NULL && *r->comment_reason != '\0')
    g_string_append_printf (out, " — %s", r->comment_reason);
  return g_string_free (out, FALSE);
}

/* A date field's value as people read it; any other text as it is. */
static char *
format_value (CocreaCatalog *catalog, const CocreaRevision *r, const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup (T (N_("(empty)")));
  if (g_str_has_suffix (r->field, "_on"))
    return cocrea_pdf_format_date (catalog, value);
  return g_strdup (value);
}

/**
 * cocrea_pdf_revisions_write:
 * @document: an open process, inside a read transaction of the caller's
 * @catalog: the process's language
 * @writer: the document being written
 * @error: return location for a #CocreaError
 *
 * Writes the section "Changes since the draft" (heading level 1, one
 * level 2 heading per commitment that changed), or says that nothing
 * changed.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_pdf_revisions_write (CocreaDocument *document, CocreaCatalog *catalog,
                            CocreaPdfWriter *writer, GError **error)
{
  g_autoptr (GPtrArray) revisions = cocrea_revision_list (document, 0, error);
  const double widths[] = { 0.18, 0.22, 0.22, 0.38 };
  const char *header[] = { T (N_("What changed")), T (N_("Before")), T (N_("After")),
                           T (N_("In answer to")) };
  gint64 commitment = 0;

  if (revisions == NULL)
    return FALSE;

  cocrea_pdf_writer_new_page (writer);
  cocrea_pdf_writer_heading (writer, 1, T (N_("Changes since the draft")), TRUE);
  if (revisions->len == 0)
    {
      cocrea_pdf_writer_text (writer, T (N_("The plan did not change after the public "
                                            "consultation.")),
                              0, COCREA_PDF_TEXT_NORMAL);
      return TRUE;
    }
  cocrea_pdf_writer_text (writer, T (N_("Each change made to the draft after the public "
                                        "consultation, with the comment that caused it and the "
                                        "answer it got.")),
                          0, COCREA_PDF_TEXT_NORMAL);

  for (guint i = 0; i < revisions->len; i++)
    {
      const CocreaRevision *r = g_ptr_array_index (revisions, i);
      g_autofree char *what = NULL;
      g_autofree char *before = format_value (catalog, r, r->before);
      g_autofree char *after = format_value (catalog, r, r->after);
      g_autofree char *comment = describe_comment (catalog, r);
      const char *field = cocrea_catalog_pgettext (catalog, "plan field",
                                                   cocrea_revision_field_msgid (r->field));

      if (r->commitment_id != commitment)
        {
          g_autofree char *heading = g_strdup_printf (T (N_("Commitment %u: %s")),
                                                      (guint) r->commitment_position,
                                                      r->commitment_name);
          if (commitment != 0)
            cocrea_pdf_writer_table_end (writer);
          commitment = r->commitment_id;
          cocrea_pdf_writer_heading (writer, 2, heading, TRUE);
          cocrea_pdf_writer_table_begin (writer, 4, widths, header, COCREA_PDF_TABLE_NORMAL);
        }
      what = r->milestone_position > 0
               /* TRANSLATORS: "Start, milestone 2.3" */
               ? g_strdup_printf (T (N_("%s, milestone %d.%d")), field, r->commitment_position,
                                  r->milestone_position)
               : g_strdup (field);
      cocrea_pdf_writer_table_row (writer, (const char *[]) { what, before, after, comment });
    }
  cocrea_pdf_writer_table_end (writer);
  return TRUE;
}
