/* cocrea-tally.h — how many contributions, groups and activities back each proposal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-proposal.h"

G_BEGIN_DECLS

GListModel *cocrea_tally (CocreaDocument *document,
                          GError        **error);

G_END_DECLS
