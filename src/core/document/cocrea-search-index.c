/* cocrea-search-index.c — the full-text index behind duplicate suggestions
 *
 * Duplicate suggestions rest on SQLite FTS5 with a tokenizer of our own,
 * "cocrea": it wraps FTS5's built-in unicode61 tokenizer (which splits
 * words and lowercases them, keeping accents) and passes every word
 * through Snowball's Spanish stemmer, then folds the accents off the stem.
 *
 * Stemming comes BEFORE accent removal because the Spanish stemmer knows
 * its suffixes with their accents: "participación" and "participativo"
 * both stem to "particip", "ciudadanía" to "ciudadan", whereas the folded
 * "participacion" and "ciudadania" keep their suffixes ("participacion",
 * "ciudadani") and would find nothing. People do type without accents, so
 * an accented word also gets, at the same position, the stem of its folded
 * form: "participacion" typed plainly still finds "participación".
 *
 * The queries over this index live in workshop/cocrea-suggest.c; the
 * index lives here because the document's schema and undo keep it in
 * sync with every edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libstemmer.h>

#include "cocrea-db.h"
#include "cocrea-error.h"
#include "cocrea-search-index.h"

/* Longer "words" (a URL, a pasted hash) are indexed as they are. */
#define MAX_STEM_BYTES 120

/* ------------------------------------------------------------------ */
/* Folding                                                             */
/* ------------------------------------------------------------------ */

/* Base letter of the Latin-1 letters U+00C0..U+00FF (second byte of their
 * UTF-8 form, 0x80..0xBF), or 0 to keep the letter as it is. */
static const char latin1_base[64] = {
  'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
  0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,
  'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
  0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y',
};

/*
 * cocrea_fold_to:
 * Writes @len bytes of UTF-8 @text to @out lowercased, with the accents
 * of Latin letters removed and combining marks dropped, and returns how
 * many bytes it wrote (no NUL). @out must have room for
 * COCREA_FOLD_MAX_BYTES (@len): a character's lowercase can be one byte
 * longer than it (U+023A → U+2C65). The common case (ASCII and Spanish
 * letters) is a table lookup, because listing folds 100,000 texts and
 * the tokenizer every word of every text.
 */
gsize
cocrea_fold_to (char *out, const char *text, gsize len)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;
  char *o = out;

  while (p < end)
    {
      if (*p < 0x80)
        {
          *o++ = (*p >= 'A' && *p <= 'Z') ? *p + ('a' - 'A') : *p;
          p++;
        }
      else if (*p == 0xC3 && p + 1 < end && latin1_base[p[1] & 0x3F] != 0)
        {
          *o++ = latin1_base[p[1] & 0x3F];
          p += 2;
        }
      else
        {
          const char *next = g_utf8_find_next_char ((const char *) p, (const char *) end);
          gunichar c = g_utf8_get_char_validated ((const char *) p, end - p);

          if (next == NULL)
            next = (const char *) end;
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              /* Not UTF-8: keep the byte, the text is compared as it is. */
              *o++ = (char) *p;
              p++;
              continue;
            }
          if (!(c >= 0x300 && c <= 0x36F)) /* combining diacritics */
            o += g_unichar_to_utf8 (g_unichar_tolower (c), o);
          p = (const guchar *) next;
        }
    }
  return o - out;
}

/* cocrea_fold_to() appending to a GString. */
void
cocrea_fold_append (GString *out, const char *text, gsize len)
{
  gsize start = out->len;

  g_string_set_size (out, start + COCREA_FOLD_MAX_BYTES (len));
  g_string_truncate (out, start + cocrea_fold_to (out->str + start, text, len));
}

/*
 * cocrea_fold_fast:
 * Returns a newly allocated copy of @text lowercased with accents removed,
 * for substring matching ("Participación" → "participacion"). Unlike
 * cocrea_text_fold() it keeps punctuation and spacing, and it is several
 * times faster. NULL folds to "".
 */
char *
cocrea_fold_fast (const char *text)
{
  GString *out;
  gsize len;

  if (text == NULL)
    return g_strdup ("");
  len = strlen (text);
  out = g_string_sized_new (len + 1);
  cocrea_fold_append (out, text, len);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* The "cocrea" FTS5 tokenizer                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  fts5_tokenizer parent;
  Fts5Tokenizer *parent_instance;
  struct sb_stemmer *stemmer;
  GString *primary;
  GString *folded;
  GHashTable *stems; /* word → Stems: text repeats words, stemming is the cost */
} Tokenizer;

/* What on_token() emits for one word: its folded stem, and the stem of
 * its folded form when that differs (NULL otherwise). One allocation. */
typedef struct {
  char *alternative;
  int primary_len;
  int alternative_len;
  char primary[];
} Stems;

/* Words cached per tokenizer; past this the cache starts again. */
#define MAX_CACHED_STEMS 65536

typedef struct {
  Tokenizer *tokenizer;
  void *ctx;
  int (*token) (void *ctx, int flags, const char *token, int n, int start, int end);
} TokenizeCall;

static void
tokenizer_delete (Fts5Tokenizer *instance)
{
  Tokenizer *t = (Tokenizer *) instance;

  if (t == NULL)
    return;
  if (t->parent_instance != NULL)
    t->parent.xDelete (t->parent_instance);
  if (t->stemmer != NULL)
    sb_stemmer_delete (t->stemmer);
  if (t->primary != NULL)
    g_string_free (t->primary, TRUE);
  if (t->folded != NULL)
    g_string_free (t->folded, TRUE);
  if (t->stems != NULL)
    g_hash_table_unref (t->stems);
  g_free (t);
}

/* xCreate: unicode61 without diacritic removal (the stemmer needs the
 * accents), plus one Spanish stemmer per tokenizer instance, since a
 * Snowball stemmer is not reentrant. */
static int
tokenizer_create (void *user_data, const char **args, int n_args, Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  const char *parent_args[] = { "remove_diacritics", "0" };
  void *parent_data = NULL;
  Tokenizer *t = g_new0 (Tokenizer, 1);
  int rc;

  rc = api->xFindTokenizer (api, "unicode61", &parent_data, &t->parent);
  if (rc == SQLITE_OK)
    rc = t->parent.xCreate (parent_data, parent_args, G_N_ELEMENTS (parent_args),
                            &t->parent_instance);
  if (rc == SQLITE_OK)
    {
      t->stemmer = sb_stemmer_new ("spanish", NULL);
      if (t->stemmer == NULL)
        rc = SQLITE_NOMEM;
    }
  if (rc != SQLITE_OK)
    {
      tokenizer_delete ((Fts5Tokenizer *) t);
      *out = NULL;
      return rc;
    }

  t->primary = g_string_sized_new (64);
  t->folded = g_string_sized_new (64);
  t->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  *out = (Fts5Tokenizer *) t;
  return SQLITE_OK;
}

static gboolean
has_non_ascii (const char *token, int n)
{
  for (int i = 0; i < n; i++)
    if ((guchar) token[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Stems @token (@n bytes) as the index wants it; see on_token(). */
static Stems *
stem_word (Tokenizer *t, const char *token, int n)
{
  const sb_symbol *stem;
  Stems *stems;
  gsize alt_len = 0;
  const sb_symbol *alt = NULL;

  stem = sb_stemmer_stem (t->stemmer, (const sb_symbol *) token, n);
  if (stem == NULL)
    return NULL;
  g_string_truncate (t->primary, 0);
  cocrea_fold_append (t->primary, (const char *) stem, sb_stemmer_length (t->stemmer));

  if (has_non_ascii (token, n))
    {
      g_string_truncate (t->folded, 0);
      cocrea_fold_append (t->folded, token, n);
      alt = sb_stemmer_stem (t->stemmer, (const sb_symbol *) t->folded->str,
                             (int) t->folded->len);
      if (alt == NULL)
        return NULL;
      alt_len = sb_stemmer_length (t->stemmer);
      if (alt_len == t->primary->len && memcmp (alt, t->primary->str, alt_len) == 0)
        alt = NULL;
    }

  stems = g_malloc (sizeof (Stems) + t->primary->len + 1 + (alt != NULL ? alt_len + 1 : 0));
  stems->primary_len = (int) t->primary->len;
  memcpy (stems->primary, t->primary->str, t->primary->len + 1);
  stems->alternative = NULL;
  stems->alternative_len = 0;
  if (alt != NULL)
    {
      stems->alternative = stems->primary + t->primary->len + 1;
      stems->alternative_len = (int) alt_len;
      memcpy (stems->alternative, alt, alt_len);
      stems->alternative[alt_len] = '\0';
    }
  return stems;
}

/* Called by unicode61 for each lowercase word: emits the folded stem, and
 * for an accented word also the stem of its folded form, co-located.
 * Stems are cached per tokenizer instance: Spanish text repeats a few
 * thousand words, and the stemmer was most of the cost of indexing. */
static int
on_token (void *data, int flags, const char *token, int n, int start, int end)
{
  TokenizeCall *call = data;
  Tokenizer *t = call->tokenizer;
  g_autofree char *key = NULL;
  Stems *stems;
  int rc;

  if (n <= 0 || n > MAX_STEM_BYTES)
    return call->token (call->ctx, flags, token, n, start, end);

  {
    /* Look the cache up with a key on the stack: an import tokenizes
     * millions of words, nearly all of them already cached. */
    char lookup[MAX_STEM_BYTES + 1];

    memcpy (lookup, token, n);
    lookup[n] = '\0';
    stems = g_hash_table_lookup (t->stems, lookup);
  }
  if (stems == NULL)
    {
      stems = stem_word (t, token, n);
      if (stems == NULL)
        return SQLITE_NOMEM;
      if (g_hash_table_size (t->stems) >= MAX_CACHED_STEMS)
        g_hash_table_remove_all (t->stems);
      key = g_strndup (token, n);
      g_hash_table_insert (t->stems, g_steal_pointer (&key), stems);
    }

  rc = call->token (call->ctx, flags, stems->primary, stems->primary_len, start, end);
  if (rc != SQLITE_OK || stems->alternative == NULL)
    return rc;
  return call->token (call->ctx, flags | FTS5_TOKEN_COLOCATED, stems->alternative,
                      stems->alternative_len, start, end);
}

static int
tokenizer_tokenize (Fts5Tokenizer *instance, void *ctx, int flags, const char *text, int n,
                    int (*token) (void *, int, const char *, int, int, int))
{
  Tokenizer *t = (Tokenizer *) instance;
  TokenizeCall call = { t, ctx, token };

  return t->parent.xTokenize (t->parent_instance, &call, flags, text, n, on_token);
}

/*
 * coverage:
 * The FTS5 auxiliary function cocrea_coverage(): how many of the query's
 * phrases (its words) occur in the row. A row that says both "seguridad"
 * and "vecinos" is a likelier duplicate than one that says "seguridad"
 * twice, and in a small process bm25 alone cannot tell: a word found in
 * half the rows weighs almost nothing. An optional argument counts only
 * that many leading phrases: the query of candidate_query() repeats its
 * rare words after the list of all words.
 */
static void
coverage (const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int n_values,
          sqlite3_value **values)
{
  int n_phrases = api->xPhraseCount (fts);
  int hits = 0;

  if (n_values > 0 && sqlite3_value_type (values[0]) == SQLITE_INTEGER)
    n_phrases = MIN (n_phrases, sqlite3_value_int (values[0]));

  for (int i = 0; i < n_phrases; i++)
    {
      Fts5PhraseIter iter;
      int column = -1, offset = -1;
      int rc = api->xPhraseFirst (fts, i, &iter, &column, &offset);

      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (ctx, rc);
          return;
        }
      if (column >= 0)
        hits++;
    }
  sqlite3_result_int (ctx, hits);
}

/*
 * cocrea_suggest_register_tokenizer:
 * Registers the "cocrea" FTS5 tokenizer on @db. Every connection to a
 * process file needs it before it touches the full-text tables. Fails
 * with COCREA_ERROR_DATABASE when this SQLite has no FTS5.
 */
gboolean
cocrea_suggest_register_tokenizer (sqlite3 *db, GError **error)
{
  static fts5_tokenizer methods = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  stmt = cocrea_db_prepare (db, "SELECT fts5(?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, COCREA_ERROR, COCREA_ERROR_DATABASE,
                           _("This SQLite library has no full-text search (FTS5)"));
      return FALSE;
    }

  rc = api->xCreateTokenizer (api, "cocrea", api, &methods, NULL);
  if (rc == SQLITE_OK)
    rc = api->xCreateFunction (api, "cocrea_coverage", NULL, coverage, NULL);
  if (rc != SQLITE_OK)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Keeping the index in sync                                           */
/* ------------------------------------------------------------------ */

static gboolean
run_with_id (sqlite3 *db, const char *sql, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = cocrea_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return cocrea_db_step_done (db, stmt, error);
}

/*
 * cocrea_index_contribution:
 * With @add, indexes the current text of contribution @id; without, removes
 * its entry using the text the row has now, so call it before the text
 * changes or the row goes. Nothing happens for an id with no row.
 */
gboolean
cocrea_index_contribution (sqlite3 *db, gint64 id, gboolean add, GError **error)
{
  return run_with_id (db, add
                        ? "INSERT INTO contribution_fts (rowid, text)"
                          " SELECT id, text FROM contribution WHERE id = ?1"
                        : "INSERT INTO contribution_fts (contribution_fts, rowid, text)"
                          " SELECT 'delete', id, text FROM contribution WHERE id = ?1",
                      id, error);
}

/* The same for proposal @id's title and description. */
gboolean
cocrea_index_proposal (sqlite3 *db, gint64 id, gboolean add, GError **error)
{
  return run_with_id (db, add
                        ? "INSERT INTO proposal_fts (rowid, title, description)"
                          " SELECT id, title, description FROM proposal WHERE id = ?1"
                        : "INSERT INTO proposal_fts (proposal_fts, rowid, title, description)"
                          " SELECT 'delete', id, title, description FROM proposal WHERE id = ?1",
                      id, error);
}

/*
 * cocrea_index_contributions_where:
 * cocrea_index_contribution() for every contribution matching @where, a
 * constant SQL condition with one parameter bound to @param
 * ("activity_id = ?1"). Never pass text from the user as @where.
 */
gboolean
cocrea_index_contributions_where (sqlite3 *db, const char *where, gint64 param, gboolean add,
                                  GError **error)
{
  g_autofree char *sql = NULL;

  if (add)
    sql = g_strdup_printf ("INSERT INTO contribution_fts (rowid, text)"
                           " SELECT id, text FROM contribution WHERE %s", where);
  else
    sql = g_strdup_printf ("INSERT INTO contribution_fts (contribution_fts, rowid, text)"
                           " SELECT 'delete', id, text FROM contribution WHERE %s", where);
  return run_with_id (db, sql, param, error);
}

/* Notes the highest contribution and proposal ids, before a bulk insert. */
gboolean
cocrea_index_mark (sqlite3 *db, CocreaIndexMark *mark, GError **error)
{
  return cocrea_db_query_int (db, "SELECT coalesce (max (id), 0) FROM contribution",
                              &mark->contribution, error) &&
         cocrea_db_query_int (db, "SELECT coalesce (max (id), 0) FROM proposal",
                              &mark->proposal, error);
}

/*
 * cocrea_index_add_since:
 * Indexes every contribution and proposal inserted after @mark was taken,
 * in two statements: the bulk inserts of an import or the demo call this
 * once at the end of their edit instead of once per row.
 */
gboolean
cocrea_index_add_since (sqlite3 *db, const CocreaIndexMark *mark, GError **error)
{
  /* FTS5 writes its pending terms out as a new segment each time they
   * pass "hashsize" (1 MB), then merges the segments again: a 100,000-row
   * import wrote and merged dozens. With room for the whole import they
   * are written once (5 % of an import). The setting is stored in the
   * file, so it goes back to FTS5's default in the same edit. */
  return cocrea_db_exec (db, "INSERT INTO contribution_fts (contribution_fts, rank)"
                             " VALUES ('hashsize', 67108864)", error) &&
         run_with_id (db, "INSERT INTO contribution_fts (rowid, text)"
                          " SELECT id, text FROM contribution WHERE id > ?1",
                      mark->contribution, error) &&
         cocrea_db_exec (db, "INSERT INTO contribution_fts (contribution_fts, rank)"
                             " VALUES ('hashsize', 1048576)", error) &&
         run_with_id (db, "INSERT INTO proposal_fts (rowid, title, description)"
                          " SELECT id, title, description FROM proposal WHERE id > ?1",
                      mark->proposal, error);
}
