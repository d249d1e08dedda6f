/* convene-subscription-fetch.h: subscribing to a published calendar, and
 * refreshing what is held of it.
 *
 * Both fetch the calendar with sync/convene-http.h and read it with the
 * iCalendar importer (through the import room's front door), in a worker
 * thread; the database is written on the caller's thread, in one
 * transaction, only once the whole calendar has been read.  So a calendar
 * that cannot be fetched or read adds nothing, and a refresh that fails
 * keeps the previous copy, noting on the subscription that it failed and
 * why.  A refresh sends the ETag and Last-Modified it holds: a 304 keeps
 * the copy and reads nothing.
 */
#pragma once

#include "store/convene-subscription-rows.h"

G_BEGIN_DECLS

/* The largest calendar taken: 16 MiB, many thousands of events. */
#define CONVENE_SUBSCRIPTION_MAX_BYTES (16 * 1024 * 1024)

#define CONVENE_SUBSCRIPTION_ERROR (convene_subscription_error_quark ())

typedef enum {
  CONVENE_SUBSCRIPTION_ERROR_STATUS,    /* the server answered with an error status */
  CONVENE_SUBSCRIPTION_ERROR_CALENDAR,  /* what came is not a calendar, or a broken one */
} ConveneSubscriptionError;

GQuark               convene_subscription_error_quark     (void);

/* @name: (nullable): else the calendar's own (X-WR-CALNAME), else the server's */
void                 convene_subscription_subscribe_async  (ConveneStore         *store,
                                                            const char           *url,
                                                            const char           *name,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
ConveneSubscription *convene_subscription_subscribe_finish (GAsyncResult         *result,
                                                            GError              **error);

/* On failure the error is returned and also kept on the stored
 * subscription (its state FAILED, its error, when): the events stay.
 * @changed: (out) (optional): FALSE when the copy held was current (304) */
void                 convene_subscription_refresh_async    (ConveneStore         *store,
                                                            gint64                id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
ConveneSubscription *convene_subscription_refresh_finish   (GAsyncResult         *result,
                                                            gboolean             *changed,
                                                            GError              **error);

G_END_DECLS
