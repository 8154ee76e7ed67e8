/* cocrea-merge-page.c — merging contributions under proposals, and the tally
 *
 * Left, every contribution (a multi-selection, filtered as one types);
 * right, the tally of the consolidated proposals, sortable by any
 * column. Selected contributions go under a new or an existing proposal
 * with the toolbar or by dragging them onto a tally row; a proposal
 * dragged onto another is merged into it. Every change has an "Undo"
 * toast, and Ctrl+Z / Ctrl+Shift+Z walk this page's history.
 *
 * A process may hold 100,000 contributions: the lists are column views
 * that recycle their rows, and the page reads the document once, when it
 * gets it. After that it follows what each edit changed (records-changed):
 * the contribution list reads the rows an edit touched, the tally counts
 * again the proposals they left and joined, and only those rows change on
 * screen, whether the page shows or not, so a merge at national size
 * costs a few milliseconds here and switching to the page reads nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-column-fit.h"
#include "cocrea-contribution-view.h"
#include "cocrea-contribution.h"
#include "cocrea-fold-bar.h"
#include "cocrea-ids.h"
#include "cocrea-merge-page.h"
#include "cocrea-proposal-merge.h"
#include "cocrea-proposal-dialog.h"
#include "cocrea-proposal.h"
#include "cocrea-tally.h"

/* What the cells of a column show. */
typedef enum {
  CELL_TEXT,
  CELL_ACTIVITY,
  CELL_GROUP,
  CELL_PROPOSAL,
  CELL_TITLE,
  CELL_N_CONTRIBUTIONS,
  CELL_N_GROUPS,
  CELL_N_ACTIVITIES,
  CELL_N_SUPPORTS,
} CellKind;

#define DRAG_CONTRIBUTIONS "cocrea-contributions:"
#define DRAG_PROPOSAL "cocrea-proposal:"

struct _CocreaMergePage
{
  CocreaPage parent_instance;

  /* Every contribution, filtered by the search without making an item per
   * row: at national size that is 100,000 of them (see the view). */
  CocreaContributionList *list;
  CocreaContributionView *contributions;
  GtkMultiSelection *contribution_selection;

  /* The top-level proposals with their counts; it also knows where each
   * proposal ends up, for the contributions' Proposal column. */
  CocreaTally *tally;
  GtkSortListModel *tally_sorted;
  GtkMultiSelection *tally_selection;
  gboolean following;          /* inside records_changed: one label update at the end */

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry *search_entry;
  GtkLabel *contributions_label;
  GtkLabel *tally_label;
  GtkColumnView *contributions_view;
  GtkColumnView *tally_view;
  GtkColumnViewColumn *text_column;
  GtkColumnViewColumn *activity_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *proposal_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *n_contributions_column;
  GtkColumnViewColumn *n_groups_column;
  GtkColumnViewColumn *n_activities_column;
  GtkColumnViewColumn *n_supports_column;
  GtkColumnViewColumn *supports_column_held; /* a reference, while it is out of the view */
};

G_DEFINE_FINAL_TYPE (CocreaMergePage, cocrea_merge_page, COCREA_TYPE_PAGE)

/* ---- selections ---- */

/* The ids of the selected contributions, in list order. */
static GArray *
selected_contributions (CocreaMergePage *self)
{
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->contribution_selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = cocrea_contribution_view_get_id (self->contributions, position);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* The selected proposals of the tally, in the order shown. */
static GPtrArray *
selected_proposals (CocreaMergePage *self)
{
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->tally_selection));
  GPtrArray *proposals = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (proposals, g_list_model_get_item (G_LIST_MODEL (self->tally_selection), position));
  return proposals;
}

static void
update_actions (CocreaMergePage *self)
{
  g_autoptr (GtkBitset) contributions = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->contribution_selection));
  g_autoptr (GtkBitset) proposals = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->tally_selection));
  guint64 n_contributions = gtk_bitset_get_size (contributions);
  guint64 n_proposals = gtk_bitset_get_size (proposals);
  gboolean can = cocrea_page_is_writable (COCREA_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.new-proposal", can && n_contributions > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.into-selected",
                                 can && n_contributions > 0 && n_proposals == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.unmerge", can && n_contributions > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge-proposals", can && n_proposals == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.edit-proposal", can && n_proposals == 1);
}

static void
update_labels (CocreaMergePage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->contributions));
  guint all = cocrea_contribution_view_get_n_total (self->contributions);
  guint proposals = g_list_model_get_n_items (G_LIST_MODEL (self->tally_selection));
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->contribution_selection));
  guint n_selected = (guint) gtk_bitset_get_size (selected);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tally = NULL;

  if (shown == all)
    count = g_strdup_printf (ngettext ("%'u Contribution", "%'u Contributions", all), all);
  else
    /* TRANSLATORS: while filtering, "12 of 345 Contributions" */
    count = g_strdup_printf (ngettext ("%'u of %'u Contribution", "%'u of %'u Contributions", all),
                             shown, all);
  if (n_selected > 0)
    /* TRANSLATORS: "345 Contributions, 2 selected" */
    text = g_strdup_printf (ngettext ("%s, %u selected", "%s, %u selected", n_selected), count,
                            n_selected);
  else
    text = g_steal_pointer (&count);
  gtk_label_set_text (self->contributions_label, text);

  tally = g_strdup_printf (ngettext ("Tally: %'u Proposal", "Tally: %'u Proposals", proposals),
                           proposals);
  gtk_label_set_text (self->tally_label, tally);
}

static void
selection_changed_cb (CocreaMergePage *self)
{
  if (self->following)
    return;
  update_actions (self);
  update_labels (self);
}

/* ---- cells ---- */

static const char *
proposal_title (CocreaMergePage *self, gint64 id)
{
  return id != 0 && self->tally != NULL ? cocrea_tally_get_top_title (self->tally, id) : NULL;
}

/* The list item a cell's widget shows, for drag and drop. */
static GtkListItem *
cell_list_item (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "list-item");
}

static GdkContentProvider *
contribution_drag_prepare_cb (GtkDragSource *source, double x, double y, CocreaMergePage *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkListItem *list_item = cell_list_item (cell);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GString) text = NULL;

  if (list_item == NULL || gtk_list_item_get_item (list_item) == NULL ||
      !cocrea_page_is_writable (COCREA_PAGE (self)))
    return NULL;

  /* Dragging a row outside the selection drags that row alone. */
  if (!gtk_list_item_get_selected (list_item))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->contribution_selection),
                                     gtk_list_item_get_position (list_item), TRUE);
  ids = selected_contributions (self);

  text = g_string_new (DRAG_CONTRIBUTIONS);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  /* The provider copies the string it is given. */
  return gdk_content_provider_new_typed (G_TYPE_STRING, text->str);
}

static GdkContentProvider *
proposal_drag_prepare_cb (GtkDragSource *source, double x, double y, CocreaMergePage *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkListItem *list_item = cell_list_item (cell);
  CocreaProposal *proposal;
  g_autofree char *text = NULL;

  if (list_item == NULL || (proposal = gtk_list_item_get_item (list_item)) == NULL ||
      !cocrea_page_is_writable (COCREA_PAGE (self)))
    return NULL;

  text = g_strdup_printf (DRAG_PROPOSAL "%" G_GINT64_FORMAT, cocrea_proposal_get_id (proposal));
  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static void merge_contributions_into (CocreaMergePage *self, gint64 proposal_id,
                                      const gint64 *ids, guint n_ids);
static void merge_proposal_into (CocreaMergePage *self, gint64 source_id, gint64 target_id);

/* A drop on a tally row merges what was dragged into that row's proposal. */
static gboolean
tally_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y,
               CocreaMergePage *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkListItem *list_item = cell_list_item (cell);
  CocreaProposal *proposal;
  const char *text;

  if (!G_VALUE_HOLDS_STRING (value) || list_item == NULL ||
      (proposal = gtk_list_item_get_item (list_item)) == NULL)
    return FALSE;
  text = g_value_get_string (value);
  if (text == NULL)
    return FALSE;

  if (g_str_has_prefix (text, DRAG_CONTRIBUTIONS))
    {
      g_auto (GStrv) parts = g_strsplit (text + strlen (DRAG_CONTRIBUTIONS), ",", -1);
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

          if (id > 0)
            g_array_append_val (ids, id);
        }
      if (ids->len == 0)
        return FALSE;
      merge_contributions_into (self, cocrea_proposal_get_id (proposal),
                                (const gint64 *) ids->data, ids->len);
      return TRUE;
    }

  if (g_str_has_prefix (text, DRAG_PROPOSAL))
    {
      gint64 source = g_ascii_strtoll (text + strlen (DRAG_PROPOSAL), NULL, 10);

      if (source <= 0 || source == cocrea_proposal_get_id (proposal))
        return FALSE;
      merge_proposal_into (self, source, cocrea_proposal_get_id (proposal));
      return TRUE;
    }

  return FALSE;
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, CocreaMergePage *self)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (label), kind >= CELL_N_CONTRIBUTIONS ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  /* Words are what is read here: texts, titles and names wrap over a few
   * lines rather than end in "…" after a dozen letters. The small width
   * in characters keeps a long word from widening the column. */
  if (kind < CELL_N_CONTRIBUTIONS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), kind == CELL_TEXT || kind == CELL_TITLE ? 4 : 3);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  if (kind >= CELL_N_CONTRIBUTIONS)
    gtk_widget_add_css_class (label, "numeric");
  if (kind == CELL_ACTIVITY || kind == CELL_GROUP)
    gtk_widget_add_css_class (label, "dim-label");
  g_object_set_data (G_OBJECT (label), "list-item", list_item);

  /* Every cell starts a drag, so a row can be grabbed anywhere. */
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  if (kind <= CELL_PROPOSAL)
    g_signal_connect_object (source, "prepare", G_CALLBACK (contribution_drag_prepare_cb), self, 0);
  else
    {
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

      g_signal_connect_object (source, "prepare", G_CALLBACK (proposal_drag_prepare_cb), self, 0);
      g_signal_connect_object (target, "drop", G_CALLBACK (tally_drop_cb), self, 0);
      gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (target));
    }
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));

  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, CocreaMergePage *self)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *number = NULL;
  const char *text = NULL;

  switch (kind)
    {
    case CELL_TEXT:
      text = cocrea_contribution_get_text (item);
      break;
    case CELL_ACTIVITY:
      text = cocrea_contribution_get_activity_name (item);
      break;
    case CELL_GROUP:
      text = cocrea_contribution_get_group_name (item);
      break;
    case CELL_PROPOSAL:
      text = proposal_title (self, cocrea_contribution_get_proposal_id (item));
      break;
    case CELL_TITLE:
      text = cocrea_proposal_get_title (item);
      break;
    case CELL_N_CONTRIBUTIONS:
      text = number = g_strdup_printf ("%u", cocrea_proposal_get_n_contributions (item));
      break;
    case CELL_N_GROUPS:
      text = number = g_strdup_printf ("%u", cocrea_proposal_get_n_groups (item));
      break;
    case CELL_N_ACTIVITIES:
      text = number = g_strdup_printf ("%u", cocrea_proposal_get_n_activities (item));
      break;
    case CELL_N_SUPPORTS:
      text = number = g_strdup_printf ("%u", cocrea_proposal_get_n_supports (item));
      break;
    default:
      g_assert_not_reached ();
    }

  /* Only the first line: a row stays one line high. */
  if (kind == CELL_TEXT && text != NULL && strchr (text, '\n') != NULL)
    {
      g_autofree char *line = g_strndup (text, strchr (text, '\n') - text);

      gtk_label_set_text (label, line);
    }
  else
    gtk_label_set_text (label, text != NULL ? text : "");
}

static void
set_column_factory (CocreaMergePage *self, GtkColumnViewColumn *column, CellKind kind)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
  gtk_column_view_column_set_factory (column, factory);
}

/* ---- sorting the tally ---- */

static int
compare_uint (guint a, guint b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_title (gconstpointer a, gconstpointer b, gpointer user_data)
{
  g_autofree char *ka = g_utf8_casefold (cocrea_proposal_get_title ((CocreaProposal *) a), -1);
  g_autofree char *kb = g_utf8_casefold (cocrea_proposal_get_title ((CocreaProposal *) b), -1);

  return g_utf8_collate (ka, kb);
}

static int
compare_n_contributions (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_uint (cocrea_proposal_get_n_contributions ((CocreaProposal *) a),
                       cocrea_proposal_get_n_contributions ((CocreaProposal *) b));
}

static int
compare_n_groups (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_uint (cocrea_proposal_get_n_groups ((CocreaProposal *) a),
                       cocrea_proposal_get_n_groups ((CocreaProposal *) b));
}

static int
compare_n_activities (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_uint (cocrea_proposal_get_n_activities ((CocreaProposal *) a),
                       cocrea_proposal_get_n_activities ((CocreaProposal *) b));
}

static int
compare_n_supports (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_uint (cocrea_proposal_get_n_supports ((CocreaProposal *) a),
                       cocrea_proposal_get_n_supports ((CocreaProposal *) b));
}

static void
set_column_sorter (GtkColumnViewColumn *column, GCompareDataFunc compare)
{
  g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, NULL, NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

/* ---- reading the document ---- */

/* The id of the item at @position of @model: a contribution's from the
 * view without making its item, a proposal's from the tally. */
static gint64
item_id (CocreaMergePage *self, GListModel *model, guint position)
{
  g_autoptr (GObject) item = NULL;

  if (model == G_LIST_MODEL (self->contribution_selection))
    return cocrea_contribution_view_get_id (self->contributions, position);
  item = g_list_model_get_item (model, position);
  return cocrea_proposal_get_id (COCREA_PROPOSAL (item));
}

static void
remember_selection (CocreaMergePage *self, GtkMultiSelection *selection, GHashTable *ids)
{
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 *id = g_new (gint64, 1);

      *id = item_id (self, G_LIST_MODEL (selection), position);
      g_hash_table_add (ids, id);
    }
}

/* Selects again the rows whose ids are in @ids, in one change. */
static void
restore_selection (CocreaMergePage *self, GtkMultiSelection *selection, GHashTable *ids)
{
  g_autoptr (GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  if (g_hash_table_size (ids) == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      gint64 id = item_id (self, G_LIST_MODEL (selection), i);

      if (g_hash_table_contains (ids, &id))
        gtk_bitset_add (wanted, i);
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (selection), wanted, mask);
}

/* Supports online only in a process with a Decidim phase. */
static void
update_supports_column (CocreaMergePage *self)
{
  GListModel *tally = G_LIST_MODEL (self->tally);
  gboolean with_supports = FALSE;

  for (guint i = 0; tally != NULL && i < g_list_model_get_n_items (tally) && !with_supports; i++)
    {
      g_autoptr (CocreaProposal) proposal = g_list_model_get_item (tally, i);

      with_supports = cocrea_proposal_get_n_supports (proposal) > 0;
    }
  /* Added and taken away rather than hidden: GTK 4.8 still gives a hidden
   * column's width to no one, which took it from the titles. */
  if (with_supports && gtk_column_view_column_get_column_view (self->supports_column_held) == NULL)
    gtk_column_view_append_column (self->tally_view, self->supports_column_held);
  else if (!with_supports && gtk_column_view_column_get_column_view (self->supports_column_held) != NULL)
    gtk_column_view_remove_column (self->tally_view, self->supports_column_held);
}

/* Reads contributions and tally afresh (a new document), keeping the
 * selections. */
static void
cocrea_merge_page_reload (CocreaPage *page)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (CocreaContributionList) list = NULL;
  g_autoptr (CocreaTally) tally = NULL;
  g_autoptr (GHashTable) selected_contributions_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) selected_proposal_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GError) error = NULL;

  remember_selection (self, self->contribution_selection, selected_contributions_ids);
  remember_selection (self, self->tally_selection, selected_proposal_ids);

  if (document != NULL)
    {
      list = cocrea_contribution_list_new (document, 0, 0, &error);
      if (list != NULL)
        tally = cocrea_tally_new (document, &error);
      if (tally == NULL)
        {
          cocrea_page_add_toast (COCREA_PAGE (self), error->message);
          return;
        }
    }

  /* The tally first: the contributions' Proposal column asks it. */
  g_set_object (&self->tally, tally);
  gtk_sort_list_model_set_model (self->tally_sorted, G_LIST_MODEL (tally));
  g_set_object (&self->list, list);
  cocrea_contribution_view_set_list (self->contributions, list);
  update_supports_column (self);

  restore_selection (self, self->contribution_selection, selected_contributions_ids);
  restore_selection (self, self->tally_selection, selected_proposal_ids);
  update_actions (self);
  update_labels (self);
}

/*
 * cocrea_merge_page_records_changed:
 * Follows one kind of record an edit changed: the contribution list
 * takes contributions, activities and groups, the tally proposals and
 * contributions (and supports), and the rows whose proposal's title may
 * read differently now are shown anew. Selections are kept by id: a row
 * that changed is a new item. A failure reads everything again.
 */
static void
cocrea_merge_page_records_changed (CocreaPage *page, CocreaRecordChanges *changes)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (GHashTable) selected_contributions_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) selected_proposal_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) retitled = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  CocreaRecordKind kind = cocrea_record_changes_get_kind (changes);

  if (self->list == NULL || self->tally == NULL ||
      (kind != COCREA_RECORD_CONTRIBUTION && kind != COCREA_RECORD_PROPOSAL &&
       kind != COCREA_RECORD_ACTIVITY && kind != COCREA_RECORD_GROUP &&
       kind != COCREA_RECORD_SOURCE))
    return;

  remember_selection (self, self->contribution_selection, selected_contributions_ids);
  remember_selection (self, self->tally_selection, selected_proposal_ids);
  self->following = TRUE;
  if (!cocrea_tally_apply (self->tally, document, changes, retitled, &error) ||
      !cocrea_contribution_list_apply (self->list, document, changes, &error))
    {
      self->following = FALSE;
      g_debug ("Merge & tally reads everything again: %s", error->message);
      cocrea_merge_page_reload (page);
      return;
    }
  if (retitled->len > 0)
    {
      g_array_sort (retitled, cocrea_ids_compare);
      cocrea_contribution_list_renew_proposals (self->list, (const gint64 *) retitled->data,
                                                retitled->len);
    }
  /* A merge can bring the first supports into the tally, an unmerge take
   * the last away. */
  if (kind != COCREA_RECORD_ACTIVITY && kind != COCREA_RECORD_GROUP)
    update_supports_column (self);
  restore_selection (self, self->contribution_selection, selected_contributions_ids);
  restore_selection (self, self->tally_selection, selected_proposal_ids);
  self->following = FALSE;
  update_actions (self);
  update_labels (self);
}

static void
search_changed_cb (CocreaMergePage *self)
{
  cocrea_contribution_view_set_search (self->contributions,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_labels (self);
}

/* ---- merging ---- */

static void
merge_contributions_into (CocreaMergePage *self, gint64 proposal_id, const gint64 *ids, guint n_ids)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  if (!cocrea_merge_into (document, proposal_id, ids, n_ids, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Merge"), error);
      return;
    }
  text = g_strdup_printf (ngettext ("Merged %u contribution into “%s”",
                                    "Merged %u contributions into “%s”", n_ids),
                          n_ids, proposal_title (self, proposal_id));
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

static void
merge_proposal_into (CocreaMergePage *self, gint64 source_id, gint64 target_id)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source_title = g_strdup (proposal_title (self, source_id));

  if (!cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  if (!cocrea_merge_proposal (document, source_id, target_id, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Merge the Proposals"), error);
      return;
    }
  /* TRANSLATORS: "Merged “Bike lanes” into “Safe streets”" */
  text = g_strdup_printf (_("Merged “%s” into “%s”"), source_title != NULL ? source_title : "",
                          proposal_title (self, target_id));
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

static void
new_proposal_response_cb (AdwMessageDialog *dialog, const char *response, CocreaMergePage *self)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 proposal_id = 0;

  if (g_strcmp0 (response, "merge") != 0 || !cocrea_page_is_writable (COCREA_PAGE (self)))
    return;

  if (!cocrea_merge_new_proposal (document, title, (const gint64 *) ids->data, ids->len,
                                  &proposal_id, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Merge"), error);
      return;
    }
  text = g_strdup_printf (ngettext ("Merged %u contribution into the new proposal “%s”",
                                    "Merged %u contributions into the new proposal “%s”", ids->len),
                          ids->len, title);
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

static void
title_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* The core refuses a proposal without a title: say so before. */
  adw_message_dialog_set_response_enabled (dialog, "merge", *title != '\0');
}

static void
title_activated_cb (GtkEntry *entry, AdwMessageDialog *dialog)
{
  /* As the Merge button does: answer, then close (a second Enter would
   * otherwise make a second, empty proposal). */
  if (!adw_message_dialog_get_response_enabled (dialog, "merge"))
    return;
  adw_message_dialog_response (dialog, "merge");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
new_proposal_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GArray) ids = selected_contributions (self);
  g_autoptr (CocreaContribution) first = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (ids->len == 0 || !cocrea_page_is_writable (COCREA_PAGE (self)))
    return;

  /* Prefilled with the first selected text, its first line, not too long. */
  first = cocrea_contribution_lookup (document, g_array_index (ids, gint64, 0), NULL);
  if (first != NULL)
    {
      const char *text = cocrea_contribution_get_text (first);
      const char *newline = strchr (text, '\n');
      g_autofree char *line = newline != NULL ? g_strndup (text, newline - text) : g_strdup (text);

      title = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 200));
    }

  body = g_strdup_printf (ngettext ("The selected contribution goes under a new consolidated proposal.",
                                    "The %u selected contributions go under a new consolidated proposal.",
                                    ids->len),
                          ids->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Merge into a New Proposal"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), title != NULL ? title : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Title of the proposal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of the new proposal"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (title_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (title_activated_cb), dialog);
  title_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  g_object_set_data_full (G_OBJECT (dialog), "ids", g_steal_pointer (&ids),
                          (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_proposal_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
into_selected_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (widget);
  g_autoptr (GArray) ids = selected_contributions (self);
  g_autoptr (GPtrArray) proposals = selected_proposals (self);

  if (ids->len == 0 || proposals->len != 1)
    return;
  merge_contributions_into (self, cocrea_proposal_get_id (proposals->pdata[0]),
                            (const gint64 *) ids->data, ids->len);
}

static void
unmerge_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (widget);
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (GArray) ids = selected_contributions (self);
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (ids->len == 0 || !cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  if (!cocrea_unmerge (document, (const gint64 *) ids->data, ids->len, &undo, &error))
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Unmerge"), error);
      return;
    }
  text = g_strdup_printf (ngettext ("Unmerged %u contribution", "Unmerged %u contributions",
                                    ids->len),
                          ids->len);
  cocrea_page_remember (COCREA_PAGE (self), undo, text);
}

/* Of two selected proposals, the one fewer people backed goes into the
 * other: the order they were clicked in is not something one can see. */
static void
merge_proposals_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (widget);
  g_autoptr (GPtrArray) proposals = selected_proposals (self);
  CocreaProposal *a, *b;

  if (proposals->len != 2)
    return;
  a = proposals->pdata[0];
  b = proposals->pdata[1];
  if (cocrea_proposal_get_n_contributions (a) < cocrea_proposal_get_n_contributions (b) ||
      (cocrea_proposal_get_n_contributions (a) == cocrea_proposal_get_n_contributions (b) &&
       cocrea_proposal_get_id (a) > cocrea_proposal_get_id (b)))
    merge_proposal_into (self, cocrea_proposal_get_id (a), cocrea_proposal_get_id (b));
  else
    merge_proposal_into (self, cocrea_proposal_get_id (b), cocrea_proposal_get_id (a));
}

static void
proposal_saved_cb (CocreaMergePage *self, CocreaUndo *undo)
{
  cocrea_page_remember (COCREA_PAGE (self), undo, _("Proposal details saved"));
}

static void
edit_proposal_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (widget);
  g_autoptr (GPtrArray) proposals = selected_proposals (self);
  g_autoptr (GError) error = NULL;
  CocreaProposalDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (proposals->len != 1 || !cocrea_page_is_writable (COCREA_PAGE (self)))
    return;
  dialog = cocrea_proposal_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       cocrea_page_get_document (COCREA_PAGE (self)),
                                       cocrea_proposal_get_id (proposals->pdata[0]), &error);
  if (dialog == NULL)
    {
      cocrea_page_show_error (COCREA_PAGE (self), _("Could Not Read the Proposal"), error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (proposal_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tally_activated_cb (CocreaMergePage *self, guint position)
{
  /* Double-click or Enter on a proposal opens its details. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->tally_selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "merge.edit-proposal", NULL);
}

static void
find_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (COCREA_MERGE_PAGE (widget)->search_entry));
}

/* ---- the document ---- */

/* The selections belonged to the document shown before. */
static void
cocrea_merge_page_document_set (CocreaPage *page)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (page);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->contribution_selection));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->tally_selection));
  update_actions (self);
}

static void
cocrea_merge_page_dispose (GObject *object)
{
  CocreaMergePage *self = COCREA_MERGE_PAGE (object);

  if (self->contributions_view != NULL)
    gtk_column_view_set_model (self->contributions_view, NULL);
  if (self->tally_view != NULL)
    gtk_column_view_set_model (self->tally_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_MERGE_PAGE);
  g_clear_object (&self->contribution_selection);
  g_clear_object (&self->tally_selection);
  g_clear_object (&self->tally_sorted);
  g_clear_object (&self->contributions);
  g_clear_object (&self->tally);
  g_clear_object (&self->list);
  g_clear_object (&self->supports_column_held);

  G_OBJECT_CLASS (cocrea_merge_page_parent_class)->dispose (object);
}

static void
cocrea_merge_page_class_init (CocreaMergePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_merge_page_dispose;
  page_class->document_set = cocrea_merge_page_document_set;
  page_class->reload = cocrea_merge_page_reload;
  page_class->records_changed = cocrea_merge_page_records_changed;

  g_type_ensure (COCREA_TYPE_FOLD_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-merge-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, contributions_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, tally_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, contributions_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, tally_view);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, text_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, activity_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, group_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, proposal_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, title_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, n_contributions_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, n_groups_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, n_activities_column);
  gtk_widget_class_bind_template_child (widget_class, CocreaMergePage, n_supports_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "merge.new-proposal", NULL, new_proposal_action);
  gtk_widget_class_install_action (widget_class, "merge.into-selected", NULL, into_selected_action);
  gtk_widget_class_install_action (widget_class, "merge.unmerge", NULL, unmerge_action);
  gtk_widget_class_install_action (widget_class, "merge.merge-proposals", NULL,
                                   merge_proposals_action);
  gtk_widget_class_install_action (widget_class, "merge.edit-proposal", NULL, edit_proposal_action);
  gtk_widget_class_install_action (widget_class, "merge.find", NULL, find_action);
  cocrea_page_class_install_undo_action (page_class, "merge");
  cocrea_page_class_install_history_keys (page_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "merge.new-proposal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "merge.into-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK,
                                       "merge.unmerge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "merge.find", NULL);
}

static void
cocrea_merge_page_init (CocreaMergePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cocrea_page_set_toast_overlay (COCREA_PAGE (self), self->toast_overlay);

  self->contributions = cocrea_contribution_view_new ();
  self->contribution_selection =
    gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->contributions)));
  set_column_factory (self, self->text_column, CELL_TEXT);
  set_column_factory (self, self->activity_column, CELL_ACTIVITY);
  set_column_factory (self, self->group_column, CELL_GROUP);
  set_column_factory (self, self->proposal_column, CELL_PROPOSAL);
  gtk_column_view_set_model (self->contributions_view, GTK_SELECTION_MODEL (self->contribution_selection));

  set_column_factory (self, self->title_column, CELL_TITLE);
  set_column_factory (self, self->n_contributions_column, CELL_N_CONTRIBUTIONS);
  set_column_factory (self, self->n_groups_column, CELL_N_GROUPS);
  set_column_factory (self, self->n_activities_column, CELL_N_ACTIVITIES);
  set_column_factory (self, self->n_supports_column, CELL_N_SUPPORTS);
  self->supports_column_held = g_object_ref (self->n_supports_column);
  set_column_sorter (self->title_column, compare_title);
  set_column_sorter (self->n_contributions_column, compare_n_contributions);
  set_column_sorter (self->n_groups_column, compare_n_groups);
  set_column_sorter (self->n_activities_column, compare_n_activities);
  set_column_sorter (self->n_supports_column, compare_n_supports);
  /* Unsorted, the tally keeps the core's order: most contributions first. */
  self->tally_sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->tally_view)));
  self->tally_selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->tally_sorted)));
  gtk_column_view_set_model (self->tally_view, GTK_SELECTION_MODEL (self->tally_selection));
  g_signal_connect_object (self->tally_view, "activate", G_CALLBACK (tally_activated_cb), self,
                           G_CONNECT_SWAPPED);
  /* Texts and titles wrap in the width the other columns leave. */
  cocrea_column_fit (self->contributions_view, 120);
  cocrea_column_fit (self->tally_view, 120);
  /* The counts' columns as wide as their headings, whole at any text size
   * ("Contribut" at 150 % when they were fixed). */
  cocrea_column_fit_content (self->n_contributions_column, NULL, COCREA_COLUMN_FIT_NONE, 0);
  cocrea_column_fit_content (self->n_groups_column, NULL, COCREA_COLUMN_FIT_NONE, 0);
  cocrea_column_fit_content (self->n_activities_column, NULL, COCREA_COLUMN_FIT_NONE, 0);
  cocrea_column_fit_content (self->n_supports_column, NULL, COCREA_COLUMN_FIT_NONE, 0);

  g_signal_connect_object (self->contribution_selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contribution_selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tally_selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
  update_labels (self);
}
