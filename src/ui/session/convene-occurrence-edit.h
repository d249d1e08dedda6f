/* convene-occurrence-edit.h: one meeting of a series as the session page
 * edits it: the series with that meeting's exception applied, and the
 * exception written back from what the page shows. */
#pragma once

#include "model/convene-session.h"
#include "store/convene-store.h"

G_BEGIN_DECLS

/* A copy of @series as it meets at @occurrence (its start as the rule
 * gives it, Unix seconds): moved, retitled, led by someone else or
 * cancelled as the meeting's exception says. */
ConveneSession *convene_occurrence_edit_view (ConveneStore    *store,
                                              ConveneSession  *series,
                                              gint64           occurrence);

/* Stores what @meeting (a view, edited) changes from @series as the
 * meeting's exception; a meeting back to the series' own loses it. */
gboolean        convene_occurrence_edit_save (ConveneStore    *store,
                                              ConveneSession  *series,
                                              ConveneSession  *meeting,
                                              gint64           occurrence,
                                              GError         **error);

G_END_DECLS
