/* cocrea-record-changes.c
 *
 * Three sorted arrays of ids, one per CocreaChange. Immutable once the
 * document emits it: handlers may keep a reference, never change it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-ids.h"
#include "cocrea-record-changes.h"

struct _CocreaRecordChanges {
  gatomicrefcount ref_count;
  CocreaRecordKind kind;
  GArray *ids[COCREA_N_CHANGES]; /* gint64, ascending, no repeats */
};

G_DEFINE_BOXED_TYPE (CocreaRecordChanges, cocrea_record_changes, cocrea_record_changes_ref,
                     cocrea_record_changes_unref)

static const char *const nicks[COCREA_N_RECORD_KINDS] = {
  [COCREA_RECORD_PROCESS] = "process",
  [COCREA_RECORD_STAGE] = "stage",
  [COCREA_RECORD_ACTIVITY] = "activity",
  [COCREA_RECORD_GROUP] = "group",
  [COCREA_RECORD_PROPOSAL] = "proposal",
  [COCREA_RECORD_CONTRIBUTION] = "contribution",
  [COCREA_RECORD_SOURCE] = "source",
  [COCREA_RECORD_CRITERION] = "criterion",
  [COCREA_RECORD_EVALUATOR] = "evaluator",
  [COCREA_RECORD_SCORE] = "score",
  [COCREA_RECORD_DECISION] = "decision",
  [COCREA_RECORD_COMMITMENT] = "commitment",
  [COCREA_RECORD_MILESTONE] = "milestone",
  [COCREA_RECORD_CONTACT] = "contact",
  [COCREA_RECORD_ACTOR] = "actor",
  [COCREA_RECORD_PROGRESS] = "progress",
  [COCREA_RECORD_COMMENT] = "comment",
};

/* The signal detail of @kind: "contribution", "proposal"… */
const char *
cocrea_record_kind_to_nick (CocreaRecordKind kind)
{
  g_return_val_if_fail ((guint) kind < COCREA_N_RECORD_KINDS, NULL);
  return nicks[kind];
}

/* An empty set of changes to records of @kind. */
CocreaRecordChanges *
cocrea_record_changes_new (CocreaRecordKind kind)
{
  CocreaRecordChanges *self;

  g_return_val_if_fail ((guint) kind < COCREA_N_RECORD_KINDS, NULL);

  self = g_new0 (CocreaRecordChanges, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  for (guint c = 0; c < COCREA_N_CHANGES; c++)
    self->ids[c] = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

CocreaRecordChanges *
cocrea_record_changes_ref (CocreaRecordChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cocrea_record_changes_unref (CocreaRecordChanges *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint c = 0; c < COCREA_N_CHANGES; c++)
    g_array_unref (self->ids[c]);
  g_free (self);
}

/*
 * cocrea_record_changes_add:
 * Notes that record @id had @change. For the document, which builds the
 * set before emitting it (and for tests); ids come in any order, and a
 * repeated one is kept once.
 */
void
cocrea_record_changes_add (CocreaRecordChanges *self, CocreaChange change, gint64 id)
{
  GArray *ids;
  guint at;

  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) change < COCREA_N_CHANGES);

  ids = self->ids[change];
  /* Ids usually come in order: append without searching. */
  if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) < id)
    {
      g_array_append_val (ids, id);
      return;
    }
  at = cocrea_ids_lower_bound ((const gint64 *) ids->data, ids->len, id);
  if (at < ids->len && g_array_index (ids, gint64, at) == id)
    return;
  g_array_insert_val (ids, at, id);
}

CocreaRecordKind
cocrea_record_changes_get_kind (const CocreaRecordChanges *self)
{
  g_return_val_if_fail (self != NULL, COCREA_RECORD_PROCESS);
  return self->kind;
}

/**
 * cocrea_record_changes_get_ids:
 * @self: the changes
 * @change: which ones
 * @n_ids: (out): how many
 *
 * Returns: (array length=n_ids): the ids of the records that had
 *   @change, ascending; owned by @self
 */
const gint64 *
cocrea_record_changes_get_ids (const CocreaRecordChanges *self, CocreaChange change,
                               guint *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) change < COCREA_N_CHANGES, NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->ids[change]->len;
  return (const gint64 *) self->ids[change]->data;
}

/* How many records were added, changed or removed, together. */
guint
cocrea_record_changes_get_n_ids (const CocreaRecordChanges *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint c = 0; c < COCREA_N_CHANGES; c++)
    n += self->ids[c]->len;
  return n;
}

/* TRUE when record @id had @change. */
gboolean
cocrea_record_changes_has (const CocreaRecordChanges *self, CocreaChange change, gint64 id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) change < COCREA_N_CHANGES, FALSE);

  return cocrea_ids_find ((const gint64 *) self->ids[change]->data, self->ids[change]->len, id) !=
         G_MAXUINT;
}
