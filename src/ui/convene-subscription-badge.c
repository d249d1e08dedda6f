/* convene-subscription-badge.c: a subscription's events among a plan's
 * sessions, for the schedule and the calendar alike. */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/convene-subscription-badge.h"
#include "sync/convene-subscription-list.h"

/**
 * convene_subscription_events_with:
 *
 * Returns: (transfer full): a model of @sessions, then the events, which
 *   follows both (a refresh reloads the events in place)
 */
GListModel *
convene_subscription_events_with (GListModel   *sessions,
                                  ConveneStore *store,
                                  int           year)
{
  ConveneSubscriptionList *list = convene_subscription_list_get_for_store (store);
  GListStore *both = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (both, sessions);
  g_list_store_append (both, convene_subscription_list_get_events (list, year));
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (both)));
}

void
convene_subscription_badge_update (GtkLabel       *badge,
                                   ConveneSession *session)
{
  ConveneSubscription *subscription = session != NULL ? convene_subscription_event_get_subscription (session)
                                                      : NULL;
  gboolean failed;

  gtk_widget_set_visible (GTK_WIDGET (badge), subscription != NULL);
  if (subscription == NULL)
    return;
  failed = convene_subscription_get_state (subscription) == CONVENE_SUBSCRIPTION_STATE_FAILED;
  if (failed)
    {
      /* Translators: a badge on a subscribed calendar's event when the
       * calendar could not be refreshed: its name, then that */
      g_autofree char *text = g_strdup_printf (_("%s · not refreshed"), convene_subscription_get_name (subscription));
      /* Translators: the tooltip of that badge, with the reason */
      g_autofree char *tooltip = g_strdup_printf (_("The last refresh failed: %s"),
                                                  convene_subscription_get_error (subscription));

      gtk_label_set_label (badge, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (badge), tooltip);
      gtk_widget_add_css_class (GTK_WIDGET (badge), "failed");
    }
  else
    {
      gtk_label_set_label (badge, convene_subscription_get_name (subscription));
      gtk_widget_set_tooltip_text (GTK_WIDGET (badge), _("From a calendar you subscribed to: read-only"));
      gtk_widget_remove_css_class (GTK_WIDGET (badge), "failed");
    }
}

char *
convene_subscription_event_describe (ConveneSession *session)
{
  ConveneSubscription *subscription = convene_subscription_event_get_subscription (session);

  g_return_val_if_fail (subscription != NULL, NULL);
  /* Translators: a toast when a subscribed calendar's event is opened */
  return g_strdup_printf (_("“%s” is from the subscribed calendar “%s”: it is read-only"),
                          convene_session_get_topic (session), convene_subscription_get_name (subscription));
}

void
convene_subscription_event_set_action (GtkActionable  *actionable,
                                       ConveneSession *session)
{
  if (convene_subscription_event_get_subscription (session) != NULL)
    {
      g_autofree char *message = convene_subscription_event_describe (session);

      gtk_actionable_set_action_name (actionable, "win.toast");
      gtk_actionable_set_action_target (actionable, "s", message);
      return;
    }
  gtk_actionable_set_action_name (actionable, "win.open-session");
  gtk_actionable_set_action_target (actionable, "x", convene_entity_get_id (CONVENE_ENTITY (session)));
}
