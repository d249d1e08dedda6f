/* test-occurrences.c: a series' occurrences, on the wall clock of its zone.
 *
 * Every expected instant is worked out here from the tz database
 * (GTimeZone) and the calendar (GDate), never taken from the engine: a
 * weekly call at 19:00 London must be at 19:00 London on each date, across
 * both changes, whatever New York or Nairobi make of it. */
#include "config.h"

#include "time/convene-occurrences.h"

/* The UTC instant of a wall-clock time in @zone, from the tz database. */
static gint64
instant_in (const char *zone,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (tz);
  dt = g_date_time_new (tz, year, month, day, hour, minute, 0);
  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static GArray *
expand (const char *rrule,
        const char *zone,
        gint64      first,
        gint64      from,
        gint64      to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneRecurrence) r = convene_recurrence_new (rrule, zone, first, &error);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  convene_recurrence_expand (r, from, to, out);
  return out;
}

/* The hour and day of @instant as seen in @zone. */
static void
seen_in (const char *zone,
         gint64      instant,
         int        *day,
         int        *hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, tz);

  *day = g_date_time_get_day_of_month (there);
  *hour = g_date_time_get_hour (there);
}

/* A weekly Tuesday call at 19:00 London through 2025: every Tuesday, at
 * 19:00 in London on each; New York sees it an hour later in the weeks
 * when Europe and America have not changed on the same day. */
static void
test_weekly_london (void)
{
  gint64 first = instant_in ("Europe/London", 2025, 1, 7, 19, 0);
  g_autoptr(GArray) got = expand ("FREQ=WEEKLY;BYDAY=TU", "Europe/London", first,
                                  instant_in ("UTC", 2025, 1, 1, 0, 0),
                                  instant_in ("UTC", 2026, 1, 1, 0, 0));
  GDate date;
  guint n = 0;
  g_autoptr(GHashTable) ny_hours = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) nbo_hours = g_hash_table_new (NULL, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 7, G_DATE_JANUARY, 2025);
  for (; g_date_get_year (&date) == 2025; g_date_add_days (&date, 7), n++)
    {
      gint64 want = instant_in ("Europe/London", 2025, g_date_get_month (&date),
                                g_date_get_day (&date), 19, 0);
      int day, hour;

      g_assert_cmpuint (n, <, got->len);
      g_assert_cmpint (g_array_index (got, gint64, n), ==, want);
      seen_in ("Europe/London", want, &day, &hour);
      g_assert_cmpint (hour, ==, 19);
      g_assert_cmpint (day, ==, g_date_get_day (&date));
      seen_in ("America/New_York", want, &day, &hour);
      g_hash_table_add (ny_hours, GINT_TO_POINTER (hour));
      seen_in ("Africa/Nairobi", want, &day, &hour);
      g_hash_table_add (nbo_hours, GINT_TO_POINTER (hour));
    }
  g_assert_cmpuint (got->len, ==, n);
  g_assert_cmpuint (n, ==, 52);
  /* New York: usual hour, and an hour later in the weeks between the
   * American and the European change, in March and again in October. */
  g_assert_cmpuint (g_hash_table_size (ny_hours), ==, 2);
  /* Nairobi keeps one offset all year: the call moves there by an hour. */
  g_assert_cmpuint (g_hash_table_size (nbo_hours), ==, 2);
}

/* Across the March and October changes, seen from New York: the call on
 * the Tuesday after America changed and before Europe did is 15:00 there,
 * as the tz database says, and 14:00 a week after Europe changed. */
static void
test_weekly_london_from_new_york (void)
{
  gint64 first = instant_in ("Europe/London", 2025, 3, 4, 19, 0);
  g_autoptr(GArray) got = expand ("FREQ=WEEKLY", "Europe/London", first,
                                  instant_in ("UTC", 2025, 3, 1, 0, 0),
                                  instant_in ("UTC", 2025, 11, 15, 0, 0));
  int day, hour, ny_before, ny_between;

  /* 4 March: neither changed; 11 March: America has, Europe not. */
  seen_in ("America/New_York", instant_in ("Europe/London", 2025, 3, 4, 19, 0), &day, &ny_before);
  seen_in ("America/New_York", instant_in ("Europe/London", 2025, 3, 11, 19, 0), &day, &ny_between);
  g_assert_cmpint (ny_between, ==, ny_before + 1);

  for (guint i = 0; i < got->len; i++)
    {
      gint64 at = g_array_index (got, gint64, i);

      seen_in ("Europe/London", at, &day, &hour);
      g_assert_cmpint (hour, ==, 19);
    }
  g_assert_cmpint (g_array_index (got, gint64, 1), ==, instant_in ("Europe/London", 2025, 3, 11, 19, 0));
  seen_in ("America/New_York", g_array_index (got, gint64, 1), &day, &hour);
  g_assert_cmpint (hour, ==, ny_between);
  /* The week after the European change (30 March), both on summer time. */
  seen_in ("America/New_York", g_array_index (got, gint64, 4), &day, &hour);
  g_assert_cmpint (hour, ==, ny_before);
  /* October: 28 October is after Europe's change, before America's. */
  for (guint i = 0; i < got->len; i++)
    if (g_array_index (got, gint64, i) == instant_in ("Europe/London", 2025, 10, 28, 19, 0))
      {
        seen_in ("America/New_York", g_array_index (got, gint64, i), &day, &hour);
        g_assert_cmpint (hour, ==, ny_between);
        return;
      }
  g_assert_not_reached ();
}

/* A southern-hemisphere series: Sydney's clocks go back in April and
 * forward in October; a 09:30 Sydney fortnightly stays 09:30 Sydney. */
static void
test_fortnightly_sydney (void)
{
  gint64 first = instant_in ("Australia/Sydney", 2025, 1, 6, 9, 30);
  g_autoptr(GArray) got = expand ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "Australia/Sydney", first,
                                  instant_in ("UTC", 2025, 3, 1, 0, 0),
                                  instant_in ("UTC", 2025, 12, 1, 0, 0));
  GDate date;
  guint n = 0;
  g_autoptr(GHashTable) offsets = g_hash_table_new (NULL, NULL);

  /* The first Monday on or after 1 March in the fortnight of 6 January. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 6, G_DATE_JANUARY, 2025);
  while (g_date_get_month (&date) < G_DATE_MARCH)
    g_date_add_days (&date, 14);
  for (; g_date_get_month (&date) < G_DATE_DECEMBER; g_date_add_days (&date, 14), n++)
    {
      gint64 want = instant_in ("Australia/Sydney", 2025, g_date_get_month (&date),
                                g_date_get_day (&date), 9, 30);
      int day, hour;

      g_assert_cmpuint (n, <, got->len);
      g_assert_cmpint (g_array_index (got, gint64, n), ==, want);
      seen_in ("Australia/Sydney", want, &day, &hour);
      g_assert_cmpint (hour, ==, 9);
      /* the hour it is in UTC moves with Sydney's changes */
      seen_in ("UTC", want, &day, &hour);
      g_hash_table_add (offsets, GINT_TO_POINTER (hour));
    }
  g_assert_cmpuint (got->len, ==, n);
  g_assert_cmpuint (g_hash_table_size (offsets), ==, 2);
}

/* The nth weekday of a month, from the calendar. */
static int
nth_weekday (int          year,
             int          month,
             GDateWeekday weekday,
             int          nth)
{
  GDate date;

  g_date_clear (&date, 1);
  if (nth > 0)
    {
      g_date_set_dmy (&date, 1, month, year);
      while (g_date_get_weekday (&date) != weekday)
        g_date_add_days (&date, 1);
      g_date_add_days (&date, 7 * (nth - 1));
    }
  else
    {
      g_date_set_dmy (&date, g_date_get_days_in_month (month, year), month, year);
      while (g_date_get_weekday (&date) != weekday)
        g_date_subtract_days (&date, 1);
    }
  return g_date_get_day (&date);
}

static void
assert_monthly (const char   *rrule,
                const char   *zone,
                GDateWeekday  weekday,
                int           nth,
                int           hour)
{
  gint64 first = instant_in (zone, 2025, 1, nth_weekday (2025, 1, weekday, nth), hour, 0);
  g_autoptr(GArray) got = expand (rrule, zone, first,
                                  instant_in ("UTC", 2025, 1, 1, 0, 0),
                                  instant_in ("UTC", 2026, 1, 1, 0, 0));

  g_assert_cmpuint (got->len, ==, 12);
  for (int m = 1; m <= 12; m++)
    g_assert_cmpint (g_array_index (got, gint64, m - 1), ==,
                     instant_in (zone, 2025, m, nth_weekday (2025, m, weekday, nth), hour, 0));
}

static void
test_third_tuesday (void)
{
  assert_monthly ("FREQ=MONTHLY;BYDAY=3TU", "America/Santiago", G_DATE_TUESDAY, 3, 10);
  assert_monthly ("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3", "Europe/Madrid", G_DATE_TUESDAY, 3, 16);
}

static void
test_last_friday (void)
{
  assert_monthly ("FREQ=MONTHLY;BYDAY=-1FR", "Europe/London", G_DATE_FRIDAY, -1, 19);
}

/* Santiago's changes fall on Saturdays at midnight: a call at 00:00 on
 * the day clocks skip is read with the offset before, as RFC 5545 says. */
static void
test_santiago_changes (void)
{
  gint64 first = instant_in ("America/Santiago", 2025, 1, 4, 18, 0);
  g_autoptr(GArray) got = expand ("FREQ=WEEKLY;BYDAY=SA", "America/Santiago", first,
                                  instant_in ("UTC", 2025, 1, 1, 0, 0),
                                  instant_in ("UTC", 2026, 1, 1, 0, 0));
  g_autoptr(GHashTable) utc_hours = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (got->len, ==, 52);
  for (guint i = 0; i < got->len; i++)
    {
      int day, hour;

      seen_in ("America/Santiago", g_array_index (got, gint64, i), &day, &hour);
      g_assert_cmpint (hour, ==, 18);
      seen_in ("UTC", g_array_index (got, gint64, i), &day, &hour);
      g_hash_table_add (utc_hours, GINT_TO_POINTER (hour));
    }
  g_assert_cmpuint (g_hash_table_size (utc_hours), ==, 2);
}

/* EXDATE takes one meeting out; RDATE adds one; a COUNT ends the series;
 * an UNTIL in UTC is an instant. */
static void
test_exdate_rdate_count_until (void)
{
  gint64 first = instant_in ("Europe/London", 2025, 3, 4, 19, 0);
  gint64 from = instant_in ("UTC", 2025, 1, 1, 0, 0), to = instant_in ("UTC", 2026, 1, 1, 0, 0);
  gint64 ex = instant_in ("Europe/London", 2025, 3, 18, 19, 0);
  gint64 extra = instant_in ("Europe/London", 2025, 3, 20, 12, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneRecurrence) r = convene_recurrence_new ("RRULE:FREQ=WEEKLY;COUNT=5", "Europe/London",
                                                           first, &error);
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) until = NULL;

  g_assert_no_error (error);
  g_assert_false (convene_recurrence_is_endless (r));
  convene_recurrence_add_exdates (r, &ex, 1);
  convene_recurrence_add_dates (r, &extra, 1);
  convene_recurrence_expand (r, from, to, got);
  g_assert_cmpuint (got->len, ==, 5);
  g_assert_cmpint (g_array_index (got, gint64, 0), ==, first);
  g_assert_cmpint (g_array_index (got, gint64, 1), ==, instant_in ("Europe/London", 2025, 3, 11, 19, 0));
  g_assert_cmpint (g_array_index (got, gint64, 2), ==, extra);
  g_assert_cmpint (g_array_index (got, gint64, 3), ==, instant_in ("Europe/London", 2025, 3, 25, 19, 0));
  g_assert_cmpint (g_array_index (got, gint64, 4), ==, instant_in ("Europe/London", 2025, 4, 1, 19, 0));

  /* 1 April 19:00 London is 18:00 UTC (summer time): an UNTIL at that
   * instant keeps it, a second before leaves it out. */
  until = expand ("FREQ=WEEKLY;UNTIL=20250401T180000Z", "Europe/London", first, from, to);
  g_assert_cmpuint (until->len, ==, 5);
  g_clear_pointer (&until, g_array_unref);
  until = expand ("FREQ=WEEKLY;UNTIL=20250401T175959Z", "Europe/London", first, from, to);
  g_assert_cmpuint (until->len, ==, 4);
}

/* A range far from the first start: the same occurrences as expanding
 * from the start, and an endless daily series asked for one week gives
 * seven, not the whole of it. */
static void
test_range_only (void)
{
  gint64 first = instant_in ("Europe/London", 2015, 6, 2, 19, 0);
  gint64 from = instant_in ("UTC", 2025, 3, 1, 0, 0), to = instant_in ("UTC", 2025, 11, 30, 0, 0);
  g_autoptr(GArray) near = expand ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH", "Europe/London", first, from, to);
  g_autoptr(GArray) all = expand ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH", "Europe/London", first,
                                  first, to);
  g_autoptr(GArray) week = NULL;
  guint skip = 0;

  while (skip < all->len && g_array_index (all, gint64, skip) < from)
    skip++;
  g_assert_cmpuint (near->len, >, 0);
  g_assert_cmpuint (near->len, ==, all->len - skip);
  for (guint i = 0; i < near->len; i++)
    g_assert_cmpint (g_array_index (near, gint64, i), ==, g_array_index (all, gint64, skip + i));

  week = expand ("FREQ=DAILY", "Pacific/Auckland", first,
                 instant_in ("Pacific/Auckland", 2030, 4, 1, 0, 0),
                 instant_in ("Pacific/Auckland", 2030, 4, 8, 0, 0));
  g_assert_cmpuint (week->len, ==, 7);
}

static void
test_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConveneRecurrence) r = convene_recurrence_new ("EVERY TUESDAY", "Europe/London", 0, &error);

  g_assert_null (r);
  g_assert_error (error, CONVENE_RECURRENCE_ERROR, CONVENE_RECURRENCE_ERROR_INVALID);
  g_clear_error (&error);
  r = convene_recurrence_new ("FREQ=WEEKLY", "Mars/Olympus_Mons", 0, &error);
  g_assert_null (r);
  g_assert_error (error, CONVENE_RECURRENCE_ERROR, CONVENE_RECURRENCE_ERROR_INVALID);
}

/* A series fixed on a Friday whose rule meets on the last Tuesday: the
 * Friday is its first meeting, as in Google Calendar and GNOME Calendar,
 * then every last Tuesday; an EXDATE on that Friday takes it out. */
static void
test_first_start_off_rule (void)
{
  gint64 first = instant_in ("Europe/London", 2025, 1, 17, 19, 0);
  gint64 from = instant_in ("UTC", 2025, 1, 1, 0, 0), to = instant_in ("UTC", 2025, 5, 1, 0, 0);
  g_autoptr(GArray) got = expand ("FREQ=MONTHLY;BYDAY=-1TU", "Europe/London", first, from, to);
  g_autoptr(ConveneRecurrence) r = convene_recurrence_new ("FREQ=MONTHLY;BYDAY=-1TU",
                                                           "Europe/London", first, NULL);
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpuint (got->len, ==, 5);
  g_assert_cmpint (g_array_index (got, gint64, 0), ==, first);
  for (guint i = 1; i < got->len; i++)
    {
      GDate last;

      /* The last Tuesday of January to April: back from the month's end. */
      g_date_clear (&last, 1);
      g_date_set_dmy (&last, g_date_get_days_in_month (i, 2025), i, 2025);
      while (g_date_get_weekday (&last) != G_DATE_TUESDAY)
        g_date_subtract_days (&last, 1);
      g_assert_cmpint (g_array_index (got, gint64, i), ==,
                       instant_in ("Europe/London", 2025, i, g_date_get_day (&last), 19, 0));
    }

  convene_recurrence_add_exdates (r, &first, 1);
  convene_recurrence_expand (r, from, to, without);
  g_assert_cmpuint (without->len, ==, 4);
  g_assert_cmpint (g_array_index (without, gint64, 0), ==, g_array_index (got, gint64, 1));
}

/* The offsets cache gives, for every instant, the offset and abbreviation
 * GDateTime gives in the same zone: in time order and out of it, across
 * changes of an hour, of half an hour (Lord Howe), a skipped day (Apia,
 * 30 December 2011) and a zone without changes. */
static void
test_zone_offsets (void)
{
  static const char * const zones[] = { "Europe/London", "Australia/Lord_Howe", "America/Santiago",
                                        "Pacific/Apia", "America/St_Johns", "Asia/Kolkata" };
  g_autoptr(GDateTime) from = g_date_time_new_utc (2010, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  gint64 first = g_date_time_to_unix (from), last = g_date_time_to_unix (to);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);
      ConveneZoneOffsets offsets;
      guint checked = 0;

      g_assert_nonnull (tz);
      convene_zone_offsets_init (&offsets, tz);
      for (guint pass = 0; pass < 2; pass++)
        for (gint64 t = first; t < last; t += 97 * 60 + 7)
          {
            /* The second pass jumps about: another span nearly every time. */
            gint64 instant = pass == 0 ? t : first + g_rand_int_range (rand, 0, (gint32) (last - first));
            g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
            g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
            gint64 offset = g_date_time_get_utc_offset (local) / G_USEC_PER_SEC;
            int interval = convene_zone_offsets_interval (&offsets, instant);

            if (g_time_zone_get_offset (tz, interval) != offset)
              g_error ("%s at %" G_GINT64_FORMAT ": offset %d, GDateTime says %" G_GINT64_FORMAT,
                       zones[z], instant, g_time_zone_get_offset (tz, interval), offset);
            g_assert_cmpstr (g_time_zone_get_abbreviation (tz, interval), ==,
                             g_date_time_get_timezone_abbreviation (local));
            g_assert_cmpint (convene_zone_offsets_instant_to_wall (&offsets, instant), ==, instant + offset);
            checked++;
          }
      g_assert_cmpuint (checked, >, 100000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/occurrences/weekly-london", test_weekly_london);
  g_test_add_func ("/occurrences/weekly-london-from-new-york", test_weekly_london_from_new_york);
  g_test_add_func ("/occurrences/fortnightly-sydney", test_fortnightly_sydney);
  g_test_add_func ("/occurrences/santiago-changes", test_santiago_changes);
  g_test_add_func ("/occurrences/third-tuesday", test_third_tuesday);
  g_test_add_func ("/occurrences/last-friday", test_last_friday);
  g_test_add_func ("/occurrences/exdate-rdate-count-until", test_exdate_rdate_count_until);
  g_test_add_func ("/occurrences/range-only", test_range_only);
  g_test_add_func ("/occurrences/invalid", test_invalid);
  g_test_add_func ("/occurrences/first-start-off-rule", test_first_start_off_rule);
  g_test_add_func ("/occurrences/zone-offsets", test_zone_offsets);
  return g_test_run ();
}
