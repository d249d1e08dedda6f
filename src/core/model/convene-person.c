/* convene-person.c: a member of the group: organisation, sector, region, zone. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/convene-person.h"

struct _ConvenePerson
{
  ConveneEntity parent_instance;

  char *name;
  char *organisation;
  ConveneSector sector;
  char *country;
  char *region;
  char *timezone;
  char **languages;
  char *role;
  char *email;
};

G_DEFINE_FINAL_TYPE (ConvenePerson, convene_person, CONVENE_TYPE_ENTITY)

static const ConveneField fields[] = {
  { "name", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePerson, name), NULL, NULL,
    CONVENE_FIELD_FLAG_REQUIRED, "The person's name",
    CONVENE_VALUE_TEXT, N_("the name may not be empty") },
  { "organisation", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePerson, organisation), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Where they work",
    CONVENE_VALUE_TEXT, NULL },
  { "sector", CONVENE_FIELD_ENUM, G_STRUCT_OFFSET (ConvenePerson, sector), convene_sector_get_type, NULL,
    CONVENE_FIELD_FLAG_NONE, "Government, civil society...",
    CONVENE_VALUE_TEXT, NULL },
  { "country", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePerson, country), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "ISO 3166 country code",
    CONVENE_VALUE_TEXT, NULL },
  { "region", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePerson, region), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The world region",
    CONVENE_VALUE_TEXT, NULL },
  { "timezone", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePerson, timezone), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Their IANA time zone",
    CONVENE_VALUE_ZONE, NULL },
  { "languages", CONVENE_FIELD_STRV, G_STRUCT_OFFSET (ConvenePerson, languages), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "The languages they speak",
    CONVENE_VALUE_TEXT, NULL },
  { "role", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePerson, role), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Member, co-chair...",
    CONVENE_VALUE_TEXT, NULL },
  { "email", CONVENE_FIELD_STRING, G_STRUCT_OFFSET (ConvenePerson, email), NULL, NULL,
    CONVENE_FIELD_FLAG_NONE, "Their email address; imports match a person by it first",
    CONVENE_VALUE_EMAIL, NULL },
};

static void
convene_person_class_init (ConvenePersonClass *klass)
{
  convene_entity_class_install_fields (CONVENE_ENTITY_CLASS (klass), "people",
                                       fields, G_N_ELEMENTS (fields));
}

static void
convene_person_init (ConvenePerson *self)
{
  self->sector = CONVENE_SECTOR_OTHER;
}

ConvenePerson *
convene_person_new (void)
{
  return g_object_new (CONVENE_TYPE_PERSON, NULL);
}

const char *
convene_person_get_name (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return self->name;
}

void
convene_person_set_name (ConvenePerson *self,
                         const char *name)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "name", name);
}

const char *
convene_person_get_organisation (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return self->organisation;
}

void
convene_person_set_organisation (ConvenePerson *self,
                                 const char *organisation)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "organisation", organisation);
}

ConveneSector
convene_person_get_sector (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), 0);
  return self->sector;
}

void
convene_person_set_sector (ConvenePerson *self,
                           ConveneSector sector)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  g_object_set (self, "sector", sector, NULL);
}

const char *
convene_person_get_country (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return self->country;
}

void
convene_person_set_country (ConvenePerson *self,
                            const char *country)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "country", country);
}

const char *
convene_person_get_region (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return self->region;
}

void
convene_person_set_region (ConvenePerson *self,
                           const char *region)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "region", region);
}

const char *
convene_person_get_timezone (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return self->timezone;
}

void
convene_person_set_timezone (ConvenePerson *self,
                             const char *zone)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "timezone", zone);
}

const char * const *
convene_person_get_languages (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return (const char * const *) self->languages;
}

void
convene_person_set_languages (ConvenePerson *self,
                              const char * const *languages)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_strv_field (CONVENE_ENTITY (self), "languages", languages);
}

const char *
convene_person_get_role (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return self->role;
}

void
convene_person_set_role (ConvenePerson *self,
                         const char *role)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "role", role);
}

const char *
convene_person_get_email (ConvenePerson *self)
{
  g_return_val_if_fail (CONVENE_IS_PERSON (self), NULL);
  return self->email;
}

void
convene_person_set_email (ConvenePerson *self,
                          const char    *email)
{
  g_return_if_fail (CONVENE_IS_PERSON (self));
  convene_entity_set_string_field (CONVENE_ENTITY (self), "email", email);
}
