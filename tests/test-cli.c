/* test-cli.c: convene-cli as a script sees it: exit codes, messages that name
 * the file and the problem, and a database left untouched by bad input. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "convene-test-cli.h"
#include "convene-test-dir.h"

#include "store/convene-store.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  static const char * const env[] = { "TZ=America/New_York", NULL };
  va_list ap;
  int status;

  va_start (ap, first);
  status = convene_test_cli_run_va (f->db, env, out, err, first, ap);
  va_end (ap);
  return status;
}

static char *
export_all (Fixture *f)
{
  char *out = NULL;

  g_assert_cmpint (run_cli (f, &out, NULL, "export", "--format", "json", NULL), ==, 0);
  return out;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *every = g_test_build_filename (G_TEST_DIST, "fixtures", "every-state.json", NULL);

  if (g_getenv ("CONVENE_CLI") == NULL)
    {
      g_test_skip ("CONVENE_CLI is not set");
      return;
    }
  f->dir = convene_test_dir_new ("cli");
  f->db = g_build_filename (f->dir, "convene.db", NULL);
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", every, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dir != NULL)
    convene_test_dir_remove (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
expect_bad_file (Fixture    *f,
                 const char *name,
                 const char *contents,
                 const char *needle)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *before = export_all (f);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (run_cli (f, NULL, &err, "import", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, name));
  if (strstr (err, needle) == NULL)
    g_error ("expected “%s” in “%s”", needle, err);
  after = export_all (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_input_changes_nothing (Fixture *f, gconstpointer data)
{
  if (g_test_failed () || f->dir == NULL)
    return;
  /* A valid first plan does not get in when a later value is wrong. */
  expect_bad_file (f, "wrong-type.json",
                   "{\"plans\": [{\"id\": 1, \"title\": \"Kept out\"}, {\"id\": 2, \"title\": \"P\", \"year\": \"2021\"}]}",
                   "plans[1].year: expected a whole number");
  expect_bad_file (f, "unknown-enum.json",
                   "{\"plans\": [{\"id\": 1, \"title\": \"P\", \"status\": \"final\"}]}",
                   "“final” is not one of draft, approved");
  expect_bad_file (f, "dangling.json",
                   "{\"plans\": [{\"id\": 1, \"title\": \"P\", \"resources\": [{\"id\": 1, \"title\": \"R\", \"shared_by\": 42}]}], \"people\": []}",
                   "person 42");
  expect_bad_file (f, "truncated.json",
                   "{\"plans\": [{\"id\": 1, \"title\": \"P\", \"sessions\": [{\"id\": 1,",
                   "not complete JSON");
}

static void
test_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *commands[] = { "import", "export", "list", "check" };

  if (f->dir == NULL)
    return;
  g_assert_cmpint (run_cli (f, NULL, NULL, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, NULL, "export", "--format", "pdf", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, NULL, "list", "meetings", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "--on-existing=merge", "x.json", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, NULL, &err, "import", "/nonexistent/plan.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/plan.json"));
  g_assert_cmpint (run_cli (f, &out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "import"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *help = NULL;

      g_assert_cmpint (run_cli (f, &help, NULL, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (help, commands[i]));
    }
}

static void
test_list_sessions_in_two_zones (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;

  if (f->dir == NULL)
    return;
  g_assert_cmpint (run_cli (f, &out, NULL, "list", "sessions", "--plan", "1", NULL), ==, 0);
  /* 19:00 in London is 14:00 in New York, the zone of this user (TZ). */
  g_assert_nonnull (strstr (out, "2021-02-23 19:00 GMT"));
  g_assert_nonnull (strstr (out, "2021-02-23 14:00 EST"));
  g_assert_nonnull (strstr (out, "TBC"));
  g_assert_nonnull (strstr (out, "No meeting"));
  g_assert_null (strstr (out, "New open data work plan"));
}

static void
test_check_and_existing (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *plans = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *every = g_test_build_filename (G_TEST_DIST, "fixtures", "every-state.json", NULL);
  /* The version this Convene writes: it grows with each migration. */
  g_autofree char *version = g_strdup_printf ("Schema version: %d", CONVENE_STORE_SCHEMA_VERSION);

  if (f->dir == NULL)
    return;
  g_assert_cmpint (run_cli (f, &out, NULL, "check", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Integrity: ok"));
  g_assert_nonnull (strstr (out, version));

  /* The same plans again: refused, unless asked to replace. */
  g_assert_cmpint (run_cli (f, NULL, &err, "import", every, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already in the database"));
  g_assert_cmpint (run_cli (f, NULL, NULL, "import", "--on-existing=replace", every, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, &plans, NULL, "list", "plans", NULL), ==, 0);
  lines = g_strsplit (plans, "\n", -1);
  /* A header, two plans, and the final empty piece. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
}

/* The network's, the keyring's and PDF's commands run in convene-cli-extra,
 * which convene-cli hands them to: a user sees one program. */
static void
test_extra_commands (Fixture *f, gconstpointer data)
{
  const char *cli = g_getenv ("CONVENE_CLI");
  g_autofree char *out = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *installed = g_build_filename (LIBEXECDIR, "convene-cli-extra", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (f->dir == NULL)
    return;
  /* --database before the command and after it, as for every command. */
  g_assert_cmpint (run_cli (f, &out, NULL, "report", "--plan", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Action Plan 2021"));
  {
    const char *argv[] = { cli, "report", "--plan", "1", "--database", f->db, NULL };
    g_auto(GStrv) environment = g_environ_setenv (g_get_environ (), "LANGUAGE", "en", TRUE);
    int status = -1;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, environment, G_SPAWN_DEFAULT, NULL, NULL,
                                 &after, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_cmpstr (out, ==, after);
  /* Its exit status and messages are the command's own. */
  g_assert_cmpint (run_cli (f, NULL, &err, "report", "--format", "odt", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "“odt” is not a format"));
  g_clear_pointer (&err, g_free);

  /* Without convene-cli-extra, such a command says what is missing and
   * fails; the others still run. */
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_message ("%s is installed: not trying without it", installed);
      return;
    }
  alone = g_build_filename (f->dir, "convene-cli", NULL);
  g_assert_true (g_file_get_contents (cli, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (alone, contents, length, NULL));
  g_assert_cmpint (g_chmod (alone, 0755), ==, 0);
  g_setenv ("CONVENE_CLI", alone, TRUE);
  g_assert_cmpint (run_cli (f, NULL, &err, "link", "check", "http://127.0.0.1:9/", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "convene-cli-extra"));
  g_assert_nonnull (strstr (err, "“link”"));
  g_assert_nonnull (strstr (err, "could not be started"));
  g_assert_cmpint (run_cli (f, NULL, NULL, "check", NULL), ==, 0);
  g_setenv ("CONVENE_CLI", cli, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/import/bad-input-changes-nothing", test_bad_input_changes_nothing);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/list/sessions-in-two-zones", test_list_sessions_in_two_zones);
  ADD ("/cli/check-and-existing", test_check_and_existing);
  ADD ("/cli/extra-commands", test_extra_commands);
#undef ADD

  return g_test_run ();
}
