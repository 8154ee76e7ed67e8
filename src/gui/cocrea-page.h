/* cocrea-page.h — what every page of a process shares: its document and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"
#include "cocrea-record-changes.h"
#include "cocrea-undo-stack.h"

G_BEGIN_DECLS

#define COCREA_TYPE_PAGE (cocrea_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CocreaPage, cocrea_page, COCREA, PAGE, GtkWidget)

struct _CocreaPageClass
{
  GtkWidgetClass parent_class;

  /* A new document (or none) was set, before the page reads it: forget
   * what belonged to the old one. */
  void (*document_set) (CocreaPage *self);
  /* Reads the document again into the page. NULL: the page shows nothing
   * that the document's "changed" signal can make out of date. */
  void (*reload)       (CocreaPage *self);
  /* Set by a page that follows edits record by record: called with each
   * CocreaDocument::records-changed of its document (every kind; look at
   * cocrea_record_changes_get_kind()), shown or hidden, so its work must
   * be as small as the change. Such a page is reloaded only when it gets
   * a document, never on "changed", and switching to it reads nothing. */
  void (*records_changed) (CocreaPage          *self,
                           CocreaRecordChanges *changes);
  /* Before an undo or redo: write out an edit still in progress. */
  void (*before_undo)  (CocreaPage *self);
  /* After an undo (@redone FALSE) or a redo was applied and announced. */
  void (*after_undo)   (CocreaPage *self,
                        gboolean    redone);

  /* TRUE: reload on every change, also while the page is out of sight
   * (pages that other code reads, or whose edits in progress must follow
   * the file at once). FALSE: a hidden page reloads when it is shown. */
  gboolean reload_when_hidden;

  /*< private >*/
  char *undo_action;      /* "merge.undo": the Undo button of the page's toasts */
  char *undo_last_action; /* "merge.undo-last", or NULL without the shortcuts */
  char *redo_action;      /* "merge.redo", or NULL without the shortcuts */
};

void cocrea_page_class_install_undo_action  (CocreaPageClass *klass,
                                             const char      *prefix);
void cocrea_page_class_install_history_keys (CocreaPageClass *klass);

CocreaDocument *cocrea_page_get_document      (CocreaPage      *self);
void            cocrea_page_set_document      (CocreaPage      *self,
                                               CocreaDocument  *document);
gboolean        cocrea_page_is_current        (CocreaPage      *self);
void            cocrea_page_ensure_current    (CocreaPage      *self);
gboolean        cocrea_page_is_writable       (CocreaPage      *self);
void            cocrea_page_set_toast_overlay (CocreaPage      *self,
                                               AdwToastOverlay *overlay);
void            cocrea_page_add_toast         (CocreaPage      *self,
                                               const char      *text);
void            cocrea_page_show_error        (CocreaPage      *self,
                                               const char      *heading,
                                               const GError    *error);
void            cocrea_page_remember          (CocreaPage      *self,
                                               CocreaUndo      *undo,
                                               const char      *text);
GtkWindow      *cocrea_page_get_window        (CocreaPage      *self);

/* Hears @response of a message dialog of @page, with what the page gave
 * cocrea_page_connect_response(). */
typedef void (*CocreaPageResponseFunc) (CocreaPage *page,
                                        const char *response,
                                        gpointer    data);

void            cocrea_page_connect_response  (CocreaPage             *self,
                                               AdwMessageDialog       *dialog,
                                               CocreaPageResponseFunc  callback,
                                               gpointer                data,
                                               GDestroyNotify          destroy);

void            cocrea_mark_invalid           (GtkWidget       *widget,
                                               gboolean         invalid);

G_END_DECLS
