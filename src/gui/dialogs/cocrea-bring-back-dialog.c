/* cocrea-bring-back-dialog.c — Bring Back Laptops: a preview per copy, then one edit per copy
 *
 * Every copy chosen is compared with the process as the dialog opens
 * (cocrea_sync_compare(): both files only read) and shown by a
 * CocreaBringBackCopy. One click brings a copy back as one edit; the
 * dialog emits "applied" with its undo record, which the page keeps
 * behind an "Undo" toast. The copies not brought back yet are compared
 * again after each one, so what they show stays true of the process as
 * it now is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-bring-back-copy.h"
#include "cocrea-bring-back-dialog.h"
#include "cocrea-sync.h"
#include "cocrea-undo.h"

struct _CocreaBringBackDialog
{
  AdwWindow parent_instance;

  CocreaDocument *document;
  GPtrArray *copies; /* of CocreaBringBackCopy, as shown */

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkBox *copies_box;
};

G_DEFINE_FINAL_TYPE (CocreaBringBackDialog, cocrea_bring_back_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Compares @copy's file with the process again and shows the result. */
static void
compare (CocreaBringBackDialog *self, CocreaBringBackCopy *copy)
{
  g_autoptr (CocreaSyncPlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  plan = cocrea_sync_compare (self->document, cocrea_bring_back_copy_get_path (copy),
                              COCREA_SYNC_DEFAULT, &error);
  if (plan != NULL)
    cocrea_bring_back_copy_set_plan (copy, plan);
  else
    cocrea_bring_back_copy_set_error (copy, error->message);
}

/* "Brought back “Mesa 3”: 12 changes", for the toast and the copy. */
static char *
summary_of (CocreaSyncPlan *plan)
{
  guint n = cocrea_sync_plan_get_n_written (plan);

  /* TRANSLATORS: a copy was brought back: its label and how many rows came in or changed */
  return g_strdup_printf (ngettext ("Brought back “%s”: %u change", "Brought back “%s”: %u changes",
                                    n),
                          cocrea_sync_plan_get_label (plan), n);
}

static void
copy_apply_cb (CocreaBringBackCopy *copy, CocreaBringBackDialog *self)
{
  CocreaSyncPlan *plan = cocrea_bring_back_copy_get_plan (copy);
  g_autoptr (CocreaUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;

  if (plan == NULL)
    return;
  if (!cocrea_sync_apply (self->document, plan, &undo, &error))
    {
      /* The process moved under the preview: show the copy as it now compares. */
      compare (self, copy);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  summary = summary_of (plan);
  cocrea_bring_back_copy_set_done (copy, summary);
  g_signal_emit (self, signals[APPLIED], 0, undo, summary);

  for (guint i = 0; i < self->copies->len; i++)
    {
      CocreaBringBackCopy *other = self->copies->pdata[i];
      if (other != copy && !cocrea_bring_back_copy_get_done (other))
        compare (self, other);
    }
}

static void
cocrea_bring_back_dialog_dispose (GObject *object)
{
  CocreaBringBackDialog *self = COCREA_BRING_BACK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_BRING_BACK_DIALOG);
  g_clear_pointer (&self->copies, g_ptr_array_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (cocrea_bring_back_dialog_parent_class)->dispose (object);
}

static void
cocrea_bring_back_dialog_class_init (CocreaBringBackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_bring_back_dialog_dispose;

  /**
   * CocreaBringBackDialog::applied:
   * @undo: the record that takes the copy back out
   * @summary: what came in, for a toast
   *
   * A copy was brought back, as one edit.
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, COCREA_TYPE_UNDO,
                                   G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-bring-back-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaBringBackDialog, copies_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cocrea_bring_back_dialog_init (CocreaBringBackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->copies = g_ptr_array_new ();
}

/**
 * cocrea_bring_back_dialog_new:
 * @parent: the process's window
 * @document: the process, open for writing
 * @paths: the copies chosen, one or several
 *
 * Compares each copy with @document and shows what it would bring,
 * before anything changes.
 */
CocreaBringBackDialog *
cocrea_bring_back_dialog_new (GtkWindow *parent, CocreaDocument *document,
                              const char *const *paths)
{
  CocreaBringBackDialog *self;

  g_return_val_if_fail (COCREA_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  self = g_object_new (COCREA_TYPE_BRING_BACK_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      CocreaBringBackCopy *copy = cocrea_bring_back_copy_new (paths[i]);

      gtk_box_append (self->copies_box, GTK_WIDGET (copy));
      g_ptr_array_add (self->copies, copy);
      g_signal_connect_object (copy, "apply", G_CALLBACK (copy_apply_cb), self, 0);
      compare (self, copy);
    }
  return self;
}
