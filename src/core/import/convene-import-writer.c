/* convene-import-writer.c: a preview written into the store in one
 * transaction, every reference rewritten from provisional to database ids. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "import/convene-import-writer.h"

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
  result->cancel_write = convene_import_result_cancel_write;
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

