/* cocrea-text.h — text helpers shared by import, matching and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cocrea_text_fold       (const char *text);
char     *cocrea_text_normalize  (const char *text);
gboolean  cocrea_text_has_astral (const char *text);
char     *cocrea_text_dup_valid  (const char *text);
char     *cocrea_text_first_line (const char *text,
                                  glong       max);

G_END_DECLS
