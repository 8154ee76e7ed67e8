/* cocrea-undo-stack.c — the undo and redo history of one page
 *
 * The core hands back one CocreaUndo per edit and keeps no history: a
 * page keeps its own, so Ctrl+Z on a page takes back that page's last
 * edit. Each record gets a serial, so the "Undo" button of an older toast
 * takes back its own edit and not whatever came last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-undo-stack.h"

/* More than anyone will press Ctrl+Z for; bounds the memory held. */
#define MAX_DEPTH 100

struct _CocreaUndoStack
{
  GObject parent_instance;

  GPtrArray *undo; /* Record, oldest first */
  GPtrArray *redo; /* Record, oldest first */
  guint next_serial;
};

G_DEFINE_FINAL_TYPE (CocreaUndoStack, cocrea_undo_stack, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One edit that can be taken back, under the serial its toast names. */
typedef struct
{
  CocreaUndo *undo;
  guint serial;
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_object_unref (record->undo);
  g_free (record);
}

static guint
add_record (CocreaUndoStack *self, GPtrArray *stack, CocreaUndo *undo)
{
  Record *record = g_new0 (Record, 1);

  record->undo = g_object_ref (undo);
  record->serial = ++self->next_serial;
  g_ptr_array_add (stack, record);
  if (stack->len > MAX_DEPTH)
    g_ptr_array_remove_index (stack, 0);
  return record->serial;
}

/**
 * cocrea_undo_stack_push:
 * Records @undo as the newest edit, which forgets what could be redone.
 * Returns the serial that cocrea_undo_stack_undo() takes.
 */
guint
cocrea_undo_stack_push (CocreaUndoStack *self, CocreaUndo *undo)
{
  guint serial;

  g_return_val_if_fail (COCREA_IS_UNDO_STACK (self), 0);
  g_return_val_if_fail (COCREA_IS_UNDO (undo), 0);

  g_ptr_array_set_size (self->redo, 0);
  serial = add_record (self, self->undo, undo);
  g_signal_emit (self, signals[CHANGED], 0);
  return serial;
}

gboolean
cocrea_undo_stack_can_undo (CocreaUndoStack *self)
{
  g_return_val_if_fail (COCREA_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0;
}

gboolean
cocrea_undo_stack_can_redo (CocreaUndoStack *self)
{
  g_return_val_if_fail (COCREA_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0;
}

/* Applies record @index of @from and moves its inverse onto @to. */
static gboolean
apply (CocreaUndoStack *self, CocreaDocument *document, GPtrArray *from, GPtrArray *to,
       guint index, char **label, GError **error)
{
  Record *entry = g_ptr_array_index (from, index);
  g_autoptr (CocreaUndo) record = g_object_ref (entry->undo);
  g_autoptr (CocreaUndo) inverse = NULL;

  if (!cocrea_undo_apply (document, record, &inverse, error))
    return FALSE;

  g_ptr_array_remove_index (from, index);
  if (inverse != NULL)
    add_record (self, to, inverse);
  if (label != NULL)
    *label = g_strdup (cocrea_undo_get_label (record));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * cocrea_undo_stack_undo:
 * Takes back the edit recorded under @serial, or the newest when @serial
 * is 0, and keeps its inverse for redo. @message gets the sentence every
 * page shows in its toast ("Undone: Delete an activity").
 * Returns FALSE without an error when there is nothing (left) to undo,
 * and FALSE with @error set when the document refused.
 */
gboolean
cocrea_undo_stack_undo (CocreaUndoStack *self, CocreaDocument *document, guint serial,
                        char **message, GError **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (COCREA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  for (guint i = self->undo->len; i > 0; i--)
    if (serial == 0 || ((Record *) g_ptr_array_index (self->undo, i - 1))->serial == serial)
      {
        if (!apply (self, document, self->undo, self->redo, i - 1, &label, error))
          return FALSE;
        /* TRANSLATORS: %s says what was undone, "Undone: Delete an activity" */
        *message = g_strdup_printf (_("Undone: %s"), label);
        return TRUE;
      }

  return FALSE;
}

/**
 * cocrea_undo_stack_redo:
 * Does again the edit undone last; @message reads "Redone: …". Same
 * returns as cocrea_undo_stack_undo().
 */
gboolean
cocrea_undo_stack_redo (CocreaUndoStack *self, CocreaDocument *document, char **message,
                        GError **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (COCREA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), FALSE);

  if (self->redo->len == 0)
    return FALSE;
  /* The redo must not forget the rest of the redo history, as a push would. */
  if (!apply (self, document, self->redo, self->undo, self->redo->len - 1, &label, error))
    return FALSE;
  /* TRANSLATORS: %s says what was done again, "Redone: Delete an activity" */
  *message = g_strdup_printf (_("Redone: %s"), label);
  return TRUE;
}

void
cocrea_undo_stack_clear (CocreaUndoStack *self)
{
  g_return_if_fail (COCREA_IS_UNDO_STACK (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cocrea_undo_toast_new:
 * A toast saying @title, whose "Undo" button activates @action_name with
 * @serial as its target (a "u" parameter).
 */
AdwToast *
cocrea_undo_toast_new (const char *title, const char *action_name, guint serial)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (serial));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}

static void
cocrea_undo_stack_finalize (GObject *object)
{
  CocreaUndoStack *self = COCREA_UNDO_STACK (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (cocrea_undo_stack_parent_class)->finalize (object);
}

static void
cocrea_undo_stack_class_init (CocreaUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cocrea_undo_stack_finalize;

  /**
   * CocreaUndoStack::changed:
   * Emitted when what can be undone or redone changes.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cocrea_undo_stack_init (CocreaUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (record_free);
  self->redo = g_ptr_array_new_with_free_func (record_free);
}

CocreaUndoStack *
cocrea_undo_stack_new (void)
{
  return g_object_new (COCREA_TYPE_UNDO_STACK, NULL);
}
