/* convene-subscription.h: another group's published calendar, followed
 * read-only.
 *
 * A subscription is its URL, the name it is shown by, what the server said
 * of the copy last fetched (its ETag and Last-Modified, for conditional
 * requests) and how the last refresh went.  Its events are ConveneSession
 * objects that belong to no plan: their ids are the negative of their rows'
 * (so they never meet a plan's session id), and each carries its
 * subscription (convene_subscription_event_get_subscription()).
 */
#pragma once

#include "model/convene-session.h"

G_BEGIN_DECLS

typedef enum {
  CONVENE_SUBSCRIPTION_STATE_NEW,     /* never refreshed */
  CONVENE_SUBSCRIPTION_STATE_OK,      /* the last refresh worked (or the copy was current) */
  CONVENE_SUBSCRIPTION_STATE_FAILED,  /* the last refresh failed: see the error */
} ConveneSubscriptionState;

#define CONVENE_TYPE_SUBSCRIPTION (convene_subscription_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSubscription, convene_subscription, CONVENE, SUBSCRIPTION, GObject)

ConveneSubscription      *convene_subscription_new               (void);

gint64                    convene_subscription_get_id            (ConveneSubscription *self);
void                      convene_subscription_set_id            (ConveneSubscription *self,
                                                                  gint64               id);
const char               *convene_subscription_get_url           (ConveneSubscription *self);
void                      convene_subscription_set_url           (ConveneSubscription *self,
                                                                  const char          *url);
const char               *convene_subscription_get_name          (ConveneSubscription *self);
void                      convene_subscription_set_name          (ConveneSubscription *self,
                                                                  const char          *name);
const char               *convene_subscription_get_etag          (ConveneSubscription *self);
void                      convene_subscription_set_etag          (ConveneSubscription *self,
                                                                  const char          *etag);
const char               *convene_subscription_get_last_modified (ConveneSubscription *self);
void                      convene_subscription_set_last_modified (ConveneSubscription *self,
                                                                  const char          *last_modified);
ConveneSubscriptionState  convene_subscription_get_state         (ConveneSubscription *self);
void                      convene_subscription_set_state         (ConveneSubscription *self,
                                                                  ConveneSubscriptionState state);
const char               *convene_subscription_get_error         (ConveneSubscription *self);
void                      convene_subscription_set_error         (ConveneSubscription *self,
                                                                  const char          *error);
GDateTime                *convene_subscription_get_checked       (ConveneSubscription *self);
void                      convene_subscription_set_checked       (ConveneSubscription *self,
                                                                  GDateTime           *checked);
guint                     convene_subscription_get_n_events      (ConveneSubscription *self);
void                      convene_subscription_set_n_events      (ConveneSubscription *self,
                                                                  guint                n_events);

const char               *convene_subscription_state_to_string   (ConveneSubscriptionState state);
gboolean                  convene_subscription_state_from_string (const char          *text,
                                                                  ConveneSubscriptionState *state);

/* The subscription a session came from, or NULL for a plan's own session. */
ConveneSubscription      *convene_subscription_event_get_subscription (ConveneSession *session);
void                      convene_subscription_event_set_subscription (ConveneSession      *session,
                                                                       ConveneSubscription *subscription);

G_END_DECLS
