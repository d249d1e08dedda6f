/* convene-insights-view.h: the Insights section: participation, the
 * night-time ledger, the planner and the rotation of a plan. */
#pragma once

#include "ui/convene-plan-view.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_INSIGHTS_VIEW (convene_insights_view_get_type ())

G_DECLARE_FINAL_TYPE (ConveneInsightsView, convene_insights_view, CONVENE, INSIGHTS_VIEW, ConvenePlanView)

/* For tests: propose a rotation of @n_slots, and apply it (undoable). */
gboolean convene_insights_view_propose (ConveneInsightsView *self,
                                        guint                n_slots);
gboolean convene_insights_view_apply   (ConveneInsightsView *self);
gboolean convene_insights_view_undo    (ConveneInsightsView *self);
/* TRUE while a change waits to be shown (a reload is queued). */
gboolean convene_insights_view_is_reload_pending (ConveneInsightsView *self);
AdwDialog *convene_insights_view_preview_roster (ConveneInsightsView *self,
                                                const char          *name,
                                                GBytes              *contents);
/* A new session at the planner's selected start, opened. */
gboolean convene_insights_view_create_session (ConveneInsightsView *self);
/* The planner opened for one session, which its selected start moves
 * (undoable). */
gboolean convene_insights_view_plan_session   (ConveneInsightsView *self,
                                               gint64               session_id);
gboolean convene_insights_view_move_session   (ConveneInsightsView *self);
/* A participant report's preview, for the session @session_id or (0)
 * the plan's counted sessions. */
void       convene_insights_view_import_participants  (ConveneInsightsView *self,
                                                       gint64               session_id);
AdwDialog *convene_insights_view_preview_participants (ConveneInsightsView *self,
                                                       gint64               session_id,
                                                       const char          *name,
                                                       GBytes              *contents);

G_END_DECLS
