/* convene-caldav.c: CalDAV requests over libsoup, and the multistatus
 * answers of WebDAV read with GMarkup.
 *
 * GMarkup knows no namespaces: elements are matched by their local name
 * (after the prefix), which in DAV: and CalDAV's vocabulary names one
 * thing each; the few names both share are told apart by their parent.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sync/convene-caldav.h"
#include "sync/convene-http.h"

G_DEFINE_QUARK (convene-caldav-error-quark, convene_caldav_error)

struct _ConveneCaldav
{
  SoupSession *session;        /* convene-http's shared one, not owned */
  char        *user;
  char        *password;
  char        *authorization;  /* "Basic …", sent with every request */
  guint        n_requests;
};

void
convene_caldav_calendar_free (ConveneCaldavCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_free (calendar->url);
  g_free (calendar->display_name);
  g_free (calendar);
}

ConveneCaldav *
convene_caldav_new (const char *user,
                    const char *password)
{
  ConveneCaldav *self = g_new0 (ConveneCaldav, 1);

  /* The shared session: one connection pool, one user agent, one
   * timeout for every request Convene makes (sending from a worker
   * thread is allowed since libsoup 3.2). */
  self->session = convene_http_get_session ();
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  if (user != NULL && password != NULL)
    {
      g_autofree char *pair = g_strconcat (user, ":", password, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      self->authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
    }
  return self;
}

void
convene_caldav_free (ConveneCaldav *self)
{
  if (self == NULL)
    return;
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_free (self->authorization);
  g_free (self);
}

guint
convene_caldav_get_n_requests (ConveneCaldav *self)
{
  return self->n_requests;
}

/* ---- requests ---------------------------------------------------------- */

static gboolean
on_authenticate_cb (SoupMessage *message,
                    SoupAuth    *auth,
                    gboolean     retrying,
                    gpointer     user_data)
{
  ConveneCaldav *self = user_data;

  /* Basic credentials went with the request: a 401 for them is a refusal,
   * answered no more.  Another scheme (Digest) is answered once. */
  if (retrying || self->user == NULL || self->password == NULL ||
      g_ascii_strcasecmp (soup_auth_get_scheme_name (auth), "Basic") == 0)
    return FALSE;
  soup_auth_authenticate (auth, self->user, self->password);
  return TRUE;
}

static GBytes *
read_limited (GInputStream  *stream,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 buffer[16384];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + (gsize) n > CONVENE_CALDAV_MAX_BODY)
        {
          g_set_error (error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_TOO_LARGE,
                       _("The server’s answer is larger than %d MB; Convene does not read it"),
                       CONVENE_CALDAV_MAX_BODY / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (body, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* A request to @url, answered with the account's password when asked. */
static SoupMessage *
new_message (ConveneCaldav  *self,
             const char     *method,
             const char     *url,
             GError        **error)
{
  SoupMessage *message = soup_message_new (method, url);

  if (message == NULL)
    {
      g_set_error (error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_MALFORMED,
                   _("“%s” is not a web address"), url);
      return NULL;
    }
  g_signal_connect (message, "authenticate", G_CALLBACK (on_authenticate_cb), self);
  /* Basic credentials go with every request, set on the message rather
   * than in the shared session's auth manager (which belongs to the main
   * thread, and would lend them to other requests to the same server):
   * libsoup sends a request asked again after a 401 without its body,
   * which servers such as Radicale then wait for until they time out.
   * The cache is not asked, so another account's password is never sent. */
  if (self->authorization != NULL)
    {
      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                    self->authorization);
      soup_message_add_flags (message, SOUP_MESSAGE_DO_NOT_USE_AUTH_CACHE);
    }
  return message;
}

/* Sends @message with @body and reads its whole answer (up to the limit).
 * Fails only when no answer came; the caller judges the status. */
static GBytes *
send_message (ConveneCaldav  *self,
              SoupMessage    *message,
              const char     *content_type,
              const char     *body,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }
  self->n_requests++;
  stream = soup_session_send (self->session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      GUri *uri = soup_message_get_uri (message);

      /* In words: a certificate not trusted, a server not found. */
      g_propagate_error (error, convene_http_describe_failure (message, g_uri_get_host (uri), FALSE,
                                                               local_error));
      return NULL;
    }
  return read_limited (stream, cancellable, error);
}

static void
set_status_error (SoupMessage  *message,
                  const char   *url,
                  GError      **error)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);
  int code = CONVENE_CALDAV_ERROR_HTTP;

  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    code = CONVENE_CALDAV_ERROR_PRECONDITION;
  else if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    code = CONVENE_CALDAV_ERROR_NOT_FOUND;
  else if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    code = CONVENE_CALDAV_ERROR_AUTH;
  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      GUri *uri = soup_message_get_uri (message);

      /* Translators: %s is a server's name, %u an HTTP status, the last %s its reason */
      g_set_error (error, CONVENE_CALDAV_ERROR, code,
                   _("The server %s refused the user name or the password (%u %s)"),
                   g_uri_get_host (uri), status, reason != NULL ? reason : "");
      return;
    }
  /* Translators: %s is a web address, %u an HTTP status, the last %s its reason */
  g_set_error (error, CONVENE_CALDAV_ERROR, code, _("%s answered %u %s"),
               url, status, reason != NULL ? reason : "");
}

static gboolean
is_success (SoupMessage *message)
{
  return SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message));
}

/* ---- multistatus ------------------------------------------------------- */

typedef struct {
  char       *href;
  guint       status;      /* of the response itself, 0 when its propstats say */
  GHashTable *props;       /* local name → text, or the href inside it */
  gboolean    calendar;    /* resourcetype holds <calendar/> */
  gboolean    sync;        /* supported-report-set holds <sync-collection/> */
} DavResponse;

typedef struct {
  GPtrArray   *responses;  /* DavResponse */
  char        *sync_token;
  GPtrArray   *stack;      /* local names of the open elements */
  GString     *text;
  DavResponse *current;
  GHashTable  *propstat;   /* the open propstat's props */
  guint        propstat_status;
  gboolean     propstat_calendar;
  gboolean     propstat_sync;
} DavParser;

static void
dav_response_free (gpointer data)
{
  DavResponse *response = data;

  g_free (response->href);
  g_clear_pointer (&response->props, g_hash_table_unref);
  g_free (response);
}

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
open_element (DavParser *parser,
              guint      up)
{
  if (parser->stack->len <= up)
    return "";
  return g_ptr_array_index (parser->stack, parser->stack->len - 1 - up);
}

/* The property an element is in: the child of <prop> above it. */
static const char *
enclosing_prop (DavParser *parser)
{
  for (guint i = 1; i < parser->stack->len; i++)
    if (g_str_equal (g_ptr_array_index (parser->stack, i - 1), "prop"))
      return g_ptr_array_index (parser->stack, i);
  return NULL;
}

static void
dav_start (GMarkupParseContext  *context,
           const char           *element_name,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  DavParser *parser = user_data;
  const char *name = local_name (element_name);
  const char *prop = enclosing_prop (parser);

  g_ptr_array_add (parser->stack, g_strdup (name));
  g_string_truncate (parser->text, 0);
  if (g_str_equal (name, "response"))
    {
      parser->current = g_new0 (DavResponse, 1);
      parser->current->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  else if (g_str_equal (name, "propstat"))
    {
      parser->propstat = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      parser->propstat_status = 0;
      parser->propstat_calendar = parser->propstat_sync = FALSE;
    }
  else if (prop != NULL && g_str_equal (prop, "resourcetype") && g_str_equal (name, "calendar"))
    parser->propstat_calendar = TRUE;
  else if (prop != NULL && g_str_equal (prop, "supported-report-set") &&
           g_str_equal (name, "sync-collection"))
    parser->propstat_sync = TRUE;
}

static guint
parse_status_line (const char *text)
{
  /* "HTTP/1.1 200 OK" */
  const char *space = strchr (text, ' ');

  return space != NULL ? (guint) g_ascii_strtoull (space + 1, NULL, 10) : 0;
}

/* Keeps what an element said, by where it is. */
static void
dav_end (GMarkupParseContext  *context,
         const char           *element_name,
         gpointer              user_data,
         GError              **error)
{
  DavParser *parser = user_data;
  g_autofree char *name = g_ptr_array_steal_index (parser->stack, parser->stack->len - 1);
  g_autofree char *text = g_strdup (g_strstrip (parser->text->str));
  const char *parent = open_element (parser, 0);
  const char *prop = g_str_equal (parent, "prop") ? name : enclosing_prop (parser);

  g_string_truncate (parser->text, 0);
  if (g_str_equal (name, "sync-token") && g_str_equal (parent, "multistatus"))
    g_set_str (&parser->sync_token, text);
  else if (parser->current == NULL)
    return;
  else if (g_str_equal (name, "href") && g_str_equal (parent, "response"))
    g_set_str (&parser->current->href, text);
  else if (g_str_equal (name, "status") && g_str_equal (parent, "response"))
    parser->current->status = parse_status_line (text);
  else if (g_str_equal (name, "status") && g_str_equal (parent, "propstat"))
    parser->propstat_status = parse_status_line (text);
  else if (parser->propstat != NULL && prop != NULL &&
           (g_str_equal (parent, "prop") || g_str_equal (name, "href")) && *text != '\0')
    g_hash_table_insert (parser->propstat, g_strdup (prop), g_steal_pointer (&text));
  else if (g_str_equal (name, "propstat") && parser->propstat != NULL)
    {
      /* Only the properties the server has (200) are kept. */
      if (parser->propstat_status == 0 || SOUP_STATUS_IS_SUCCESSFUL (parser->propstat_status))
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, parser->propstat);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_hash_table_iter_steal (&iter);
              g_hash_table_insert (parser->current->props, key, value);
            }
          parser->current->calendar |= parser->propstat_calendar;
          parser->current->sync |= parser->propstat_sync;
        }
      g_clear_pointer (&parser->propstat, g_hash_table_unref);
    }
  else if (g_str_equal (name, "response"))
    {
      if (parser->current->href != NULL)
        g_ptr_array_add (parser->responses, parser->current);
      else
        dav_response_free (parser->current);
      parser->current = NULL;
    }
}

static void
dav_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 text_len,
          gpointer              user_data,
          GError              **error)
{
  DavParser *parser = user_data;

  g_string_append_len (parser->text, text, text_len);
}

/* The responses of a 207 answer, their hrefs made absolute against @base. */
static GPtrArray *
parse_multistatus (GBytes      *body,
                   const char  *base,
                   char       **sync_token,
                   GError     **error)
{
  static const GMarkupParser markup = { dav_start, dav_end, dav_text, NULL, NULL };
  DavParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  gboolean ok;

  parser.responses = g_ptr_array_new_with_free_func (dav_response_free);
  parser.stack = g_ptr_array_new_with_free_func (g_free);
  parser.text = g_string_new (NULL);
  /* Not G_MARKUP_IGNORE_QUALIFIED: it would drop "d:href" and its text. */
  context = g_markup_parse_context_new (&markup, 0, &parser, NULL);
  ok = g_markup_parse_context_parse (context, data != NULL ? data : "", length, error) &&
       g_markup_parse_context_end_parse (context, error);

  g_ptr_array_unref (parser.stack);
  g_string_free (parser.text, TRUE);
  g_clear_pointer (&parser.propstat, g_hash_table_unref);
  if (parser.current != NULL)
    dav_response_free (parser.current);
  if (!ok)
    {
      g_ptr_array_unref (parser.responses);
      g_free (parser.sync_token);
      g_prefix_error (error, _("The server’s answer could not be read: "));
      return NULL;
    }
  for (guint i = 0; i < parser.responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (parser.responses, i);
      char *absolute = g_uri_resolve_relative (base, response->href, G_URI_FLAGS_ENCODED, NULL);

      if (absolute != NULL)
        g_free (response->href), response->href = absolute;
    }
  if (sync_token != NULL)
    *sync_token = parser.sync_token;
  else
    g_free (parser.sync_token);
  return parser.responses;
}

/* Sends a PROPFIND or REPORT and reads its 207 answer. */
static GPtrArray *
dav_request (ConveneCaldav  *self,
             const char     *method,
             const char     *url,
             const char     *depth,
             const char     *body,
             char          **sync_token,
             guint          *status_out,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(SoupMessage) message = new_message (self, method, url, error);
  g_autoptr(GBytes) answer = NULL;

  if (message == NULL)
    return NULL;
  soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", depth);
  answer = send_message (self, message, "application/xml; charset=utf-8", body, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (status_out != NULL)
    *status_out = soup_message_get_status (message);
  if (soup_message_get_status (message) != SOUP_STATUS_MULTI_STATUS)
    {
      set_status_error (message, url, error);
      return NULL;
    }
  return parse_multistatus (answer, url, sync_token, error);
}

/* ---- discovery --------------------------------------------------------- */

/* The one property @name of the one response a Depth 0 PROPFIND gives. */
static char *
propfind_href (ConveneCaldav  *self,
               const char     *url,
               const char     *name,
               const char     *body,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GPtrArray) responses = dav_request (self, "PROPFIND", url, "0", body, NULL, NULL,
                                                cancellable, error);

  if (responses == NULL)
    return NULL;
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);
      const char *href = g_hash_table_lookup (response->props, name);

      if (href != NULL)
        return g_uri_resolve_relative (url, href, G_URI_FLAGS_ENCODED, error);
    }
  g_set_error (error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_MALFORMED,
               _("%s does not say where the calendars are (no %s)"), url, name);
  return NULL;
}

#define PRINCIPAL_BODY \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>" \
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:current-user-principal/></d:prop></d:propfind>"
#define HOME_BODY \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>" \
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">" \
  "<d:prop><c:calendar-home-set/></d:prop></d:propfind>"

char *
convene_caldav_discover (ConveneCaldav  *self,
                         const char     *url,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GError) first_error = NULL;
  g_autofree char *principal = NULL;

  g_return_val_if_fail (self != NULL && url != NULL, NULL);

  principal = propfind_href (self, url, "current-user-principal", PRINCIPAL_BODY,
                             cancellable, &first_error);
  if (principal == NULL && !g_error_matches (first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* RFC 6764: a server or domain names its CalDAV service at a well-known
       * address, which redirects to it (libsoup follows the redirect). */
      g_autofree char *well_known = g_uri_resolve_relative (url, "/.well-known/caldav",
                                                            G_URI_FLAGS_ENCODED, NULL);

      if (well_known != NULL)
        principal = propfind_href (self, well_known, "current-user-principal", PRINCIPAL_BODY,
                                   cancellable, NULL);
    }
  if (principal == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }
  return propfind_href (self, principal, "calendar-home-set", HOME_BODY, cancellable, error);
}

#define CALENDARS_BODY \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>" \
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:displayname/>" \
  "<d:supported-report-set/></d:prop></d:propfind>"

GPtrArray *
convene_caldav_list_calendars (ConveneCaldav  *self,
                               const char     *home_url,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GPtrArray) calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) convene_caldav_calendar_free);

  g_return_val_if_fail (self != NULL && home_url != NULL, NULL);

  responses = dav_request (self, "PROPFIND", home_url, "1", CALENDARS_BODY, NULL, NULL,
                           cancellable, error);
  if (responses == NULL)
    return NULL;
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);
      ConveneCaldavCalendar *calendar;

      if (!response->calendar)
        continue;
      calendar = g_new0 (ConveneCaldavCalendar, 1);
      calendar->url = g_strdup (response->href);
      calendar->display_name = g_strdup (g_hash_table_lookup (response->props, "displayname"));
      calendar->sync = response->sync;
      g_ptr_array_add (calendars, calendar);
    }
  return g_steal_pointer (&calendars);
}

gboolean
convene_caldav_make_calendar (ConveneCaldav  *self,
                              const char     *url,
                              const char     *display_name,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autofree char *escaped = g_markup_escape_text (display_name, -1);
  g_autofree char *body =
    g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                     "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                     "<d:set><d:prop><d:displayname>%s</d:displayname>"
                     "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/>"
                     "<c:comp name=\"VTODO\"/></c:supported-calendar-component-set>"
                     "</d:prop></d:set></c:mkcalendar>", escaped);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(SoupMessage) message = NULL;

  g_return_val_if_fail (self != NULL && url != NULL, FALSE);

  message = new_message (self, "MKCALENDAR", url, error);
  if (message == NULL)
    return FALSE;
  answer = send_message (self, message, "application/xml; charset=utf-8", body, cancellable, error);
  if (answer == NULL)
    return FALSE;
  if (soup_message_get_status (message) != SOUP_STATUS_CREATED)
    {
      set_status_error (message, url, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- resources --------------------------------------------------------- */

#define ETAG_BODY \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>" \
  "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop></d:propfind>"

static char *
fetch_etag (ConveneCaldav  *self,
            const char     *href,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GPtrArray) responses = dav_request (self, "PROPFIND", href, "0", ETAG_BODY, NULL, NULL,
                                                cancellable, error);

  if (responses == NULL)
    return NULL;
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);
      const char *etag = g_hash_table_lookup (response->props, "getetag");

      if (etag != NULL)
        return g_strdup (etag);
    }
  g_set_error (error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_MALFORMED,
               _("%s gives no ETag"), href);
  return NULL;
}

char *
convene_caldav_put (ConveneCaldav  *self,
                    const char     *href,
                    const char     *text,
                    const char     *if_match,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) answer = NULL;
  SoupMessageHeaders *headers;
  const char *etag;

  g_return_val_if_fail (self != NULL && href != NULL && text != NULL, NULL);

  message = new_message (self, "PUT", href, error);
  if (message == NULL)
    return NULL;
  headers = soup_message_get_request_headers (message);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  else
    soup_message_headers_replace (headers, "If-None-Match", "*");
  answer = send_message (self, message, "text/calendar; charset=utf-8", text, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (!is_success (message))
    {
      set_status_error (message, href, error);
      return NULL;
    }
  etag = soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag");
  /* A server that changed the text it keeps answers without an ETag. */
  if (etag == NULL)
    return fetch_etag (self, href, cancellable, error);
  return g_strdup (etag);
}

char *
convene_caldav_get (ConveneCaldav  *self,
                    const char     *href,
                    char          **etag_out,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(SoupMessage) message = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (self != NULL && href != NULL, NULL);

  message = new_message (self, "GET", href, error);
  if (message == NULL)
    return NULL;
  answer = send_message (self, message, NULL, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (!is_success (message))
    {
      set_status_error (message, href, error);
      return NULL;
    }
  data = g_bytes_get_data (answer, &length);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_MALFORMED,
                   _("%s is not UTF-8 text"), href);
      return NULL;
    }
  if (etag_out != NULL)
    *etag_out = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                        "ETag"));
  return g_strndup (data, length);
}

gboolean
convene_caldav_delete (ConveneCaldav  *self,
                       const char     *href,
                       const char     *if_match,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) answer = NULL;

  g_return_val_if_fail (self != NULL && href != NULL, FALSE);

  message = new_message (self, "DELETE", href, error);
  if (message == NULL)
    return FALSE;
  if (if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "If-Match", if_match);
  answer = send_message (self, message, NULL, NULL, cancellable, error);
  if (answer == NULL)
    return FALSE;
  if (!is_success (message))
    {
      set_status_error (message, href, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- listings ---------------------------------------------------------- */

gboolean
convene_caldav_sync_collection (ConveneCaldav  *self,
                                const char     *calendar_url,
                                const char     *token,
                                char          **new_token,
                                GHashTable     *changed,
                                GPtrArray      *removed,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autofree char *escaped = g_markup_escape_text (token != NULL ? token : "", -1);
  g_autofree char *body =
    g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                     "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>%s</d:sync-token>"
                     "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
                     "</d:sync-collection>", escaped);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status = 0;

  g_return_val_if_fail (self != NULL && calendar_url != NULL, FALSE);

  responses = dav_request (self, "REPORT", calendar_url, "0", body, new_token, &status,
                           cancellable, &local_error);
  if (responses == NULL)
    {
      /* RFC 6578: a token the server no longer knows is 403 or 409 with
       * valid-sync-token; either way only a full listing can follow. */
      if (token != NULL && (status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_CONFLICT))
        g_set_error (error, CONVENE_CALDAV_ERROR, CONVENE_CALDAV_ERROR_TOKEN,
                     _("%s refused the sync token: %s"), calendar_url, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);
      const char *etag = g_hash_table_lookup (response->props, "getetag");

      if (response->status == SOUP_STATUS_NOT_FOUND)
        g_ptr_array_add (removed, g_strdup (response->href));
      else if (etag != NULL)
        g_hash_table_replace (changed, g_strdup (response->href), g_strdup (etag));
    }
  return TRUE;
}

#define QUERY_BODY \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>" \
  "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">" \
  "<d:prop><d:getetag/></d:prop>" \
  "<c:filter><c:comp-filter name=\"VCALENDAR\"/></c:filter></c:calendar-query>"

gboolean
convene_caldav_list_etags (ConveneCaldav  *self,
                           const char     *calendar_url,
                           GHashTable     *etags,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GPtrArray) responses = NULL;

  g_return_val_if_fail (self != NULL && calendar_url != NULL, FALSE);

  responses = dav_request (self, "REPORT", calendar_url, "1", QUERY_BODY, NULL, NULL,
                           cancellable, error);
  if (responses == NULL)
    return FALSE;
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);
      const char *etag = g_hash_table_lookup (response->props, "getetag");

      if (etag != NULL)
        g_hash_table_replace (etags, g_strdup (response->href), g_strdup (etag));
    }
  return TRUE;
}
