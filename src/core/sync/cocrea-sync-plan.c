/* cocrea-sync-plan.c
 *
 * The plan holds one entry per item the copy changed, found by
 * cocrea-sync.c; this file keeps them and answers what the preview asks:
 * counts by kind and change, the conflicts, what cannot come in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-sync-plan-private.h"

G_DEFINE_FINAL_TYPE (CocreaSyncPlan, cocrea_sync_plan, G_TYPE_OBJECT)

static void
entry_free (SyncEntry *entry)
{
  for (int i = 0; i < entry->n_values; i++)
    sqlite3_value_free (entry->x_values[i]);
  g_free (entry->x_values);
  g_clear_object (&entry->conflict);
  g_clear_pointer (&entry->needs, g_ptr_array_unref);
  g_free (entry->uid);
  g_free (entry->skip);
  g_free (entry->alias);
  g_free (entry);
}

static void
cocrea_sync_plan_finalize (GObject *object)
{
  CocreaSyncPlan *self = COCREA_SYNC_PLAN (object);

  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->aliases);
  g_ptr_array_unref (self->entries);
  g_object_unref (self->conflicts);
  g_ptr_array_unref (self->skipped);
  g_ptr_array_unref (self->notes);
  g_free (self->copy_path);
  g_free (self->label);
  g_free (self->replica);
  g_free (self->copy_audit_digest);
  G_OBJECT_CLASS (cocrea_sync_plan_parent_class)->finalize (object);
}

static void
cocrea_sync_plan_class_init (CocreaSyncPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cocrea_sync_plan_finalize;
}

static void
cocrea_sync_plan_init (CocreaSyncPlan *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->conflicts = g_list_store_new (COCREA_TYPE_SYNC_CONFLICT);
  /* NULL-terminated, so they can be handed out as string vectors. */
  self->skipped = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->notes = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/* The kind people count an item under. */
CocreaSyncKind
sync_kind_category (SyncItemKind kind)
{
  switch (kind)
    {
    case SYNC_ITEM_ACTIVITY:
      return COCREA_SYNC_ACTIVITIES;
    case SYNC_ITEM_GROUP:
    case SYNC_ITEM_GROUP_ALIAS:
      return COCREA_SYNC_GROUPS;
    case SYNC_ITEM_PROPOSAL:
      return COCREA_SYNC_PROPOSALS;
    case SYNC_ITEM_CONTRIBUTION:
      return COCREA_SYNC_CONTRIBUTIONS;
    case SYNC_ITEM_CONTRIBUTION_LINK:
    case SYNC_ITEM_PROPOSAL_LINK:
      return COCREA_SYNC_LINKS;
    case SYNC_ITEM_SCORE:
      return COCREA_SYNC_SCORES;
    case SYNC_ITEM_COMMENT:
      return COCREA_SYNC_COMMENTS;
    case SYNC_ITEM_PROGRESS:
      return COCREA_SYNC_PROGRESS;
    case SYNC_ITEM_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* A new entry for item @kind @uid; the plan must not hold one yet. */
SyncEntry *
sync_plan_add_entry (CocreaSyncPlan *self, SyncItemKind kind, const char *uid)
{
  SyncEntry *entry = g_new0 (SyncEntry, 1);
  char *key = sync_item_key (kind, uid);

  g_assert (!g_hash_table_contains (self->by_key, key));
  entry->kind = kind;
  entry->uid = g_strdup (uid);
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_key, key, entry);
  return entry;
}

SyncEntry *
sync_plan_lookup (CocreaSyncPlan *self, SyncItemKind kind, const char *uid)
{
  g_autofree char *key = sync_item_key (kind, uid);
  return g_hash_table_lookup (self->by_key, key);
}

/* Forgets @entry (an implied change: a link of a deleted contribution). */
void
sync_plan_remove (CocreaSyncPlan *self, SyncEntry *entry)
{
  g_autofree char *key = sync_item_key (entry->kind, entry->uid);

  g_hash_table_remove (self->by_key, key);
  g_ptr_array_remove (self->entries, entry);
}

/* Fills the counts and the list of conflicts from the entries. */
void
sync_plan_count (CocreaSyncPlan *self)
{
  memset (self->counts, 0, sizeof self->counts);
  g_list_store_remove_all (self->conflicts);

  for (guint i = 0; i < self->entries->len; i++)
    {
      SyncEntry *e = self->entries->pdata[i];
      CocreaSyncKind kind = sync_kind_category (e->kind);

      if (e->conflict != NULL)
        {
          g_list_store_append (self->conflicts, e->conflict);
          continue;
        }
      if (e->skip != NULL)
        continue;
      switch (e->action)
        {
        case SYNC_ACTION_INSERT:
          self->counts[kind][COCREA_SYNC_NEW]++;
          break;
        case SYNC_ACTION_UPDATE:
          self->counts[kind][COCREA_SYNC_CHANGED]++;
          break;
        case SYNC_ACTION_DELETE:
          self->counts[kind][COCREA_SYNC_DELETED]++;
          break;
        case SYNC_ACTION_NONE:
        default:
          break;
        }
    }
}

/* The copy's path as given. */
const char *
cocrea_sync_plan_get_copy_path (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), NULL);
  return self->copy_path;
}

/* What the copy is called: the label it was handed out with ("Mesa 3"),
 * else its file name. */
const char *
cocrea_sync_plan_get_label (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), NULL);
  return self->label;
}

/* How many rows of @kind the copy brings as @change (conflicts aside). */
guint
cocrea_sync_plan_get_count (CocreaSyncPlan *self, CocreaSyncKind kind, CocreaSyncChange change)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), 0);
  g_return_val_if_fail (kind < COCREA_SYNC_N_KINDS && change < COCREA_SYNC_N_CHANGES, 0);
  return self->counts[kind][change];
}

/* How many rows the copy brings, of every kind and change, conflicts aside. */
guint
cocrea_sync_plan_get_n_changes (CocreaSyncPlan *self)
{
  guint n = 0;

  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), 0);
  for (int k = 0; k < COCREA_SYNC_N_KINDS; k++)
    for (int c = 0; c < COCREA_SYNC_N_CHANGES; c++)
      n += self->counts[k][c];
  return n;
}

/* The conflicts, as a list of #CocreaSyncConflict to decide on. */
GListModel *
cocrea_sync_plan_get_conflicts (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), NULL);
  return G_LIST_MODEL (self->conflicts);
}

/* How many conflicts nobody has decided on. */
guint
cocrea_sync_plan_get_n_unresolved (CocreaSyncPlan *self)
{
  guint n = 0, n_items;

  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), 0);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CocreaSyncConflict) c = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);
      n += cocrea_sync_conflict_get_resolution (c) == COCREA_SYNC_UNRESOLVED;
    }
  return n;
}

/* Decides every conflict alike (taking theirs only where it is offered). */
void
cocrea_sync_plan_resolve_all (CocreaSyncPlan *self, CocreaSyncResolution resolution)
{
  guint n_items;

  g_return_if_fail (COCREA_IS_SYNC_PLAN (self));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CocreaSyncConflict) c = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);
      cocrea_sync_conflict_set_resolution (c, resolution);
    }
}

/* A NULL-terminated array as a string vector; an empty one may have no storage yet. */
static const char * const *
strv_of (GPtrArray *array)
{
  static const char *const empty[] = { NULL };
  return array->pdata != NULL ? (const char * const *) array->pdata : empty;
}

/* Translated one-line reasons for rows of the copy that cannot come in
 * (a criterion this process lacks, a score off its scale…). */
const char * const *
cocrea_sync_plan_get_skipped (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), NULL);
  return strv_of (self->skipped);
}

/* Translated remarks on the copy as a whole (it does not say what it
 * started from; it is not the copy brought back last time…). */
const char * const *
cocrea_sync_plan_get_notes (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), NULL);
  return strv_of (self->notes);
}

/* TRUE when the copy brings nothing: no change, no conflict. */
gboolean
cocrea_sync_plan_is_empty (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), TRUE);
  return cocrea_sync_plan_get_n_changes (self) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)) == 0;
}

/* TRUE once cocrea_sync_apply() wrote the plan: it cannot be applied twice. */
gboolean
cocrea_sync_plan_get_applied (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), FALSE);
  return self->applied;
}

/* How many rows applying the plan wrote (its changes and the conflicts
 * decided for the copy), 0 before it is applied. */
guint
cocrea_sync_plan_get_n_written (CocreaSyncPlan *self)
{
  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), 0);
  return self->n_written;
}

/*
 * cocrea_sync_plan_describe:
 * The rows the copy brings as @change, as one translated line:
 * "12 contributions, 1 group, 3 merge links", or NULL when none.
 */
char *
cocrea_sync_plan_describe (CocreaSyncPlan *self, CocreaSyncChange change)
{
  g_autoptr (GString) line = g_string_new (NULL);

  g_return_val_if_fail (COCREA_IS_SYNC_PLAN (self), NULL);
  for (int k = 0; k < COCREA_SYNC_N_KINDS; k++)
    {
      g_autofree char *part = NULL;

      if (self->counts[k][change] == 0)
        continue;
      part = cocrea_sync_kind_count (k, self->counts[k][change]);
      if (line->len > 0)
        g_string_append (line, ", ");
      g_string_append (line, part);
    }
  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}
