/* convene-cli-check.c: `convene-cli check`, the database's health. */
#include "config.h"

#include <glib/gi18n.h>

#include "convene-cli.h"

int
convene_cli_check (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok = FALSE;
  int status;

  g_option_context_set_summary (context, _("Checks the database’s integrity and references, and reports its schema version."));
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    {
      g_printerr (_("convene-cli check: unexpected argument “%s”\n"), argv[1]);
      return CONVENE_CLI_USAGE;
    }

  /* Opening would make an empty database there, and it would be "ok". */
  if (!g_file_test (convene_cli_get_database_path (), G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("convene-cli check: there is no database at %s\n"), convene_cli_get_database_path ());
      return CONVENE_CLI_BAD_INPUT;
    }
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  report = convene_store_check (store, &ok, &error);
  if (report == NULL)
    {
      g_printerr ("convene-cli check: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  g_print ("%s", report);
  return ok ? CONVENE_CLI_OK : CONVENE_CLI_BAD_INPUT;
}
