/* convene-subscription-list.h: the subscriptions of one database, live.
 *
 * One per store (convene_subscription_list_get_for_store()), shared by the
 * window's views: the subscriptions as a list model, each year's events as
 * a list model the schedule and the calendar show beside a plan's sessions,
 * subscribing, removing, and refreshing on demand and on a schedule.  Every
 * change reloads the models from the store and emits ::changed; a refresh
 * that fails emits ::refresh-failed with the words to show.  Requests run
 * under the list's cancellable: convene_subscription_list_cancel() ends
 * them all (the window does when it closes).
 */
#pragma once

#include "sync/convene-subscription-fetch.h"

G_BEGIN_DECLS

/* How often subscriptions are refreshed while the window is open. */
#define CONVENE_SUBSCRIPTION_REFRESH_SECONDS (60 * 60)

#define CONVENE_TYPE_SUBSCRIPTION_LIST (convene_subscription_list_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSubscriptionList, convene_subscription_list, CONVENE, SUBSCRIPTION_LIST, GObject)

ConveneSubscriptionList *convene_subscription_list_get_for_store (ConveneStore            *store);

GListModel  *convene_subscription_list_get_subscriptions (ConveneSubscriptionList *self);
GListModel  *convene_subscription_list_get_events        (ConveneSubscriptionList *self,
                                                          int                      year);
gboolean     convene_subscription_list_is_refreshing     (ConveneSubscriptionList *self);
void         convene_subscription_list_reload            (ConveneSubscriptionList *self);

void         convene_subscription_list_refresh_all       (ConveneSubscriptionList *self);
void         convene_subscription_list_start_schedule    (ConveneSubscriptionList *self,
                                                          guint                    interval_seconds);
void         convene_subscription_list_cancel            (ConveneSubscriptionList *self);

void         convene_subscription_list_subscribe_async   (ConveneSubscriptionList *self,
                                                          const char              *url,
                                                          const char              *name,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
ConveneSubscription *convene_subscription_list_subscribe_finish (ConveneSubscriptionList *self,
                                                                 GAsyncResult            *result,
                                                                 GError                 **error);
gboolean     convene_subscription_list_remove            (ConveneSubscriptionList *self,
                                                          gint64                   id,
                                                          GError                 **error);

G_END_DECLS
