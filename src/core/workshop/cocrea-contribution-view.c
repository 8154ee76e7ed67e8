/* cocrea-contribution-view.c
 *
 * The pages that list every contribution of a process filter them as one
 * types. A GtkFilterListModel over a GListStore asks each of 100,000 items
 * whether it matches, which first creates 100,000 GObjects, and copying a
 * fresh list into the store creates them all again after every edit: half
 * a second at national size. This view instead keeps the matching
 * positions of a CocreaContributionList, found by scanning its rows
 * (cocrea_contribution_list_filter()), so items are made only for the
 * rows a list view shows.
 *
 * When the list follows an edit (cocrea_contribution_list_apply()), the
 * view passes on what changed at the positions it shows, so a merge of
 * five rows is five small changes here too, not a new list.
 *
 * It has no GTK in it: any GListModel consumer can use it, the tests too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cocrea-contribution-view.h"

#include "cocrea-contribution.h"

struct _CocreaContributionView {
  GObject parent_instance;

  CocreaContributionList *list; /* or NULL: no items */
  gulong items_changed_id;
  char *search;
  char **words;                 /* from @search; NULL when it has none: every row */
  guint *positions;             /* the matching positions in @list, when @words */
  guint n_positions;
};

enum {
  PROP_0,
  PROP_LIST,
  PROP_SEARCH,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CocreaContributionView, cocrea_contribution_view, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
n_total (CocreaContributionView *self)
{
  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static guint
n_items (CocreaContributionView *self)
{
  return self->words != NULL ? self->n_positions : n_total (self);
}

/* The position in the list of the view's @position, which must exist. */
static guint
list_position (CocreaContributionView *self, guint position)
{
  return self->words != NULL ? self->positions[position] : position;
}

static GType
get_item_type (GListModel *model)
{
  return COCREA_TYPE_CONTRIBUTION;
}

static guint
get_n_items (GListModel *model)
{
  return n_items (COCREA_CONTRIBUTION_VIEW (model));
}

static gpointer
get_item (GListModel *model, guint position)
{
  CocreaContributionView *self = COCREA_CONTRIBUTION_VIEW (model);

  if (position >= n_items (self))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->list), list_position (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Finds the matching positions again and tells the views the items
 * changed, all at once: @removed were there before. */
static void
refilter (CocreaContributionView *self, guint removed)
{
  g_clear_pointer (&self->positions, g_free);
  self->n_positions = 0;
  if (self->words != NULL && self->list != NULL)
    {
      self->positions = g_new (guint, MAX (n_total (self), 1));
      self->n_positions = cocrea_contribution_list_filter (self->list,
                                                           (const char * const *) self->words,
                                                           self->positions);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n_items (self));
  if (removed != n_items (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The first index of @self->positions holding a list position not below @position. */
static guint
positions_lower_bound (CocreaContributionView *self, guint position)
{
  guint lo = 0, hi = self->n_positions;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->positions[mid] < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/*
 * list_items_changed_cb:
 * The list changed @removed rows at @position into @added: without a
 * search the view shows the same change; with one, the rows that matched
 * in that range go, the new rows that match come, and the positions after
 * move by the difference.
 */
static void
list_items_changed_cb (CocreaContributionList *list, guint position, guint removed, guint added,
                       CocreaContributionView *self)
{
  guint first, last, n_new = 0;
  g_autofree guint *positions = NULL;
  guint n = 0;

  if (self->words == NULL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      if (removed != added)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }

  first = positions_lower_bound (self, position);
  last = positions_lower_bound (self, position + removed);
  positions = g_new (guint, self->n_positions - (last - first) + added + 1);
  memcpy (positions, self->positions, first * sizeof (guint));
  n = first;
  for (guint p = position; p < position + added; p++)
    if (cocrea_contribution_list_matches (list, p, (const char * const *) self->words))
      {
        positions[n++] = p;
        n_new++;
      }
  for (guint i = last; i < self->n_positions; i++)
    positions[n++] = self->positions[i] + added - removed;

  g_free (self->positions);
  self->positions = g_steal_pointer (&positions);
  self->n_positions = n;
  if (last - first == 0 && n_new == 0)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, n_new);
  if (last - first != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
cocrea_contribution_view_finalize (GObject *object)
{
  CocreaContributionView *self = COCREA_CONTRIBUTION_VIEW (object);

  if (self->list != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->list);
  g_clear_object (&self->list);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->positions, g_free);
  G_OBJECT_CLASS (cocrea_contribution_view_parent_class)->finalize (object);
}

static void
cocrea_contribution_view_get_property (GObject *object, guint prop_id, GValue *value,
                                       GParamSpec *pspec)
{
  CocreaContributionView *self = COCREA_CONTRIBUTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, n_items (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_contribution_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                       GParamSpec *pspec)
{
  CocreaContributionView *self = COCREA_CONTRIBUTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIST:
      cocrea_contribution_view_set_list (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      cocrea_contribution_view_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_contribution_view_class_init (CocreaContributionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_contribution_view_finalize;
  object_class->get_property = cocrea_contribution_view_get_property;
  object_class->set_property = cocrea_contribution_view_set_property;

  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, COCREA_TYPE_CONTRIBUTION_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cocrea_contribution_view_init (CocreaContributionView *self)
{
  self->search = g_strdup ("");
}

/* An empty view; give it a list with cocrea_contribution_view_set_list(). */
CocreaContributionView *
cocrea_contribution_view_new (void)
{
  return g_object_new (COCREA_TYPE_CONTRIBUTION_VIEW, NULL);
}

/**
 * cocrea_contribution_view_set_list:
 * @self: a view
 * @list: (nullable): the contributions to show
 *
 * Shows @list, filtered by the current search, and follows its changes.
 */
void
cocrea_contribution_view_set_list (CocreaContributionView *self, CocreaContributionList *list)
{
  guint removed;

  g_return_if_fail (COCREA_IS_CONTRIBUTION_VIEW (self));
  g_return_if_fail (list == NULL || COCREA_IS_CONTRIBUTION_LIST (list));

  if (self->list == list)
    return;
  removed = n_items (self);
  if (self->list != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->list);
  g_set_object (&self->list, list);
  if (list != NULL)
    self->items_changed_id = g_signal_connect (list, "items-changed",
                                               G_CALLBACK (list_items_changed_cb), self);
  refilter (self, removed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

/* The list shown, or NULL. */
CocreaContributionList *
cocrea_contribution_view_get_list (CocreaContributionView *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_VIEW (self), NULL);
  return self->list;
}

/**
 * cocrea_contribution_view_set_search:
 * @self: a view
 * @text: (nullable): what the person typed
 *
 * Shows only the contributions matching every word of @text, as
 * cocrea_contribution_matches() decides; "" or %NULL shows them all.
 */
void
cocrea_contribution_view_set_search (CocreaContributionView *self, const char *text)
{
  g_auto (GStrv) words = NULL;
  guint removed;

  g_return_if_fail (COCREA_IS_CONTRIBUTION_VIEW (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (self->search, text))
    return;

  words = cocrea_contribution_filter_words (text);
  if (words != NULL && words[0] == NULL)
    g_clear_pointer (&words, g_strfreev);

  removed = n_items (self);
  g_free (self->search);
  self->search = g_strdup (text);
  g_strfreev (self->words);
  self->words = g_steal_pointer (&words);
  refilter (self, removed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/* The search shown, "" for none. */
const char *
cocrea_contribution_view_get_search (CocreaContributionView *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_VIEW (self), "");
  return self->search;
}

/* How many contributions the list holds, matching or not. */
guint
cocrea_contribution_view_get_n_total (CocreaContributionView *self)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_VIEW (self), 0);
  return n_total (self);
}

/* The id of the contribution at @position, without making its item;
 * 0 past the end. */
gint64
cocrea_contribution_view_get_id (CocreaContributionView *self, guint position)
{
  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_VIEW (self), 0);

  if (position >= n_items (self))
    return 0;
  return cocrea_contribution_list_get_id (self->list, list_position (self, position));
}

/* The position of contribution @id in the view, or G_MAXUINT when it is
 * not shown: a scan of ids, no items made. For keeping a selection. */
guint
cocrea_contribution_view_find (CocreaContributionView *self, gint64 id)
{
  guint n;

  g_return_val_if_fail (COCREA_IS_CONTRIBUTION_VIEW (self), G_MAXUINT);

  n = n_items (self);
  for (guint i = 0; i < n; i++)
    if (cocrea_contribution_list_get_id (self->list, list_position (self, i)) == id)
      return i;
  return G_MAXUINT;
}
