/* cocrea-csv-writer.c
 *
 * Shared by every CSV Cocrea writes (contributions, commitments): RFC 4180
 * quoting, and cells a spreadsheet would run as a formula neutralised with
 * a leading "'" (OWASP advice on CSV injection), which the importer
 * removes again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-csv-writer.h"

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/*
 * cocrea_csv_append_cell_to:
 * Appends @value (NULL is empty) to @out as one CSV cell, after
 * @separator unless @first. A value a spreadsheet would evaluate (or that
 * already starts with quotes before such a character, so that the
 * importer's rule of removing exactly one "'" gives it back) gets a
 * leading "'". Values holding the separator, a quote, a line end or
 * outer space are quoted, quotes doubled.
 */
void
cocrea_csv_append_cell_to (GString *out, const char *value, char separator, gboolean first)
{
  g_autofree char *valid = NULL;
  const char *p = value != NULL ? value : "";
  const char *q;
  const char specials[] = { separator, '"', '\r', '\n', '\0' };
  gsize length;
  gboolean quote;

  /* A file written by another program may hold bytes that are not UTF-8;
   * the CSV says it is UTF-8 (its BOM), so they become U+FFFD. */
  if (!g_utf8_validate (p, -1, NULL))
    p = valid = g_utf8_make_valid (p, -1);
  q = p;
  length = strlen (p);

  if (!first)
    g_string_append_c (out, separator);

  while (*q == '\'')
    q++;

  quote = strpbrk (p, specials) != NULL ||
          (length > 0 && (p[0] == ' ' || p[length - 1] == ' '));

  if (quote)
    g_string_append_c (out, '"');
  if (is_formula_start (*q))
    g_string_append_c (out, '\'');

  for (; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

/* cocrea_csv_append_cell_to() with the comma of every Cocrea CSV. */
void
cocrea_csv_append_cell (GString *out, const char *value, gboolean first)
{
  cocrea_csv_append_cell_to (out, value, ',', first);
}
