/* cocrea-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-error.h"
#include "cocrea-text.h"

/*
 * cocrea_text_fold:
 * Returns a newly allocated key for comparing text the way a Spanish speaker
 * reads it: case-folded, accents and other combining marks dropped ("Área"
 * and "area" fold alike; "ñ" becomes "n"), runs of white space and
 * punctuation collapsed to one space, no leading or trailing space.
 * @text must be valid UTF-8; NULL folds to "".
 */
char *
cocrea_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *lower = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  lower = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/*
 * cocrea_text_is_normalized:
 * Whether cocrea_text_normalize() would return @text unchanged, found
 * without allocating: an import asks it of seven cells per row, and
 * nearly every cell already is (plain text, no space at its ends).
 * %FALSE only means "normalise it to know".
 */
gboolean
cocrea_text_is_normalized (const char *text)
{
  const guchar *p = (const guchar *) text;
  gsize len;
  guchar any = 0, marks = 0;

  if (text == NULL || g_ascii_isspace (*p))
    return FALSE;
  len = strlen (text);
  if (len == 0)
    return TRUE;
  /* No branch in the loop, so that the compiler can test many bytes at
   * once: a combining mark may follow from 0xCC (see below), "\r" is a
   * line end to rewrite, and a byte above 0x7F means UTF-8 to check. */
  for (gsize i = 0; i < len; i++)
    {
      any |= p[i];
      marks |= (p[i] >= 0xCC) | (p[i] == '\r');
    }
  return !marks && !g_ascii_isspace (p[len - 1]) &&
         (any < 0x80 || g_utf8_validate_len (text, len, NULL));
}

/*
 * cocrea_text_normalize:
 * Returns a newly allocated copy of @text as it should be stored: NFC
 * normalised (so "é" typed as e + combining accent matches "é"), with
 * leading and trailing white space removed and Windows line ends turned
 * into "\n". Returns "" for NULL or for text that is not valid UTF-8.
 */
char *
cocrea_text_normalize (const char *text)
{
  g_autofree char *nfc = NULL;

  /* An import normalises six cells per row, often empty ones. */
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* Text made only of characters below U+0300 (every byte < 0xCC: ASCII,
   * Latin-1 with its precomposed "é", Latin Extended) is already NFC, and
   * that is nearly all a facilitator types; normalising costs a fifth of a
   * 100,000-row import, so do it only when a combining mark may be there. */
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0xCC)
      {
        nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
        if (nfc == NULL)
          return g_strdup ("");
        break;
      }
  if (nfc == NULL)
    nfc = g_strdup (text);

  /* Line ends are rewritten in place: "\r\n" and a lone "\r" both become
   * "\n", so the text only ever shrinks. Most texts have none at all. */
  if (strchr (nfc, '\r') != NULL)
    {
      char *to = nfc;

      for (const char *p = nfc; *p; p++)
        {
          if (p[0] == '\r' && p[1] == '\n')
            continue;
          *to++ = p[0] == '\r' ? '\n' : p[0];
        }
      *to = '\0';
    }

  g_strstrip (nfc);
  return g_steal_pointer (&nfc);
}

/*
 * cocrea_text_has_astral:
 * Returns TRUE when @text holds a character above U+FFFF (emoji and the
 * like), which the PDF fonts cannot show. Callers warn; they do not refuse.
 */
gboolean
cocrea_text_has_astral (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) > 0xFFFF)
      return TRUE;

  return FALSE;
}

/*
 * cocrea_text_dup_valid:
 * Copies text read from a file, replacing bytes that are not UTF-8 (a
 * file written by another program) with U+FFFD, so that what the core
 * hands to a window or an export is always valid. NULL gives NULL.
 */
char *
cocrea_text_dup_valid (const char *text)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

/**
 * cocrea_text_visible:
 * @text (valid UTF-8) without the invisible characters a byte order mark
 * or a copy from a web page leaves in it (U+FEFF, zero-width spaces: the
 * "format" characters), for matching a header cell by its name.
 */
char *
cocrea_text_visible (const char *text)
{
  GString *visible = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_FORMAT)
      g_string_append_unichar (visible, g_utf8_get_char (p));
  return g_string_free (visible, FALSE);
}

/**
 * cocrea_text_first_line:
 * The first line of @text, cut to at most @max characters and then
 * ending in "…", for labels that show a long text in little room.
 */
char *
cocrea_text_first_line (const char *text, glong max)
{
  const char *newline;
  gsize bytes;
  g_autofree char *line = NULL;
  g_autofree char *cut = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  newline = strchr (text, '\n');
  bytes = newline != NULL ? (gsize) (newline - text) : strlen (text);
  line = g_strndup (text, bytes);
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  cut = g_utf8_substring (line, 0, max);
  /* TRANSLATORS: a text cut short */
  return g_strdup_printf (_("%s…"), cut);
}

/*
 * cocrea_text_check_length:
 * Fails with COCREA_ERROR_INVALID when @text (UTF-8, NULL is empty) has
 * more than @max characters (COCREA_TEXT_MAX_NAME, COCREA_TEXT_MAX_LONG),
 * naming the text by its start and saying both lengths, so that whoever
 * typed or imported it knows which one and by how much.
 */
gboolean
cocrea_text_check_length (const char *text, guint max, GError **error)
{
  glong length;
  g_autofree char *start = NULL;
  g_autofree char *have = NULL;
  g_autofree char *most = NULL;

  if (text == NULL || strlen (text) <= max) /* a byte is at most a character */
    return TRUE;
  length = g_utf8_strlen (text, -1);
  if (length <= (glong) max)
    return TRUE;

  start = g_utf8_substring (text, 0, 30);
  have = g_strdup_printf ("%'ld", length);
  most = g_strdup_printf ("%'u", max);
  g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
               _("“%s…” is too long: %s characters, where at most %s fit"), start, have, most);
  return FALSE;
}
