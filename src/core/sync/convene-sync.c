/* convene-sync.c: publish, pull and conflicts between a plan and a CalDAV
 * calendar (see convene-sync.h).
 *
 * Each item is judged by two facts: whether its text here differs from the
 * text both sides last agreed on (stored with the item), and whether the
 * server's ETag differs from the stored one.  The text here is what the
 * iCalendar exporter writes for it, without DTSTAMP (which changes with
 * every export), so an untouched session is never sent again.  Each item's
 * changes are written in one transaction, and the sync token is kept only
 * when every item is done: a sync stopped midway is taken up again by the
 * next, with nothing lost.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "export/convene-ics-export.h"
#include "import/convene-ics-import.h"
#include "model/convene-action.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-sync-rows.h"
#include "sync/convene-account.h"
#include "sync/convene-caldav.h"
#include "sync/convene-sync.h"

/* One session or action as the exporter writes it. */
typedef struct {
  gint64  plan;
  char   *text;        /* what is sent: a VCALENDAR with its VTIMEZONEs */
  char   *normalized;  /* the same without DTSTAMP: what is compared */
} LocalItem;

static void
local_item_free (gpointer data)
{
  LocalItem *item = data;

  g_free (item->text);
  g_free (item->normalized);
  g_free (item);
}

/* Adds to @calendar a copy of each VTIMEZONE that @component's times name. */
static void
add_zones_used (icalcomponent *calendar,
                icalcomponent *component,
                GHashTable    *zones)
{
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);

  for (icalproperty *prop = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    {
      icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
      const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;
      icalcomponent *zone = tzid != NULL ? g_hash_table_lookup (zones, tzid) : NULL;

      if (zone != NULL && g_hash_table_add (added, (gpointer) tzid))
        icalcomponent_add_component (calendar, icalcomponent_new_clone (zone));
    }
}

static char *
calendar_text (icalcomponent *component,
               GHashTable    *zones,
               gboolean       stamped)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  icalcomponent *copy = icalcomponent_new_clone (component);
  char *text;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Convene//Convene " PACKAGE_VERSION "//EN"));
  add_zones_used (calendar, copy, zones);
  if (!stamped)
    {
      icalproperty *stamp = icalcomponent_get_first_property (copy, ICAL_DTSTAMP_PROPERTY);

      if (stamp != NULL)
        {
          icalcomponent_remove_property (copy, stamp);
          icalproperty_free (stamp);
        }
    }
  icalcomponent_add_component (calendar, copy);
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  return text;
}

/* The plan's items by UID, each in a calendar of its own, as the
 * exporter writes them: the exporter is the one writer of Convene's
 * iCalendar. */
static gboolean
add_local_items (ConveneStore  *store,
                 gint64         plan_id,
                 GHashTable    *items,
                 GError       **error)
{
  g_autofree char *text = convene_ics_export (store, plan_id, error);
  g_autoptr(GHashTable) zones = NULL;
  icalcomponent *calendar;

  if (text == NULL)
    return FALSE;
  calendar = icalparser_parse_string (text);
  if (calendar == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The plan’s calendar could not be read back"));
      return FALSE;
    }
  zones = g_hash_table_new (g_str_hash, g_str_equal);
  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *tzid = icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY);

      if (tzid != NULL)
        g_hash_table_insert (zones, (gpointer) icalproperty_get_tzid (tzid), zone);
    }
  for (icalcomponent *component = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       component != NULL;
       component = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (component);
      const char *uid = icalcomponent_get_uid (component);
      LocalItem *item;

      if ((kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT) || uid == NULL)
        continue;
      item = g_new0 (LocalItem, 1);
      item->plan = plan_id;
      item->text = calendar_text (component, zones, TRUE);
      item->normalized = calendar_text (component, zones, FALSE);
      g_hash_table_replace (items, g_strdup (uid), item);
    }
  icalcomponent_free (calendar);
  return TRUE;
}

/* The stored object a UID of Convene's names, or NULL. */
static ConveneEntity *
load_by_uid (ConveneStore *store,
             const char   *uid)
{
  gint64 id = 0;
  GType type = G_TYPE_INVALID;
  const char *rest = NULL;

  if (g_str_has_prefix (uid, "session-"))
    type = CONVENE_TYPE_SESSION, rest = uid + strlen ("session-");
  else if (g_str_has_prefix (uid, "action-"))
    type = CONVENE_TYPE_ACTION, rest = uid + strlen ("action-");
  if (rest == NULL || !g_str_has_suffix (rest, "@convene"))
    return NULL;
  id = g_ascii_strtoll (rest, NULL, 10);
  if (id <= 0)
    return NULL;
  return convene_store_load (store, type, id, NULL);
}

/* Gives @entity what the server's text says of the fields iCalendar
 * carries; the rest (lead, speakers, notes...) stays as it is here. */
static gboolean
apply_remote (ConveneStore   *store,
              ConveneEntity  *entity,
              const char     *text,
              GError        **error)
{
  static const char * const session_fields[] = {
    "topic", "description", "month", "start", "timezone", "duration-minutes", "recurrence",
    "status", "format", "language", "location", NULL
  };
  static const char * const action_fields[] = { "title", "due", "status", NULL };
  g_autoptr(ConveneImportResult) result = convene_ics_import (_("the calendar"), text, strlen (text), error);
  gboolean is_session = CONVENE_IS_SESSION (entity);
  GPtrArray *from = result == NULL ? NULL : is_session ? result->sessions : result->actions;
  const char * const *fields = is_session ? session_fields : action_fields;

  if (result == NULL)
    return FALSE;
  if (from->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s version holds no event or to-do Convene can read"));
      return FALSE;
    }
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (g_ptr_array_index (from, 0)), fields[i], &value);
      g_object_set_property (G_OBJECT (entity), fields[i], &value);
    }
  return convene_store_update (store, entity, error);
}

/* ---- one sync ---------------------------------------------------------- */

typedef struct {
  ConveneStore       *store;
  gint64              account_id;
  gint64              plan_id;
  char               *calendar_url;
  ConveneSyncAccount *account;
  ConveneCaldav      *caldav;
  GHashTable         *local;     /* UID → LocalItem */
  GHashTable         *changed;   /* href → ETag, as the server has them */
  GHashTable         *removed;   /* hrefs gone */
  GHashTable         *pulled;    /* UIDs taken from the server: their text is exported again */
  GHashTable         *conflicted; /* item ids waiting for a choice */
  ConveneSyncReport   report;
} SyncJob;

static void
sync_job_free (gpointer data)
{
  SyncJob *job = data;

  g_clear_object (&job->store);
  g_free (job->calendar_url);
  g_clear_pointer (&job->account, convene_sync_account_free);
  g_clear_pointer (&job->caldav, convene_caldav_free);
  g_clear_pointer (&job->local, g_hash_table_unref);
  g_clear_pointer (&job->changed, g_hash_table_unref);
  g_clear_pointer (&job->removed, g_hash_table_unref);
  g_clear_pointer (&job->pulled, g_hash_table_unref);
  g_clear_pointer (&job->conflicted, g_hash_table_unref);
  g_free (job);
}

static char *
with_slash (const char *url)
{
  return g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
}

/* The calendar to use: given, remembered, found, or made. */
static gboolean
choose_calendar (SyncJob       *job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *home = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GPtrArray) calendars = NULL;

  if (job->calendar_url != NULL)
    url = with_slash (job->calendar_url);
  else if (job->account->calendar_url != NULL)
    return TRUE;
  else
    {
      home = convene_caldav_discover (job->caldav, job->account->url, cancellable, error);
      if (home == NULL)
        return FALSE;
      calendars = convene_caldav_list_calendars (job->caldav, home, cancellable, error);
      if (calendars == NULL)
        return FALSE;
      if (calendars->len > 0)
        url = with_slash (((ConveneCaldavCalendar *) g_ptr_array_index (calendars, 0))->url);
      else
        {
          g_autofree char *base = with_slash (home);
          g_autoptr(ConvenePlan) plan = convene_store_load (job->store, CONVENE_TYPE_PLAN,
                                                            job->plan_id, NULL);

          url = g_strconcat (base, "convene/", NULL);
          if (!convene_caldav_make_calendar (job->caldav, url,
                                             plan != NULL ? convene_plan_get_title (plan) : "Convene",
                                             cancellable, error))
            return FALSE;
        }
    }
  if (!convene_store_set_sync_calendar (job->store, job->account_id, url, error))
    return FALSE;
  if (g_strcmp0 (job->account->calendar_url, url) != 0)
    g_clear_pointer (&job->account->sync_token, g_free);
  g_set_str (&job->account->calendar_url, url);
  return TRUE;
}

/* What changed on the server: by the token when it is taken, else every
 * ETag, from which the hrefs no longer there are the ones deleted. */
static gboolean
read_remote (SyncJob       *job,
             GPtrArray     *items,
             char         **new_token,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) sync_error = NULL;
  gboolean listed = FALSE;

  if (job->account->sync_token != NULL)
    {
      if (convene_caldav_sync_collection (job->caldav, job->account->calendar_url,
                                          job->account->sync_token, new_token, job->changed, removed,
                                          cancellable, &sync_error))
        {
          for (guint i = 0; i < removed->len; i++)
            g_hash_table_add (job->removed, g_strdup (g_ptr_array_index (removed, i)));
          return TRUE;
        }
      if (g_error_matches (sync_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&sync_error));
          return FALSE;
        }
      /* A refused token (403 or 409 valid-sync-token), or any other
       * failure of the report: what changed since is unknown, so every
       * ETag is compared (calendar-query), and the token is dropped; the
       * next sync asks for a fresh one. */
      g_clear_pointer (new_token, g_free);
      g_hash_table_remove_all (job->changed);
    }
  else
    {
      /* The first sync: a token-less sync-collection lists every ETag and
       * gives the token for next time, in one request. */
      listed = convene_caldav_sync_collection (job->caldav, job->account->calendar_url, NULL, new_token,
                                               job->changed, removed, cancellable, NULL);
      if (!listed)
        {
          g_clear_pointer (new_token, g_free);
          g_hash_table_remove_all (job->changed);
        }
    }
  job->report.full = TRUE;
  if (!listed && !convene_caldav_list_etags (job->caldav, job->account->calendar_url, job->changed,
                                             cancellable, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);

      if (!g_hash_table_contains (job->changed, item->href))
        g_hash_table_add (job->removed, g_strdup (item->href));
    }
  return TRUE;
}

static gboolean
keep_conflict (SyncJob         *job,
               ConveneSyncItem *item,
               const char      *local,
               const char      *remote,
               const char      *remote_etag,
               GError         **error)
{
  if (item->id == 0 && !convene_store_put_sync_item (job->store, item, error))
    return FALSE;
  if (!convene_store_add_sync_conflict (job->store, item->id, local, remote, remote_etag, error))
    return FALSE;
  g_hash_table_add (job->conflicted, GINT_TO_POINTER (item->id));
  return TRUE;
}

/* Reads the server's version of an item, for a conflict or to take it. */
static char *
fetch_remote (SyncJob       *job,
              const char    *href,
              char         **etag,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = convene_caldav_get (job->caldav, href, etag, cancellable, &local_error);

  /* Gone meanwhile: a deletion, which is an answer too. */
  if (text == NULL && !g_error_matches (local_error, CONVENE_CALDAV_ERROR,
                                        CONVENE_CALDAV_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return text;
}

/* Sends this side's edit or deletion; a 412 makes a conflict. */
static gboolean
push_local (SyncJob          *job,
            ConveneSyncItem  *item,
            LocalItem        *local,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *remote_etag = NULL;

  if (local != NULL)
    {
      g_autofree char *etag = convene_caldav_put (job->caldav, item->href, local->text, item->etag,
                                                  cancellable, &local_error);

      if (etag != NULL)
        {
          job->report.published++;
          g_set_str (&item->etag, etag);
          g_set_str (&item->synced, local->normalized);
          return convene_store_put_sync_item (job->store, item, error);
        }
    }
  else if (convene_caldav_delete (job->caldav, item->href, item->etag, cancellable, &local_error) ||
           g_error_matches (local_error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_NOT_FOUND))
    {
      job->report.deleted_remote++;
      return convene_store_remove_sync_item (job->store, item->id, error);
    }
  if (!g_error_matches (local_error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_PRECONDITION))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* 412: the server's copy changed since; neither overwrites the other. */
  remote = fetch_remote (job, item->href, &remote_etag, cancellable, error);
  if (remote == NULL && error != NULL && *error != NULL)
    return FALSE;
  return keep_conflict (job, item, local != NULL ? local->text : NULL, remote, remote_etag, error);
}

/* Takes the server's edit or deletion here. */
static gboolean
pull_remote (SyncJob          *job,
             ConveneSyncItem  *item,
             const char       *etag,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(ConveneEntity) entity = load_by_uid (job->store, item->uid);
  g_autofree char *remote = NULL;
  g_autofree char *remote_etag = NULL;
  g_autoptr(GError) apply_error = NULL;

  if (etag != NULL)
    {
      remote = fetch_remote (job, item->href, &remote_etag, cancellable, error);
      if (remote == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  if (remote == NULL)
    {
      job->report.deleted_local++;
      return (entity == NULL || convene_store_remove (job->store, entity, error)) &&
             convene_store_remove_sync_item (job->store, item->id, error);
    }
  if (entity == NULL || !apply_remote (job->store, entity, remote, &apply_error))
    /* What cannot be taken is kept for the coordinator, not dropped. */
    return keep_conflict (job, item, NULL, remote, remote_etag != NULL ? remote_etag : etag, error);
  job->report.pulled++;
  g_set_str (&item->etag, remote_etag != NULL ? remote_etag : etag);
  g_hash_table_add (job->pulled, g_strdup (item->uid));
  return convene_store_put_sync_item (job->store, item, error);
}

/* Judges one stored item by its two facts (see the top of the file). */
static gboolean
sync_item (SyncJob          *job,
           ConveneSyncItem  *item,
           GCancellable     *cancellable,
           GError          **error)
{
  LocalItem *local = g_hash_table_lookup (job->local, item->uid);
  const char *etag = g_hash_table_lookup (job->changed, item->href);
  gboolean gone = g_hash_table_contains (job->removed, item->href);
  gboolean remote_changed = gone || (etag != NULL && g_strcmp0 (etag, item->etag) != 0);
  gboolean local_changed = g_strcmp0 (local != NULL ? local->normalized : NULL, item->synced) != 0;

  if (!remote_changed && !local_changed)
    return TRUE;
  if (!remote_changed)
    return push_local (job, item, local, cancellable, error);
  if (!local_changed)
    return pull_remote (job, item, gone ? NULL : etag, cancellable, error);
  if (local == NULL && gone)
    return convene_store_remove_sync_item (job->store, item->id, error);
  {
    g_autofree char *remote = NULL;
    g_autofree char *remote_etag = NULL;

    if (!gone)
      {
        remote = fetch_remote (job, item->href, &remote_etag, cancellable, error);
        if (remote == NULL && error != NULL && *error != NULL)
          return FALSE;
      }
    return keep_conflict (job, item, local != NULL ? local->text : NULL, remote,
                          remote_etag != NULL ? remote_etag : etag, error);
  }
}

static char *
href_for_uid (const char *calendar_url,
              const char *uid)
{
  g_autofree char *name = g_strdup (uid);

  /* Only letters, digits and dashes: the href reads back as it was sent. */
  for (char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      *c = '-';
  return g_strconcat (calendar_url, name, ".ics", NULL);
}

/* Publishes a new item; a 412 means the server already holds that UID. */
static gboolean
publish_new (SyncJob       *job,
             const char    *uid,
             LocalItem     *local,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(ConveneSyncItem) item = g_new0 (ConveneSyncItem, 1);

  item->account = job->account_id;
  item->plan = local->plan;
  item->uid = g_strdup (uid);
  item->href = href_for_uid (job->account->calendar_url, uid);
  return push_local (job, item, local, cancellable, error);
}

/* Gives each item taken from the server the text the exporter now writes
 * for it, so that the next sync sees it as agreed. */
static gboolean
record_pulled (SyncJob  *job,
               GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;

  if (g_hash_table_size (job->pulled) == 0)
    return TRUE;
  g_hash_table_remove_all (job->local);
  items = convene_store_list_sync_items (job->store, job->account_id, 0, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);

      if (g_hash_table_contains (job->pulled, item->uid) &&
          !g_hash_table_contains (job->local, item->uid) &&
          !add_local_items (job->store, item->plan, job->local, error))
        return FALSE;
    }
  for (guint i = 0; i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);
      LocalItem *local = g_hash_table_lookup (job->local, item->uid);

      if (!g_hash_table_contains (job->pulled, item->uid))
        continue;
      g_set_str (&item->synced, local != NULL ? local->normalized : NULL);
      if (!convene_store_put_sync_item (job->store, item, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs every step of one sync; long because it is the order of them. */
static gboolean
run_sync (SyncJob       *job,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *password = NULL;
  g_autofree char *new_token = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(ConvenePlan) plan = NULL;

  plan = convene_store_load (job->store, CONVENE_TYPE_PLAN, job->plan_id, error);
  if (plan == NULL)
    return FALSE;
  job->account = convene_store_get_sync_account (job->store, job->account_id, error);
  if (job->account == NULL)
    return FALSE;
  password = convene_account_lookup_password_sync (job->account->url, job->account->user,
                                                   cancellable, error);
  if (password == NULL)
    return FALSE;
  job->caldav = convene_caldav_new (job->account->user, password);
  if (!choose_calendar (job, cancellable, error))
    goto failed;

  items = convene_store_list_sync_items (job->store, job->account_id, 0, error);
  conflicts = items != NULL ? convene_store_list_sync_conflicts (job->store, job->account_id, error) : NULL;
  if (conflicts == NULL || !add_local_items (job->store, job->plan_id, job->local, error))
    goto failed;
  for (guint i = 0; i < conflicts->len; i++)
    g_hash_table_add (job->conflicted,
                      GINT_TO_POINTER (((ConveneSyncConflict *) g_ptr_array_index (conflicts, i))->item));
  /* Items of the account's other plans are kept in step too: the
   * calendar's token covers them all. */
  for (guint i = 0; i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);

      if (!g_hash_table_contains (job->local, item->uid) && item->plan != job->plan_id &&
          !add_local_items (job->store, item->plan, job->local, error))
        goto failed;
    }
  if (!read_remote (job, items, &new_token, cancellable, error))
    goto failed;

  for (guint i = 0; i < items->len; i++)
    {
      ConveneSyncItem *item = g_ptr_array_index (items, i);
      gboolean ok;

      /* A conflict waits for its choice; the item stays as it is. */
      if (g_hash_table_contains (job->conflicted, GINT_TO_POINTER (item->id)))
        continue;
      if (!convene_store_begin (job->store, error))
        goto failed;
      ok = sync_item (job, item, cancellable, error);
      if (!ok || !convene_store_commit (job->store, error))
        {
          convene_store_rollback (job->store);
          goto failed;
        }
    }
  {
    g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer uid, local;

    for (guint i = 0; i < items->len; i++)
      g_hash_table_add (known, ((ConveneSyncItem *) g_ptr_array_index (items, i))->uid);
    g_hash_table_iter_init (&iter, job->local);
    while (g_hash_table_iter_next (&iter, &uid, &local))
      if (!g_hash_table_contains (known, uid) && ((LocalItem *) local)->plan == job->plan_id &&
          !publish_new (job, uid, local, cancellable, error))
        goto failed;
  }
  /* A refused token is dropped (new_token is NULL then). */
  if (!record_pulled (job, error) ||
      ((new_token != NULL || job->account->sync_token != NULL) &&
       !convene_store_set_sync_token (job->store, job->account_id, new_token, error)))
    goto failed;
  job->report.conflicts = g_hash_table_size (job->conflicted);
  job->report.requests = convene_caldav_get_n_requests (job->caldav);
  return TRUE;

failed:
  job->report.requests = convene_caldav_get_n_requests (job->caldav);
  return FALSE;
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncJob *job = task_data;
  GError *error = NULL;

  if (run_sync (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
convene_sync_run_async (ConveneStore         *store,
                        gint64                account_id,
                        gint64                plan_id,
                        const char           *calendar_url,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncJob *job;

  g_return_if_fail (CONVENE_IS_STORE (store));

  job = g_new0 (SyncJob, 1);
  job->store = g_object_ref (store);
  job->account_id = account_id;
  job->plan_id = plan_id;
  job->calendar_url = g_strdup (calendar_url);
  job->local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, local_item_free);
  job->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->pulled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->conflicted = g_hash_table_new (NULL, NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, convene_sync_run_async);
  g_task_set_task_data (task, job, sync_job_free);
  g_task_run_in_thread (task, sync_thread);
}

gboolean
convene_sync_run_finish (GAsyncResult       *result,
                         ConveneSyncReport  *report,
                         GError            **error)
{
  SyncJob *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = job->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}

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
  entity = load_by_uid (store, item->uid);
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
  if (!apply_remote (store, entity, conflict->remote, error))
    return FALSE;
  local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, local_item_free);
  if (!add_local_items (store, item->plan, local, error))
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
