/* convene-cli-sync.c: `convene-cli account`, `sync`, `conflicts` and
 * `resolve`: CalDAV accounts, a plan kept in step with a calendar, and the
 * conflicts that wait for a choice.  The network work runs in core's
 * worker; this file waits for it on a main loop. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "convene-cli.h"
#include "store/convene-sync-rows.h"
#include "sync/convene-account.h"
#include "sync/convene-sync.h"

typedef struct {
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

/* The password is the first line of the standard input, never an
 * argument: arguments show in the process list and the shell's history. */
static char *
read_password (void)
{
  GString *line = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  if (line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  return g_string_free (line, FALSE);
}

/* Long for its checks: each bad input has its own message. */
static int
account_add (int    argc,
             char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The CalDAV server, or a calendar on it"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The user name on that server"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *id_text = NULL;
  Wait wait = { NULL };
  gint64 id;
  int status;

  g_option_context_set_summary (context,
                                _("Adds a CalDAV account.  The password is read from the standard "
                                  "input and kept in the keyring, never in the database."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (url == NULL || user == NULL)
    {
      g_printerr ("%s\n", _("convene-cli account add: give --url URL and --user NAME"));
      return CONVENE_CLI_USAGE;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_printerr (_("convene-cli account add: “%s” is not an http or https address\n"), url);
      return CONVENE_CLI_USAGE;
    }
  password = read_password ();
  if (password == NULL)
    {
      g_printerr ("%s\n", _("convene-cli account add: give the password on the standard input"));
      return CONVENE_CLI_BAD_INPUT;
    }

  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  id = convene_store_add_sync_account (store, url, user, &error);
  if (id == 0)
    {
      g_printerr ("convene-cli account add: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  convene_account_store_password_async (url, user, password, NULL, on_done_cb, &wait);
  memset (password, 0, strlen (password));
  if (!convene_account_store_password_finish (wait_for (&wait), &error))
    {
      g_object_unref (wait.result);
      /* An account without its password would only fail later. */
      convene_store_remove_sync_account (store, id, NULL);
      g_printerr (_("convene-cli account add: the password could not be kept in the keyring: %s\n"),
                  error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  g_object_unref (wait.result);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: the account's id, its user, its server */
  g_print (_("Account %s: %s at %s\n"), id_text, user, url);
  return CONVENE_CLI_OK;
}

static int
account_list (ConveneStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = convene_store_list_sync_accounts (store, &error);
  g_autoptr(ConveneCliTable) table = NULL;

  if (accounts == NULL)
    {
      g_printerr ("convene-cli account list: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  if (accounts->len == 0)
    {
      g_print ("%s\n", _("No accounts. Add one with “convene-cli account add --url URL --user NAME”."));
      return CONVENE_CLI_OK;
    }
  table = convene_cli_table_new (4);
  convene_cli_table_add (table, _("ID"), -1);
  convene_cli_table_add (table, _("USER"), -1);
  convene_cli_table_add (table, _("SERVER"), -1);
  convene_cli_table_add (table, _("CALENDAR"), -1);
  for (guint i = 0; i < accounts->len; i++)
    {
      ConveneSyncAccount *account = g_ptr_array_index (accounts, i);

      convene_cli_table_add_int (table, account->id);
      convene_cli_table_add (table, account->user, -1);
      convene_cli_table_add (table, account->url, -1);
      convene_cli_table_add (table, account->calendar_url != NULL ? account->calendar_url : "—", -1);
    }
  convene_cli_table_print (table);
  return CONVENE_CLI_OK;
}

static int
account_remove (ConveneStore *store,
                const char   *id_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneSyncAccount) account = NULL;
  Wait wait = { NULL };
  gint64 id;

  if (!convene_cli_parse_id (id_text, &id))
    {
      g_printerr (_("convene-cli account remove: “%s” is not an account id\n"), id_text);
      return CONVENE_CLI_USAGE;
    }
  account = convene_store_get_sync_account (store, id, &error);
  if (account == NULL || !convene_store_remove_sync_account (store, id, &error))
    {
      g_printerr ("convene-cli account remove: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  convene_account_clear_password_async (account->url, account->user, NULL, on_done_cb, &wait);
  if (!convene_account_clear_password_finish (wait_for (&wait), &error))
    g_printerr (_("convene-cli account remove: the account is removed, but its password could "
                  "not be taken from the keyring: %s\n"), error->message);
  g_object_unref (wait.result);
  g_print (_("Removed account %s.\n"), id_text);
  return CONVENE_CLI_OK;
}

int
convene_cli_account (int    argc,
                     char **argv)
{
  g_autoptr(ConveneStore) store = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return account_add (argc - 1, argv + 1);
  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      store = convene_cli_open_store ();
      return store != NULL ? account_list (store) : CONVENE_CLI_BAD_INPUT;
    }
  if (argc == 3 && g_str_equal (argv[1], "remove"))
    {
      store = convene_cli_open_store ();
      return store != NULL ? account_remove (store, argv[2]) : CONVENE_CLI_BAD_INPUT;
    }
  g_printerr ("%s\n", _("Usage: convene-cli account add --url URL --user NAME | list | remove ID"));
  return CONVENE_CLI_USAGE;
}

/* The account to sync with: the one given, or the only one there is. */
static gint64
choose_account (ConveneStore *store,
                const char   *id_text)
{
  g_autoptr(GPtrArray) accounts = NULL;
  gint64 id = 0;

  if (id_text != NULL)
    {
      if (!convene_cli_parse_id (id_text, &id))
        g_printerr (_("convene-cli sync: “%s” is not an account id\n"), id_text);
      return id;
    }
  accounts = convene_store_list_sync_accounts (store, NULL);
  if (accounts != NULL && accounts->len == 1)
    return ((ConveneSyncAccount *) g_ptr_array_index (accounts, 0))->id;
  if (accounts == NULL || accounts->len == 0)
    g_printerr ("%s\n", _("convene-cli sync: there is no account; add one with “convene-cli account add”"));
  else
    g_printerr ("%s\n", _("convene-cli sync: there are several accounts; name one with --account ID"));
  return 0;
}

/* Long for its options and its report. */
int
convene_cli_sync (int    argc,
                  char **argv)
{
  g_autofree char *plan_text = NULL;
  g_autofree char *account_text = NULL;
  g_autofree char *calendar = NULL;
  const GOptionEntry entries[] = {
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan_text, N_("The plan to publish and sync"), N_("ID") },
    { "account", 'a', 0, G_OPTION_ARG_STRING, &account_text,
      N_("The account (default: the only one)"), N_("ID") },
    { "calendar", 'c', 0, G_OPTION_ARG_STRING, &calendar,
      N_("The calendar to use from now on (default: the account’s, else the first one found)"),
      N_("URL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ConveneSyncReport report = { 0 };
  Wait wait = { NULL };
  gint64 plan_id = 0, account_id;
  gboolean ok;
  int status;

  g_option_context_set_summary (context,
                                _("Publishes a plan’s sessions and actions to a CalDAV calendar and "
                                  "takes back what changed there.  Exits with 3 while conflicts wait "
                                  "for a choice (see “convene-cli conflicts”)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (plan_text == NULL || !convene_cli_parse_id (plan_text, &plan_id))
    {
      g_printerr ("%s\n", _("convene-cli sync: name the plan with --plan ID"));
      return CONVENE_CLI_USAGE;
    }
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  account_id = choose_account (store, account_text);
  if (account_id == 0)
    return account_text != NULL ? CONVENE_CLI_USAGE : CONVENE_CLI_BAD_INPUT;

  convene_sync_run_async (store, account_id, plan_id, calendar, NULL, on_done_cb, &wait);
  ok = convene_sync_run_finish (wait_for (&wait), &report, &error);
  g_object_unref (wait.result);
  if (!ok)
    {
      g_printerr ("convene-cli sync: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  g_print (_("Published %u, deleted there %u, taken from there %u, deleted here %u; %u requests%s\n"),
           report.published, report.deleted_remote, report.pulled, report.deleted_local,
           report.requests, report.full ? _(" (every item compared)") : "");
  /* A warning, not a failure: they stay on the calendar as they are. */
  if (report.foreign != NULL)
    {
      guint n = g_strv_length (report.foreign);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "convene-cli sync: %u event on the calendar was not published by "
                               "Convene; it is left there and not added to the plan:\n",
                               "convene-cli sync: %u events on the calendar were not published by "
                               "Convene; they are left there and not added to the plan:\n", n), n);
      for (guint i = 0; i < n; i++)
        g_printerr ("  %s\n", report.foreign[i]);
    }
  /* Also a warning: the rest of the item was taken. */
  for (guint i = 0; report.warnings != NULL && report.warnings[i] != NULL; i++)
    g_printerr ("convene-cli sync: %s\n", report.warnings[i]);
  convene_sync_report_clear (&report);
  if (report.conflicts > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u conflict waits for a choice: see “convene-cli conflicts”\n",
                            "%u conflicts wait for a choice: see “convene-cli conflicts”\n",
                            report.conflicts),
               report.conflicts);
      return CONVENE_CLI_CONFLICTS;
    }
  return CONVENE_CLI_OK;
}

int
convene_cli_conflicts (int    argc,
                       char **argv)
{
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(ConveneCliTable) table = NULL;

  if (argc > 1)
    {
      g_printerr (_("convene-cli conflicts: unexpected argument “%s”\n"), argv[1]);
      return CONVENE_CLI_USAGE;
    }
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  conflicts = convene_store_list_sync_conflicts (store, 0, &error);
  if (conflicts == NULL)
    {
      g_printerr ("convene-cli conflicts: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  if (conflicts->len == 0)
    {
      g_print ("%s\n", _("No conflicts."));
      return CONVENE_CLI_OK;
    }
  table = convene_cli_table_new (5);
  convene_cli_table_add (table, _("ID"), -1);
  convene_cli_table_add (table, _("PLAN"), -1);
  convene_cli_table_add (table, _("ITEM"), -1);
  convene_cli_table_add (table, _("HERE"), -1);
  convene_cli_table_add (table, _("THERE"), -1);
  for (guint i = 0; i < conflicts->len; i++)
    {
      ConveneSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *here = convene_sync_describe_version (conflict->local, conflict->remote);
      g_autofree char *there = convene_sync_describe_version (conflict->remote, conflict->local);

      convene_cli_table_add_int (table, conflict->id);
      convene_cli_table_add_int (table, conflict->plan);
      convene_cli_table_add (table, conflict->uid, -1);
      convene_cli_table_add (table, here, -1);
      convene_cli_table_add (table, there, -1);
    }
  convene_cli_table_print (table);
  return CONVENE_CLI_CONFLICTS;
}

int
convene_cli_resolve (int    argc,
                     char **argv)
{
  g_autofree char *keep_text = NULL;
  const GOptionEntry entries[] = {
    /* Translators: do not translate local, remote and both, the values the option takes */
    { "keep", 'k', 0, G_OPTION_ARG_STRING, &keep_text,
      N_("Which version to keep: local, remote or both"), N_("WHICH") },
    { NULL }
  };
  static const char * const keeps[] = { "local", "remote", "both" };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  int keep = -1;
  int status;

  g_option_context_set_summary (context,
                                _("Settles a conflict: keeps this side’s version, the server’s, or "
                                  "both (this side’s as a copy).  The next sync tells the server."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  for (guint i = 0; keep_text != NULL && i < G_N_ELEMENTS (keeps); i++)
    if (g_str_equal (keep_text, keeps[i]))
      keep = i;
  if (argc != 2 || !convene_cli_parse_id (argv[1], &id) || keep < 0)
    {
      g_printerr ("%s\n", _("Usage: convene-cli resolve ID --keep local|remote|both"));
      return CONVENE_CLI_USAGE;
    }
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  if (!convene_sync_resolve (store, id, (ConveneSyncKeep) keep, &error))
    {
      g_printerr ("convene-cli resolve: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  g_print (_("Conflict %s settled; the next sync tells the server.\n"), argv[1]);
  return CONVENE_CLI_OK;
}
