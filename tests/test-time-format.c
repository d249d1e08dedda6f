/* test-time-format.c: an instant written for people in several zones, as
 * the window, the command line and the exporters write it; across a change
 * of summer time.  Expected clocks come from the tz database (GTimeZone). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "time/convene-clock.h"
#include "time/convene-time-format.h"

/* "19:00" for @instant in @zone, from GTimeZone. */
static char *
clock_in (GDateTime  *instant,
          const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) there = NULL;

  g_assert_nonnull (tz);
  there = g_date_time_to_timezone (instant, tz);
  return g_strdup_printf ("%02d:%02d", g_date_time_get_hour (there),
                          g_date_time_get_minute (there));
}

/* The days @zone's calendar is ahead of @from's at @instant. */
static int
day_shift (GDateTime  *instant,
           const char *from,
           const char *zone)
{
  g_autoptr(GTimeZone) a = g_time_zone_new_identifier (from);
  g_autoptr(GTimeZone) b = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) da = g_date_time_to_timezone (instant, a);
  g_autoptr(GDateTime) db = g_date_time_to_timezone (instant, b);
  g_autoptr(GDate) ga = g_date_new_dmy (g_date_time_get_day_of_month (da),
                                        g_date_time_get_month (da), g_date_time_get_year (da));
  g_autoptr(GDate) gb = g_date_new_dmy (g_date_time_get_day_of_month (db),
                                        g_date_time_get_month (db), g_date_time_get_year (db));

  return g_date_days_between (ga, gb);
}

static void
set_local_zone (const char *zone)
{
  g_setenv ("TZ", zone, TRUE);
  convene_local_zone_reset ();
}

static void
test_clock (void)
{
  /* London changed to summer time at 01:00 UTC on 28 March 2021. */
  g_autoptr(GDateTime) before = g_date_time_new_utc (2021, 3, 28, 0, 30, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2021, 3, 28, 1, 30, 0);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) b = g_date_time_to_timezone (before, london);
  g_autoptr(GDateTime) a = g_date_time_to_timezone (after, london);
  g_autofree char *bt = convene_format_clock (b);
  g_autofree char *at = convene_format_clock (a);
  g_autofree char *be = clock_in (before, "Europe/London");
  g_autofree char *ae = clock_in (after, "Europe/London");

  g_assert_cmpstr (bt, ==, be);
  g_assert_cmpstr (at, ==, ae);
  /* An hour of UTC apart, two hours apart on London's clocks. */
  g_assert_cmpstr (bt, !=, at);
}

static void
test_zone_label (void)
{
  g_autofree char *london = convene_zone_label ("Europe/London");
  g_autofree char *mexico = convene_zone_label ("America/Mexico_City");
  g_autofree char *offset = convene_zone_label ("-06:00");
  g_autofree char *utc = convene_zone_label ("UTC");
  g_autofree char *none = convene_zone_label (NULL);

  g_assert_cmpstr (london, ==, "London");
  g_assert_cmpstr (mexico, ==, "Mexico City");
  g_assert_cmpstr (offset, ==, "UTC−6");
  g_assert_cmpstr (utc, ==, "UTC");
  g_assert_cmpstr (none, ==, "your time");
}

/* "19:00 London · 13:00 Mexico City · 04:00 Tokyo (+1)" */
static void
test_in_zones (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2021, 2, 23, 19, 0, 0);
  const char * const extra[] = { "America/Mexico_City", "Asia/Tokyo", "Europe/London", NULL };
  g_autofree char *london = clock_in (start, "Europe/London");
  g_autofree char *mexico = clock_in (start, "America/Mexico_City");
  g_autofree char *tokyo = clock_in (start, "Asia/Tokyo");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  set_local_zone ("Europe/London");
  g_assert_cmpint (day_shift (start, "Europe/London", "Asia/Tokyo"), ==, 1);
  expected = g_strdup_printf ("%s London · %s Mexico City · %s Tokyo (+1)", london, mexico, tokyo);
  /* London is the organiser's and the user's: written once. */
  text = convene_format_in_zones (start, "Europe/London", extra, FALSE);
  g_assert_cmpstr (text, ==, expected);
}

/* The user's own time in bold, and a day back for a zone behind. */
static void
test_in_zones_markup (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2021, 2, 24, 2, 0, 0);
  g_autofree char *nairobi = clock_in (start, "Africa/Nairobi");
  g_autofree char *mexico = clock_in (start, "America/Mexico_City");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  set_local_zone ("America/Mexico_City");
  g_assert_cmpint (day_shift (start, "Africa/Nairobi", "America/Mexico_City"), ==, -1);
  expected = g_strdup_printf ("%s Nairobi · <b>%s Mexico City (-1)</b>", nairobi, mexico);
  text = convene_format_in_zones (start, "Africa/Nairobi", NULL, TRUE);
  g_assert_cmpstr (text, ==, expected);
}

/* Across the change: in the week between the American and the European
 * changes of 2021, London is four hours ahead of New York, not five. */
static void
test_in_zones_across_dst (void)
{
  g_autoptr(GDateTime) winter = g_date_time_new_utc (2021, 3, 9, 19, 0, 0);
  g_autoptr(GDateTime) between = g_date_time_new_utc (2021, 3, 16, 19, 0, 0);
  g_autoptr(GDateTime) summer = g_date_time_new_utc (2021, 3, 30, 18, 0, 0);
  GDateTime *instants[] = { winter, between, summer };
  const char * const extra[] = { "America/New_York", NULL };

  set_local_zone ("Europe/London");
  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    {
      g_autofree char *london = clock_in (instants[i], "Europe/London");
      g_autofree char *new_york = clock_in (instants[i], "America/New_York");
      g_autofree char *expected = g_strdup_printf ("%s London · %s New York", london, new_york);
      g_autofree char *text = convene_format_in_zones (instants[i], "Europe/London", extra, FALSE);

      g_assert_cmpstr (text, ==, expected);
    }
  {
    g_autofree char *a = clock_in (winter, "America/New_York");
    g_autofree char *b = clock_in (between, "America/New_York");

    /* The same 19:00 UTC is an hour later in New York once it has changed. */
    g_assert_cmpstr (a, !=, b);
  }
}

static void
test_in_zones_without (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2021, 2, 23, 19, 0, 0);
  g_autofree char *utc = clock_in (start, "UTC");
  g_autofree char *london = clock_in (start, "Europe/London");
  g_autofree char *expected = g_strdup_printf ("%s UTC · %s London", utc, london);
  g_autofree char *text = NULL;

  set_local_zone ("Europe/London");
  g_assert_null (convene_format_in_zones (NULL, "Europe/London", NULL, FALSE));
  /* No zone, or one that names none: UTC. */
  text = convene_format_in_zones (start, NULL, NULL, FALSE);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  text = convene_format_in_zones (start, "Atlantis/Nowhere", NULL, FALSE);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_month (void)
{
  g_autofree char *february = convene_format_month_of (2021, 2);
  g_autofree char *bad = convene_format_month_of (2021, 13);

  g_assert_cmpstr (february, ==, "February 2021");
  g_assert_cmpstr (bad, ==, "");
}

/* The long listings' writer gives what g_date_time_format() gives. */
static void
test_writer (void)
{
  g_autoptr(ConveneTimeWriter) writer = convene_time_writer_new ();
  const char *zones[] = { "Europe/London", "America/New_York", "Asia/Kolkata", "-06:00",
                          "Europe/London", NULL };
  gint64 instants[] = {
    1616891400,  /* 2021-03-28 00:30 UTC, London still on GMT */
    1616895000,  /* 2021-03-28 01:30 UTC, London on BST */
    0,           /* 1970 */
    -86400 - 60, /* before 1970 */
    4102444800,  /* 2100 */
  };

  set_local_zone ("Africa/Nairobi");
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
      {
        g_autoptr(GTimeZone) tz = zones[z] != NULL ? g_time_zone_new_identifier (zones[z])
                                                   : g_time_zone_new_identifier ("Africa/Nairobi");
        g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instants[i]);
        g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, tz);
        g_autofree char *expected = g_date_time_format (there, "%Y-%m-%d %H:%M %Z");
        char out[CONVENE_TIME_WRITER_MAX];
        gsize n = convene_time_writer_write (writer, instants[i], zones[z], out);

        g_assert_cmpmem (out, n, expected, strlen (expected));
      }
  {
    /* A name that is no zone is written in UTC. */
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instants[1]);
    g_autofree char *expected = g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
    char out[CONVENE_TIME_WRITER_MAX];
    gsize n = convene_time_writer_write (writer, instants[1], "Atlantis/Nowhere", out);

    g_assert_cmpmem (out, n, expected, strlen (expected));
  }
}

int
main (int    argc,
      char **argv)
{
  /* English formats and place names: no catalogue is bound here. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/format/clock", test_clock);
  g_test_add_func ("/time/format/zone-label", test_zone_label);
  g_test_add_func ("/time/format/in-zones", test_in_zones);
  g_test_add_func ("/time/format/in-zones-markup", test_in_zones_markup);
  g_test_add_func ("/time/format/in-zones-across-dst", test_in_zones_across_dst);
  g_test_add_func ("/time/format/in-zones-without-zone", test_in_zones_without);
  g_test_add_func ("/time/format/month", test_month);
  g_test_add_func ("/time/format/writer", test_writer);

  return g_test_run ();
}
