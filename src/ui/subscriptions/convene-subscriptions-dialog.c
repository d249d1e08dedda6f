/* convene-subscriptions-dialog.c: adding, listing, refreshing and removing
 * the calendars subscribed to.
 *
 * The address is checked as it is typed (the same check the core makes);
 * subscribing runs in the background with a spinner, and what went wrong is
 * said under the fields.  Removing takes the subscription and its events
 * out at once and offers Undo, which puts back the same copy.
 */
#include "config.h"

#include "ui/subscriptions/convene-subscriptions-dialog.h"

#include <glib/gi18n.h>

#include "sync/convene-subscription-list.h"
#include "sync/convene-http.h"
#include "time/convene-time-format.h"

struct _ConveneSubscriptionsDialog
{
  AdwDialog        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *url_row;
  AdwEntryRow     *name_row;
  GtkLabel        *error_label;
  GtkWidget       *spinner;
  GtkWidget       *subscribe_button;
  GtkListBox      *list;

  ConveneStore    *store;
  ConveneSubscriptionList *subscriptions;
  gboolean         busy;
  /* The last removed subscription and its events, for Undo. */
  ConveneSubscription *removed;
  GPtrArray       *removed_events;
};

G_DEFINE_FINAL_TYPE (ConveneSubscriptionsDialog, convene_subscriptions_dialog, ADW_TYPE_DIALOG)

static void
show_error (ConveneSubscriptionsDialog *self,
            const char                 *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_url_changed_cb (ConveneSubscriptionsDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *url = convene_http_normalize_url (text, &error);
  gboolean empty = *text == '\0';

  /* Said only once something is typed: an empty field is no mistake. */
  show_error (self, url == NULL && !empty ? error->message : NULL);
  if (url == NULL && !empty)
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  gtk_widget_set_sensitive (self->subscribe_button, url != NULL && !self->busy);
}

static void
set_busy (ConveneSubscriptionsDialog *self,
          gboolean                    busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  on_url_changed_cb (self);
}

static void
subscribe_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ConveneSubscriptionsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription =
    convene_subscription_list_subscribe_finish (CONVENE_SUBSCRIPTION_LIST (source), result, &error);
  g_autofree char *message = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (subscription == NULL)
    {
      show_error (self, error->message);
      return;
    }
  n = convene_subscription_get_n_events (subscription);
  /* Translators: a toast after subscribing: the calendar's name and its events */
  message = g_strdup_printf (ngettext ("Subscribed to “%s”: %u event", "Subscribed to “%s”: %u events", n),
                             convene_subscription_get_name (subscription), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
}

static void
on_subscribe_cb (ConveneSubscriptionsDialog *self)
{
  if (self->busy || !gtk_widget_get_sensitive (self->subscribe_button))
    return;
  show_error (self, NULL);
  set_busy (self, TRUE);
  convene_subscription_list_subscribe_async (self->subscriptions,
                                             gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                             gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                             subscribe_cb, g_object_ref (self));
}

/* "12 events · checked 3 Dec, 14:05", or why the last refresh failed. */
static char *
describe (ConveneSubscription *subscription)
{
  GDateTime *checked = convene_subscription_get_checked (subscription);
  guint n = convene_subscription_get_n_events (subscription);
  g_autofree char *events = g_strdup_printf (ngettext ("%u event", "%u events", n), n);
  g_autoptr(GDateTime) local = checked != NULL ? g_date_time_to_local (checked) : NULL;
  /* Translators: when a subscription was last checked; see g_date_time_format() */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%-d %b, %H:%M")) : NULL;

  switch (convene_subscription_get_state (subscription))
    {
    case CONVENE_SUBSCRIPTION_STATE_FAILED:
      /* Translators: a subscription's state: its events, when, and why it failed */
      return g_strdup_printf (_("%s · refresh failed %s: %s"), events, when != NULL ? when : "",
                              convene_subscription_get_error (subscription));
    case CONVENE_SUBSCRIPTION_STATE_OK:
      /* Translators: a subscription's state: its events and when it was checked */
      return g_strdup_printf (_("%s · checked %s"), events, when != NULL ? when : "");
    case CONVENE_SUBSCRIPTION_STATE_NEW:
    default:
      return g_steal_pointer (&events);
    }
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ConveneSubscription *subscription = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = g_markup_escape_text (convene_subscription_get_name (subscription), -1);
  g_autofree char *subtitle = describe (subscription);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s", convene_subscription_get_url (subscription), subtitle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_tooltip_text (row, tooltip);
  if (convene_subscription_get_state (subscription) == CONVENE_SUBSCRIPTION_STATE_FAILED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Subscription"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "subscriptions.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", convene_subscription_get_id (subscription));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
show_empty (ConveneSubscriptionsDialog *self)
{
  GtkWidget *label = gtk_label_new (_("No calendars yet: add one above"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_list_box_set_placeholder (self->list, label);
}

static void
refresh_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ConveneSubscriptionsDialog *self = CONVENE_SUBSCRIPTIONS_DIALOG (widget);

  convene_subscription_list_refresh_all (self->subscriptions);
}

static void
undo_remove_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConveneSubscriptionsDialog *self = CONVENE_SUBSCRIPTIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->removed == NULL)
    return;
  if (!convene_store_add_subscription (self->store, self->removed, self->removed_events, &error))
    show_error (self, error->message);
  g_clear_object (&self->removed);
  g_clear_pointer (&self->removed_events, g_ptr_array_unref);
  convene_subscription_list_reload (self->subscriptions);
}

/* Keeps the subscription and its events for Undo, then removes them. */
static void
remove_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ConveneSubscriptionsDialog *self = CONVENE_SUBSCRIPTIONS_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) subscription = convene_store_load_subscription (self->store, id, &error);
  g_autoptr(GPtrArray) events = subscription != NULL ? convene_store_list_subscription_events (self->store, 0, &error)
                                                     : NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (events == NULL || !convene_subscription_list_remove (self->subscriptions, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = events->len; i > 0; i--)
    {
      ConveneSubscription *owner = convene_subscription_event_get_subscription (g_ptr_array_index (events, i - 1));

      if (owner == NULL || convene_subscription_get_id (owner) != id)
        g_ptr_array_remove_index (events, i - 1);
    }
  g_set_object (&self->removed, subscription);
  g_clear_pointer (&self->removed_events, g_ptr_array_unref);
  self->removed_events = g_steal_pointer (&events);

  /* Translators: a toast after removing a subscription */
  message = g_strdup_printf (_("“%s” removed"), convene_subscription_get_name (subscription));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "subscriptions.undo-remove");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
convene_subscriptions_dialog_dispose (GObject *object)
{
  ConveneSubscriptionsDialog *self = CONVENE_SUBSCRIPTIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONVENE_TYPE_SUBSCRIPTIONS_DIALOG);
  g_clear_object (&self->removed);
  g_clear_pointer (&self->removed_events, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (convene_subscriptions_dialog_parent_class)->dispose (object);
}

static void
convene_subscriptions_dialog_class_init (ConveneSubscriptionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = convene_subscriptions_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/convene/Convene/ui/subscriptions/convene-subscriptions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConveneSubscriptionsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConveneSubscriptionsDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSubscriptionsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ConveneSubscriptionsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConveneSubscriptionsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ConveneSubscriptionsDialog, subscribe_button);
  gtk_widget_class_bind_template_child (widget_class, ConveneSubscriptionsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subscribe_cb);

  gtk_widget_class_install_action (widget_class, "subscriptions.refresh", NULL, refresh_cb);
  gtk_widget_class_install_action (widget_class, "subscriptions.remove", "x", remove_cb);
  gtk_widget_class_install_action (widget_class, "subscriptions.undo-remove", NULL, undo_remove_cb);
}

static void
convene_subscriptions_dialog_init (ConveneSubscriptionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_empty (self);
}

AdwDialog *
convene_subscriptions_dialog_new (ConveneStore *store)
{
  ConveneSubscriptionsDialog *self;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  self = g_object_new (CONVENE_TYPE_SUBSCRIPTIONS_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->subscriptions = convene_subscription_list_get_for_store (store);
  gtk_list_box_bind_model (self->list, convene_subscription_list_get_subscriptions (self->subscriptions),
                           create_row_cb, self, NULL);
  return ADW_DIALOG (self);
}

/* The window's side */

static void
refresh_failed_cb (ConveneSubscriptionList *list,
                   ConveneSubscription     *subscription,
                   const char              *reason,
                   GtkWidget               *window)
{
  /* Translators: a toast when a subscribed calendar could not be refreshed */
  g_autofree char *message = g_strdup_printf (_("“%s” could not be refreshed: %s"),
                                              convene_subscription_get_name (subscription), reason);

  gtk_widget_activate_action (window, "win.toast", "s", message);
}

void
convene_subscriptions_watch (GtkWidget    *window,
                             ConveneStore *store)
{
  ConveneSubscriptionList *list;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (CONVENE_IS_STORE (store));

  list = convene_subscription_list_get_for_store (store);
  g_signal_connect_object (list, "refresh-failed", G_CALLBACK (refresh_failed_cb), window, 0);
  /* CONVENE_NO_REFRESH keeps tests and screenshots off the network. */
  if (g_getenv ("CONVENE_NO_REFRESH") == NULL)
    convene_subscription_list_start_schedule (list, CONVENE_SUBSCRIPTION_REFRESH_SECONDS);
}

void
convene_subscriptions_refresh (GtkWidget    *window,
                               ConveneStore *store)
{
  g_return_if_fail (CONVENE_IS_STORE (store));

  if (g_list_model_get_n_items (convene_subscription_list_get_subscriptions (
        convene_subscription_list_get_for_store (store))) == 0)
    {
      gtk_widget_activate_action (window, "win.toast", "s", _("There are no subscriptions to refresh"));
      return;
    }
  convene_subscription_list_refresh_all (convene_subscription_list_get_for_store (store));
  gtk_widget_activate_action (window, "win.toast", "s", _("Refreshing subscriptions…"));
}

void
convene_subscriptions_unwatch (ConveneStore *store)
{
  g_return_if_fail (CONVENE_IS_STORE (store));
  convene_subscription_list_cancel (convene_subscription_list_get_for_store (store));
}
