/* test-clock.c: the one "now" of Convene and its test override.
 *
 * CONVENE_NOW pins the clock for core, the command line and the window
 * alike: a member replaying a 2021 plan sees "next Tuesday" as they saw it
 * in 2021. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "time/convene-clock.h"

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static void
test_pinned (void)
{
  g_autoptr(GDateTime) expected = utc (2021, 2, 23, 18, 0);
  g_autoptr(GDateTime) now = NULL;

  g_setenv ("CONVENE_NOW", "2021-02-23T18:00:00Z", TRUE);
  now = convene_now ();
  g_assert_true (g_date_time_equal (now, expected));
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 0);
  g_unsetenv ("CONVENE_NOW");
}

static void
test_pinned_with_offset (void)
{
  g_autoptr(GDateTime) expected = utc (2021, 2, 23, 18, 0);
  g_autoptr(GDateTime) now = NULL;

  /* 19:00 in Paris is 18:00 UTC. */
  g_setenv ("CONVENE_NOW", "2021-02-23T19:00:00+01:00", TRUE);
  now = convene_now ();
  g_assert_true (g_date_time_equal (now, expected));
  g_unsetenv ("CONVENE_NOW");
}

/* A pin that says no instant leaves the real clock. */
static void
test_not_an_instant (void)
{
  static const char * const pins[] = { "2021-02-23T18:00:00", "yesterday", "", NULL };

  for (guint i = 0; pins[i] != NULL; i++)
    {
      g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) now = NULL;
      g_autoptr(GDateTime) after = NULL;

      g_setenv ("CONVENE_NOW", pins[i], TRUE);
      now = convene_now ();
      after = g_date_time_new_now_utc ();
      g_assert_cmpint (g_date_time_compare (before, now), <=, 0);
      g_assert_cmpint (g_date_time_compare (now, after), <=, 0);
    }
  g_unsetenv ("CONVENE_NOW");
}

static void
test_now_in_zone (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GDateTime) there = NULL;

  g_assert_nonnull (tokyo);
  g_setenv ("CONVENE_NOW", "2021-02-23T18:00:00Z", TRUE);
  there = convene_now_in (tokyo);
  expected = g_date_time_new (tokyo, 2021, 2, 24, 3, 0, 0);
  /* The same instant, on Tokyo's calendar: already the 24th there. */
  g_assert_true (g_date_time_equal (there, expected));
  g_assert_cmpint (g_date_time_get_day_of_month (there), ==,
                   g_date_time_get_day_of_month (expected));
  g_assert_cmpint (g_date_time_get_utc_offset (there), ==, g_date_time_get_utc_offset (expected));
  g_unsetenv ("CONVENE_NOW");
}

static void
test_local_zone (void)
{
  g_setenv ("TZ", "America/Mexico_City", TRUE);
  convene_local_zone_reset ();
  g_assert_cmpstr (convene_local_zone_id (), ==, "America/Mexico_City");

  g_setenv ("TZ", "Africa/Nairobi", TRUE);
  /* Read once: a change of TZ shows only after a reset. */
  g_assert_cmpstr (convene_local_zone_id (), ==, "America/Mexico_City");
  convene_local_zone_reset ();
  g_assert_cmpstr (convene_local_zone_id (), ==, "Africa/Nairobi");
}

/* The command line's "today" is the pinned one too. */
static void
test_cli_today (void)
{
  const char *cli = g_getenv ("CONVENE_CLI");
  const char *argv[] = { cli, "when", "Tuesday at 7pm London time", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) pinned = utc (2021, 2, 20, 12, 0);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) tuesday = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *expected = NULL;
  int status;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CONVENE_CLI does not name a built convene-cli");
      return;
    }
  /* Saturday 20 February 2021: the Tuesday after is the 23rd, 19:00 in
   * London, whatever day the machine thinks it is. */
  g_assert_cmpint (g_date_time_get_day_of_week (pinned), ==, G_DATE_SATURDAY);
  tuesday = g_date_time_new (london, 2021, 2, 23, 19, 0, 0);
  start = g_date_time_to_utc (tuesday);
  expected = g_date_time_format (start, "Start: %Y-%m-%dT%H:%M:%SZ\n");

  env = g_environ_setenv (g_steal_pointer (&env), "CONVENE_NOW", "2021-02-20T12:00:00Z", TRUE);
  env = g_environ_setenv (g_steal_pointer (&env), "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_str_has_prefix (out, expected));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/clock/pinned", test_pinned);
  g_test_add_func ("/time/clock/pinned-with-offset", test_pinned_with_offset);
  g_test_add_func ("/time/clock/not-an-instant", test_not_an_instant);
  g_test_add_func ("/time/clock/now-in-zone", test_now_in_zone);
  g_test_add_func ("/time/clock/local-zone", test_local_zone);
  g_test_add_func ("/time/clock/cli-today", test_cli_today);

  return g_test_run ();
}
