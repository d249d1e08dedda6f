/* convene-cli-import.c: `convene-cli import`, files into the database, all
 * or nothing per file, with every warning on stderr. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "convene-cli.h"
#include "import/convene-import.h"
#include "time/convene-zone.h"

static gboolean
parse_on_existing (const char        *text,
                   ConveneOnExisting *out)
{
  if (text == NULL || g_str_equal (text, "fail"))
    *out = CONVENE_ON_EXISTING_FAIL;
  else if (g_str_equal (text, "replace"))
    *out = CONVENE_ON_EXISTING_REPLACE;
  else if (g_str_equal (text, "new"))
    *out = CONVENE_ON_EXISTING_NEW;
  else
    return FALSE;
  return TRUE;
}

static void
print_warnings (ConveneImportResult *result)
{
  for (guint i = 0; i < result->warnings->len; i++)
    {
      ConveneImportWarning *w = g_ptr_array_index (result->warnings, i);

      if (w->line > 0)
        /* Translators: file, line, message */
        g_printerr (_("%s:%u: warning: %s\n"), w->file, w->line, w->message);
      else
        g_printerr (_("%s: warning: %s\n"), w->file, w->message);
    }
}

static gboolean
import_one (ConveneStore                *store,
            const char                  *path,
            gboolean                     dry_run,
            ConveneOnExisting            on_existing,
            const ConveneImportOptions  *options)
{
  g_autoptr(ConveneImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  if (dry_run)
    {
      result = convene_import_file_full (path, NULL, on_existing, options, &error);
      if (result == NULL)
        {
          g_printerr ("convene-cli import: %s\n", error->message);
          return FALSE;
        }
      print_warnings (result);
      description = convene_import_result_describe (result);
      g_print (_("%s would create:\n%s"), path, description);
      return TRUE;
    }

  /* Written as it is read, in one transaction: a large calendar is never
   * held in memory whole. */
  result = convene_import_file_full (path, store, on_existing, options, &error);
  if (result == NULL)
    {
      g_printerr ("convene-cli import: %s\n", error->message);
      if (g_error_matches (error, CONVENE_IMPORT_ERROR, CONVENE_IMPORT_ERROR_EXISTS))
        g_printerr ("%s\n", _("Use --on-existing=replace to replace it, or --on-existing=new to keep both."));
      return FALSE;
    }
  print_warnings (result);
  description = convene_import_result_describe (result);
  g_print (_("%s imported:\n%s"), path, description);
  /* Reported as soon as it is committed, even when stdout is a pipe. */
  fflush (stdout);
  return TRUE;
}

int
convene_cli_import (int    argc,
                    char **argv)
{
  gboolean dry_run = FALSE;
  g_autofree char *on_existing_text = NULL;
  g_autofree char *zone_text = NULL;
  g_autofree char *zone = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      _("Show what would be created, and every warning, without writing anything"), NULL },
    { "on-existing", 0, 0, G_OPTION_ARG_STRING, &on_existing_text,
      _("When the plan is already in the database: fail (the default), replace, or new"), _("WHAT") },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &zone_text,
      _("Read a time that names no zone in this zone or city, when the document names no zone or "
        "place of its own (default: UTC)"), _("ZONE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE…"));
  g_autoptr(ConveneStore) store = NULL;
  ConveneOnExisting on_existing;
  gboolean ok = TRUE;
  int status;

  g_option_context_set_summary (context,
                                _("Imports action-plan documents (.md, .txt, .tsv), iCalendar files (.ics) "
                                  "or JSON exports. Each file is imported whole or not at all."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (!parse_on_existing (on_existing_text, &on_existing))
    {
      g_printerr (_("convene-cli import: --on-existing takes fail, replace or new, not “%s”\n"),
                  on_existing_text);
      return CONVENE_CLI_USAGE;
    }
  if (argc < 2)
    {
      g_printerr ("%s\n", _("convene-cli import: name at least one file"));
      return CONVENE_CLI_USAGE;
    }
  /* Refused before the database is opened: nothing is written. */
  if (zone_text != NULL &&
      ((zone = convene_zone_lookup (zone_text, NULL)) == NULL || !convene_timezone_is_valid (zone)))
    {
      g_printerr (_("convene-cli import: unknown time zone or city “%s”\n"), zone_text);
      return CONVENE_CLI_BAD_INPUT;
    }

  if (!dry_run)
    {
      store = convene_cli_open_store ();
      if (store == NULL)
        return CONVENE_CLI_BAD_INPUT;
    }
  for (int i = 1; i < argc; i++)
    ok &= import_one (store, argv[i], dry_run, on_existing, &(const ConveneImportOptions) { zone });
  return ok ? CONVENE_CLI_OK : CONVENE_CLI_BAD_INPUT;
}
