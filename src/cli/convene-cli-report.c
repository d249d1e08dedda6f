/* convene-cli-report.c: `convene-cli report`, a plan's year in review as
 * Markdown or PDF.  It needs cairo and Pango, so it is a command of
 * convene-cli-extra (see convene-cli.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "convene-cli.h"
#include "i18n/convene-i18n.h"
#include "insights/convene-year-report.h"

/* Writes @text to @path, or to the standard output without one. */
static gboolean
write_output (const char *path,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_print ("%s", text);
      return TRUE;
    }
  if (!g_file_set_contents (path, text, -1, &error))
    {
      g_printerr ("convene-cli report: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Long because each option is checked in turn with its own message before anything is opened,
 * as the other commands do. */
int
convene_cli_report (int    argc,
                    char **argv)
{
  g_autofree char *plan_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan_text, N_("The plan (default: the only one)"), N_("ID") },
    /* Translators: do not translate "md" and "pdf", the values the option takes */
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("md or pdf (default: md)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (a PDF needs one)"), N_("FILE") },
    /* Translators: do not translate "en" and "es", the values the option takes */
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the report: en or es (default: the language Convene runs in)"), N_("LANGUAGE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean pdf;
  gint64 plan = 0;
  int status;

  g_option_context_set_summary (context,
                                _("Writes a plan’s year in review: the sessions held, participation by "
                                  "sector and region, the government share over time, the night-time "
                                  "ledger, recordings and blog posts, and the actions’ status."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    {
      g_printerr (_("convene-cli %s: unexpected argument “%s”\n"), "report", argv[1]);
      return CONVENE_CLI_USAGE;
    }
  pdf = format != NULL && g_str_equal (format, "pdf");
  if (format != NULL && !pdf && !g_str_equal (format, "md"))
    {
      g_printerr (_("convene-cli report: “%s” is not a format; use md or pdf\n"), format);
      return CONVENE_CLI_USAGE;
    }
  if (pdf && output == NULL)
    {
      g_printerr ("%s\n", _("convene-cli report: a PDF needs a file: add -o FILE"));
      return CONVENE_CLI_USAGE;
    }
  if (language != NULL && !convene_i18n_is_available (language))
    {
      g_printerr (_("convene-cli report: Convene cannot write in “%s”; use en or es\n"), language);
      return CONVENE_CLI_USAGE;
    }
  if (output != NULL && convene_cli_is_database_file (output))
    {
      g_printerr (_("convene-cli report: “%s” is the database; choose another file\n"), output);
      return CONVENE_CLI_USAGE;
    }
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  if (!convene_cli_find_plan ("report", store, plan_text, &plan))
    return CONVENE_CLI_BAD_INPUT;
  if (pdf)
    {
      if (!convene_year_report_pdf (store, plan, language, output, &error))
        {
          g_printerr ("convene-cli report: %s\n", error->message);
          return CONVENE_CLI_BAD_INPUT;
        }
      return CONVENE_CLI_OK;
    }
  {
    g_autofree char *text = convene_year_report_markdown (store, plan, language, &error);

    if (text == NULL)
      {
        g_printerr ("convene-cli report: %s\n", error->message);
        return CONVENE_CLI_BAD_INPUT;
      }
    return write_output (output, text) ? CONVENE_CLI_OK : CONVENE_CLI_BAD_INPUT;
  }
}
