/* convene-cli-common.c: opening the store and option parsing for every
 * command (tables are convene-cli-table.c's). */
#include "config.h"

#include "convene-cli.h"

ConveneStore *
convene_cli_open_store (void)
{
  g_autoptr(GError) error = NULL;
  ConveneStore *store = convene_store_new (convene_cli_get_database_path (), &error);

  if (store == NULL)
    g_printerr ("convene-cli: %s\n", error->message);
  return store;
}

/**
 * convene_cli_parse:
 *
 * Returns: -1 to go on, or the exit code (after --help, or a usage error)
 */
int
convene_cli_parse (GOptionContext   *context,
                   int              *argc,
                   char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("convene-cli %s: %s\n", (*argv)[0], error->message);
      return CONVENE_CLI_USAGE;
    }
  return -1;
}

gboolean
convene_cli_parse_id (const char *text,
                      gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}
