/* cocrea-consultation-csv.c
 *
 * The public consultation as open data, for the repository OGP asks
 * for: one row per comment received, with its commitment, channel,
 * author, day, text, the answer and its reason, and the changes to the
 * plan it caused. Stable English column keys, UTF-8 with a BOM, cells
 * neutralised as in every Cocrea CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-consultation-csv.h"
#include "cocrea-consultation.h"
#include "cocrea-csv-writer.h"
#include "cocrea-document-private.h"
#include "cocrea-output.h"
#include "cocrea-revision.h"

static const char *const header[] = {
  "comment", "commitment", "channel", "author", "received_on", "text", "response",
  "response_reason", "changes",
};

/* "milestone 2.3 ends_on: 2020-03 → 2020-06; …", the revisions comment @id caused. */
static char *
changes_of (GPtrArray *revisions, gint64 id)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < revisions->len; i++)
    {
      const CocreaRevision *r = g_ptr_array_index (revisions, i);

      if (r->comment_id != id)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      if (r->milestone_position > 0)
        g_string_append_printf (out, "milestone %d.%d ", r->commitment_position,
                                r->milestone_position);
      g_string_append_printf (out, "%s: %s → %s", r->field, r->before, r->after);
    }
  return g_string_free (out, FALSE);
}

/**
 * cocrea_consultation_csv_build:
 * @document: an open process (read-only is fine)
 * @error: return location for a #CocreaError
 *
 * Returns: (transfer full): the file's text (see the top of this file),
 *   or %NULL with @error set
 */
GString *
cocrea_consultation_csv_build (CocreaDocument *document, GError **error)
{
  g_autoptr (GListModel) comments = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  GString *out;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  comments = cocrea_consultation_list_comments (document, COCREA_CONSULTATION_ALL, error);
  if (comments == NULL)
    return NULL;
  revisions = cocrea_revision_list (document, 0, error);
  if (revisions == NULL)
    return NULL;

  out = g_string_new (COCREA_CSV_BOM);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    cocrea_csv_append_cell (out, header[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr (CocreaConsultationComment) c = g_list_model_get_item (comments, i);
      gint64 id = cocrea_consultation_comment_get_id (c);
      int position = cocrea_consultation_comment_get_commitment_position (c);
      g_autofree char *number = g_strdup_printf ("%lld", (long long) id);
      g_autofree char *commitment = position > 0 ? g_strdup_printf ("%d", position)
                                                 : g_strdup ("");
      g_autofree char *changes = changes_of (revisions, id);
      const char *cells[] = {
        number, commitment,
        cocrea_channel_to_key (cocrea_consultation_comment_get_channel (c)),
        cocrea_consultation_comment_get_author (c),
        cocrea_consultation_comment_get_received_on (c),
        cocrea_consultation_comment_get_text (c),
        cocrea_response_to_key (cocrea_consultation_comment_get_response (c)),
        cocrea_consultation_comment_get_response_reason (c),
        changes,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (header));
      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        cocrea_csv_append_cell (out, cells[k], k == 0);
      g_string_append (out, "\r\n");
    }
  return out;
}

/**
 * cocrea_consultation_csv_export:
 * @document: an open process (read-only is fine)
 * @csv_path: where to write; never the process or another process
 * @error: return location for a #CocreaError
 *
 * Writes the consultation's comments and answers, whole or not at all.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_consultation_csv_export (CocreaDocument *document, const char *csv_path, GError **error)
{
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);

  out = cocrea_consultation_csv_build (document, error);
  return out != NULL &&
         cocrea_output_write_file (csv_path, cocrea_document_get_path (document),
                                   COCREA_OUTPUT_EXPORT, out->str, out->len, error);
}
