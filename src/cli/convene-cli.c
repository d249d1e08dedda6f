/* convene-cli.c: the entry point of convene-cli; finds the command and the
 * global --database option, then hands over. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "convene-cli.h"
#include "i18n/convene-i18n.h"

static char *database_path;

/* What went wrong writing the standard output, if anything: a full disk,
 * a closed pipe or a closed descriptor must not end in exit status 0. */
static gboolean stdout_closed;
static int      stdout_errno;

/* The commands that need libsoup, libsecret or cairo (the network, the
 * keyring, PDF) are built into a second executable, convene-cli-extra,
 * installed in libexecdir; convene-cli hands them over to it.  Every other command then starts without loading those
 * libraries and the forty they bring, most of a short command's time. */
#ifdef CONVENE_CLI_EXTRA
#define EXTRA(run) run
#else
#define EXTRA(run) NULL
#endif

static const ConveneCliCommand commands[] = {
  { "import", N_("Import plan documents, iCalendar files or JSON exports"), convene_cli_import },
  { "export", N_("Export plans as JSON, iCalendar, CSV or Markdown"), convene_cli_export },
  { "list", N_("List plans, sessions, actions or people"), convene_cli_list },
  { "check", N_("Check the database’s integrity and schema version"), convene_cli_check },
  { "when", N_("Resolve a meeting time such as “Tuesday 23rd at 7pm London time”"), convene_cli_when },
  { "announce", N_("Print a session’s invitation, in English or Spanish"), convene_cli_announce },
  { "subscribe", N_("Subscribe to a published calendar, shown read-only"), EXTRA (convene_cli_subscribe) },
  { "subscriptions", N_("List, refresh or remove calendars subscribed to"), EXTRA (convene_cli_subscriptions) },
  { "link", N_("Check a link: its status, redirects and page title"), EXTRA (convene_cli_link) },
  { "insights", N_("Print the night-time ledger and the attendance of a plan"), convene_cli_insights },
  { "planner", N_("Print every member’s local hour for each start across a day"), convene_cli_planner },
  { "rotate", N_("Propose slots for a plan’s sessions to take in turn"), convene_cli_rotate },
  { "people", N_("Import a roster of members"), convene_cli_people },
  { "attendance", N_("Import a meeting tool’s participant report into a session"), convene_cli_attendance },
  { "report", N_("Write a plan’s year in review as Markdown or PDF"), EXTRA (convene_cli_report) },
  { "account", N_("Add, list or remove CalDAV accounts"), EXTRA (convene_cli_account) },
  { "sync", N_("Publish a plan to a CalDAV calendar and take back its changes"), EXTRA (convene_cli_sync) },
  { "conflicts", N_("List the items changed on both sides that wait for a choice"), EXTRA (convene_cli_conflicts) },
  { "resolve", N_("Settle a conflict: keep local, remote or both"), EXTRA (convene_cli_resolve) },
};

const char *
convene_cli_get_database_path (void)
{
  if (database_path == NULL)
    database_path = convene_store_dup_default_path ();
  return database_path;
}

/**
 * convene_cli_write:
 * @text: what to print
 * @length: its length in bytes
 *
 * Writes to the standard output and notes the first failure, so that a
 * full disk, a closed pipe or a closed descriptor is reported at the end
 * (a buffered write fails when the buffer is flushed, inside fwrite).
 */
void
convene_cli_write (const char *text,
                   gsize       length)
{
  if (fwrite (text, 1, length, stdout) < length && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
}

/* Every g_print() of every command comes here. */
static void
print_cb (const char *text)
{
  convene_cli_write (text, strlen (text));
}

/* A closed standard output would hand descriptor 1 to the next file opened
 * (an import's input, say): /dev/null takes its place, opened for reading
 * only, so that every write still fails and is reported. */
static void
guard_stdout (void)
{
  if (fcntl (STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF)
    {
      int fd = open ("/dev/null", O_RDONLY);

      stdout_closed = TRUE;
      if (fd >= 0 && fd != STDOUT_FILENO)
        {
          dup2 (fd, STDOUT_FILENO);
          close (fd);
        }
    }
  g_set_print_handler (print_cb);
}

/* The command's status, unless its output could not be written. */
static int
finish_output (int status)
{
  if ((fflush (stdout) != 0 || ferror (stdout)) && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
  if (stdout_errno == 0)
    return status;
  g_printerr (_("convene-cli: the output could not be written: %s\n"),
              stdout_closed ? _("the standard output is closed") : g_strerror (stdout_errno));
  return status == CONVENE_CLI_OK ? CONVENE_CLI_BAD_INPUT : status;
}

/* SQLite reads "" and ":memory:" as a database that vanishes on exit; an
 * import there would "succeed" and keep nothing. */
static gboolean
is_database_path (const char *path)
{
  return path != NULL && *path != '\0' && !g_str_equal (path, ":memory:");
}

/**
 * convene_cli_is_database_file:
 * @path: a file a command is about to write
 *
 * Whether @path is the database or one of SQLite's files beside it
 * (-wal, -shm, -journal), under whatever name, link or hard link.
 */
gboolean
convene_cli_is_database_file (const char *path)
{
  const char *db = convene_cli_get_database_path ();
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  GStatBuf target;

  if (g_stat (path, &target) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (name, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino)
        return TRUE;
    }
  return FALSE;
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

/* Where convene-cli-extra is: beside this program in a build folder, else
 * where it is installed. */
static char *
find_extra (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (folder, "convene-cli-extra", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (LIBEXECDIR, "convene-cli-extra", NULL);
}

/* Runs @argv (the command and its arguments) in convene-cli-extra, in this
 * process, with the --database this one was given. */
static int
hand_over (char **argv)
{
  g_autofree char *extra = find_extra ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int saved;

  g_ptr_array_add (args, extra);
  if (database_path != NULL)
    {
      g_ptr_array_add (args, (char *) "--database");
      g_ptr_array_add (args, database_path);
    }
  for (char **arg = argv; *arg != NULL; arg++)
    g_ptr_array_add (args, *arg);
  g_ptr_array_add (args, NULL);
  execv (extra, (char **) args->pdata);
  saved = errno;
  g_printerr (_("convene-cli: %s, which runs “%s”, could not be started: %s\n"),
              extra, argv[0], g_strerror (saved));
  return CONVENE_CLI_BAD_INPUT;
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
  if (database_path != NULL && !is_database_path (database_path))
    {
      g_printerr (_("convene-cli: “%s” is not a file; --database needs the path of a file\n"),
                  database_path);
      return CONVENE_CLI_USAGE;
    }
  if (argc < 2)
    {
      print_usage (stderr);
      return CONVENE_CLI_USAGE;
    }
  /* Before the standard output is guarded, so that the other program finds
   * it as it was given. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name) && commands[i].run == NULL)
      return hand_over (argv + 1);
  guard_stdout ();

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return finish_output (CONVENE_CLI_OK);
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("convene-cli %s\n", PACKAGE_VERSION);
      return finish_output (CONVENE_CLI_OK);
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        status = commands[i].run (argc - 1, argv + 1);
        g_clear_pointer (&database_path, g_free);
        return finish_output (status);
      }

  g_printerr (_("convene-cli: “%s” is not a command\n"), argv[1]);
  print_usage (stderr);
  return CONVENE_CLI_USAGE;
}
