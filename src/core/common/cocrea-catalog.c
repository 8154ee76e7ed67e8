/* cocrea-catalog.c
 *
 * A document is written in the language of its process (Spanish by
 * default), whatever the language of the person exporting it. gettext
 * cannot do that safely: its language comes from the locale and the
 * LANGUAGE variable, both process-wide (setting them while the GUI draws
 * on another thread is a data race), and uselocale() needs the target
 * locale generated on the machine, which many are not (this one has only
 * C and C.UTF-8). So exports read the program's own .mo file for that
 * language here, once, and look strings up in it: the same msgids as _(),
 * the same translations, no global state.
 *
 * The .mo format is GNU gettext's: a header, then two tables of (length,
 * offset) pairs pointing at the original and the translated strings.
 * A context is "context\004msgid"; a plural original is "singular\0plural"
 * and its translation the forms separated by NULs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-catalog.h"

struct _CocreaCatalog {
  char *language;
  GMappedFile *file;    /* NULL for the source language or a missing catalog */
  GHashTable *messages; /* original (singular) → Message, strings in @file */
};

typedef struct {
  const char *text; /* the forms, NUL-separated */
  guint32 length;   /* of all forms together */
} Message;

#define MO_MAGIC 0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

static guint32
read_u32 (const guint8 *data, gsize offset, gboolean swapped)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/*
 * load_mo:
 * Fills @self->messages from the .mo file mapped in @self->file. Returns
 * FALSE (and adds nothing) when the file is not a well-formed catalog:
 * every offset is checked against the file's size, since a damaged file
 * must not make the export read out of bounds.
 */
static gboolean
load_mo (CocreaCatalog *self)
{
  const guint8 *data = (const guint8 *) g_mapped_file_get_contents (self->file);
  gsize size = g_mapped_file_get_length (self->file);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (size < 28)
    return FALSE;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return FALSE;
  swapped = magic == MO_MAGIC_SWAPPED;

  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return FALSE;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, originals + i * 8, swapped);
      guint32 ooff = read_u32 (data, originals + i * 8 + 4, swapped);
      guint32 tlen = read_u32 (data, translations + i * 8, swapped);
      guint32 toff = read_u32 (data, translations + i * 8 + 4, swapped);

      /* Strings are NUL-terminated after their length. */
      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size ||
          data[ooff + olen] != '\0' || data[toff + tlen] != '\0')
        return FALSE;
      if (olen == 0 || tlen == 0) /* the header, or an untranslated entry */
        continue;
      {
        Message *m = g_new (Message, 1);
        m->text = (const char *) data + toff;
        m->length = tlen;
        g_hash_table_insert (self->messages, (gpointer) (data + ooff), m);
      }
    }

  return TRUE;
}

/* The folder holding <lang>/LC_MESSAGES/cocrea.mo, as main() binds it. */
static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("COCREA_LOCALEDIR");
  return dir != NULL ? dir : LOCALEDIR;
}

/**
 * cocrea_catalog_new_for_language:
 * @language: a language code as the process stores it ("es", "pt_BR"),
 *   or %NULL for the source language (English)
 *
 * Loads the program's translations into @language, trying "ll_CC" then
 * "ll". Never fails: without a catalog (English, an unknown language, a
 * missing or damaged file) every lookup returns the English source.
 */
CocreaCatalog *
cocrea_catalog_new_for_language (const char *language)
{
  CocreaCatalog *self = g_new0 (CocreaCatalog, 1);
  g_autofree char *base = NULL;
  const char *candidates[2];

  self->language = g_strdup (language != NULL && *language ? language : "en");
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  base = g_strndup (self->language, strcspn (self->language, "_-.@"));
  candidates[0] = self->language;
  candidates[1] = base;

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && self->file == NULL; i++)
    {
      g_autofree char *path = g_build_filename (locale_dir (), candidates[i], "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);

      self->file = g_mapped_file_new (path, FALSE, NULL);
      if (self->file != NULL && !load_mo (self))
        {
          g_hash_table_remove_all (self->messages);
          g_clear_pointer (&self->file, g_mapped_file_unref);
        }
    }

  return self;
}

void
cocrea_catalog_free (CocreaCatalog *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->messages);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self->language);
  g_free (self);
}

const char *
cocrea_catalog_get_language (CocreaCatalog *self)
{
  return self->language;
}

/* The translation of @msgid, or @msgid itself. */
const char *
cocrea_catalog_gettext (CocreaCatalog *self, const char *msgid)
{
  const Message *m;

  g_return_val_if_fail (self != NULL && msgid != NULL, msgid);
  m = g_hash_table_lookup (self->messages, msgid);
  return m != NULL ? m->text : msgid;
}

/* As C_(): the translation of @msgid in @context, or @msgid itself. */
const char *
cocrea_catalog_pgettext (CocreaCatalog *self, const char *context, const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const Message *m = g_hash_table_lookup (self->messages, key);

  return m != NULL ? m->text : msgid;
}

/* As ngettext(), with the rule "one, or other" of the languages Cocrea
 * ships (Spanish, English); a language with another rule gets its first
 * two forms used that way. */
const char *
cocrea_catalog_ngettext (CocreaCatalog *self, const char *msgid, const char *msgid_plural, gulong n)
{
  const Message *m = g_hash_table_lookup (self->messages, msgid);
  gsize first;

  if (m == NULL)
    return n == 1 ? msgid : msgid_plural;
  /* The plural form follows the singular after its NUL; a catalog with
   * only one form keeps using it. */
  first = strlen (m->text);
  if (n == 1 || first >= m->length)
    return m->text;
  return m->text + first + 1;
}
