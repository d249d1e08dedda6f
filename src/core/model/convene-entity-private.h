/* convene-entity-private.h: raw field access for the store's row mapping. */
#pragma once

#include "model/convene-entity.h"

G_BEGIN_DECLS

void _convene_entity_field_clear (ConveneEntity      *self,
                                  const ConveneField *field);

G_END_DECLS
