/* convene-cli-people.c: `convene-cli people import FILE` (a members'
 * roster) and `convene-cli attendance import --session ID FILE` (a
 * meeting tool's participant report). */
#include "config.h"

#include <glib/gi18n.h>

#include "convene-cli.h"
#include "insights/convene-attendance-import.h"
#include "insights/convene-roster-import.h"

/* `COMMAND import [options] FILE`: checks the subcommand and the one file. */
static int
take_file (const char  *command,
           int          argc,
           char       **argv,
           char       **contents,
           gsize       *length)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2 || !g_str_equal (argv[1], "import"))
    {
      g_printerr (_("convene-cli %s: the only subcommand is “import FILE”\n"), command);
      return CONVENE_CLI_USAGE;
    }
  if (argc != 3)
    {
      g_printerr (_("convene-cli %s import: name one file\n"), command);
      return CONVENE_CLI_USAGE;
    }
  if (!g_file_get_contents (argv[2], contents, length, &error))
    {
      g_printerr ("convene-cli %s import: %s\n", command, error->message);
      return CONVENE_CLI_BAD_INPUT;
    }
  return -1;
}

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("warning: %s\n"), (char *) g_ptr_array_index (warnings, i));
}

int
convene_cli_people (int    argc,
                    char **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Read and check the roster, write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("import FILE"));
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ConveneRosterResult result = { 0 };
  gsize length;
  int status;

  g_option_context_set_summary (context,
                                _("Imports a roster of members: a CSV or TSV file whose header row names "
                                  "its columns, in any order: name, email, organisation, sector, country, "
                                  "region, timezone, languages, role (or a vCard file).  A person already known by name is "
                                  "updated, not added again; nothing is written if the file cannot be read."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if ((status = take_file ("people", argc, argv, &contents, &length)) >= 0)
    return status;
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  if (!convene_roster_import (store, argv[2], contents, length, dry_run, &result, &error))
    {
      print_warnings (result.warnings);
      g_printerr ("convene-cli people import: %s\n", error->message);
      convene_roster_result_clear (&result);
      return CONVENE_CLI_BAD_INPUT;
    }
  print_warnings (result.warnings);
  g_print (ngettext ("%u person added", "%u people added", result.created), result.created);
  g_print (", ");
  g_print (ngettext ("%u updated\n", "%u updated\n", result.updated), result.updated);
  convene_roster_result_clear (&result);
  return CONVENE_CLI_OK;
}

int
convene_cli_attendance (int    argc,
                        char **argv)
{
  g_autofree char *session_text = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "session", 's', 0, G_OPTION_ARG_STRING, &session_text, N_("The session the report is of"), N_("ID") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Read and match the report, write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("import FILE"));
  g_autoptr(ConveneStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ConveneAttendanceResult result = { 0 };
  gint64 session = 0;
  gsize length;
  int status;

  g_option_context_set_summary (context,
                                _("Marks the people of a meeting tool’s participant report (the CSV that "
                                  "Zoom, Jitsi or Google Meet exports) as attending the session, and lists "
                                  "the names that match no one."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = convene_cli_parse (context, &argc, &argv)) >= 0)
    return status;
  if (session_text == NULL || !convene_cli_parse_id (session_text, &session))
    {
      g_printerr ("%s\n", _("convene-cli attendance import: name the session with --session ID"));
      return CONVENE_CLI_USAGE;
    }
  if ((status = take_file ("attendance", argc, argv, &contents, &length)) >= 0)
    return status;
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  if (!convene_attendance_import (store, session, argv[2], contents, length, dry_run, &result, &error))
    {
      g_printerr ("convene-cli attendance import: %s\n", error->message);
      convene_attendance_result_clear (&result);
      return CONVENE_CLI_BAD_INPUT;
    }
  print_warnings (result.warnings);
  g_print (ngettext ("%u person attended\n", "%u people attended\n", result.people->len), result.people->len);
  for (guint i = 0; i < result.unmatched->len; i++)
    {
      ConveneUnmatchedParticipant *p = g_ptr_array_index (result.unmatched, i);

      g_print (_("not matched: %s%s%s%s (line %u)\n"), p->name, p->email != NULL ? " <" : "",
               p->email != NULL ? p->email : "", p->email != NULL ? ">" : "", p->line);
    }
  convene_attendance_result_clear (&result);
  return CONVENE_CLI_OK;
}
