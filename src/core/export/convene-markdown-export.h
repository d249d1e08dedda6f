/* convene-markdown-export.h: a plan written back in the shape of the
 * action-plan documents it came from. */
#pragma once

#include "store/convene-store.h"

G_BEGIN_DECLS

/* The plan with @plan_id, or every plan one after another when it is 0:
 * title, goals, specific actions and a "| Topic | Month | Date |" meeting
 * schedule that convene_document_import() reads back to the same sessions.
 * The text ends with a newline. */
char *convene_markdown_export (ConveneStore  *store,
                               gint64         plan_id,
                               GError       **error);

G_END_DECLS
