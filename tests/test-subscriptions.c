/* test-subscriptions.c: subscribing to published calendars, against a real
 * libsoup server on 127.0.0.1 and a real SQLite file: what is stored, what a
 * 304 keeps, what every kind of failure leaves (nothing new, the previous
 * copy whole, the reason noted), and the CLI's commands over the same. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "convene-test-server.h"

/* Subscriptions came with the fourth version of the schema. */
#define SUBSCRIPTIONS_MIGRATION 4
#include "sync/convene-subscription-fetch.h"
#include "sync/convene-subscription-list.h"
#include "sync/convene-http.h"
#include "model/convene-plan.h"
#include "store/convene-store-private.h"
#include "time/convene-clock.h"

static const char calendar_v2[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Test//Other group//EN\r\n"
  "X-WR-CALNAME:Open Contracting calls\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:call-3@example.org\r\n"
  "SUMMARY:Red flags workshop\r\n"
  "DTSTART:20210420T150000Z\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

typedef struct {
  ConveneTestServer *server;
  char              *dir;
  char              *path;
  ConveneStore      *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Its calendar: two events, see convene-test-server.h. */
  f->server = convene_test_server_new ();
  f->dir = g_dir_make_tmp ("convene-subscriptions-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  convene_test_server_free (f->server);
  for (const char *suffix = ""; suffix != NULL;
       suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *name = g_strconcat (f->path, suffix, NULL);

      g_remove (name);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Subscribes to @path on the test server, returning the subscription or
 * NULL with @error. */
static ConveneSubscription *
subscribe (Fixture     *f,
           const char  *path,
           const char  *name,
           GError     **error)
{
  g_autofree char *url = g_str_has_prefix (path, "/") ? convene_test_server_url (f->server, path) : g_strdup (path);
  g_autoptr(GAsyncResult) result = NULL;

  convene_subscription_subscribe_async (f->store, url, name, NULL, done_cb, &result);
  return convene_subscription_subscribe_finish (wait_result (&result), error);
}

static ConveneSubscription *
refresh (Fixture   *f,
         gint64     id,
         gboolean  *changed,
         GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  convene_subscription_refresh_async (f->store, id, NULL, done_cb, &result);
  return convene_subscription_refresh_finish (wait_result (&result), changed, error);
}

static guint
count_subscriptions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = convene_store_list_subscriptions (f->store, &error);

  g_assert_no_error (error);
  return all->len;
}

static GPtrArray *
list_events (Fixture *f,
             int      year)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = convene_store_list_subscription_events (f->store, year, &error);

  g_assert_no_error (error);
  return events;
}

static ConveneSession *
find_event (GPtrArray  *events,
            const char *topic)
{
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (convene_session_get_topic (g_ptr_array_index (events, i)), topic) == 0)
      return g_ptr_array_index (events, i);
  return NULL;
}

static void
assert_starts_at (ConveneSession *session,
                  const char     *zone,
                  int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) expected = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (tz);
  g_assert_nonnull (convene_session_get_start (session));
  g_assert_true (g_date_time_equal (convene_session_get_start (session), expected));
  g_assert_cmpstr (convene_session_get_timezone (session), ==, zone);
}

/* 200: the calendar's events, at their instants, under its own name. */
static void
test_subscribe_ok (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = subscribe (f, "/calendar.ics", NULL, &error);
  g_autoptr(ConveneSubscription) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) other_year = NULL;
  ConveneSession *call, *roundtable;

  g_assert_no_error (error);
  g_assert_cmpstr (convene_subscription_get_name (subscription), ==, "Open Contracting calls");
  g_assert_cmpuint (convene_subscription_get_n_events (subscription), ==, 2);

  stored = convene_store_load_subscription (f->store, convene_subscription_get_id (subscription), &error);
  g_assert_no_error (error);
  g_assert_cmpint (convene_subscription_get_state (stored), ==, CONVENE_SUBSCRIPTION_STATE_OK);
  g_assert_cmpstr (convene_subscription_get_etag (stored), ==, "\"v1\"");
  g_assert_nonnull (convene_subscription_get_checked (stored));
  g_assert_null (convene_subscription_get_error (stored));

  events = list_events (f, 2021);
  g_assert_cmpuint (events->len, ==, 2);
  call = find_event (events, "Beneficial ownership call");
  roundtable = find_event (events, "Procurement data roundtable");
  g_assert_nonnull (call);
  g_assert_nonnull (roundtable);
  assert_starts_at (call, "Europe/London", 2021, 2, 23, 17, 0);
  assert_starts_at (roundtable, "America/New_York", 2021, 3, 16, 9, 0);
  g_assert_cmpint (convene_session_get_duration_minutes (roundtable), ==, 90);
  /* Read-only events of no plan, carrying their subscription. */
  g_assert_cmpint (convene_session_get_plan (call), ==, 0);
  g_assert_cmpint (convene_entity_get_id (CONVENE_ENTITY (call)), <, 0);
  g_assert_cmpstr (convene_subscription_get_name (convene_subscription_event_get_subscription (call)), ==,
                   "Open Contracting calls");

  other_year = list_events (f, 2022);
  g_assert_cmpuint (other_year->len, ==, 0);

  /* The same calendar twice is refused, and the first stays. */
  g_clear_object (&stored);
  stored = subscribe (f, "/calendar.ics", "Again", &error);
  g_assert_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_CONFLICT);
  g_assert_null (stored);
  g_assert_cmpuint (count_subscriptions (f), ==, 1);
}

/* A name given wins over the calendar's. */
static void
test_subscribe_named (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = subscribe (f, "/calendar.ics", "  OCP  ", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (convene_subscription_get_name (subscription), ==, "OCP");
}

/* webcal:// is tried over https, then over http (the test server's). */
static void
test_subscribe_webcal (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *http = convene_test_server_url (f->server, "/calendar.ics");
  g_autofree char *webcal = g_strconcat ("webcal", http + strlen ("http"), NULL);
  g_autoptr(ConveneSubscription) subscription = subscribe (f, webcal, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (convene_subscription_get_url (subscription), ==, webcal);
  g_assert_cmpuint (convene_subscription_get_n_events (subscription), ==, 2);
}

/* 304: the copy held stays, nothing is read again; a new ETag replaces it. */
static void
test_refresh_not_modified (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = subscribe (f, "/calendar.ics", NULL, &error);
  g_autoptr(ConveneSubscription) refreshed = NULL;
  g_autoptr(GPtrArray) before = list_events (f, 0);
  g_autoptr(GPtrArray) after = NULL;
  gboolean changed = TRUE;

  g_assert_no_error (error);
  refreshed = refresh (f, convene_subscription_get_id (subscription), &changed, &error);
  g_assert_no_error (error);
  g_assert_false (changed);
  g_assert_cmpuint (f->server->not_modified, ==, 1);
  g_assert_cmpuint (f->server->calendar_sent, ==, 1);
  after = list_events (f, 0);
  g_assert_cmpuint (after->len, ==, before->len);
  /* The very rows: not written again. */
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (convene_entity_get_id (g_ptr_array_index (after, i)), ==,
                     convene_entity_get_id (g_ptr_array_index (before, i)));

  convene_test_server_set_calendar (f->server, calendar_v2, "\"v2\"");
  g_clear_object (&refreshed);
  refreshed = refresh (f, convene_subscription_get_id (subscription), &changed, &error);
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpuint (f->server->calendar_sent, ==, 2);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_events (f, 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_nonnull (find_event (after, "Red flags workshop"));
  g_assert_cmpstr (convene_subscription_get_etag (refreshed), ==, "\"v2\"");
}

/* Each failure of a first subscribe: a clear error, nothing stored. */
static void
assert_subscribe_fails (Fixture    *f,
                        const char *path,
                        GQuark      domain,
                        int         code,
                        const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = subscribe (f, path, NULL, &error);

  g_assert_null (subscription);
  g_assert_error (error, domain, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpuint (count_subscriptions (f), ==, 0);
  {
    g_autoptr(GPtrArray) events = list_events (f, 0);

    g_assert_cmpuint (events->len, ==, 0);
  }
}

static void
test_subscribe_404 (Fixture       *f,
                    gconstpointer  data)
{
  assert_subscribe_fails (f, "/status/404", CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_STATUS,
                          "404 Not Found");
}

static void
test_subscribe_500 (Fixture       *f,
                    gconstpointer  data)
{
  assert_subscribe_fails (f, "/status/500", CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_STATUS,
                          "500 Internal Server Error");
}

static void
test_subscribe_redirect_loop (Fixture       *f,
                              gconstpointer  data)
{
  assert_subscribe_fails (f, "/loop/a", CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_REDIRECT_LOOP, "loop");
}

static void
test_subscribe_timeout (Fixture       *f,
                        gconstpointer  data)
{
  assert_subscribe_fails (f, "/slow", CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TIMEOUT, "did not answer");
  g_assert_cmpuint (f->server->slow_seen, ==, 1);
}

static void
test_subscribe_too_large (Fixture       *f,
                          gconstpointer  data)
{
  assert_subscribe_fails (f, "/huge", CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TOO_LARGE, "larger than");
  assert_subscribe_fails (f, "/huge-chunked", CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TOO_LARGE, "larger than");
}

static void
test_subscribe_malformed (Fixture       *f,
                          gconstpointer  data)
{
  assert_subscribe_fails (f, "/broken.ics", CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_CALENDAR,
                          "could not be read");
  assert_subscribe_fails (f, "/page.html", CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_CALENDAR,
                          "not a calendar");
  assert_subscribe_fails (f, "ftp://127.0.0.1/calendar.ics", CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_URL,
                          "webcal://");
}

/* A refresh that fails keeps the previous copy whole and notes why. */
static void
test_refresh_failure_keeps_copy (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = subscribe (f, "/calendar.ics", NULL, &error);
  const char *broken[] = { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Half\r\n", NULL };
  g_autoptr(ConveneSubscription) refreshed = NULL;
  g_autoptr(ConveneSubscription) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_assert_no_error (error);
  convene_test_server_set_calendar (f->server, broken[0], "\"v3\"");
  refreshed = refresh (f, convene_subscription_get_id (subscription), NULL, &error);
  g_assert_null (refreshed);
  g_assert_error (error, CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_CALENDAR);
  g_clear_error (&error);

  stored = convene_store_load_subscription (f->store, convene_subscription_get_id (subscription), &error);
  g_assert_no_error (error);
  g_assert_cmpint (convene_subscription_get_state (stored), ==, CONVENE_SUBSCRIPTION_STATE_FAILED);
  g_assert_nonnull (strstr (convene_subscription_get_error (stored), "could not be read"));
  events = list_events (f, 0);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_nonnull (find_event (events, "Beneficial ownership call"));
  g_assert_nonnull (find_event (events, "Procurement data roundtable"));
}

/* A server that starts failing: the state says so and why, the copy
 * stays; once it answers again, the state is ok and the error gone. */
static void
test_refresh_failure_then_ok (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = subscribe (f, "/calendar.ics", NULL, &error);
  g_autoptr(ConveneSubscription) stored = NULL;
  g_autoptr(ConveneSubscription) refreshed = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = convene_subscription_get_id (subscription);
  convene_test_server_set_calendar (f->server, NULL, "\"gone\"");
  refreshed = refresh (f, id, NULL, &error);
  g_assert_null (refreshed);
  g_assert_error (error, CONVENE_SUBSCRIPTION_ERROR, CONVENE_SUBSCRIPTION_ERROR_STATUS);
  g_clear_error (&error);
  stored = convene_store_load_subscription (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (convene_subscription_get_state (stored), ==, CONVENE_SUBSCRIPTION_STATE_FAILED);
  g_assert_nonnull (strstr (convene_subscription_get_error (stored), "500"));
  g_assert_nonnull (convene_subscription_get_checked (stored));
  g_assert_cmpuint (convene_subscription_get_n_events (stored), ==, 2);

  convene_test_server_set_calendar (f->server, calendar_v2, "\"v2\"");
  refreshed = refresh (f, id, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = convene_store_load_subscription (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (convene_subscription_get_state (stored), ==, CONVENE_SUBSCRIPTION_STATE_OK);
  g_assert_null (convene_subscription_get_error (stored));
  g_assert_cmpuint (convene_subscription_get_n_events (stored), ==, 1);
}

/* Cancelled midway: an error saying so, nothing stored. */
static void
test_subscribe_cancelled (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *url = convene_test_server_url (f->server, "/slow");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = NULL;

  convene_subscription_subscribe_async (f->store, url, NULL, cancellable, done_cb, &result);
  while (f->server->slow_seen == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  subscription = convene_subscription_subscribe_finish (wait_result (&result), &error);
  g_assert_null (subscription);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_subscriptions (f), ==, 0);
}

/* The list the views show: events by year, kept in step with a refresh. */
static void
test_list_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = subscribe (f, "/calendar.ics", NULL, &error);
  ConveneSubscriptionList *list = convene_subscription_list_get_for_store (f->store);
  GListModel *events_2021 = convene_subscription_list_get_events (list, 2021);

  g_assert_no_error (error);
  g_assert_true (list == convene_subscription_list_get_for_store (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (convene_subscription_list_get_subscriptions (list)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (events_2021), ==, 2);

  convene_test_server_set_calendar (f->server, calendar_v2, "\"v2\"");
  convene_subscription_list_refresh_all (list);
  g_assert_true (convene_subscription_list_is_refreshing (list));
  while (convene_subscription_list_is_refreshing (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (events_2021), ==, 1);

  g_assert_true (convene_subscription_list_remove (list, convene_subscription_get_id (subscription), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events_2021), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (convene_subscription_list_get_subscriptions (list)), ==, 0);

  /* Another program subscribes (convene-cli, say): seen once the store
   * notices others' changes, as the window's watch does. */
  {
    g_autoptr(ConveneStore) other = convene_store_new (f->path, &error);
    g_autoptr(ConveneSubscription) theirs = convene_subscription_new ();

    g_assert_no_error (error);
    convene_subscription_set_url (theirs, "https://example.org/other.ics");
    convene_subscription_set_name (theirs, "Theirs");
    g_assert_true (convene_store_add_subscription (other, theirs, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (convene_store_notice_others (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (convene_subscription_list_get_subscriptions (list)), ==, 1);
}

/* A database from just before subscriptions gains their tables (and those
 * of every later migration) on opening and keeps its plans. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConvenePlan) plan = convene_plan_new ();
  g_autoptr(ConveneSubscription) subscription = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *reference = g_strconcat (f->path, ".before", NULL);
  sqlite3 *db = NULL;

  convene_plan_set_title (plan, "Action Plan 2021");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (plan), &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  /* Back to the version before subscriptions, as a user's file was then:
   * every table a later migration made is dropped, whatever their number. */
  g_assert_true (_convene_store_create_at_version (reference, SUBSCRIPTIONS_MIGRATION - 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  {
    g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS reference", reference);
    g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", SUBSCRIPTIONS_MIGRATION - 1);
    g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func (g_free);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_exec (db, attach, NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                                         " AND name NOT IN (SELECT name FROM reference.sqlite_master)"
                                         " ORDER BY rowid DESC",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (later, g_strdup_printf ("DROP TABLE main.\"%s\"",
                                               (const char *) sqlite3_column_text (stmt, 0)));
    sqlite3_finalize (stmt);
    g_assert_cmpuint (later->len, >=, 2);
    for (guint i = 0; i < later->len; i++)
      g_assert_cmpint (sqlite3_exec (db, g_ptr_array_index (later, i), NULL, NULL, NULL), ==, SQLITE_OK);
    /* and every column a later migration added to an older table */
    g_ptr_array_set_size (later, 0);
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT m.name, c.name FROM reference.sqlite_master m,"
                                         " pragma_table_info (m.name, 'main') c WHERE m.type = 'table'"
                                         " AND c.name NOT IN (SELECT name FROM pragma_table_info (m.name, 'reference'))",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (later, g_strdup_printf ("ALTER TABLE main.\"%s\" DROP COLUMN \"%s\"",
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1)));
    sqlite3_finalize (stmt);
    /* A column a constraint holds cannot be dropped: the migration that
     * added it made its table again, and does so again here. */
    for (guint i = 0; i < later->len; i++)
      sqlite3_exec (db, g_ptr_array_index (later, i), NULL, NULL, NULL);
    g_assert_cmpint (sqlite3_exec (db, "DETACH reference", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, version, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (convene_store_get_schema_version (f->store), ==, CONVENE_STORE_SCHEMA_VERSION);
  plans = convene_store_query (f->store, CONVENE_TYPE_PLAN, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpuint (count_subscriptions (f), ==, 0);
  subscription = subscribe (f, "/calendar.ics", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_subscriptions (f), ==, 1);
}

/* The same through convene-cli: subscribe, list, refresh, remove, and the
 * failures' exit status and words.  Long because it is one database's
 * story, command after command. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *url = convene_test_server_url (f->server, "/calendar.ics");
  g_autofree char *missing = convene_test_server_url (f->server, "/status/404");
  g_autofree char *broken = convene_test_server_url (f->server, "/broken.ics");
  g_autofree char *out = NULL, *err = NULL;

  g_clear_object (&f->store);

  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscribe", url, "--name", "OCP", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Subscribed to “OCP” (subscription 1): 2 events"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscribe", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "404 Not Found"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscribe", broken, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "could not be read"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const struct { const char *path; const char *words; } failures[] = {
      { "/status/500", "500 Internal Server Error" },
      { "/huge", "larger than" },
      { "/huge-chunked", "larger than" },
      { "/loop/a", "loop" },
      { "/slow", "did not answer" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
      {
        g_autofree char *failing = convene_test_server_url (f->server, failures[i].path);

        g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscribe", failing, NULL), ==, 1);
        if (strstr (err, failures[i].words) == NULL)
          g_error ("%s: “%s” does not say “%s”", failures[i].path, err, failures[i].words);
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }

  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscriptions", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "OCP"));
  g_assert_nonnull (strstr (out, url));
  g_assert_null (strstr (out, missing));
  {
    /* The header and the one calendar: none of the failures left a row. */
    g_auto(GStrv) lines = g_strsplit (g_strchomp (out), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscriptions", "refresh", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "“OCP”: unchanged since the last refresh"));
  g_assert_cmpuint (f->server->not_modified, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  convene_test_server_set_calendar (f->server, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "\"v9\"");
  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscriptions", "refresh", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "could not be read"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscriptions", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "failed: "));
  g_assert_nonnull (strstr (out, "could not be read"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscriptions", "remove", "1", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscriptions", "remove", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no subscription 1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (convene_test_run_cli (f->path, &out, &err, "subscriptions", "bogus", NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  /* One second of silence is a timeout, here and in the CLI it runs. */
  g_setenv ("CONVENE_HTTP_TIMEOUT", "1", TRUE);
  g_setenv ("CONVENE_NOW", "2021-02-01T12:00:00Z", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/subscriptions/subscribe/ok", test_subscribe_ok);
  ADD ("/subscriptions/subscribe/named", test_subscribe_named);
  ADD ("/subscriptions/subscribe/webcal", test_subscribe_webcal);
  ADD ("/subscriptions/subscribe/404", test_subscribe_404);
  ADD ("/subscriptions/subscribe/500", test_subscribe_500);
  ADD ("/subscriptions/subscribe/redirect-loop", test_subscribe_redirect_loop);
  ADD ("/subscriptions/subscribe/timeout", test_subscribe_timeout);
  ADD ("/subscriptions/subscribe/too-large", test_subscribe_too_large);
  ADD ("/subscriptions/subscribe/malformed", test_subscribe_malformed);
  ADD ("/subscriptions/subscribe/cancelled", test_subscribe_cancelled);
  ADD ("/subscriptions/refresh/not-modified", test_refresh_not_modified);
  ADD ("/subscriptions/refresh/failure-keeps-copy", test_refresh_failure_keeps_copy);
  ADD ("/subscriptions/refresh/failure-noted", test_refresh_failure_then_ok);
  ADD ("/subscriptions/list-model", test_list_model);
  ADD ("/subscriptions/cli", test_cli);
  ADD ("/subscriptions/migration", test_migration);
#undef ADD
  return g_test_run ();
}
