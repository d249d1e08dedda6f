/* convene-http.h: Convene's one HTTP client, over one shared libsoup session.
 *
 * Every request of sync/ goes through convene_http_fetch_async(): a GET that
 * never blocks the main loop, that gives up after a timeout (the server's
 * silence, and a whole-request deadline), that reads at most a given number
 * of bytes of body, that follows redirects itself (so that a loop is named as
 * one), and whose failures are sentences a coordinator understands: a server
 * not found, a refused connection, a certificate that cannot be trusted and
 * why, a body too large.  Cancelling the GCancellable ends it at once.
 *
 * The timeout is 30 seconds; CONVENE_HTTP_TIMEOUT (whole seconds) sets
 * another, for tests and slow networks.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define CONVENE_HTTP_ERROR (convene_http_error_quark ())

typedef enum {
  CONVENE_HTTP_ERROR_URL,                 /* not an http, https or webcal URL with a host */
  CONVENE_HTTP_ERROR_NETWORK,             /* not found, refused, the connection broke */
  CONVENE_HTTP_ERROR_TIMEOUT,             /* no answer in time */
  CONVENE_HTTP_ERROR_TLS,                 /* the secure connection could not be made or trusted */
  CONVENE_HTTP_ERROR_TOO_LARGE,           /* the body is larger than the caller takes */
  CONVENE_HTTP_ERROR_REDIRECT_LOOP,       /* a redirect back to a URL already visited */
  CONVENE_HTTP_ERROR_TOO_MANY_REDIRECTS,  /* more than CONVENE_HTTP_MAX_REDIRECTS */
  CONVENE_HTTP_ERROR_STATUS,              /* an error status, for callers that treat it as one */
} ConveneHttpError;

#define CONVENE_HTTP_MAX_REDIRECTS 10

typedef enum {
  CONVENE_HTTP_FETCH_DEFAULT   = 0,
  /* Read at most max_body bytes and stop there, without an error: the
   * head of a page is enough to find its title. */
  CONVENE_HTTP_FETCH_HEAD_ONLY = 1 << 0,
} ConveneHttpFetchFlags;

typedef struct {
  guint    status;         /* the last response's HTTP status */
  char    *reason;         /* its reason phrase, or NULL */
  char    *url;            /* the URL that answered, after redirects */
  guint    n_redirects;
  char    *etag;           /* validators, for a conditional request next time */
  char    *last_modified;
  char    *content_type;   /* with its parameters (charset) */
  GBytes  *body;           /* never NULL; empty for a 304 */
  gboolean truncated;      /* CONVENE_HTTP_FETCH_HEAD_ONLY stopped reading */
} ConveneHttpResponse;

GQuark               convene_http_error_quark    (void);

SoupSession         *convene_http_get_session    (void);
guint                convene_http_get_timeout    (void);

char                *convene_http_normalize_url  (const char           *text,
                                                  GError              **error);

void                 convene_http_fetch_async    (const char           *url,
                                                  const char           *etag,
                                                  const char           *last_modified,
                                                  gsize                 max_body,
                                                  ConveneHttpFetchFlags flags,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
ConveneHttpResponse *convene_http_fetch_finish   (GAsyncResult         *result,
                                                  GError              **error);

void                 convene_http_response_free  (ConveneHttpResponse  *response);

/* A failed request in words (see convene-http.c): for the requests that
 * send through the shared session themselves, such as CalDAV's. */
GError              *convene_http_describe_failure (SoupMessage        *message,
                                                    const char         *host,
                                                    gboolean            timed_out,
                                                    const GError       *error);

/* Runs @context (the thread-default one when NULL) until *@done: for the
 * command line and tests, which wait on one request. */
void                 convene_http_wait           (GMainContext         *context,
                                                  gboolean             *done);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneHttpResponse, convene_http_response_free)

G_END_DECLS
