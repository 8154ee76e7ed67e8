/* cocrea-pdf-text.c
 *
 * Two paths. Most text (Spanish, any Latin, Greek or Cyrillic script) is
 * one glyph per character, measured by summing cached advances and drawn
 * glyph after glyph: a national plan has some 25 million characters, and
 * this path keeps them fast. Text with a right-to-left or joining script,
 * combining marks or bidi controls takes the other path: each line is
 * split into runs of one direction (FriBidi, the Unicode bidi algorithm
 * with the paragraph's direction), the runs are put in display order, and
 * each is shaped by HarfBuzz, which picks the joined Arabic forms and
 * places marks. Lines are broken in logical order first, between words,
 * so a line of an Arabic paragraph holds the same words as a reader
 * expects. A line of such a paragraph starts with an invisible LRM or RLM
 * carrying the paragraph's direction to the drawing.
 *
 * Each style (regular, bold) has a chain of fonts: DejaVu Sans (Bold),
 * then, for bold, DejaVu Sans, then the fallbacks fontconfig found for
 * characters none of those has. A character is drawn by the first font of
 * its chain that has it.
 *
 * Glyphs are written as two-byte glyph numbers in literal strings (half
 * the bytes of hexadecimal), positioned by absolute text matrices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <fribidi.h>
#include <glib/gi18n-lib.h>
#include <hb.h>

#include "cocrea-error.h"
#include "cocrea-pdf-font.h"
#include "cocrea-pdf-text.h"

#define MAX_CHAIN 8
#define NO_FONT 0xFF
#define LRM 0x200E
#define RLM 0x200F

typedef struct {
  CocreaPdfFont *fonts[MAX_CHAIN]; /* not owned */
  guint n_fonts;
  guint8 *bmp_font;   /* per BMP character: chain index + 1, NO_FONT, or 0 until asked */
  gint16 *bmp_widths; /* per BMP character, thousandths of an em, in its font */
  GHashTable *astral; /* character above U+FFFF → chain index + 1 or NO_FONT */
} Chain;

struct _CocreaPdfText {
  GPtrArray *fonts; /* CocreaPdfFont, owned; F1 regular, F2 bold, then fallbacks */
  Chain chains[2];
  GHashTable *searched; /* characters fontconfig was asked about */
  hb_buffer_t *buffer;

  /* What the page being written has set (text state survives BT/ET). */
  CocreaPdfFont *page_font;
  double page_size;
};

/* One glyph placed on a line, in points from the line's start. */
typedef struct {
  CocreaPdfFont *font;
  guint glyph;
  double x;
  double x_offset;
  double y_offset;
  double advance;
} Placed;

/* ---------------------------------------------------------------------- */
/* Characters                                                              */

/* Characters with no glyph of their own that are never drawn: bidi and
 * joiner controls, variation selectors, tags (Unicode's default
 * ignorables, less the soft hyphen, which DejaVu draws). */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) || (c >= 0x17B4 && c <= 0x17B5) ||
         (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
         c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

static gboolean
compute_complex (gunichar c)
{
  FriBidiCharType type = fribidi_get_bidi_type (c);

  if (FRIBIDI_IS_RTL (type) || FRIBIDI_IS_EXPLICIT (type) || FRIBIDI_IS_ISOLATE (type) ||
      type == FRIBIDI_TYPE_AN)
    return TRUE;
  if (g_unichar_ismark (c) || is_invisible (c))
    return TRUE;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_DEVANAGARI:
    case G_UNICODE_SCRIPT_BENGALI:
    case G_UNICODE_SCRIPT_GURMUKHI:
    case G_UNICODE_SCRIPT_GUJARATI:
    case G_UNICODE_SCRIPT_ORIYA:
    case G_UNICODE_SCRIPT_TAMIL:
    case G_UNICODE_SCRIPT_TELUGU:
    case G_UNICODE_SCRIPT_KANNADA:
    case G_UNICODE_SCRIPT_MALAYALAM:
    case G_UNICODE_SCRIPT_SINHALA:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_TIBETAN:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MONGOLIAN:
    case G_UNICODE_SCRIPT_BALINESE:
    case G_UNICODE_SCRIPT_JAVANESE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @c needs the shaping path (see the top of the file). */
static gboolean
is_complex (gunichar c)
{
  static guint8 *table; /* per BMP character: 1 complex, 2 simple */

  if (c < 0x80)
    return FALSE;
  if (c >= 0x10000)
    return compute_complex (c);

  if (g_once_init_enter (&table))
    {
      guint8 *t = g_new (guint8, 0x10000);
      for (gunichar i = 0; i < 0x10000; i++)
        t[i] = compute_complex (i) ? 1 : 2;
      g_once_init_leave (&table, t);
    }
  return table[c] == 1;
}

/* Pictographs that a placeholder names as emoji. */
static gboolean
is_emoji (gunichar c)
{
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF);
}

/* Characters that only modify the emoji before them. */
static gboolean
is_emoji_modifier (gunichar c)
{
  return (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 || c == 0x200D || c == 0xFE0F || c == 0xFE0E ||
         (c >= 0xE0020 && c <= 0xE007F);
}

/* ---------------------------------------------------------------------- */
/* Fonts                                                                   */

/*
 * find_dejavu:
 * The TrueType file of DejaVu Sans (@bold or not), by fontconfig. NULL
 * when no such file is installed: another family in its place would
 * change every measurement of the layout.
 */
static char *
find_dejavu (gboolean bold)
{
  FcPattern *pattern, *match;
  FcResult result;
  char *path = NULL;
  FcChar8 *file = NULL, *family = NULL;

  if (!FcInit ())
    return NULL;

  pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, "DejaVu Sans",
                            FC_WEIGHT, FcTypeInteger, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
                            FC_SLANT, FcTypeInteger, FC_SLANT_ROMAN,
                            FC_WIDTH, FcTypeInteger, FC_WIDTH_NORMAL, NULL);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);
  if (match == NULL)
    return NULL;

  if (FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch &&
      g_str_equal ((const char *) family, "DejaVu Sans") &&
      g_str_has_suffix ((const char *) file, ".ttf"))
    path = g_strdup ((const char *) file);

  FcPatternDestroy (match);
  return path;
}

static CocreaPdfFont *
add_font (CocreaPdfText *self, const char *path, guint index, GError **error)
{
  CocreaPdfFont *font = cocrea_pdf_font_new (path, index, self->fonts->len + 1, error);

  if (font != NULL)
    g_ptr_array_add (self->fonts, font);
  return font;
}

static void
chain_init (Chain *chain)
{
  chain->bmp_font = g_new0 (guint8, 0x10000);
  chain->bmp_widths = g_new0 (gint16, 0x10000);
  chain->astral = g_hash_table_new (NULL, NULL);
}

static void
chain_clear (Chain *chain)
{
  g_free (chain->bmp_font);
  g_free (chain->bmp_widths);
  g_clear_pointer (&chain->astral, g_hash_table_unref);
}

/**
 * cocrea_pdf_text_new:
 * Finds DejaVu Sans and DejaVu Sans Bold. Fails with %COCREA_ERROR_IO
 * when they are not installed or cannot be read.
 */
CocreaPdfText *
cocrea_pdf_text_new (GError **error)
{
  g_autoptr (CocreaPdfText) self = g_new0 (CocreaPdfText, 1);

  self->fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) cocrea_pdf_font_free);
  self->searched = g_hash_table_new (NULL, NULL);
  self->buffer = hb_buffer_create ();
  chain_init (&self->chains[COCREA_PDF_REGULAR]);
  chain_init (&self->chains[COCREA_PDF_BOLD]);

  for (int bold = 0; bold <= 1; bold++)
    {
      g_autofree char *path = find_dejavu (bold);
      CocreaPdfFont *font;

      if (path == NULL)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_IO,
                       _("The font “%s” is not installed; install the DejaVu fonts "
                         "(fonts-dejavu-core)"),
                       bold ? "DejaVu Sans Bold" : "DejaVu Sans");
          return NULL;
        }
      font = add_font (self, path, 0, error);
      if (font == NULL)
        return NULL;
      self->chains[bold].fonts[self->chains[bold].n_fonts++] = font;
    }
  /* Bold falls back on regular: DejaVu Sans has scripts its bold lacks. */
  self->chains[COCREA_PDF_BOLD].fonts[self->chains[COCREA_PDF_BOLD].n_fonts++] =
    self->chains[COCREA_PDF_REGULAR].fonts[0];

  return g_steal_pointer (&self);
}

void
cocrea_pdf_text_free (CocreaPdfText *self)
{
  if (self == NULL)
    return;

  chain_clear (&self->chains[0]);
  chain_clear (&self->chains[1]);
  g_clear_pointer (&self->buffer, hb_buffer_destroy);
  g_clear_pointer (&self->searched, g_hash_table_unref);
  g_clear_pointer (&self->fonts, g_ptr_array_unref);
  g_free (self);
}

/*
 * search_fallback:
 * Asks fontconfig, once per character, for an installed font that draws
 * @c, and adds it to both chains. Only fonts with TrueType outlines
 * qualify: colour emoji fonts hold pictures a PDF font cannot carry.
 */
static void
search_fallback (CocreaPdfText *self, gunichar c)
{
  FcPattern *pattern;
  FcCharSet *charset;
  FcFontSet *set;
  FcResult result;

  if (g_hash_table_contains (self->searched, GUINT_TO_POINTER (c)) ||
      self->chains[COCREA_PDF_BOLD].n_fonts >= MAX_CHAIN)
    return;
  g_hash_table_add (self->searched, GUINT_TO_POINTER (c));

  charset = FcCharSetCreate ();
  FcCharSetAddChar (charset, c);
  pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, "DejaVu Sans", FC_CHARSET, FcTypeCharSet, charset,
                            NULL);
  FcCharSetDestroy (charset);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  set = FcFontSort (NULL, pattern, FcFalse, NULL, &result);
  FcPatternDestroy (pattern);
  if (set == NULL)
    return;

  for (int i = 0; i < set->nfont; i++)
    {
      FcPattern *font = set->fonts[i];
      FcCharSet *has = NULL;
      FcChar8 *file = NULL, *format = NULL;
      FcBool color = FcFalse;
      int index = 0;
      CocreaPdfFont *loaded = NULL;

      if (FcPatternGetCharSet (font, FC_CHARSET, 0, &has) != FcResultMatch || !FcCharSetHasChar (has, c) ||
          FcPatternGetString (font, FC_FILE, 0, &file) != FcResultMatch ||
          FcPatternGetString (font, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
          !g_str_equal ((const char *) format, "TrueType"))
        continue;
      if (FcPatternGetBool (font, FC_COLOR, 0, &color) == FcResultMatch && color)
        continue;
      FcPatternGetInteger (font, FC_INDEX, 0, &index);

      for (guint f = 0; f < self->fonts->len && loaded == NULL; f++)
        if (g_str_equal (cocrea_pdf_font_get_path (g_ptr_array_index (self->fonts, f)), (const char *) file))
          loaded = g_ptr_array_index (self->fonts, f);
      if (loaded == NULL)
        loaded = add_font (self, (const char *) file, index, NULL);
      if (loaded == NULL || !cocrea_pdf_font_has_char (loaded, c))
        continue;

      for (int style = 0; style < 2; style++)
        {
          Chain *chain = &self->chains[style];
          gboolean present = FALSE;

          for (guint f = 0; f < chain->n_fonts; f++)
            present |= chain->fonts[f] == loaded;
          if (!present && chain->n_fonts < MAX_CHAIN)
            chain->fonts[chain->n_fonts++] = loaded;
        }
      break;
    }
  FcFontSetDestroy (set);
}

/* The chain index of the font that draws @c, or NO_FONT. */
static guint
font_index (CocreaPdfText *self, CocreaPdfStyle style, gunichar c)
{
  Chain *chain = &self->chains[style];
  guint cached;

  if (c < 0x10000 && chain->bmp_font[c] != 0)
    return chain->bmp_font[c] == NO_FONT ? NO_FONT : chain->bmp_font[c] - 1u;
  if (c >= 0x10000 && (cached = GPOINTER_TO_UINT (g_hash_table_lookup (chain->astral, GUINT_TO_POINTER (c)))) != 0)
    return cached == NO_FONT ? NO_FONT : cached - 1;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      for (guint f = 0; f < chain->n_fonts; f++)
        if (cocrea_pdf_font_has_char (chain->fonts[f], c))
          {
            if (c < 0x10000)
              {
                CocreaPdfFont *font = chain->fonts[f];
                chain->bmp_font[c] = f + 1;
                chain->bmp_widths[c] = cocrea_pdf_font_glyph_width (font, cocrea_pdf_font_char_glyph (font, c));
              }
            else
              g_hash_table_insert (chain->astral, GUINT_TO_POINTER (c), GUINT_TO_POINTER (f + 1));
            return f;
          }
      if (attempt == 0)
        search_fallback (self, c);
    }

  if (c < 0x10000)
    chain->bmp_font[c] = NO_FONT;
  else
    g_hash_table_insert (chain->astral, GUINT_TO_POINTER (c), GUINT_TO_POINTER (NO_FONT));
  return NO_FONT;
}

/* The width of @c in thousandths of an em, in the font that draws it. */
static int
char_width (CocreaPdfText *self, CocreaPdfStyle style, gunichar c)
{
  Chain *chain = &self->chains[style];
  guint f;

  if (c < 0x10000 && chain->bmp_font[c] != 0 && chain->bmp_font[c] != NO_FONT)
    return chain->bmp_widths[c];
  f = font_index (self, style, c);
  if (f == NO_FONT)
    f = 0; /* drawn as .notdef of the main font */
  return cocrea_pdf_font_glyph_width (chain->fonts[f], cocrea_pdf_font_char_glyph (chain->fonts[f], c));
}

/* ---------------------------------------------------------------------- */
/* Cleaning                                                                */

/*
 * cocrea_pdf_text_clean:
 * Returns @text ready to draw: valid UTF-8 in composed form (NFC, so an
 * accent typed as a separate mark sits on its letter), tabs and other
 * control characters but "\n" turned into spaces, and every character no
 * installed font can draw replaced by "[emoji]" (a pictograph, with its
 * modifiers and joined parts) or "[?]". Adds to @n_replaced how many
 * were replaced.
 */
char *
cocrea_pdf_text_clean (CocreaPdfText *self, const char *text, guint *n_replaced)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  GString *out;
  gboolean after_emoji = FALSE, joined = FALSE;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* Composing only pays when a combining mark is there. */
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0xCC)
      {
        for (const char *q = p; *q; q = g_utf8_next_char (q))
          if (g_unichar_combining_class (g_utf8_get_char (q)) != 0)
            {
              text = composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
              break;
            }
        break;
      }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          after_emoji = FALSE;
          if (c == '\r')
            continue;
          g_string_append_c (out, c < 0x20 && c != '\n' ? ' ' : (char) c);
          continue;
        }

      if (after_emoji && c == 0x200D)
        {
          joined = TRUE; /* what follows is part of the same emoji */
          continue;
        }
      if (after_emoji && (is_emoji_modifier (c) || joined))
        {
          joined = FALSE;
          continue;
        }
      if (after_emoji && c >= 0x1F1E6 && c <= 0x1F1FF)
        {
          after_emoji = FALSE; /* the second letter of a flag */
          continue;
        }
      after_emoji = FALSE;

      if ((c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, c == 0x2029 || c == 0x2028 ? '\n' : ' ');
      else if (is_invisible (c) || font_index (self, COCREA_PDF_REGULAR, c) != NO_FONT)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        {
          after_emoji = is_emoji (c) || (c >= 0x1F1E6 && c <= 0x1F1FF);
          g_string_append (out, after_emoji ? COCREA_PDF_EMOJI_PLACEHOLDER : COCREA_PDF_MISSING_PLACEHOLDER);
          if (n_replaced != NULL)
            (*n_replaced)++;
        }
    }

  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Shaping                                                                 */

/*
 * shape_run:
 * Shapes @chars[@start, @end) (all in chain font @f) in @direction with
 * the rest of @chars as context (so a letter joins across a change of
 * font), and appends the glyphs to @placed from @pen; records the text
 * each glyph stands for. Returns the new pen.
 */
static double
shape_run (CocreaPdfText *self, CocreaPdfStyle style, guint f, double size, const gunichar *chars, guint n,
           guint start, guint end, hb_direction_t direction, double pen, GArray *placed, gboolean record)
{
  CocreaPdfFont *font = self->chains[style].fonts[f];
  double scale = size / cocrea_pdf_font_get_upem (font);
  hb_glyph_info_t *info;
  hb_glyph_position_t *pos;
  unsigned int count;

  hb_buffer_clear_contents (self->buffer);
  hb_buffer_add_utf32 (self->buffer, chars, n, start, end - start);
  hb_buffer_set_direction (self->buffer, direction);
  hb_buffer_set_cluster_level (self->buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_set_flags (self->buffer, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
  hb_buffer_guess_segment_properties (self->buffer);
  hb_shape (cocrea_pdf_font_get_hb_font (font), self->buffer, NULL, 0);

  info = hb_buffer_get_glyph_infos (self->buffer, &count);
  pos = hb_buffer_get_glyph_positions (self->buffer, NULL);
  for (unsigned int i = 0; i < count; i++)
    {
      Placed glyph = { font, info[i].codepoint, pen, pos[i].x_offset * scale, pos[i].y_offset * scale,
                       pos[i].x_advance * scale };

      if (placed != NULL)
        g_array_append_val (placed, glyph);
      pen += glyph.advance;

      if (record)
        {
          /* The characters of the glyph's cluster: from its cluster
           * value to the next larger one. The first glyph of a cluster
           * stands for them all (a ligature); the others for nothing. */
          guint first = info[i].cluster, last = end;
          gboolean first_of_cluster = TRUE;

          for (unsigned int j = 0; j < count; j++)
            {
              if (info[j].cluster > first && info[j].cluster < last)
                last = info[j].cluster;
              if (info[j].cluster == first && j < i && direction == HB_DIRECTION_LTR)
                first_of_cluster = FALSE;
              if (info[j].cluster == first && j > i && direction == HB_DIRECTION_RTL)
                first_of_cluster = FALSE;
            }
          cocrea_pdf_font_use_glyph (font, info[i].codepoint, chars + first,
                                     first_of_cluster ? last - first : 0);
        }
    }
  return pen;
}

/* Splits @chars[@start, @end) into runs of one font and shapes them, in
 * display order: last run first when right-to-left. */
static double
shape_level_run (CocreaPdfText *self, CocreaPdfStyle style, double size, const gunichar *chars, guint n,
                 const guint8 *fonts, guint start, guint end, gboolean rtl, double pen, GArray *placed,
                 gboolean record)
{
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint run_start = start;

  for (guint i = start + 1; i <= end; i++)
    if (i == end || fonts[i] != fonts[run_start])
      {
        guint run[2] = { run_start, i };
        g_array_append_val (runs, run);
        run_start = i;
      }

  for (guint k = 0; k < runs->len; k++)
    {
      guint *run = &g_array_index (runs, guint, 2 * (rtl ? runs->len - 1 - k : k));
      pen = shape_run (self, style, fonts[run[0]], size, chars, n, run[0], run[1],
                       rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR, pen, placed, record);
    }
  return pen;
}

/* The chain font of each of @chars; invisible characters and characters
 * no font draws go with the font before them, so they do not split a
 * run. */
static guint8 *
fonts_of (CocreaPdfText *self, CocreaPdfStyle style, const gunichar *chars, guint n)
{
  guint8 *fonts = g_new (guint8, MAX (n, 1));
  guint8 previous = 0;

  for (guint i = 0; i < n; i++)
    {
      guint f = is_invisible (chars[i]) ? NO_FONT : font_index (self, style, chars[i]);
      fonts[i] = previous = f == NO_FONT ? previous : f;
    }
  return fonts;
}

/*
 * layout_complex:
 * Lays out one line of @chars in display order: FriBidi levels with base
 * direction @rtl, runs of one level reordered by rule L2 of the bidi
 * algorithm, each shaped. Appends to @placed (when not NULL) and returns
 * the width in points.
 */
static double
layout_complex (CocreaPdfText *self, CocreaPdfStyle style, double size, const gunichar *chars, guint n,
                gboolean rtl, GArray *placed, gboolean record)
{
  g_autofree FriBidiCharType *types = g_new (FriBidiCharType, MAX (n, 1));
  g_autofree FriBidiBracketType *brackets = g_new (FriBidiBracketType, MAX (n, 1));
  g_autofree FriBidiLevel *levels = g_new (FriBidiLevel, MAX (n, 1));
  g_autofree guint8 *fonts = fonts_of (self, style, chars, n);
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint) * 3); /* start, end, level */
  FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  FriBidiLevel max_level = 0, min_odd = 255;
  double pen = 0;

  if (n == 0)
    return 0;

  fribidi_get_bidi_types (chars, n, types);
  fribidi_get_bracket_types (chars, n, types, brackets);
  if (fribidi_get_par_embedding_levels_ex (types, brackets, n, &base, levels) == 0)
    memset (levels, rtl ? 1 : 0, n);

  for (guint i = 0, start = 0; i <= n; i++)
    if (i == n || levels[i] != levels[start])
      {
        guint run[3] = { start, i, levels[start] };
        g_array_append_val (runs, run);
        max_level = MAX (max_level, levels[start]);
        if (levels[start] % 2 == 1)
          min_odd = MIN (min_odd, levels[start]);
        start = i;
      }

  /* L2: from the highest level to the lowest odd one, reverse every
   * sequence of runs at that level or higher. */
  for (int level = max_level; level >= min_odd && level > 0; level--)
    for (guint i = 0; i < runs->len;)
      {
        guint j = i;

        if (g_array_index (runs, guint, 3 * i + 2) < (guint) level)
          {
            i++;
            continue;
          }
        while (j < runs->len && g_array_index (runs, guint, 3 * j + 2) >= (guint) level)
          j++;
        for (guint a = i, b = j - 1; a < b; a++, b--)
          {
            guint tmp[3];
            memcpy (tmp, &g_array_index (runs, guint, 3 * a), sizeof tmp);
            memcpy (&g_array_index (runs, guint, 3 * a), &g_array_index (runs, guint, 3 * b), sizeof tmp);
            memcpy (&g_array_index (runs, guint, 3 * b), tmp, sizeof tmp);
          }
        i = j;
      }

  for (guint i = 0; i < runs->len; i++)
    {
      guint *run = &g_array_index (runs, guint, 3 * i);
      pen = shape_level_run (self, style, size, chars, n, fonts, run[0], run[1], run[2] % 2 == 1, pen, placed,
                             record);
    }
  return pen;
}

/* Whether any character of @text[0, @length) needs the shaping path. */
static gboolean
has_complex (const char *text, const char *end)
{
  for (const char *p = text; p < end; p++)
    if ((guchar) *p >= 0x80)
      {
        for (const char *q = p; q < end; q = g_utf8_next_char (q))
          if (is_complex (g_utf8_get_char (q)))
            return TRUE;
        return FALSE;
      }
  return FALSE;
}

/* The direction mark a wrapped line starts with, if any: 1 for RLM, 0
 * for LRM, -1 for none. */
static int
line_direction (const char *line)
{
  gunichar c = g_utf8_get_char (line);
  return c == RLM ? 1 : c == LRM ? 0 : -1;
}

/* ---------------------------------------------------------------------- */
/* Measuring and breaking                                                  */

/**
 * cocrea_pdf_text_width:
 * The advance width of @text (@length bytes, or -1 for all) in points,
 * in @style at @size, as it will be drawn.
 */
double
cocrea_pdf_text_width (CocreaPdfText *self, CocreaPdfStyle style, double size, const char *text,
                       gssize length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gint64 units = 0;

  if (has_complex (text, end))
    {
      glong n = 0;
      g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, end - text, &n);
      int dir = line_direction (text);

      return layout_complex (self, style, size, chars, n, dir == 1, NULL, FALSE);
    }

  for (const char *p = text; p < end;)
    {
      gunichar c = (guchar) *p;

      if (c < 0x80)
        p++;
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      units += char_width (self, style, c);
    }
  return units * size / 1000.0;
}

/* Cuts @word, wider than @width, where it overflows; adds all but the
 * last piece to @lines and returns where the last piece starts. */
static const char *
cut_word (CocreaPdfText *self, CocreaPdfStyle style, double size, const char *word, double width,
          const char *prefix, GPtrArray *lines)
{
  const char *start = word, *p = word;
  double w = 0;

  while (*p)
    {
      const char *next = g_utf8_next_char (p);
      double cw = char_width (self, style, g_utf8_get_char (p)) * size / 1000.0;

      if (w + cw > width && p > start)
        {
          GString *piece = g_string_new (prefix);

          g_string_append_len (piece, start, p - start);
          g_ptr_array_add (lines, g_string_free (piece, FALSE));
          start = p;
          w = 0;
        }
      w += cw;
      p = next;
    }
  return start;
}

/* The base direction of a paragraph: TRUE when its first strong
 * character is right-to-left. */
static gboolean
paragraph_is_rtl (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      FriBidiCharType type = fribidi_get_bidi_type (g_utf8_get_char (p));

      if (FRIBIDI_IS_LETTER (type))
        return FRIBIDI_IS_RTL (type);
    }
  return FALSE;
}

/*
 * cocrea_pdf_text_wrap:
 * Splits @text into lines no wider than @width: at "\n", then between
 * words; a word wider than a line is cut between characters. A line of a
 * paragraph that needs shaping starts with an LRM or RLM giving the
 * paragraph's direction. Returns the lines (an empty text gives one
 * empty line).
 */
GPtrArray *
cocrea_pdf_text_wrap (CocreaPdfText *self, CocreaPdfStyle style, double size, const char *text, double width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  double space = cocrea_pdf_text_width (self, style, size, " ", 1);
  const char *paragraph = text;

  for (;;)
    {
      const char *end = strchr (paragraph, '\n');
      g_autofree char *copy = NULL;
      const char *prefix = "";
      GString *line;
      double line_w = 0;
      const char *p;

      if (end == NULL)
        end = paragraph + strlen (paragraph);
      if (has_complex (paragraph, end))
        {
          copy = g_strndup (paragraph, end - paragraph);
          prefix = paragraph_is_rtl (copy) ? "\u200F" : "\u200E";
        }
      line = g_string_new (prefix);

      p = paragraph;
      while (p < end)
        {
          const char *word = p, *word_end;
          double w;

          while (word < end && *word == ' ')
            word++;
          if (word >= end)
            break;
          word_end = word;
          while (word_end < end && *word_end != ' ')
            word_end++;
          p = word_end;

          w = cocrea_pdf_text_width (self, style, size, word, word_end - word);
          if (line->len > strlen (prefix) && line_w + space + w <= width)
            {
              g_string_append_c (line, ' ');
              g_string_append_len (line, word, word_end - word);
              line_w += space + w;
              continue;
            }

          if (line->len > strlen (prefix))
            {
              g_ptr_array_add (lines, g_strdup (line->str));
              g_string_assign (line, prefix);
              line_w = 0;
            }

          if (w > width)
            {
              g_autofree char *whole = g_strndup (word, word_end - word);
              const char *rest = cut_word (self, style, size, whole, width, prefix, lines);

              g_string_append (line, rest);
              line_w = cocrea_pdf_text_width (self, style, size, rest, -1);
              continue;
            }
          g_string_append_len (line, word, word_end - word);
          line_w = w;
        }

      g_ptr_array_add (lines, g_string_free (line, FALSE));
      if (*end == '\0')
        break;
      paragraph = end + 1;
    }

  return lines;
}

/* Cuts @text with "…" so it fits @width. */
char *
cocrea_pdf_text_ellipsize (CocreaPdfText *self, CocreaPdfStyle style, double size, const char *text,
                           double width)
{
  GString *out;
  double w = 0;

  if (cocrea_pdf_text_width (self, style, size, text, -1) <= width)
    return g_strdup (text);

  out = g_string_new (NULL);
  width -= cocrea_pdf_text_width (self, style, size, "…", -1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      double cw = char_width (self, style, g_utf8_get_char (p)) * size / 1000.0;

      if (w + cw > width)
        break;
      w += cw;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                 */

/* Forgets the text state: a new page's content starts without one. */
void
cocrea_pdf_text_begin_page (CocreaPdfText *self)
{
  self->page_font = NULL;
  self->page_size = 0;
}

static void
set_font (CocreaPdfText *self, GString *content, CocreaPdfFont *font, double size)
{
  if (font == self->page_font && size == self->page_size)
    return;
  g_string_append_printf (content, "/%s ", cocrea_pdf_font_get_name (font));
  cocrea_pdf_append_number (content, size);
  g_string_append (content, " Tf\n");
  self->page_font = font;
  self->page_size = size;
}

static void
move_to (GString *content, double x, double y)
{
  g_string_append (content, "1 0 0 1 ");
  cocrea_pdf_append_number (content, x);
  g_string_append_c (content, ' ');
  cocrea_pdf_append_number (content, y);
  g_string_append (content, " Tm\n");
}

/* Appends @glyph as two bytes of a literal string. */
static void
append_glyph (GString *content, guint glyph)
{
  char bytes[2] = { (char) (glyph >> 8), (char) (glyph & 0xFF) };

  for (int i = 0; i < 2; i++)
    {
      char b = bytes[i];

      if (b == '(' || b == ')' || b == '\\')
        g_string_append_c (content, '\\');
      if (b == '\r')
        g_string_append (content, "\\r");
      else
        g_string_append_c (content, b);
    }
}

/* Draws a line of the fast path: runs of one font, one string each. */
static void
draw_simple (CocreaPdfText *self, GString *content, CocreaPdfStyle style, double size, const char *line,
             double x, double baseline)
{
  Chain *chain = &self->chains[style];
  CocreaPdfFont *current = NULL;
  gint64 units = 0;
  gunichar single[1];

  for (const char *p = line; *p;)
    {
      gunichar c = (guchar) *p;
      CocreaPdfFont *font;
      guint f, glyph;

      if (c < 0x80)
        p++;
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }

      f = font_index (self, style, c);
      font = chain->fonts[f == NO_FONT ? 0 : f];
      if (font != current)
        {
          if (current != NULL)
            g_string_append (content, ") Tj\n");
          set_font (self, content, font, size);
          move_to (content, x + units * size / 1000.0, baseline);
          g_string_append_c (content, '(');
          current = font;
        }
      glyph = cocrea_pdf_font_char_glyph (font, c);
      single[0] = c;
      cocrea_pdf_font_use_glyph (font, glyph, single, 1);
      append_glyph (content, glyph);
      units += cocrea_pdf_font_glyph_width (font, glyph);
    }
  if (current != NULL)
    g_string_append (content, ") Tj\n");
}

/* Draws shaped glyphs: each run of one font is one TJ array, with an
 * adjustment where HarfBuzz's advance differs from the font's width, and
 * a glyph moved off the baseline (a mark) drawn on its own. */
static void
draw_placed (CocreaPdfText *self, GString *content, double size, GArray *placed, double x, double baseline)
{
  gboolean open = FALSE;
  CocreaPdfFont *current = NULL;
  double expected = 0; /* where the reader's pen is after the last glyph */

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *g = &g_array_index (placed, Placed, i);
      double width = cocrea_pdf_font_glyph_width (g->font, g->glyph) * size / 1000.0;
      gboolean moved = g->x_offset != 0 || g->y_offset != 0;

      if (open && (g->font != current || moved))
        {
          g_string_append (content, ")] TJ\n");
          open = FALSE;
        }

      if (moved)
        {
          set_font (self, content, g->font, size);
          move_to (content, x + g->x + g->x_offset, baseline + g->y_offset);
          g_string_append_c (content, '(');
          append_glyph (content, g->glyph);
          g_string_append (content, ") Tj\n");
          current = NULL;
          continue;
        }

      if (!open)
        {
          set_font (self, content, g->font, size);
          move_to (content, x + g->x, baseline);
          g_string_append (content, "[(");
          open = TRUE;
          current = g->font;
        }
      else if (ABS (g->x - expected) > 0.01)
        {
          /* TJ numbers are thousandths of the font size, positive to the left. */
          g_string_append (content, ") ");
          cocrea_pdf_append_number (content, (expected - g->x) * 1000.0 / size);
          g_string_append (content, " (");
        }
      append_glyph (content, g->glyph);
      expected = g->x + width;
    }
  if (open)
    g_string_append (content, ")] TJ\n");
}

/*
 * cocrea_pdf_text_draw:
 * Appends to @content (inside BT … ET) the operators that draw @line in
 * @style at @size with its baseline at @baseline, in the box from @x
 * @width wide, aligned by @align.
 */
void
cocrea_pdf_text_draw (CocreaPdfText *self, GString *content, CocreaPdfStyle style, double size,
                      const char *line, double x, double baseline, double width, CocreaPdfAlign align)
{
  const char *end = line + strlen (line);
  g_autoptr (GArray) placed = NULL;
  g_autofree gunichar *chars = NULL;
  double line_w;
  gboolean rtl = FALSE;
  glong n = 0;

  if (*line == '\0')
    return;

  if (!has_complex (line, end))
    {
      if (align != COCREA_PDF_ALIGN_START)
        {
          line_w = cocrea_pdf_text_width (self, style, size, line, -1);
          x += align == COCREA_PDF_ALIGN_CENTER ? (width - line_w) / 2 : width - line_w;
        }
      draw_simple (self, content, style, size, line, x, baseline);
      return;
    }

  rtl = line_direction (line) == 1;
  chars = g_utf8_to_ucs4_fast (line, -1, &n);
  placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  line_w = layout_complex (self, style, size, chars, n, rtl, placed, TRUE);
  if (align == COCREA_PDF_ALIGN_CENTER)
    x += (width - line_w) / 2;
  else if ((align == COCREA_PDF_ALIGN_START) == rtl)
    x += width - line_w;
  draw_placed (self, content, size, placed, x, baseline);
}

/*
 * cocrea_pdf_text_write_fonts:
 * Writes every font something was drawn with and appends its resource
 * entry ("/F1 12 0 R") to @entries.
 */
gboolean
cocrea_pdf_text_write_fonts (CocreaPdfText *self, CocreaPdfFile *file, GString *entries, GError **error)
{
  for (guint i = 0; i < self->fonts->len; i++)
    {
      CocreaPdfFont *font = g_ptr_array_index (self->fonts, i);
      guint object = cocrea_pdf_file_reserve (file);

      g_string_append_printf (entries, " /%s %u 0 R", cocrea_pdf_font_get_name (font), object);
      if (!cocrea_pdf_font_write (font, file, object, error))
        return FALSE;
    }
  return TRUE;
}
