/* cocrea-pdf-labels.h — the words of the process's own values, in a given language
 *
 * The same labels as cocrea-types.c, cocrea-stage.c, cocrea-criterion.c
 * and cocrea-selection.c give (the same msgids), but looked up in a
 * #CocreaCatalog so a document is in the language of its process rather
 * than of the person exporting it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "cocrea-catalog.h"
#include "cocrea-chart.h"
#include "cocrea-pdf-writer.h"

G_BEGIN_DECLS

const char *cocrea_pdf_label_origin        (CocreaCatalog *catalog,
                                            const char    *key);
const char *cocrea_pdf_label_activity_kind (CocreaCatalog *catalog,
                                            const char    *key);
const char *cocrea_pdf_label_stage         (CocreaCatalog *catalog,
                                            const char    *key,
                                            const char    *name);
const char *cocrea_pdf_label_stage_status  (CocreaCatalog *catalog,
                                            const char    *key);
const char *cocrea_pdf_label_decision      (CocreaCatalog *catalog,
                                            const char    *key);
const char *cocrea_pdf_label_channel       (CocreaCatalog *catalog,
                                            const char    *key);
const char *cocrea_pdf_label_progress      (CocreaCatalog *catalog,
                                            const char    *key);
const char *cocrea_pdf_label_response      (CocreaCatalog *catalog,
                                            const char    *key);
const char *cocrea_pdf_label_criterion     (CocreaCatalog *catalog,
                                            const char    *key,
                                            const char    *name);
const char *cocrea_pdf_label_inclusion     (CocreaCatalog *catalog,
                                            guint          index);
char       *cocrea_pdf_label_axes          (CocreaCatalog *catalog,
                                            guint          axes);
char       *cocrea_pdf_format_date         (CocreaCatalog *catalog,
                                            const char    *date);
char       *cocrea_pdf_format_period       (CocreaCatalog *catalog,
                                            const char    *starts_on,
                                            const char    *ends_on);
char       *cocrea_pdf_format_today        (CocreaCatalog *catalog);
char       *cocrea_pdf_page_footer         (guint          page,
                                            guint          n_pages,
                                            gpointer       catalog);
void        cocrea_pdf_add_chart           (CocreaPdfWriter *writer,
                                            CocreaChart     *chart,
                                            double           width,
                                            double           height);
void        cocrea_pdf_add_chart_scaled    (CocreaPdfWriter *writer,
                                            CocreaChart     *chart,
                                            double           width,
                                            double           height,
                                            double           placed_width);

G_END_DECLS
