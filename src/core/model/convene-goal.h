/* convene-goal.h: one of a plan's goals. */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-blog-post.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_GOAL (convene_goal_get_type ())

G_DECLARE_FINAL_TYPE (ConveneGoal, convene_goal, CONVENE, GOAL, ConveneEntity)

ConveneGoal *convene_goal_new (void);
gint64 convene_goal_get_plan (ConveneGoal *self);
void convene_goal_set_plan (ConveneGoal *self, gint64 plan);
int convene_goal_get_position (ConveneGoal *self);
void convene_goal_set_position (ConveneGoal *self, int position);
const char *convene_goal_get_title (ConveneGoal *self);
void convene_goal_set_title (ConveneGoal *self, const char *title);
const char *convene_goal_get_description (ConveneGoal *self);
void convene_goal_set_description (ConveneGoal *self, const char *description);

G_END_DECLS
