/* convene-person.h: a member of the group: organisation, sector, region, zone. */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-blog-post.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_PERSON (convene_person_get_type ())

G_DECLARE_FINAL_TYPE (ConvenePerson, convene_person, CONVENE, PERSON, ConveneEntity)

ConvenePerson *convene_person_new (void);
const char *convene_person_get_name (ConvenePerson *self);
void convene_person_set_name (ConvenePerson *self, const char *name);
const char *convene_person_get_organisation (ConvenePerson *self);
void convene_person_set_organisation (ConvenePerson *self, const char *organisation);
ConveneSector convene_person_get_sector (ConvenePerson *self);
void convene_person_set_sector (ConvenePerson *self, ConveneSector sector);
const char *convene_person_get_country (ConvenePerson *self);
void convene_person_set_country (ConvenePerson *self, const char *country);
const char *convene_person_get_region (ConvenePerson *self);
void convene_person_set_region (ConvenePerson *self, const char *region);
const char *convene_person_get_email (ConvenePerson *self);
void convene_person_set_email (ConvenePerson *self, const char *email);
const char *convene_person_get_timezone (ConvenePerson *self);
void convene_person_set_timezone (ConvenePerson *self, const char *zone);
const char * const *convene_person_get_languages (ConvenePerson *self);
void convene_person_set_languages (ConvenePerson *self, const char * const *languages);
const char *convene_person_get_role (ConvenePerson *self);
void convene_person_set_role (ConvenePerson *self, const char *role);

G_END_DECLS
