/* cocrea-dates.h — the dates a plan is written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cocrea_format_partial_date   (const char *date);
gboolean  cocrea_partial_date_is_valid (const char *date);
gboolean  cocrea_date_is_day           (const char *date);
char     *cocrea_today                 (void);

G_END_DECLS
