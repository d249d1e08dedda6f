/* convene-cli-announce.c: `convene-cli announce`, a session's invitation
 * in English or Spanish, ready to paste into an email. */
#include "config.h"

#include <glib/gi18n.h>

#include "export/convene-announce.h"
#include "convene-cli.h"
#include "i18n/convene-i18n.h"
#include "model/convene-session.h"

int
convene_cli_announce (int    argc,
                      char **argv)
{
  g_autofree char *session_text = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "session", 's', 0, G_OPTION_ARG_STRING, &session_text, N_("The session to announce"), N_("ID") },
    /* Translators: do not translate "en" and "es", the values the option takes */
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the invitation: en or es (default: the language Convene runs in)"),
      N_("LANGUAGE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(ConveneSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 session_id = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Prints the invitation to a session: its topic, lead, date, the time "
                                  "in the organiser’s zone and in the plan’s other zones, and the link "
                                  "to join."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;

  if (argc > 1)
    {
      g_printerr (_("convene-cli announce: unexpected argument “%s”\n"), argv[1]);
      return CONVENE_CLI_USAGE;
    }
  if (session_text == NULL)
    {
      g_printerr ("%s\n", _("convene-cli announce: name the session with --session ID"));
      return CONVENE_CLI_USAGE;
    }
  if (!convene_cli_parse_id (session_text, &session_id))
    {
      g_printerr (_("convene-cli announce: “%s” is not a session id\n"), session_text);
      return CONVENE_CLI_USAGE;
    }
  if (language != NULL && !convene_i18n_is_available (language))
    {
      g_printerr (_("convene-cli announce: Convene cannot write in “%s”; use en or es\n"), language);
      return CONVENE_CLI_USAGE;
    }

  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  session = convene_store_load (store, CONVENE_TYPE_SESSION, session_id, &error);
  if (session != NULL)
    text = convene_announcement_text (store, session, language, &error);
  if (text == NULL)
    {
      g_printerr ("convene-cli announce: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  g_print ("%s", text);
  return CONVENE_CLI_OK;
}
