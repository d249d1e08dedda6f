/* convene-cli-link.c: `convene-cli link check URL`: whether a link answers,
 * where it leads, and its page's title. */
#include "config.h"

#include <glib/gi18n.h>

#include "convene-cli.h"
#include "sync/convene-link-check.h"
#include "sync/convene-http.h"

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

int
convene_cli_link (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("check URL"));
  g_autoptr(ConveneLinkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *url = NULL;
  int status;

  g_option_context_set_summary (context, _("Checks a link: its HTTP status, where it redirects, and the title of its page."));
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (argc != 3 || !g_str_equal (argv[1], "check"))
    {
      g_printerr (_("convene-cli link: use “link check URL”\n"));
      return CONVENE_CLI_USAGE;
    }
  url = convene_http_normalize_url (argv[2], &error);
  if (url == NULL)
    {
      g_printerr ("convene-cli link: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }

  convene_link_check_async (url, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = convene_link_check_finish (result, &error);
  if (report == NULL)
    {
      g_printerr ("convene-cli link: %s\n", error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  status_text = convene_link_report_dup_status (report);
  g_print (_("Status: %s\n"), status_text);
  if (report->n_redirects > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Leads to: %s (%u redirect)\n", "Leads to: %s (%u redirects)\n",
                          report->n_redirects),
             report->final_url, report->n_redirects);
  if (report->title != NULL)
    g_print (_("Title: %s\n"), report->title);
  return convene_link_report_is_ok (report) ? CONVENE_CLI_OK : CONVENE_CLI_BAD_INPUT;
}
