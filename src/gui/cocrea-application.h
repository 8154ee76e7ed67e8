/* cocrea-application.h — the application: windows, recent files, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cocrea-document.h"

G_BEGIN_DECLS

#define COCREA_TYPE_APPLICATION (cocrea_application_get_type ())
G_DECLARE_FINAL_TYPE (CocreaApplication, cocrea_application, COCREA, APPLICATION, AdwApplication)

CocreaApplication *cocrea_application_new             (void);
GSettings         *cocrea_application_get_settings    (CocreaApplication *self);
int                cocrea_application_run_plenary     (CocreaApplication *self,
                                                       const char        *argv0,
                                                       const char        *path);
GtkWindow         *cocrea_application_open_path       (CocreaApplication *self,
                                                       const char        *path);
GtkWindow         *cocrea_application_begin_open      (CocreaApplication *self,
                                                       const char        *path);
GtkWindow         *cocrea_application_show_document   (CocreaApplication *self,
                                                       CocreaDocument    *document);
void               cocrea_application_add_recent      (CocreaApplication *self,
                                                       const char        *path);
char              *cocrea_application_get_demo_path   (void);
gboolean           cocrea_application_ensure_demo     (const char        *path,
                                                       GError           **error);
GSettings         *cocrea_settings_try_new            (void);
gboolean           cocrea_same_file                   (const char        *a,
                                                       const char        *b);

G_END_DECLS
