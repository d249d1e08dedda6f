/* convene-cli-export.c: `convene-cli export`, a plan in another format. */
#include "config.h"

#include <glib/gi18n.h>

#include "convene-cli.h"
#include "export/convene-json-export.h"
#include "export/convene-ics-export.h"
#include "export/convene-csv-export.h"
#include "export/convene-markdown-export.h"

typedef char *(*ExportFunc) (ConveneStore *store, gint64 plan_id, GError **error);

typedef struct {
  const char *name;
  ExportFunc  export;
} ExportFormat;

static const ExportFormat formats[] = {
  { "json", convene_json_export },
  { "ics", convene_ics_export },
  { "csv", convene_csv_export_occurrences },
  { "md", convene_markdown_export },
};

static const ExportFormat *
find_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, name))
      return &formats[i];
  return NULL;
}

static char *
format_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", formats[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Long because it is the whole command: its options, their checks, and
 * where the text goes; each step is a few lines and reads in order. */
int
convene_cli_export (int    argc,
                    char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *plan_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *names = format_names ();
  g_autofree char *format_help = g_strdup_printf (_("The format: %s (default: json)"), names);
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, format_help, _("FORMAT") },
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan_text, _("Only the plan with this id"), _("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, _("Write to FILE instead of the standard output"), _("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const ExportFormat *format;
  gint64 plan_id = 0;
  int status;

  g_option_context_set_summary (context, _("Exports every plan, or one, with the people of the database."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;

  format = find_format (format_name != NULL ? format_name : "json");
  if (format == NULL)
    {
      g_printerr (_("convene-cli export: “%s” is not a format; use one of %s\n"), format_name, names);
      return CONVENE_CLI_USAGE;
    }
  if (plan_text != NULL && !convene_cli_parse_id (plan_text, &plan_id))
    {
      g_printerr (_("convene-cli export: “%s” is not a plan id\n"), plan_text);
      return CONVENE_CLI_USAGE;
    }
  if (argc > 1)
    {
      g_printerr (_("convene-cli export: unexpected argument “%s”\n"), argv[1]);
      return CONVENE_CLI_USAGE;
    }

  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  if (output != NULL && convene_cli_is_database_file (output))
    {
      g_printerr (_("convene-cli export: %s is the database or one of its files; write the export to another file\n"),
                  output);
      return CONVENE_CLI_BAD_INPUT;
    }
  text = format->export (store, plan_id, &error);
  if (text == NULL)
    {
      g_printerr ("convene-cli export: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }

  if (output == NULL)
    {
      g_print ("%s", text);
      return CONVENE_CLI_OK;
    }
  /* Written beside and renamed, so an interrupted export never leaves half a file. */
  if (!g_file_set_contents (output, text, -1, &error))
    {
      g_printerr ("convene-cli export: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  return CONVENE_CLI_OK;
}
