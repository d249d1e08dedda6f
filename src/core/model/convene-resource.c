/* convene-resource.c: an event, best practice or link shared with a plan or session. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-resource.h"

struct _ConveneResource
{
  ConveneEntity parent_instance;

  gint64 plan;
  gint64 session;
  ConveneResourceKind kind;
  char *title;
  char *url;
  char *date;
  gint64 shared_by;
};

G_DEFINE_FINAL_TYPE (ConveneResource, convene_resource, CONVENE_TYPE_ENTITY)

static const ConveneField fields[] = {
  { "plan", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneResource, plan), NULL, "plans",
    CONVENE_FIELD_FLAG_PARENT, "The plan",
    CONVENE_VALUE_TEXT, N_("it belongs to no plan") },
  { "session", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneResource, session), NULL, "sessions",
    CONVENE_FIELD_FLAG_NONE, "The session it belongs to, 0 for the whole plan",
    CONVENE_VALUE_TEXT, NULL },
  { "kind", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConveneResource, kind), convene_resource_kind_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Event, best practice, resource...",
    CONVENE_VALUE_TEXT, NULL },
  { "title", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneResource, title), NULL, NULL,
    CONVENE_FIELD_FLAG_REQUIRED, "The title",
    CONVENE_VALUE_TEXT, N_("the title may not be empty") },
  { "url", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneResource, url), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The address",
    CONVENE_VALUE_URL, NULL },
  { "date", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConveneResource, date), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "YYYY-MM-DD, or NULL",
    CONVENE_VALUE_DATE, NULL },
  { "shared-by", CONVENE_FIELD_REF, G_STRUCT_OFFSET (ConveneResource, shared_by), NULL, "people",
    CONVENE_FIELD_FLAG_NONE, "Who shared it, 0 if unknown",
    CONVENE_VALUE_TEXT, NULL },
};

static void
convene_resource_class_init (ConveneResourceClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "resources",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_resource_init (ConveneResource *self)
{
  self->kind = CONVENE_RESOURCE_KIND_RESOURCE;
}

ConveneResource *
convene_resource_new (void)
{
  return g_object_new (CONVENE_TYPE_RESOURCE, NULL);
}

gint64
convene_resource_get_plan (ConveneResource *self)
{
  g_return_val_if_fail (CONVENE_IS_RESOURCE (self), 0);
  return self->plan;
}

void
convene_resource_set_plan (ConveneResource *self,
                           gint64 plan)
{
  g_return_if_fail (CONVENE_IS_RESOURCE (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "plan", plan);
}

gint64
convene_resource_get_session (ConveneResource *self)
{
  g_return_val_if_fail (CONVENE_IS_RESOURCE (self), 0);
  return self->session;
}

void
convene_resource_set_session (ConveneResource *self,
                              gint64 session)
{
  g_return_if_fail (CONVENE_IS_RESOURCE (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "session", session);
}

ConveneResourceKind
convene_resource_get_kind (ConveneResource *self)
{
  g_return_val_if_fail (CONVENE_IS_RESOURCE (self), 0);
  return self->kind;
}

void
convene_resource_set_kind (ConveneResource *self,
                           ConveneResourceKind kind)
{
  g_return_if_fail (CONVENE_IS_RESOURCE (self));
  g_object_set (self, "kind", kind, NULL);
}

const char *
convene_resource_get_title (ConveneResource *self)
{
  g_return_val_if_fail (CONVENE_IS_RESOURCE (self), NULL);
  return self->title;
}

void
convene_resource_set_title (ConveneResource *self,
                            const char *title)
{
  g_return_if_fail (CONVENE_IS_RESOURCE (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "title", title);
}

const char *
convene_resource_get_url (ConveneResource *self)
{
  g_return_val_if_fail (CONVENE_IS_RESOURCE (self), NULL);
  return self->url;
}

void
convene_resource_set_url (ConveneResource *self,
                          const char *url)
{
  g_return_if_fail (CONVENE_IS_RESOURCE (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "url", url);
}

const char *
convene_resource_get_date (ConveneResource *self)
{
  g_return_val_if_fail (CONVENE_IS_RESOURCE (self), NULL);
  return self->date;
}

void
convene_resource_set_date (ConveneResource *self,
                           const char *date)
{
  g_return_if_fail (CONVENE_IS_RESOURCE (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "date", date);
}

gint64
convene_resource_get_shared_by (ConveneResource *self)
{
  g_return_val_if_fail (CONVENE_IS_RESOURCE (self), 0);
  return self->shared_by;
}

void
convene_resource_set_shared_by (ConveneResource *self,
                                gint64 shared_by)
{
  g_return_if_fail (CONVENE_IS_RESOURCE (self));
  convene_entity_set_ref_field (CONVENE_ENTITY (self), "shared-by", shared_by);
}
