/* convene-caldav.h: the requests of CalDAV (RFC 4791, 4918, 6578, 6764).
 *
 * A client for one account: discovery of the calendar home (through
 * /.well-known/caldav when the URL names only a server), the calendars in
 * it, MKCALENDAR, PUT with If-None-Match or If-Match, GET, DELETE,
 * sync-collection and calendar-query.  Each call waits for its answer, so
 * a client is made and used inside one worker thread (convene-sync.c runs
 * it in a GTask), over convene-http's shared session; every call takes a
 * GCancellable, every request has the shared session's
 * timeout, and no answer is read past CONVENE_CALDAV_MAX_BODY.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONVENE_CALDAV_MAX_BODY (32 * 1024 * 1024)
#define CONVENE_CALDAV_TIMEOUT_S 30

#define CONVENE_CALDAV_ERROR (convene_caldav_error_quark ())

typedef enum {
  CONVENE_CALDAV_ERROR_HTTP,         /* an unexpected status; see the message */
  CONVENE_CALDAV_ERROR_PRECONDITION, /* 412: the other side changed first */
  CONVENE_CALDAV_ERROR_NOT_FOUND,    /* 404 or 410 */
  CONVENE_CALDAV_ERROR_AUTH,         /* the server refused the user and password */
  CONVENE_CALDAV_ERROR_TOKEN,        /* the sync token was refused */
  CONVENE_CALDAV_ERROR_MALFORMED,    /* an answer Convene cannot read */
  CONVENE_CALDAV_ERROR_TOO_LARGE,    /* an answer past CONVENE_CALDAV_MAX_BODY */
} ConveneCaldavError;

GQuark convene_caldav_error_quark (void);

typedef struct _ConveneCaldav ConveneCaldav;

typedef struct {
  char     *url;           /* absolute */
  char     *display_name;  /* NULL when the server gives none */
  gboolean  sync;          /* the server offers sync-collection on it */
} ConveneCaldavCalendar;

void           convene_caldav_calendar_free   (ConveneCaldavCalendar *calendar);

ConveneCaldav *convene_caldav_new             (const char     *user,
                                               const char     *password);
void           convene_caldav_free            (ConveneCaldav  *self);
/* How many requests this client has sent. */
guint          convene_caldav_get_n_requests  (ConveneCaldav  *self);

/* The calendar home of the user at @url (a server, a domain, a principal
 * or the home itself). */
char          *convene_caldav_discover        (ConveneCaldav  *self,
                                               const char     *url,
                                               GCancellable   *cancellable,
                                               GError        **error);
GPtrArray     *convene_caldav_list_calendars  (ConveneCaldav  *self,
                                               const char     *home_url,
                                               GCancellable   *cancellable,
                                               GError        **error);
gboolean       convene_caldav_make_calendar   (ConveneCaldav  *self,
                                               const char     *url,
                                               const char     *display_name,
                                               GCancellable   *cancellable,
                                               GError        **error);

/* With @if_match NULL, only a new resource (If-None-Match: *).  The new
 * ETag is returned, asked for when the PUT's answer has none. */
char          *convene_caldav_put             (ConveneCaldav  *self,
                                               const char     *href,
                                               const char     *text,
                                               const char     *if_match,
                                               GCancellable   *cancellable,
                                               GError        **error);
char          *convene_caldav_get             (ConveneCaldav  *self,
                                               const char     *href,
                                               char          **etag_out,
                                               GCancellable   *cancellable,
                                               GError        **error);
gboolean       convene_caldav_delete          (ConveneCaldav  *self,
                                               const char     *href,
                                               const char     *if_match,
                                               GCancellable   *cancellable,
                                               GError        **error);

/* RFC 6578: what changed since @token (everything when NULL): @changed
 * maps hrefs to ETags, @removed holds the hrefs gone.  A refused token
 * fails with CONVENE_CALDAV_ERROR_TOKEN. */
gboolean       convene_caldav_sync_collection (ConveneCaldav  *self,
                                               const char     *calendar_url,
                                               const char     *token,
                                               char          **new_token,
                                               GHashTable     *changed,
                                               GPtrArray      *removed,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* Every event and to-do of the calendar: href → ETag. */
gboolean       convene_caldav_list_etags      (ConveneCaldav  *self,
                                               const char     *calendar_url,
                                               GHashTable     *etags,
                                               GCancellable   *cancellable,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneCaldav, convene_caldav_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneCaldavCalendar, convene_caldav_calendar_free)

G_END_DECLS
