/* convene-http.c: the shared libsoup session and the one way sync/ fetches.
 *
 * Redirects are followed here rather than by libsoup, so that each hop is
 * checked against the URLs already visited (a loop is said to be one) and
 * counted.  The whole request runs under a deadline besides libsoup's I/O
 * timeout, so that a server trickling a byte at a time is given up on too:
 * the deadline cancels an inner cancellable, which the caller's cancels as
 * well.  The body is read in blocks and refused as soon as it passes the
 * caller's limit (or at once, when Content-Length says so).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sync/convene-http.h"

#define DEFAULT_TIMEOUT_SECONDS 30
/* The whole request may take this many times the I/O timeout. */
#define DEADLINE_FACTOR 4
#define READ_BLOCK (64 * 1024)

G_DEFINE_QUARK (convene-http-error-quark, convene_http_error)

typedef struct {
  char                 *url;          /* as asked, webcal and all */
  GUri                 *uri;          /* the one being fetched now */
  char                 *etag;
  char                 *last_modified;
  gsize                 max_body;
  ConveneHttpFetchFlags flags;
  gboolean              webcal;       /* an http:// try is left if https:// fails */
  GHashTable           *visited;      /* URL strings */
  SoupMessage          *message;
  GInputStream         *stream;
  GByteArray           *body;
  GCancellable         *inner;        /* cancelled by the caller's and by the deadline */
  gulong                outer_handler;
  GCancellable         *outer;
  guint                 deadline;
  gboolean              timed_out;
  ConveneHttpResponse  *response;
} Fetch;

static void send_next (GTask *task);

guint
convene_http_get_timeout (void)
{
  const char *text = g_getenv ("CONVENE_HTTP_TIMEOUT");
  guint64 seconds;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 3600, &seconds, NULL))
    return (guint) seconds;
  return DEFAULT_TIMEOUT_SECONDS;
}

/**
 * convene_http_get_session:
 *
 * Returns: (transfer none): the session every request shares (one
 *   connection pool, one user agent), made on first use
 */
SoupSession *
convene_http_get_session (void)
{
  static SoupSession *session;

  if (g_once_init_enter_pointer (&session))
    {
      SoupSession *made = soup_session_new_with_options ("timeout", convene_http_get_timeout (),
                                                         "idle-timeout", 60,
                                                         "user-agent", "Convene/" PACKAGE_VERSION " ",
                                                         NULL);
      g_once_init_leave_pointer (&session, made);
    }
  return session;
}

/**
 * convene_http_normalize_url:
 * @text: what the user typed or gave
 *
 * Returns: (transfer full): @text as an absolute http, https or webcal URL,
 *   or %NULL with a CONVENE_HTTP_ERROR_URL that says what is wrong
 */
char *
convene_http_normalize_url (const char  *text,
                            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_URL, _("The address is empty"));
      return NULL;
    }
  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    {
      g_set_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_URL,
                   _("“%s” is not a web address (it should start with https://, http:// or webcal://)"),
                   trimmed);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0 &&
      g_ascii_strcasecmp (scheme, "webcal") != 0)
    {
      g_set_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_URL,
                   _("“%s” is not a web address: Convene reads https://, http:// and webcal:// addresses"),
                   trimmed);
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_URL,
                   _("“%s” names no server"), trimmed);
      return NULL;
    }
  return g_uri_to_string (uri);
}

void
convene_http_response_free (ConveneHttpResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->reason);
  g_free (response->url);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response->content_type);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

static void
fetch_free (Fetch *fetch)
{
  g_clear_handle_id (&fetch->deadline, g_source_remove);
  if (fetch->outer != NULL)
    g_cancellable_disconnect (fetch->outer, fetch->outer_handler);
  g_clear_object (&fetch->outer);
  g_clear_object (&fetch->inner);
  g_free (fetch->url);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_clear_pointer (&fetch->visited, g_hash_table_unref);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  convene_http_response_free (fetch->response);
  g_free (fetch);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->deadline = 0;
  fetch->timed_out = TRUE;
  g_cancellable_cancel (fetch->inner);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

/* Why a certificate was not trusted, in words, from its first flag. */
static const char *
describe_tls_flags (GTlsCertificateFlags flags)
{
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("its certificate is not signed by an authority this computer trusts (it may be self-signed)");
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("its certificate is for another server");
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return _("its certificate has expired");
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return _("its certificate is not valid yet");
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return _("its certificate has been revoked");
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return _("its certificate uses an insecure algorithm");
  return NULL;
}

/**
 * convene_http_describe_failure:
 * @message: (nullable): the request that failed, for its certificate's errors
 * @host: the server it was for, as the words name it
 * @timed_out: whether Convene's own deadline ended it
 * @error: what libsoup or GIO said
 *
 * Puts a failed request into words about the server it was for: a
 * certificate that cannot be trusted and why, a server not found, a
 * refused connection, no answer in time.  A cancellation stays one, so
 * that callers can tell it from a failure.
 *
 * Returns: (transfer full): a CONVENE_HTTP_ERROR, or a copy of a cancellation
 */
GError *
convene_http_describe_failure (SoupMessage  *message,
                               const char   *host,
                               gboolean      timed_out,
                               const GError *error)
{
  GTlsCertificateFlags tls_flags = message != NULL ? soup_message_get_tls_peer_certificate_errors (message) : 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !timed_out)
    return g_error_copy (error);
  if (timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TIMEOUT,
                        _("The server %s did not answer in time (%u seconds)"),
                        host, convene_http_get_timeout ());
  if (tls_flags != 0 && describe_tls_flags (tls_flags) != NULL)
    return g_error_new (CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TLS,
                        _("The secure connection to %s cannot be trusted: %s"),
                        host, describe_tls_flags (tls_flags));
  if (error->domain == G_TLS_ERROR)
    return g_error_new (CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TLS,
                        _("A secure connection to %s could not be made: %s"), host, error->message);
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_NETWORK,
                        _("The server %s was not found"), host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_NETWORK,
                        _("The server %s refused the connection"), host);
  return g_error_new (CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_NETWORK,
                      _("The server %s could not be reached: %s"), host, error->message);
}

/* Puts a failure of the request into words about the server it was for. */
static GError *
describe_error (Fetch  *fetch,
                GError *error)
{
  const char *host = fetch->uri != NULL ? g_uri_get_host (fetch->uri) : fetch->url;

  return convene_http_describe_failure (fetch->message, host, fetch->timed_out, error);
}

static void
fail (GTask  *task,
      GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_task_return_error (task, describe_error (fetch, error));
  g_error_free (error);
  g_object_unref (task);
}

static GError *
too_large (Fetch *fetch)
{
  g_autofree char *limit = g_format_size (fetch->max_body);

  return g_error_new (CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TOO_LARGE,
                      _("The answer of %s is larger than %s, more than Convene reads"),
                      g_uri_get_host (fetch->uri), limit);
}

static void
finish_body (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  ConveneHttpResponse *response = g_steal_pointer (&fetch->response);

  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  g_clear_handle_id (&fetch->deadline, g_source_remove);
  g_task_return_pointer (task, response, (GDestroyNotify) convene_http_response_free);
  g_object_unref (task);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) block = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  gsize size;

  if (block == NULL)
    {
      fail (task, error);
      return;
    }
  size = g_bytes_get_size (block);
  if (size == 0)
    {
      finish_body (task);
      return;
    }
  if (fetch->body->len + size > fetch->max_body)
    {
      if (fetch->flags & CONVENE_HTTP_FETCH_HEAD_ONLY)
        {
          g_byte_array_append (fetch->body, g_bytes_get_data (block, NULL),
                               fetch->max_body - fetch->body->len);
          fetch->response->truncated = TRUE;
          finish_body (task);
          return;
        }
      g_task_return_error (task, too_large (fetch));
      g_object_unref (task);
      return;
    }
  g_byte_array_append (fetch->body, g_bytes_get_data (block, NULL), size);
  g_input_stream_read_bytes_async (fetch->stream, READ_BLOCK, G_PRIORITY_DEFAULT, fetch->inner,
                                   read_cb, task);
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

/* Moves on to the Location of a redirect, unless it loops or goes on too
 * long; FALSE when the task has been given its error. */
static gboolean
follow_redirect (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) next = location != NULL
                         ? g_uri_parse_relative (fetch->uri, location, G_URI_FLAGS_ENCODED, NULL) : NULL;
  g_autofree char *next_text = next != NULL ? g_uri_to_string (next) : NULL;

  if (next == NULL || (g_strcmp0 (g_uri_get_scheme (next), "http") != 0 &&
                       g_strcmp0 (g_uri_get_scheme (next), "https") != 0))
    {
      g_task_return_new_error (task, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_NETWORK,
                               _("The server %s sent a redirect to no web address"),
                               g_uri_get_host (fetch->uri));
      return FALSE;
    }
  if (g_hash_table_contains (fetch->visited, next_text))
    {
      g_task_return_new_error (task, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_REDIRECT_LOOP,
                               _("The address redirects in a loop (back to %s)"), next_text);
      return FALSE;
    }
  if (fetch->response->n_redirects >= CONVENE_HTTP_MAX_REDIRECTS)
    {
      g_task_return_new_error (task, CONVENE_HTTP_ERROR, CONVENE_HTTP_ERROR_TOO_MANY_REDIRECTS,
                               _("The address redirects more than %d times"), CONVENE_HTTP_MAX_REDIRECTS);
      return FALSE;
    }
  fetch->response->n_redirects++;
  g_clear_pointer (&fetch->uri, g_uri_unref);
  fetch->uri = g_steal_pointer (&next);
  return TRUE;
}

static void
note_response (Fetch *fetch)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  ConveneHttpResponse *response = fetch->response;

  response->status = soup_message_get_status (fetch->message);
  g_set_str (&response->reason, soup_message_get_reason_phrase (fetch->message));
  g_free (response->url);
  response->url = g_uri_to_string (fetch->uri);
  g_set_str (&response->etag, soup_message_headers_get_one (headers, "ETag"));
  g_set_str (&response->last_modified, soup_message_headers_get_one (headers, "Last-Modified"));
  g_set_str (&response->content_type, soup_message_headers_get_one (headers, "Content-Type"));
}

/* Long because it sorts the answer: a redirect, a webcal retry, a body too
 * large by its header, or a body to read. */
static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  SoupMessageHeaders *headers;
  goffset length;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (fetch->stream == NULL)
    {
      /* webcal:// names no transport: https first, then plain http. */
      if (fetch->webcal && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          g_strcmp0 (g_uri_get_scheme (fetch->uri), "https") == 0)
        {
          g_autoptr(GUri) plain = soup_uri_copy (fetch->uri, SOUP_URI_SCHEME, "http", SOUP_URI_NONE);

          g_clear_error (&error);
          fetch->webcal = FALSE;
          g_clear_pointer (&fetch->uri, g_uri_unref);
          fetch->uri = g_steal_pointer (&plain);
          send_next (task);
          return;
        }
      fail (task, error);
      return;
    }
  fetch->webcal = FALSE;
  note_response (fetch);

  if (is_redirect (fetch->response->status))
    {
      g_clear_object (&fetch->stream);
      if (follow_redirect (task))
        send_next (task);
      else
        g_object_unref (task);
      return;
    }

  headers = soup_message_get_response_headers (fetch->message);
  length = soup_message_headers_get_content_length (headers);
  if (length > 0 && (guint64) length > fetch->max_body &&
      !(fetch->flags & CONVENE_HTTP_FETCH_HEAD_ONLY))
    {
      g_task_return_error (task, too_large (fetch));
      g_object_unref (task);
      return;
    }
  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_BLOCK, G_PRIORITY_DEFAULT, fetch->inner,
                                   read_cb, task);
}

static void
send_next (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_hash_table_add (fetch->visited, g_uri_to_string (fetch->uri));
  g_clear_object (&fetch->message);
  fetch->message = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->uri);
  soup_message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (fetch->message);
  if (fetch->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", fetch->etag);
  if (fetch->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", fetch->last_modified);
  soup_session_send_async (convene_http_get_session (), fetch->message, G_PRIORITY_DEFAULT,
                           fetch->inner, send_cb, task);
}

/**
 * convene_http_fetch_async:
 * @url: an http, https or webcal URL (see convene_http_normalize_url())
 * @etag: (nullable): the ETag of the copy held, for If-None-Match
 * @last_modified: (nullable): its Last-Modified, for If-Modified-Since
 * @max_body: the most bytes of body taken
 *
 * GETs @url.  Any HTTP status is an answer (a 304 has an empty body);
 * errors are CONVENE_HTTP_ERROR's, or G_IO_ERROR_CANCELLED.
 */
void
convene_http_fetch_async (const char           *url,
                          const char           *etag,
                          const char           *last_modified,
                          gsize                 max_body,
                          ConveneHttpFetchFlags flags,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Fetch *fetch = g_new0 (Fetch, 1);
  GError *error = NULL;
  g_autofree char *normal = convene_http_normalize_url (url, &error);

  g_task_set_source_tag (task, convene_http_fetch_async);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  if (normal == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  fetch->url = g_strdup (normal);
  fetch->uri = g_uri_parse (normal, G_URI_FLAGS_ENCODED, NULL);
  if (g_strcmp0 (g_uri_get_scheme (fetch->uri), "webcal") == 0)
    {
      GUri *secure = soup_uri_copy (fetch->uri, SOUP_URI_SCHEME, "https", SOUP_URI_NONE);

      g_uri_unref (fetch->uri);
      fetch->uri = secure;
      fetch->webcal = TRUE;
    }
  fetch->etag = g_strdup (etag);
  fetch->last_modified = g_strdup (last_modified);
  fetch->max_body = max_body;
  fetch->flags = flags;
  fetch->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fetch->response = g_new0 (ConveneHttpResponse, 1);
  fetch->inner = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->outer = g_object_ref (cancellable);
      fetch->outer_handler = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                                    fetch->inner, NULL);
    }
  fetch->deadline = g_timeout_add_seconds (convene_http_get_timeout () * DEADLINE_FACTOR,
                                           deadline_cb, fetch);
  send_next (task);
}

/**
 * convene_http_fetch_finish:
 *
 * Returns: (transfer full): the answer, whatever its status
 */
ConveneHttpResponse *
convene_http_fetch_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
convene_http_wait (GMainContext *context,
                   gboolean     *done)
{
  while (!*done)
    g_main_context_iteration (context, TRUE);
}
