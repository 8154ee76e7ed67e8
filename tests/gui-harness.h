/* gui-harness.h — what the GUI tests share: the application, the demo file,
 * the main loop and the widget tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-application.h"

G_BEGIN_DECLS

typedef struct
{
  CocreaApplication *app;
  char *tmp_dir;   /* removed at the end of the run */
  char *demo_path; /* the Renca 2019 demo, written afresh: its figures are known */
} GuiHarness;

extern GuiHarness gui;

gboolean gui_harness_init (int        *argc,
                           char     ***argv,
                           const char *name,
                           const char *application_id);
int      gui_harness_run  (void);

typedef gboolean (*GuiCondition) (gpointer data);

void       gui_wait_for         (GuiCondition done,
                                 gpointer     data);
void       gui_wait_for_seconds (GuiCondition done,
                                 gpointer     data,
                                 guint        seconds);
gboolean   gui_is_mapped        (gpointer     widget);
void       gui_settle           (void);

typedef gboolean (*GuiMatch) (GtkWidget    *widget,
                              gconstpointer data);

#define GUI_TYPE_DATA(t) GSIZE_TO_POINTER (t)

gboolean   gui_match_type        (GtkWidget    *widget,
                                  gconstpointer type);
GPtrArray *gui_find_all          (GtkWidget    *root,
                                  GuiMatch      match,
                                  gconstpointer data);
GtkWidget *gui_find_one          (GtkWidget    *root,
                                  GuiMatch      match,
                                  gconstpointer data);
GPtrArray *gui_find_all_of_type  (GtkWidget    *root,
                                  GType         type);
GtkWidget *gui_find_one_of_type  (GtkWidget    *root,
                                  GType         type);
GtkWidget *gui_find_toplevel     (GType         type);
GtkWidget *gui_find_dialog_with  (GType         child_type);
GtkWidget *gui_find_error_label  (GtkWidget    *root);
gboolean   gui_has_toplevel      (gpointer      type);
GtkWidget *gui_show_page         (GtkWindow    *window,
                                  const char   *name,
                                  GType         type);

CocreaDocument *gui_read_demo          (void);
gboolean   gui_has_accessible_name     (gpointer    widget);
void       gui_check_accessible_labels (GtkWidget  *root,
                                        guint       at_least);
void       gui_screenshot              (const char *name);
GtkWindow *gui_open_demo               (int         width,
                                        int         height);
void       gui_press_keys              (GtkWidget  *toplevel,
                                        const char *keys);

G_END_DECLS
