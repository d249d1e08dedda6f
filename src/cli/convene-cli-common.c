/* convene-cli-common.c: opening the store and option parsing for every
 * command (tables are convene-cli-table.c's). */
#include "config.h"

#include <glib/gi18n.h>

#include "convene-cli.h"
#include "model/convene-plan.h"

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

/* The plan named by --plan, or the only plan of the database. */
gboolean
convene_cli_find_plan (const char   *command,
                       ConveneStore *store,
                       const char   *text,
                       gint64       *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  if (text != NULL)
    {
      g_autoptr(GObject) object = NULL;

      if (!convene_cli_parse_id (text, plan))
        {
          g_printerr (_("convene-cli %s: “%s” is not a plan id\n"), command, text);
          return FALSE;
        }
      object = convene_store_load (store, CONVENE_TYPE_PLAN, *plan, &error);
      if (object == NULL)
        g_printerr ("convene-cli %s: %s\n", command, error->message);
      return object != NULL;
    }
  plans = convene_store_query (store, CONVENE_TYPE_PLAN, NULL, 0, &error);
  if (plans == NULL)
    {
      g_printerr ("convene-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  if (plans->len != 1)
    {
      g_printerr (_("convene-cli %s: the database holds %u plans; name one with --plan ID\n"),
                  command, plans->len);
      return FALSE;
    }
  *plan = convene_entity_get_id (g_ptr_array_index (plans, 0));
  return TRUE;
}
