/* convene-resource.h: an event, best practice or link shared with a plan or session. */
#pragma once

#include "model/convene-entity.h"
#include "model/convene-enums.h"
#include "model/convene-enum-types.h"
#include "model/convene-blog-post.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_RESOURCE (convene_resource_get_type ())

G_DECLARE_FINAL_TYPE (ConveneResource, convene_resource, CONVENE, RESOURCE, ConveneEntity)

ConveneResource *convene_resource_new (void);
gint64 convene_resource_get_plan (ConveneResource *self);
void convene_resource_set_plan (ConveneResource *self, gint64 plan);
gint64 convene_resource_get_session (ConveneResource *self);
void convene_resource_set_session (ConveneResource *self, gint64 session);
ConveneResourceKind convene_resource_get_kind (ConveneResource *self);
void convene_resource_set_kind (ConveneResource *self, ConveneResourceKind kind);
const char *convene_resource_get_title (ConveneResource *self);
void convene_resource_set_title (ConveneResource *self, const char *title);
const char *convene_resource_get_url (ConveneResource *self);
void convene_resource_set_url (ConveneResource *self, const char *url);
const char *convene_resource_get_date (ConveneResource *self);
void convene_resource_set_date (ConveneResource *self, const char *date);
gint64 convene_resource_get_shared_by (ConveneResource *self);
void convene_resource_set_shared_by (ConveneResource *self, gint64 shared_by);

G_END_DECLS
