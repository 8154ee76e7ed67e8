/* cocrea-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-error.h"

G_DEFINE_QUARK (cocrea-error-quark, cocrea_error)
