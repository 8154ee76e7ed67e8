/* cocrea-proposal-merge.h — grouping contributions under consolidated proposals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cocrea-document.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

gboolean cocrea_merge_new_proposal (CocreaDocument *document,
                                    const char     *title,
                                    const gint64   *contribution_ids,
                                    guint           n_ids,
                                    gint64         *proposal_id,
                                    CocreaUndo    **undo,
                                    GError        **error);
gboolean cocrea_merge_into         (CocreaDocument *document,
                                    gint64          proposal_id,
                                    const gint64   *contribution_ids,
                                    guint           n_ids,
                                    CocreaUndo    **undo,
                                    GError        **error);
gboolean cocrea_merge_proposal     (CocreaDocument *document,
                                    gint64          source_id,
                                    gint64          target_id,
                                    CocreaUndo    **undo,
                                    GError        **error);
gboolean cocrea_unmerge            (CocreaDocument *document,
                                    const gint64   *contribution_ids,
                                    guint           n_ids,
                                    CocreaUndo    **undo,
                                    GError        **error);

G_END_DECLS
