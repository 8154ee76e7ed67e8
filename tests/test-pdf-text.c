/* test-pdf-text.c — the PDF's text: cleaning, line breaks, right-to-left order, shaping, fallback fonts
 *
 * The operators CocreaPdfText writes are read back here glyph by glyph
 * (the two-byte glyph numbers of its literal strings) and compared with
 * the glyphs DejaVu Sans gives each character through its own character
 * map, HarfBuzz's view of the font. So "Arabic is shaped" means: the
 * glyphs drawn are the joined forms (the presentation forms' glyphs), in
 * display order; "Hebrew is ordered" means the last letter is drawn
 * first, at the left.
 *
 * The fonts are DejaVu's only (tests/pdf-fonts.conf), so what has no glyph
 * is the same on every machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include "cocrea-pdf-text.h"

typedef struct {
  CocreaPdfText *text;
  hb_font_t *dejavu; /* DejaVu Sans, for its character map */
} Fixture;

static char *
dejavu_path (void)
{
  FcPattern *pattern = FcNameParse ((const FcChar8 *) "DejaVu Sans:style=Book");
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL;
  char *path = NULL;

  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match != NULL && FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch)
    path = g_strdup ((const char *) file);
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return path;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = dejavu_path ();
  hb_blob_t *blob;
  hb_face_t *face;

  f->text = cocrea_pdf_text_new (&error);
  g_assert_no_error (error);

  g_assert_nonnull (path);
  blob = hb_blob_create_from_file (path);
  face = hb_face_create (blob, 0);
  f->dejavu = hb_font_create (face);
  hb_face_destroy (face);
  hb_blob_destroy (blob);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  hb_font_destroy (f->dejavu);
  cocrea_pdf_text_free (f->text);
}

static guint
glyph_of (Fixture *f, gunichar c)
{
  hb_codepoint_t glyph = 0;

  g_assert_true (hb_font_get_nominal_glyph (f->dejavu, c, &glyph));
  return glyph;
}

/* The glyph numbers in the literal strings of @content, in order (the
 * strings hold zero bytes: glyph numbers below 256). */
static GArray *
glyphs_in (GString *content)
{
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  gboolean in_string = FALSE;

  for (const char *p = content->str; p < content->str + content->len; p++)
    {
      guint8 b = (guint8) *p;

      if (!in_string)
        {
          in_string = b == '(';
          continue;
        }
      if (b == ')')
        {
          g_assert_cmpuint (bytes->len % 2, ==, 0);
          for (guint i = 0; i < bytes->len; i += 2)
            {
              guint glyph = bytes->data[i] << 8 | bytes->data[i + 1];
              g_array_append_val (glyphs, glyph);
            }
          g_byte_array_set_size (bytes, 0);
          in_string = FALSE;
          continue;
        }
      if (b == '\\')
        {
          p++;
          b = *p == 'r' ? '\r' : (guint8) *p;
        }
      g_byte_array_append (bytes, &b, 1);
    }
  return glyphs;
}

/* The operators that draw @line in a box from x = 100, 400 points wide. */
static GString *
draw (Fixture *f, const char *line, CocreaPdfAlign align)
{
  GString *content = g_string_new (NULL);

  cocrea_pdf_text_begin_page (f->text);
  cocrea_pdf_text_draw (f->text, content, COCREA_PDF_REGULAR, 10, line, 100, 500, 400, align);
  return content;
}

static void
assert_glyphs (Fixture *f, const char *line, const gunichar *expected, guint n)
{
  g_autoptr (GString) content = draw (f, line, COCREA_PDF_ALIGN_START);
  g_autoptr (GArray) glyphs = glyphs_in (content);

  g_assert_cmpuint (glyphs->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (glyphs, guint, i), ==, glyph_of (f, expected[i]));
}

/* The x of the first text matrix ("1 0 0 1 X Y Tm") in @content. */
static double
first_x (GString *content)
{
  const char *tm = strstr (content->str, "1 0 0 1 ");

  g_assert_nonnull (tm);
  return g_ascii_strtod (tm + 8, NULL);
}

/* Hebrew is drawn last letter first; a line of a right-to-left paragraph
 * starts at the right of its box. */
static void
test_hebrew (Fixture *f, gconstpointer data)
{
  const gunichar shalom[] = { 0x05DD, 0x05D5, 0x05DC, 0x05E9 }; /* ם ו ל ש, left to right */
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GString) content = NULL;
  double width;

  assert_glyphs (f, "שלום", shalom, G_N_ELEMENTS (shalom));

  lines = cocrea_pdf_text_wrap (f->text, COCREA_PDF_REGULAR, 10, "שלום", 400);
  g_assert_cmpuint (lines->len, ==, 1);
  width = cocrea_pdf_text_width (f->text, COCREA_PDF_REGULAR, 10, g_ptr_array_index (lines, 0), -1);
  content = draw (f, g_ptr_array_index (lines, 0), COCREA_PDF_ALIGN_START);
  g_assert_cmpfloat_with_epsilon (first_x (content), 100 + 400 - width, 0.02);
}

/* Arabic letters join: each is drawn in its initial, medial or final
 * form, right to left. */
static void
test_arabic (Fixture *f, gconstpointer data)
{
  /* مرحبا: meem initial, reh final, hah initial, beh medial, alef final;
   * drawn from the left: alef, beh, hah, reh, meem. */
  const gunichar marhaba[] = { 0xFE8E, 0xFE92, 0xFEA3, 0xFEAE, 0xFEE3 };
  /* لا: lam and alef become one ligature glyph. */
  const gunichar la[] = { 0xFEFB };

  assert_glyphs (f, "مرحبا", marhaba, G_N_ELEMENTS (marhaba));
  assert_glyphs (f, "لا", la, G_N_ELEMENTS (la));
}

/* In a Spanish line, a Hebrew word keeps its place and its own order;
 * numbers in a Hebrew line read left to right. */
static void
test_mixed (Fixture *f, gconstpointer data)
{
  const gunichar mixed[] = { 'a', 'b', ' ', 0x05DD, 0x05D5, 0x05DC, 0x05E9, ' ', 'c', 'd' };
  const gunichar number[] = { '2', '0', '2', '0', ' ', 0x05DD, 0x05D5, 0x05DC, 0x05E9 };

  assert_glyphs (f, "ab שלום cd", mixed, G_N_ELEMENTS (mixed));
  /* "שלום 2020" in a right-to-left paragraph: 2020 at the left. */
  assert_glyphs (f, "\u200Fשלום 2020", number, G_N_ELEMENTS (number));
}

/* Long right-to-left text is broken between words in reading order: the
 * first line holds the first words. */
static void
test_wrap (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GPtrArray) lines = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "%sمرحبا%u", i > 0 ? " " : "", i);
  lines = cocrea_pdf_text_wrap (f->text, COCREA_PDF_REGULAR, 10, text->str, 200);
  g_assert_cmpuint (lines->len, >, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      /* Each line carries the paragraph's direction (RLM) and fits. */
      g_assert_true (g_str_has_prefix (line, "\u200F"));
      g_assert_cmpfloat (cocrea_pdf_text_width (f->text, COCREA_PDF_REGULAR, 10, line, -1), <=, 200.01);
    }
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 0), "\u200Fمرحبا0 مرحبا1"));

  /* A Spanish paragraph takes the fast path: no marks added. */
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = cocrea_pdf_text_wrap (f->text, COCREA_PDF_REGULAR, 10, "Participación ciudadana", 400);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Participación ciudadana");
}

/* What no installed font draws becomes a visible placeholder, counted:
 * an emoji with its skin tone, joiners and variation selectors is one
 * "[emoji]"; a flag (two letters) too. Accents typed as separate marks
 * are composed; control characters are spaces. */
static void
test_clean (Fixture *f, gconstpointer data)
{
  const struct {
    const char *in;
    const char *out;
    guint replaced;
  } cases[] = {
    { "Una fiesta 🎉 para todos", "Una fiesta [emoji] para todos", 1 },
    { "Hecho ✅ con 👩🏽‍🤝‍👩🏻 vecinas", "Hecho [emoji] con [emoji] vecinas", 2 },
    { "Chile 🇨🇱 y 🙂🙂", "Chile [emoji] y [emoji][emoji]", 3 },
    { "Participa\u0301cion", "Participácion", 0 },
    { "tab\there\r\nnext", "tab here\nnext", 0 },
    { "שלום مرحبا", "שלום مرحبا", 0 },
    { "Ge'ez ሰላም", "Ge'ez [?][?][?]", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint replaced = 0;
      g_autofree char *clean = cocrea_pdf_text_clean (f->text, cases[i].in, &replaced);

      g_assert_cmpstr (clean, ==, cases[i].out);
      g_assert_cmpuint (replaced, ==, cases[i].replaced);
    }
}

/* A character DejaVu Sans lacks is drawn from another installed font
 * that has it: ⌒ (U+2312) from DejaVu Sans Mono, a second font resource. */
static void
test_fallback (Fixture *f, gconstpointer data)
{
  guint replaced = 0;
  g_autofree char *clean = cocrea_pdf_text_clean (f->text, "arco ⌒ fin", &replaced);
  g_autoptr (GString) content = NULL;

  g_assert_cmpuint (replaced, ==, 0);
  g_assert_cmpstr (clean, ==, "arco ⌒ fin");
  content = draw (f, clean, COCREA_PDF_ALIGN_START);
  /* F1 is DejaVu Sans, F2 DejaVu Sans Bold; the fallback comes after. */
  g_assert_nonnull (memmem (content->str, content->len, "/F1 10 Tf", 9));
  g_assert_nonnull (memmem (content->str, content->len, "/F3 10 Tf", 9));
}

/* A character above U+FFFF that an installed font has is drawn, not
 * replaced: 𝐀 (U+1D400) from DejaVu Math TeX Gyre (fonts-dejavu-extra). */
static void
test_fallback_astral (Fixture *f, gconstpointer data)
{
  guint replaced = 0;
  g_autofree char *clean = NULL;

  if (!g_file_test ("/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("fonts-dejavu-extra is not installed");
      return;
    }
  clean = cocrea_pdf_text_clean (f->text, "x 𝐀 y", &replaced);
  g_assert_cmpuint (replaced, ==, 0);
  g_assert_cmpstr (clean, ==, "x 𝐀 y");
}

/* With a monochrome emoji font installed (Symbola, fonts-symbola), an
 * emoji is drawn from it, not replaced. The fonts of this test are given
 * to fontconfig one by one, so it does not depend on what else is there. */
static void
test_emoji_font (void)
{
  const char *symbola = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf";
  const char *dejavu = "/usr/share/fonts/truetype/dejavu/";
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) content = g_string_new (NULL);
  g_autofree char *clean = NULL;
  CocreaPdfText *text;
  FcConfig *saved, *config;
  guint replaced = 0;

  if (!g_file_test (symbola, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("fonts-symbola is not installed");
      return;
    }

  g_assert_true (FcInit ());
  saved = FcConfigReference (NULL);
  config = FcConfigCreate ();
  g_assert_true (FcConfigAppFontAddFile (config, (const FcChar8 *) symbola));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_strconcat (dejavu, i == 0 ? "DejaVuSans.ttf" : "DejaVuSans-Bold.ttf", NULL);
      g_assert_true (FcConfigAppFontAddFile (config, (const FcChar8 *) path));
    }
  FcConfigSetCurrent (config);

  text = cocrea_pdf_text_new (&error);
  g_assert_no_error (error);
  clean = cocrea_pdf_text_clean (text, "Una fiesta 🎉 para todos", &replaced);
  g_assert_cmpuint (replaced, ==, 0);
  g_assert_cmpstr (clean, ==, "Una fiesta 🎉 para todos");
  cocrea_pdf_text_begin_page (text);
  cocrea_pdf_text_draw (text, content, COCREA_PDF_REGULAR, 10, clean, 100, 500, 400, COCREA_PDF_ALIGN_START);
  g_assert_nonnull (memmem (content->str, content->len, "/F3 10 Tf", 9));
  cocrea_pdf_text_free (text);

  FcConfigSetCurrent (saved);
  FcConfigDestroy (saved);
  FcConfigDestroy (config);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf-text/hebrew", test_hebrew);
  ADD ("/pdf-text/arabic", test_arabic);
  ADD ("/pdf-text/mixed", test_mixed);
  ADD ("/pdf-text/wrap", test_wrap);
  ADD ("/pdf-text/clean", test_clean);
  ADD ("/pdf-text/fallback", test_fallback);
  ADD ("/pdf-text/fallback-astral", test_fallback_astral);
#undef ADD
  g_test_add_func ("/pdf-text/emoji-font", test_emoji_font);

  return g_test_run ();
}
