/* cocrea-first-frame.h — when start-up ends, as the user sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-window.h"

G_BEGIN_DECLS

gboolean cocrea_first_frame_wanted (void);
void     cocrea_first_frame_watch  (CocreaWindow *window);

G_END_DECLS
