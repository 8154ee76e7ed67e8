/* cocrea-sheet-code.c
 *
 * The check character is a weighted sum of the code's characters (digits
 * 0–9, letters 10–35, "-" 36), each times its position from 1, modulo 31:
 * 31 is prime and larger than any position a code reaches, so changing
 * one character, or swapping two neighbours that differ, changes the sum.
 * The dashes count, so "1-23" and "12-3" differ too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-sheet-code.h"

#define CHECK_MODULUS 31
/* 31 characters people do not mistake for one another (no I, L, O, U, Z). */
static const char check_alphabet[CHECK_MODULUS + 1] = "0123456789ABCDEFGHJKMNPQRSTVWXY";
static const char kind_letters[COCREA_N_SHEET_KINDS] = { 'C', 'A', 'E' };

/* Ids stay below 10^9 in any real process; more digits is not a code. */
#define MAX_NUMBER_DIGITS 9

static guint
char_value (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (g_ascii_isupper (c))
    return 10 + (c - 'A');
  return 36; /* "-" */
}

/* The check character of the canonical body "C4F2A-3-12-1". */
static char
check_char (const char *body)
{
  guint sum = 0;

  for (guint i = 0; body[i] != '\0'; i++)
    sum = (sum + (i + 1) * char_value (body[i])) % CHECK_MODULUS;
  return check_alphabet[sum];
}

static char *
format_body (const CocreaSheetCode *code)
{
  gint64 second = code->kind == COCREA_SHEET_SCORING ? code->evaluator_id : code->group_id;

  return g_strdup_printf ("%c%s-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "-%u",
                          kind_letters[code->kind], code->tag, code->activity_id, second, code->page);
}

/* The code as printed, check character included: "C4F2A-3-12-1-K". */
char *
cocrea_sheet_code_format (const CocreaSheetCode *code)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (code != NULL && code->kind < COCREA_N_SHEET_KINDS, NULL);
  g_return_val_if_fail (strlen (code->tag) == 4, NULL);

  body = format_body (code);
  return g_strdup_printf ("%s-%c", body, check_char (body));
}

/* Where a letter cannot be, these are what people meant. */
static char
as_digit (char c)
{
  switch (c)
    {
    case 'O':
      return '0';
    case 'I':
    case 'L':
      return '1';
    default:
      return c;
    }
}

/*
 * split_code:
 * Splits @text into its five parts, upper-cased, with O, I and L read as
 * digits where only digits belong. FALSE when it does not have the shape
 * of a code; the check character is not verified here.
 */
static gboolean
split_code (const char *text, CocreaSheetCode *code, char *check)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *first;
  int kind = -1;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (*p != '\0' && g_ascii_isalnum (*p))
        p++;
      if (p > start)
        g_ptr_array_add (parts, g_ascii_strup (start, p - start));
    }
  if (parts->len != 5)
    return FALSE;

  first = g_ptr_array_index (parts, 0);
  for (guint k = 0; k < COCREA_N_SHEET_KINDS; k++)
    if (first[0] == kind_letters[k])
      kind = (int) k;
  if (kind < 0 || strlen (first) != 5)
    return FALSE;
  code->kind = (CocreaSheetKind) kind;
  for (guint i = 0; i < 4; i++)
    {
      char c = as_digit (first[1 + i]);
      if (!g_ascii_isxdigit (c))
        return FALSE;
      code->tag[i] = c;
    }
  code->tag[4] = '\0';

  for (guint n = 1; n <= 3; n++)
    {
      char *number = g_ptr_array_index (parts, n);
      gint64 value;

      if (strlen (number) > MAX_NUMBER_DIGITS)
        return FALSE;
      for (char *c = number; *c != '\0'; c++)
        {
          *c = as_digit (*c);
          if (!g_ascii_isdigit (*c))
            return FALSE;
        }
      value = g_ascii_strtoll (number, NULL, 10);
      if (n == 1)
        code->activity_id = value;
      else if (n == 2)
        {
          code->group_id = code->kind == COCREA_SHEET_SCORING ? 0 : value;
          code->evaluator_id = code->kind == COCREA_SHEET_SCORING ? value : 0;
        }
      else
        code->page = (guint) value;
    }

  {
    const char *last = g_ptr_array_index (parts, 4);
    if (strlen (last) != 1)
      return FALSE;
    *check = as_digit (last[0]);
  }
  return code->page >= 1 &&
         (code->kind != COCREA_SHEET_ATTENDANCE || code->group_id == 0) &&
         (code->kind != COCREA_SHEET_SCORING || code->activity_id == 0);
}

/* Whether @text has the shape of a sheet code (its check not verified):
 * Capture then reads it as a sheet to switch to, not as a contribution. */
gboolean
cocrea_sheet_code_looks_like (const char *text)
{
  CocreaSheetCode code = { 0 };
  char check;

  return text != NULL && split_code (text, &code, &check);
}

/*
 * cocrea_sheet_code_parse:
 * Reads a sheet code as typed or scanned. Fails with COCREA_ERROR_INVALID
 * when @text is not a code, or when its check character does not match
 * (a character mistyped, two swapped). Says nothing of which process it
 * belongs to: see cocrea_sheet_code_resolve().
 */
gboolean
cocrea_sheet_code_parse (const char *text, CocreaSheetCode *code, GError **error)
{
  CocreaSheetCode parsed = { 0 };
  g_autofree char *body = NULL;
  char check = 0;

  g_return_val_if_fail (code != NULL, FALSE);

  if (text == NULL || !split_code (text, &parsed, &check))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("“%s” is not a sheet code; a sheet code looks like C4F2A-3-12-1-K"),
                   text != NULL ? text : "");
      return FALSE;
    }
  body = format_body (&parsed);
  if (check != check_char (body))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("The sheet code “%s” does not check out: a character is mistyped or two "
                     "are swapped. Compare it with the sheet."),
                   text);
      return FALSE;
    }
  *code = parsed;
  return TRUE;
}

/* The four hex digits that stand for @document's process in its codes. */
char *
cocrea_sheet_process_tag (CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaProcessInfo) info = cocrea_document_get_process (document, error);
  GString *tag;

  if (info == NULL)
    return NULL;
  tag = g_string_new (NULL);
  for (const char *p = info->uuid; *p != '\0' && tag->len < 4; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (tag, g_ascii_toupper (*p));
  /* A hand-made file may have a short uuid: pad it, the code stays valid. */
  while (tag->len < 4)
    g_string_append_c (tag, '0');
  return g_string_free (tag, FALSE);
}

/* Whether the query @sql with @a (and @b when not 0) as parameters finds a row. */
static gboolean
row_exists (sqlite3 *db, const char *sql, gint64 a, gint64 b, gboolean *found, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (b != 0)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

/*
 * check_records:
 * Fails with COCREA_ERROR_NOT_FOUND when @code names an activity, a
 * group of that activity or an evaluator that @document does not have.
 */
static gboolean
check_records (CocreaDocument *document, const char *text, const CocreaSheetCode *code,
               GError **error)
{
  sqlite3 *db = cocrea_document_get_db (document);
  gboolean found = FALSE;

  if (code->kind != COCREA_SHEET_SCORING)
    {
      if (!row_exists (db, "SELECT 1 FROM activity WHERE id = ?", code->activity_id, 0, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                       _("The sheet “%s” is for activity %lld, which this process does not have"),
                       text, (long long) code->activity_id);
          return FALSE;
        }
    }
  if (code->group_id != 0)
    {
      if (!row_exists (db, "SELECT 1 FROM table_group WHERE id = ? AND activity_id = ?",
                       code->group_id, code->activity_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                       _("The sheet “%s” is for a table group that activity %lld no longer has"),
                       text, (long long) code->activity_id);
          return FALSE;
        }
    }
  if (code->evaluator_id != 0)
    {
      if (!row_exists (db, "SELECT 1 FROM evaluator WHERE id = ?", code->evaluator_id, 0, &found,
                       error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, COCREA_ERROR, COCREA_ERROR_NOT_FOUND,
                       _("The sheet “%s” is for an evaluator this process does not have"), text);
          return FALSE;
        }
    }
  return TRUE;
}

/*
 * cocrea_sheet_code_make:
 * Fills @code for a sheet of @kind of @document: @activity_id (0 for
 * scoring), @group_or_evaluator_id (the group on a capture sheet, the
 * evaluator on a scoring sheet, 0 for none) and @page. Fails when the
 * process record cannot be read.
 */
gboolean
cocrea_sheet_code_make (CocreaDocument *document, CocreaSheetKind kind, gint64 activity_id,
                        gint64 group_or_evaluator_id, guint page, CocreaSheetCode *code, GError **error)
{
  g_autofree char *tag = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (kind < COCREA_N_SHEET_KINDS && page >= 1 && code != NULL, FALSE);

  tag = cocrea_sheet_process_tag (document, error);
  if (tag == NULL)
    return FALSE;
  *code = (CocreaSheetCode) {
    .kind = kind,
    .activity_id = kind == COCREA_SHEET_SCORING ? 0 : activity_id,
    .group_id = kind == COCREA_SHEET_CAPTURE ? group_or_evaluator_id : 0,
    .evaluator_id = kind == COCREA_SHEET_SCORING ? group_or_evaluator_id : 0,
    .page = page,
  };
  memcpy (code->tag, tag, 5);
  return TRUE;
}

/*
 * cocrea_sheet_code_resolve:
 * Reads @text as a sheet of @document: a code (see
 * cocrea_sheet_code_parse()) printed for this process, whose activity,
 * group and evaluator it still has. A sheet of another process fails
 * with COCREA_ERROR_INVALID, saying so; a record gone since printing with
 * COCREA_ERROR_NOT_FOUND.
 */
gboolean
cocrea_sheet_code_resolve (CocreaDocument *document, const char *text, CocreaSheetCode *code,
                           GError **error)
{
  CocreaSheetCode parsed = { 0 };
  g_autofree char *tag = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!cocrea_sheet_code_parse (text, &parsed, error))
    return FALSE;
  tag = cocrea_sheet_process_tag (document, error);
  if (tag == NULL)
    return FALSE;
  if (!g_str_equal (tag, parsed.tag))
    {
      g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                   _("The sheet “%s” was printed for another process (%s), not this one (%s)"),
                   text, parsed.tag, tag);
      return FALSE;
    }
  if (!check_records (document, text, &parsed, error))
    return FALSE;
  *code = parsed;
  return TRUE;
}
