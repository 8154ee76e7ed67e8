/* cocrea-consultation-page.h — the public consultation: window, comments and answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-page.h"

G_BEGIN_DECLS

#define COCREA_TYPE_CONSULTATION_PAGE (cocrea_consultation_page_get_type ())
G_DECLARE_FINAL_TYPE (CocreaConsultationPage, cocrea_consultation_page, COCREA, CONSULTATION_PAGE, CocreaPage)

G_END_DECLS
