/* convene-subscription-list.c: one database's subscriptions and their
 * events as list models, kept in step with every subscribe, refresh and
 * removal made through it.
 *
 * The list lives as long as its store (it is the store's object data) and
 * holds it weakly, so that neither keeps the other alive.  Refreshes run
 * one after another: a second "refresh all" while one runs is ignored.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sync/convene-subscription-list.h"
#include "time/convene-clock.h"
#include "model/convene-plan.h"

struct _ConveneSubscriptionList
{
  GObject       parent_instance;

  GWeakRef      store;
  GListStore   *subscriptions;  /* ConveneSubscription */
  GHashTable   *events;         /* year → GListStore of ConveneSession */
  GCancellable *cancellable;
  GPtrArray    *queue;          /* ConveneSubscription left to refresh */
  guint         schedule;       /* the timeout source of the periodic refresh */
  guint         interval;
};

enum {
  CHANGED,
  REFRESH_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConveneSubscriptionList, convene_subscription_list, G_TYPE_OBJECT)

static void
convene_subscription_list_dispose (GObject *object)
{
  ConveneSubscriptionList *self = CONVENE_SUBSCRIPTION_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->schedule, g_source_remove);
  g_clear_object (&self->subscriptions);
  g_clear_pointer (&self->events, g_hash_table_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  G_OBJECT_CLASS (convene_subscription_list_parent_class)->dispose (object);
}

static void
convene_subscription_list_finalize (GObject *object)
{
  ConveneSubscriptionList *self = CONVENE_SUBSCRIPTION_LIST (object);

  g_weak_ref_clear (&self->store);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (convene_subscription_list_parent_class)->finalize (object);
}

static void
convene_subscription_list_class_init (ConveneSubscriptionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = convene_subscription_list_dispose;
  object_class->finalize = convene_subscription_list_finalize;

  /**
   * ConveneSubscriptionList::changed:
   *
   * The subscriptions or their events were reloaded.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ConveneSubscriptionList::refresh-failed:
   * @subscription: the one that failed, in its failed state
   * @message: why, in words to show
   */
  signals[REFRESH_FAILED] = g_signal_new ("refresh-failed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          CONVENE_TYPE_SUBSCRIPTION, G_TYPE_STRING);
}

static void
convene_subscription_list_init (ConveneSubscriptionList *self)
{
  self->subscriptions = g_list_store_new (CONVENE_TYPE_SUBSCRIPTION);
  self->events = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/* Another program (convene-cli subscribe, say) changed the file: the store
 * says so with a RESET of every type; one of them is enough to reload. */
static void
on_store_changed_cb (ConveneSubscriptionList *self,
                     GType                    type,
                     gint64                   id,
                     guint                    change)
{
  if (change == CONVENE_STORE_CHANGE_RESET && type == CONVENE_TYPE_PLAN)
    convene_subscription_list_reload (self);
}

/**
 * convene_subscription_list_get_for_store:
 *
 * Returns: (transfer none): the subscription list of @store, made and
 *   loaded on first use
 */
ConveneSubscriptionList *
convene_subscription_list_get_for_store (ConveneStore *store)
{
  ConveneSubscriptionList *self;

  g_return_val_if_fail (CONVENE_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), "convene-subscription-list");
  if (self != NULL)
    return self;
  self = g_object_new (CONVENE_TYPE_SUBSCRIPTION_LIST, NULL);
  g_weak_ref_init (&self->store, store);
  g_object_set_data_full (G_OBJECT (store), "convene-subscription-list", self, g_object_unref);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  convene_subscription_list_reload (self);
  return self;
}

GListModel *
convene_subscription_list_get_subscriptions (ConveneSubscriptionList *self)
{
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self), NULL);
  return G_LIST_MODEL (self->subscriptions);
}

static void
load_events (ConveneSubscriptionList *self,
             ConveneStore            *store,
             int                      year,
             GListStore              *events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = convene_store_list_subscription_events (store, year, &error);

  if (found == NULL)
    {
      g_warning ("The subscriptions’ events could not be read: %s", error->message);
      return;
    }
  g_list_store_splice (events, 0, g_list_model_get_n_items (G_LIST_MODEL (events)),
                       found->pdata, found->len);
}

/**
 * convene_subscription_list_get_events:
 * @year: the year shown, or 0 for every year
 *
 * Returns: (transfer none): the events of every subscription in @year,
 *   as ConveneSession objects (see model/convene-subscription.h)
 */
GListModel *
convene_subscription_list_get_events (ConveneSubscriptionList *self,
                                      int                      year)
{
  GListStore *events;

  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self), NULL);

  events = g_hash_table_lookup (self->events, GINT_TO_POINTER (year));
  if (events == NULL)
    {
      g_autoptr(ConveneStore) store = g_weak_ref_get (&self->store);

      events = g_list_store_new (CONVENE_TYPE_SESSION);
      g_hash_table_insert (self->events, GINT_TO_POINTER (year), events);
      if (store != NULL)
        load_events (self, store, year, events);
    }
  return G_LIST_MODEL (events);
}

gboolean
convene_subscription_list_is_refreshing (ConveneSubscriptionList *self)
{
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self), FALSE);
  return self->queue != NULL;
}

void
convene_subscription_list_reload (ConveneSubscriptionList *self)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer year, events;

  g_return_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self));

  store = g_weak_ref_get (&self->store);
  if (store == NULL)
    return;
  found = convene_store_list_subscriptions (store, &error);
  if (found == NULL)
    g_warning ("The subscriptions could not be read: %s", error->message);
  else
    g_list_store_splice (self->subscriptions, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->subscriptions)),
                         found->pdata, found->len);
  g_hash_table_iter_init (&iter, self->events);
  while (g_hash_table_iter_next (&iter, &year, &events))
    load_events (self, store, GPOINTER_TO_INT (year), events);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void refresh_next (ConveneSubscriptionList *self);

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ConveneSubscriptionList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSubscription) done = convene_subscription_refresh_finish (result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->queue == NULL)
    {
      g_clear_pointer (&self->queue, g_ptr_array_unref);
      return;
    }
  if (done == NULL)
    {
      ConveneSubscription *failed = g_ptr_array_index (self->queue, 0);

      g_signal_emit (self, signals[REFRESH_FAILED], 0, failed, error->message);
    }
  g_ptr_array_remove_index (self->queue, 0);
  refresh_next (self);
}

static void
refresh_next (ConveneSubscriptionList *self)
{
  g_autoptr(ConveneStore) store = g_weak_ref_get (&self->store);

  if (store == NULL || self->queue->len == 0)
    {
      g_clear_pointer (&self->queue, g_ptr_array_unref);
      convene_subscription_list_reload (self);
      return;
    }
  convene_subscription_refresh_async (store,
                                      convene_subscription_get_id (g_ptr_array_index (self->queue, 0)),
                                      self->cancellable, refresh_cb, g_object_ref (self));
}

/* Refreshes the subscriptions last checked more than @max_age seconds ago
 * (all of them for 0), one after another. */
static void
refresh_older_than (ConveneSubscriptionList *self,
                    guint                    max_age)
{
  g_autoptr(GDateTime) now = convene_now ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->subscriptions));

  if (self->queue != NULL)
    return;
  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConveneSubscription) subscription = g_list_model_get_item (G_LIST_MODEL (self->subscriptions), i);
      GDateTime *checked = convene_subscription_get_checked (subscription);

      if (max_age == 0 || checked == NULL ||
          g_date_time_difference (now, checked) >= (GTimeSpan) max_age * G_TIME_SPAN_SECOND)
        g_ptr_array_add (self->queue, g_steal_pointer (&subscription));
    }
  refresh_next (self);
}

/* Refreshes every subscription now, one after another. */
void
convene_subscription_list_refresh_all (ConveneSubscriptionList *self)
{
  g_return_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self));
  refresh_older_than (self, 0);
}

static gboolean
schedule_cb (gpointer user_data)
{
  ConveneSubscriptionList *self = user_data;

  refresh_older_than (self, self->interval);
  return G_SOURCE_CONTINUE;
}

/**
 * convene_subscription_list_start_schedule:
 * @interval_seconds: how old a copy may get
 *
 * Refreshes now the subscriptions older than @interval_seconds, then looks
 * again every @interval_seconds.
 */
void
convene_subscription_list_start_schedule (ConveneSubscriptionList *self,
                                          guint                    interval_seconds)
{
  g_return_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self));
  g_return_if_fail (interval_seconds > 0);

  self->interval = interval_seconds;
  g_clear_handle_id (&self->schedule, g_source_remove);
  self->schedule = g_timeout_add_seconds (interval_seconds, schedule_cb, self);
  refresh_older_than (self, interval_seconds);
}

/* Ends every request under way; later ones run again. */
void
convene_subscription_list_cancel (ConveneSubscriptionList *self)
{
  g_return_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->schedule, g_source_remove);
}

static void
subscribe_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConveneSubscriptionList *self = g_task_get_source_object (task);
  GError *error = NULL;
  ConveneSubscription *subscription = convene_subscription_subscribe_finish (result, &error);

  if (subscription == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  convene_subscription_list_reload (self);
  g_task_return_pointer (task, subscription, g_object_unref);
}

void
convene_subscription_list_subscribe_async (ConveneSubscriptionList *self,
                                           const char              *url,
                                           const char              *name,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  g_autoptr(ConveneStore) store = NULL;
  GTask *task;

  g_return_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self));

  task = g_task_new (self, self->cancellable, callback, user_data);
  store = g_weak_ref_get (&self->store);
  if (store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, "The database is closed");
      g_object_unref (task);
      return;
    }
  convene_subscription_subscribe_async (store, url, name, self->cancellable, subscribe_cb, task);
}

/**
 * convene_subscription_list_subscribe_finish:
 *
 * Returns: (transfer full): the new subscription, or %NULL and nothing stored
 */
ConveneSubscription *
convene_subscription_list_subscribe_finish (ConveneSubscriptionList  *self,
                                            GAsyncResult             *result,
                                            GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
convene_subscription_list_remove (ConveneSubscriptionList  *self,
                                  gint64                    id,
                                  GError                  **error)
{
  g_autoptr(ConveneStore) store = NULL;

  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION_LIST (self), FALSE);

  store = g_weak_ref_get (&self->store);
  if (store == NULL || !convene_store_remove_subscription (store, id, error))
    return FALSE;
  convene_subscription_list_reload (self);
  return TRUE;
}
