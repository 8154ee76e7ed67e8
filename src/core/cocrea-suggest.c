/* cocrea-suggest.c
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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libstemmer.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-suggest-private.h"
#include "cocrea-suggest.h"

/* Longer "words" (a URL, a pasted hash) are indexed as they are. */
#define MAX_STEM_BYTES 120

/* Terms of one query: a 100 KB text must not become a 10,000-term query. */
#define MAX_QUERY_TERMS 24

/* How much a proposal's mentions weigh against text similarity: a
 * proposal many groups already asked for is the likelier home. One more
 * matching word (1.0) still outweighs up to about 50 mentions. */
#define MENTION_WEIGHT 0.25

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
  return run_with_id (db, "INSERT INTO contribution_fts (rowid, text)"
                          " SELECT id, text FROM contribution WHERE id > ?1",
                      mark->contribution, error) &&
         run_with_id (db, "INSERT INTO proposal_fts (rowid, title, description)"
                          " SELECT id, title, description FROM proposal WHERE id > ?1",
                      mark->proposal, error);
}

/**
 * cocrea_suggest_rebuild_index:
 * @document: a process open for writing
 * @error: return location for a #CocreaError
 *
 * Rebuilds both full-text indexes from the tables, as one edit. For
 * programs that wrote rows with raw SQL (the benchmark's generator) and
 * for repairing a file edited by another tool.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_suggest_rebuild_index (CocreaDocument *document, GError **error)
{
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (!cocrea_document_begin_edit (document, error))
    return FALSE;
  db = cocrea_document_get_db (document);
  if (!cocrea_db_exec (db,
                       "INSERT INTO contribution_fts (contribution_fts) VALUES ('rebuild');"
                       "INSERT INTO proposal_fts (proposal_fts) VALUES ('rebuild');",
                       error) ||
      !cocrea_document_log (document, "rebuild-index", "", "", error))
    {
      cocrea_document_rollback_edit (document);
      return FALSE;
    }
  return cocrea_document_commit_edit (document, error);
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */
/* ------------------------------------------------------------------ */

/* Words that say nothing about a proposal's subject, folded. They would
 * match nearly every row and make the query slow as well as vague. */
static const char *const stopwords[] = {
  "a", "al", "algo", "ante", "cada", "con", "como", "contra", "cual", "cuando", "de", "del",
  "desde", "dos", "durante", "menos", "mucho", "mucha", "muchos", "muchas", "otras", "otros",
  "donde", "e", "el", "ella", "ellas", "ellos", "en", "entre", "es", "esa", "ese",
  "eso", "esta", "estas", "este", "esto", "estos", "ha", "han", "hay", "hacia", "hasta",
  "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "mis", "muy", "ni", "no",
  "nos", "o", "otra", "otro", "para", "pero", "por", "que", "se", "ser", "si", "sin",
  "sobre", "son", "su", "sus", "tambien", "te", "todo", "todos", "tu", "u", "un", "una",
  "uno", "unos", "unas", "todas", "y", "ya", "yo",
};

static gboolean
is_stopword (const char *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (stopwords); i++)
    if (g_str_equal (stopwords[i], folded))
      return TRUE;
  return FALSE;
}

/*
 * query_terms:
 * The words of @text worth searching for: lowercase, letters and digits
 * only, no stop words, no repeats, at most MAX_QUERY_TERMS of them.
 */
static GPtrArray *
query_terms (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) word = g_string_new (NULL);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *p;

  if (text == NULL)
    text = "";
  valid = g_utf8_make_valid (text, -1);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);

  for (p = nfc;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      if (word->len > 0)
        {
          g_autofree char *folded = cocrea_fold_fast (word->str);

          if (!is_stopword (folded) && !g_hash_table_contains (seen, folded))
            {
              g_hash_table_add (seen, g_steal_pointer (&folded));
              g_ptr_array_add (terms, g_strdup (word->str));
            }
          g_string_truncate (word, 0);
        }

      if (c == 0 || terms->len == MAX_QUERY_TERMS)
        break;
    }
  return terms;
}

/* Appends the FTS5 form of @terms joined by @op. Each term is letters and
 * digits only, so quoting makes it a plain string that no character of
 * the user's text can turn into FTS syntax. */
static void
append_terms (GString *query, char **terms, guint n, const char *op)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (query, "%s\"%s\"", i > 0 ? op : "", terms[i]);
}

/*
 * cocrea_suggest_build_query:
 * Turns what the user typed into an FTS5 query: the OR of its words, each
 * a quoted string of letters and digits only, so no character of the
 * user's text can act as FTS syntax (quotes, *, ^, parentheses, NEAR,
 * AND). Stop words and repeats are left out, and at most 24 terms are
 * kept. Returns NULL when no word is left.
 */
char *
cocrea_suggest_build_query (const char *text)
{
  g_autoptr (GPtrArray) terms = query_terms (text);
  GString *query;

  if (terms->len == 0)
    return NULL;
  query = g_string_new (NULL);
  append_terms (query, (char **) terms->pdata, terms->len, " OR ");
  return g_string_free (query, FALSE);
}

/* ------------------------------------------------------------------ */
/* Candidates                                                          */
/* ------------------------------------------------------------------ */

/* How many rows one table's query may score. Scoring (bm25 and
 * coverage) costs about a microsecond a row, and a common word like
 * "participación" is in most rows of a large process: an OR of the typed
 * words would score all 100,000 of them. */
#define CANDIDATE_BUDGET 1500

typedef struct {
  char *term;
  gint64 rows; /* rows holding it, counted up to CANDIDATE_BUDGET + 1 */
} Term;

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const Term *) a)->rows, y = ((const Term *) b)->rows;
  return x < y ? -1 : x > y;
}

/*
 * count_rows:
 * How many rows of @table match @query, counting no further than
 * CANDIDATE_BUDGET + 1: FTS5 stops after that many, so asking costs at
 * most that many rowids however common the words. -1 on error.
 */
static gint64
count_rows (sqlite3 *db, const char *table, const char *query)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM (SELECT rowid FROM %s"
                                          " WHERE %s MATCH ?1 LIMIT %d)",
                                          table, table, CANDIDATE_BUDGET + 1);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  cocrea_db_bind_text (stmt, 1, query);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/*
 * candidate_query:
 * The FTS5 query for @words on @table that scores few rows however
 * common the words are; sets @n_words to how many of its leading phrases
 * are the query's words (for cocrea_coverage()) and @min_rowid to the
 * lowest rowid worth scoring. Rare words pick the candidates; every
 * word still counts for the ranking:
 *
 *   (all words OR'ed) AND (rare words OR'ed)
 *
 * where the rare words are the rarest whose rows add up to at most
 * CANDIDATE_BUDGET. FTS5 evaluates the AND by skipping through the long
 * lists of the common words, so their length no longer matters. When
 * even the rarest word is too common, the candidates are the rows
 * holding the rarest few words together; when even all of them together
 * are too common (a single word found in most rows), only the newest
 * CANDIDATE_BUDGET of those rows are scored: they all match alike.
 */
static char *
candidate_query (sqlite3 *db, const char *table, GPtrArray *words, guint *n_words,
                 gint64 *min_rowid)
{
  g_autoptr (GArray) terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (GString) clause = g_string_new (NULL);
  g_autofree char **sorted = NULL;
  gint64 sum = 0, rows = -1;
  guint n_rare = 0;

  *n_words = words->len;
  *min_rowid = 0;
  append_terms (query, (char **) words->pdata, words->len, " OR ");

  for (guint i = 0; i < words->len; i++)
    {
      g_autoptr (GString) one = g_string_new (NULL);
      Term t = { words->pdata[i], 0 };

      append_terms (one, &t.term, 1, "");
      t.rows = count_rows (db, table, one->str);
      if (t.rows < 0)
        return g_string_free (g_steal_pointer (&query), FALSE);
      g_array_append_val (terms, t);
      sum += t.rows;
    }
  if (sum <= CANDIDATE_BUDGET)
    return g_string_free (g_steal_pointer (&query), FALSE);

  g_array_sort (terms, compare_rows);
  sorted = g_new (char *, terms->len);
  sum = 0;
  for (guint i = 0; i < terms->len; i++)
    {
      Term *t = &g_array_index (terms, Term, i);

      sorted[i] = t->term;
      if (n_rare == i && sum + t->rows <= CANDIDATE_BUDGET)
        {
          sum += t->rows;
          n_rare++;
        }
    }

  if (n_rare > 0)
    {
      append_terms (clause, sorted, n_rare, " OR ");
    }
  else
    {
      /* The rarest words together, one more until few enough rows hold them all. */
      for (guint n_and = 1; n_and <= terms->len; n_and++)
        {
          g_string_truncate (clause, 0);
          append_terms (clause, sorted, n_and, " AND ");
          if (n_and > 1 && (rows = count_rows (db, table, clause->str)) <= CANDIDATE_BUDGET)
            break;
        }
      if (rows < 0 || rows > CANDIDATE_BUDGET)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1"
                                                  " ORDER BY rowid DESC LIMIT 1 OFFSET %d",
                                                  table, table, CANDIDATE_BUDGET - 1);
          g_autoptr (sqlite3_stmt) stmt = NULL;

          if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
            {
              cocrea_db_bind_text (stmt, 1, clause->str);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                *min_rowid = sqlite3_column_int64 (stmt, 0);
            }
        }
    }

  if (words->len == 1)
    return g_string_free (g_steal_pointer (&query), FALSE);
  g_string_prepend_c (query, '(');
  g_string_append_printf (query, ") AND (%s)", clause->str);
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static int
compare_score (gconstpointer a, gconstpointer b)
{
  double x = cocrea_suggestion_get_score (*(CocreaSuggestion **) a);
  double y = cocrea_suggestion_get_score (*(CocreaSuggestion **) b);
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Text similarity: the number of query words a row has, then bm25 (which
 * is negative, lower is better) squashed into [0, 1) to order rows with
 * as many words. */
static double
similarity (int words, double bm25)
{
  double relevance = MAX (-bm25, 0.0);
  return words + relevance / (1.0 + relevance);
}

/* Adds the best @limit top-level proposals matching @query to @found. */
static gboolean
find_proposals (sqlite3 *db, GPtrArray *words, guint limit, GPtrArray *found, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_words = 0;
  gint64 min_rowid = 0;
  g_autofree char *query = candidate_query (db, "proposal_fts", words, &n_words, &min_rowid);
  int rc;

  /* Titles weigh more than descriptions: a title is what a merge is named. */
  stmt = cocrea_db_prepare (db,
                            "WITH hit (id, words, rank) AS ("
                            "  SELECT rowid, cocrea_coverage (proposal_fts, ?3),"
                            "   bm25 (proposal_fts, 3.0, 1.0) FROM proposal_fts"
                            "  WHERE proposal_fts MATCH ?1 AND rowid >= ?4 ORDER BY 2 DESC, 3 LIMIT ?2)"
                            " SELECT p.id, p.title, hit.words, hit.rank,"
                            "  (SELECT count (*) FROM contribution c WHERE c.proposal_id = p.id)"
                            " FROM hit JOIN proposal p ON p.id = hit.id"
                            " WHERE p.merged_into_id IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, (int) limit);
  sqlite3_bind_int (stmt, 3, (int) n_words);
  sqlite3_bind_int64 (stmt, 4, min_rowid);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      double score = similarity (sqlite3_column_int (stmt, 2), sqlite3_column_double (stmt, 3)) +
                     MENTION_WEIGHT * log1p (sqlite3_column_int64 (stmt, 4));

      g_ptr_array_add (found, cocrea_suggestion_new (COCREA_SUGGESTION_PROPOSAL, id,
                                                     (const char *) sqlite3_column_text (stmt, 1),
                                                     id, score));
    }
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Adds the best @limit contributions matching @query, but @exclude, to @found. */
static gboolean
find_contributions (sqlite3 *db, GPtrArray *words, guint limit, gint64 exclude,
                    GPtrArray *found, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_words = 0;
  gint64 min_rowid = 0;
  g_autofree char *query = candidate_query (db, "contribution_fts", words, &n_words,
                                            &min_rowid);
  int rc;

  stmt = cocrea_db_prepare (db,
                            "WITH hit (id, words, rank) AS ("
                            "  SELECT rowid, cocrea_coverage (contribution_fts, ?4),"
                            "   bm25 (contribution_fts) FROM contribution_fts"
                            "  WHERE contribution_fts MATCH ?1 AND rowid >= ?5 ORDER BY 2 DESC, 3 LIMIT ?2)"
                            " SELECT c.id, c.text, hit.words, hit.rank, coalesce (c.proposal_id, 0)"
                            " FROM hit JOIN contribution c ON c.id = hit.id"
                            " WHERE c.id <> ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, (int) limit + 1);
  sqlite3_bind_int64 (stmt, 3, exclude);
  sqlite3_bind_int (stmt, 4, (int) n_words);
  sqlite3_bind_int64 (stmt, 5, min_rowid);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found,
                     cocrea_suggestion_new (COCREA_SUGGESTION_CONTRIBUTION,
                                            sqlite3_column_int64 (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            sqlite3_column_int64 (stmt, 4),
                                            similarity (sqlite3_column_int (stmt, 2),
                                                        sqlite3_column_double (stmt, 3))));
  if (rc != SQLITE_DONE)
    {
      cocrea_db_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * cocrea_suggest:
 * @document: an open process (read-only is fine)
 * @text: what is being typed, any text at all
 * @limit: how many suggestions at most (0 means 10)
 * @exclude_contribution_id: a contribution not to suggest (the one being
 *   edited), or 0
 * @error: return location for a #CocreaError
 *
 * Finds the proposals and contributions most similar to @text, ignoring
 * accents and Spanish word endings. Rows rank by how many of the text's
 * words they contain, then by bm25; proposals get a bonus that grows with
 * their mentions; merged-away
 * proposals are left out (their successor is suggested instead).
 *
 * Returns: (transfer full): a list of #CocreaSuggestion, best first;
 *   empty when @text has no searchable word; NULL with @error set only on
 *   a database failure
 */
GListModel *
cocrea_suggest (CocreaDocument *document, const char *text, guint limit,
                gint64 exclude_contribution_id, GError **error)
{
  g_autoptr (GListStore) store = g_list_store_new (COCREA_TYPE_SUGGESTION);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) words = NULL;
  sqlite3 *db;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);

  if (limit == 0)
    limit = 10;

  words = query_terms (text);
  if (words->len == 0)
    return G_LIST_MODEL (g_steal_pointer (&store));

  db = cocrea_document_get_db (document);
  /* Three times the limit of proposals, so the mention bonus can lift one
   * that is a little less similar but far more mentioned. */
  if (!find_proposals (db, words, limit * 3, found, error) ||
      !find_contributions (db, words, limit, exclude_contribution_id, found, error))
    return NULL;

  g_ptr_array_sort (found, compare_score);
  if (found->len > limit)
    g_ptr_array_set_size (found, limit);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}
