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
 *
 * Events another member put on the calendar (from their phone, with a UID
 * Convene did not give) are named in the report and left alone, not taken
 * into the plan: a session's UID is its id here (session-N@convene), and
 * the store has nowhere to keep another, so a session made from one would
 * be published back as a second copy of it, and the original would read as
 * deleted here and be deleted there.  Naming them lets the coordinator
 * add them by hand, or import the calendar as a subscription.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "model/convene-action.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"
#include "store/convene-sync-rows.h"
#include "sync/convene-account.h"
#include "sync/convene-caldav.h"
#include "sync/convene-sync-private.h"

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
  GPtrArray          *foreign;   /* what the events Convene did not publish say */
  GPtrArray          *warnings;  /* what the items taken from the server could not all give */
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
  g_clear_pointer (&job->foreign, g_ptr_array_unref);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  convene_sync_report_clear (&job->report);
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
  g_autoptr(ConveneEntity) entity = _convene_sync_load_by_uid (job->store, item->uid);
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
  if (entity == NULL || !_convene_sync_apply_remote (job->store, entity, remote, job->warnings, &apply_error))
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

/* Names the events on the server that no item of the account is: made by
 * another client since the last sync (see the top of the file). */
static gboolean
name_foreign (SyncJob       *job,
              GPtrArray     *items,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) hrefs = NULL;

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (known, ((ConveneSyncItem *) g_ptr_array_index (items, i))->href);
  hrefs = g_list_sort (g_hash_table_get_keys (job->changed), (GCompareFunc) g_strcmp0);
  for (GList *l = hrefs; l != NULL; l = l->next)
    {
      g_autofree char *text = NULL;

      if (g_hash_table_contains (known, l->data))
        continue;
      text = fetch_remote (job, l->data, NULL, cancellable, error);
      if (text == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (text != NULL)
        g_ptr_array_add (job->foreign, convene_sync_describe_item (text));
    }
  return TRUE;
}

void
convene_sync_report_clear (ConveneSyncReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->foreign, g_strfreev);
  g_clear_pointer (&report->warnings, g_strfreev);
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
          !_convene_sync_add_local_items (job->store, item->plan, job->local, error))
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
  if (conflicts == NULL || !_convene_sync_add_local_items (job->store, job->plan_id, job->local, error))
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
          !_convene_sync_add_local_items (job->store, item->plan, job->local, error))
        goto failed;
    }
  if (!read_remote (job, items, &new_token, cancellable, error) ||
      !name_foreign (job, items, cancellable, error))
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
  if (job->foreign->len > 0)
    {
      g_ptr_array_add (job->foreign, NULL);
      job->report.foreign = (GStrv) g_ptr_array_free (g_steal_pointer (&job->foreign), FALSE);
    }
  if (job->warnings->len > 0)
    {
      g_ptr_array_add (job->warnings, NULL);
      job->report.warnings = (GStrv) g_ptr_array_free (g_steal_pointer (&job->warnings), FALSE);
    }
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
  job->local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _convene_sync_local_item_free);
  job->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->pulled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->conflicted = g_hash_table_new (NULL, NULL);
  job->foreign = g_ptr_array_new_with_free_func (g_free);
  job->warnings = g_ptr_array_new_with_free_func (g_free);

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
    {
      *report = job->report;
      /* The report's names are the caller's now. */
      job->report.foreign = NULL;
      job->report.warnings = NULL;
    }
  return g_task_propagate_boolean (G_TASK (result), error);
}
