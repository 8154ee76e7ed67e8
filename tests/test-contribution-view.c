/* test-contribution-view.c — the filtered view of every contribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cocrea-contribution-view.h"
#include "cocrea-contribution.h"
#include "cocrea-demo.h"
#include "cocrea-proposal-merge.h"
#include "test-process.h"

typedef struct {
  TEST_PROCESS_FIELDS;
  guint n_signals;
  guint last_position, last_removed, last_added;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  test_process_demo (TEST_PROCESS (f), "renca.cocrea", COCREA_OPEN_DEFAULT);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_process_clear (TEST_PROCESS (f));
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  f->n_signals++;
  f->last_position = position;
  f->last_removed = removed;
  f->last_added = added;
}

static CocreaContributionList *
list_all (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CocreaContributionList *list = cocrea_contribution_list_new (f->document, 0, 0, &error);

  g_assert_no_error (error);
  return list;
}

/* How many items of @list match @text, asking every item as a
 * GtkCustomFilter would. */
static guint
count_matching (GListModel *list, const char *text)
{
  g_auto (GStrv) words = cocrea_contribution_filter_words (text);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaContribution) item = g_list_model_get_item (list, i);
      if (cocrea_contribution_matches (item, (const char * const *) words))
        n++;
    }
  return n;
}

static void
test_filter (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaContributionList) list = list_all (f);
  g_autoptr (CocreaContributionView) view = cocrea_contribution_view_new ();
  GListModel *model = G_LIST_MODEL (view);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (list));
  const char *searches[] = { "partic", "PARTICIPACIÓN", "vecinos municipal", "zzzz", "  " };

  g_assert_cmpuint (total, >, 20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));
  g_assert_true (g_list_model_get_item_type (model) == COCREA_TYPE_CONTRIBUTION);

  g_signal_connect (view, "items-changed", G_CALLBACK (items_changed_cb), f);
  cocrea_contribution_view_set_list (view, list);
  g_assert_cmpuint (f->n_signals, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->last_added, ==, total);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_cmpuint (cocrea_contribution_view_get_n_total (view), ==, total);

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      guint expected = count_matching (G_LIST_MODEL (list), searches[s]);
      guint before = g_list_model_get_n_items (model);
      guint n;

      cocrea_contribution_view_set_search (view, searches[s]);
      n = g_list_model_get_n_items (model);
      g_assert_cmpuint (n, ==, expected);
      g_assert_cmpuint (f->last_removed, ==, before);
      g_assert_cmpuint (f->last_added, ==, n);

      /* Every item shown matches, in the list's order, and ids agree. */
      {
        g_auto (GStrv) words = cocrea_contribution_filter_words (searches[s]);
        gint64 previous = 0;
        for (guint i = 0; i < n; i++)
          {
            g_autoptr (CocreaContribution) item = g_list_model_get_item (model, i);
            gint64 id = cocrea_contribution_get_id (item);

            g_assert_true (cocrea_contribution_matches (item, (const char * const *) words));
            g_assert_cmpint (cocrea_contribution_view_get_id (view, i), ==, id);
            g_assert_cmpuint (cocrea_contribution_view_find (view, id), ==, i);
            g_assert_cmpint (id, !=, previous);
            previous = id;
          }
        g_assert_null (g_list_model_get_item (model, n));
        g_assert_cmpint (cocrea_contribution_view_get_id (view, n), ==, 0);
      }
    }
  /* "  " has no words: everything again. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  /* A contribution's id, typed, finds it. */
  {
    g_autofree char *id_text = g_strdup_printf ("%lld", (long long) cocrea_contribution_view_get_id (view, 3));
    cocrea_contribution_view_set_search (view, id_text);
    g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
    g_assert_cmpuint (cocrea_contribution_view_find (view, g_ascii_strtoll (id_text, NULL, 10)),
                      !=, G_MAXUINT);
  }

  /* The same search again changes nothing. */
  {
    guint signals = f->n_signals;
    cocrea_contribution_view_set_search (view, cocrea_contribution_view_get_search (view));
    g_assert_cmpuint (f->n_signals, ==, signals);
  }

  cocrea_contribution_view_set_list (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (cocrea_contribution_view_find (view, 1), ==, G_MAXUINT);
}

/* After an edit the page lists again: the view keeps its search over the
 * fresh snapshot. */
static void
test_new_list (Fixture *f, gconstpointer data)
{
  g_autoptr (CocreaContributionList) before = list_all (f);
  g_autoptr (CocreaContributionList) after = NULL;
  g_autoptr (CocreaContributionView) view = cocrea_contribution_view_new ();
  g_autoptr (CocreaContribution) first = NULL;
  g_autoptr (GError) error = NULL;
  gint64 ids[2];
  gint64 proposal = 0;
  guint n_before;

  cocrea_contribution_view_set_list (view, before);
  cocrea_contribution_view_set_search (view, "a");
  n_before = g_list_model_get_n_items (G_LIST_MODEL (view));
  g_assert_cmpuint (n_before, >=, 2);
  ids[0] = cocrea_contribution_view_get_id (view, 0);
  ids[1] = cocrea_contribution_view_get_id (view, 1);

  g_assert_true (cocrea_merge_new_proposal (f->document, "Una propuesta nueva", ids, 2, &proposal, NULL,
                                            &error));
  g_assert_no_error (error);
  after = list_all (f);
  g_signal_connect (view, "items-changed", G_CALLBACK (items_changed_cb), f);
  cocrea_contribution_view_set_list (view, after);
  g_assert_cmpuint (f->last_removed, ==, n_before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, n_before);
  g_assert_cmpstr (cocrea_contribution_view_get_search (view), ==, "a");

  first = g_list_model_get_item (G_LIST_MODEL (view), cocrea_contribution_view_find (view, ids[0]));
  g_assert_cmpint (cocrea_contribution_get_proposal_id (first), ==, proposal);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/contribution-view/filter", test_filter);
  ADD ("/contribution-view/new-list", test_new_list);

  return g_test_run ();
}
