/* cocrea-text.h — text helpers shared by import, matching and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest a name or a title may be, in characters: a process, a
 * municipality, an activity, a group, a proposal, a commitment, a
 * milestone, a person or a unit. Generous for any real one; what is longer
 * is a paste gone wrong, and breaks every layout that shows it. */
#define COCREA_TEXT_MAX_NAME 300

/* The longest a text may be, in characters: a contribution, a
 * description, a reason, a note, a comment, a field of the commitment
 * template. A long email pasted whole fits (150 pages of a PDF); a file
 * pasted by mistake does not. */
#define COCREA_TEXT_MAX_LONG 150000

char     *cocrea_text_fold       (const char *text);
char     *cocrea_text_normalize  (const char *text);
gboolean  cocrea_text_is_normalized (const char *text);
gboolean  cocrea_text_has_astral (const char *text);
char     *cocrea_text_dup_valid  (const char *text);
char     *cocrea_text_visible    (const char *text);
char     *cocrea_text_first_line (const char *text,
                                  glong       max);
gboolean  cocrea_text_check_length (const char *text,
                                    guint       max,
                                    GError    **error);

G_END_DECLS
