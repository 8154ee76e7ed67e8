/* cocrea-consultation.h — the public consultation on the draft plan (stage 5)
 *
 * The draft plan is published for comments during a window of days; OGP
 * asks for at least 10 working days. Each comment received (online, in
 * person or by email) is recorded, about one commitment or about the plan
 * as a whole, and gets an answer: accepted, partly accepted or not
 * accepted, the last two with a written reason.
 *
 * Comments are listed as #CocreaConsultationComment snapshots; every edit
 * is one transaction, logged in the audit log, and hands back a
 * #CocreaUndo. A page lists the comments again when the document emits
 * "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-consultation-comment.h"
#include "cocrea-document.h"
#include "cocrea-types.h"
#include "cocrea-undo.h"

G_BEGIN_DECLS

/* What OGP asks of the window, in working days (Monday to Friday). */
#define COCREA_CONSULTATION_MIN_WORKING_DAYS 10

/* For cocrea_consultation_list_comments(): every comment, or only the
 * comments on no commitment (the plan as a whole). */
#define COCREA_CONSULTATION_ALL     0
#define COCREA_CONSULTATION_GENERAL (-1)

/**
 * CocreaConsultationWindow:
 * @opens: the first day comments are received ("2019-11-04"), or %NULL
 * @closes: the last day, or %NULL
 * @working_days: Monday-to-Friday days from @opens to @closes, both
 *   included; -1 while either day is unknown
 * @too_short: %TRUE when both days are known and @working_days is under
 *   %COCREA_CONSULTATION_MIN_WORKING_DAYS: the GUI and the command line warn
 */
typedef struct {
  char *opens;
  char *closes;
  int working_days;
  gboolean too_short;
} CocreaConsultationWindow;

/**
 * CocreaConsultationCounts:
 * How many comments one commitment received (or the plan as a whole, or
 * the whole consultation), by response and by channel.
 * @commitment_id: 0 for comments on no commitment, and for the totals
 * @position: the commitment's number in the plan, 0 likewise
 * @name: (nullable): the commitment's name, %NULL likewise
 */
typedef struct {
  gint64 commitment_id;
  int position;
  char *name;
  guint total;
  guint by_response[COCREA_N_RESPONSES];
  guint by_channel[COCREA_N_CHANNELS];
} CocreaConsultationCounts;

/**
 * CocreaConsultationSummary:
 * @overall: every comment
 * @commitments: (element-type CocreaConsultationCounts): one entry per
 *   commitment in plan order, those without comments included, then one
 *   for the comments on no commitment when there are any
 */
typedef struct {
  CocreaConsultationCounts overall;
  GArray *commitments;
} CocreaConsultationSummary;

int                        cocrea_consultation_count_working_days (const char *opens,
                                                                   const char *closes);
gboolean                   cocrea_consultation_window_validate    (const char *opens,
                                                                   const char *closes,
                                                                   GError    **error);
CocreaConsultationWindow  *cocrea_consultation_get_window         (CocreaDocument *document,
                                                                   GError        **error);
gboolean                   cocrea_consultation_set_window         (CocreaDocument *document,
                                                                   const char     *opens,
                                                                   const char     *closes,
                                                                   GError        **error);
void                       cocrea_consultation_window_free        (CocreaConsultationWindow *window);

GListModel                *cocrea_consultation_list_comments      (CocreaDocument *document,
                                                                   gint64          commitment_id,
                                                                   GError        **error);
CocreaConsultationComment *cocrea_consultation_lookup_comment     (CocreaDocument *document,
                                                                   gint64          id,
                                                                   GError        **error);
gboolean                   cocrea_consultation_add_comment        (CocreaDocument            *document,
                                                                   const CocreaCommentFields *fields,
                                                                   gint64                    *id,
                                                                   CocreaUndo               **undo,
                                                                   GError                   **error);
gboolean                   cocrea_consultation_update_comment     (CocreaDocument            *document,
                                                                   gint64                     id,
                                                                   const CocreaCommentFields *fields,
                                                                   CocreaUndo               **undo,
                                                                   GError                   **error);
gboolean                   cocrea_consultation_delete_comment     (CocreaDocument *document,
                                                                   gint64          id,
                                                                   CocreaUndo    **undo,
                                                                   GError        **error);
gboolean                   cocrea_consultation_respond            (CocreaDocument *document,
                                                                   gint64          id,
                                                                   CocreaResponse  response,
                                                                   const char     *reason,
                                                                   CocreaUndo    **undo,
                                                                   GError        **error);

CocreaConsultationSummary *cocrea_consultation_get_summary        (CocreaDocument *document,
                                                                   GError        **error);
void                       cocrea_consultation_summary_free       (CocreaConsultationSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaConsultationWindow, cocrea_consultation_window_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CocreaConsultationSummary, cocrea_consultation_summary_free)

G_END_DECLS
