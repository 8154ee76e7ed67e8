/* test-tools.h — running the programs tests read files back with
 * (pdftotext, qpdf, pdftoppm, zbarimg)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean test_have_programs  (const char        *first,
                              ...) G_GNUC_NULL_TERMINATED;
char    *test_run            (const char *const *argv);
char    *test_pdf_page_text  (const char        *pdf,
                              guint              page);
void     test_assert_qpdf_clean (const char     *pdf);

G_END_DECLS
