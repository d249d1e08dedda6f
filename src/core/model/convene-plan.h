/* convene-plan.h: a working group's plan for a year: title, group, year, zones. */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-blog-post.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PLAN (convene_plan_get_type ())

G_DECLARE_FINAL_TYPE (ConvenePlan, convene_plan, CONVENE, PLAN, ConveneEntity)

ConvenePlan *convene_plan_new (void);
const char *convene_plan_get_title (ConvenePlan *self);
void convene_plan_set_title (ConvenePlan *self, const char *title);
const char *convene_plan_get_group (ConvenePlan *self);
void convene_plan_set_group (ConvenePlan *self, const char *group);
int convene_plan_get_year (ConvenePlan *self);
void convene_plan_set_year (ConvenePlan *self, int year);
const char *convene_plan_get_summary (ConvenePlan *self);
void convene_plan_set_summary (ConvenePlan *self, const char *summary);
ConvenePlanStatus convene_plan_get_status (ConvenePlan *self);
void convene_plan_set_status (ConvenePlan *self, ConvenePlanStatus status);
const char *convene_plan_get_timezone (ConvenePlan *self);
void convene_plan_set_timezone (ConvenePlan *self, const char *zone);
const char * const *convene_plan_get_extra_timezones (ConvenePlan *self);
void convene_plan_set_extra_timezones (ConvenePlan *self, const char * const *extra_timezones);

G_END_DECLS
