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

G_BEGIN_DECLS

typedef struct {
  guint    published;       /* PUT: new or changed here */
  guint    deleted_remote;  /* DELETE: deleted here */
  guint    pulled;          /* changed there, taken here */
  guint    deleted_local;   /* deleted there, deleted here */
  guint    conflicts;       /* waiting for a choice, old and new */
  guint    requests;        /* HTTP requests sent */
  gboolean full;            /* every ETag compared: no token, or a refused one */
} ConveneSyncReport;

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

/* The SUMMARY and start of an item's text, for a listing of conflicts. */
char     *convene_sync_describe_item (const char          *text);

G_END_DECLS
