/* convene-markdown-export.h: a plan written back in the shape of the
 * action-plan documents it came from. */
#pragma once

#include "store/convene-store.h"

G_BEGIN_DECLS

/* The plan with @plan_id, or every plan one after another when it is 0:
 * title, goals, specific actions and a "| Topic | Month | Date |" meeting
 * schedule that convene_document_import() reads back to the same sessions.
 * A series' row (its first meeting and its rule) is followed by a row for
 * each of its meetings through the end of the plan's year, as its
 * exceptions leave them, marked "One meeting of the series"
 * (CONVENE_TEXT_SERIES_MEETING): the importer reads the series from its own
 * row and passes over those.  The text ends with a newline. */
char *convene_markdown_export (ConveneStore  *store,
                               gint64         plan_id,
                               GError       **error);

G_END_DECLS
