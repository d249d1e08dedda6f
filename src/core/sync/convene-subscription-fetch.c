/* convene-subscription-fetch.c: fetch, read, then write in one go.
 *
 * The steps of one subscribe or refresh: the request (convene-http.c), the
 * reading of the body in a worker thread (the importer's code, which can
 * take a while over a large calendar), then, back on the caller's thread,
 * one transaction.  The store is only touched on the caller's thread.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sync/convene-subscription-fetch.h"
#include "sync/convene-http.h"
#include "import/convene-import.h"
#include "time/convene-clock.h"

G_DEFINE_QUARK (convene-subscription-error-quark, convene_subscription_error)

typedef struct {
  ConveneStore        *store;
  ConveneSubscription *subscription;  /* the one refreshed; NULL while subscribing */
  char                *url;
  char                *name;          /* asked for, or NULL */
  ConveneHttpResponse *response;
  GPtrArray           *events;        /* ConveneSession, read from the body */
  char                *calendar_name; /* its X-WR-CALNAME, if any */
  gboolean             changed;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->subscription);
  g_free (job->url);
  g_free (job->name);
  convene_http_response_free (job->response);
  g_clear_pointer (&job->events, g_ptr_array_unref);
  g_free (job->calendar_name);
  g_free (job);
}

/* The events of @body, or FALSE with a CALENDAR error that says what is
 * wrong: not a calendar at all, or one that breaks its format.  Runs in a
 * worker thread. */
static gboolean
read_calendar (Job     *job,
               GBytes  *body,
               GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  const ConveneImporter *importer = convene_import_sniff (job->url, data, MIN (length, 65536));
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  /* "icalendar" is the iCalendar importer's name: what the dispatcher
   * would read a .ics file with; the content alone said so. */
  if (importer == NULL || g_strcmp0 (importer->name, "icalendar") != 0)
    {
      g_set_error (error, CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_CALENDAR,
                   _("%s is not a calendar (it does not begin with BEGIN:VCALENDAR)"), job->url);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_CALENDAR,
                   _("The calendar at %s is not UTF-8 text, as iCalendar must be"), job->url);
      return FALSE;
    }
  result = importer->read (job->url, data, length, &(const ConveneImportOptions) { 0 }, &local_error);
  if (result == NULL && g_error_matches (local_error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EMPTY))
    {
      /* A published calendar with nothing in it yet is no error. */
      job->events = g_ptr_array_new_with_free_func (g_object_unref);
      return TRUE;
    }
  if (result == NULL)
    {
      g_set_error (error, CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_CALENDAR,
                   _("The calendar at %s could not be read: %s"), job->url, local_error->message);
      return FALSE;
    }
  job->events = g_ptr_array_ref (result->sessions);
  if (result->plans->len > 0)
    {
      g_autofree char *base = g_path_get_basename (job->url);
      const char *title = convene_plan_get_title (g_ptr_array_index (result->plans, 0));

      /* The importer names a calendar without X-WR-CALNAME after its file. */
      if (g_strcmp0 (title, base) != 0)
        job->calendar_name = g_strdup (title);
    }
  return TRUE;
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (read_calendar (job, job->response->body, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A name for a calendar that gives none: its server's. */
static char *
name_from_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
}

/* Keeps the failure on the stored subscription, then gives it back. */
static void
return_failure (GTask  *task,
                GError *error)
{
  Job *job = g_task_get_task_data (task);

  if (job->subscription != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr(GDateTime) now = convene_now ();
      g_autoptr(GError) store_error = NULL;

      convene_subscription_set_state (job->subscription, CONVENE_SUBSCRIPTION_STATE_FAILED);
      convene_subscription_set_error (job->subscription, error->message);
      convene_subscription_set_checked (job->subscription, now);
      if (!convene_store_save_subscription_state (job->store, job->subscription, &store_error))
        g_warning ("The state of subscription %" G_GINT64_FORMAT " could not be saved: %s",
                   convene_subscription_get_id (job->subscription), store_error->message);
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* Back on the caller's thread with the events read: one transaction.  Long
 * because a new subscription and a refreshed one are filled the same way
 * and only stored differently. */
static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GDateTime) now = convene_now ();
  ConveneSubscription *subscription;
  gboolean ok;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      return_failure (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  subscription = job->subscription != NULL ? g_object_ref (job->subscription) : convene_subscription_new ();
  if (job->subscription == NULL)
    {
      g_autofree char *fallback = name_from_url (job->url);

      convene_subscription_set_url (subscription, job->url);
      convene_subscription_set_name (subscription,
                                     job->name != NULL ? job->name
                                     : job->calendar_name != NULL ? job->calendar_name : fallback);
    }
  convene_subscription_set_etag (subscription, job->response->etag);
  convene_subscription_set_last_modified (subscription, job->response->last_modified);
  convene_subscription_set_state (subscription, CONVENE_SUBSCRIPTION_STATE_OK);
  convene_subscription_set_error (subscription, NULL);
  convene_subscription_set_checked (subscription, now);

  if (job->subscription == NULL)
    ok = convene_store_add_subscription (job->store, subscription, job->events, &error);
  else
    ok = convene_store_replace_subscription_events (job->store, subscription, job->events, &error);
  if (!ok)
    {
      g_object_unref (subscription);
      /* Nothing of the new copy was kept: without validators, the next
       * refresh asks for the whole calendar again. */
      if (job->subscription != NULL)
        {
          convene_subscription_set_etag (job->subscription, NULL);
          convene_subscription_set_last_modified (job->subscription, NULL);
        }
      return_failure (task, error);
      return;
    }
  job->changed = TRUE;
  g_task_return_pointer (task, subscription, g_object_unref);
  g_object_unref (task);
}

/* Long because it sorts the server's answer: not modified, an error
 * status, or a calendar to read. */
static void
fetch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  GTask *reading;

  job->response = convene_http_fetch_finish (result, &error);
  if (job->response == NULL)
    {
      return_failure (task, error);
      return;
    }

  if (job->response->status == SOUP_STATUS_NOT_MODIFIED && job->subscription != NULL)
    {
      g_autoptr(GDateTime) now = convene_now ();

      convene_subscription_set_state (job->subscription, CONVENE_SUBSCRIPTION_STATE_OK);
      convene_subscription_set_error (job->subscription, NULL);
      convene_subscription_set_checked (job->subscription, now);
      if (!convene_store_save_subscription_state (job->store, job->subscription, &error))
        {
          return_failure (task, error);
          return;
        }
      g_task_return_pointer (task, g_object_ref (job->subscription), g_object_unref);
      g_object_unref (task);
      return;
    }
  if (job->response->status != SOUP_STATUS_OK)
    {
      return_failure (task, g_error_new (CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_STATUS,
                                         _("The server answered “%u %s” for %s"),
                                         job->response->status,
                                         job->response->reason != NULL ? job->response->reason
                                         : soup_status_get_phrase (job->response->status),
                                         job->response->url));
      return;
    }

  reading = g_task_new (NULL, g_task_get_cancellable (task), read_done_cb, task);
  g_task_set_task_data (reading, job, NULL);
  g_task_run_in_thread (reading, read_thread);
  g_object_unref (reading);
}

static GTask *
start (ConveneStore        *store,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data,
       gpointer             tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  g_task_set_source_tag (task, tag);
  job->store = g_object_ref (store);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

/**
 * convene_subscription_subscribe_async:
 * @url: an http, https or webcal URL
 *
 * Fetches and reads the calendar at @url and, when all of it was read,
 * stores it as a new subscription with its events.
 */
void
convene_subscription_subscribe_async (ConveneStore         *store,
                                      const char           *url,
                                      const char           *name,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  GTask *task;
  Job *job;
  GError *error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_if_fail (CONVENE_IS_STORE (store));

  task = start (store, cancellable, callback, user_data, convene_subscription_subscribe_async);
  job = g_task_get_task_data (task);
  job->url = convene_http_normalize_url (url, &error);
  job->name = *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;
  if (job->url == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  convene_http_fetch_async (job->url, NULL, NULL, CONVENE_SUBSCRIPTION_MAX_BYTES,
                            CONVENE_HTTP_FETCH_DEFAULT, cancellable, fetch_done_cb, task);
}

/**
 * convene_subscription_subscribe_finish:
 *
 * Returns: (transfer full): the new subscription, or %NULL and nothing stored
 */
ConveneSubscription *
convene_subscription_subscribe_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
convene_subscription_refresh_async (ConveneStore         *store,
                                    gint64                id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  GTask *task;
  Job *job;
  GError *error = NULL;

  g_return_if_fail (CONVENE_IS_STORE (store));

  task = start (store, cancellable, callback, user_data, convene_subscription_refresh_async);
  job = g_task_get_task_data (task);
  job->subscription = convene_store_load_subscription (store, id, &error);
  if (job->subscription == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  job->url = g_strdup (convene_subscription_get_url (job->subscription));
  convene_http_fetch_async (job->url, convene_subscription_get_etag (job->subscription),
                            convene_subscription_get_last_modified (job->subscription),
                            CONVENE_SUBSCRIPTION_MAX_BYTES, CONVENE_HTTP_FETCH_DEFAULT,
                            cancellable, fetch_done_cb, task);
}

ConveneSubscription *
convene_subscription_refresh_finish (GAsyncResult  *result,
                                     gboolean      *changed,
                                     GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (changed != NULL)
    *changed = job->changed;
  return g_task_propagate_pointer (G_TASK (result), error);
}
