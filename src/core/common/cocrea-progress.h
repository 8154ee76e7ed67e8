/* cocrea-progress.h — how long work reports progress and is cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CocreaProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @phase: what is being done, translated, for people ("Writing the annex")
 * @user_data: the data given with the function
 *
 * Reports the progress of a long export. It is called on the thread doing
 * the export: a GUI forwards it to the main loop (g_main_context_invoke).
 *
 * Returns: %TRUE to go on; %FALSE stops the export, which then fails with
 *   %G_IO_ERROR_CANCELLED and leaves no file behind
 */
typedef gboolean (*CocreaProgressFunc) (double fraction, const char *phase, gpointer user_data);

void cocrea_set_cancelled_error (GError **error);

G_END_DECLS
