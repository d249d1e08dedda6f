/* convene-entity-fields.h: the field table each entity type declares.
 *
 * One row a field: its property name (whose snake_case form is both its
 * SQLite column and its JSON key), how it is held in the instance, and the
 * kind of value it holds (a month, a due date, a zone, an address...).  The
 * entity's properties, the store's rows, the JSON code, the exporters and
 * the validator (model/convene-validate.h) all read this one table, so a
 * field and its rules are written once, where the type is declared.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

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

/* What a text value means, and so which format it must have.  For a list
 * (CONVENE_FIELD_STRV) it is the kind of each item. */
typedef enum {
  CONVENE_VALUE_TEXT,        /* any text */
  CONVENE_VALUE_MONTH,       /* YYYY-MM */
  CONVENE_VALUE_DUE,         /* YYYY (through the year), YYYY-MM or YYYY-MM-DD */
  CONVENE_VALUE_DATE,        /* YYYY-MM-DD, a real calendar day */
  CONVENE_VALUE_ZONE,        /* an IANA name, UTC, or a fixed offset such as -06:00 */
  CONVENE_VALUE_URL,         /* a web (http, https) or mailto address */
  CONVENE_VALUE_RECURRENCE,  /* an RRULE, such as FREQ=WEEKLY;INTERVAL=2 */
  CONVENE_VALUE_EMAIL,       /* an email address, ann@example.org */
} ConveneValueKind;

typedef struct {
  const char        *name;      /* property name; column and JSON key use '_' */
  ConveneFieldKind   kind;
  gsize              offset;    /* of the value in the instance struct */
  GType            (*enum_type) (void);
  const char        *ref_table; /* for CONVENE_FIELD_REF: the referenced table */
  ConveneFieldFlags  flags;
  const char        *blurb;
  ConveneValueKind   value;     /* the format a text value must have */
  const char        *missing;   /* N_(): what a person reads when a required value is missing */
} ConveneField;

#define CONVENE_FIELD_PTR(self, field) ((gpointer) (((guint8 *) (self)) + (field)->offset))

char *convene_field_dup_key     (const ConveneField *field);
void  convene_field_clear_value (gpointer            instance,
                                 const ConveneField *field);

G_END_DECLS
