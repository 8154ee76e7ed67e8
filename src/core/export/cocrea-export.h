/* cocrea-export.h — every export of a process, through one entry point
 *
 * The command line (cocrea export) and the Export page name an export by
 * its kind and hand over a destination; this file dispatches to the
 * writers in io/ and pdf/, after the one check of the destination.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cocrea-document.h"
#include "cocrea-progress.h"

G_BEGIN_DECLS

typedef enum {
  COCREA_EXPORT_PLAN_PDF,           /* the draft action plan */
  COCREA_EXPORT_REASONS_PDF,        /* the reasoned response to every proposal */
  COCREA_EXPORT_CONTRIBUTIONS_CSV,  /* every contribution */
  COCREA_EXPORT_PROCESS_JSON,       /* the whole process */
  COCREA_EXPORT_COMMITMENTS_CSV,    /* commitments and milestones, as open data */
  COCREA_EXPORT_DECIDIM_JSON,       /* proposals, as Decidim's proposal import reads them */
  COCREA_EXPORT_DECIDIM_ANSWERS_CSV, /* answers to proposals from Decidim, for its "Import answers" */
  COCREA_EXPORT_FINAL_PLAN_PDF,     /* the final plan, with the changes the consultation brought */
  COCREA_EXPORT_COMMITMENT_REPORT_PDF, /* the end-of-commitment report of one commitment */
  COCREA_EXPORT_PACK_ZIP,           /* every document in one ZIP, with a manifest, for OGP */
  COCREA_N_EXPORTS
} CocreaExportKind;

/* What some kinds need besides a destination. */
typedef struct {
  int commitment; /* COCREA_EXPORT_COMMITMENT_REPORT_PDF: its number in the plan, from 1 */
} CocreaExportOptions;

const char *cocrea_export_kind_get_extension       (CocreaExportKind   kind);
gboolean    cocrea_export_kind_reports_progress    (CocreaExportKind   kind);

gboolean    cocrea_export_check                    (CocreaDocument    *document,
                                                    const char        *path,
                                                    GError           **error);
gboolean    cocrea_export                          (CocreaDocument    *document,
                                                    CocreaExportKind   kind,
                                                    const CocreaExportOptions *options,
                                                    const char        *path,
                                                    GCancellable      *cancellable,
                                                    CocreaProgressFunc progress,
                                                    gpointer           user_data,
                                                    GStrv             *warnings,
                                                    GError           **error);

G_END_DECLS
