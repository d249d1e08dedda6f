/* convene-undo.c: deleting with a way back.
 *
 * Before an object is deleted, copies of it and of everything that hangs off
 * it (a session's attendance and resources, a plan's goals, actions and
 * sessions...) are taken, in the order they must be written back.  Restoring
 * adds them again and rewrites their references to the ids they get now.
 */
#include "config.h"

#include "store/convene-undo.h"

#include "model/convene-action.h"
#include "model/convene-attendance.h"
#include "model/convene-session-exception.h"
#include "model/convene-goal.h"
#include "model/convene-person.h"
#include "model/convene-plan.h"
#include "model/convene-resource.h"
#include "model/convene-session.h"

struct _ConveneUndo
{
  GPtrArray *entities;   /* ConveneEntity copies, parents first */
  GPtrArray *with;       /* stored objects deleted with it that no foreign key takes */
  GArray    *survived;   /* gboolean per entity: still stored after the delete */
  GType      type;       /* of the object the user deleted */
  gint64     restored_id;
  gint64     added_id;   /* convene_undo_add(): what Undo takes away again */
};

static gboolean
take_dependents (ConveneUndo   *undo,
                 ConveneStore  *store,
                 GType          type,
                 const char    *column,
                 gint64         id,
                 GError       **error);

static gboolean take (ConveneUndo    *undo,
                      ConveneStore   *store,
                      ConveneEntity  *entity,
                      GError        **error);

static gboolean
same_instant (GDateTime *a,
              GDateTime *b)
{
  return a != NULL && b != NULL && g_date_time_to_unix (a) == g_date_time_to_unix (b);
}

/* A meeting added to a series is all of its own: the changes made to it
 * and who attended it go with its date, or they would come back the day
 * the same date is added again. */
static gboolean
take_added_meeting (ConveneUndo              *undo,
                    ConveneStore             *store,
                    ConveneSessionException  *added,
                    GError                  **error)
{
  gint64 session = convene_session_exception_get_session (added);
  GDateTime *when = convene_session_exception_get_occurrence (added);
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(GPtrArray) attendance = NULL;

  exceptions = convene_store_query (store, CONVENE_TYPE_SESSION_EXCEPTION, "session", session, error);
  if (exceptions == NULL)
    return FALSE;
  attendance = convene_store_query (store, CONVENE_TYPE_ATTENDANCE, "session", session, error);
  if (attendance == NULL)
    return FALSE;

  for (guint i = 0; i < exceptions->len; i++)
    {
      ConveneSessionException *e = g_ptr_array_index (exceptions, i);

      if (convene_session_exception_get_kind (e) == CONVENE_EXCEPTION_KIND_CHANGED &&
          same_instant (convene_session_exception_get_occurrence (e), when))
        {
          g_ptr_array_add (undo->with, g_object_ref (e));
          if (!take (undo, store, CONVENE_ENTITY (e), error))
            return FALSE;
        }
    }
  for (guint i = 0; i < attendance->len; i++)
    {
      ConveneAttendance *a = g_ptr_array_index (attendance, i);

      if (same_instant (convene_attendance_get_occurrence (a), when))
        {
          g_ptr_array_add (undo->with, g_object_ref (a));
          if (!take (undo, store, CONVENE_ENTITY (a), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
take (ConveneUndo    *undo,
      ConveneStore   *store,
      ConveneEntity  *entity,
      GError        **error)
{
  GType type = G_OBJECT_TYPE (entity);
  gint64 id = convene_entity_get_id (entity);

  g_ptr_array_add (undo->entities, convene_entity_copy (entity));

  if (type == CONVENE_TYPE_PLAN)
    return take_dependents (undo, store, CONVENE_TYPE_GOAL, "plan", id, error) &&
           take_dependents (undo, store, CONVENE_TYPE_ACTION, "plan", id, error) &&
           take_dependents (undo, store, CONVENE_TYPE_SESSION, "plan", id, error) &&
           take_dependents (undo, store, CONVENE_TYPE_RESOURCE, "plan", id, error);
  if (type == CONVENE_TYPE_SESSION)
    return take_dependents (undo, store, CONVENE_TYPE_ATTENDANCE, "session", id, error) &&
           take_dependents (undo, store, CONVENE_TYPE_SESSION_EXCEPTION, "session", id, error) &&
           take_dependents (undo, store, CONVENE_TYPE_RESOURCE, "session", id, error);
  if (type == CONVENE_TYPE_PERSON)
    return take_dependents (undo, store, CONVENE_TYPE_ATTENDANCE, "person", id, error) &&
           take_dependents (undo, store, CONVENE_TYPE_RESOURCE, "shared-by", id, error);
  if (type == CONVENE_TYPE_GOAL)
    return take_dependents (undo, store, CONVENE_TYPE_ACTION, "goal", id, error);
  if (type == CONVENE_TYPE_SESSION_EXCEPTION &&
      convene_session_exception_get_kind (CONVENE_SESSION_EXCEPTION (entity)) == CONVENE_EXCEPTION_KIND_ADDED)
    return take_added_meeting (undo, store, CONVENE_SESSION_EXCEPTION (entity), error);
  return TRUE;
}

static gboolean
already_taken (ConveneUndo   *undo,
               ConveneEntity *entity)
{
  for (guint i = 0; i < undo->entities->len; i++)
    {
      ConveneEntity *e = g_ptr_array_index (undo->entities, i);

      if (G_OBJECT_TYPE (e) == G_OBJECT_TYPE (entity) &&
          convene_entity_get_id (e) == convene_entity_get_id (entity))
        return TRUE;
    }
  return FALSE;
}

static gboolean
take_dependents (ConveneUndo   *undo,
                 ConveneStore  *store,
                 GType          type,
                 const char    *column,
                 gint64         id,
                 GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *sql_column = g_strdelimit (g_strdup (column), "-", '_');

  found = convene_store_query (store, type, sql_column, id, error);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    if (!already_taken (undo, g_ptr_array_index (found, i)) &&
        !take (undo, store, g_ptr_array_index (found, i), error))
      return FALSE;
  return TRUE;
}

/**
 * convene_undo_delete:
 * @store: the store
 * @entity: what the user deletes
 * @error: where a failure goes
 *
 * Deletes @entity (the store removes what depends on it) after keeping
 * copies of all of it.
 *
 * Returns: (transfer full) (nullable): the way back, or %NULL on error
 */
ConveneUndo *
convene_undo_delete (ConveneStore   *store,
                     ConveneEntity  *entity,
                     GError        **error)
{
  g_autoptr(ConveneUndo) undo = g_new0 (ConveneUndo, 1);
  g_autoptr(ConveneEntity) keep = g_object_ref (entity);

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), NULL);

  undo->entities = g_ptr_array_new_with_free_func (g_object_unref);
  undo->with = g_ptr_array_new_with_free_func (g_object_unref);
  undo->type = G_OBJECT_TYPE (entity);
  if (!take (undo, store, entity, error))
    return NULL;
  if (!convene_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < undo->with->len; i++)
    if (!convene_store_remove (store, g_ptr_array_index (undo->with, i), error))
      {
        convene_store_rollback (store);
        return NULL;
      }
  if (!convene_store_remove (store, keep, error) ||
      !convene_store_commit (store, error))
    {
      convene_store_rollback (store);
      return NULL;
    }

  /* What only referred to the deleted object is still there, without the
   * reference: Undo updates it rather than adding it again. */
  undo->survived = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), undo->entities->len);
  for (guint i = 0; i < undo->entities->len; i++)
    {
      ConveneEntity *e = g_ptr_array_index (undo->entities, i);
      g_autoptr(GObject) stored = i == 0 ? NULL
        : convene_store_load (store, G_OBJECT_TYPE (e), convene_entity_get_id (e), NULL);
      gboolean survived = stored != NULL;

      g_array_append_val (undo->survived, survived);
    }
  return g_steal_pointer (&undo);
}

static char *
ref_key (const char *table,
         gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
}

/* Points the references of @copy at the ids its parents got when restored. */
static void
remap_refs (ConveneEntity *copy,
            GHashTable    *new_ids)
{
  guint n_fields;
  const ConveneField *fields =
    convene_entity_class_get_fields (CONVENE_ENTITY_GET_CLASS (copy), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      gint64 old_id = 0;
      g_autofree char *key = NULL;
      gpointer new_id;

      if (fields[i].kind != CONVENE_FIELD_REF)
        continue;
      g_object_get (copy, fields[i].name, &old_id, NULL);
      if (old_id == 0)
        continue;
      key = ref_key (fields[i].ref_table, old_id);
      if (g_hash_table_lookup_extended (new_ids, key, NULL, &new_id))
        convene_entity_set_ref_field (copy, fields[i].name, *(gint64 *) new_id);
    }
}

/**
 * convene_undo_add:
 * @store: the store
 * @entity: what the user adds to take something away: an exception that
 *   takes one occurrence out of a series
 * @error: where a failure goes
 *
 * Adds @entity; Undo removes it again, so the occurrence comes back.
 *
 * Returns: (transfer full) (nullable): the way back, or %NULL on error
 */
ConveneUndo *
convene_undo_add (ConveneStore   *store,
                  ConveneEntity  *entity,
                  GError        **error)
{
  g_autoptr(ConveneUndo) undo = g_new0 (ConveneUndo, 1);

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);
  g_return_val_if_fail (CONVENE_IS_ENTITY (entity), NULL);

  undo->entities = g_ptr_array_new_with_free_func (g_object_unref);
  undo->survived = g_array_new (FALSE, TRUE, sizeof (gboolean));
  undo->type = G_OBJECT_TYPE (entity);
  if (!convene_store_add (store, entity, error))
    return NULL;
  undo->added_id = convene_entity_get_id (entity);
  return g_steal_pointer (&undo);
}

static gboolean
restore_added (ConveneUndo   *undo,
               ConveneStore  *store,
               GError       **error)
{
  g_autoptr(ConveneEntity) added = convene_store_load (store, undo->type, undo->added_id, NULL);

  /* Already gone (another program removed it): nothing is left to undo. */
  if (added == NULL)
    return TRUE;
  return convene_store_remove (store, added, error);
}

/**
 * convene_undo_restore:
 * @undo: what a delete kept
 * @store: the store it was deleted from
 * @error: where a failure goes
 *
 * Writes everything back in one transaction, all or nothing.
 *
 * Returns: whether it worked
 */
gboolean
convene_undo_restore (ConveneUndo   *undo,
                      ConveneStore  *store,
                      GError       **error)
{
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (undo != NULL, FALSE);

  if (undo->added_id != 0)
    return restore_added (undo, store, error);
  if (!convene_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < undo->entities->len; i++)
    {
      ConveneEntity *kept = g_ptr_array_index (undo->entities, i);
      g_autoptr(ConveneEntity) copy = convene_entity_copy (kept);
      const char *table = convene_entity_class_get_table (CONVENE_ENTITY_GET_CLASS (copy));
      gint64 old_id = convene_entity_get_id (kept);

      gboolean survived = g_array_index (undo->survived, gboolean, i);
      gboolean ok;

      remap_refs (copy, new_ids);
      if (survived)
        ok = convene_store_update (store, copy, error);
      else
        {
          g_autoptr(GObject) taken = convene_store_load (store, G_OBJECT_TYPE (copy), old_id, NULL);

          /* The object keeps its id, so that links to it hold, unless
           * something new took that id meanwhile. */
          if (taken != NULL)
            convene_entity_set_id (copy, 0);
          ok = convene_store_add (store, copy, error);
        }
      if (!ok)
        {
          convene_store_rollback (store);
          return FALSE;
        }
      g_hash_table_insert (new_ids, ref_key (table, old_id),
                           g_memdup2 (&(gint64) { convene_entity_get_id (copy) }, sizeof (gint64)));
      if (i == 0)
        undo->restored_id = convene_entity_get_id (copy);
    }

  if (!convene_store_commit (store, error))
    {
      convene_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

GType
convene_undo_get_entity_type (ConveneUndo *undo)
{
  return undo->type;
}

/* The id the deleted object has again after convene_undo_restore(). */
gint64
convene_undo_get_restored_id (ConveneUndo *undo)
{
  return undo->restored_id;
}

void
convene_undo_free (ConveneUndo *undo)
{
  if (undo == NULL)
    return;
  g_clear_pointer (&undo->entities, g_ptr_array_unref);
  g_clear_pointer (&undo->with, g_ptr_array_unref);
  g_clear_pointer (&undo->survived, g_array_unref);
  g_free (undo);
}
