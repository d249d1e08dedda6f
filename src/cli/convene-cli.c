/* convene-cli.c: the entry point of convene-cli; finds the command and the
 * global --database option, then hands over. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "convene-cli.h"
#include "i18n/convene-i18n.h"

static char *database_path;

static const ConveneCliCommand commands[] = {
  { "import", N_("Import plan documents, iCalendar files or JSON exports"), convene_cli_import },
  { "export", N_("Export plans as JSON, iCalendar, CSV or Markdown"), convene_cli_export },
  { "list", N_("List plans, sessions, actions or people"), convene_cli_list },
  { "check", N_("Check the database’s integrity and schema version"), convene_cli_check },
  { "when", N_("Resolve a meeting time such as “Tuesday 23rd at 7pm London time”"), convene_cli_when },
  { "announce", N_("Print a session’s invitation, in English or Spanish"), convene_cli_announce },
};

const char *
convene_cli_get_database_path (void)
{
  if (database_path == NULL)
    database_path = convene_store_dup_default_path ();
  return database_path;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: convene-cli [--database PATH] COMMAND [OPTION…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  /* Translators: PATH as in the usage line above */
  fprintf (stream, "  --database %s  %s\n", _("PATH"),
           _("The database to use (default: the application’s own, under the user data folder)"));
  fprintf (stream, "\n%s\n", _("“convene-cli COMMAND --help” describes a command."));
}

/* Takes --database PATH / --database=PATH out of @argv, wherever it is. */
static gboolean
take_database_option (int   *argc,
                      char **argv)
{
  int out = 0;

  for (int i = 0; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--database"))
        {
          if (i + 1 >= *argc)
            return FALSE;
          g_free (database_path);
          database_path = g_strdup (argv[++i]);
          continue;
        }
      if (g_str_has_prefix (argv[i], "--database="))
        {
          g_free (database_path);
          database_path = g_strdup (argv[i] + strlen ("--database="));
          continue;
        }
      argv[out++] = argv[i];
    }
  *argc = out;
  argv[out] = NULL;
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  if (!take_database_option (&argc, argv))
    {
      g_printerr ("%s\n", _("--database needs a path"));
      return CONVENE_CLI_USAGE;
    }
  if (argc < 2)
    {
      print_usage (stderr);
      return CONVENE_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return CONVENE_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("convene-cli %s\n", PACKAGE_VERSION);
      return CONVENE_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        status = commands[i].run (argc - 1, argv + 1);
        g_clear_pointer (&database_path, g_free);
        return status;
      }

  g_printerr (_("convene-cli: “%s” is not a command\n"), argv[1]);
  print_usage (stderr);
  return CONVENE_CLI_USAGE;
}
