/* convene-ics-zones.c: the zones of iCalendar files, as Convene records them. */
#include "config.h"

#include "time/convene-ics-zones.h"
#include "model/convene-values.h"

#include <libical/ical.h>
#include <string.h>

/* Windows zone names, as Outlook and Exchange write them, to the IANA zone
 * of the same rules (the "001" territory of CLDR's windowsZones).  Zones
 * that are only an offset become one. */
static const struct {
  const char *windows;
  const char *zone;
} windows_zones[] = {
  { "Dateline Standard Time", "-12:00" },
  { "UTC-11", "-11:00" },
  { "Aleutian Standard Time", "America/Adak" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Marquesas Standard Time", "Pacific/Marquesas" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "UTC-09", "-09:00" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "UTC-08", "-08:00" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Mountain Standard Time (Mexico)", "America/Mazatlan" },
  { "Mountain Standard Time", "America/Denver" },
  { "Yukon Standard Time", "America/Whitehorse" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Standard Time", "America/Chicago" },
  { "Easter Island Standard Time", "Pacific/Easter" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Canada Central Standard Time", "America/Regina" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Eastern Standard Time", "America/New_York" },
  { "Haiti Standard Time", "America/Port-au-Prince" },
  { "Cuba Standard Time", "America/Havana" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "Turks And Caicos Standard Time", "America/Grand_Turk" },
  { "Paraguay Standard Time", "America/Asuncion" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Central Brazilian Standard Time", "America/Cuiaba" },
  { "SA Western Standard Time", "America/La_Paz" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "Tocantins Standard Time", "America/Araguaina" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "SA Eastern Standard Time", "America/Cayenne" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "Montevideo Standard Time", "America/Montevideo" },
  { "Magallanes Standard Time", "America/Punta_Arenas" },
  { "Saint Pierre Standard Time", "America/Miquelon" },
  { "Bahia Standard Time", "America/Bahia" },
  { "UTC-02", "-02:00" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
  { "UTC", "UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "Sao Tome Standard Time", "Africa/Sao_Tome" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Syria Standard Time", "Asia/Damascus" },
  { "West Bank Standard Time", "Asia/Hebron" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "FLE Standard Time", "Europe/Kyiv" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "South Sudan Standard Time", "Africa/Juba" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Sudan Standard Time", "Africa/Khartoum" },
  { "Libya Standard Time", "Africa/Tripoli" },
  { "Namibia Standard Time", "Africa/Windhoek" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "Volgograd Standard Time", "Europe/Volgograd" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Astrakhan Standard Time", "Europe/Astrakhan" },
  { "Azerbaijan Standard Time", "Asia/Baku" },
  { "Russia Time Zone 3", "Europe/Samara" },
  { "Mauritius Standard Time", "Indian/Mauritius" },
  { "Saratov Standard Time", "Europe/Saratov" },
  { "Georgian Standard Time", "Asia/Tbilisi" },
  { "Caucasus Standard Time", "Asia/Yerevan" },
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "West Asia Standard Time", "Asia/Tashkent" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "Qyzylorda Standard Time", "Asia/Qyzylorda" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Central Asia Standard Time", "Asia/Almaty" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Omsk Standard Time", "Asia/Omsk" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "Altai Standard Time", "Asia/Barnaul" },
  { "W. Mongolia Standard Time", "Asia/Hovd" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "N. Central Asia Standard Time", "Asia/Novosibirsk" },
  { "Tomsk Standard Time", "Asia/Tomsk" },
  { "China Standard Time", "Asia/Shanghai" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
  { "Aus Central W. Standard Time", "Australia/Eucla" },
  { "Transbaikal Standard Time", "Asia/Chita" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "North Korea Standard Time", "Asia/Pyongyang" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Yakutsk Standard Time", "Asia/Yakutsk" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "Vladivostok Standard Time", "Asia/Vladivostok" },
  { "Lord Howe Standard Time", "Australia/Lord_Howe" },
  { "Bougainville Standard Time", "Pacific/Bougainville" },
  { "Russia Time Zone 10", "Asia/Srednekolymsk" },
  { "Magadan Standard Time", "Asia/Magadan" },
  { "Norfolk Standard Time", "Pacific/Norfolk" },
  { "Sakhalin Standard Time", "Asia/Sakhalin" },
  { "Central Pacific Standard Time", "Pacific/Guadalcanal" },
  { "Russia Time Zone 11", "Asia/Kamchatka" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "UTC+12", "+12:00" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  { "Chatham Islands Standard Time", "Pacific/Chatham" },
  { "UTC+13", "+13:00" },
  { "Tonga Standard Time", "Pacific/Tongatapu" },
  { "Samoa Standard Time", "Pacific/Apia" },
  { "Line Islands Standard Time", "Pacific/Kiritimati" },
};

/* Old names that files still carry but that newer tz databases keep only
 * in an optional package. */
static const struct {
  const char *alias;
  const char *zone;
} zone_aliases[] = {
  { "US/Eastern", "America/New_York" },
  { "US/Central", "America/Chicago" },
  { "US/Mountain", "America/Denver" },
  { "US/Pacific", "America/Los_Angeles" },
  { "US/Arizona", "America/Phoenix" },
  { "US/Hawaii", "Pacific/Honolulu" },
  { "US/Alaska", "America/Anchorage" },
  { "Canada/Eastern", "America/Toronto" },
  { "Canada/Pacific", "America/Vancouver" },
  { "Asia/Calcutta", "Asia/Kolkata" },
  { "Asia/Saigon", "Asia/Ho_Chi_Minh" },
  { "Asia/Katmandu", "Asia/Kathmandu" },
  { "Asia/Rangoon", "Asia/Yangon" },
  { "Europe/Kiev", "Europe/Kyiv" },
  { "America/Buenos_Aires", "America/Argentina/Buenos_Aires" },
  { "America/Godthab", "America/Nuuk" },
  { "America/Indianapolis", "America/Indiana/Indianapolis" },
  { "Australia/ACT", "Australia/Sydney" },
  { "Australia/NSW", "Australia/Sydney" },
  { "Brazil/East", "America/Sao_Paulo" },
  { "Mexico/General", "America/Mexico_City" },
};

static gboolean
is_utc_name (const char *name)
{
  static const char * const names[] = {
    "UTC", "Z", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Etc/Zulu",
    "Universal", "Zulu", "Coordinated Universal Time",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* An IANA name that this system's tz database has: "Europe/Berlin". */
static char *
lookup_iana (const char *name)
{
  if (is_utc_name (name))
    return g_strdup ("UTC");
  for (gsize i = 0; i < G_N_ELEMENTS (zone_aliases); i++)
    if (g_ascii_strcasecmp (name, zone_aliases[i].alias) == 0)
      return g_strdup (zone_aliases[i].zone);
  if (strchr (name, '/') != NULL && convene_timezone_is_valid (name))
    return g_strdup (name);
  return NULL;
}

static char *
lookup_windows (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (name, windows_zones[i].windows) == 0)
      return g_strdup (windows_zones[i].zone);
  return NULL;
}

/* libical and other programs put a vendor prefix before the IANA name:
 * "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin",
 * "/citadel.org/20190914_1/Europe/Berlin". */
static char *
strip_prefix (const char *tzid)
{
  for (const char *p = strchr (tzid, '/'); p != NULL; p = strchr (p + 1, '/'))
    {
      char *zone = lookup_iana (p + 1);

      if (zone != NULL)
        return zone;
    }
  return NULL;
}

static GHashTable *
get_cities (void)
{
  static GHashTable *cities;

  if (g_once_init_enter_pointer (&cities))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      icalarray *zones = icaltimezone_get_builtin_timezones ();

      for (size_t i = 0; zones != NULL && i < zones->num_elements; i++)
        {
          icaltimezone *zone = icalarray_element_at (zones, i);
          const char *location = icaltimezone_get_location (zone);
          const char *city = location != NULL ? strrchr (location, '/') : NULL;

          if (city == NULL || !convene_timezone_is_valid (location))
            continue;
          g_hash_table_insert (table, g_ascii_strdown (city + 1, -1), g_strdup (location));
        }
      g_once_init_leave_pointer (&cities, table);
    }
  return cities;
}

/* "(UTC+01:00)" or "(GMT-05.00)": the offset as "+HH:MM", or NULL. */
static char *
parse_display_offset (const char *text,
                      gsize       len)
{
  int hours = 0, minutes = 0;
  char sign;

  if (len < 3 ||
      (g_ascii_strncasecmp (text, "UTC", 3) != 0 && g_ascii_strncasecmp (text, "GMT", 3) != 0))
    return NULL;
  if (len == 3)
    return g_strdup ("UTC");
  sign = text[3];
  if ((sign != '+' && sign != '-') || len < 6 ||
      !g_ascii_isdigit (text[4]) || !g_ascii_isdigit (text[5]))
    return NULL;
  hours = (text[4] - '0') * 10 + (text[5] - '0');
  if (len >= 9 && (text[6] == ':' || text[6] == '.') &&
      g_ascii_isdigit (text[7]) && g_ascii_isdigit (text[8]))
    minutes = (text[7] - '0') * 10 + (text[8] - '0');
  if (hours > 14 || minutes > 59)
    return NULL;
  return g_strdup_printf ("%c%02d:%02d", sign, hours, minutes);
}

/* "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna": the first
 * city that is a zone's, else the offset (which loses daylight saving). */
static char *
guess_display_name (const char *tzid)
{
  const char *close;
  g_auto(GStrv) cities = NULL;

  if (tzid[0] != '(' || (close = strchr (tzid, ')')) == NULL)
    return NULL;

  cities = g_strsplit_set (close + 1, ",/;", -1);
  for (guint i = 0; cities[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      const char *zone;

      g_strstrip (cities[i]);
      g_strdelimit (cities[i], " ", '_');
      key = g_ascii_strdown (cities[i], -1);
      zone = g_hash_table_lookup (get_cities (), key);
      if (zone != NULL)
        return g_strdup (zone);
    }
  return parse_display_offset (tzid + 1, close - tzid - 1);
}

char *
convene_ics_zone_from_tzid (const char *tzid,
                            gboolean   *guessed)
{
  g_autofree char *name = NULL;
  char *zone;

  g_return_val_if_fail (tzid != NULL, NULL);

  if (guessed != NULL)
    *guessed = FALSE;
  name = g_strstrip (g_strdup (tzid));
  if (*name == '\0')
    return NULL;

  if ((zone = lookup_iana (name)) != NULL ||
      (zone = lookup_windows (name)) != NULL ||
      (zone = strip_prefix (name)) != NULL)
    return zone;

  zone = guess_display_name (name);
  if (zone != NULL && guessed != NULL)
    *guessed = TRUE;
  return zone;
}

static gint32
offset_at (GTimeZone *tz,
           gint64     utc)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  return interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0;
}

GDateTime *
convene_ics_zone_local_to_utc (GTimeZone        *tz,
                               int               year,
                               int               month,
                               int               day,
                               int               hour,
                               int               minute,
                               int               second,
                               ConveneLocalTime *kind)
{
  g_autoptr(GDateTime) wall = NULL;
  gint64 w, before_utc, after_utc;
  gint32 before, after;
  gboolean before_ok, after_ok;

  g_return_val_if_fail (tz != NULL, NULL);

  *kind = CONVENE_LOCAL_TIME_UNIQUE;
  wall = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (wall == NULL)
    return NULL;
  w = g_date_time_to_unix (wall);

  /* The offsets a day either side: a wall-clock time near a change can
   * only be read with one of them. */
  before = offset_at (tz, w - 86400);
  after = offset_at (tz, w + 86400);
  before_utc = w - before;
  after_utc = w - after;
  before_ok = offset_at (tz, before_utc) == before;
  /* The same question when no change is near, as is almost always so. */
  after_ok = before == after ? before_ok : offset_at (tz, after_utc) == after;

  if (before != after && before_ok && after_ok)
    {
      *kind = CONVENE_LOCAL_TIME_REPEATED;
      return g_date_time_new_from_unix_utc (MIN (before_utc, after_utc));
    }
  if (after_ok && !before_ok)
    return g_date_time_new_from_unix_utc (after_utc);
  if (!before_ok && !after_ok)
    *kind = CONVENE_LOCAL_TIME_SKIPPED;
  return g_date_time_new_from_unix_utc (before_utc);
}
