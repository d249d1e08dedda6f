/* convene-plan.c: a working group's plan for a year: title, group, year, zones. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-plan.h"

struct _ConvenePlan
{
  ConveneEntity parent_instance;

  char *title;
  char *group;
  int year;
  char *summary;
  ConvenePlanStatus status;
  char *timezone;
  char **extra_timezones;
};

G_DEFINE_FINAL_TYPE (ConvenePlan, convene_plan, CONVENE_TYPE_ENTITY)

static const ConveneField fields[] = {
  { "title", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePlan, title), NULL, NULL,
    CONVENE_FIELD_FLAG_REQUIRED, "The plan's title, such as \"Action Plan 2021\"",
    CONVENE_VALUE_TEXT, N_("the title may not be empty") },
  { "group", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePlan, group), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The working group's name",
    CONVENE_VALUE_TEXT, NULL },
  { "year", CONVENE_FIELD_INT, G_STRUCT_OFFSET (ConvenePlan, year), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The year the plan covers, 0 if unknown",
    CONVENE_VALUE_TEXT, NULL },
  { "summary", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePlan, summary), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "What the plan is about",
    CONVENE_VALUE_TEXT, NULL },
  { "status", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConvenePlan, status), convene_plan_status_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Draft or approved",
    CONVENE_VALUE_TEXT, NULL },
  { "timezone", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePlan, timezone), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The home time zone",
    CONVENE_VALUE_ZONE, NULL },
  { "extra-timezones", CONVENE_FIELD_STRV, G_STRUCT_OFFSET (ConvenePlan, extra_timezones), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Zones shown beside every time",
    CONVENE_VALUE_ZONE, NULL },
};

static void
convene_plan_class_init (ConvenePlanClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "plans",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_plan_init (ConvenePlan *self)
{
}

ConvenePlan *
convene_plan_new (void)
{
  return g_object_new (CONVENE_TYPE_PLAN, NULL);
}

const char *
convene_plan_get_title (ConvenePlan *self)
{
  g_return_val_if_fail (CONVENE_IS_PLAN (self), NULL);
  return self->title;
}

void
convene_plan_set_title (ConvenePlan *self,
                        const char *title)
{
  g_return_if_fail (CONVENE_IS_PLAN (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "title", title);
}

const char *
convene_plan_get_group (ConvenePlan *self)
{
  g_return_val_if_fail (CONVENE_IS_PLAN (self), NULL);
  return self->group;
}

void
convene_plan_set_group (ConvenePlan *self,
                        const char *group)
{
  g_return_if_fail (CONVENE_IS_PLAN (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "group", group);
}

int
convene_plan_get_year (ConvenePlan *self)
{
  g_return_val_if_fail (CONVENE_IS_PLAN (self), 0);
  return self->year;
}

void
convene_plan_set_year (ConvenePlan *self,
                       int year)
{
  g_return_if_fail (CONVENE_IS_PLAN (self));
  convene_entity_set_int_field (CONVENE_ENTITY (self), "year", year);
}

const char *
convene_plan_get_summary (ConvenePlan *self)
{
  g_return_val_if_fail (CONVENE_IS_PLAN (self), NULL);
  return self->summary;
}

void
convene_plan_set_summary (ConvenePlan *self,
                          const char *summary)
{
  g_return_if_fail (CONVENE_IS_PLAN (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "summary", summary);
}

ConvenePlanStatus
convene_plan_get_status (ConvenePlan *self)
{
  g_return_val_if_fail (CONVENE_IS_PLAN (self), 0);
  return self->status;
}

void
convene_plan_set_status (ConvenePlan *self,
                         ConvenePlanStatus status)
{
  g_return_if_fail (CONVENE_IS_PLAN (self));
  g_object_set (self, "status", status, NULL);
}

const char *
convene_plan_get_timezone (ConvenePlan *self)
{
  g_return_val_if_fail (CONVENE_IS_PLAN (self), NULL);
  return self->timezone;
}

void
convene_plan_set_timezone (ConvenePlan *self,
                           const char *zone)
{
  g_return_if_fail (CONVENE_IS_PLAN (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "timezone", zone);
}

const char * const *
convene_plan_get_extra_timezones (ConvenePlan *self)
{
  g_return_val_if_fail (CONVENE_IS_PLAN (self), NULL);
  return (const char * const *) self->extra_timezones;
}

void
convene_plan_set_extra_timezones (ConvenePlan *self,
                                  const char * const *extra_timezones)
{
  g_return_if_fail (CONVENE_IS_PLAN (self));
  convene_entity_set_strv_field (CONVENE_ENTITY (self), "extra-timezones", extra_timezones);
}
