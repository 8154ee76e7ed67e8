/* test-follow-edits.c — lists that follow a document's edits show what a fresh read shows
 *
 * On the Renca demo, hundreds of random edits (merges into new and
 * existing proposals, unmerges, proposals merged into each other, new,
 * edited and deleted contributions, renamed activities and groups, a
 * deleted group, undo and redo of all of them): after each, the
 * contribution list, a filtered view of it and the tally that followed
 * the edit through records-changed hold what reading the document afresh
 * gives, and what they said with "items-changed" rebuilds them exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-activity.h"
#include "cocrea-contribution-list.h"
#include "cocrea-contribution-view.h"
#include "cocrea-contribution.h"
#include "cocrea-demo.h"
#include "cocrea-group.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-proposal.h"
#include "cocrea-record-changes.h"
#include "cocrea-tally.h"
#include "cocrea-undo.h"
#include "test-process.h"

/* A copy of a list rebuilt from its "items-changed" alone: it holds the
 * same items as the list only if every change was reported right. */
typedef struct {
  GListModel *model;
  GPtrArray *items;
} Mirror;

static void
mirror_changed_cb (GListModel *model, guint position, guint removed, guint added, Mirror *m)
{
  g_assert_cmpuint (position + removed, <=, m->items->len);
  g_ptr_array_remove_range (m->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (m->items, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (m->items->len, ==, g_list_model_get_n_items (model));
}

static void
mirror_init (Mirror *m, GListModel *model)
{
  m->model = model;
  m->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (m->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_changed_cb), m);
}

static void
mirror_clear (Mirror *m)
{
  g_signal_handlers_disconnect_by_func (m->model, mirror_changed_cb, m);
  g_ptr_array_unref (m->items);
}

typedef struct {
  TEST_PROCESS_FIELDS;
  CocreaContributionList *list;
  CocreaContributionView *view;
  CocreaTally *tally;
  Mirror list_mirror;
  Mirror view_mirror;
  Mirror tally_mirror;
  GPtrArray *undos; /* CocreaUndo: what takes back the edits done */
  GRand *rand;
} Fixture;

static void
records_changed_cb (CocreaDocument *doc, CocreaRecordChanges *changes, Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cocrea_contribution_list_apply (f->list, doc, changes, &error));
  g_assert_no_error (error);
  g_assert_true (cocrea_tally_apply (f->tally, doc, changes, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  test_process_demo (TEST_PROCESS (f), "renca.cocrea", COCREA_OPEN_DEFAULT);

  /* More rows than the demo's thirty, so that deleting an activity takes
   * dozens out of the middle of the list at once. */
  {
    g_autoptr (GListModel) demo = cocrea_contribution_list (f->document, 0, 0, &error);
    guint n = g_list_model_get_n_items (demo);

    g_assert_no_error (error);
    for (guint i = 0; i < 90; i++)
      {
        g_autoptr (CocreaContribution) like = g_list_model_get_item (demo, (i * 7) % n);
        g_autofree char *text = g_strdup_printf ("Más áreas verdes, %u", i);
        CocreaContributionFields fields;

        cocrea_contribution_get_fields (like, &fields);
        fields.text = text;
        g_assert_true (cocrea_contribution_add (f->document, &fields, NULL, NULL, &error));
        g_assert_no_error (error);
      }
  }

  f->list = cocrea_contribution_list_new (f->document, 0, 0, &error);
  g_assert_no_error (error);
  f->view = cocrea_contribution_view_new ();
  cocrea_contribution_view_set_list (f->view, f->list);
  /* A search that some rows match and others do not. */
  cocrea_contribution_view_set_search (f->view, "a");
  f->tally = cocrea_tally_new (f->document, &error);
  g_assert_no_error (error);
  mirror_init (&f->list_mirror, G_LIST_MODEL (f->list));
  mirror_init (&f->view_mirror, G_LIST_MODEL (f->view));
  mirror_init (&f->tally_mirror, G_LIST_MODEL (f->tally));
  g_signal_connect (f->document, "records-changed", G_CALLBACK (records_changed_cb), f);

  f->undos = g_ptr_array_new_with_free_func (g_object_unref);
  f->rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  mirror_clear (&f->list_mirror);
  mirror_clear (&f->view_mirror);
  mirror_clear (&f->tally_mirror);
  g_clear_object (&f->view);
  g_clear_object (&f->list);
  g_clear_object (&f->tally);
  g_ptr_array_unref (f->undos);
  g_rand_free (f->rand);
  test_process_clear (TEST_PROCESS (f));
}

/* A line per contribution, as a list shows it. */
static char *
describe_contributions (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s/%s p%" G_GINT64_FORMAT " %s\n",
                              cocrea_contribution_get_id (c),
                              cocrea_contribution_get_activity_name (c),
                              cocrea_contribution_get_group_name (c),
                              cocrea_contribution_get_proposal_id (c),
                              cocrea_contribution_get_text (c));
    }
  return g_string_free (text, FALSE);
}

/* The items a mirror holds, as a list to describe. */
static GListModel *
mirror_items (Mirror *m)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  g_list_store_splice (store, 0, 0, m->items->pdata, m->items->len);
  return G_LIST_MODEL (store);
}

static char *
describe_tally (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CocreaProposal) p = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %u/%u/%u/%u\n",
                              cocrea_proposal_get_id (p), cocrea_proposal_get_title (p),
                              cocrea_proposal_get_n_contributions (p),
                              cocrea_proposal_get_n_groups (p),
                              cocrea_proposal_get_n_activities (p),
                              cocrea_proposal_get_n_supports (p));
    }
  return g_string_free (text, FALSE);
}

/* What followed the edits is what a fresh read gives. */
static void
check (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaContributionList) fresh = cocrea_contribution_list_new (f->document, 0, 0, &error);
  g_autoptr (CocreaContributionView) fresh_view = cocrea_contribution_view_new ();
  g_autoptr (GListModel) tally = cocrea_tally (f->document, &error);
  g_autofree char *expected = NULL, *got = NULL, *mirrored = NULL;
  g_autofree char *expected_view = NULL, *got_view = NULL, *mirrored_view = NULL;
  g_autofree char *expected_tally = NULL, *got_tally = NULL, *mirrored_tally = NULL;
  g_autoptr (GListModel) mirrored_list = NULL;
  g_autoptr (GListModel) mirrored_view_list = NULL;
  g_autoptr (GListModel) mirrored_tally_list = NULL;

  g_assert_no_error (error);
  cocrea_contribution_view_set_list (fresh_view, fresh);
  cocrea_contribution_view_set_search (fresh_view, "a");

  expected = describe_contributions (G_LIST_MODEL (fresh));
  got = describe_contributions (G_LIST_MODEL (f->list));
  mirrored_list = mirror_items (&f->list_mirror);
  mirrored = describe_contributions (mirrored_list);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (mirrored, ==, expected);

  expected_view = describe_contributions (G_LIST_MODEL (fresh_view));
  got_view = describe_contributions (G_LIST_MODEL (f->view));
  mirrored_view_list = mirror_items (&f->view_mirror);
  mirrored_view = describe_contributions (mirrored_view_list);
  g_assert_cmpstr (got_view, ==, expected_view);
  g_assert_cmpstr (mirrored_view, ==, expected_view);

  expected_tally = describe_tally (tally);
  got_tally = describe_tally (G_LIST_MODEL (f->tally));
  mirrored_tally_list = mirror_items (&f->tally_mirror);
  mirrored_tally = describe_tally (mirrored_tally_list);
  g_assert_cmpstr (got_tally, ==, expected_tally);
  g_assert_cmpstr (mirrored_tally, ==, expected_tally);

  /* Titles shown beside contributions: their top proposal's. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fresh)); i++)
    {
      g_autoptr (CocreaContribution) c = g_list_model_get_item (G_LIST_MODEL (fresh), i);
      gint64 proposal = cocrea_contribution_get_proposal_id (c);
      g_autoptr (CocreaProposal) top = NULL;
      gint64 top_id = proposal;

      if (proposal == 0)
        continue;
      for (guint depth = 0; depth < 64; depth++)
        {
          g_clear_object (&top);
          top = cocrea_proposal_lookup (f->document, top_id, &error);
          g_assert_no_error (error);
          if (cocrea_proposal_get_merged_into_id (top) == 0)
            break;
          top_id = cocrea_proposal_get_merged_into_id (top);
        }
      g_assert_cmpstr (cocrea_tally_get_top_title (f->tally, proposal), ==,
                       cocrea_proposal_get_title (top));
    }
}

/* A random contribution's id, from the list. */
static gint64
random_contribution (Fixture *f)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->list));

  return n == 0 ? 0 : cocrea_contribution_list_get_id (f->list, g_rand_int_range (f->rand, 0, n));
}

static gint64
random_top_proposal (Fixture *f)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->tally));
  g_autoptr (CocreaProposal) p = NULL;

  if (n == 0)
    return 0;
  p = g_list_model_get_item (G_LIST_MODEL (f->tally), g_rand_int_range (f->rand, 0, n));
  return cocrea_proposal_get_id (p);
}

static void
keep_undo (Fixture *f, CocreaUndo *undo)
{
  if (undo != NULL)
    g_ptr_array_add (f->undos, undo);
}

/* One random edit; refusals (a contribution merged twice into one
 * proposal, say) are fine: the lists must follow whatever happened. */
static void check (Fixture *f);

static void
random_edit (Fixture *f, guint step)
{
  CocreaUndo *undo = NULL;
  gint64 ids[3];
  guint n_ids = g_rand_int_range (f->rand, 1, 4);
  int what = g_rand_int_range (f->rand, 0, 13);

  for (guint i = 0; i < n_ids; i++)
    ids[i] = random_contribution (f);

  switch (what)
    {
    case 0:
      cocrea_merge_into (f->document, random_top_proposal (f), ids, n_ids, &undo, NULL);
      break;
    case 1:
      {
        g_autofree char *title = g_strdup_printf ("Propuesta %u", step);
        cocrea_merge_new_proposal (f->document, title, ids, n_ids, NULL, &undo, NULL);
      }
      break;
    case 2:
      cocrea_unmerge (f->document, ids, n_ids, &undo, NULL);
      break;
    case 3:
      cocrea_merge_proposal (f->document, random_top_proposal (f), random_top_proposal (f), &undo, NULL);
      break;
    case 4:
    case 5:
      {
        g_autoptr (CocreaContribution) c = cocrea_contribution_lookup (f->document, ids[0], NULL);
        CocreaContributionFields fields;
        g_autofree char *text = g_strdup_printf ("Aporte nuevo %u, más árboles", step);

        if (c == NULL)
          break;
        cocrea_contribution_get_fields (c, &fields);
        fields.text = text;
        if (what == 4)
          cocrea_contribution_add (f->document, &fields, NULL, &undo, NULL);
        else
          cocrea_contribution_update (f->document, ids[0], &fields, &undo, NULL);
      }
      break;
    case 6:
      cocrea_contribution_delete (f->document, ids[0], &undo, NULL);
      break;
    case 7:
      {
        g_autoptr (CocreaContribution) c = cocrea_contribution_lookup (f->document, ids[0], NULL);
        g_autoptr (CocreaActivity) a = NULL;
        CocreaActivityFields fields;
        g_autofree char *name = g_strdup_printf ("Actividad %u", step);

        if (c == NULL)
          break;
        a = cocrea_activity_lookup (f->document, cocrea_contribution_get_activity_id (c), NULL);
        cocrea_activity_get_fields (a, &fields);
        fields.name = name;
        cocrea_activity_update (f->document, cocrea_activity_get_id (a), &fields, &undo, NULL);
      }
      break;
    case 8:
      {
        g_autoptr (CocreaContribution) c = cocrea_contribution_lookup (f->document, ids[0], NULL);
        g_autofree char *name = g_strdup_printf ("Mesa %u", step);

        if (c == NULL || cocrea_contribution_get_group_id (c) == 0)
          break;
        if (step % 5 == 0)
          cocrea_group_delete (f->document, cocrea_contribution_get_group_id (c), &undo, NULL);
        else
          cocrea_group_update (f->document, cocrea_contribution_get_group_id (c), name, 9, &undo, NULL);
      }
      break;
    case 9:
      {
        gint64 id = random_top_proposal (f);
        g_autoptr (CocreaProposal) p = id != 0 ? cocrea_proposal_lookup (f->document, id, NULL) : NULL;
        CocreaProposalFields fields;
        g_autofree char *title = g_strdup_printf ("Título %u", step);

        if (p == NULL)
          break;
        cocrea_proposal_get_fields (p, &fields);
        fields.title = title;
        cocrea_proposal_update (f->document, id, &fields, &undo, NULL);
      }
      break;
    case 10:
      /* A whole activity goes, with its groups and contributions: many
       * rows out of the middle of the list at once. */
      if (step % 3 == 0)
        {
          g_autoptr (CocreaContribution) c = cocrea_contribution_lookup (f->document, ids[0], NULL);

          if (c != NULL)
            cocrea_activity_delete (f->document, cocrea_contribution_get_activity_id (c), &undo, NULL);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      /* Undo the last edit; every other time redo it at once (checked in
       * between), so the history left stays one to undo in order. */
      if (f->undos->len > 0)
        {
          g_autoptr (CocreaUndo) last = g_ptr_array_steal_index (f->undos, f->undos->len - 1);
          g_autoptr (CocreaUndo) redo = NULL;
          g_autoptr (GError) error = NULL;

          g_assert_true (cocrea_undo_apply (f->document, last, &redo, &error));
          g_assert_no_error (error);
          if (step % 2 == 0)
            {
              check (f);
              g_assert_true (cocrea_undo_apply (f->document, redo, &undo, &error));
              g_assert_no_error (error);
            }
        }
      break;
    }
  keep_undo (f, undo);
}

static void
test_random_edits (Fixture *f, gconstpointer data)
{
  check (f);
  for (guint step = 1; step <= 150; step++)
    {
      random_edit (f, step);
      check (f);
    }
  /* Then every edit taken back, newest first. */
  while (f->undos->len > 0)
    {
      g_autoptr (CocreaUndo) last = g_ptr_array_steal_index (f->undos, f->undos->len - 1);
      g_autoptr (GError) error = NULL;

      g_assert_true (cocrea_undo_apply (f->document, last, NULL, &error));
      g_assert_no_error (error);
      check (f);
    }
}

/* Dozens of rows out of the middle and back, the rows after them kept:
 * one change over the span, the rows around it keep their items. */
static void
test_bulk_middle (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (CocreaUndo) redo = NULL;
  g_autoptr (CocreaContribution) like = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_autoptr (CocreaContribution) last_before = NULL;
  g_autoptr (CocreaContribution) last_after = NULL;
  CocreaActivityFields meeting = { COCREA_ACTIVITY_COMPLEMENTARY, "Reunión aparte", NULL, NULL, 0,
                                   { 0 } };
  CocreaContributionFields fields;
  gint64 activity;
  guint n;

  g_assert_true (cocrea_activity_add (f->document, &meeting, &activity, NULL, &error));
  g_assert_no_error (error);
  cocrea_contribution_get_fields (like, &fields);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *text = g_strdup_printf ("Aporte %u de la reunión", i);
      CocreaContributionFields these = fields;

      these.text = text;
      if (i < 40)
        {
          these.activity_id = activity;
          these.group_id = 0;
        }
      g_assert_true (cocrea_contribution_add (f->document, &these, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  check (f);

  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  last_before = g_list_model_get_item (G_LIST_MODEL (f->list), n - 1);
  g_assert_true (cocrea_activity_delete (f->document, activity, &undo, &error));
  g_assert_no_error (error);
  check (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n - 40);
  /* The rows after the span were not made again. */
  last_after = g_list_model_get_item (G_LIST_MODEL (f->list), n - 41);
  g_assert_true (last_after == last_before);

  g_assert_true (cocrea_undo_apply (f->document, undo, &redo, &error));
  g_assert_no_error (error);
  check (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);
}

static void
count_cb (gpointer instance, guint *count)
{
  (*count)++;
}

static void
count_changes_cb (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* Another opening of the file, read-only (a projector view): it hears of
 * every commit of the first only through data_version, and its tally,
 * counted again, is what a fresh read gives, said with items-changed
 * over the span that differs only. */
static void
test_outside (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CocreaDocument) other = cocrea_document_open (f->path, COCREA_OPEN_READ_ONLY, &error);
  g_autoptr (CocreaTally) tally = NULL;
  g_autoptr (GListModel) snapshot = NULL; /* cocrea_tally()'s, which keeps no merge map */
  guint heard = 0, changes = 0;
  Mirror mirror;

  g_assert_no_error (error);
  tally = cocrea_tally_new (other, &error);
  g_assert_no_error (error);
  mirror_init (&mirror, G_LIST_MODEL (tally));
  snapshot = cocrea_tally (other, &error);
  g_assert_no_error (error);
  g_signal_connect (other, "outside-changed", G_CALLBACK (count_cb), &heard);
  g_signal_connect (tally, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* Nothing written: nothing heard, nothing changed. */
  g_assert_false (cocrea_document_check_outside (other));
  g_assert_true (cocrea_tally_reload (tally, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);

  for (guint step = 1; step <= 60; step++)
    {
      g_autoptr (GListModel) fresh = NULL;
      g_autoptr (GListModel) mirrored = NULL;
      g_autofree char *expected = NULL, *got = NULL, *seen = NULL;
      gint64 written = test_process_query_int (TEST_PROCESS (f), "PRAGMA data_version");

      random_edit (f, step);
      /* The writer's own commits never move its own data_version; the
       * other connection's does, whenever anything was committed. */
      g_assert_cmpint (test_process_query_int (TEST_PROCESS (f), "PRAGMA data_version"), ==, written);
      if (cocrea_document_check_outside (other))
        {
          g_assert_true (cocrea_tally_reload (tally, other, &error));
          g_assert_no_error (error);
          g_assert_true (cocrea_tally_reload (COCREA_TALLY (snapshot), other, &error));
          g_assert_no_error (error);
        }
      g_assert_false (cocrea_document_check_outside (other));
      fresh = cocrea_tally (f->document, &error);
      g_assert_no_error (error);
      expected = describe_tally (fresh);
      got = describe_tally (G_LIST_MODEL (tally));
      mirrored = mirror_items (&mirror);
      seen = describe_tally (mirrored);
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpstr (seen, ==, expected);
      g_free (got);
      got = describe_tally (snapshot);
      g_assert_cmpstr (got, ==, expected);
    }
  g_assert_cmpuint (heard, >, 30);

  /* One more contribution to the proposal at the top: the rows below it
   * keep their objects. */
  {
    g_autoptr (CocreaProposal) top = g_list_model_get_item (G_LIST_MODEL (tally), 0);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (tally));
    g_autoptr (CocreaProposal) last = g_list_model_get_item (G_LIST_MODEL (tally), n - 1);
    g_autoptr (CocreaProposal) last_after = NULL;
    g_autoptr (CocreaProposal) top_after = NULL;
    g_autoptr (CocreaContribution) like = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    CocreaContributionFields fields;
    gint64 id = 0;

    cocrea_contribution_get_fields (like, &fields);
    fields.text = "Otra voz para la primera propuesta";
    g_assert_true (cocrea_contribution_add (f->document, &fields, &id, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (cocrea_merge_into (f->document, cocrea_proposal_get_id (top), &id, 1, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (cocrea_document_check_outside (other));
    g_assert_true (cocrea_tally_reload (tally, other, &error));
    g_assert_no_error (error);
    top_after = g_list_model_get_item (G_LIST_MODEL (tally), 0);
    last_after = g_list_model_get_item (G_LIST_MODEL (tally), n - 1);
    g_assert_cmpint (cocrea_proposal_get_id (top_after), ==, cocrea_proposal_get_id (top));
    g_assert_cmpuint (cocrea_proposal_get_n_contributions (top_after), ==,
                      cocrea_proposal_get_n_contributions (top) + 1);
    g_assert_true (last_after == last);
  }
  mirror_clear (&mirror);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint seed = 1; seed <= 3; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/follow-edits/random/%u", seed);

      g_test_add (path, Fixture, GUINT_TO_POINTER (seed), fixture_setup, test_random_edits,
                  fixture_teardown);
    }
  g_test_add ("/follow-edits/bulk-middle", Fixture, GUINT_TO_POINTER (1), fixture_setup,
              test_bulk_middle, fixture_teardown);
  g_test_add ("/follow-edits/outside", Fixture, GUINT_TO_POINTER (4), fixture_setup,
              test_outside, fixture_teardown);
  return g_test_run ();
}
