/* convene-import.c: the preview every importer fills, and writing it in one
 * transaction with every reference rewritten to the database's ids. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "import/convene-import.h"
#include "import/convene-ics-import.h"
#include "import/convene-json.h"
#include "model/convene-enum-labels.h"
#include "import/convene-document-import.h"
#include "import/convene-ics-import.h"
#include "model/convene-values.h"

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
  result->let_go = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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
  if (result->writer != NULL)
    convene_import_result_cancel_write (result);
  g_free (result->file);
  g_hash_table_unref (result->let_go);
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
      guint goals = 0, actions = 0, sessions = 0, let_go;

      for (guint i = 0; i < result->goals->len; i++)
        goals += convene_goal_get_plan (g_ptr_array_index (result->goals, i)) == id;
      for (guint i = 0; i < result->actions->len; i++)
        actions += convene_action_get_plan (g_ptr_array_index (result->actions, i)) == id;
      for (guint i = 0; i < result->sessions->len; i++)
        sessions += convene_session_get_plan (g_ptr_array_index (result->sessions, i)) == id;
      let_go = GPOINTER_TO_UINT (g_hash_table_lookup (result->let_go, &id));
      sessions += let_go;

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
      if (let_go > 0)
        {
          g_string_append (text, "    ");
          /* Translators: after the first sessions of a large import */
          g_string_append_printf (text, ngettext ("… and %u more session\n", "… and %u more sessions\n",
                                                  let_go), let_go);
        }
    }
  g_string_append_printf (text, ngettext ("%u person\n", "%u people\n", result->people->len),
                          result->people->len);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- writing ------------------------------------------------------------------- */

/* While streaming, how many sessions stay held for the description, and how
 * many are taken between two writes. */
#define SESSIONS_KEPT 20
#define FLUSH_BATCH 256

enum {
  LIST_PEOPLE,
  LIST_PLANS,
  LIST_GOALS,
  LIST_ACTIONS,
  LIST_SESSIONS,
  LIST_ATTENDANCE,
  LIST_RESOURCES,
  N_LISTS
};

struct _ConveneImportWriter
{
  ConveneStore      *store;
  ConveneOnExisting  on_existing;
  GHashTable        *maps;      /* table name → (provisional id → database id) */
  gboolean           keep_ids;
  guint              written[N_LISTS];  /* how much of each list is in the database */
};

/* The lists in the order they are written: what is referred to first. */
static void
lists_in_order (ConveneImportResult *result,
                GPtrArray           *lists[N_LISTS])
{
  lists[LIST_PEOPLE] = result->people;
  lists[LIST_PLANS] = result->plans;
  lists[LIST_GOALS] = result->goals;
  lists[LIST_ACTIONS] = result->actions;
  lists[LIST_SESSIONS] = result->sessions;
  lists[LIST_ATTENDANCE] = result->attendance;
  lists[LIST_RESOURCES] = result->resources;
}

static GHashTable *
map_for (ConveneImportWriter *writer,
         const char          *table)
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
remember (ConveneImportWriter *writer,
          ConveneEntity       *entity,
          gint64               provisional)
{
  GHashTable *map = map_for (writer, convene_entity_class_get_table (CONVENE_ENTITY_GET_CLASS (entity)));

  g_hash_table_insert (map, g_memdup2 (&provisional, sizeof provisional),
                       g_memdup2 (&(gint64) { convene_entity_get_id (entity) }, sizeof (gint64)));
}

/* Rewrites every reference of @entity from provisional to database ids.
 * Nobody watches an import's objects, so the fields are set directly. */
static void
remap_references (ConveneImportWriter *writer,
                  ConveneEntity       *entity)
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
      *value = mapped != NULL ? *mapped : 0;
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

/* Writes @original, or a copy of it when the preview keeps it (its
 * provisional ids must stay as they are). */
static gboolean
write_entity (ConveneImportWriter  *writer,
              ConveneEntity        *original,
              gboolean              in_place,
              GError              **error)
{
  g_autoptr(ConveneEntity) entity = in_place ? g_object_ref (original) : convene_entity_copy (original);
  gint64 provisional = convene_entity_get_id (original);

  /* People found by name are members the group already has. */
  if (!writer->keep_ids && CONVENE_IS_PERSON (entity))
    {
      gint64 existing = find_person_by_name (writer->store, convene_person_get_name (CONVENE_PERSON (entity)));

      if (existing != 0)
        {
          convene_entity_set_id (entity, existing);
          remember (writer, entity, provisional);
          return TRUE;
        }
    }
  remap_references (writer, entity);
  if (!writer->keep_ids)
    convene_entity_set_id (entity, 0);
  if (!convene_store_add (writer->store, entity, error))
    return FALSE;
  remember (writer, entity, provisional);
  return TRUE;
}

/* Writes what was taken since the last write.  With @let_go, the sessions
 * past the first few are written as they are and no longer held. */
static gboolean
write_taken (ConveneImportResult  *result,
             gboolean              let_go,
             GError              **error)
{
  ConveneImportWriter *writer = result->writer;
  GPtrArray *lists[N_LISTS];

  lists_in_order (result, lists);
  for (guint l = 0; l < N_LISTS; l++)
    {
      for (guint i = writer->written[l]; i < lists[l]->len; i++)
        {
          ConveneEntity *entity = g_ptr_array_index (lists[l], i);
          gboolean in_place = let_go && l == LIST_SESSIONS && i >= SESSIONS_KEPT;

          if (in_place)
            {
              gint64 plan = convene_session_get_plan (CONVENE_SESSION (entity));
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (result->let_go, &plan));

              g_hash_table_replace (result->let_go, g_memdup2 (&plan, sizeof plan),
                                    GUINT_TO_POINTER (count + 1));
            }
          if (!write_entity (writer, entity, in_place, error))
            return FALSE;
        }
      writer->written[l] = lists[l]->len;
    }

  if (let_go && result->sessions->len > SESSIONS_KEPT)
    {
      result->n_let_go += result->sessions->len - SESSIONS_KEPT;
      g_ptr_array_remove_range (result->sessions, SESSIONS_KEPT, result->sessions->len - SESSIONS_KEPT);
      writer->written[LIST_SESSIONS] = SESSIONS_KEPT;
    }
  return TRUE;
}

/* Plans written early change as the rest of the file is read (a calendar's
 * year and zone are known at its end): they are written again. */
static gboolean
rewrite_plans (ConveneImportResult  *result,
               guint                 n_plans,
               GError              **error)
{
  ConveneImportWriter *writer = result->writer;
  GHashTable *map = map_for (writer, "plans");

  for (guint i = 0; i < n_plans; i++)
    {
      ConveneEntity *original = g_ptr_array_index (result->plans, i);
      g_autoptr(ConveneEntity) entity = convene_entity_copy (original);
      gint64 provisional = convene_entity_get_id (original);
      gint64 *stored = g_hash_table_lookup (map, &provisional);

      if (stored == NULL)
        continue;
      remap_references (writer, entity);
      convene_entity_set_id (entity, *stored);
      if (!convene_store_update (writer->store, entity, error))
        return FALSE;
    }
  return TRUE;
}

/* Applies the writer's on-existing rule to plans that were in the database
 * before this import. */
static gboolean
handle_existing (ConveneImportResult  *result,
                 GError              **error)
{
  ConveneImportWriter *writer = result->writer;
  GHashTable *map = map_for (writer, "plans");
  g_autoptr(GHashTable) ours = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) stored = NULL;
  GHashTableIter iter;
  gpointer value;

  if (writer->on_existing == CONVENE_ON_EXISTING_NEW)
    return TRUE;
  stored = convene_store_query (writer->store, CONVENE_TYPE_PLAN, NULL, 0, error);
  if (stored == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (ours, value);

  for (guint i = 0; i < result->plans->len; i++)
    for (guint s = 0; s < stored->len; s++)
      {
        ConvenePlan *plan = g_ptr_array_index (result->plans, i);
        ConvenePlan *old = g_ptr_array_index (stored, s);
        gint64 old_id = convene_entity_get_id (CONVENE_ENTITY (old));

        if (g_hash_table_contains (ours, &old_id) ||
            g_strcmp0 (convene_plan_get_title (plan), convene_plan_get_title (old)) != 0 ||
            g_strcmp0 (convene_plan_get_group (plan), convene_plan_get_group (old)) != 0)
          continue;
        if (writer->on_existing == CONVENE_ON_EXISTING_FAIL)
          {
            g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EXISTS,
                         _("%s: the plan “%s” is already in the database (id %" PRId64 "); "
                           "replace it, or import it as a new plan beside it"),
                         result->file, convene_plan_get_title (plan), old_id);
            return FALSE;
          }
        if (!convene_store_remove (writer->store, CONVENE_ENTITY (old), error))
          return FALSE;
      }
  return TRUE;
}

static void
writer_free (ConveneImportWriter *writer)
{
  g_hash_table_unref (writer->maps);
  g_object_unref (writer->store);
  g_free (writer);
}

static gboolean
write_failed (ConveneImportResult  *result,
              GError              **error)
{
  convene_import_result_cancel_write (result);
  if (error != NULL && *error != NULL && (*error)->domain != CONVENE_IMPORT_ERROR)
    g_prefix_error (error, "%s: ", result->file);
  return FALSE;
}

gboolean
convene_import_result_begin_write (ConveneImportResult  *result,
                                   ConveneStore         *store,
                                   ConveneOnExisting     on_existing,
                                   GError              **error)
{
  ConveneImportWriter *writer;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (result->writer == NULL, FALSE);
  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);

  if (!convene_store_begin (store, error))
    {
      g_prefix_error (error, "%s: ", result->file);
      return FALSE;
    }
  writer = g_new0 (ConveneImportWriter, 1);
  writer->store = g_object_ref (store);
  writer->on_existing = on_existing;
  writer->maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_hash_table_unref);
  writer->keep_ids = result->keep_ids && convene_store_is_empty (store);
  result->writer = writer;
  return TRUE;
}

/**
 * convene_import_result_flush:
 *
 * Called by an importer between the parts it reads.  Without a writer, or
 * with few new sessions, it does nothing.
 *
 * Returns: %FALSE with @error set when a write failed: the import must stop
 */
gboolean
convene_import_result_flush (ConveneImportResult  *result,
                             GError              **error)
{
  g_return_val_if_fail (result != NULL, FALSE);

  if (result->writer == NULL ||
      result->sessions->len < result->writer->written[LIST_SESSIONS] + FLUSH_BATCH)
    return TRUE;
  return write_taken (result, TRUE, error);
}

gboolean
convene_import_result_end_write (ConveneImportResult  *result,
                                 GError              **error)
{
  ConveneImportWriter *writer;
  guint written_plans;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (result->writer != NULL, FALSE);

  writer = result->writer;
  written_plans = writer->written[LIST_PLANS];
  /* A streamed import lets go of its last sessions too. */
  if (!write_taken (result, result->n_let_go > 0, error) ||
      !rewrite_plans (result, written_plans, error) ||
      !handle_existing (result, error) ||
      !convene_store_commit (writer->store, error))
    return write_failed (result, error);
  g_clear_pointer (&result->writer, writer_free);
  return TRUE;
}

void
convene_import_result_cancel_write (ConveneImportResult *result)
{
  g_return_if_fail (result != NULL);

  if (result->writer == NULL)
    return;
  convene_store_rollback (result->writer->store);
  g_clear_pointer (&result->writer, writer_free);
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
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);

  return convene_import_result_begin_write (result, store, on_existing, error) &&
         convene_import_result_end_write (result, error);
}

guint
convene_import_result_count (ConveneImportResult *result,
                             GType                type)
{
  g_return_val_if_fail (result != NULL, 0);

  return list_for_type (result, type)->len + (type == CONVENE_TYPE_SESSION ? result->n_let_go : 0);
}

/* ---- reading any file ---------------------------------------------------------- */

typedef enum {
  FILE_DOCUMENT,
  FILE_JSON,
  FILE_ICALENDAR,
} FileKind;

/* The kind of file, from its first bytes: content, not the name, says. */
static FileKind
sniff (const char *data,
       gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p < end && *p == '{')
    return FILE_JSON;
  if ((gsize) (end - p) >= strlen ("BEGIN:VCALENDAR") &&
      g_ascii_strncasecmp (p, "BEGIN:VCALENDAR", strlen ("BEGIN:VCALENDAR")) == 0)
    return FILE_ICALENDAR;
  return FILE_DOCUMENT;
}

static void
set_read_error (GError     **error,
                const char  *path,
                GError      *cause)
{
  g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_READ,
               _("%s: could not be read: %s"), path, cause->message);
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
  FileKind kind;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      set_read_error (error, path, local);
      return NULL;
    }

  kind = sniff (contents, length);
  if (kind != FILE_DOCUMENT)
    {
      /* Both formats are UTF-8 by their specifications. */
      if (!g_utf8_validate_len (contents, length, NULL))
        {
          g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_SYNTAX,
                       _("%s: this is not UTF-8 text"), path);
          return NULL;
        }
      if (kind == FILE_JSON)
        return convene_json_import (path, contents, length, error);
      return convene_ics_import (path, contents, length, error);
    }
  /* Anything else is read as a document people wrote: Markdown, plain
   * text, tab-separated tables, a meeting announcement; that importer
   * also reads the UTF-16 and Windows-1252 files word processors save. */
  return convene_document_import (path, contents, length, error);
}

/* How much of a file is looked at to tell its kind. */
#define SNIFF_SIZE (64 * 1024)

ConveneImportResult *
convene_import_file_into (const char         *path,
                          ConveneStore       *store,
                          ConveneOnExisting   on_existing,
                          GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) local = NULL;
  const char *head;
  gsize available;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local);
  buffered = stream != NULL ? g_buffered_input_stream_new_sized (G_INPUT_STREAM (stream), SNIFF_SIZE) : NULL;
  if (buffered == NULL ||
      g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), SNIFF_SIZE, NULL, &local) < 0)
    {
      set_read_error (error, path, local);
      return NULL;
    }
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);

  if (sniff (head, available) != FILE_ICALENDAR)
    {
      /* Documents and JSON exports are small: read whole, then written. */
      g_clear_object (&buffered);
      result = convene_import_file (path, error);
      if (result == NULL || !convene_import_result_write (result, store, on_existing, error))
        return NULL;
      return g_steal_pointer (&result);
    }

  result = convene_import_result_new (path);
  if (!convene_import_result_begin_write (result, store, on_existing, error))
    return NULL;
  if (!convene_ics_import_stream (result, buffered, error))
    {
      convene_import_result_cancel_write (result);
      return NULL;
    }
  if (!convene_import_result_end_write (result, error))
    return NULL;
  return g_steal_pointer (&result);
}
