/* convene-json-export.c: the JSON export of DESIGN.md.
 *
 * Keys follow each entity's field table, so the export and the database
 * cannot drift apart; convene-json-import.c reads the same keys back.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "export/convene-json-export.h"
#include "model/convene-action.h"
#include "model/convene-blog-post.h"
#include "model/convene-goal.h"
#include "model/convene-person.h"
#include "model/convene-plan.h"
#include "model/convene-resource.h"
#include "model/convene-session.h"
#include "model/convene-session-exception.h"
#include "model/convene-values.h"

/* The key of a field: its property name with '_' for '-'. */
static char *
json_key (const ConveneField *field)
{
  return g_strdelimit (g_strdup (field->name), "-", '_');
}

static void
add_field_value (JsonBuilder        *builder,
                 ConveneEntity      *entity,
                 const ConveneField *field)
{
  gpointer ptr = CONVENE_FIELD_PTR (entity, field);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      json_builder_add_int_value (builder, *(int *) ptr);
      break;
    case CONVENE_FIELD_REF:
      if (*(gint64 *) ptr != 0)
        json_builder_add_int_value (builder, *(gint64 *) ptr);
      else
        json_builder_add_null_value (builder);
      break;
    case CONVENE_FIELD_STRING:
      if (*(char **) ptr != NULL)
        json_builder_add_string_value (builder, *(char **) ptr);
      else
        json_builder_add_null_value (builder);
      break;
    case CONVENE_FIELD_ENUM:
      {
        GEnumClass *klass = g_type_class_ref (field->enum_type ());

        json_builder_add_string_value (builder, g_enum_get_value (klass, *(int *) ptr)->value_nick);
        g_type_class_unref (klass);
        break;
      }
    case CONVENE_FIELD_STRV:
      json_builder_begin_array (builder);
      for (char **s = *(char ***) ptr; s != NULL && *s != NULL; s++)
        json_builder_add_string_value (builder, *s);
      json_builder_end_array (builder);
      break;
    case CONVENE_FIELD_DATETIME:
      if (*(GDateTime **) ptr != NULL)
        {
          g_autofree char *text = convene_instant_to_string (*(GDateTime **) ptr);

          json_builder_add_string_value (builder, text);
        }
      else
        json_builder_add_null_value (builder);
      break;
    case CONVENE_FIELD_BLOG:
      convene_blog_post_build_json (*(ConveneBlogPost **) ptr, builder);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Writes the entity's fields but the parent, into the open object. */
static void
add_fields (JsonBuilder   *builder,
            ConveneEntity *entity)
{
  guint n_fields;
  const ConveneField *fields =
    convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (entity), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *key = NULL;

      if (fields[i].flags & CONVENE_FIELD_FLAG_PARENT)
        continue;
      key = json_key (&fields[i]);
      json_builder_set_member_name (builder, key);
      add_field_value (builder, entity, &fields[i]);
    }
}

/* Writes the entity's id and fields; leaves the object open for extras. */
static void
begin_entity (JsonBuilder   *builder,
              ConveneEntity *entity)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, convene_entity_get_id (entity));
  add_fields (builder, entity);
}

static void
add_ids (JsonBuilder *builder,
         GArray      *ids)
{
  json_builder_begin_array (builder);
  for (guint p = 0; p < ids->len; p++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, p));
  json_builder_end_array (builder);
}

/* A series' "exceptions" and "occurrence_attendance", each only when it
 * has any, so that a file without series reads as it always did. */
static gboolean
add_series_extras (JsonBuilder   *builder,
                   ConveneStore  *store,
                   gint64         session,
                   GError       **error)
{
  g_autoptr(GPtrArray) exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION,
                                                         "session", session, error);
  g_autoptr(GPtrArray) attended = NULL;

  if (exceptions == NULL)
    return FALSE;
  if (exceptions->len > 0)
    {
      json_builder_set_member_name (builder, "exceptions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < exceptions->len; i++)
        {
          /* Without an id: an exception is its series' own. */
          json_builder_begin_object (builder);
          add_fields (builder, g_ptr_array_index (exceptions, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  attended = convene_store_get_attended_occurrences (store, session, error);
  if (attended == NULL)
    return FALSE;
  if (attended->len == 0)
    return TRUE;
  json_builder_set_member_name (builder, "occurrence_attendance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attended->len; i++)
    {
      GDateTime *at = g_ptr_array_index (attended, i);
      g_autofree char *text = convene_instant_to_string (at);
      g_autoptr(GArray) people = convene_store_get_occurrence_attendance (store, session, at, error);

      if (people == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "occurrence");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "people");
      add_ids (builder, people);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
add_children (JsonBuilder   *builder,
              ConveneStore  *store,
              const char    *key,
              GType          type,
              gint64         plan_id,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = convene_store_query (store, type, "plan", plan_id, error);

  if (rows == NULL)
    return FALSE;

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      ConveneEntity *entity = g_ptr_array_index (rows, i);

      begin_entity (builder, entity);
      if (type == CONVENE_TYPE_SESSION)
        {
          g_autoptr(GArray) people = convene_store_get_attendance (store, convene_entity_get_id (entity), error);

          if (people == NULL)
            return FALSE;
          json_builder_set_member_name (builder, "attendance");
          add_ids (builder, people);
          if (!add_series_extras (builder, store, convene_entity_get_id (entity), error))
            return FALSE;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* The text of the export: two spaces an indent, a newline at the end. */
static char *
to_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/**
 * convene_json_export:
 * @plan_id: the plan to export, or 0 for all
 *
 * Returns: (transfer full): the export, or %NULL with @error set
 */
char *
convene_json_export (ConveneStore  *store,
                     gint64         plan_id,
                     GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  plans = convene_store_query (store, CONVENE_TYPE_PLAN, NULL, 0, error);
  people = plans != NULL ? convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, error) : NULL;
  if (people == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plans->len; i++)
    {
      ConveneEntity *plan = g_ptr_array_index (plans, i);
      gint64 id = convene_entity_get_id (plan);

      if (plan_id != 0 && id != plan_id)
        continue;
      found = TRUE;
      begin_entity (builder, plan);
      if (!add_children (builder, store, "goals", CONVENE_TYPE_GOAL, id, error) ||
          !add_children (builder, store, "actions", CONVENE_TYPE_ACTION, id, error) ||
          !add_children (builder, store, "sessions", CONVENE_TYPE_SESSION, id, error) ||
          !add_children (builder, store, "resources", CONVENE_TYPE_RESOURCE, id, error))
        return NULL;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < people->len; i++)
    {
      begin_entity (builder, g_ptr_array_index (people, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (plan_id != 0 && !found)
    {
      g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                   _("There is no plan with id %" PRId64), plan_id);
      return NULL;
    }
  return to_text (builder);
}
