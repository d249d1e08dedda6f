/* convene-sync.h: a plan's sessions and actions kept in step with a CalDAV
 * calendar.
 *
 * A sync publishes what is new or changed here (If-None-Match: * for new
 * items, If-Match on the stored ETag for edits), pulls what changed there
 * (sync-collection since the calendar's token; the first time a token-less
 * sync-collection; when the server refuses the token, or offers no
 * sync-collection, a calendar-query of every ETag), and deletes on each
 * side what the other deleted.  An item changed on both sides, deleted on
 * one and changed on the other, or refused with 412, is a conflict: both
 * versions are kept, neither side is overwritten, until
 * convene_sync_resolve() is told which to keep.  Sessions with only a
 * month and sessions to be confirmed are not published (the iCalendar
 * exporter leaves them out).
 *
 * The network work runs in a worker thread (GTask), which uses the store
 * until it finishes: the caller leaves the store alone until then.
 */
#pragma once

#include "store/convene-store.h"
#include "sync/convene-caldav.h"

G_BEGIN_DECLS

typedef struct {
  guint    published;       /* PUT: new or changed here */
  guint    deleted_remote;  /* DELETE: deleted here */
  guint    pulled;          /* changed there, taken here */
  guint    deleted_local;   /* deleted there, deleted here */
  guint    conflicts;       /* waiting for a choice, old and new */
  guint    requests;        /* HTTP requests sent */
  gboolean full;            /* every ETag compared: no token, or a refused one */
  /* Events and to-dos on the calendar that Convene did not publish
   * (another member's, made on their phone), new or changed since the
   * last sync: their SUMMARYs.  They are left as they are on the server
   * and not taken into the plan; see convene-sync.c.  NULL when none. */
  GStrv    foreign;
  /* What an item taken from the server said that Convene could not take
   * (a meeting changed there that its series does not have, left out),
   * one sentence each, naming the item.  NULL when none. */
  GStrv    warnings;
} ConveneSyncReport;

/* Frees what a report holds (not the report itself). */
void      convene_sync_report_clear (ConveneSyncReport    *report);

typedef enum {
  CONVENE_SYNC_KEEP_LOCAL,
  CONVENE_SYNC_KEEP_REMOTE,
  CONVENE_SYNC_KEEP_BOTH,
} ConveneSyncKeep;

/* Syncs @plan_id with the calendar of @account_id: @calendar_url when it
 * is given (and remembered), else the account's, else the first calendar
 * discovery finds, else a new one made with MKCALENDAR. */
void      convene_sync_run_async    (ConveneStore         *store,
                                     gint64                account_id,
                                     gint64                plan_id,
                                     const char           *calendar_url,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  convene_sync_run_finish   (GAsyncResult         *result,
                                     ConveneSyncReport    *report,
                                     GError              **error);

/* Settles a conflict here; the next sync tells the server. */
gboolean  convene_sync_resolve      (ConveneStore         *store,
                                     gint64                conflict_id,
                                     ConveneSyncKeep       keep,
                                     GError              **error);

/* The calendars of the account at @url for @user (its password from the
 * Secret Service), found through discovery: a GPtrArray of
 * ConveneCaldavCalendar. */
void       convene_sync_list_calendars_async  (const char          *url,
                                               const char          *user,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray *convene_sync_list_calendars_finish (GAsyncResult        *result,
                                               GError             **error);
/* Makes a calendar called @name in the account's calendar home
 * (MKCALENDAR) and gives its URL. */
void       convene_sync_make_calendar_async   (const char          *url,
                                               const char          *user,
                                               const char          *name,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char      *convene_sync_make_calendar_finish  (GAsyncResult        *result,
                                               GError             **error);

/* One field of a version of an item: its name, and its value as text
 * (NULL when the version has none). */
typedef struct {
  const char *label;  /* translated */
  char       *value;
} ConveneSyncField;

void       convene_sync_field_free           (ConveneSyncField *field);
GPtrArray *convene_sync_item_fields          (const char       *text);

/* The SUMMARY and start of an item's text, for a listing of conflicts. */
char     *convene_sync_describe_item (const char          *text);
/* The same, then the meetings of a series that @text gives otherwise than
 * @other does. */
char     *convene_sync_describe_version (const char       *text,
                                         const char       *other);

G_END_DECLS
