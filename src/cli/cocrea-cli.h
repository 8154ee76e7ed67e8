/* cocrea-cli.h — the command line of the cocrea binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cocrea_cli_handles (int argc, char **argv);
int      cocrea_cli_run     (int argc, char **argv);

G_END_DECLS
