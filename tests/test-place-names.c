/* test-place-names.c: a zone by the place people know it by, in English and
 * in Spanish, for every zone of the tz database and the old names files
 * still carry. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "i18n/convene-i18n.h"
#include "time/convene-place-names.h"
#include "time/convene-zone.h"

/* Whether es_ES.UTF-8 could be set: the user's own language needs it. */
static gboolean have_spanish_locale;

static char *
place (const char *zone,
       const char *language)
{
  return convene_place_names_lookup (zone, language);
}

/* Every zone a chooser offers has a name in both languages, with spaces
 * where the IANA name has underscores. */
static void
test_every_zone (void)
{
  g_autofree char *path = g_build_filename (convene_zone_directory (), "zone1970.tab", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint zones = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("the tz database has no zone1970.tab here");
      return;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);

      if (lines[i][0] == '#' || g_strv_length (columns) < 3)
        continue;
      for (guint l = 0; l < 2; l++)
        {
          g_autofree char *name = place (columns[2], l == 0 ? "en" : "es");

          g_assert_nonnull (name);
          g_assert_cmpstr (name, !=, "");
          g_assert_null (strchr (name, '_'));
          g_assert_null (strchr (name, '/'));
        }
      zones++;
    }
  g_assert_cmpuint (zones, >, 100);
}

/* An old name and the new one are the same place. */
static void
test_old_names (void)
{
  static const char * const pairs[][2] = {
    { "Asia/Calcutta", "Asia/Kolkata" },
    { "Europe/Kiev", "Europe/Kyiv" },
    { "Asia/Saigon", "Asia/Ho_Chi_Minh" },
    { "Asia/Rangoon", "Asia/Yangon" },
    { "Asia/Katmandu", "Asia/Kathmandu" },
    { "America/Buenos_Aires", "America/Argentina/Buenos_Aires" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    for (guint l = 0; l < 2; l++)
      {
        const char *language = l == 0 ? "en" : "es";
        g_autofree char *old = place (pairs[i][0], language);
        g_autofree char *now = place (pairs[i][1], language);

        g_assert_cmpstr (old, ==, now);
      }
}

/* Spanish spellings where Spanish has its own; the same name elsewhere. */
static void
test_spanish (void)
{
  static const char * const names[][3] = {
    { "Europe/London", "London", "Londres" },
    { "America/New_York", "New York", "Nueva York" },
    { "America/Mexico_City", "Mexico City", "Ciudad de México" },
    { "Asia/Tokyo", "Tokyo", "Tokio" },
    { "Africa/Nairobi", "Nairobi", "Nairobi" },
    { "America/Bogota", "Bogotá", "Bogotá" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *en = place (names[i][0], "en");
      g_autofree char *es = place (names[i][0], "es");

      g_assert_cmpstr (en, ==, names[i][1]);
      g_assert_cmpstr (es, ==, names[i][2]);
    }
}

/* A language without a catalogue gets English; the user's own language is
 * the one Convene runs in. */
static void
test_other_language (void)
{
  g_autofree char *xx = place ("Europe/London", "xx");
  g_autofree char *own = place ("Europe/London", NULL);

  g_assert_cmpstr (xx, ==, "London");
  if (!have_spanish_locale)
    {
      g_test_skip ("the es_ES.UTF-8 locale is not installed");
      return;
    }
  g_assert_cmpstr (own, ==, "Londres");
}

static void
test_not_places (void)
{
  g_autofree char *utc = place ("UTC", "es");
  g_autofree char *zulu = place ("Etc/Zulu", "en");
  g_autofree char *behind = place ("-03:30", "en");
  g_autofree char *ahead = place ("+14:00", "es");

  g_assert_null (place (NULL, "en"));
  g_assert_null (place ("", "en"));
  g_assert_cmpstr (utc, ==, "UTC");
  g_assert_cmpstr (zulu, ==, "UTC");
  g_assert_cmpstr (behind, ==, "UTC−3:30");
  g_assert_cmpstr (ahead, ==, "UTC+14");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *locale_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The build's catalogues, and a Spanish-speaking member's environment. */
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_setenv ("CONVENE_LOCALEDIR", locale_dir, TRUE);
  g_setenv ("LANGUAGE", "es", TRUE);
  g_unsetenv ("LC_ALL");
  have_spanish_locale = setlocale (LC_ALL, "es_ES.UTF-8") != NULL;
  convene_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/time/place-names/every-zone", test_every_zone);
  g_test_add_func ("/time/place-names/old-names", test_old_names);
  g_test_add_func ("/time/place-names/spanish", test_spanish);
  g_test_add_func ("/time/place-names/other-language", test_other_language);
  g_test_add_func ("/time/place-names/not-places", test_not_places);

  return g_test_run ();
}
