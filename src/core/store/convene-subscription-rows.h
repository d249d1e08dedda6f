/* convene-subscription-rows.h: followed calendars and their events in the
 * database (tables subscriptions and subscription_events).
 *
 * Every write is one transaction: a subscription is added with its first
 * events, a refresh replaces the events whole together with the validators
 * and state that came with them, so a failure midway leaves the previous
 * copy as it was.  Fetching is sync/'s; this is only the rows.
 */
#pragma once

#include "store/convene-store.h"
#include "model/convene-subscription.h"

G_BEGIN_DECLS

GPtrArray           *convene_store_list_subscriptions        (ConveneStore         *store,
                                                              GError              **error);
ConveneSubscription *convene_store_load_subscription         (ConveneStore         *store,
                                                              gint64                id,
                                                              GError              **error);
gboolean             convene_store_add_subscription          (ConveneStore         *store,
                                                              ConveneSubscription  *subscription,
                                                              GPtrArray            *events,
                                                              GError              **error);
gboolean             convene_store_replace_subscription_events (ConveneStore       *store,
                                                              ConveneSubscription  *subscription,
                                                              GPtrArray            *events,
                                                              GError              **error);
gboolean             convene_store_save_subscription_state   (ConveneStore         *store,
                                                              ConveneSubscription  *subscription,
                                                              GError              **error);
gboolean             convene_store_remove_subscription       (ConveneStore         *store,
                                                              gint64                id,
                                                              GError              **error);
GPtrArray           *convene_store_list_subscription_events  (ConveneStore         *store,
                                                              int                   year,
                                                              GError              **error);

G_END_DECLS
