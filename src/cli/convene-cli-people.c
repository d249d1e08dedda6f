/* convene-cli-people.c: `convene-cli people import FILE` (a members'
 * roster) and `convene-cli attendance import --session ID FILE` (a
 * meeting tool's participant report). */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "convene-cli.h"
#include "insights/convene-attendance-import.h"
#include "insights/convene-roster-import.h"
#include "model/convene-session.h"
#include "store/convene-occurrence-rows.h"

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
                                  "region, timezone, languages, role (or a vCard file).  A person already known by email, "
                                  "else by name, is updated, not added again; nothing is written if the file "
                                  "cannot be read."));
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

typedef struct {
  gint64   session;
  gint64   occurrence;
  gboolean found;
} FindOccurrence;

static gboolean
find_occurrence_cb (const ConveneSessionRow *row,
                    gpointer                 user_data)
{
  FindOccurrence *f = user_data;

  f->found = row->in_series && row->id == f->session && row->occurrence == f->occurrence;
  return !f->found;
}

/* Whether @occurrence (its start as the rule gives it) is one of the
 * series @session's, through its plan's year. */
static gboolean
is_occurrence_of (ConveneStore  *store,
                  gint64         session,
                  GDateTime     *occurrence,
                  GError       **error)
{
  g_autoptr(ConveneSession) series = convene_store_load (store, CONVENE_TYPE_SESSION, session, error);
  FindOccurrence f = { session, g_date_time_to_unix (occurrence), FALSE };

  if (series == NULL ||
      !convene_occurrence_rows_foreach (store, convene_session_get_plan (series), NULL, NULL,
                                        find_occurrence_cb, &f, error))
    return FALSE;
  if (!f.found)
    g_set_error (error, CONVENE_STORE_ERROR, CONVENE_STORE_ERROR_NOT_FOUND,
                 _("the session %" PRId64 " has no occurrence starting at that instant; "
                   "name one as `convene-cli insights --json` does"), session);
  return f.found;
}

int
convene_cli_attendance (int    argc,
                        char **argv)
{
  g_autofree char *session_text = NULL;
  g_autofree char *occurrence_text = NULL;
  g_autoptr(GDateTime) occurrence = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "session", 's', 0, G_OPTION_ARG_STRING, &session_text, N_("The session the report is of"), N_("ID") },
    { "occurrence", 0, 0, G_OPTION_ARG_STRING, &occurrence_text,
      N_("For a series: the occurrence the report is of, by its start as the rule gives it (UTC)"),
      N_("YYYY-MM-DDTHH:MM:SSZ") },
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
  if (occurrence_text != NULL &&
      (occurrence = g_date_time_new_from_iso8601 (occurrence_text, NULL)) == NULL)
    {
      g_printerr (_("convene-cli attendance import: “%s” is not an instant such as 2021-03-16T19:00:00Z\n"),
                  occurrence_text);
      return CONVENE_CLI_USAGE;
    }
  if ((status = take_file ("attendance", argc, argv, &contents, &length)) >= 0)
    return status;
  store = convene_cli_open_store ();
  if (store == NULL)
    return CONVENE_CLI_BAD_INPUT;
  /* read first, write once: into the occurrence when one is named */
  if ((occurrence != NULL && !is_occurrence_of (store, session, occurrence, &error)) ||
      !convene_attendance_import (store, session, argv[2], contents, length, TRUE, &result, &error) ||
      (!dry_run && !convene_attendance_write (store, session, occurrence, result.people, NULL, 0, &error)))
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
