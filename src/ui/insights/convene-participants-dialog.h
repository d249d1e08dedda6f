/* convene-participants-dialog.h: the preview of a meeting tool's
 * participant report before it is recorded as one session's attendance:
 * the session (or occurrence) it is of, who was matched, and the names
 * matched to no one, each offered as a new person with a sector and a
 * region. */
#pragma once

#include <adwaita.h>

#include "insights/convene-insights.h"

G_BEGIN_DECLS

/* Reads @contents without writing.  @starts are the sessions and
 * occurrences the report may be of (ConveneInsightsStart), @selected the
 * one chosen first.  On Import the attendance and the new people are
 * written in one transaction and the window shows a toast.
 *
 * Returns: (transfer floating) (nullable): the dialog, or %NULL when the
 *   report cannot be read */
AdwDialog *convene_participants_dialog_new (ConveneStore *store,
                                            GArray       *starts,
                                            guint         selected,
                                            const char   *name,
                                            GBytes       *contents,
                                            GError      **error);

/* For tests: the sessions offered and choosing one; the names offered for creation, and ticking one of them
 * with its sector and region. */
guint      convene_participants_dialog_get_n_sessions  (AdwDialog  *dialog);
void       convene_participants_dialog_select_session  (AdwDialog  *dialog,
                                                        guint       index);
guint      convene_participants_dialog_get_n_unmatched (AdwDialog  *dialog);
void       convene_participants_dialog_set_addition    (AdwDialog  *dialog,
                                                        guint       index,
                                                        gboolean    add,
                                                        int         sector,
                                                        const char *region);
gboolean   convene_participants_dialog_import          (AdwDialog  *dialog,
                                                        GError    **error);

G_END_DECLS
