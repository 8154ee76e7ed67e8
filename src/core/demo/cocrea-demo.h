/* cocrea-demo.h — the Renca 2019 process, as demo and test fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cocrea_demo_write (const char *path,
                            GError    **error);

G_END_DECLS
