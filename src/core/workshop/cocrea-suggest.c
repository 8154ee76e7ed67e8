/* cocrea-suggest.c — similar proposals and contributions for a new text
 *
 * Queries over the full-text index of document/cocrea-search-index.c,
 * whose tokenizer stems Spanish words and folds accents: the query's
 * words go through the same folding so that "participacion" typed
 * plainly finds "participación".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-db.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-search-index.h"
#include "cocrea-suggest.h"

/* Terms of one query: a 100 KB text must not become a 10,000-term query. */
#define MAX_QUERY_TERMS 24

/* How much a proposal's mentions weigh against text similarity: a
 * proposal many groups already asked for is the likelier home. One more
 * matching word (1.0) still outweighs up to about 50 mentions. */
#define MENTION_WEIGHT 0.25

/* ------------------------------------------------------------------ */
/* Rebuilding the index                                                */
/* ------------------------------------------------------------------ */

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
  g_autoptr (CocreaEdit) edit = NULL;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;
  if (!cocrea_db_exec (cocrea_document_get_db (document),
                       "INSERT INTO contribution_fts (contribution_fts) VALUES ('rebuild');"
                       "INSERT INTO proposal_fts (proposal_fts) VALUES ('rebuild');",
                       error) ||
      !cocrea_document_log (document, "rebuild-index", "", "", error))
    return FALSE;
  return cocrea_edit_commit (edit, error);
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

/* A proposal suggestion from a row of find_proposals() (a CocreaDbRowFunc). */
static gpointer
proposal_suggestion (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  double score = similarity (sqlite3_column_int (stmt, 2), sqlite3_column_double (stmt, 3)) +
                 MENTION_WEIGHT * log1p (sqlite3_column_int64 (stmt, 4));

  return cocrea_suggestion_new (COCREA_SUGGESTION_PROPOSAL, id,
                                (const char *) sqlite3_column_text (stmt, 1), id, score);
}

/* The best @limit top-level proposals matching @query, as #CocreaSuggestion. */
static GPtrArray *
find_proposals (sqlite3 *db, GPtrArray *words, guint limit, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_words = 0;
  gint64 min_rowid = 0;
  g_autofree char *query = candidate_query (db, "proposal_fts", words, &n_words, &min_rowid);

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
    return NULL;
  cocrea_db_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, (int) limit);
  sqlite3_bind_int (stmt, 3, (int) n_words);
  sqlite3_bind_int64 (stmt, 4, min_rowid);
  return cocrea_db_collect (db, stmt, proposal_suggestion, NULL, g_object_unref, error);
}

/* A contribution suggestion from a row of find_contributions() (a CocreaDbRowFunc). */
static gpointer
contribution_suggestion (sqlite3_stmt *stmt, gpointer user_data, GError **error)
{
  return cocrea_suggestion_new (COCREA_SUGGESTION_CONTRIBUTION, sqlite3_column_int64 (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1),
                                sqlite3_column_int64 (stmt, 4),
                                similarity (sqlite3_column_int (stmt, 2),
                                            sqlite3_column_double (stmt, 3)));
}

/* The best @limit contributions matching @query, but @exclude, as #CocreaSuggestion. */
static GPtrArray *
find_contributions (sqlite3 *db, GPtrArray *words, guint limit, gint64 exclude, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_words = 0;
  gint64 min_rowid = 0;
  g_autofree char *query = candidate_query (db, "contribution_fts", words, &n_words,
                                            &min_rowid);

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
    return NULL;
  cocrea_db_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, (int) limit + 1);
  sqlite3_bind_int64 (stmt, 3, exclude);
  sqlite3_bind_int (stmt, 4, (int) n_words);
  sqlite3_bind_int64 (stmt, 5, min_rowid);
  return cocrea_db_collect (db, stmt, contribution_suggestion, NULL, g_object_unref, error);
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
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) contributions = NULL;
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
  found = find_proposals (db, words, limit * 3, error);
  if (found == NULL)
    return NULL;
  contributions = find_contributions (db, words, limit, exclude_contribution_id, error);
  if (contributions == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (found, g_steal_pointer (&contributions));

  g_ptr_array_sort (found, compare_score);
  if (found->len > limit)
    g_ptr_array_set_size (found, limit);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}
