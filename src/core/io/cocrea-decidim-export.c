/* cocrea-decidim-export.c
 *
 * For processes that continue online: the consolidated proposals in the
 * JSON that Decidim's admin "Import proposals from a file" reads
 * (Decidim::Proposals::Import::ProposalCreator, Decidim 0.27): an array
 * of objects whose "title" and "body" are maps from locale to text, and
 * whose "category" and "scope" are objects with an "id". Decidim matches
 * categories by its own ids, which Cocrea cannot know, so the area goes
 * out as the category's "name" (the shape Decidim's own export writes)
 * with a null "id": the importer then leaves the category empty instead
 * of guessing, and the name tells the admin which to set. There is no
 * scope or address to give. Decidim 0.28 replaced categories with
 * taxonomies and ignores "category"; title and body import the same.
 *
 * The locale key is the process's language. The body is the proposal's
 * description followed by what the community said: each contribution
 * merged into it, with where it was said.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>

#include <glib/gi18n-lib.h>

#include "cocrea-catalog.h"
#include "cocrea-db.h"
#include "cocrea-decidim-export.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-output.h"

/* Each top-level proposal, then each contribution of its merge family,
 * in one pass: rows of a proposal are consecutive. */
static const char export_sql[] =
  "WITH RECURSIVE top (id, root) AS MATERIALIZED ("
  "  SELECT id, id FROM proposal WHERE merged_into_id IS NULL"
  "  UNION ALL"
  "  SELECT p.id, top.root FROM proposal p JOIN top ON p.merged_into_id = top.id)"
  " SELECT p.id, p.title, p.description, p.area, c.text, a.name, g.name"
  " FROM proposal p"
  " LEFT JOIN top ON top.root = p.id"
  " LEFT JOIN contribution c ON c.proposal_id = top.id"
  " LEFT JOIN activity a ON a.id = c.activity_id"
  " LEFT JOIN table_group g ON g.id = c.group_id"
  " WHERE p.merged_into_id IS NULL"
  " ORDER BY p.id, a.held_on, a.id, g.position, g.id, c.id";

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* Adds { @locale: @text } as the value of member @name. */
static void
add_localized (JsonBuilder *builder, const char *name, const char *locale, const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, locale);
  json_builder_add_string_value (builder, valid);
  json_builder_end_object (builder);
}

/* Closes the proposal being built: its body, category, the object. */
static void
end_proposal (JsonBuilder *builder, const char *locale, GString *body, const char *area)
{
  g_strstrip (body->str);
  body->len = strlen (body->str);
  add_localized (builder, "body", locale, body->str);
  if (*area != '\0')
    {
      json_builder_set_member_name (builder, "category");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_null_value (builder);
      add_localized (builder, "name", locale, area);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static JsonNode *
build (sqlite3 *db, const char *locale, CocreaCatalog *catalog, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, export_sql, error);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *area = NULL;
  gint64 current = -1;
  int rc;

  if (stmt == NULL)
    return NULL;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != current)
        {
          if (current >= 0)
            end_proposal (builder, locale, body, area);
          current = id;
          g_free (area);
          area = g_strdup (column_text (stmt, 3));
          g_string_assign (body, column_text (stmt, 2));
          json_builder_begin_object (builder);
          add_localized (builder, "title", locale, column_text (stmt, 1));
          if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
            g_string_append_printf (body, "\n\n%s",
                                    cocrea_catalog_gettext (catalog, N_("What the community said:")));
        }

      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          const char *group = column_text (stmt, 6);

          if (*group != '\0')
            g_string_append_printf (body, "\n– %s (%s, %s)", column_text (stmt, 4),
                                    column_text (stmt, 5), group);
          else
            g_string_append_printf (body, "\n– %s (%s)", column_text (stmt, 4), column_text (stmt, 5));
        }
    }
  if (current >= 0)
    end_proposal (builder, locale, body, area);
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, _("Could not read the proposals"));
      return NULL;
    }
  return json_builder_get_root (builder);
}

/**
 * cocrea_decidim_export:
 * @document: an open process (read-only is fine)
 * @json_path: the file to write; replaced if it exists
 * @error: return location for a #CocreaError
 *
 * Writes every top-level proposal as a Decidim proposals import, read in
 * one transaction. Written beside @json_path and renamed into place: a
 * failure leaves no partial file.
 */
gboolean
cocrea_decidim_export (CocreaDocument *document, const char *json_path, GError **error)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaCatalog) catalog = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *locale = NULL;
  gsize length = 0;
  g_autoptr (CocreaDbRead) read = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return FALSE;
  /* Decidim's locales are "es", "pt-BR": a hyphen, not an underscore. */
  locale = g_strdelimit (g_strdup (*info->language != '\0' ? info->language : "es"), "_", '-');
  catalog = cocrea_catalog_new_for_language (info->language);

  db = cocrea_document_get_db (document);
  read = cocrea_db_read_begin (db, error);
  if (read == NULL)
    return FALSE;
  root = build (db, locale, catalog, error);
  g_clear_pointer (&read, cocrea_db_read_end);
  if (root == NULL)
    return FALSE;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  if (!cocrea_output_write_file (json_path, cocrea_document_get_path (document),
                                 COCREA_OUTPUT_EXPORT, data, length, error))
    return FALSE;

  return TRUE;
}
