/* test-crash.c: convene-cli import killed with SIGKILL at random moments.
 * Afterwards the database passes its checks, every file reported as imported
 * is there, and no file is there in part. */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#define N_FILES 12
#define SESSIONS_PER_FILE 150
#define N_KILLS 15

/* One plan with many sessions: big enough that a kill lands mid-transaction. */
static char *
make_plan_json (guint n)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append_printf (json, "{\"plans\": [{\"id\": 1, \"title\": \"Crash plan %u\", \"sessions\": [", n);
  for (guint i = 1; i <= SESSIONS_PER_FILE; i++)
    g_string_append_printf (json,
                            "%s{\"id\": %u, \"topic\": \"Session %u of plan %u\", \"month\": \"2021-%02u\","
                            " \"start\": \"2021-%02u-10T14:00:00Z\", \"timezone\": \"Europe/London\"}",
                            i > 1 ? ", " : "", i, i, n, i % 12 + 1, i % 12 + 1);
  g_string_append (json, "]}], \"people\": []}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static int
run_sync (const char * const *argv,
          char              **out)
{
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static void
test_kill_during_import (void)
{
  const char *cli = g_getenv ("CONVENE_CLI");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint before = 0;

  if (cli == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return;
    }
  dir = g_dir_make_tmp ("convene-crash-XXXXXX", NULL);
  db = g_build_filename (dir, "convene.db", NULL);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *json = make_plan_json (i);
      char *path = g_strdup_printf ("%s/plan-%02u.json", dir, i);

      g_assert_true (g_file_set_contents (path, json, -1, NULL));
      g_ptr_array_add (files, path);
    }

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *reported = NULL;
      g_autofree char *listing = NULL;
      g_autofree char *check = NULL;
      GPid pid;
      int out_fd;
      int status;
      guint plans, complete_sessions;
      gsize length;

      g_ptr_array_add (argv, (gpointer) cli);
      g_ptr_array_add (argv, "--database");
      g_ptr_array_add (argv, db);
      g_ptr_array_add (argv, "import");
      g_ptr_array_add (argv, "--on-existing=new");
      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (argv, g_ptr_array_index (files, i));
      g_ptr_array_add (argv, NULL);

      g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 0, 400000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      {
        g_autoptr(GIOChannel) channel = g_io_channel_unix_new (out_fd);

        g_io_channel_set_close_on_unref (channel, TRUE);
        g_io_channel_read_to_end (channel, &reported, &length, NULL);
      }

      /* Killed before it made the database: nothing was saved, and
       * "check" rightly says there is no database to check. */
      if (!g_file_test (db, G_FILE_TEST_EXISTS))
        {
          g_assert_cmpuint (count_lines_with (reported != NULL ? reported : "", " imported:"), ==, 0);
          continue;
        }
      g_assert_cmpint (run_sync ((const char *[]) { cli, "--database", db, "check", NULL }, &check), ==, 0);
      g_assert_nonnull (strstr (check, "Integrity: ok"));
      g_assert_nonnull (strstr (check, "References: ok"));

      g_assert_cmpint (run_sync ((const char *[]) { cli, "--database", db, "list", "plans", NULL }, &listing), ==, 0);
      plans = count_lines_with (listing, "Crash plan");
      g_clear_pointer (&listing, g_free);
      g_assert_cmpint (run_sync ((const char *[]) { cli, "--database", db, "list", "sessions", NULL }, &listing), ==, 0);
      complete_sessions = count_lines_with (listing, "Session ");

      /* Nothing half-imported, and at least what was reported committed. */
      g_assert_cmpuint (complete_sessions, ==, plans * SESSIONS_PER_FILE);
      g_assert_cmpuint (plans, >=, before + count_lines_with (reported != NULL ? reported : "", " imported:"));
      g_assert_cmpuint (plans, <=, before + N_FILES);
      before = plans;
      if (g_test_verbose ())
        g_test_message ("round %u: %u plans after the kill", round, plans);
    }

  g_rand_free (rand);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-import", test_kill_during_import);
  return g_test_run ();
}
