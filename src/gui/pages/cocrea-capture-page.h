/* cocrea-capture-page.h — typing a workshop's contributions as people speak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CAPTURE_PAGE (cocrea_capture_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaCapturePage, cocrea_capture_page, COCREA, CAPTURE_PAGE, CocreaPage)

gboolean cocrea_capture_page_select          (CocreaCapturePage *self,
                                              gint64             activity_id,
                                              gint64             group_id);
gint64   cocrea_capture_page_get_activity_id (CocreaCapturePage *self);
gint64   cocrea_capture_page_get_group_id    (CocreaCapturePage *self);
gboolean cocrea_capture_page_select_sheet    (CocreaCapturePage *self,
                                              const char        *text,
                                              GError           **error);

G_END_DECLS
