/* convene-store-rows.c: entities to SQLite rows and back.
 *
 * Every type's columns are its field table (model/convene-entity-fields.h),
 * in table order after the id, so one generic SELECT, INSERT, UPDATE and
 * binding serve every type.  Lists and blog posts are stored as JSON text,
 * enums by their nicks, instants as RFC 3339 UTC text.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "store/convene-store-private.h"
#include "model/convene-blog-post.h"
#include "model/convene-enum-types.h"
#include "model/convene-values.h"

static char *
column_name (const ConveneField *field)
{
  g_autofree char *name = convene_field_dup_key (field);

  return g_strdup_printf ("\"%s\"", name);
}

ConveneEntityClass *
_convene_store_entity_class (GType type)
{
  convene_store_get_entity_types (NULL);
  return g_type_class_peek (type);
}

static const char *
enum_nick (const ConveneField *field,
           int                 value)
{
  GEnumClass *klass = g_type_class_peek (field->enum_type ());
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

static char *
strv_to_json (char **strv)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

static char **
strv_from_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static char *
blog_to_json (ConveneBlogPost *post)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  convene_blog_post_build_json (post, builder);
  node = json_builder_get_root (builder);
  return json_to_string (node, FALSE);
}

static ConveneBlogPost *
blog_from_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  GEnumClass *klass;
  GEnumValue *ev;
  JsonObject *object;
  ConveneBlogPost *post;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  klass = g_type_class_ref (CONVENE_TYPE_BLOG_STATE);
  ev = g_enum_get_value_by_nick (klass, json_object_get_string_member_with_default (object, "state", ""));
  post = convene_blog_post_new (json_object_get_string_member_with_default (object, "author", NULL),
                                json_object_get_string_member_with_default (object, "url", NULL),
                                ev != NULL ? ev->value : CONVENE_BLOG_STATE_PLANNED);
  g_type_class_unref (klass);
  return post;
}

/* Binds @field's value as parameter @index. */
static void
bind_field (sqlite3_stmt       *stmt,
            int                 index,
            ConveneEntity      *entity,
            const ConveneField *field)
{
  gpointer ptr = CONVENE_FIELD_PTR (entity, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      sqlite3_bind_int (stmt, index, *(int *) ptr);
      break;
    case CONVENE_FIELD_REF:
      if (*(gint64 *) ptr != 0)
        sqlite3_bind_int64 (stmt, index, *(gint64 *) ptr);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case CONVENE_FIELD_STRING:
      /* The entity outlives the step, and every use clears the bindings. */
      sqlite3_bind_text (stmt, index, *(char **) ptr, -1, SQLITE_STATIC);
      break;
    case CONVENE_FIELD_ENUM:
      sqlite3_bind_text (stmt, index, enum_nick (field, *(int *) ptr), -1, SQLITE_STATIC);
      break;
    case CONVENE_FIELD_STRV:
      if (*(char ***) ptr != NULL)
        sqlite3_bind_text (stmt, index, strv_to_json (*(char ***) ptr), -1, g_free);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case CONVENE_FIELD_DATETIME:
      if (*(GDateTime **) ptr != NULL)
        sqlite3_bind_text (stmt, index, convene_instant_to_string (*(GDateTime **) ptr), -1, g_free);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case CONVENE_FIELD_BLOG:
      if (*(ConveneBlogPost **) ptr != NULL)
        sqlite3_bind_text (stmt, index, blog_to_json (*(ConveneBlogPost **) ptr), -1, g_free);
      else
        sqlite3_bind_null (stmt, index);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Reads column @index into @field, replacing what was there. */
static void
read_field (sqlite3_stmt       *stmt,
            int                 index,
            ConveneEntity      *entity,
            const ConveneField *field)
{
  gpointer ptr = CONVENE_FIELD_PTR (entity, field);
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  convene_field_clear_value (entity, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      *(int *) ptr = sqlite3_column_int (stmt, index);
      break;
    case CONVENE_FIELD_REF:
      *(gint64 *) ptr = sqlite3_column_int64 (stmt, index);
      break;
    case CONVENE_FIELD_STRING:
      *(char **) ptr = g_strdup (text);
      break;
    case CONVENE_FIELD_ENUM:
      {
        GEnumValue *ev = text != NULL ? g_enum_get_value_by_nick (
          g_type_class_peek (field->enum_type ()), text) : NULL;

        *(int *) ptr = ev != NULL ? ev->value : 0;
        break;
      }
    case CONVENE_FIELD_STRV:
      *(char ***) ptr = text != NULL ? strv_from_json (text) : NULL;
      break;
    case CONVENE_FIELD_DATETIME:
      *(GDateTime **) ptr = convene_instant_parse (text);
      break;
    case CONVENE_FIELD_BLOG:
      *(ConveneBlogPost **) ptr = text != NULL ? blog_from_json (text) : NULL;
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
_convene_store_select_sql (GType       type,
                           const char *where)
{
  ConveneEntityClass *klass = _convene_store_entity_class (type);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = column_name (&fields[i]);

      g_string_append_printf (sql, ", %s", column);
    }
  g_string_append_printf (sql, " FROM %s", convene_entity_class_get_table (klass));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY id");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

ConveneEntity *
_convene_store_entity_from_row (GType         type,
                                sqlite3_stmt *stmt)
{
  ConveneEntity *entity = g_object_new (type, NULL);
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (_convene_store_entity_class (type), &n_fields);

  convene_entity_set_id (entity, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < n_fields; i++)
    read_field (stmt, i + 1, entity, &fields[i]);
  return entity;
}

char *
_convene_store_insert_sql (GType type)
{
  ConveneEntityClass *klass = _convene_store_entity_class (type);
  g_autoptr(GString) columns = g_string_new ("id");
  g_autoptr(GString) values = g_string_new ("?1");
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = column_name (&fields[i]);

      g_string_append_printf (columns, ", %s", column);
      g_string_append_printf (values, ", ?%u", i + 2);
    }
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                          convene_entity_class_get_table (klass), columns->str, values->str);
}

char *
_convene_store_update_sql (GType type)
{
  ConveneEntityClass *klass = _convene_store_entity_class (type);
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_fields;
  const ConveneField *fields = convene_entity_class_get_fields (klass, &n_fields);

  g_string_printf (sql, "UPDATE %s SET ", convene_entity_class_get_table (klass));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *column = column_name (&fields[i]);

      g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? ", " : "", column, i + 2);
    }
  g_string_append (sql, " WHERE id = ?1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Binds @entity's id as parameter 1 (NULL for a new one, which SQLite then
 * numbers) and its fields after it, in table order. */
void
_convene_store_bind_entity (sqlite3_stmt  *stmt,
                            ConveneEntity *entity)
{
  guint n_fields;
  const ConveneField *fields =
    convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (entity), &n_fields);

  if (convene_entity_get_id (entity) != 0)
    sqlite3_bind_int64 (stmt, 1, convene_entity_get_id (entity));
  else
    sqlite3_bind_null (stmt, 1);
  for (guint i = 0; i < n_fields; i++)
    bind_field (stmt, i + 2, entity, &fields[i]);
}
