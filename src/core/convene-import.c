/* convene-import.c: the preview every importer fills, and writing it in one
 * transaction with every reference rewritten to the database's ids. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "convene-import.h"
#include "convene-ics-import.h"
#include "convene-json.h"
#include "convene-enum-labels.h"
#include "convene-document-import.h"
#include "convene-ics-import.h"
#include "convene-values.h"

G_DEFINE_QUARK (convene-import-error-quark, convene_import_error)

ConveneImportResult *
convene_import_result_new (const char *file)
{
  ConveneImportResult *result = g_new0 (ConveneImportResult, 1);

  result->file = g_strdup (file);
  result->plans = g_ptr_array_new_with_free_func (g_object_unref);
  result->goals = g_ptr_array_new_with_free_func (g_object_unref);
  result->actions = g_ptr_array_new_with_free_func (g_object_unref);
  result->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  result->people = g_ptr_array_new_with_free_func (g_object_unref);
  result->attendance = g_ptr_array_new_with_free_func (g_object_unref);
  result->resources = g_ptr_array_new_with_free_func (g_object_unref);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  return result;
}

static void
warning_free (ConveneImportWarning *warning)
{
  g_free (warning->file);
  g_free (warning->message);
  g_free (warning);
}

void
convene_import_result_free (ConveneImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file);
  g_ptr_array_unref (result->plans);
  g_ptr_array_unref (result->goals);
  g_ptr_array_unref (result->actions);
  g_ptr_array_unref (result->sessions);
  g_ptr_array_unref (result->people);
  g_ptr_array_unref (result->attendance);
  g_ptr_array_unref (result->resources);
  g_ptr_array_set_free_func (result->warnings, (GDestroyNotify) warning_free);
  g_ptr_array_unref (result->warnings);
  g_free (result);
}

static GPtrArray *
list_for_type (ConveneImportResult *result,
               GType                type)
{
  if (type == CONVENE_TYPE_PLAN)
    return result->plans;
  if (type == CONVENE_TYPE_GOAL)
    return result->goals;
  if (type == CONVENE_TYPE_ACTION)
    return result->actions;
  if (type == CONVENE_TYPE_SESSION)
    return result->sessions;
  if (type == CONVENE_TYPE_PERSON)
    return result->people;
  if (type == CONVENE_TYPE_ATTENDANCE)
    return result->attendance;
  if (type == CONVENE_TYPE_RESOURCE)
    return result->resources;
  g_return_val_if_reached (NULL);
}

/**
 * convene_import_result_take:
 * @entity: (transfer full): a new object
 *
 * Gives @entity the next provisional id of its type and appends it.
 */
void
convene_import_result_take (ConveneImportResult *result,
                            gpointer             entity)
{
  GPtrArray *list = list_for_type (result, G_OBJECT_TYPE (entity));
  gint64 next = 1;

  /* Ids grow along each list, so the last one is the largest. */
  if (list->len > 0)
    next = convene_entity_get_id (g_ptr_array_index (list, list->len - 1)) + 1;
  convene_entity_set_id (entity, next);
  g_ptr_array_add (list, entity);
}

void
convene_import_result_warn (ConveneImportResult *result,
                            guint                line,
                            const char          *format,
                            ...)
{
  ConveneImportWarning *warning = g_new0 (ConveneImportWarning, 1);
  va_list args;

  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  warning->file = g_strdup (result->file);
  warning->line = line;
  g_ptr_array_add (result->warnings, warning);
}

ConvenePerson *
convene_import_result_ensure_person (ConveneImportResult *result,
                                     const char          *name)
{
  ConvenePerson *person;

  for (guint i = 0; i < result->people->len; i++)
    if (g_strcmp0 (convene_person_get_name (g_ptr_array_index (result->people, i)), name) == 0)
      return g_ptr_array_index (result->people, i);

  person = convene_person_new ();
  convene_person_set_name (person, name);
  convene_import_result_take (result, person);
  return person;
}

/* ---- the preview ------------------------------------------------------------- */

static void
describe_session (GString        *text,
                  ConveneSession *session)
{
  GDateTime *start = convene_session_get_start (session);
  g_autofree char *when = NULL;

  if (start != NULL)
    {
      g_autoptr(GTimeZone) tz = convene_timezone_new (convene_session_get_timezone (session));
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *clock = NULL;

      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      local = g_date_time_to_timezone (start, tz);
      clock = g_date_time_format (local, "%Y-%m-%d %H:%M");

      when = g_strdup_printf ("%s %s", clock, convene_session_get_timezone (session));
    }
  else if (convene_session_get_month (session) != NULL)
    when = g_strdup (convene_session_get_month (session));
  else
    /* Translators: a session whose date is to be confirmed */
    when = g_strdup (_("TBC"));

  g_string_append_printf (text, "    %-28s %s [%s]", when, convene_session_get_topic (session),
                          convene_enum_labels_lookup (CONVENE_TYPE_SESSION_STATUS,
                                                      convene_session_get_status (session), NULL));
  if (convene_session_get_lead (session) != NULL)
    g_string_append_printf (text, _(" — led by %s"), convene_session_get_lead (session));
  g_string_append_c (text, '\n');
}

/**
 * convene_import_result_describe:
 *
 * Returns: (transfer full): what would be created, for a person to read
 */
char *
convene_import_result_describe (ConveneImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < result->plans->len; p++)
    {
      ConvenePlan *plan = g_ptr_array_index (result->plans, p);
      gint64 id = convene_entity_get_id (CONVENE_ENTITY (plan));
      guint goals = 0, actions = 0, sessions = 0;

      for (guint i = 0; i < result->goals->len; i++)
        goals += convene_goal_get_plan (g_ptr_array_index (result->goals, i)) == id;
      for (guint i = 0; i < result->actions->len; i++)
        actions += convene_action_get_plan (g_ptr_array_index (result->actions, i)) == id;
      for (guint i = 0; i < result->sessions->len; i++)
        sessions += convene_session_get_plan (g_ptr_array_index (result->sessions, i)) == id;

      g_string_append_printf (text, _("Plan “%s”"), convene_plan_get_title (plan));
      if (convene_plan_get_group (plan) != NULL)
        g_string_append_printf (text, " (%s)", convene_plan_get_group (plan));
      g_string_append (text, ": ");
      g_string_append_printf (text, ngettext ("%u goal", "%u goals", goals), goals);
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u action", "%u actions", actions), actions);
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u session", "%u sessions", sessions), sessions);
      g_string_append_c (text, '\n');

      for (guint i = 0; i < result->sessions->len; i++)
        if (convene_session_get_plan (g_ptr_array_index (result->sessions, i)) == id)
          describe_session (text, g_ptr_array_index (result->sessions, i));
    }
  g_string_append_printf (text, ngettext ("%u person\n", "%u people\n", result->people->len),
                          result->people->len);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- writing ------------------------------------------------------------------- */

typedef struct {
  GHashTable *maps;     /* table name → (provisional id → database id) */
  gboolean    keep_ids;
} Writer;

static GHashTable *
map_for (Writer     *writer,
         const char *table)
{
  GHashTable *map = g_hash_table_lookup (writer->maps, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (writer->maps, (gpointer) table, map);
    }
  return map;
}

static void
remember (Writer        *writer,
          ConveneEntity *entity,
          gint64         provisional)
{
  GHashTable *map = map_for (writer, convene_entity_class_get_table (CONVENE_ENTITY_GET_CLASS (entity)));

  g_hash_table_insert (map, g_memdup2 (&provisional, sizeof provisional),
                       g_memdup2 (&(gint64) { convene_entity_get_id (entity) }, sizeof (gint64)));
}

/* Rewrites every reference of @entity from provisional to database ids. */
static void
remap_references (Writer        *writer,
                  ConveneEntity *entity)
{
  guint n_fields;
  const ConveneField *fields =
    convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (entity), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      gint64 *value;
      gint64 *mapped;

      if (fields[i].kind != CONVENE_FIELD_REF)
        continue;
      value = CONVENE_FIELD_PTR (entity, &fields[i]);
      if (*value == 0)
        continue;
      mapped = g_hash_table_lookup (map_for (writer, fields[i].ref_table), value);
      g_object_set (entity, fields[i].name, mapped != NULL ? *mapped : (gint64) 0, NULL);
    }
}

static gint64
find_person_by_name (ConveneStore *store,
                     const char   *name)
{
  g_autoptr(GPtrArray) people = convene_store_query (store, CONVENE_TYPE_PERSON, NULL, 0, NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    if (g_strcmp0 (convene_person_get_name (g_ptr_array_index (people, i)), name) == 0)
      return convene_entity_get_id (g_ptr_array_index (people, i));
  return 0;
}

static gboolean
write_list (Writer        *writer,
            ConveneStore  *store,
            GPtrArray     *list,
            GError       **error)
{
  for (guint i = 0; i < list->len; i++)
    {
      ConveneEntity *original = g_ptr_array_index (list, i);
      g_autoptr(ConveneEntity) entity = convene_entity_copy (original);
      gint64 provisional = convene_entity_get_id (original);

      /* People found by name are members the group already has. */
      if (!writer->keep_ids && CONVENE_IS_PERSON (entity))
        {
          gint64 existing = find_person_by_name (store, convene_person_get_name (CONVENE_PERSON (entity)));

          if (existing != 0)
            {
              convene_entity_set_id (entity, existing);
              remember (writer, entity, provisional);
              continue;
            }
        }
      remap_references (writer, entity);
      if (!writer->keep_ids)
        convene_entity_set_id (entity, 0);
      if (!convene_store_add (store, entity, error))
        return FALSE;
      remember (writer, entity, provisional);
    }
  return TRUE;
}

/* Applies @on_existing to plans already in the database. */
static gboolean
handle_existing (ConveneImportResult  *result,
                 ConveneStore         *store,
                 ConveneOnExisting     on_existing,
                 GError              **error)
{
  g_autoptr(GPtrArray) stored = NULL;

  if (on_existing == CONVENE_ON_EXISTING_NEW)
    return TRUE;
  stored = convene_store_query (store, CONVENE_TYPE_PLAN, NULL, 0, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < result->plans->len; i++)
    for (guint s = 0; s < stored->len; s++)
      {
        ConvenePlan *plan = g_ptr_array_index (result->plans, i);
        ConvenePlan *old = g_ptr_array_index (stored, s);

        if (g_strcmp0 (convene_plan_get_title (plan), convene_plan_get_title (old)) != 0 ||
            g_strcmp0 (convene_plan_get_group (plan), convene_plan_get_group (old)) != 0)
          continue;
        if (on_existing == CONVENE_ON_EXISTING_FAIL)
          {
            g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EXISTS,
                         _("%s: the plan “%s” is already in the database (id %" PRId64 "); "
                           "replace it, or import it as a new plan beside it"),
                         result->file, convene_plan_get_title (plan),
                         convene_entity_get_id (CONVENE_ENTITY (old)));
            return FALSE;
          }
        if (!convene_store_remove (store, CONVENE_ENTITY (old), error))
          return FALSE;
      }
  return TRUE;
}

/**
 * convene_import_result_write:
 *
 * Writes the preview in one transaction: all of it, or nothing.  Into an
 * empty database a JSON export keeps its ids; otherwise objects get new ids
 * and every reference is rewritten.
 */
gboolean
convene_import_result_write (ConveneImportResult  *result,
                             ConveneStore         *store,
                             ConveneOnExisting     on_existing,
                             GError              **error)
{
  g_autoptr(GHashTable) maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_hash_table_unref);
  Writer writer = { maps, FALSE };
  GPtrArray *order[] = { result->people, result->plans, result->goals, result->actions,
                         result->sessions, result->attendance, result->resources };

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);

  if (!convene_store_begin (store, error))
    return FALSE;
  writer.keep_ids = result->keep_ids && convene_store_is_empty (store);

  if (!handle_existing (result, store, on_existing, error))
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (!write_list (&writer, store, order[i], error))
      goto failed;
  if (!convene_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  convene_store_rollback (store);
  if (error != NULL && *error != NULL && (*error)->domain != CONVENE_IMPORT_ERROR)
    g_prefix_error (error, "%s: ", result->file);
  return FALSE;
}

/* ---- reading any file ---------------------------------------------------------- */

static const char *
skip_space (const char *text)
{
  if (g_str_has_prefix (text, "\xef\xbb\xbf"))
    text += 3;
  while (g_ascii_isspace (*text))
    text++;
  return text;
}

/**
 * convene_import_file:
 * @path: a JSON export, an action-plan document or an iCalendar file
 *
 * Recognises the kind of file from its content, not its name.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
ConveneImportResult *
convene_import_file (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  const char *start;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_READ,
                   _("%s: could not be read: %s"), path, local->message);
      return NULL;
    }

  start = skip_space (contents);
  if (*start == '{' || g_ascii_strncasecmp (start, "BEGIN:VCALENDAR", strlen ("BEGIN:VCALENDAR")) == 0)
    {
      /* Both formats are UTF-8 by their specifications. */
      if (!g_utf8_validate_len (contents, length, NULL))
        {
          g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                       _("%s: this is not UTF-8 text"), path);
          return NULL;
        }
      if (*start == '{')
        return convene_json_import (path, contents, length, error);
      return convene_ics_import (path, contents, length, error);
    }
  /* Anything else is read as a document people wrote: Markdown, plain
   * text, tab-separated tables, a meeting announcement; that importer
   * also reads the UTF-16 and Windows-1252 files word processors save. */
  return convene_document_import (path, contents, length, error);
}
