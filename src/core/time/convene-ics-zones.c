/* convene-ics-zones.c: the zones of iCalendar files, as Convene records them. */
#include "config.h"

#include "time/convene-ics-zones.h"
#include "time/convene-zone.h"

#include <libical/ical.h>
#include <string.h>

/* An IANA name that this system's tz database has: "Europe/Berlin". */
static char *
lookup_iana (const char *name)
{
  const char *alias;

  if (convene_zone_is_utc_name (name))
    return g_strdup ("UTC");
  if ((alias = convene_zone_from_alias (name)) != NULL)
    return g_strdup (alias);
  if (strchr (name, '/') != NULL && convene_timezone_is_valid (name))
    return g_strdup (name);
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
      (zone = convene_zone_from_windows_id (name)) != NULL ||
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
