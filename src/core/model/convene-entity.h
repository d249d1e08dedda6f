/* convene-entity.h: the base of every stored object (plan, goal, session...).
 *
 * An entity has a database id and a table of fields.  Each subclass describes
 * its fields once (name, kind, offset); from that table come its GObject
 * properties, its SQLite columns and its JSON keys, in one order.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CONVENE_TYPE_ENTITY (convene_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (ConveneEntity, convene_entity, CONVENE, ENTITY, GObject)

typedef enum {
  CONVENE_FIELD_INT,       /* int */
  CONVENE_FIELD_REF,       /* gint64 id of another entity; 0 means none */
  CONVENE_FIELD_STRING,    /* char *, NULL means unknown */
  CONVENE_FIELD_STRV,      /* char **, never NULL once set */
  CONVENE_FIELD_ENUM,      /* int of a registered GEnum */
  CONVENE_FIELD_DATETIME,  /* GDateTime * in UTC, or NULL */
  CONVENE_FIELD_BLOG,      /* ConveneBlogPost *, or NULL */
} ConveneFieldKind;

typedef enum {
  CONVENE_FIELD_FLAG_NONE     = 0,
  CONVENE_FIELD_FLAG_PARENT   = 1 << 0, /* the owning plan: implied by nesting in JSON */
  CONVENE_FIELD_FLAG_REQUIRED = 1 << 1, /* may not be NULL or empty */
} ConveneFieldFlags;

typedef struct {
  const char        *name;      /* property name; column and JSON key use '_' */
  ConveneFieldKind   kind;
  gsize              offset;    /* of the value in the instance struct */
  GType            (*enum_type) (void);
  const char        *ref_table; /* for CONVENE_FIELD_REF: the referenced table */
  ConveneFieldFlags  flags;
  const char        *blurb;
} ConveneField;

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

#define CONVENE_FIELD_PTR(self, field) ((gpointer) (((guint8 *) (self)) + (field)->offset))

G_END_DECLS
