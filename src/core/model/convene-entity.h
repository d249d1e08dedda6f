/* convene-entity.h: the base of every stored object (plan, goal, session...).
 *
 * An entity has a database id and a table of fields.  Each subclass describes
 * its fields once (name, kind, offset); from that table come its GObject
 * properties, its SQLite columns and its JSON keys, in one order.
 */
#pragma once

#include <glib-object.h>

#include "model/convene-entity-fields.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_ENTITY (convene_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (ConveneEntity, convene_entity, CONVENE, ENTITY, GObject)

struct _ConveneEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char         *table;
  const ConveneField *fields;
  guint               n_fields;
};

void                convene_entity_class_install_fields (ConveneEntityClass *klass,
                                                         const char         *table,
                                                         const ConveneField *fields,
                                                         guint               n_fields);
const ConveneField *convene_entity_class_get_fields     (ConveneEntityClass *klass,
                                                         guint              *n_fields);
const char         *convene_entity_class_get_table      (ConveneEntityClass *klass);
const ConveneField *convene_entity_class_find_field     (ConveneEntityClass *klass,
                                                         const char         *name);

gint64              convene_entity_get_id               (ConveneEntity      *self);
void                convene_entity_set_id               (ConveneEntity      *self,
                                                         gint64              id);
gboolean            convene_entity_equal                (ConveneEntity      *a,
                                                         ConveneEntity      *b);
ConveneEntity      *convene_entity_copy                 (ConveneEntity      *self);
void                convene_entity_assign               (ConveneEntity      *self,
                                                         ConveneEntity      *from);

/* Typed setters shared by the subclasses: they compare, assign and notify. */
void                convene_entity_set_int_field        (ConveneEntity      *self,
                                                         const char         *name,
                                                         int                 value);
void                convene_entity_set_ref_field        (ConveneEntity      *self,
                                                         const char         *name,
                                                         gint64              value);
void                convene_entity_set_string_field     (ConveneEntity      *self,
                                                         const char         *name,
                                                         const char         *value);
void                convene_entity_set_strv_field       (ConveneEntity      *self,
                                                         const char         *name,
                                                         const char * const *value);

G_END_DECLS
