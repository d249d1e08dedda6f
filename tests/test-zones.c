/* test-zones.c: time zones as Convene records them, and every other name
 * that means one: names people write (in any letter case), old IANA names,
 * Windows ids as Outlook writes them, and the list a zone chooser shows. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "time/convene-zone.h"
#include "time/convene-zone-list.h"

/* The offset in seconds of @zone at @instant, from the tz database. */
static int
offset_at (const char *zone,
           GDateTime  *instant)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) there = NULL;

  g_assert_nonnull (tz);
  there = g_date_time_to_timezone (instant, tz);
  return (int) (g_date_time_get_utc_offset (there) / G_TIME_SPAN_SECOND);
}

static void
assert_lookup (const char *name,
               const char *expected,
               gboolean    expected_ambiguous)
{
  gboolean ambiguous = !expected_ambiguous;
  g_autofree char *zone = convene_zone_lookup (name, &ambiguous);

  g_assert_cmpstr (zone, ==, expected);
  if (expected != NULL)
    g_assert_cmpint (ambiguous, ==, expected_ambiguous);
}

static void
test_lookup (void)
{
  assert_lookup ("London", "Europe/London", FALSE);
  assert_lookup ("Nairobi", "Africa/Nairobi", FALSE);
  assert_lookup ("Mexico City", "America/Mexico_City", FALSE);
  assert_lookup ("Nueva York", "America/New_York", FALSE);
  assert_lookup ("ET", "America/New_York", FALSE);
  assert_lookup ("EAT", "Africa/Nairobi", FALSE);
  assert_lookup ("Europe/London", "Europe/London", FALSE);
  /* "GMT-6" is six hours behind, as people mean it (not POSIX's sign). */
  assert_lookup ("GMT-6", "-06:00", FALSE);
  assert_lookup ("UTC+05:30", "+05:30", FALSE);
  assert_lookup ("UTC", "UTC", FALSE);
  /* India, Irish or Israel: a guess a coordinator should check. */
  assert_lookup ("IST", "Asia/Kolkata", TRUE);
  assert_lookup ("Atlantis", NULL, FALSE);
  assert_lookup ("   ", NULL, FALSE);
}

static void
test_lookup_any_case (void)
{
  static const char * const londons[] = {
    "london", "LONDON", "London time", "europe/london", "EUROPE/LONDON", "hora de Londres", NULL,
  };

  for (guint i = 0; londons[i] != NULL; i++)
    assert_lookup (londons[i], "Europe/London", FALSE);
  assert_lookup ("et", "America/New_York", FALSE);
  assert_lookup ("gmt-6", "-06:00", FALSE);
  assert_lookup ("africa/nairobi", "Africa/Nairobi", FALSE);
}

static void
test_timezone_new (void)
{
  g_autoptr(GDateTime) winter = g_date_time_new_utc (2021, 1, 15, 12, 0, 0);
  g_autoptr(GDateTime) summer = g_date_time_new_utc (2021, 7, 15, 12, 0, 0);
  static const char * const valid[] = { "Europe/London", "UTC", "-06:00", "+05:30", NULL };
  static const char * const invalid[] = {
    "", "Atlantis/Nowhere", "GMT-6", "+15:00", "-06:60", "06:00", "Europe/London ", NULL,
  };

  for (guint i = 0; valid[i] != NULL; i++)
    g_assert_true (convene_timezone_is_valid (valid[i]));
  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (convene_timezone_is_valid (invalid[i]));
    }
  g_assert_false (convene_timezone_is_valid (NULL));

  /* The zone keeps its rules: London is on GMT in January, BST in July. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GTimeZone) tz = convene_timezone_new ("Europe/London");
      g_autoptr(GDateTime) w = g_date_time_to_timezone (winter, tz);
      g_autoptr(GDateTime) s = g_date_time_to_timezone (summer, tz);

      g_assert_cmpint (g_date_time_get_utc_offset (w) / G_TIME_SPAN_SECOND, ==,
                       offset_at ("Europe/London", winter));
      g_assert_cmpint (g_date_time_get_utc_offset (s) / G_TIME_SPAN_SECOND, ==,
                       offset_at ("Europe/London", summer));
    }
  {
    g_autoptr(GTimeZone) fixed = convene_timezone_new ("-06:00");
    g_autoptr(GDateTime) there = g_date_time_to_timezone (summer, fixed);

    g_assert_cmpint (g_date_time_get_utc_offset (there) / G_TIME_SPAN_SECOND, ==, -6 * 3600);
  }
}

static void
test_utc_names (void)
{
  static const char * const names[] = { "UTC", "utc", "Z", "GMT", "Etc/UTC", "etc/gmt", "Zulu",
                                        "Coordinated Universal Time", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (convene_zone_is_utc_name (names[i]));
  g_assert_false (convene_zone_is_utc_name ("Europe/London"));
  g_assert_false (convene_zone_is_utc_name ("UTC+1"));
}

static void
test_aliases (void)
{
  g_autoptr(GDateTime) instant = g_date_time_new_utc (2021, 7, 15, 12, 0, 0);

  g_assert_cmpstr (convene_zone_from_alias ("US/Eastern"), ==, "America/New_York");
  g_assert_cmpstr (convene_zone_from_alias ("us/eastern"), ==, "America/New_York");
  g_assert_cmpstr (convene_zone_from_alias ("Asia/Calcutta"), ==, "Asia/Kolkata");
  g_assert_cmpstr (convene_zone_from_alias ("Europe/Kiev"), ==, "Europe/Kyiv");
  g_assert_cmpstr (convene_zone_from_alias ("Brazil/East"), ==, "America/Sao_Paulo");
  g_assert_null (convene_zone_from_alias ("Europe/London"));
  g_assert_null (convene_zone_from_alias ("Atlantis"));

  /* Every alias names a zone this tz database has, with the same rules. */
  g_assert_true (convene_timezone_is_valid (convene_zone_from_alias ("US/Pacific")));
  g_assert_cmpint (offset_at (convene_zone_from_alias ("US/Pacific"), instant), ==,
                   offset_at ("America/Los_Angeles", instant));
}

static void
assert_windows (const char *windows_id,
                const char *expected)
{
  g_autofree char *zone = convene_zone_from_windows_id (windows_id);

  g_assert_cmpstr (zone, ==, expected);
  if (zone != NULL)
    g_assert_true (convene_timezone_is_valid (zone));
}

static void
test_windows_ids (void)
{
  g_autoptr(GDateTime) instant = g_date_time_new_utc (2021, 7, 15, 12, 0, 0);
  g_autofree char *tokyo = NULL;

  assert_windows ("W. Europe Standard Time", "Europe/Berlin");
  assert_windows ("GMT Standard Time", "Europe/London");
  assert_windows ("Pacific Standard Time", "America/Los_Angeles");
  assert_windows ("Eastern Standard Time", "America/New_York");
  assert_windows ("SA Pacific Standard Time", "America/Bogota");
  assert_windows ("E. Africa Standard Time", "Africa/Nairobi");
  assert_windows ("Central Standard Time (Mexico)", "America/Mexico_City");
  assert_windows ("India Standard Time", "Asia/Kolkata");
  /* Ids that are only an offset become one. */
  assert_windows ("UTC", "UTC");
  assert_windows ("UTC-11", "-11:00");
  assert_windows ("UTC+12", "+12:00");
  assert_windows ("Dateline Standard Time", "-12:00");
  /* Written in another case than Microsoft's. */
  assert_windows ("w. europe standard time", "Europe/Berlin");
  assert_windows ("PACIFIC STANDARD TIME", "America/Los_Angeles");
  assert_windows ("Partner Standard Time", NULL);
  assert_windows ("Europe/Berlin", NULL);
  assert_windows ("", NULL);

  tokyo = convene_zone_from_windows_id ("Tokyo Standard Time");
  g_assert_cmpint (offset_at (tokyo, instant), ==, 9 * 3600);
}

static void
test_zone_list (void)
{
  g_autoptr(GListModel) zones = convene_zone_list_get ();
  g_autoptr(GListModel) again = convene_zone_list_get ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) nairobi_tz = g_time_zone_new_identifier ("Africa/Nairobi");
  ConveneZoneEntry *nairobi = NULL, *minus_six = NULL;
  const char *eat;
  guint n = g_list_model_get_n_items (zones);
  gboolean in_offsets = FALSE;
  guint places = 0;

  g_assert_true (zones == again);
  g_assert_cmpuint (n, >, 20);
  {
    g_autoptr(ConveneZoneEntry) first = g_list_model_get_item (zones, 0);

    g_assert_cmpstr (convene_zone_entry_get_id (first), ==, "UTC");
    g_assert_cmpstr (convene_zone_entry_get_label (first), ==, "UTC");
  }

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(ConveneZoneEntry) prev = g_list_model_get_item (zones, i - 1);
      g_autoptr(ConveneZoneEntry) entry = g_list_model_get_item (zones, i);
      const char *id = convene_zone_entry_get_id (entry);

      g_assert_true (convene_timezone_is_valid (id));
      if (id[0] == '+' || id[0] == '-')
        in_offsets = TRUE;
      else
        {
          /* Places come before offsets, by name. */
          g_assert_false (in_offsets);
          if (i > 1)
            g_assert_cmpint (g_utf8_collate (convene_zone_entry_get_label (prev),
                                             convene_zone_entry_get_label (entry)), <=, 0);
          places++;
        }
      if (g_str_equal (id, "Africa/Nairobi"))
        nairobi = entry;
      if (g_str_equal (id, "-06:00"))
        minus_six = entry;
    }
  g_assert_cmpuint (places, >, 20);
  g_assert_true (in_offsets);

  /* Found by place, abbreviation in force (from the tz database), IANA name
   * and offset; the list holds its entries, so the pointers stay good. */
  g_assert_nonnull (nairobi);
  g_assert_cmpstr (convene_zone_entry_get_label (nairobi), ==, "Nairobi");
  eat = g_time_zone_get_abbreviation (nairobi_tz,
                                      g_time_zone_find_interval (nairobi_tz, G_TIME_TYPE_UNIVERSAL,
                                                                 g_date_time_to_unix (now)));
  g_assert_nonnull (strstr (convene_zone_entry_get_detail (nairobi), eat));
  g_assert_true (convene_zone_entry_matches (nairobi, "nairo"));
  g_assert_true (convene_zone_entry_matches (nairobi, eat));
  g_assert_true (convene_zone_entry_matches (nairobi, "africa/nairobi"));
  g_assert_true (convene_zone_entry_matches (nairobi, NULL));
  g_assert_false (convene_zone_entry_matches (nairobi, "london"));

  g_assert_nonnull (minus_six);
  g_assert_cmpstr (convene_zone_entry_get_label (minus_six), ==, "UTC−6");
  g_assert_true (convene_zone_entry_matches (minus_six, "gmt-6"));
  g_assert_true (convene_zone_entry_matches (minus_six, "-06:00"));
}

int
main (int    argc,
      char **argv)
{
  /* Place names in English: no catalogue is bound here. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/zone/lookup", test_lookup);
  g_test_add_func ("/time/zone/lookup-any-case", test_lookup_any_case);
  g_test_add_func ("/time/zone/timezone-new", test_timezone_new);
  g_test_add_func ("/time/zone/utc-names", test_utc_names);
  g_test_add_func ("/time/zone/aliases", test_aliases);
  g_test_add_func ("/time/zone/windows-ids", test_windows_ids);
  g_test_add_func ("/time/zone/list", test_zone_list);

  return g_test_run ();
}
