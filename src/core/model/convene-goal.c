/* convene-goal.c: one of a plan's goals. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-goal.h"

struct _ConveneGoal
{
  ConveneEntity parent_instance;

  gint64 plan;
  int position;
  char *title;
  char *description;
};

G_DEFINE_FINAL_TYPE (ConveneGoal, convene_goal, CONVENE_TYPE_ENTITY)

static const ConveneField fields[] = {
  { "plan", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneGoal, plan), NULL, "plans",
    CONVENE_FIELD_FLAG_PARENT, "The plan",
    CONVENE_VALUE_TEXT, N_("it belongs to no plan") },
  { "position", CONVENE_FIELD_INT, G_STRUCT_OFFSET (ConveneGoal, position), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Its place in the plan's list, from 1",
    CONVENE_VALUE_TEXT, NULL },
  { "title", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneGoal, title), NULL, NULL,
    CONVENE_FIELD_FLAG_REQUIRED, "The goal in a few words",
    CONVENE_VALUE_TEXT, N_("the title may not be empty") },
  { "description", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneGoal, description), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The goal in full",
    CONVENE_VALUE_TEXT, NULL },
};

static void
convene_goal_class_init (ConveneGoalClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "goals",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_goal_init (ConveneGoal *self)
{
}

ConveneGoal *
convene_goal_new (void)
{
  return g_object_new (CONVENE_TYPE_GOAL, NULL);
}

gint64
convene_goal_get_plan (ConveneGoal *self)
{
  g_return_val_if_fail (CONVENE_IS_GOAL (self), 0);
  return self->plan;
}

void
convene_goal_set_plan (ConveneGoal *self,
                       gint64 plan)
{
  g_return_if_fail (CONVENE_IS_GOAL (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "plan", plan);
}

int
convene_goal_get_position (ConveneGoal *self)
{
  g_return_val_if_fail (CONVENE_IS_GOAL (self), 0);
  return self->position;
}

void
convene_goal_set_position (ConveneGoal *self,
                           int position)
{
  g_return_if_fail (CONVENE_IS_GOAL (self));
  convene_entity_set_int_field (CONVENE_ENTITY (self), "position", position);
}

const char *
convene_goal_get_title (ConveneGoal *self)
{
  g_return_val_if_fail (CONVENE_IS_GOAL (self), NULL);
  return self->title;
}

void
convene_goal_set_title (ConveneGoal *self,
                        const char *title)
{
  g_return_if_fail (CONVENE_IS_GOAL (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "title", title);
}

const char *
convene_goal_get_description (ConveneGoal *self)
{
  g_return_val_if_fail (CONVENE_IS_GOAL (self), NULL);
  return self->description;
}

void
convene_goal_set_description (ConveneGoal *self,
                              const char *description)
{
  g_return_if_fail (CONVENE_IS_GOAL (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "description", description);
}
