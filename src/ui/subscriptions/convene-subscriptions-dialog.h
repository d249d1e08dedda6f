/* convene-subscriptions-dialog.h: the calendars subscribed to, added and
 * removed; and what the window wires to them (refresh, schedule, toasts). */
#pragma once

#include <adwaita.h>

#include "store/convene-store.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_SUBSCRIPTIONS_DIALOG (convene_subscriptions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ConveneSubscriptionsDialog, convene_subscriptions_dialog, CONVENE, SUBSCRIPTIONS_DIALOG, AdwDialog)

AdwDialog *convene_subscriptions_dialog_new (ConveneStore *store);

/* Starts the periodic refresh of @store's subscriptions for @window, and
 * shows a toast there (win.toast) when one fails. */
void       convene_subscriptions_watch      (GtkWidget    *window,
                                             ConveneStore *store);
/* Refreshes them all now (win.refresh-subscriptions). */
void       convene_subscriptions_refresh    (GtkWidget    *window,
                                             ConveneStore *store);
/* Ends the requests under way: the window is closing. */
void       convene_subscriptions_unwatch    (ConveneStore *store);

G_END_DECLS
