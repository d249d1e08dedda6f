/* convene-place-names.c: the places time zones are named after, as people
 * write them.
 *
 * An IANA name ends in a city written in ASCII with underscores
 * ("America/Sao_Paulo").  The cities below are written as English writes
 * them ("São Paulo") and translated with the context "city", so that a
 * Spanish reader sees "Londres" and "Ciudad de México".  Any other zone
 * shows its city with spaces, translated when a catalogue happens to know
 * it.  The list holds the cities a working group spread over Africa, the
 * Americas, Europe and Asia-Pacific is likely to meet from; it is a list
 * of spellings, not of zones: the zones come from the tz database.
 *
 * The maintained source for such names would be libgweather-4's location
 * database (what GNOME Clocks and Calendar use).  It is in Debian 13, but
 * not in the GNOME Flatpak runtime (apps bundle it), and for these cities
 * its Spanish is not better: of the 101 English names here, 92 are in it
 * and 68 of those have our Spanish; most of the rest it leaves in English
 * ("Lisbon", "Havana", "Johannesburg" for Lisboa, La Habana,
 * Johannesburgo).  So the table stays, and its Spanish lives in po/es.po.
 */
#include "config.h"

#include "time/convene-place-names.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/convene-i18n.h"

typedef struct {
  const char *tail;  /* the last part of the IANA name */
  const char *name;  /* in English: the msgid */
} City;

static const City cities[] = {
  /* Africa */
  { "Abidjan", NC_("city", "Abidjan") },
  { "Accra", NC_("city", "Accra") },
  { "Addis_Ababa", NC_("city", "Addis Ababa") },
  { "Algiers", NC_("city", "Algiers") },
  { "Cairo", NC_("city", "Cairo") },
  { "Casablanca", NC_("city", "Casablanca") },
  { "Dakar", NC_("city", "Dakar") },
  { "Dar_es_Salaam", NC_("city", "Dar es Salaam") },
  { "Johannesburg", NC_("city", "Johannesburg") },
  { "Kampala", NC_("city", "Kampala") },
  { "Khartoum", NC_("city", "Khartoum") },
  { "Kinshasa", NC_("city", "Kinshasa") },
  { "Lagos", NC_("city", "Lagos") },
  { "Nairobi", NC_("city", "Nairobi") },
  { "Tunis", NC_("city", "Tunis") },
  /* The Americas */
  { "Asuncion", NC_("city", "Asunción") },
  { "Belize", NC_("city", "Belize") },
  { "Bogota", NC_("city", "Bogotá") },
  { "Buenos_Aires", NC_("city", "Buenos Aires") },
  { "Cancun", NC_("city", "Cancún") },
  { "Caracas", NC_("city", "Caracas") },
  { "Cayenne", NC_("city", "Cayenne") },
  { "Chicago", NC_("city", "Chicago") },
  { "Curacao", NC_("city", "Curaçao") },
  { "Denver", NC_("city", "Denver") },
  { "Guadeloupe", NC_("city", "Guadeloupe") },
  { "Havana", NC_("city", "Havana") },
  { "La_Paz", NC_("city", "La Paz") },
  { "Lima", NC_("city", "Lima") },
  { "Los_Angeles", NC_("city", "Los Angeles") },
  { "Martinique", NC_("city", "Martinique") },
  { "Mexico_City", NC_("city", "Mexico City") },
  { "Montevideo", NC_("city", "Montevideo") },
  { "New_York", NC_("city", "New York") },
  { "Panama", NC_("city", "Panama") },
  { "Port_of_Spain", NC_("city", "Port of Spain") },
  { "Santiago", NC_("city", "Santiago") },
  { "Santo_Domingo", NC_("city", "Santo Domingo") },
  { "Sao_Paulo", NC_("city", "São Paulo") },
  { "St_Johns", NC_("city", "St. John’s") },
  { "Tegucigalpa", NC_("city", "Tegucigalpa") },
  { "Toronto", NC_("city", "Toronto") },
  { "Vancouver", NC_("city", "Vancouver") },
  /* Asia */
  { "Amman", NC_("city", "Amman") },
  { "Baghdad", NC_("city", "Baghdad") },
  { "Baku", NC_("city", "Baku") },
  { "Bangkok", NC_("city", "Bangkok") },
  { "Beirut", NC_("city", "Beirut") },
  { "Dhaka", NC_("city", "Dhaka") },
  { "Dubai", NC_("city", "Dubai") },
  { "Ho_Chi_Minh", NC_("city", "Ho Chi Minh City") },
  { "Saigon", NC_("city", "Ho Chi Minh City") },
  { "Hong_Kong", NC_("city", "Hong Kong") },
  { "Jakarta", NC_("city", "Jakarta") },
  { "Jerusalem", NC_("city", "Jerusalem") },
  { "Kabul", NC_("city", "Kabul") },
  { "Karachi", NC_("city", "Karachi") },
  { "Kathmandu", NC_("city", "Kathmandu") },
  { "Katmandu", NC_("city", "Kathmandu") },
  { "Kolkata", NC_("city", "Kolkata") },
  { "Calcutta", NC_("city", "Kolkata") },
  { "Kuala_Lumpur", NC_("city", "Kuala Lumpur") },
  { "Manila", NC_("city", "Manila") },
  { "Riyadh", NC_("city", "Riyadh") },
  { "Seoul", NC_("city", "Seoul") },
  { "Shanghai", NC_("city", "Shanghai") },
  { "Singapore", NC_("city", "Singapore") },
  { "Taipei", NC_("city", "Taipei") },
  { "Tashkent", NC_("city", "Tashkent") },
  { "Tbilisi", NC_("city", "Tbilisi") },
  { "Tehran", NC_("city", "Tehran") },
  { "Tokyo", NC_("city", "Tokyo") },
  { "Yangon", NC_("city", "Yangon") },
  { "Rangoon", NC_("city", "Yangon") },
  { "Yerevan", NC_("city", "Yerevan") },
  /* Europe and the Atlantic */
  { "Amsterdam", NC_("city", "Amsterdam") },
  { "Athens", NC_("city", "Athens") },
  { "Azores", NC_("city", "Azores") },
  { "Belgrade", NC_("city", "Belgrade") },
  { "Berlin", NC_("city", "Berlin") },
  { "Brussels", NC_("city", "Brussels") },
  { "Bucharest", NC_("city", "Bucharest") },
  { "Canary", NC_("city", "Canary Islands") },
  { "Copenhagen", NC_("city", "Copenhagen") },
  { "Dublin", NC_("city", "Dublin") },
  { "Helsinki", NC_("city", "Helsinki") },
  { "Istanbul", NC_("city", "Istanbul") },
  { "Kyiv", NC_("city", "Kyiv") },
  { "Kiev", NC_("city", "Kyiv") },
  { "Lisbon", NC_("city", "Lisbon") },
  { "London", NC_("city", "London") },
  { "Madrid", NC_("city", "Madrid") },
  { "Moscow", NC_("city", "Moscow") },
  { "Paris", NC_("city", "Paris") },
  { "Prague", NC_("city", "Prague") },
  { "Reykjavik", NC_("city", "Reykjavik") },
  { "Rome", NC_("city", "Rome") },
  { "Stockholm", NC_("city", "Stockholm") },
  { "Vienna", NC_("city", "Vienna") },
  { "Warsaw", NC_("city", "Warsaw") },
  { "Zurich", NC_("city", "Zurich") },
  /* Oceania */
  { "Auckland", NC_("city", "Auckland") },
  { "Fiji", NC_("city", "Fiji") },
  { "Honolulu", NC_("city", "Honolulu") },
  { "Port_Moresby", NC_("city", "Port Moresby") },
  { "Sydney", NC_("city", "Sydney") },
};

/* "UTC−6", "UTC+5:30", with a true minus sign. */
static char *
format_offset (char sign,
               int  hours,
               int  minutes)
{
  const char *symbol = sign == '-' ? "−" : "+";

  if (hours == 0 && minutes == 0)
    return g_strdup ("UTC");
  if (minutes == 0)
    return g_strdup_printf ("UTC%s%d", symbol, hours);
  return g_strdup_printf ("UTC%s%d:%02d", symbol, hours, minutes);
}

static gboolean
is_utc (const char *zone)
{
  const char *names[] = { "UTC", "GMT", "Z", "Zulu", "Etc/UTC", "Etc/GMT", "Etc/Universal",
                          "Etc/Zulu", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Universal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (zone, names[i]))
      return TRUE;
  return FALSE;
}

/**
 * convene_place_names_lookup:
 * @zone: an IANA name ("Europe/London"), "UTC" or a fixed offset ("-06:00")
 * @language: (nullable): the language to write in; %NULL for the user's own
 *
 * Returns: (transfer full) (nullable): "London" ("Londres" in Spanish),
 *   "UTC", "UTC−6"; %NULL when @zone is %NULL or empty
 */
char *
convene_place_names_lookup (const char *zone,
                            const char *language)
{
  g_autofree char *city = NULL;
  const char *tail;

  if (zone == NULL || *zone == '\0')
    return NULL;
  if (is_utc (zone))
    return g_strdup ("UTC");

  /* "-06:00", as the model writes "8am GMT-6" */
  if ((zone[0] == '+' || zone[0] == '-') && strlen (zone) == 6 && zone[3] == ':' &&
      g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2]) &&
      g_ascii_isdigit (zone[4]) && g_ascii_isdigit (zone[5]))
    return format_offset (zone[0], atoi (zone + 1), atoi (zone + 4));

  /* The tz database's Etc/GMT+6 is six hours behind: POSIX's sign. */
  if (g_str_has_prefix (zone, "Etc/GMT") && (zone[7] == '+' || zone[7] == '-') &&
      g_ascii_isdigit (zone[8]))
    return format_offset (zone[7] == '+' ? '-' : '+', atoi (zone + 8), 0);

  tail = strrchr (zone, '/');
  tail = tail != NULL ? tail + 1 : zone;
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    if (g_str_equal (cities[i].tail, tail))
      return g_strdup (convene_i18n_pgettext (NULL, language, "city", cities[i].name));

  city = g_strdelimit (g_strdup (tail), "_", ' ');
  return g_strdup (convene_i18n_pgettext (NULL, language, "city", city));
}
