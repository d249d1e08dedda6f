/* convene-sync-resolve.c: a conflict settled here, by keeping this side's
 * version, the server's, or both; the next sync tells the server. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "import/convene-ics-import.h"
#include "model/convene-action.h"
#include "model/convene-session.h"
#include "store/convene-sync-rows.h"
#include "sync/convene-sync-private.h"

/* ---- conflicts --------------------------------------------------------- */

/* Makes a new object here from the server's version, and returns it. */
static ConveneEntity *
add_from_remote (ConveneStore         *store,
                 ConveneSyncConflict  *conflict,
                 GError              **error)
{
  g_autoptr(ConveneEntity) entity = NULL;
  gboolean is_session = g_str_has_prefix (conflict->uid, "session-") ||
                        strstr (conflict->remote, "BEGIN:VEVENT") != NULL;

  entity = g_object_new (is_session ? CONVENE_TYPE_SESSION : CONVENE_TYPE_ACTION,
                         "plan", conflict->plan, NULL);
  if (is_session)
    g_object_set (entity, "topic", "", NULL);
  else
    g_object_set (entity, "title", "", NULL);
  /* Its fields come from the server's text; the add gives it an id. */
  {
    g_autoptr(ConveneImportResult) result = convene_ics_import (_("the calendar"), conflict->remote,
                                                                strlen (conflict->remote), error);
    GPtrArray *from = result == NULL ? NULL : is_session ? result->sessions : result->actions;

    if (from == NULL || from->len == 0)
      {
        if (from != NULL)
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The server’s version holds no event or to-do Convene can read"));
        return NULL;
      }
    convene_entity_assign (entity, g_ptr_array_index (from, 0));
    convene_entity_set_id (entity, 0);
    convene_entity_set_ref_field (entity, "plan", conflict->plan);
  }
  if (!convene_store_add (store, entity, error))
    return NULL;
  return g_steal_pointer (&entity);
}

static ConveneSyncItem *
find_item (ConveneStore         *store,
           ConveneSyncConflict  *conflict,
           GError              **error)
{
  g_autoptr(GPtrArray) items = convene_store_list_sync_items (store, conflict->account, conflict->plan, error);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);

      if (item->id == conflict->item)
        return g_ptr_array_steal_index (items, i);
    }
  if (items != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The conflict’s item is gone"));
  return NULL;
}

/* Settles one conflict by changing only this side: the item's stored ETag
 * becomes the server's, so the next sync sends this side's version with
 * If-Match on it, or sees the two agree.  Long because each of the three
 * choices meets each side's deletion. */
static gboolean
resolve (ConveneStore         *store,
         ConveneSyncConflict  *conflict,
         ConveneSyncKeep       keep,
         GError              **error)
{
  g_autoptr(ConveneSyncItem) item = find_item (store, conflict, error);
  g_autoptr(ConveneEntity) entity = NULL;
  g_autoptr(GHashTable) local = NULL;
  LocalItem *now;

  if (item == NULL)
    return FALSE;
  entity = _convene_sync_load_by_uid (store, item->uid);
  if (keep == CONVENE_SYNC_KEEP_BOTH && (conflict->local == NULL || conflict->remote == NULL))
    keep = conflict->local == NULL ? CONVENE_SYNC_KEEP_REMOTE : CONVENE_SYNC_KEEP_LOCAL;

  if (keep == CONVENE_SYNC_KEEP_LOCAL)
    {
      if (conflict->remote == NULL)
        /* Deleted there: this side's is published again as new. */
        return convene_store_remove_sync_item (store, item->id, error);
      g_set_str (&item->etag, conflict->remote_etag);
      /* Differs from any text: the next sync sends this side's. */
      g_set_str (&item->synced, "");
      return convene_store_put_sync_item (store, item, error) &&
             convene_store_remove_sync_conflict (store, conflict->id, error);
    }

  if (conflict->remote == NULL)
    return (entity == NULL || convene_store_remove (store, entity, error)) &&
           convene_store_remove_sync_item (store, item->id, error);
  if (keep == CONVENE_SYNC_KEEP_BOTH && entity != NULL)
    {
      /* This side's version lives on as a copy, published next time. */
      g_autoptr(ConveneEntity) copy = convene_entity_copy (entity);

      convene_entity_set_id (copy, 0);
      if (!convene_store_add (store, copy, error))
        return FALSE;
    }
  if (entity == NULL)
    {
      /* Deleted here, edited there: the server's comes back under a new
       * UID, and the old one is deleted there by the next sync. */
      g_autoptr(ConveneEntity) added = add_from_remote (store, conflict, error);

      if (added == NULL)
        return FALSE;
      g_set_str (&item->etag, conflict->remote_etag);
      g_set_str (&item->synced, "");
      return convene_store_put_sync_item (store, item, error) &&
             convene_store_remove_sync_conflict (store, conflict->id, error);
    }
  if (!_convene_sync_apply_remote (store, entity, conflict->remote, error))
    return FALSE;
  local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _convene_sync_local_item_free);
  if (!_convene_sync_add_local_items (store, item->plan, local, error))
    return FALSE;
  now = g_hash_table_lookup (local, item->uid);
  g_set_str (&item->etag, conflict->remote_etag);
  g_set_str (&item->synced, now != NULL ? now->normalized : NULL);
  return convene_store_put_sync_item (store, item, error) &&
         convene_store_remove_sync_conflict (store, conflict->id, error);
}

gboolean
convene_sync_resolve (ConveneStore     *store,
                      gint64            conflict_id,
                      ConveneSyncKeep   keep,
                      GError          **error)
{
  g_autoptr(ConveneSyncConflict) conflict = NULL;

  g_return_val_if_fail (CONVENE_IS_STORE (store), FALSE);

  conflict = convene_store_get_sync_conflict (store, conflict_id, error);
  if (conflict == NULL || !convene_store_begin (store, error))
    return FALSE;
  if (!resolve (store, conflict, keep, error))
    {
      convene_store_rollback (store);
      return FALSE;
    }
  return convene_store_commit (store, error);
}

char *
convene_sync_describe_item (const char *text)
{
  icalcomponent *calendar;
  icalcomponent *component;
  GString *out;

  if (text == NULL)
    return g_strdup (_("(deleted)"));
  calendar = icalparser_parse_string (text);
  if (calendar == NULL)
    return g_strdup (_("(unreadable)"));
  component = icalcomponent_get_first_real_component (calendar);
  out = g_string_new (component != NULL && icalcomponent_get_summary (component) != NULL
                      ? icalcomponent_get_summary (component) : "");
  if (component != NULL && !icaltime_is_null_time (icalcomponent_get_dtstart (component)))
    g_string_append_printf (out, " (%s)", icaltime_as_ical_string (icalcomponent_get_dtstart (component)));
  icalcomponent_free (calendar);
  return g_string_free (out, FALSE);
}
