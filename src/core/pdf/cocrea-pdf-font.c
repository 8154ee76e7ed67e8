/* cocrea-pdf-font.c
 *
 * HarfBuzz reads the font (character map, advances, metrics) and cuts the
 * subset that is embedded; the PDF objects around it (Type0 font,
 * CIDFontType2, descriptor, widths, ToUnicode) are written here.
 *
 * Widths are kept in thousandths of an em, truncated, as libharu measured
 * them: the layout of the documents did not move when Cocrea stopped
 * using libharu. The glyph numbers of the subset are the font's own
 * (HarfBuzz keeps them), so pages can be written before the subset is
 * known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "cocrea-error.h"
#include "cocrea-pdf-font.h"

struct _CocreaPdfFont {
  char *path;
  char *name;       /* resource name on the pages: "F1" */
  char *postscript; /* the font's PostScript name */
  hb_blob_t *blob;
  hb_face_t *face;
  hb_font_t *font;
  guint upem;
  guint n_glyphs;
  gint16 *widths;       /* per glyph, thousandths of an em */
  guint32 *bmp_glyphs;  /* per BMP character: glyph + 1, 0 until asked */
  GHashTable *glyphs;   /* characters above U+FFFF: glyph + 1 */
  guint8 *used;         /* per glyph: drawn */
  gunichar *to_unicode; /* per glyph: the character it stands for, 0 if none */
  GHashTable *to_text;  /* glyph → UTF-16 string, for ligatures (several characters) */
};

/**
 * cocrea_pdf_font_new:
 * Loads the TrueType font @path (face @index), to be named "F@number" on
 * the pages. Fails with %COCREA_ERROR_IO when the file cannot be read or
 * is not a font with outlines a PDF can embed.
 */
CocreaPdfFont *
cocrea_pdf_font_new (const char *path, guint index, guint number, GError **error)
{
  g_autoptr (CocreaPdfFont) self = g_new0 (CocreaPdfFont, 1);
  g_autofree char *display = g_filename_display_name (path);
  hb_blob_t *glyf;
  unsigned int length = 64;
  char postscript[64] = "";

  self->path = g_strdup (path);
  self->name = g_strdup_printf ("F%u", number);
  self->blob = hb_blob_create_from_file_or_fail (path);
  if (self->blob == NULL)
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO, _("Could not read the font “%s”"), display);
      return NULL;
    }
  self->face = hb_face_create (self->blob, index);
  self->n_glyphs = hb_face_get_glyph_count (self->face);
  self->upem = hb_face_get_upem (self->face);

  /* Only TrueType outlines are embedded (FontFile2). */
  glyf = hb_face_reference_table (self->face, HB_TAG ('g', 'l', 'y', 'f'));
  if (hb_blob_get_length (glyf) == 0 || self->n_glyphs == 0 || self->upem == 0)
    {
      hb_blob_destroy (glyf);
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("The font “%s” has no TrueType outlines a PDF can embed"), display);
      return NULL;
    }
  hb_blob_destroy (glyf);

  self->font = hb_font_create (self->face);
  hb_font_set_scale (self->font, self->upem, self->upem);

  hb_ot_name_get_utf8 (self->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length,
                       postscript);
  /* A PDF name: no spaces or delimiters. */
  for (char *p = postscript; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      *p = '-';
  self->postscript = g_strdup (*postscript != '\0' ? postscript : self->name);

  self->widths = g_new (gint16, self->n_glyphs);
  for (guint g = 0; g < self->n_glyphs; g++)
    self->widths[g] = (gint16) ((guint) hb_font_get_glyph_h_advance (self->font, g) * 1000 / self->upem);
  self->bmp_glyphs = g_new0 (guint32, 0x10000);
  self->glyphs = g_hash_table_new (NULL, NULL);
  self->used = g_new0 (guint8, self->n_glyphs);
  self->to_unicode = g_new0 (gunichar, self->n_glyphs);
  self->to_text = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  return g_steal_pointer (&self);
}

void
cocrea_pdf_font_free (CocreaPdfFont *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->font, hb_font_destroy);
  g_clear_pointer (&self->face, hb_face_destroy);
  g_clear_pointer (&self->blob, hb_blob_destroy);
  g_clear_pointer (&self->glyphs, g_hash_table_unref);
  g_clear_pointer (&self->to_text, g_hash_table_unref);
  g_free (self->widths);
  g_free (self->bmp_glyphs);
  g_free (self->used);
  g_free (self->to_unicode);
  g_free (self->path);
  g_free (self->name);
  g_free (self->postscript);
  g_free (self);
}

const char *
cocrea_pdf_font_get_path (CocreaPdfFont *self)
{
  return self->path;
}

/* The resource name the pages use: "F1". */
const char *
cocrea_pdf_font_get_name (CocreaPdfFont *self)
{
  return self->name;
}

/* The HarfBuzz font, scaled to font units, for shaping. */
hb_font_t *
cocrea_pdf_font_get_hb_font (CocreaPdfFont *self)
{
  return self->font;
}

guint
cocrea_pdf_font_get_upem (CocreaPdfFont *self)
{
  return self->upem;
}

/* The glyph of @c in the font's character map, or 0 (.notdef). */
guint
cocrea_pdf_font_char_glyph (CocreaPdfFont *self, gunichar c)
{
  hb_codepoint_t glyph = 0;
  guint32 cached;

  if (c < 0x10000)
    {
      cached = self->bmp_glyphs[c];
      if (cached == 0)
        {
          hb_font_get_nominal_glyph (self->font, c, &glyph);
          self->bmp_glyphs[c] = cached = glyph + 1;
        }
      return cached - 1;
    }

  cached = GPOINTER_TO_UINT (g_hash_table_lookup (self->glyphs, GUINT_TO_POINTER (c)));
  if (cached == 0)
    {
      hb_font_get_nominal_glyph (self->font, c, &glyph);
      cached = glyph + 1;
      g_hash_table_insert (self->glyphs, GUINT_TO_POINTER (c), GUINT_TO_POINTER (cached));
    }
  return cached - 1;
}

/* Whether the font draws @c (its character map has it). */
gboolean
cocrea_pdf_font_has_char (CocreaPdfFont *self, gunichar c)
{
  return cocrea_pdf_font_char_glyph (self, c) != 0;
}

/* The advance of @glyph in thousandths of an em (0 for a glyph the font
 * does not have). */
int
cocrea_pdf_font_glyph_width (CocreaPdfFont *self, guint glyph)
{
  return glyph < self->n_glyphs ? self->widths[glyph] : 0;
}

/*
 * cocrea_pdf_font_use_glyph:
 * Records that @glyph is drawn, standing for @chars (@n_chars characters;
 * none for a glyph that is part of a longer sequence). The first text
 * recorded for a glyph is the one its ToUnicode entry gives.
 */
void
cocrea_pdf_font_use_glyph (CocreaPdfFont *self, guint glyph, const gunichar *chars, guint n_chars)
{
  if (glyph >= self->n_glyphs)
    return;

  self->used[glyph] = 1;
  if (n_chars == 0 || self->to_unicode[glyph] != 0)
    return;

  self->to_unicode[glyph] = chars[0];
  if (n_chars > 1)
    {
      g_autofree char *utf8 = g_ucs4_to_utf8 (chars, n_chars, NULL, NULL, NULL);
      if (utf8 != NULL)
        g_hash_table_insert (self->to_text, GUINT_TO_POINTER (glyph), g_strdup (utf8));
    }
}

/* "<0041>" or "<00660069>": the UTF-16BE hex of what @glyph stands for. */
static void
append_unicode (CocreaPdfFont *self, GString *out, guint glyph)
{
  const char *text = g_hash_table_lookup (self->to_text, GUINT_TO_POINTER (glyph));
  g_autofree gunichar2 *utf16 = NULL;
  gunichar single[1] = { self->to_unicode[glyph] };
  glong n = 0;

  if (text != NULL)
    utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  else
    utf16 = g_ucs4_to_utf16 (single, 1, NULL, &n, NULL);

  g_string_append_c (out, '<');
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
}

/* The ToUnicode CMap: each drawn glyph to the text it stands for. */
static GString *
make_to_unicode (CocreaPdfFont *self)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GArray) mapped = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint g = 1; g < self->n_glyphs; g++)
    if (self->used[g] && self->to_unicode[g] != 0)
      g_array_append_val (mapped, g);

  g_string_append (out,
                   "/CIDInit /ProcSet findresource begin\n"
                   "12 dict begin\n"
                   "begincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n"
                   "/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  /* At most 100 entries per block, as the CMap format requires. */
  for (guint i = 0; i < mapped->len; i += 100)
    {
      guint n = MIN (100, mapped->len - i);

      g_string_append_printf (out, "%u beginbfchar\n", n);
      for (guint j = i; j < i + n; j++)
        {
          guint glyph = g_array_index (mapped, guint, j);

          g_string_append_printf (out, "<%04X> ", glyph);
          append_unicode (self, out, glyph);
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "endbfchar\n");
    }
  g_string_append (out,
                   "endcmap\n"
                   "CMapName currentdict /CMap defineresource pop\n"
                   "end\n"
                   "end\n");
  return out;
}

/* The W array: the width of every drawn glyph, runs of consecutive
 * glyphs together. */
static GString *
make_widths (CocreaPdfFont *self)
{
  GString *out = g_string_new ("[");
  gboolean open = FALSE;

  for (guint g = 0; g < self->n_glyphs; g++)
    {
      if (!self->used[g])
        {
          if (open)
            g_string_append (out, "]");
          open = FALSE;
          continue;
        }
      if (!open)
        g_string_append_printf (out, "\n%u [", g);
      else
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%d", self->widths[g]);
      open = TRUE;
    }
  if (open)
    g_string_append (out, "]");
  g_string_append (out, "]");
  return out;
}

/* The font's subset: the drawn glyphs (and what composite glyphs are made
 * of, which HarfBuzz adds), at their own numbers, without the layout
 * tables a PDF reader never uses. NULL when HarfBuzz fails. */
static GBytes *
make_subset (CocreaPdfFont *self)
{
  static const hb_tag_t dropped[] = {
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'),
    HB_TAG ('M', 'A', 'T', 'H'), HB_TAG ('k', 'e', 'r', 'n'), HB_TAG ('B', 'A', 'S', 'E'),
    HB_TAG ('J', 'S', 'T', 'F'), HB_TAG ('F', 'F', 'T', 'M'), HB_TAG ('G', 'D', 'E', 'F'),
  };
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_face_t *subset;
  hb_blob_t *blob;
  GBytes *bytes;
  const char *data;
  unsigned int length;

  if (input == NULL)
    return NULL;

  hb_set_add (hb_subset_input_glyph_set (input), 0);
  for (guint g = 0; g < self->n_glyphs; g++)
    if (self->used[g])
      hb_set_add (hb_subset_input_glyph_set (input), g);
  /* No character map either: the pages name glyphs, not characters. */
  hb_set_clear (hb_subset_input_unicode_set (input));
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), dropped[i]);
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_RETAIN_GIDS);

  subset = hb_subset_or_fail (self->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    return NULL;

  blob = hb_face_reference_blob (subset);
  data = hb_blob_get_data (blob, &length);
  bytes = length > 0 ? g_bytes_new (data, length) : NULL;
  hb_blob_destroy (blob);
  hb_face_destroy (subset);
  return bytes;
}

/* A six-letter tag for the subset's name, as PDF asks ("ABCDEF+Name"),
 * from the glyphs it holds: the same text gives the same file. */
static void
make_tag (CocreaPdfFont *self, char tag[7])
{
  guint32 hash = g_str_hash (self->postscript);

  for (guint g = 0; g < self->n_glyphs; g++)
    if (self->used[g])
      hash = hash * 31 + g;
  for (int i = 0; i < 6; i++)
    {
      tag[i] = 'A' + hash % 26;
      hash /= 26;
    }
  tag[6] = '\0';
}

static gint16
read_int16 (const guint8 *p)
{
  return (gint16) ((p[0] << 8) | p[1]);
}

/*
 * cocrea_pdf_font_write:
 * Writes the font as object @object (a Type0 font, with its CID font,
 * descriptor, subset and ToUnicode map as further objects). Fails with
 * %COCREA_ERROR_IO when the subset cannot be made.
 */
gboolean
cocrea_pdf_font_write (CocreaPdfFont *self, CocreaPdfFile *file, guint object, GError **error)
{
  guint cid_font = cocrea_pdf_file_reserve (file);
  guint descriptor = cocrea_pdf_file_reserve (file);
  guint font_file = cocrea_pdf_file_reserve (file);
  guint to_unicode = cocrea_pdf_file_reserve (file);
  g_autoptr (GBytes) subset = make_subset (self);
  g_autoptr (GString) cmap = make_to_unicode (self);
  g_autoptr (GString) widths = make_widths (self);
  g_autoptr (GString) numbers = g_string_new (NULL);
  g_autofree char *entries = NULL;
  hb_blob_t *head;
  const guint8 *head_data;
  unsigned int head_length = 0;
  hb_position_t ascender = 0, descender = 0, cap_height = 0;
  int bbox[4] = { 0, 0, 0, 0 };
  char tag[7];

  if (subset == NULL)
    {
      g_autofree char *display = g_filename_display_name (self->path);
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                   _("Could not embed the font “%s” in the PDF"), display);
      return FALSE;
    }

  make_tag (self, tag);

  head = hb_face_reference_table (self->face, HB_TAG ('h', 'e', 'a', 'd'));
  head_data = (const guint8 *) hb_blob_get_data (head, &head_length);
  if (head_length >= 44)
    for (int i = 0; i < 4; i++)
      bbox[i] = read_int16 (head_data + 36 + 2 * i) * 1000 / (int) self->upem;
  hb_blob_destroy (head);
  hb_ot_metrics_get_position (self->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascender);
  hb_ot_metrics_get_position (self->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descender);
  if (!hb_ot_metrics_get_position (self->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height))
    cap_height = ascender;

  cocrea_pdf_file_begin_object (file, object);
  cocrea_pdf_file_printf (file,
                          "<< /Type /Font /Subtype /Type0 /BaseFont /%s+%s /Encoding /Identity-H"
                          " /DescendantFonts [%u 0 R] /ToUnicode %u 0 R >>",
                          tag, self->postscript, cid_font, to_unicode);
  cocrea_pdf_file_end_object (file);

  cocrea_pdf_file_begin_object (file, cid_font);
  cocrea_pdf_file_printf (file,
                          "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s+%s"
                          " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                          " /FontDescriptor %u 0 R /CIDToGIDMap /Identity /DW %d /W ",
                          tag, self->postscript, descriptor, self->widths[0]);
  cocrea_pdf_file_write (file, widths->str, widths->len);
  cocrea_pdf_file_puts (file, " >>");
  cocrea_pdf_file_end_object (file);

  /* Flags 32: not symbolic, Latin characters are where a reader expects. */
  g_string_printf (numbers,
                   "<< /Type /FontDescriptor /FontName /%s+%s /Flags 32 /FontBBox [%d %d %d %d]"
                   " /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %u 0 R >>",
                   tag, self->postscript, bbox[0], bbox[1], bbox[2], bbox[3],
                   (int) (ascender * 1000 / (int) self->upem), (int) (descender * 1000 / (int) self->upem),
                   (int) (cap_height * 1000 / (int) self->upem), font_file);
  cocrea_pdf_file_begin_object (file, descriptor);
  cocrea_pdf_file_write (file, numbers->str, numbers->len);
  cocrea_pdf_file_end_object (file);

  entries = g_strdup_printf ("/Length1 %" G_GSIZE_FORMAT, g_bytes_get_size (subset));
  cocrea_pdf_file_stream (file, font_file, entries, g_bytes_get_data (subset, NULL),
                          g_bytes_get_size (subset), TRUE);
  cocrea_pdf_file_stream (file, to_unicode, NULL, cmap->str, cmap->len, TRUE);
  return TRUE;
}
