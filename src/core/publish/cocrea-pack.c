/* cocrea-pack.c
 *
 * OGP asks each process to keep a public repository of its documents.
 * The pack is that repository as one ZIP: the draft plan, the final plan
 * once there was a consultation, the reasons report, the consultation's
 * comments and answers, the commitments as open data, the proposals for
 * Decidim (and the answers to Decidim's proposals, when the process has
 * any), the whole process as JSON and its history; and a manifest, as
 * JSON and as text, listing every file with its size and SHA-256, the
 * process's title, the day it was made and Cocrea's version, so that
 * anyone can check that a file is the one published.
 *
 * The documents are written by the same code as each export, all from
 * one read of the file (one read transaction, so they agree), into a
 * private folder; the ZIP is then streamed from them with libarchive
 * into a temporary file beside the destination that replaces it whole
 * (cocrea_output). File names are in the process's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cocrea-catalog.h"
#include "cocrea-commitments-csv.h"
#include "cocrea-consultation-csv.h"
#include "cocrea-db.h"
#include "cocrea-decidim-answers.h"
#include "cocrea-decidim-export.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-history.h"
#include "cocrea-json-export.h"
#include "cocrea-output.h"
#include "cocrea-pack.h"
#include "cocrea-pdf-plan.h"
#include "cocrea-pdf-reasons.h"

/* What streams a file into the ZIP at a time. */
#define CHUNK_SIZE (256 * 1024)

typedef struct _Pack Pack;

/* One document of the pack: its name (N_(), in the process's language),
 * what it is (N_()), and how it is written to @path. */
typedef struct {
  const char *name;
  const char *description;
  gboolean (*write) (Pack *pack, const char *path, GError **error);
  gboolean (*wanted) (Pack *pack);
} Part;

struct _Pack {
  CocreaDocument *document;
  CocreaCatalog *catalog;
  GCancellable *cancellable;
  CocreaProgressFunc progress;
  gpointer user_data;
  double from; /* the share of the whole the part being written starts at */
  double to;
  GPtrArray *warnings;
  gint64 n_comments;
  gint64 n_decidim;
};

/* Progress of a part, from its own 0–1 to the pack's share; FALSE stops. */
static gboolean
part_progress (double fraction, const char *phase, gpointer user_data)
{
  Pack *pack = user_data;

  if (g_cancellable_is_cancelled (pack->cancellable))
    return FALSE;
  return pack->progress == NULL ||
         pack->progress (pack->from + (pack->to - pack->from) * fraction, phase, pack->user_data);
}

static void
take_warnings (Pack *pack, GStrv warnings)
{
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_ptr_array_add (pack->warnings, g_strdup (warnings[i]));
}

static gboolean
write_plan (Pack *pack, const char *path, GError **error)
{
  g_auto (GStrv) warnings = NULL;
  gboolean ok = cocrea_pdf_plan_export (pack->document, path, part_progress, pack, &warnings,
                                        error);
  take_warnings (pack, warnings);
  return ok;
}

static gboolean
write_final (Pack *pack, const char *path, GError **error)
{
  g_auto (GStrv) warnings = NULL;
  gboolean ok = cocrea_pdf_plan_export_final (pack->document, path, part_progress, pack,
                                              &warnings, error);
  take_warnings (pack, warnings);
  return ok;
}

static gboolean
write_reasons (Pack *pack, const char *path, GError **error)
{
  g_auto (GStrv) warnings = NULL;
  gboolean ok = cocrea_pdf_reasons_export (pack->document, path, part_progress, pack, &warnings,
                                           error);
  take_warnings (pack, warnings);
  return ok;
}

static gboolean
write_consultation (Pack *pack, const char *path, GError **error)
{
  return cocrea_consultation_csv_export (pack->document, path, error);
}

static gboolean
write_commitments (Pack *pack, const char *path, GError **error)
{
  return cocrea_commitments_csv_export (pack->document, path, error);
}

static gboolean
write_decidim (Pack *pack, const char *path, GError **error)
{
  return cocrea_decidim_export (pack->document, path, error);
}

static gboolean
write_decidim_answers (Pack *pack, const char *path, GError **error)
{
  return cocrea_decidim_answers_export (pack->document, path, NULL, NULL, error);
}

static gboolean
write_json (Pack *pack, const char *path, GError **error)
{
  return cocrea_json_export (pack->document, path, error);
}

static gboolean
write_history (Pack *pack, const char *path, GError **error)
{
  g_autoptr (GPtrArray) entries = cocrea_history_list (pack->document, NULL, error);
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (entries == NULL)
    return FALSE;
  root = cocrea_history_to_json (entries);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return cocrea_output_write_file (path, cocrea_document_get_path (pack->document),
                                   COCREA_OUTPUT_EXPORT, text, length, error);
}

static gboolean
after_consultation (Pack *pack)
{
  return pack->n_comments > 0;
}

static gboolean
with_decidim (Pack *pack)
{
  return pack->n_decidim > 0;
}

static const Part parts[] = {
  { N_("action-plan.pdf"), N_("The draft action plan"), write_plan, NULL },
  { N_("final-action-plan.pdf"),
    N_("The final action plan, with what changed since the draft and the decision on every "
       "proposal"),
    write_final, after_consultation },
  { N_("reasons-report.pdf"), N_("The reasoned response to every proposal"), write_reasons, NULL },
  { N_("consultation-answers.csv"), N_("The comments of the public consultation and their answers"),
    write_consultation, NULL },
  { N_("commitments.csv"), N_("The commitments and their milestones, as open data"),
    write_commitments, NULL },
  { N_("decidim-proposals.json"), N_("The proposals, as Decidim's proposal import reads them"),
    write_decidim, NULL },
  { N_("decidim-answers.csv"), N_("The answers to the proposals that came from Decidim"),
    write_decidim_answers, with_decidim },
  { N_("process.json"), N_("The whole process, as open data"), write_json, NULL },
  { N_("history.json"), N_("Who did what in the process, and when"), write_history, NULL },
};

/* What the manifest says of one file of the pack. */
typedef struct {
  char *name;
  char *description;
  char *path;
  goffset size;
  char *sha256;
} Member;

static void
member_free (Member *m)
{
  g_free (m->name);
  g_free (m->description);
  g_free (m->path);
  g_free (m->sha256);
  g_free (m);
}

/* Size and SHA-256 of the file at @member's path. */
static gboolean
measure (Member *member, GError **error)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GFile) file = g_file_new_for_path (member->path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  gssize n;

  if (in == NULL)
    return FALSE;
  member->size = 0;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, NULL, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      member->size += n;
    }
  if (n < 0)
    return FALSE;
  member->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* The manifest as JSON: the process, the day, the version, the files. */
static char *
manifest_json (Pack *pack, const CocreaProcessInfo *info, const char *made_at, GPtrArray *members)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "process");
  json_builder_add_string_value (b, info->title);
  json_builder_set_member_name (b, "municipality");
  json_builder_add_string_value (b, info->municipality);
  json_builder_set_member_name (b, "process_uuid");
  json_builder_add_string_value (b, info->uuid);
  json_builder_set_member_name (b, "made_at");
  json_builder_add_string_value (b, made_at);
  json_builder_set_member_name (b, "generator");
  json_builder_add_string_value (b, "Cocrea " COCREA_VERSION);
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = g_ptr_array_index (members, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, m->name);
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, m->description);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, m->size);
      json_builder_set_member_name (b, "sha256");
      json_builder_add_string_value (b, m->sha256);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* The manifest for people, and for sha256sum -c: "HASH  NAME" lines
 * after a header of # comments. */
static char *
manifest_text (Pack *pack, const CocreaProcessInfo *info, const char *made_at, GPtrArray *members)
{
  CocreaCatalog *catalog = pack->catalog;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "# %s\n# %s\n", info->title, info->municipality);
  g_string_append_printf (out, "# %s %s\n", cocrea_catalog_gettext (catalog, N_("Made on")),
                          made_at);
  g_string_append_printf (out, "# Cocrea %s\n#\n", COCREA_VERSION);
  g_string_append_printf (out, "# %s\n#\n",
                          cocrea_catalog_gettext (catalog,
                                                  N_("Each file with its SHA-256 and size in bytes. "
                                                     "Check them with: sha256sum -c MANIFEST.txt")));
  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = g_ptr_array_index (members, i);
      g_string_append_printf (out, "# %s (%" G_GOFFSET_FORMAT "): %s\n", m->name, m->size,
                              m->description);
    }
  g_string_append (out, "#\n");
  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = g_ptr_array_index (members, i);
      g_string_append_printf (out, "%s  %s\n", m->sha256, m->name);
    }
  return g_string_free (out, FALSE);
}

/* libarchive's own words, under ours: its errors name no file of ours. */
static gboolean
archive_failed (struct archive *archive, const char *zip_name, GError **error)
{
  const char *why = archive_error_string (archive);

  g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("“%s” could not be written: %s"), zip_name,
               why != NULL ? why : _("unknown error"));
  return FALSE;
}

/* libarchive's write callback: into the output, which says why it fails. */
typedef struct {
  CocreaOutput *output;
  GError *error;
} Sink;

static la_ssize_t
sink_write (struct archive *archive, void *data, const void *buffer, size_t length)
{
  Sink *sink = data;

  if (sink->error != NULL || !cocrea_output_write (sink->output, buffer, length, &sink->error))
    {
      archive_set_error (archive, EIO, "%s", sink->error != NULL ? sink->error->message : "");
      return -1;
    }
  return length;
}

/* Adds one file to the ZIP, streamed from @path, as @name. */
static gboolean
add_file (struct archive *archive, const char *name, const char *path, goffset size,
          GDateTime *now, const char *zip_name, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, error);
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  struct archive_entry *entry;
  gssize n;
  int rc;

  if (in == NULL)
    return FALSE;
  entry = archive_entry_new ();
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, g_date_time_to_unix (now), 0);
  rc = archive_write_header (archive, entry);
  archive_entry_free (entry);
  if (rc != ARCHIVE_OK)
    return archive_failed (archive, zip_name, error);

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, NULL, error)) > 0)
    if (archive_write_data (archive, buffer, n) != n)
      return archive_failed (archive, zip_name, error);
  return n == 0;
}

static gboolean
add_text (struct archive *archive, const char *name, const char *text, const char *folder,
          GDateTime *now, const char *zip_name, GError **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_set_contents (path, text, -1, error) &&
         add_file (archive, name, path, strlen (text), now, zip_name, error);
}

/* Removes @folder and the files the pack wrote in it. */
static void
remove_folder (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

static gboolean
stopped (Pack *pack, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (pack->cancellable, error))
    return TRUE;
  return FALSE;
}

/* Writes the documents into @folder, one entry of @members each. */
static gboolean
write_parts (Pack *pack, const char *folder, GPtrArray *members, const char *zip_name,
             GError **error)
{
  guint n_wanted = 0, done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    n_wanted += parts[i].wanted == NULL || parts[i].wanted (pack);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      Member *m;

      if (parts[i].wanted != NULL && !parts[i].wanted (pack))
        continue;
      if (stopped (pack, error))
        return FALSE;

      /* The documents take nine tenths of the time; the ZIP the rest. */
      pack->from = 0.9 * done / n_wanted;
      pack->to = 0.9 * (done + 1) / n_wanted;
      m = g_new0 (Member, 1);
      m->name = g_strdup (cocrea_catalog_gettext (pack->catalog, parts[i].name));
      m->description = g_strdup (cocrea_catalog_gettext (pack->catalog, parts[i].description));
      m->path = g_build_filename (folder, m->name, NULL);
      g_ptr_array_add (members, m);

      if (!part_progress (0, cocrea_catalog_gettext (pack->catalog, parts[i].description), pack))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The export was cancelled"));
          return FALSE;
        }
      if (!parts[i].write (pack, m->path, error) || !measure (m, error))
        {
          /* Its own words name a file in a folder the user never chose:
           * say whose document it was, and where. */
          if (error != NULL && g_error_matches (*error, COCREA_ERROR, COCREA_ERROR_IO))
            {
              g_autofree char *where = g_filename_display_name (folder);
              g_prefix_error (error,
                              _("“%s” could not be written: its documents are prepared in the "
                                "temporary folder “%s” first, and there: "),
                              zip_name, where);
            }
          return FALSE;
        }
      done++;
    }
  return TRUE;
}

/* Streams @members and the manifests into the ZIP at @output. */
static gboolean
write_zip (Pack *pack, CocreaOutput *output, const char *zip_name, const char *folder,
           GPtrArray *members, const CocreaProcessInfo *info, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *made_at = g_date_time_format_iso8601 (now);
  g_autofree char *json = manifest_json (pack, info, made_at, members);
  g_autofree char *text = manifest_text (pack, info, made_at, members);
  struct archive *archive = archive_write_new ();
  Sink sink = { output, NULL };
  gboolean ok = TRUE;

  /* Names are UTF-8; libarchive marks them so in the ZIP. */
  archive_write_set_format_zip (archive);
  archive_write_set_options (archive, "zip:hdrcharset=UTF-8");
  archive_write_set_bytes_in_last_block (archive, 1);
  if (archive_write_open (archive, &sink, NULL, sink_write, NULL) != ARCHIVE_OK)
    ok = archive_failed (archive, zip_name, error);

  for (guint i = 0; ok && i < members->len; i++)
    {
      const Member *m = g_ptr_array_index (members, i);

      ok = !stopped (pack, error) &&
           add_file (archive, m->name, m->path, m->size, now, zip_name, error);
      if (ok && pack->progress != NULL &&
          !pack->progress (0.9 + 0.1 * (i + 1) / members->len, _("Writing the pack"),
                           pack->user_data))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The export was cancelled"));
          ok = FALSE;
        }
    }
  ok = ok && add_text (archive, "MANIFEST.json", json, folder, now, zip_name, error) &&
       add_text (archive, "MANIFEST.txt", text, folder, now, zip_name, error);
  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    ok = archive_failed (archive, zip_name, error);
  archive_write_free (archive);

  /* A write that failed says why in the output's words (a full disk…). */
  if (!ok && sink.error != NULL && error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&sink.error));
    }
  g_clear_error (&sink.error);
  return ok;
}

/**
 * cocrea_pack_export:
 * @document: an open process (read-only is fine)
 * @zip_path: the ZIP to write; never the process or another process
 * @cancellable: (nullable): stops the pack between and inside documents
 * @progress: (nullable): called with the fraction done and the phase; its
 *   %FALSE stops the pack too
 * @user_data: for @progress
 * @warnings: (out) (optional): what the documents warned of (characters
 *   a font cannot show), or %NULL
 * @error: return location for a #CocreaError
 *
 * Writes the repository pack (see the top of this file).
 *
 * Returns: %TRUE on success. On failure (%COCREA_ERROR_IO, a document's
 *   error, %G_IO_ERROR_CANCELLED) no file is left at @zip_path, and an
 *   earlier one there is kept.
 */
gboolean
cocrea_pack_export (CocreaDocument *document, const char *zip_path, GCancellable *cancellable,
                    CocreaProgressFunc progress, gpointer user_data, GStrv *warnings,
                    GError **error)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaCatalog) catalog = NULL;
  g_autoptr (CocreaOutput) output = NULL;
  g_autoptr (CocreaDbRead) read = NULL;
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  g_autoptr (GPtrArray) collected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = NULL;
  g_autofree char *zip_name = NULL;
  sqlite3 *db;
  Pack pack;
  gboolean ok;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (zip_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;
  /* Before any work: never over the process itself, nor any other. */
  output = cocrea_output_begin (zip_path, cocrea_document_get_path (document),
                                COCREA_OUTPUT_EXPORT, error);
  if (output == NULL)
    return FALSE;
  zip_name = g_filename_display_basename (zip_path);

  db = cocrea_document_get_db (document);
  read = cocrea_db_read_begin (db, error);
  if (read == NULL)
    return FALSE;
  info = cocrea_document_get_process (document, error);
  if (info == NULL)
    return FALSE;
  catalog = cocrea_catalog_new_for_language (info->language);
  pack = (Pack) { document, catalog, cancellable, progress, user_data, 0, 0, collected };
  if (!cocrea_db_query_int (db, "SELECT count (*) FROM consultation_comment", &pack.n_comments,
                            error) ||
      !cocrea_db_query_int (db, "SELECT count (*) FROM contribution_source", &pack.n_decidim,
                            error))
    return FALSE;

  folder = g_dir_make_tmp ("cocrea-pack-XXXXXX", NULL);
  if (folder == NULL)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("“%s” could not be written: there is no room for its documents in the "
                     "temporary folder"),
                   zip_name);
      return FALSE;
    }

  ok = write_parts (&pack, folder, members, zip_name, error) &&
       write_zip (&pack, output, zip_name, folder, members, info, error);
  g_clear_pointer (&read, cocrea_db_read_end);
  remove_folder (folder);
  if (!ok || !cocrea_output_commit (output, error))
    return FALSE;

  if (warnings != NULL && collected->len > 0)
    {
      g_ptr_array_add (collected, NULL);
      *warnings = (GStrv) g_ptr_array_steal (collected, NULL);
    }
  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  return TRUE;
}
