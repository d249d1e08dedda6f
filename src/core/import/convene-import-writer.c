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
  LIST_EXCEPTIONS,
  LIST_RESOURCES,
  N_LISTS
};

struct _ConveneImportWriter
{
  ConveneStore      *store;
  ConveneOnExisting  on_existing;
  GHashTable        *maps;      /* table name → (provisional id → database id) */
  GHashTable        *people;    /* name → database id, read once when first needed */
  gboolean           keep_ids;
  guint              written[N_LISTS];  /* how much of each list is in the database */
  /* Sessions that changed once written, to be written again: those still
   * held, with provisional ids, and those let go, written in place. */
  GPtrArray         *rewrite_held;
  GPtrArray         *rewrite_in_place;
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
  lists[LIST_EXCEPTIONS] = result->exceptions;
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

/* The database's people by name, read once: asking the store for every
 * person of a file made an import of many people quadratic. */
static gint64
find_person_by_name (ConveneImportWriter *writer,
                     const char          *name)
{
  gint64 *id;

  if (writer->people == NULL)
    {
      g_autoptr(GPtrArray) people = convene_store_query (writer->store, CONVENE_TYPE_PERSON, NULL, 0, NULL);

      writer->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      /* The first of two people with one name is the one found. */
      for (guint i = people != NULL ? people->len : 0; i-- > 0;)
        {
          ConvenePerson *person = g_ptr_array_index (people, i);

          if (convene_person_get_name (person) != NULL)
            g_hash_table_insert (writer->people, g_strdup (convene_person_get_name (person)),
                                 g_memdup2 (&(gint64) { convene_entity_get_id (CONVENE_ENTITY (person)) }, sizeof (gint64)));
        }
    }
  id = name != NULL ? g_hash_table_lookup (writer->people, name) : NULL;
  return id != NULL ? *id : 0;
}

/* A person just written is found by name by the next ones. */
static void
remember_person (ConveneImportWriter *writer,
                 ConveneEntity       *entity)
{
  const char *name = convene_person_get_name (CONVENE_PERSON (entity));

  if (writer->people != NULL && name != NULL && !g_hash_table_contains (writer->people, name))
    g_hash_table_insert (writer->people, g_strdup (name),
                         g_memdup2 (&(gint64) { convene_entity_get_id (entity) }, sizeof (gint64)));
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
      gint64 existing = find_person_by_name (writer, convene_person_get_name (CONVENE_PERSON (entity)));

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
  if (!writer->keep_ids && CONVENE_IS_PERSON (entity))
    remember_person (writer, entity);
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

/* Sessions changed after they were written (convene_import_result_rewrite())
 * are written again. */
static gboolean
rewrite_sessions (ConveneImportResult  *result,
                  GError              **error)
{
  ConveneImportWriter *writer = result->writer;
  GHashTable *map = map_for (writer, "sessions");

  for (guint i = 0; i < writer->rewrite_held->len; i++)
    {
      ConveneEntity *original = g_ptr_array_index (writer->rewrite_held, i);
      g_autoptr(ConveneEntity) entity = convene_entity_copy (original);
      gint64 provisional = convene_entity_get_id (original);
      gint64 *stored = g_hash_table_lookup (map, &provisional);

      g_assert (stored != NULL);
      remap_references (writer, entity);
      convene_entity_set_id (entity, *stored);
      if (!convene_store_update (writer->store, entity, error))
        return FALSE;
    }
  /* Written in place, these already carry their database ids. */
  for (guint i = 0; i < writer->rewrite_in_place->len; i++)
    {
      g_autoptr(ConveneEntity) entity = convene_entity_copy (g_ptr_array_index (writer->rewrite_in_place, i));

      if (!convene_store_update (writer->store, entity, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * convene_import_result_rewrite:
 * @session: a session taken earlier, changed since
 *
 * While an import writes as it reads, a session may change after it was
 * written: a series that an override later in the file splits.  It is then
 * written again before the import commits.  A session not yet written
 * needs nothing, nor does any session of an import that writes at its end.
 */
void
convene_import_result_rewrite (ConveneImportResult *result,
                               ConveneSession      *session)
{
  ConveneImportWriter *writer;
  guint index;

  g_return_if_fail (result != NULL);
  g_return_if_fail (CONVENE_IS_SESSION (session));

  writer = result->writer;
  if (writer == NULL)
    return;
  if (g_ptr_array_find (result->sessions, session, &index))
    {
      /* Held: written when below the mark, and then copied. */
      if (index < writer->written[LIST_SESSIONS] && !g_ptr_array_find (writer->rewrite_held, session, NULL))
        g_ptr_array_add (writer->rewrite_held, g_object_ref (session));
      return;
    }
  /* No longer held: written, and let go. */
  if (!g_ptr_array_find (writer->rewrite_in_place, session, NULL))
    g_ptr_array_add (writer->rewrite_in_place, g_object_ref (session));
}

/* A plan's title and group as one key ("\x1f" is in neither). */
static char *
plan_key (ConvenePlan *plan)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", convene_plan_get_title (plan) != NULL ? "t" : "-",
                          convene_plan_get_title (plan) != NULL ? convene_plan_get_title (plan) : "",
                          convene_plan_get_group (plan) != NULL ? convene_plan_get_group (plan) : "\x1e");
}

/* Applies the writer's on-existing rule to plans that were in the database
 * before this import.  The old plans are looked up by title and group in a
 * table: comparing every plan of a file with every stored one made large
 * imports into a full database quadratic. */
static gboolean
handle_existing (ConveneImportResult  *result,
                 GError              **error)
{
  ConveneImportWriter *writer = result->writer;
  GHashTable *map = map_for (writer, "plans");
  g_autoptr(GHashTable) ours = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) old_plans = NULL;
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

  /* key → the stored plans of that title and group, in the store's order */
  old_plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint s = 0; s < stored->len; s++)
    {
      ConvenePlan *old = g_ptr_array_index (stored, s);
      gint64 old_id = convene_entity_get_id (CONVENE_ENTITY (old));
      char *key;
      GPtrArray *same;

      if (g_hash_table_contains (ours, &old_id))
        continue;
      key = plan_key (old);
      same = g_hash_table_lookup (old_plans, key);
      if (same == NULL)
        g_hash_table_insert (old_plans, key, (same = g_ptr_array_new ()));
      else
        g_free (key);
      g_ptr_array_add (same, old);
    }

  for (guint i = 0; i < result->plans->len; i++)
    {
      ConvenePlan *plan = g_ptr_array_index (result->plans, i);
      g_autofree char *key = plan_key (plan);
      GPtrArray *same = g_hash_table_lookup (old_plans, key);

      for (guint s = 0; same != NULL && s < same->len; s++)
        {
          ConvenePlan *old = g_ptr_array_index (same, s);

          if (writer->on_existing == CONVENE_ON_EXISTING_FAIL)
            {
              g_set_error (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EXISTS,
                           _("%s: the plan “%s” is already in the database (id %" PRId64 "); "
                             "replace it, or import it as a new plan beside it"),
                           result->file, convene_plan_get_title (plan),
                           convene_entity_get_id (CONVENE_ENTITY (old)));
              return FALSE;
            }
          if (!convene_store_remove (writer->store, CONVENE_ENTITY (old), error))
            return FALSE;
        }
      /* Removed once, even when two plans of the file have its name. */
      g_hash_table_remove (old_plans, key);
    }
  return TRUE;
}

static void
writer_free (ConveneImportWriter *writer)
{
  convene_store_set_mapped (writer->store, TRUE);
  g_hash_table_unref (writer->maps);
  g_clear_pointer (&writer->people, g_hash_table_unref);
  g_ptr_array_unref (writer->rewrite_held);
  g_ptr_array_unref (writer->rewrite_in_place);
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

  /* An import reads most of the file's pages: through the cache, its
   * memory stays the cache's 16 MB however large the file. */
  convene_store_set_mapped (store, FALSE);
  if (!convene_store_begin (store, error))
    {
      convene_store_set_mapped (store, TRUE);
      g_prefix_error (error, "%s: ", result->file);
      return FALSE;
    }
  writer = g_new0 (ConveneImportWriter, 1);
  writer->store = g_object_ref (store);
  writer->on_existing = on_existing;
  writer->maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_hash_table_unref);
  writer->keep_ids = result->keep_ids && convene_store_is_empty (store);
  writer->rewrite_held = g_ptr_array_new_with_free_func (g_object_unref);
  writer->rewrite_in_place = g_ptr_array_new_with_free_func (g_object_unref);
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
      !rewrite_sessions (result, error) ||
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

