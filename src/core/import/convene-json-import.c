/* convene-json-import.c: reading back the JSON export of DESIGN.md.
 *
 * Keys follow each entity's field table, as convene-json-export.c writes
 * them.  Reading checks every value's type, every enum nick and every
 * reference before anything is written, and names the place of the first
 * problem as a path such as plans[0].sessions[3].status.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "import/convene-json-import.h"
#include "model/convene-values.h"
#include "store/convene-store.h"

/* The key of a field: its property name with '_' for '-'. */
static char *
json_key (const ConveneField *field)
{
  return g_strdelimit (g_strdup (field->name), "-", '_');
}

typedef struct {
  const char          *file;
  ConveneImportResult *result;
  GError             **error;
} Reader;

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("text");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static gboolean
fail (Reader     *reader,
      const char *path,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *reader,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: file name, place in the file such as plans[0].sessions[2].status, problem */
  g_set_error (reader->error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_INVALID,
               _("%s: %s: %s"), reader->file, path, what);
  return FALSE;
}

static gboolean
is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Ids are kept within the integers a double holds exactly (2^53), so that
 * every program reading an export back, JavaScript included, sees the same
 * id; the parser clamps larger numbers to 2^63 - 1 without a word, which
 * this bound also catches. */
#define MAX_ID (G_GINT64_CONSTANT (1) << 53)

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static char *
enum_choices (GType enum_type)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  g_type_class_unref (klass);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An id or a reference to one: a whole number from 1 to MAX_ID. */
static gboolean
read_id (Reader     *reader,
         const char *path,
         JsonNode   *node,
         gint64     *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      json_node_get_double (node) >= 1 && json_node_get_double (node) == (gint64) json_node_get_double (node))
    return fail (reader, path, _("the id is out of range: ids are whole numbers from 1 to %" PRId64), MAX_ID);
  if (!is_integer (node) || json_node_get_int (node) <= 0)
    return fail (reader, path, _("expected an id (a whole number above 0), found %s"), node_kind (node));
  /* json-glib reads a larger number as 2^63 − 1: that is not what the file says. */
  if (json_node_get_int (node) == G_MAXINT64)
    return fail (reader, path, _("the id is out of range: ids are whole numbers from 1 to %" PRId64), MAX_ID);
  if (json_node_get_int (node) > MAX_ID)
    return fail (reader, path, _("the id %" PRId64 " is out of range: ids are whole numbers from 1 to %" PRId64),
                 json_node_get_int (node), MAX_ID);
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_enum (Reader             *reader,
           const char         *path,
           JsonNode           *node,
           GType               enum_type,
           int                *out)
{
  GEnumClass *klass;
  GEnumValue *ev = NULL;
  g_autofree char *choices = NULL;

  if (is_string (node))
    {
      klass = g_type_class_ref (enum_type);
      ev = g_enum_get_value_by_nick (klass, json_node_get_string (node));
      g_type_class_unref (klass);
      if (ev != NULL)
        {
          *out = ev->value;
          return TRUE;
        }
    }
  choices = enum_choices (enum_type);
  if (is_string (node))
    return fail (reader, path, _("“%s” is not one of %s"), json_node_get_string (node), choices);
  return fail (reader, path, _("expected one of %s, found %s"), choices, node_kind (node));
}

static gboolean
read_strv (Reader     *reader,
           const char *path,
           JsonNode   *node,
           GValue     *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, path, _("expected a list of text, found %s"), node_kind (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!is_string (item))
        return fail (reader, path, _("expected a list of text, found %s in it"), node_kind (item));
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  strv = g_strv_builder_end (builder);
  g_value_set_boxed (value, strv);
  return TRUE;
}

static gboolean
read_blog (Reader     *reader,
           const char *path,
           JsonNode   *node,
           GValue     *value)
{
  static const char * const keys[] = { "author", "url", "state" };
  g_autoptr(ConveneBlogPost) post = NULL;
  JsonObject *object;
  int state = CONVENE_BLOG_STATE_PLANNED;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, path, _("expected an object with author, url and state, found %s"), node_kind (node));
  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *member = json_object_get_member (object, keys[i]);
      g_autofree char *where = g_strdup_printf ("%s.%s", path, keys[i]);

      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        continue;
      if (i == 2)
        {
          if (!read_enum (reader, where, member, CONVENE_TYPE_BLOG_STATE, &state))
            return FALSE;
        }
      else if (!is_string (member))
        return fail (reader, where, _("expected text, found %s"), node_kind (member));
    }
  post = convene_blog_post_new (json_object_get_string_member_with_default (object, "author", NULL),
                                json_object_get_string_member_with_default (object, "url", NULL),
                                state);
  g_value_set_boxed (value, post);
  return TRUE;
}

/* Reads one field's JSON value into @value (of the property's type).  One
 * case a field kind: longer than 60 lines so that every kind's rule and
 * message stand side by side. */
static gboolean
read_value (Reader             *reader,
            const char         *path,
            const ConveneField *field,
            JsonNode           *node,
            GValue             *value)
{
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);

  switch (field->kind)
    {
    case CONVENE_FIELD_INT:
      if (!is_integer (node))
        return fail (reader, path, _("expected a whole number, found %s"), node_kind (node));
      if (json_node_get_int (node) < G_MININT || json_node_get_int (node) > G_MAXINT)
        return fail (reader, path, _("the number %" PRId64 " is too large"), json_node_get_int (node));
      g_value_set_int (value, json_node_get_int (node));
      return TRUE;
    case CONVENE_FIELD_REF:
      {
        gint64 id;

        if (is_null)
          return TRUE;
        if (!is_integer (node) || json_node_get_int (node) <= 0)
          return fail (reader, path, _("expected an id (a whole number above 0) or null, found %s"), node_kind (node));
        if (!read_id (reader, path, node, &id))
          return FALSE;
        g_value_set_int64 (value, id);
        return TRUE;
      }
    case CONVENE_FIELD_STRING:
      if (is_null)
        return TRUE;
      if (!is_string (node))
        return fail (reader, path, _("expected text or null, found %s"), node_kind (node));
      g_value_set_string (value, json_node_get_string (node));
      return TRUE;
    case CONVENE_FIELD_ENUM:
      {
        int v;

        if (!read_enum (reader, path, node, field->enum_type (), &v))
          return FALSE;
        g_value_set_enum (value, v);
        return TRUE;
      }
    case CONVENE_FIELD_STRV:
      return read_strv (reader, path, node, value);
    case CONVENE_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) dt = NULL;

        if (is_null)
          return TRUE;
        if (is_string (node))
          dt = convene_instant_parse (json_node_get_string (node));
        if (dt == NULL)
          return fail (reader, path, _("expected a time such as 2021-02-23T19:00:00Z or null, found %s"),
                       is_string (node) ? json_node_get_string (node) : node_kind (node));
        g_value_set_boxed (value, dt);
        return TRUE;
      }
    case CONVENE_FIELD_BLOG:
      return is_null || read_blog (reader, path, node, value);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_fields (Reader        *reader,
             const char    *path,
             JsonObject    *object,
             ConveneEntity *entity)
{
  GObjectClass *object_class = G_OBJECT_GET_CLASS (entity);
  guint n_fields;
  const ConveneField *fields =
    convene_entity_class_get_fields (CONVENE_ENTITY_CLASS (object_class), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *where = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;
      JsonNode *node;

      if (fields[i].flags & CONVENE_FIELD_FLAG_PARENT)
        continue;
      key = json_key (&fields[i]);
      node = json_object_get_member (object, key);
      if (node == NULL)
        continue;
      where = g_strdup_printf ("%s.%s", path, key);
      pspec = g_object_class_find_property (object_class, fields[i].name);
      g_value_init (&value, pspec->value_type);
      if (!read_value (reader, where, &fields[i], node, &value))
        return FALSE;
      g_object_set_property (G_OBJECT (entity), fields[i].name, &value);
    }
  return TRUE;
}

/* The list of person ids at @path (@people, an array), as attendance rows
 * of @session, or of one @occurrence of it when not NULL. */
static gboolean
read_attending (Reader     *reader,
                const char *path,
                JsonArray  *people,
                gint64      session,
                GDateTime  *occurrence)
{
  for (guint p = 0; p < json_array_get_length (people); p++)
    {
      JsonNode *pid = json_array_get_element (people, p);
      g_autofree char *where_id = g_strdup_printf ("%s[%u]", path, p);
      ConveneAttendance *row;
      gint64 person;

      if (!is_integer (pid))
        return fail (reader, path, _("expected a list of person ids, found %s in it"), node_kind (pid));
      if (!read_id (reader, where_id, pid, &person))
        return FALSE;
      row = convene_attendance_new ();
      convene_attendance_set_session (row, session);
      convene_attendance_set_person (row, person);
      if (occurrence != NULL)
        convene_attendance_set_occurrence (row, occurrence);
      convene_import_result_take (reader->result, row);
    }
  return TRUE;
}

/* A session's "attendance": the ids of the people who came, as rows. */
static gboolean
read_attendance (Reader     *reader,
                 const char *where,
                 JsonObject *object,
                 gint64      session)
{
  JsonNode *attendance = json_object_get_member (object, "attendance");
  g_autofree char *apath = g_strdup_printf ("%s.attendance", where);

  if (attendance == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (attendance))
    return fail (reader, apath, _("expected a list of person ids, found %s"), node_kind (attendance));
  return read_attending (reader, apath, json_node_get_array (attendance), session, NULL);
}

/* The list @key of @object, at @path: TRUE with *@array NULL when there is
 * none, FALSE (the reader failed) when it is not a list. */
static gboolean
optional_list (Reader      *reader,
               const char  *path,
               JsonObject  *object,
               const char  *key,
               JsonArray  **array)
{
  JsonNode *node = json_object_get_member (object, key);

  *array = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, path, _("expected a list, found %s"), node_kind (node));
  *array = json_node_get_array (node);
  return TRUE;
}

/* Item @i of @array, which must be an object; NULL (the reader failed, at
 * @item_path) when it is not. */
static JsonObject *
object_at (Reader     *reader,
           const char *item_path,
           JsonArray  *array,
           guint       i)
{
  JsonNode *item = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (item))
    {
      fail (reader, item_path, _("expected an object, found %s"), node_kind (item));
      return NULL;
    }
  return json_node_get_object (item);
}

/* A series' "exceptions": objects with the exception's fields, without ids
 * (they are the series' own, and get new ones in order). */
static gboolean
read_exceptions (Reader     *reader,
                 const char *where,
                 JsonObject *object,
                 gint64      session)
{
  g_autofree char *path = g_strdup_printf ("%s.exceptions", where);
  JsonArray *array;

  if (!optional_list (reader, path, object, "exceptions", &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(ConveneSessionException) exception = convene_session_exception_new ();
      g_autoptr(GError) local = NULL;
      JsonObject *item = object_at (reader, item_path, array, i);

      if (item == NULL)
        return FALSE;
      convene_session_exception_set_session (exception, session);
      if (!read_fields (reader, item_path, item, CONVENE_ENTITY (exception)))
        return FALSE;
      if (!convene_store_validate (NULL, CONVENE_ENTITY (exception), &local))
        return fail (reader, item_path, "%s", local->message);
      convene_import_result_take (reader->result, g_steal_pointer (&exception));
    }
  return TRUE;
}

/* A series' "occurrence_attendance": who came to one occurrence, as
 * attendance rows naming it. */
static gboolean
read_occurrence_attendance (Reader     *reader,
                            const char *where,
                            JsonObject *object,
                            gint64      session)
{
  g_autofree char *path = g_strdup_printf ("%s.occurrence_attendance", where);
  JsonArray *array;

  if (!optional_list (reader, path, object, "occurrence_attendance", &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(GDateTime) at = NULL;
      JsonObject *entry = object_at (reader, item_path, array, i);
      JsonNode *people;
      const char *text;

      if (entry == NULL)
        return FALSE;
      text = json_object_has_member (entry, "occurrence") && is_string (json_object_get_member (entry, "occurrence"))
               ? json_object_get_string_member (entry, "occurrence") : NULL;
      at = text != NULL ? convene_instant_parse (text) : NULL;
      if (at == NULL)
        return fail (reader, item_path, _("expected an occurrence such as 2021-02-23T19:00:00Z"));
      people = json_object_get_member (entry, "people");
      if (people == NULL || !JSON_NODE_HOLDS_ARRAY (people))
        return fail (reader, item_path, _("expected a list of person ids, found %s"),
                     people != NULL ? node_kind (people) : "nothing");
      {
        g_autofree char *people_path = g_strdup_printf ("%s.people", item_path);

        if (!read_attending (reader, people_path, json_node_get_array (people), session, at))
          return FALSE;
      }
    }
  return TRUE;
}

/* Reads the array @key of @parent as entities of @type, appended to @into. */
static gboolean
read_list (Reader     *reader,
           const char *parent_path,
           JsonObject *parent,
           const char *key,
           GType       type,
           gint64      plan_id,
           GPtrArray  *into)
{
  g_autofree char *path = parent_path != NULL ? g_strdup_printf ("%s.%s", parent_path, key)
                                              : g_strdup (key);
  JsonArray *array;

  if (!optional_list (reader, path, parent, key, &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(ConveneEntity) entity = NULL;
      g_autofree char *where_id = g_strdup_printf ("%s.id", where);
      JsonObject *item = object_at (reader, where, array, i);
      JsonNode *id;
      gint64 value;

      if (item == NULL)
        return FALSE;
      id = json_object_get_member (item, "id");
      if (id == NULL || JSON_NODE_HOLDS_NULL (id) || (is_integer (id) && json_node_get_int (id) <= 0))
        return fail (reader, where, _("every object needs an id, a whole number above 0"));
      if (!read_id (reader, where_id, id, &value))
        return FALSE;

      entity = g_object_new (type, NULL);
      convene_entity_set_id (entity, value);
      if (plan_id != 0)
        g_object_set (entity, "plan", plan_id, NULL);
      if (!read_fields (reader, where, item, entity))
        return FALSE;

      if (type == CONVENE_TYPE_SESSION &&
          (!read_attendance (reader, where, item, convene_entity_get_id (entity)) ||
           !read_exceptions (reader, where, item, convene_entity_get_id (entity)) ||
           !read_occurrence_attendance (reader, where, item,
                                        convene_entity_get_id (entity))))
        return FALSE;
      g_ptr_array_add (into, g_steal_pointer (&entity));
    }
  return TRUE;
}

/* Each id of @entities (unique by then) → its plan's id, or 1 for people:
 * every reference is then checked in constant time. */
static GHashTable *
index_ids (GPtrArray *entities)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < entities->len; i++)
    {
      ConveneEntity *entity = g_ptr_array_index (entities, i);
      gint64 id = convene_entity_get_id (entity);
      gint64 plan = 1;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (entity), "plan") != NULL)
        g_object_get (entity, "plan", &plan, NULL);
      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), g_memdup2 (&plan, sizeof plan));
    }
  return index;
}

/* Whether @index holds @id, of @plan_id's plan unless @plan_id is 0. */
static gboolean
has_id (GHashTable *index,
        gint64      id,
        gint64      plan_id)
{
  gint64 *plan = g_hash_table_lookup (index, &id);

  return plan != NULL && (plan_id == 0 || *plan == plan_id);
}

/* A session's attendance as one key: both ids are at most 2^53. */
static gboolean
add_pair (GHashTable *seen,
          gint64      session,
          gint64      person,
          GDateTime  *occurrence)
{
  char key[72];

  g_snprintf (key, sizeof key, "%" PRId64 ":%" PRId64 ":%" G_GINT64_FORMAT, session, person,
              occurrence != NULL ? g_date_time_to_unix (occurrence) : G_MININT64);
  return g_hash_table_add (seen, g_strdup (key));
}

static gboolean
check_unique_ids (Reader     *reader,
                  const char *what,
                  GPtrArray  *entities)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      gint64 id = convene_entity_get_id (g_ptr_array_index (entities, i));

      if (!g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
        return fail (reader, what, _("the id %" PRId64 " is used twice"), id);
    }
  return TRUE;
}

/* Every reference must point at an object of the file: a goal or session of
 * the same plan, a person of the file.  A few lines over 60: one loop a
 * kind of reference, so that the rules read as one list. */
static gboolean
check_references (Reader *reader)
{
  ConveneImportResult *r = reader->result;
  g_autoptr(GHashTable) goals = NULL;
  g_autoptr(GHashTable) sessions = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) attending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!check_unique_ids (reader, "plans", r->plans) ||
      !check_unique_ids (reader, "goals", r->goals) ||
      !check_unique_ids (reader, "actions", r->actions) ||
      !check_unique_ids (reader, "sessions", r->sessions) ||
      !check_unique_ids (reader, "resources", r->resources) ||
      !check_unique_ids (reader, "people", r->people))
    return FALSE;
  goals = index_ids (r->goals);
  sessions = index_ids (r->sessions);
  people = index_ids (r->people);

  for (guint i = 0; i < r->actions->len; i++)
    {
      ConveneAction *action = g_ptr_array_index (r->actions, i);
      gint64 goal = convene_action_get_goal (action);

      if (goal != 0 && !has_id (goals, goal, convene_action_get_plan (action)))
        return fail (reader, "actions",
                     _("the action %" PRId64 " refers to goal %" PRId64 ", which is not a goal of its plan"),
                     convene_entity_get_id (CONVENE_ENTITY (action)), goal);
    }
  for (guint i = 0; i < r->resources->len; i++)
    {
      ConveneResource *resource = g_ptr_array_index (r->resources, i);
      gint64 session = convene_resource_get_session (resource);
      gint64 person = convene_resource_get_shared_by (resource);

      if (session != 0 && !has_id (sessions, session, convene_resource_get_plan (resource)))
        return fail (reader, "resources",
                     _("the resource %" PRId64 " refers to session %" PRId64 ", which is not a session of its plan"),
                     convene_entity_get_id (CONVENE_ENTITY (resource)), session);
      if (person != 0 && !has_id (people, person, 0))
        return fail (reader, "resources",
                     _("the resource %" PRId64 " was shared by person %" PRId64 ", who is not in the file"),
                     convene_entity_get_id (CONVENE_ENTITY (resource)), person);
    }
  for (guint i = 0; i < r->attendance->len; i++)
    {
      ConveneAttendance *row = g_ptr_array_index (r->attendance, i);
      gint64 session = convene_attendance_get_session (row);
      gint64 person = convene_attendance_get_person (row);

      if (!has_id (people, person, 0))
        return fail (reader, "sessions",
                     _("the session %" PRId64 " lists person %" PRId64 " as attending, who is not in the file"),
                     session, person);
      if (!add_pair (attending, session, person, convene_attendance_get_occurrence (row)))
        return fail (reader, "sessions",
                     _("the session %" PRId64 " lists person %" PRId64 " as attending twice"),
                     session, person);
    }
  return TRUE;
}

/* Warns about keys this version does not know: a typo loses a value. */
static void
warn_unknown_keys (Reader     *reader,
                   JsonObject *object,
                   const char *path,
                   GType       type)
{
  GObjectClass *klass = g_type_class_ref (type);
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *name = g_strdelimit (g_strdup (key), "_", '-');
      const char * const extras[] = { "goals", "actions", "sessions", "resources", "attendance",
                                      "exceptions", "occurrence_attendance", NULL };

      if (g_object_class_find_property (klass, name) == NULL && !g_strv_contains (extras, key))
        convene_import_result_warn (reader->result, 0, _("%s: the key “%s” is not one Convene knows; it was left out"),
                                    path, key);
    }
  g_type_class_unref (klass);
}

static gboolean
read_plans (Reader     *reader,
            JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "plans");
  JsonArray *plans;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, "plans", _("expected a list, found %s"), node_kind (node));
  if (!read_list (reader, NULL, root, "plans", CONVENE_TYPE_PLAN, 0, reader->result->plans))
    return FALSE;

  plans = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonObject *object = json_array_get_object_element (plans, i);
      gint64 id = convene_entity_get_id (g_ptr_array_index (reader->result->plans, i));
      g_autofree char *path = g_strdup_printf ("plans[%u]", i);

      warn_unknown_keys (reader, object, path, CONVENE_TYPE_PLAN);
      if (!read_list (reader, path, object, "goals", CONVENE_TYPE_GOAL, id, reader->result->goals) ||
          !read_list (reader, path, object, "actions", CONVENE_TYPE_ACTION, id, reader->result->actions) ||
          !read_list (reader, path, object, "sessions", CONVENE_TYPE_SESSION, id, reader->result->sessions) ||
          !read_list (reader, path, object, "resources", CONVENE_TYPE_RESOURCE, id, reader->result->resources))
        return FALSE;
    }
  return TRUE;
}

/* Checks what the store would refuse, so that the error names the place. */
static gboolean
validate_all (Reader *reader)
{
  ConveneImportResult *r = reader->result;
  GPtrArray *lists[] = { r->people, r->plans, r->goals, r->actions, r->sessions, r->resources };
  const char *names[] = { "people", "plans", "goals", "actions", "sessions", "resources" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        g_autoptr(GError) local = NULL;

        if (!convene_store_validate (NULL, g_ptr_array_index (lists[l], i), &local))
          return fail (reader, names[l], "%s", local->message);
      }
  return TRUE;
}

/**
 * convene_json_import:
 * @file: the file's name, for messages
 *
 * Reads a JSON export.  The result keeps the file's ids; they are kept in
 * the database too when it is empty.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
ConveneImportResult *
convene_json_import (const char  *file,
                     const char  *contents,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ConveneImportResult) result = convene_import_result_new (file);
  g_autoptr(GError) local = NULL;
  Reader reader = { file, result, error };
  JsonNode *root;

  if (!json_parser_load_from_data (parser, contents, length, &local))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                   /* Translators: a file name, then the JSON parser's message with line and column */
                   _("%s: this is not complete JSON: %s"), file, local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  /* {} is an export with nothing in it; {"events": []} is another
   * program's JSON. */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (json_object_get_size (json_node_get_object (root)) > 0 &&
       !json_object_has_member (json_node_get_object (root), "plans") &&
       !json_object_has_member (json_node_get_object (root), "people")))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_INVALID,
                   /* Translators: a file name, then what the file holds: "an object", "a list", "text"... */
                   _("%s: this is JSON, but not a Convene export: expected an object with "
                     "“plans” and “people”, found %s"),
                   file, root == NULL ? _("empty") : JSON_NODE_HOLDS_OBJECT (root) ? _("an object with neither")
                                                                                 : node_kind (root));
      return NULL;
    }

  result->keep_ids = TRUE;
  if (!read_plans (&reader, json_node_get_object (root)) ||
      !read_list (&reader, NULL, json_node_get_object (root), "people", CONVENE_TYPE_PERSON, 0, result->people) ||
      !check_references (&reader) ||
      !validate_all (&reader))
    return NULL;

  if (result->plans->len == 0 && result->people->len == 0)
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY,
                   _("%s: there are no plans and no people in it"), file);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* An export is one JSON object: the first character that is not blank
 * says so, whatever the file is called.  Other JSON (a list, a string) is
 * claimed when the head parses whole, so that it is refused as JSON rather
 * than read as a plan; a document starting with "[a link](...)" does not
 * parse. */
static ConveneImporterMatch
sniff_json (const char *file,
            const char *head,
            gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;

  if (convene_importer_starts_with (head, length, "{"))
    return CONVENE_IMPORTER_CERTAIN;
  if (!convene_importer_starts_with (head, length, "[") && !convene_importer_starts_with (head, length, "\""))
    return CONVENE_IMPORTER_NO;
  parser = json_parser_new ();
  return json_parser_load_from_data (parser, head, length, NULL) ? CONVENE_IMPORTER_CERTAIN : CONVENE_IMPORTER_NO;
}

/* An export names the zone of every time it holds: nothing to assume. */
static ConveneImportResult *
read_json (const char                  *file,
           const char                  *contents,
           gsize                        length,
           const ConveneImportOptions  *options,
           GError                     **error)
{
  return convene_json_import (file, contents, length, error);
}

const ConveneImporter convene_json_importer = {
  .name = "json", .flags = CONVENE_IMPORTER_FLAG_UTF8, .sniff = sniff_json, .read = read_json,
};
