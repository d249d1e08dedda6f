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
AdwDialog *convene_insights_view_preview_roster (ConveneInsightsView *self,
                                                const char          *name,
                                                GBytes              *contents);
/* A new session at the planner's selected start, opened. */
gboolean convene_insights_view_create_session (ConveneInsightsView *self);

G_END_DECLS
