/* convene-action.c: a specific action of a plan, with owners, due and status. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-action.h"

struct _ConveneAction
{
  ConveneEntity parent_instance;

  gint64 plan;
  gint64 goal;
  char *title;
  char **owners;
  char *due;
  ConveneActionStatus status;
};

G_DEFINE_FINAL_TYPE (ConveneAction, convene_action, CONVENE_TYPE_ENTITY)

static const ConveneField fields[] = {
  { "plan", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneAction, plan), NULL, "plans",
    CONVENE_FIELD_FLAG_PARENT, "The plan",
    CONVENE_VALUE_TEXT, N_("it belongs to no plan") },
  { "goal", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneAction, goal), NULL, "goals",
    CONVENE_FIELD_FLAG_NONE, "The goal it serves, 0 for none",
    CONVENE_VALUE_TEXT, NULL },
  { "title", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneAction, title), NULL, NULL,
    CONVENE_FIELD_FLAG_REQUIRED, "What is to be done",
    CONVENE_VALUE_TEXT, N_("the title may not be empty") },
  { "owners", CONVENE_FIELD_STRV, G_STRUCT_OFFSET (ConveneAction, owners), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "People or groups, such as \"volunteers\"",
    CONVENE_VALUE_TEXT, NULL },
  { "due", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneAction, due), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "YYYY-MM, YYYY-MM-DD, YYYY (through the year) or NULL",
    CONVENE_VALUE_DUE, NULL },
  { "status", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConveneAction, status), convene_action_status_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Planned, in progress, done or dropped",
    CONVENE_VALUE_TEXT, NULL },
};

static void
convene_action_class_init (ConveneActionClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "actions",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_action_init (ConveneAction *self)
{
}

ConveneAction *
convene_action_new (void)
{
  return g_object_new (CONVENE_TYPE_ACTION, NULL);
}

gint64
convene_action_get_plan (ConveneAction *self)
{
  g_return_val_if_fail (CONVENE_IS_ACTION (self), 0);
  return self->plan;
}

void
convene_action_set_plan (ConveneAction *self,
                         gint64 plan)
{
  g_return_if_fail (CONVENE_IS_ACTION (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "plan", plan);
}

gint64
convene_action_get_goal (ConveneAction *self)
{
  g_return_val_if_fail (CONVENE_IS_ACTION (self), 0);
  return self->goal;
}

void
convene_action_set_goal (ConveneAction *self,
                         gint64 goal)
{
  g_return_if_fail (CONVENE_IS_ACTION (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "goal", goal);
}

const char *
convene_action_get_title (ConveneAction *self)
{
  g_return_val_if_fail (CONVENE_IS_ACTION (self), NULL);
  return self->title;
}

void
convene_action_set_title (ConveneAction *self,
                          const char *title)
{
  g_return_if_fail (CONVENE_IS_ACTION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "title", title);
}

const char * const *
convene_action_get_owners (ConveneAction *self)
{
  g_return_val_if_fail (CONVENE_IS_ACTION (self), NULL);
  return (const char * const *) self->owners;
}

void
convene_action_set_owners (ConveneAction *self,
                           const char * const *owners)
{
  g_return_if_fail (CONVENE_IS_ACTION (self));
  convene_entity_set_strv_field (CONVENE_ENTITY (self), "owners", owners);
}

const char *
convene_action_get_due (ConveneAction *self)
{
  g_return_val_if_fail (CONVENE_IS_ACTION (self), NULL);
  return self->due;
}

void
convene_action_set_due (ConveneAction *self,
                        const char *due)
{
  g_return_if_fail (CONVENE_IS_ACTION (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "due", due);
}

ConveneActionStatus
convene_action_get_status (ConveneAction *self)
{
  g_return_val_if_fail (CONVENE_IS_ACTION (self), 0);
  return self->status;
}

void
convene_action_set_status (ConveneAction *self,
                           ConveneActionStatus status)
{
  g_return_if_fail (CONVENE_IS_ACTION (self));
  g_object_set (self, "status", status, NULL);
}
