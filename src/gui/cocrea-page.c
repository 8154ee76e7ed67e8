/* cocrea-page.c — what every page of a process shares: its document and its history
 *
 * A page shows one document, which it gets as the "document" property.
 * When the document changes (an edit on any page, or a merge of scores),
 * the page reads it again through its reload() method: at once while the
 * page shows, else when it is next shown, so that typing on the capture
 * page does not re-read 100,000 rows on a page out of sight. A page that
 * implements records_changed() instead hears what each edit changed and
 * updates just that (Merge & tally after a merge of 100,000 rows), so
 * it is read once, when it gets its document.
 *
 * A page that edits keeps its own undo history: each edit is remembered
 * with a toast whose "Undo" button takes back that edit, and
 * PREFIX.undo-last and PREFIX.redo (Ctrl+Z, Ctrl+Shift+Z) walk the history.
 * The subclass installs them with the prefix of its other actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "cocrea-page.h"

typedef struct
{
  CocreaDocument *document;
  gulong changed_id;
  gulong records_changed_id;
  /* The document changed since the page last read it. */
  gboolean stale;
  /* It has not read this document yet. */
  gboolean first_read;
  guint reload_id;
  CocreaUndoStack *undo_stack;
  AdwToastOverlay *toast_overlay;
} CocreaPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CocreaPage, cocrea_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (CocreaPage *self)
{
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);

  gboolean first = priv->first_read;

  priv->stale = FALSE;
  priv->first_read = FALSE;
  COCREA_PAGE_GET_CLASS (self)->reload (self);
  /* The first reading of a page can read a whole national process (Merge
   * & tally: every contribution); what it read now lives in the page.
   * The file's pages SQLite kept meanwhile, and the pieces glibc keeps
   * after they are freed, go back (RSS 142 -> 108 MB with Merge & tally
   * shown at 100,000 contributions). */
  if (first && priv->document != NULL)
    {
      cocrea_document_release_memory (priv->document);
#ifdef __GLIBC__
      malloc_trim (0);
#endif
    }
}

/* Reads the document again now if the page shows, else when it is shown:
 * hidden pages do no work, and a GtkStack measures its hidden pages,
 * which GTK 4.8 does not like to see change under it. */
static void
document_changed_cb (CocreaPage *self)
{
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);

  priv->stale = TRUE;
  if (COCREA_PAGE_GET_CLASS (self)->reload_when_hidden || gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

/* A page that follows records updates what changed, shown or not; one
 * that has not read its document yet has nothing to update. */
static void
records_changed_cb (CocreaPage *self, CocreaRecordChanges *changes)
{
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);

  if (!priv->stale)
    COCREA_PAGE_GET_CLASS (self)->records_changed (self, changes);
}

static gboolean
reload_idle_cb (gpointer data)
{
  CocreaPage *self = data;
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);

  priv->reload_id = 0;
  if (priv->stale)
    reload (self);
  return G_SOURCE_REMOVE;
}

static void
cocrea_page_map (GtkWidget *widget)
{
  CocreaPage *self = COCREA_PAGE (widget);
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);

  GTK_WIDGET_CLASS (cocrea_page_parent_class)->map (widget);
  /* Not from inside map, which runs during the frame's layout: changing
   * the page then would re-queue the layout of a window being allocated. */
  if (priv->stale)
    {
      /* Sooner than a reading put off while the page was out of sight. */
      g_clear_handle_id (&priv->reload_id, g_source_remove);
      priv->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
    }
}

CocreaDocument *
cocrea_page_get_document (CocreaPage *self)
{
  CocreaPagePrivate *priv;

  g_return_val_if_fail (COCREA_IS_PAGE (self), NULL);
  priv = cocrea_page_get_instance_private (self);

  return priv->document;
}

/**
 * cocrea_page_set_document:
 * Shows @document, which may be %NULL, and forgets the page's undo
 * history, which belonged to the document shown before.
 */
void
cocrea_page_set_document (CocreaPage *self, CocreaDocument *document)
{
  CocreaPagePrivate *priv;
  CocreaPageClass *klass;

  g_return_if_fail (COCREA_IS_PAGE (self));
  g_return_if_fail (document == NULL || COCREA_IS_DOCUMENT (document));
  priv = cocrea_page_get_instance_private (self);

  if (priv->document == document)
    return;

  klass = COCREA_PAGE_GET_CLASS (self);
  if (priv->document != NULL)
    {
      g_clear_signal_handler (&priv->changed_id, priv->document);
      g_clear_signal_handler (&priv->records_changed_id, priv->document);
    }
  g_set_object (&priv->document, document);
  priv->first_read = TRUE;
  cocrea_undo_stack_clear (priv->undo_stack);
  if (klass->document_set != NULL)
    klass->document_set (self);
  /* Connected after document_set, so that what the page hands the
   * document there (the plan's editor) hears of a change first. */
  if (klass->reload != NULL)
    {
      if (document != NULL && klass->records_changed != NULL)
        priv->records_changed_id = g_signal_connect_object (document, "records-changed",
                                                            G_CALLBACK (records_changed_cb),
                                                            self, G_CONNECT_SWAPPED);
      else if (document != NULL)
        priv->changed_id = g_signal_connect_object (document, "changed",
                                                    G_CALLBACK (document_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
      /* A page in sight reads at once. One out of sight that must follow
       * the file reads when the window has nothing more urgent to do (the
       * frames of the page in sight come first: a process opens sooner),
       * or when cocrea_page_ensure_current() asks for it. */
      priv->stale = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        reload (self);
      else if (klass->reload_when_hidden && priv->reload_id == 0)
        priv->reload_id = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cocrea_page_ensure_current:
 * Reads the document into the page now if it changed since the page last
 * read it (or was never read): for code that uses a page out of sight.
 */
void
cocrea_page_ensure_current (CocreaPage *self)
{
  CocreaPagePrivate *priv;

  g_return_if_fail (COCREA_IS_PAGE (self));
  priv = cocrea_page_get_instance_private (self);

  if (priv->stale && COCREA_PAGE_GET_CLASS (self)->reload != NULL)
    reload (self);
}

/**
 * cocrea_page_is_current:
 * TRUE when the page shows its document as it is now: it has read it
 * since it last changed (or it has none).
 */
gboolean
cocrea_page_is_current (CocreaPage *self)
{
  CocreaPagePrivate *priv;

  g_return_val_if_fail (COCREA_IS_PAGE (self), FALSE);
  priv = cocrea_page_get_instance_private (self);

  return !priv->stale;
}

/* TRUE when the page has a document that takes edits. */
gboolean
cocrea_page_is_writable (CocreaPage *self)
{
  CocreaPagePrivate *priv;

  g_return_val_if_fail (COCREA_IS_PAGE (self), FALSE);
  priv = cocrea_page_get_instance_private (self);

  return priv->document != NULL && !cocrea_document_is_read_only (priv->document);
}

/**
 * cocrea_page_set_toast_overlay:
 * Shows the page's toasts in @overlay, a child of its template. A page
 * without one shows them in its window's.
 */
void
cocrea_page_set_toast_overlay (CocreaPage *self, AdwToastOverlay *overlay)
{
  CocreaPagePrivate *priv;

  g_return_if_fail (COCREA_IS_PAGE (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));
  priv = cocrea_page_get_instance_private (self);

  g_set_object (&priv->toast_overlay, overlay);
}

/* Says @text in the page's toasts, else in its window's (win.toast);
 * outside a window, nowhere. */
void
cocrea_page_add_toast (CocreaPage *self, const char *text)
{
  CocreaPagePrivate *priv;

  g_return_if_fail (COCREA_IS_PAGE (self));
  g_return_if_fail (text != NULL);
  priv = cocrea_page_get_instance_private (self);

  if (priv->toast_overlay != NULL)
    adw_toast_overlay_add_toast (priv->toast_overlay, adw_toast_new (text));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", text);
}

/**
 * cocrea_page_show_error:
 * Says why something failed in a dialog of the window (win.show-error);
 * outside a window, in a toast, or as a warning when the page has no
 * toasts of its own.
 */
void
cocrea_page_show_error (CocreaPage *self, const char *heading, const GError *error)
{
  CocreaPagePrivate *priv;

  g_return_if_fail (COCREA_IS_PAGE (self));
  g_return_if_fail (heading != NULL && error != NULL);
  priv = cocrea_page_get_instance_private (self);

  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", heading,
                                  error->message))
    return;
  if (priv->toast_overlay != NULL)
    adw_toast_overlay_add_toast (priv->toast_overlay, adw_toast_new (error->message));
  else
    g_warning ("%s: %s", heading, error->message);
}

/**
 * cocrea_page_remember:
 * Records @undo, the edit just made, in the page's history and says @text
 * in a toast whose "Undo" button takes back that edit. The page must have
 * installed its undo action and set its toast overlay.
 */
void
cocrea_page_remember (CocreaPage *self, CocreaUndo *undo, const char *text)
{
  CocreaPagePrivate *priv;
  const char *action;
  guint serial;

  g_return_if_fail (COCREA_IS_PAGE (self));
  g_return_if_fail (COCREA_IS_UNDO (undo));
  priv = cocrea_page_get_instance_private (self);
  action = COCREA_PAGE_GET_CLASS (self)->undo_action;
  g_return_if_fail (action != NULL && priv->toast_overlay != NULL);

  serial = cocrea_undo_stack_push (priv->undo_stack, undo);
  adw_toast_overlay_add_toast (priv->toast_overlay, cocrea_undo_toast_new (text, action, serial));
}

/* The window the page shows in, to be the parent of its dialogs; NULL
 * outside one. */
GtkWindow *
cocrea_page_get_window (CocreaPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (COCREA_IS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A dialog's answer on its way to a page that may have gone meanwhile. */
typedef struct
{
  GWeakRef page;
  CocreaPageResponseFunc callback;
  gpointer data;
  GDestroyNotify destroy;
} Response;

static void
response_free (gpointer user_data, GClosure *closure)
{
  Response *response = user_data;

  g_weak_ref_clear (&response->page);
  if (response->destroy != NULL)
    response->destroy (response->data);
  g_free (response);
}

static void
response_cb (AdwMessageDialog *dialog, const char *answer, Response *response)
{
  g_autoptr (CocreaPage) page = g_weak_ref_get (&response->page);

  if (page != NULL)
    response->callback (page, answer, response->data);
}

/**
 * cocrea_page_connect_response:
 * Calls @callback with the page, the response and @data when @dialog (a
 * dialog the page opened) is answered, unless the page is gone by then.
 * @data belongs to the dialog: @destroy frees it when the dialog goes.
 * So a dialog carries what it is about without tags on it.
 */
void
cocrea_page_connect_response (CocreaPage *self, AdwMessageDialog *dialog,
                              CocreaPageResponseFunc callback, gpointer data,
                              GDestroyNotify destroy)
{
  Response *response;

  g_return_if_fail (COCREA_IS_PAGE (self));
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (callback != NULL);

  response = g_new0 (Response, 1);
  g_weak_ref_init (&response->page, self);
  response->callback = callback;
  response->data = data;
  response->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), response, response_free,
                         0);
}

/**
 * cocrea_mark_invalid:
 * Marks @widget, a field of a page or of its dialogs, as holding a value
 * that was refused (or clears the mark): red for the eye, "invalid" for
 * screen readers. The message saying why is shown beside it.
 */
void
cocrea_mark_invalid (GtkWidget *widget, gboolean invalid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* ---- the history ---- */

/* Takes back edit @serial (0: the newest), or with @redo does again the
 * edit undone last, and says so. */
static void
step (CocreaPage *self, gboolean redo, guint serial)
{
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);
  CocreaPageClass *klass = COCREA_PAGE_GET_CLASS (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean done;

  if (!cocrea_page_is_writable (self))
    return;
  if (klass->before_undo != NULL)
    klass->before_undo (self);
  if (redo)
    done = cocrea_undo_stack_redo (priv->undo_stack, priv->document, &text, &error);
  else
    done = cocrea_undo_stack_undo (priv->undo_stack, priv->document, serial, &text, &error);
  if (!done)
    {
      /* No error: nothing (left) to undo. From a toast, that toast's
       * edit is no longer the latest (toasts queue up, and the one on
       * screen may be older): say so rather than do nothing. */
      if (error != NULL)
        cocrea_page_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
      else if (serial != 0 && priv->toast_overlay != NULL)
        {
          AdwToast *toast = adw_toast_new (_("Only the latest change can be undone from its "
                                             "message: press Ctrl+Z to go back one change at "
                                             "a time"));

          /* The answer to a click: now, not after the toasts queued. */
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_overlay_add_toast (priv->toast_overlay, toast);
        }
      return;
    }
  cocrea_page_add_toast (self, text);
  if (klass->after_undo != NULL)
    klass->after_undo (self, redo);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  step (COCREA_PAGE (widget), FALSE, g_variant_get_uint32 (param));
}

static void
undo_last_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  step (COCREA_PAGE (widget), FALSE, 0);
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  step (COCREA_PAGE (widget), TRUE, 0);
}

static void
update_history_actions (CocreaPage *self)
{
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);
  CocreaPageClass *klass = COCREA_PAGE_GET_CLASS (self);
  gboolean can = cocrea_page_is_writable (self);

  if (klass->undo_last_action == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->undo_last_action,
                                 can && cocrea_undo_stack_can_undo (priv->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->redo_action,
                                 can && cocrea_undo_stack_can_redo (priv->undo_stack));
}

/**
 * cocrea_page_class_install_undo_action:
 * Installs PREFIX.undo, which takes back the edit whose serial it gets
 * (a "u" parameter): the "Undo" button of cocrea_page_remember()'s toasts.
 * For the class_init of a page that edits.
 */
void
cocrea_page_class_install_undo_action (CocreaPageClass *klass, const char *prefix)
{
  g_return_if_fail (COCREA_IS_PAGE_CLASS (klass));
  g_return_if_fail (prefix != NULL);

  klass->undo_action = g_strconcat (prefix, ".undo", NULL);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), klass->undo_action, "u", undo_action);
}

/**
 * cocrea_page_class_install_history_keys:
 * Installs PREFIX.undo-last and PREFIX.redo, on Ctrl+Z and Ctrl+Shift+Z,
 * enabled while there is something to undo or redo. After
 * cocrea_page_class_install_undo_action().
 */
void
cocrea_page_class_install_history_keys (CocreaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *prefix = NULL;

  g_return_if_fail (COCREA_IS_PAGE_CLASS (klass));
  g_return_if_fail (klass->undo_action != NULL);

  prefix = g_strndup (klass->undo_action, strlen (klass->undo_action) - strlen (".undo"));
  klass->undo_last_action = g_strconcat (prefix, ".undo-last", NULL);
  klass->redo_action = g_strconcat (prefix, ".redo", NULL);
  gtk_widget_class_install_action (widget_class, klass->undo_last_action, NULL, undo_last_action);
  gtk_widget_class_install_action (widget_class, klass->redo_action, NULL, redo_action);
  /* A text view's own undo comes first while it has something to undo. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       klass->undo_last_action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       klass->redo_action, NULL);
}

static void
cocrea_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaPage *self = COCREA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, cocrea_page_get_document (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CocreaPage *self = COCREA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cocrea_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Runs after the subclass's dispose, which has let go of its template. */
static void
cocrea_page_dispose (GObject *object)
{
  CocreaPage *self = COCREA_PAGE (object);
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);
  GtkWidget *child;

  /* Children of the template that no field holds go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&priv->reload_id, g_source_remove);
  if (priv->document != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->document);
  g_clear_object (&priv->document);
  g_clear_object (&priv->undo_stack);
  g_clear_object (&priv->toast_overlay);

  G_OBJECT_CLASS (cocrea_page_parent_class)->dispose (object);
}

static void
cocrea_page_class_init (CocreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_page_dispose;
  object_class->get_property = cocrea_page_get_property;
  object_class->set_property = cocrea_page_set_property;
  widget_class->map = cocrea_page_map;

  /**
   * CocreaPage:document:
   * The process the page shows, or %NULL.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COCREA_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cocrea_page_init (CocreaPage *self)
{
  CocreaPagePrivate *priv = cocrea_page_get_instance_private (self);

  priv->undo_stack = cocrea_undo_stack_new ();
  g_signal_connect_object (priv->undo_stack, "changed", G_CALLBACK (update_history_actions), self,
                           G_CONNECT_SWAPPED);
  update_history_actions (self);
}
