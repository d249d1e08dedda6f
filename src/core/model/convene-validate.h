/* convene-validate.h: the model's rules, checked in one place.
 *
 * Each field's value kind and whether it is required come from its type's
 * field table (model/convene-entity-fields.h); these functions check a value
 * against them and say, in the user's language, what is wrong.  The store
 * calls them before every write, the editor dialog and the session page as
 * the user types, so all three refuse the same values with the same words.
 */
#pragma once

#include "model/convene-entity.h"

G_BEGIN_DECLS

gboolean    convene_value_validate        (ConveneValueKind     kind,
                                           const char          *text,
                                           char               **message);
gboolean    convene_field_validate        (const ConveneField  *field,
                                           const char          *text,
                                           char               **message);
gboolean    convene_entity_validate_field (GType                type,
                                           const char          *name,
                                           const char          *text,
                                           char               **message);
gboolean    convene_entity_validate       (ConveneEntity       *entity,
                                           char               **message);
const char *convene_entity_get_label      (ConveneEntity       *entity);

G_END_DECLS
