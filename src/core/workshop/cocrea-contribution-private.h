/* cocrea-contribution-private.h — contributions that borrow a store's strings
 *
 * Private to the core's workshop/ folder: #CocreaContributionList makes
 * its items this way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-contribution.h"
#include "cocrea-contribution-store-private.h"

G_BEGIN_DECLS

CocreaContribution *cocrea_contribution_new_borrowed (CocreaContributionStore     *store,
                                                      const CocreaContributionRow *row);

G_END_DECLS
