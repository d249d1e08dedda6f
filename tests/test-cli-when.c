/* test-cli-when.c: `convene-cli when` as a script sees it: its JSON, its
 * text, its exit codes.  Runs the convene-cli that $CONVENE_CLI names. */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("CONVENE_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CONVENE_CLI does not name a built convene-cli");
      return NULL;
    }
  return cli;
}

/* Runs `convene-cli when ARGS...` with TZ set to @tz (the user's zone). */
static gboolean
run_when (Run        *run,
          const char *tz,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *cli = cli_path ();
  const char *arg;
  va_list ap;

  if (cli == NULL)
    return FALSE;

  g_ptr_array_add (args, (char *) cli);
  g_ptr_array_add (args, "when");
  va_start (ap, tz);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* English month names in the output, whatever the machine's locale. */
  env = g_environ_setenv (g_steal_pointer (&env), "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (g_steal_pointer (&env), "TZ", tz, TRUE);

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
  return TRUE;
}

static void
test_json_shape (void)
{
  g_auto(Run) run = { 0 };

  if (!run_when (&run, "UTC", "--date", "2022-03-15", "--in", "Singapore", "--json",
                 "13:00", "UTC", NULL))
    return;

  /* Byte for byte the shape scripts rely on. */
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "{\"start\": \"2022-03-15T13:00:00Z\", \"end\": null, \"timezone\": \"UTC\", "
                   "\"times\": [{\"zone\": \"Asia/Singapore\", \"local\": \"2022-03-15T21:00:00+08:00\"}], "
                   "\"warnings\": []}\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_json_warnings (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *times, *warnings;

  if (!run_when (&run, "UTC", "--date", "2021-06-01", "--in", "America/New_York", "--in", "Nairobi",
                 "--json", "Tuesday 27th at 7pm London time (2pm ET)", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "start"), ==, "2021-06-27T18:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (root, "timezone"), ==, "Europe/London");

  times = json_object_get_array_member (root, "times");
  g_assert_cmpuint (json_array_get_length (times), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (times, 0), "local"),
                   ==, "2021-06-27T14:00:00-04:00");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (times, 1), "zone"),
                   ==, "Africa/Nairobi");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (times, 1), "local"),
                   ==, "2021-06-27T21:00:00+03:00");

  warnings = json_object_get_array_member (root, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (warnings, 0), ==,
                   "27 June 2021 is a Sunday, not a Tuesday.");
}

static void
test_json_end (void)
{
  g_auto(Run) run = { 0 };

  if (!run_when (&run, "UTC", "--date", "2022-03-15", "--json", "--", "13:00", "-", "14:30",
                 "UTC", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"end\": \"2022-03-15T14:30:00Z\""));
}

static void
test_text (void)
{
  g_auto(Run) run = { 0 };

  if (!run_when (&run, "UTC", "--date", "2021-02-01", "--in", "New York,Nairobi",
                 "Tuesday 23rd at 7pm London time", "(2pm ET)", NULL))
    return;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2021-02-23T19:00:00Z"));
  g_assert_nonnull (strstr (run.out, "Europe/London (Tuesday 23 February 2021, 19:00 GMT)"));
  g_assert_nonnull (strstr (run.out, "America/New_York: Tuesday 23 February 2021, 14:00 EST"));
  g_assert_nonnull (strstr (run.out, "Africa/Nairobi: Tuesday 23 February 2021, 22:00 EAT"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_text_warnings (void)
{
  g_auto(Run) run = { 0 };

  if (!run_when (&run, "UTC", "--date", "2021-02-01", "7pm London time (3pm ET)", NULL))
    return;

  /* Resolved, so exit 0; the disagreement goes to stderr. */
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2021-02-01T19:00:00Z"));
  g_assert_nonnull (strstr (run.err, "14:00 ET, not 15:00 as written"));
}

static void
test_user_zone (void)
{
  g_auto(Run) run = { 0 };

  /* No zone in the text: the user's own, on the given day. */
  if (!run_when (&run, "Europe/London", "--date", "2021-07-01", "--json", "19:00", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"start\": \"2021-07-01T18:00:00Z\""));
  g_assert_nonnull (strstr (run.out, "\"timezone\": \"Europe/London\""));
}

static void
test_assumed_zone (void)
{
  g_auto(Run) own = { 0 };
  g_auto(Run) given = { 0 };
  g_auto(Run) unknown = { 0 };

  /* The user's own zone, and a warning that says it was assumed.  18:00 in
   * Kolkata (UTC+05:30) on 29 March 2024 is 12:30 UTC. */
  if (!run_when (&own, "Asia/Kolkata", "--date", "2024-03-29", "18:00", NULL))
    return;
  g_assert_cmpint (own.status, ==, 0);
  g_assert_nonnull (strstr (own.out, "2024-03-29T12:30:00Z"));
  g_assert_nonnull (strstr (own.err, "No time zone given; read as Asia/Kolkata."));

  /* --zone overrides it: 18:00 in Berlin (CET, UTC+1) is 17:00 UTC. */
  run_when (&given, "Asia/Kolkata", "--date", "2024-03-29", "--zone", "Europe/Berlin", "--json",
            "18:00", NULL);
  g_assert_cmpint (given.status, ==, 0);
  g_assert_nonnull (strstr (given.out, "\"start\": \"2024-03-29T17:00:00Z\""));
  g_assert_nonnull (strstr (given.out, "\"timezone\": \"Europe/Berlin\""));
  g_assert_nonnull (strstr (given.out, "No time zone given; read as Europe/Berlin."));

  run_when (&unknown, "UTC", "--zone", "Atlantis", "18:00", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "unknown time zone or city “Atlantis”"));
}

static void
test_iana_zone (void)
{
  g_auto(Run) berlin = { 0 };
  g_auto(Run) mars = { 0 };

  /* Issue 11: this answered 18:00 UTC without a word. */
  if (!run_when (&berlin, "UTC", "--date", "2024-03-29", "18:00 Europe/Berlin", NULL))
    return;
  g_assert_cmpint (berlin.status, ==, 0);
  g_assert_nonnull (strstr (berlin.out, "2024-03-29T17:00:00Z"));
  g_assert_cmpstr (berlin.err, ==, "");

  run_when (&mars, "UTC", "--date", "2024-03-29", "18:00 Mars/Olympus", NULL);
  g_assert_cmpint (mars.status, ==, 1);
  g_assert_cmpstr (mars.out, ==, "");
  g_assert_nonnull (strstr (mars.err, "“Mars/Olympus”"));
}

static void
test_past_year_9999 (void)
{
  g_auto(Run) run = { 0 };

  /* 23:00 UTC on the last day GDateTime holds is already the year 10000
   * in Kiritimati (UTC+14): a message, never "(null)" or a critical. */
  if (!run_when (&run, "UTC", "--date", "9999-12-31", "at 11pm UTC", "--in", "Pacific/Kiritimati", NULL))
    return;
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.out, "(null)"));
  g_assert_null (strstr (run.err, "CRITICAL"));
  g_assert_nonnull (strstr (run.err, "cannot be shown in Pacific/Kiritimati"));
}

static void
test_cannot_resolve (void)
{
  g_auto(Run) nothing = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) unknown_in = { 0 };
  g_auto(Run) no_day = { 0 };
  g_auto(Run) no_time = { 0 };

  if (!run_when (&nothing, "UTC", "No meeting", NULL))
    return;
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_cmpstr (nothing.out, ==, "");
  g_assert_nonnull (strstr (nothing.err, "No date, time or time zone found in “No meeting”"));

  run_when (&unknown, "UTC", "--json", "7pm Gotham time", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "unknown time zone or city “Gotham time”"));

  run_when (&unknown_in, "UTC", "--in", "Atlantis", "13:00 UTC", NULL);
  g_assert_cmpint (unknown_in.status, ==, 1);
  g_assert_nonnull (strstr (unknown_in.err, "unknown time zone or city “Atlantis”"));

  run_when (&no_day, "UTC", "--date", "2021-02-01", "Tuesday 30th at 5pm EAT", NULL);
  g_assert_cmpint (no_day.status, ==, 1);
  g_assert_nonnull (strstr (no_day.err, "“30th” is not a day of February 2021"));

  run_when (&no_time, "UTC", "4 March 2022", NULL);
  g_assert_cmpint (no_time.status, ==, 1);
  g_assert_nonnull (strstr (no_time.err, "gives no time of day"));
}

static void
test_usage (void)
{
  g_auto(Run) empty = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) bad_option = { 0 };

  if (!run_when (&empty, "UTC", NULL))
    return;
  g_assert_cmpint (empty.status, ==, 2);
  g_assert_nonnull (strstr (empty.err, "no expression"));

  run_when (&bad_date, "UTC", "--date", "2021-02-30", "13:00 UTC", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "“2021-02-30” is not a date"));

  run_when (&bad_option, "UTC", "--tomorrow", "13:00 UTC", NULL);
  g_assert_cmpint (bad_option.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/when/json-shape", test_json_shape);
  g_test_add_func ("/cli/when/json-warnings", test_json_warnings);
  g_test_add_func ("/cli/when/json-end", test_json_end);
  g_test_add_func ("/cli/when/text", test_text);
  g_test_add_func ("/cli/when/text-warnings", test_text_warnings);
  g_test_add_func ("/cli/when/user-zone", test_user_zone);
  g_test_add_func ("/cli/when/assumed-zone", test_assumed_zone);
  g_test_add_func ("/cli/when/iana-zone", test_iana_zone);
  g_test_add_func ("/cli/when/past-year-9999", test_past_year_9999);
  g_test_add_func ("/cli/when/cannot-resolve", test_cannot_resolve);
  g_test_add_func ("/cli/when/usage", test_usage);

  return g_test_run ();
}
