/* convene-action.h: a specific action of a plan, with owners, due and status. */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-blog-post.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ACTION (convene_action_get_type ())

G_DECLARE_FINAL_TYPE (ConveneAction, convene_action, CONVENE, ACTION, ConveneEntity)

ConveneAction *convene_action_new (void);
gint64 convene_action_get_plan (ConveneAction *self);
void convene_action_set_plan (ConveneAction *self, gint64 plan);
gint64 convene_action_get_goal (ConveneAction *self);
void convene_action_set_goal (ConveneAction *self, gint64 goal);
const char *convene_action_get_title (ConveneAction *self);
void convene_action_set_title (ConveneAction *self, const char *title);
const char * const *convene_action_get_owners (ConveneAction *self);
void convene_action_set_owners (ConveneAction *self, const char * const *owners);
const char *convene_action_get_due (ConveneAction *self);
void convene_action_set_due (ConveneAction *self, const char *due);
ConveneActionStatus convene_action_get_status (ConveneAction *self);
void convene_action_set_status (ConveneAction *self, ConveneActionStatus status);

G_END_DECLS
