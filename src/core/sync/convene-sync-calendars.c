/* convene-sync-calendars.c: the calendars of an account, and a new one,
 * for a window that lets the coordinator choose where a plan goes.
 *
 * Both wait for the Secret Service and the server, so both run in a
 * worker thread (GTask) and answer on the caller's main context; neither
 * touches the store, so the window may keep using its own meanwhile.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sync/convene-account.h"
#include "sync/convene-sync.h"

typedef struct {
  char *url;
  char *user;
  char *name;  /* of the calendar to make, or NULL to list them */
} CalendarJob;

static void
calendar_job_free (gpointer data)
{
  CalendarJob *job = data;

  g_free (job->url);
  g_free (job->user);
  g_free (job->name);
  g_free (job);
}

/* The last part of a new calendar's URL: its name's letters and digits,
 * and a few random ones, so that two calendars of one name never meet. */
static char *
calendar_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *uuid = g_uuid_string_random ();
  GString *slug = g_string_new (NULL);

  for (const char *c = ascii; *c != '\0' && slug->len < 40; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (slug, g_ascii_tolower (*c));
    else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
      g_string_append_c (slug, '-');
  if (slug->len == 0)
    g_string_append (slug, "convene");
  else if (slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  g_string_append_printf (slug, "-%.6s/", uuid);
  return g_string_free (slug, FALSE);
}

static void
calendar_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CalendarJob *job = task_data;
  g_autoptr(ConveneCaldav) caldav = NULL;
  g_autofree char *password = NULL;
  g_autofree char *home = NULL;
  GError *error = NULL;

  password = convene_account_lookup_password_sync (job->url, job->user, cancellable, &error);
  if (password == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  caldav = convene_caldav_new (job->user, password);
  memset (password, 0, strlen (password));
  home = convene_caldav_discover (caldav, job->url, cancellable, &error);
  if (home == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->name == NULL)
    {
      GPtrArray *calendars = convene_caldav_list_calendars (caldav, home, cancellable, &error);

      if (calendars == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, calendars, (GDestroyNotify) g_ptr_array_unref);
    }
  else
    {
      g_autofree char *slug = calendar_slug (job->name);
      g_autofree char *url = g_str_has_suffix (home, "/") ? g_strconcat (home, slug, NULL)
                                                          : g_strconcat (home, "/", slug, NULL);

      if (convene_caldav_make_calendar (caldav, url, job->name, cancellable, &error))
        g_task_return_pointer (task, g_steal_pointer (&url), g_free);
      else
        g_task_return_error (task, error);
    }
}

static void
start (const char          *url,
       const char          *user,
       const char          *name,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CalendarJob *job = g_new0 (CalendarJob, 1);

  job->url = g_strdup (url);
  job->user = g_strdup (user);
  job->name = g_strdup (name);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, calendar_job_free);
  g_task_run_in_thread (task, calendar_thread);
}

void
convene_sync_list_calendars_async (const char          *url,
                                   const char          *user,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (url != NULL && user != NULL);

  start (url, user, NULL, convene_sync_list_calendars_async, cancellable, callback, user_data);
}

GPtrArray *
convene_sync_list_calendars_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
convene_sync_make_calendar_async (const char          *url,
                                  const char          *user,
                                  const char          *name,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (url != NULL && user != NULL && name != NULL && *name != '\0');

  start (url, user, name, convene_sync_make_calendar_async, cancellable, callback, user_data);
}

char *
convene_sync_make_calendar_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
