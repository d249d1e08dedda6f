/* convene-test-server.c: the routes of the test web server (see the header). */
#include "convene-test-server.h"

#include <string.h>

#define MEGABYTE (1024 * 1024)
#define HUGE_MEGABYTES 50

/* What /calendar.ics serves until a test says otherwise: another group's
 * two calls, in two zones. */
static const char default_calendar[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Test//Other group//EN\r\n"
  "X-WR-CALNAME:Open Contracting calls\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:call-1@example.org\r\n"
  "SUMMARY:Beneficial ownership call\r\n"
  "DTSTART;TZID=Europe/London:20210223T170000\r\n"
  "DURATION:PT1H\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:call-2@example.org\r\n"
  "SUMMARY:Procurement data roundtable\r\n"
  "DTSTART;TZID=America/New_York:20210316T090000\r\n"
  "DTEND;TZID=America/New_York:20210316T103000\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static const char broken_calendar[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "BEGIN:VEVENT\r\n"
  "SUMMARY:Half an event\r\n"
  "DTSTART:20210223T190000Z\r\n";

static const char page[] =
  "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
  "<TITLE>\n  Open Data &amp; Cities &#8212; Caf&#xE9;\n  Guide </TITLE></head>"
  "<body><p>Hello</p></body></html>\n";

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
redirect (SoupServerMessage *msg,
          const char        *path)
{
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", path);
}

static void
serve_calendar (ConveneTestServer *self,
                SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *match = soup_message_headers_get_one (request, "If-None-Match");

  soup_message_headers_replace (response, "ETag", self->etag);
  soup_message_headers_replace (response, "Last-Modified", "Tue, 02 Feb 2021 10:00:00 GMT");
  if (self->calendar == NULL)
    {
      respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "down");
      return;
    }
  if (match != NULL && g_str_equal (match, self->etag))
    {
      self->not_modified++;
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  self->calendar_sent++;
  respond (msg, SOUP_STATUS_OK, "text/calendar; charset=utf-8", self->calendar);
}

/* 50 MB of one repeated megabyte, after @head. */
static void
serve_huge (SoupServerMessage *msg,
            const char        *content_type,
            const char        *head,
            gboolean           chunked)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *block = g_malloc (MEGABYTE);
  g_autoptr(GBytes) bytes = NULL;

  memset (block, 'x', MEGABYTE);
  bytes = g_bytes_new_take (g_steal_pointer (&block), MEGABYTE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Type", content_type);
  if (chunked)
    soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_CHUNKED);
  if (head != NULL)
    soup_message_body_append (body, SOUP_MEMORY_COPY, head, strlen (head));
  for (guint i = 0; i < HUGE_MEGABYTES; i++)
    soup_message_body_append_bytes (body, bytes);
  soup_message_body_complete (body);
}

/* One function for every route: the tests read the routes here, in one place. */
static void
handle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ConveneTestServer *self = user_data;

  if (g_str_equal (path, "/calendar.ics"))
    serve_calendar (self, msg);
  else if (g_str_equal (path, "/broken.ics"))
    respond (msg, SOUP_STATUS_OK, "text/calendar", broken_calendar);
  else if (g_str_equal (path, "/page.html"))
    respond (msg, SOUP_STATUS_OK, "text/html", page);
  else if (g_str_equal (path, "/latin1.html"))
    respond (msg, SOUP_STATUS_OK, "text/html; charset=ISO-8859-1",
             "<html><head><title>Caf\xe9 Ma\xf1" "ana</title></head></html>");
  else if (g_str_equal (path, "/huge-page.html"))
    serve_huge (msg, "text/html", "<html><head><title>A very long page</title></head><body>", TRUE);
  else if (g_str_has_prefix (path, "/status/"))
    respond (msg, (guint) g_ascii_strtoull (path + strlen ("/status/"), NULL, 10), "text/plain", "status");
  else if (g_str_has_prefix (path, "/to/"))
    redirect (msg, path + strlen ("/to"));
  else if (g_str_equal (path, "/loop/a"))
    redirect (msg, "/loop/b");
  else if (g_str_equal (path, "/loop/b"))
    redirect (msg, "/loop/a");
  else if (g_str_equal (path, "/slow"))
    {
      /* Never unpaused: the client gives up, or the server is freed. */
      self->slow_seen++;
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (path, "/huge"))
    serve_huge (msg, "text/calendar", "BEGIN:VCALENDAR\r\n", FALSE);
  else if (g_str_equal (path, "/huge-chunked"))
    serve_huge (msg, "text/calendar", "BEGIN:VCALENDAR\r\n", TRUE);
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "not found");
}

static ConveneTestServer *
start (GTlsCertificate *certificate)
{
  ConveneTestServer *self = g_new0 (ConveneTestServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);

  self->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (self->server, NULL, handle_cb, self, NULL);
  if (!soup_server_listen (self->server, address, certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, &error))
    g_error ("The test server could not listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (self->server);
  self->base = g_strdup_printf ("%s://127.0.0.1:%d", certificate != NULL ? "https" : "http",
                                g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->etag = g_strdup ("\"v1\"");
  self->calendar = g_strdup (default_calendar);
  return self;
}

ConveneTestServer *
convene_test_server_new (void)
{
  return start (NULL);
}

ConveneTestServer *
convene_test_server_new_tls (GTlsCertificate *certificate)
{
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);
  return start (certificate);
}

void
convene_test_server_free (ConveneTestServer *self)
{
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_free (self->base);
  g_free (self->calendar);
  g_free (self->etag);
  g_free (self);
}

char *
convene_test_server_url (ConveneTestServer *self,
                         const char        *path)
{
  return g_strconcat (self->base, path, NULL);
}

void
convene_test_server_set_calendar (ConveneTestServer *self,
                                  const char        *calendar,
                                  const char        *etag)
{
  g_free (self->calendar);
  self->calendar = g_strdup (calendar);
  g_free (self->etag);
  self->etag = g_strdup (etag);
}

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

int
convene_test_run_cli (const char  *database,
                      char       **out,
                      char       **err,
                      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CONVENE_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) database);
  va_start (args, err);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8_finish (process, result, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}
