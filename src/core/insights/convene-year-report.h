/* convene-year-report.h: a plan's year in review (sessions held,
 * participation by sector and region, the government share over time, the
 * night-time ledger, recordings and blog posts, the actions' status) as
 * Markdown and as a PDF, in English or Spanish. */
#pragma once

#include <glib.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

char     *convene_year_report_markdown (ConveneStore  *store,
                                        gint64         plan,
                                        const char    *language,
                                        GError       **error);
gboolean  convene_year_report_pdf      (ConveneStore  *store,
                                        gint64         plan,
                                        const char    *language,
                                        const char    *path,
                                        GError       **error);

G_END_DECLS
