/* convene-entity.c: properties, equality and copies for every stored object,
 * driven by each subclass's field table. */
#include "model/convene-entity.h"
#include "model/convene-blog-post.h"

typedef struct
{
  gint64 id;
} ConveneEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ConveneEntity, convene_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const ConveneField *
field_for_pspec (GParamSpec *pspec)
{
  ConveneEntityClass *klass = g_type_class_peek (pspec->owner_type);

  g_assert (klass != NULL);
  g_assert (pspec->param_id >= 1 && pspec->param_id <= klass->n_fields);
  return &klass->fields[pspec->param_id - 1];
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || a[0] == NULL)
    return b == NULL || b[0] == NULL;
  if (b == NULL)
    return FALSE;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
datetime_equal (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static void
field_get_value (ConveneEntity      *self,
                 const ConveneField *field,
                 GValue             *value)
{
  gpointer ptr = CONVENE_FIELD_PTR (self, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      g_value_set_int (value, *(int *) ptr);
      break;
    case CONVENE_FIELD_REF:
      g_value_set_int64 (value, *(gint64 *) ptr);
      break;
    case CONVENE_FIELD_STRING:
      g_value_set_string (value, *(char **) ptr);
      break;
    case CONVENE_FIELD_STRV:
      g_value_set_boxed (value, *(char ***) ptr);
      break;
    case CONVENE_FIELD_ENUM:
      g_value_set_enum (value, *(int *) ptr);
      break;
    case CONVENE_FIELD_DATETIME:
    case CONVENE_FIELD_BLOG:
      g_value_set_boxed (value, *(gpointer *) ptr);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Assigns a value to a field; returns whether it changed.  Longer than a
 * function should be because it is one case a field kind, each with its own
 * comparison and copy, as in the other switches of this file; split up, a
 * new kind would be easy to miss in one of them. */
static gboolean
field_set_value (ConveneEntity      *self,
                 const ConveneField *field,
                 const GValue       *value)
{
  gpointer ptr = CONVENE_FIELD_PTR (self, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      if (*(int *) ptr == g_value_get_int (value))
        return FALSE;
      *(int *) ptr = g_value_get_int (value);
      return TRUE;

    case CONVENE_FIELD_REF:
      if (*(gint64 *) ptr == g_value_get_int64 (value))
        return FALSE;
      *(gint64 *) ptr = g_value_get_int64 (value);
      return TRUE;

    case CONVENE_FIELD_ENUM:
      if (*(int *) ptr == g_value_get_enum (value))
        return FALSE;
      *(int *) ptr = g_value_get_enum (value);
      return TRUE;

    case CONVENE_FIELD_STRING:
      return g_set_str ((char **) ptr, g_value_get_string (value));

    case CONVENE_FIELD_STRV:
      {
        char **v = g_value_get_boxed (value);

        if (strv_equal (*(char ***) ptr, v))
          return FALSE;
        g_strfreev (*(char ***) ptr);
        *(char ***) ptr = (v != NULL && v[0] != NULL) ? g_strdupv (v) : NULL;
        return TRUE;
      }

    case CONVENE_FIELD_DATETIME:
      {
        GDateTime *v = g_value_get_boxed (value);

        if (datetime_equal (*(GDateTime **) ptr, v))
          return FALSE;
        g_clear_pointer ((GDateTime **) ptr, g_date_time_unref);
        if (v != NULL)
          *(GDateTime **) ptr = g_date_time_to_utc (v);
        return TRUE;
      }

    case CONVENE_FIELD_BLOG:
      {
        ConveneBlogPost *v = g_value_get_boxed (value);

        if (convene_blog_post_equal (*(ConveneBlogPost **) ptr, v))
          return FALSE;
        g_clear_pointer ((ConveneBlogPost **) ptr, convene_blog_post_free);
        if (v != NULL)
          *(ConveneBlogPost **) ptr = convene_blog_post_copy (v);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * convene_field_clear_value:
 * @instance: an entity of the type that declares @field
 * @field: one of its fields
 *
 * Frees what @field holds and leaves it empty, as a row reader needs before
 * it puts a stored value in.
 */
void
convene_field_clear_value (gpointer            instance,
                           const ConveneField *field)
{
  gpointer ptr = CONVENE_FIELD_PTR (instance, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_STRING:
      g_clear_pointer ((char **) ptr, g_free);
      break;
    case CONVENE_FIELD_STRV:
      g_clear_pointer ((char ***) ptr, g_strfreev);
      break;
    case CONVENE_FIELD_DATETIME:
      g_clear_pointer ((GDateTime **) ptr, g_date_time_unref);
      break;
    case CONVENE_FIELD_BLOG:
      g_clear_pointer ((ConveneBlogPost **) ptr, convene_blog_post_free);
      break;
    default:
      break;
    }
}

static void
convene_entity_fields_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  field_get_value (CONVENE_ENTITY (object), field_for_pspec (pspec), value);
}

static void
convene_entity_fields_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  if (field_set_value (CONVENE_ENTITY (object), field_for_pspec (pspec), value))
    g_object_notify_by_pspec (object, pspec);
}

static void
convene_entity_finalize (GObject *object)
{
  ConveneEntity *self = CONVENE_ENTITY (object);
  ConveneEntityClass *klass = CONVENE_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    convene_field_clear_value (self, &klass->fields[i]);

  G_OBJECT_CLASS (convene_entity_parent_class)->finalize (object);
}

static void
convene_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConveneEntity *self = CONVENE_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, convene_entity_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_entity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ConveneEntity *self = CONVENE_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      convene_entity_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
convene_entity_class_init (ConveneEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = convene_entity_finalize;
  object_class->get_property = convene_entity_get_property;
  object_class->set_property = convene_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "The database id, 0 before the object is stored",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
convene_entity_init (ConveneEntity *self)
{
}

static GParamSpec *
pspec_for_field (const ConveneField *field)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      return g_param_spec_int (field->name, NULL, field->blurb, G_MININT, G_MAXINT, 0, flags);
    case CONVENE_FIELD_REF:
      return g_param_spec_int64 (field->name, NULL, field->blurb, 0, G_MAXINT64, 0, flags);
    case CONVENE_FIELD_STRING:
      return g_param_spec_string (field->name, NULL, field->blurb, NULL, flags);
    case CONVENE_FIELD_STRV:
      return g_param_spec_boxed (field->name, NULL, field->blurb, G_TYPE_STRV, flags);
    case CONVENE_FIELD_ENUM:
      return g_param_spec_enum (field->name, NULL, field->blurb, field->enum_type (), 0, flags);
    case CONVENE_FIELD_DATETIME:
      return g_param_spec_boxed (field->name, NULL, field->blurb, G_TYPE_DATE_TIME, flags);
    case CONVENE_FIELD_BLOG:
      return g_param_spec_boxed (field->name, NULL, field->blurb, CONVENE_TYPE_BLOG_POST, flags);
    default:
      g_assert_not_reached ();
    }
}

/**
 * convene_entity_class_install_fields:
 * @klass: a subclass's class
 * @table: the SQLite table its objects live in
 * @fields: (array length=n_fields): its fields, in the order of its JSON keys
 * @n_fields: how many
 *
 * Installs one property per field; property ids are the field's index + 1.
 */
void
convene_entity_class_install_fields (ConveneEntityClass *klass,
                                     const char         *table,
                                     const ConveneField *fields,
                                     guint               n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  object_class->get_property = convene_entity_fields_get_property;
  object_class->set_property = convene_entity_fields_set_property;

  for (guint i = 0; i < n_fields; i++)
    g_object_class_install_property (object_class, i + 1, pspec_for_field (&fields[i]));
}

const ConveneField *
convene_entity_class_get_fields (ConveneEntityClass *klass,
                                 guint              *n_fields)
{
  g_return_val_if_fail (CONVENE_IS_ENTITY_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

const char *
convene_entity_class_get_table (ConveneEntityClass *klass)
{
  g_return_val_if_fail (CONVENE_IS_ENTITY_CLASS (klass), NULL);
  return klass->table;
}

/**
 * convene_entity_class_find_field:
 * @name: a property name ("recording-url")
 *
 * Returns: (nullable): the field of @klass with that name
 */
const ConveneField *
convene_entity_class_find_field (ConveneEntityClass *klass,
                                 const char         *name)
{
  g_return_val_if_fail (CONVENE_IS_ENTITY_CLASS (klass), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return &klass->fields[i];
  return NULL;
}

/**
 * convene_field_dup_key:
 *
 * Returns: (transfer full): the field's name in snake_case ("recording_url"),
 *   which is its SQLite column and its JSON key
 */
char *
convene_field_dup_key (const ConveneField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return g_strdelimit (g_strdup (field->name), "-", '_');
}

gint64
convene_entity_get_id (ConveneEntity *self)
{
  ConveneEntityPrivate *priv = convene_entity_get_instance_private (self);

  g_return_val_if_fail (CONVENE_IS_ENTITY (self), 0);
  return priv->id;
}

void
convene_entity_set_id (ConveneEntity *self,
                       gint64         id)
{
  ConveneEntityPrivate *priv = convene_entity_get_instance_private (self);

  g_return_if_fail (CONVENE_IS_ENTITY (self));

  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static gboolean
field_equal (ConveneEntity      *a,
             ConveneEntity      *b,
             const ConveneField *field)
{
  gpointer pa = CONVENE_FIELD_PTR (a, field);
  gpointer pb = CONVENE_FIELD_PTR (b, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
    case CONVENE_FIELD_ENUM:
      return *(int *) pa == *(int *) pb;
    case CONVENE_FIELD_REF:
      return *(gint64 *) pa == *(gint64 *) pb;
    case CONVENE_FIELD_STRING:
      return g_strcmp0 (*(char **) pa, *(char **) pb) == 0;
    case CONVENE_FIELD_STRV:
      return strv_equal (*(char ***) pa, *(char ***) pb);
    case CONVENE_FIELD_DATETIME:
      return datetime_equal (*(GDateTime **) pa, *(GDateTime **) pb);
    case CONVENE_FIELD_BLOG:
      return convene_blog_post_equal (*(ConveneBlogPost **) pa, *(ConveneBlogPost **) pb);
    default:
      g_assert_not_reached ();
    }
}

/**
 * convene_entity_equal:
 *
 * Returns: whether @a and @b are of one type and hold the same id and values.
 */
gboolean
convene_entity_equal (ConveneEntity *a,
                      ConveneEntity *b)
{
  ConveneEntityClass *klass;

  g_return_val_if_fail (CONVENE_IS_ENTITY (a), FALSE);
  g_return_val_if_fail (CONVENE_IS_ENTITY (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
      convene_entity_get_id (a) != convene_entity_get_id (b))
    return FALSE;

  klass = CONVENE_ENTITY_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!field_equal (a, b, &klass->fields[i]))
      return FALSE;
  return TRUE;
}

/**
 * convene_entity_assign:
 * @self: the object to change
 * @from: an object of the same type
 *
 * Gives @self the id and every value of @from, notifying what changes.
 */
void
convene_entity_assign (ConveneEntity *self,
                       ConveneEntity *from)
{
  ConveneEntityClass *klass;
  GObjectClass *object_class;

  g_return_if_fail (CONVENE_IS_ENTITY (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  klass = CONVENE_ENTITY_GET_CLASS (self);
  object_class = G_OBJECT_CLASS (klass);

  g_object_freeze_notify (G_OBJECT (self));
  convene_entity_set_id (self, convene_entity_get_id (from));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ConveneField *field = &klass->fields[i];
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (object_class, field->name);

      g_value_init (&value, pspec->value_type);
      field_get_value (from, field, &value);
      if (field_set_value (self, field, &value))
        g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

ConveneEntity *
convene_entity_copy (ConveneEntity *self)
{
  ConveneEntity *copy;

  g_return_val_if_fail (CONVENE_IS_ENTITY (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  convene_entity_assign (copy, self);
  return copy;
}

static void
set_field_value (ConveneEntity *self,
                 const char    *name,
                 const GValue  *value)
{
  GObjectClass *object_class = G_OBJECT_GET_CLASS (self);
  GParamSpec *pspec = g_object_class_find_property (object_class, name);

  g_return_if_fail (pspec != NULL);
  g_return_if_fail (G_VALUE_TYPE (value) == pspec->value_type);

  /* What g_object_set_property() would do, without its generic round trip
   * (a copied GValue, a frozen notify queue): importers set millions. */
  if (field_set_value (self, field_for_pspec (pspec), value))
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
convene_entity_set_int_field (ConveneEntity *self,
                              const char    *name,
                              int            value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  set_field_value (self, name, &v);
}

void
convene_entity_set_ref_field (ConveneEntity *self,
                              const char    *name,
                              gint64         value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  set_field_value (self, name, &v);
}

void
convene_entity_set_string_field (ConveneEntity *self,
                                 const char    *name,
                                 const char    *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_field_value (self, name, &v);
}

void
convene_entity_set_strv_field (ConveneEntity      *self,
                               const char         *name,
                               const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  set_field_value (self, name, &v);
}
