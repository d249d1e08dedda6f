/* convene-subscription.c: a followed calendar's URL, name, cache validators
 * and the state of its last refresh.  Plain fields, no properties: the
 * store fills them and the views read them; a change is announced by the
 * subscription list (sync/convene-subscription-list.h), which reloads. */
#include "config.h"

#include "model/convene-subscription.h"

struct _ConveneSubscription
{
  GObject                   parent_instance;

  gint64                    id;
  char                     *url;
  char                     *name;
  char                     *etag;
  char                     *last_modified;
  ConveneSubscriptionState  state;
  char                     *error;
  GDateTime                *checked;
  guint                     n_events;
};

G_DEFINE_FINAL_TYPE (ConveneSubscription, convene_subscription, G_TYPE_OBJECT)

static const char * const state_names[] = { "new", "ok", "failed" };

static void
convene_subscription_finalize (GObject *object)
{
  ConveneSubscription *self = CONVENE_SUBSCRIPTION (object);

  g_free (self->url);
  g_free (self->name);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->error);
  g_clear_pointer (&self->checked, g_date_time_unref);
  G_OBJECT_CLASS (convene_subscription_parent_class)->finalize (object);
}

static void
convene_subscription_class_init (ConveneSubscriptionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = convene_subscription_finalize;
}

static void
convene_subscription_init (ConveneSubscription *self)
{
}

ConveneSubscription *
convene_subscription_new (void)
{
  return g_object_new (CONVENE_TYPE_SUBSCRIPTION, NULL);
}

#define STRING_FIELD(field)                                                   \
  const char *                                                                \
  convene_subscription_get_##field (ConveneSubscription *self)                \
  {                                                                           \
    g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (self), NULL);              \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  convene_subscription_set_##field (ConveneSubscription *self,                \
                                    const char          *value)               \
  {                                                                           \
    g_return_if_fail (CONVENE_IS_SUBSCRIPTION (self));                        \
    g_set_str (&self->field, value);                                          \
  }

STRING_FIELD (url)
STRING_FIELD (name)
STRING_FIELD (etag)
STRING_FIELD (last_modified)
STRING_FIELD (error)

#undef STRING_FIELD

gint64
convene_subscription_get_id (ConveneSubscription *self)
{
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (self), 0);
  return self->id;
}

void
convene_subscription_set_id (ConveneSubscription *self,
                             gint64               id)
{
  g_return_if_fail (CONVENE_IS_SUBSCRIPTION (self));
  self->id = id;
}

ConveneSubscriptionState
convene_subscription_get_state (ConveneSubscription *self)
{
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (self), CONVENE_SUBSCRIPTION_STATE_NEW);
  return self->state;
}

void
convene_subscription_set_state (ConveneSubscription      *self,
                                ConveneSubscriptionState  state)
{
  g_return_if_fail (CONVENE_IS_SUBSCRIPTION (self));
  self->state = state;
}

GDateTime *
convene_subscription_get_checked (ConveneSubscription *self)
{
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (self), NULL);
  return self->checked;
}

void
convene_subscription_set_checked (ConveneSubscription *self,
                                  GDateTime           *checked)
{
  g_return_if_fail (CONVENE_IS_SUBSCRIPTION (self));
  if (checked != NULL)
    g_date_time_ref (checked);
  g_clear_pointer (&self->checked, g_date_time_unref);
  self->checked = checked;
}

guint
convene_subscription_get_n_events (ConveneSubscription *self)
{
  g_return_val_if_fail (CONVENE_IS_SUBSCRIPTION (self), 0);
  return self->n_events;
}

void
convene_subscription_set_n_events (ConveneSubscription *self,
                                   guint                n_events)
{
  g_return_if_fail (CONVENE_IS_SUBSCRIPTION (self));
  self->n_events = n_events;
}

const char *
convene_subscription_state_to_string (ConveneSubscriptionState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_names), NULL);
  return state_names[state];
}

gboolean
convene_subscription_state_from_string (const char               *text,
                                        ConveneSubscriptionState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

ConveneSubscription *
convene_subscription_event_get_subscription (ConveneSession *session)
{
  g_return_val_if_fail (CONVENE_IS_SESSION (session), NULL);
  return g_object_get_data (G_OBJECT (session), "convene-subscription");
}

void
convene_subscription_event_set_subscription (ConveneSession      *session,
                                             ConveneSubscription *subscription)
{
  g_return_if_fail (CONVENE_IS_SESSION (session));
  g_object_set_data_full (G_OBJECT (session), "convene-subscription",
                          subscription != NULL ? g_object_ref (subscription) : NULL,
                          g_object_unref);
}
