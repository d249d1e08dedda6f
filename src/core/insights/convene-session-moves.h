/* convene-session-moves.h: sessions, and occurrences of a series, moved to
 * new starts in one transaction (a rotation applied, a slot picked in the
 * planner), with what it takes to move them back. */
#pragma once

#include <glib.h>

#include "insights/convene-insights.h"

G_BEGIN_DECLS

/* What a move changed, for convene_session_moves_revert(). */
typedef struct _ConveneSessionMoves ConveneSessionMoves;

gboolean convene_session_moves_apply  (ConveneStore               *store,
                                       const ConveneInsightsStart *starts,
                                       guint                       n_starts,
                                       const char                 *zone,
                                       ConveneSessionMoves       **moves,
                                       GError                    **error);
gboolean convene_session_moves_revert (ConveneStore               *store,
                                       ConveneSessionMoves        *moves,
                                       GError                    **error);
guint    convene_session_moves_get_n  (ConveneSessionMoves        *moves);
void     convene_session_moves_free   (ConveneSessionMoves        *moves);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneSessionMoves, convene_session_moves_free)

G_END_DECLS
