/* convene-test-server.h: a small web server on 127.0.0.1 for the tests of
 * sync/ (subscriptions, link checks), and running convene-cli beside it.
 *
 * Routes: /calendar.ics (the test's calendar, at first two events of
 * "Open Contracting calls" on 23 February 2021, 17:00 London, and
 * 16 March 2021, 09:00 to 10:30 New York; with an ETag and
 * Last-Modified, answering 304 to a matching If-None-Match, 500 when it
 * is NULL), /broken.ics,
 * /page.html, /latin1.html, /huge-page.html (a title, then 50 MB),
 * /status/NNN, /to/PATH (a 302 to /PATH), /loop/a and /loop/b (redirecting
 * to each other), /slow (never answers), /huge (50 MB, with its length)
 * and /huge-chunked (50 MB, chunked).
 *
 * The UI tests see it through tests/ui/convene-ui-test-server.h: a test
 * includes only headers beside it (tests/test-layering.py).
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _ConveneTestServer ConveneTestServer;

struct _ConveneTestServer {
  SoupServer *server;
  char       *base;           /* http://127.0.0.1:PORT */
  char       *calendar;       /* what /calendar.ics serves */
  char       *etag;           /* its ETag */
  guint       calendar_sent;  /* how many times it was sent whole */
  guint       not_modified;   /* how many 304s it answered */
  guint       slow_seen;      /* requests to /slow */
};

ConveneTestServer *convene_test_server_new     (void);
/* The same routes over https, with @certificate (self-signed, say). */
ConveneTestServer *convene_test_server_new_tls (GTlsCertificate   *certificate);
void               convene_test_server_free    (ConveneTestServer *self);
char              *convene_test_server_url     (ConveneTestServer *self,
                                                const char        *path);
void               convene_test_server_set_calendar (ConveneTestServer *self,
                                                     const char        *calendar,
                                                     const char        *etag);

/* Runs convene-cli with --database @database and the arguments up to NULL,
 * the main loop turning meanwhile (the server answers from it); returns its
 * exit status and its output. */
int                convene_test_run_cli        (const char        *database,
                                                char             **out,
                                                char             **err,
                                                ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneTestServer, convene_test_server_free)

G_END_DECLS
