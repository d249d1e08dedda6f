/* convene-cli-subscribe.c: `convene-cli subscribe URL [--name NAME]` and
 * `convene-cli subscriptions [list|refresh [ID]|remove ID]`: calendars
 * followed read-only.  Each request runs on a main loop of its own until
 * it ends; Ctrl+C cancels it, and nothing of it is kept. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <inttypes.h>
#include <signal.h>

#include "convene-cli.h"
#include "sync/convene-subscription-fetch.h"
#include "sync/convene-http.h"
#include "time/convene-time-format.h"
#include "model/convene-values.h"

typedef struct {
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static gboolean
interrupt_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

/* Waits for the request started with @wait, Ctrl+C cancelling it. */
static void
wait_for (Wait         *wait,
          GCancellable *cancellable)
{
  guint source = g_unix_signal_add (SIGINT, interrupt_cb, cancellable);

  convene_http_wait (NULL, &wait->done);
  g_source_remove (source);
}

int
convene_cli_subscribe (int    argc,
                       char **argv)
{
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The name the calendar is shown by (else its own)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("URL"));
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ConveneSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  int status;

  g_option_context_set_summary (context, _("Subscribes to a published calendar (an https://, http:// or webcal:// address): its events are shown beside the plans’ own sessions, read-only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("convene-cli subscribe: give one calendar address\n"));
      return CONVENE_CLI_USAGE;
    }
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;

  convene_subscription_subscribe_async (store, argv[1], name, cancellable, done_cb, &wait);
  wait_for (&wait, cancellable);
  subscription = convene_subscription_subscribe_finish (wait.result, &error);
  g_object_unref (wait.result);
  if (subscription == NULL)
    {
      g_printerr ("convene-cli subscribe: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Subscribed to “%s” (subscription %" PRId64 "): %u event\n",
                        "Subscribed to “%s” (subscription %" PRId64 "): %u events\n",
                        convene_subscription_get_n_events (subscription)),
           convene_subscription_get_name (subscription), convene_subscription_get_id (subscription),
           convene_subscription_get_n_events (subscription));
  return CONVENE_CLI_OK;
}

/* The state column: "ok", "not refreshed yet", or "failed: why". */
static char *
describe_state (ConveneSubscription *subscription)
{
  switch (convene_subscription_get_state (subscription))
    {
    case CONVENE_SUBSCRIPTION_STATE_OK:
      return g_strdup (C_("subscription state", "ok"));
    case CONVENE_SUBSCRIPTION_STATE_FAILED:
      /* Translators: the state of a subscription whose last refresh failed, and why */
      return g_strdup_printf (C_("subscription state", "failed: %s"),
                              convene_subscription_get_error (subscription));
    case CONVENE_SUBSCRIPTION_STATE_NEW:
    default:
      return g_strdup (C_("subscription state", "not refreshed yet"));
    }
}

static int
list_subscriptions (ConveneStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) subscriptions = convene_store_list_subscriptions (store, &error);
  g_autoptr(ConveneCliTable) table = NULL;
  const char *headers[] = { _("ID"), _("NAME"), _("EVENTS"), _("CHECKED"), _("URL"), _("STATE") };

  if (subscriptions == NULL)
    {
      g_printerr ("convene-cli subscriptions: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  table = convene_cli_table_new (G_N_ELEMENTS (headers));
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    convene_cli_table_add (table, headers[i], -1);
  for (guint i = 0; i < subscriptions->len; i++)
    {
      ConveneSubscription *subscription = g_ptr_array_index (subscriptions, i);
      GDateTime *checked = convene_subscription_get_checked (subscription);
      g_autofree char *checked_text = checked != NULL ? convene_instant_to_string (checked) : NULL;
      g_autofree char *state = describe_state (subscription);

      convene_cli_table_add_int (table, convene_subscription_get_id (subscription));
      convene_cli_table_add (table, convene_subscription_get_name (subscription), -1);
      convene_cli_table_add_int (table, convene_subscription_get_n_events (subscription));
      convene_cli_table_add (table, checked_text, -1);
      convene_cli_table_add (table, convene_subscription_get_url (subscription), -1);
      convene_cli_table_add (table, state, -1);
    }
  convene_cli_table_print (table);
  return CONVENE_CLI_OK;
}

/* Refreshes one subscription, saying how it went; FALSE when it failed. */
static gboolean
refresh_one (ConveneStore *store,
             gint64        id,
             GCancellable *cancellable)
{
  g_autoptr(ConveneSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;
  Wait wait = { 0 };

  convene_subscription_refresh_async (store, id, cancellable, done_cb, &wait);
  wait_for (&wait, cancellable);
  subscription = convene_subscription_refresh_finish (wait.result, &changed, &error);
  g_object_unref (wait.result);
  if (subscription == NULL)
    {
      g_printerr (_("convene-cli subscriptions: subscription %" PRId64 " was not refreshed: %s\n"),
                  id, error->message);
      return FALSE;
    }
  if (changed)
    g_print (g_dngettext (GETTEXT_PACKAGE, "“%s”: %u event\n", "“%s”: %u events\n",
                          convene_subscription_get_n_events (subscription)),
             convene_subscription_get_name (subscription), convene_subscription_get_n_events (subscription));
  else
    g_print (_("“%s”: unchanged since the last refresh\n"), convene_subscription_get_name (subscription));
  return TRUE;
}

static int
refresh_subscriptions (ConveneStore *store,
                       gint64        only)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) subscriptions = convene_store_list_subscriptions (store, &error);
  gboolean all_ok = TRUE;

  if (subscriptions == NULL)
    {
      g_printerr ("convene-cli subscriptions: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  if (only > 0)
    return refresh_one (store, only, cancellable) ? CONVENE_CLI_OK : CONVENE_CLI_BAD_INPUT;
  for (guint i = 0; i < subscriptions->len && !g_cancellable_is_cancelled (cancellable); i++)
    all_ok &= refresh_one (store, convene_subscription_get_id (g_ptr_array_index (subscriptions, i)),
                           cancellable);
  return all_ok ? CONVENE_CLI_OK : CONVENE_CLI_BAD_INPUT;
}

int
convene_cli_subscriptions (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[list | refresh [ID] | remove ID]"));
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb;
  gint64 id = 0;
  int status;

  g_option_context_set_summary (context, _("Lists the calendars subscribed to, refreshes them now, or removes one with its events."));
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  verb = argc > 1 ? argv[1] : "list";
  if ((!g_str_equal (verb, "list") && !g_str_equal (verb, "refresh") && !g_str_equal (verb, "remove")) ||
      (g_str_equal (verb, "list") && argc > 2) || argc > 3 ||
      (g_str_equal (verb, "remove") && argc != 3) ||
      (argc == 3 && !convene_cli_parse_id (argv[2], &id)))
    {
      g_printerr (_("convene-cli subscriptions: use “list”, “refresh [ID]” or “remove ID”\n"));
      return CONVENE_CLI_USAGE;
    }
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;

  if (g_str_equal (verb, "list"))
    return list_subscriptions (store);
  if (g_str_equal (verb, "refresh"))
    return refresh_subscriptions (store, id);
  if (!convene_store_remove_subscription (store, id, &error))
    {
      g_printerr ("convene-cli subscriptions: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  g_print (_("Subscription %" PRId64 " removed, with its events\n"), id);
  return CONVENE_CLI_OK;
}
