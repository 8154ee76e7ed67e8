/* cocrea-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COCREA_TYPE_APPLICATION (cocrea_application_get_type ())
G_DECLARE_FINAL_TYPE (CocreaApplication, cocrea_application, COCREA, APPLICATION, AdwApplication)

CocreaApplication *cocrea_application_new (void);

G_END_DECLS
