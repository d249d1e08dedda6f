/* convene-subscription-badge.h: what the schedule and the calendar share to
 * show a subscription's events beside a plan's own sessions: the model of
 * both together, the badge naming the subscription (and saying when its
 * last refresh failed), and the words for "this one is read-only". */
#pragma once

#include <gtk/gtk.h>

#include "store/convene-store.h"
#include "model/convene-subscription.h"

G_BEGIN_DECLS

/* @sessions followed by the subscriptions' events of @year (0: every year). */
GListModel *convene_subscription_events_with        (GListModel     *sessions,
                                                     ConveneStore   *store,
                                                     int             year);
/* Shows @badge (a GtkLabel) for @session's subscription, or hides it. */
void        convene_subscription_badge_update       (GtkLabel       *badge,
                                                     ConveneSession *session);
/* What activating a subscription's event says: it is read-only, and whose. */
char       *convene_subscription_event_describe     (ConveneSession *session);
/* Points @actionable at win.open-session for a plan's session, and at a
 * toast saying it is read-only for a subscription's event. */
void        convene_subscription_event_set_action   (GtkActionable  *actionable,
                                                     ConveneSession *session);

G_END_DECLS
