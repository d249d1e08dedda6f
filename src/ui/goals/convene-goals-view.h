/* convene-goals-view.h: a plan's goals and specific actions. */
#pragma once

#include "ui/convene-plan-view.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_GOALS_VIEW (convene_goals_view_get_type ())

G_DECLARE_FINAL_TYPE (ConveneGoalsView, convene_goals_view, CONVENE, GOALS_VIEW, ConvenePlanView)

G_END_DECLS
