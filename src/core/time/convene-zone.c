/* convene-zone.c: time zones as Convene records them, and the other names
 * that mean one.  See convene-zone.h. */
#include "config.h"

#include "time/convene-zone.h"

#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "time/convene-zone-names.h"

/* "05" of "+05:30" */
static gboolean
two_digits (const char *s)
{
  return g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]);
}

const char *
convene_zone_directory (void)
{
  /* GTimeZone reads its files from the same place. */
  const char *dir = g_getenv ("TZDIR");

  return dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

/* A fixed offset as "+HH:MM" or "-HH:MM". */
static gboolean
is_fixed_offset (const char *zone)
{
  return strlen (zone) == 6 && (zone[0] == '+' || zone[0] == '-') &&
         two_digits (zone + 1) && zone[3] == ':' && two_digits (zone + 4) &&
         atoi (zone + 1) <= 14 && atoi (zone + 4) < 60;
}

/**
 * convene_timezone_new:
 * @zone: an IANA name, "UTC", or a fixed offset such as "-06:00"
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL if @zone names none
 */
static GTimeZone *
timezone_lookup (const char *zone)
{
  if (g_str_equal (zone, "UTC"))
    return g_time_zone_new_utc ();
  if (is_fixed_offset (zone))
    return g_time_zone_new_identifier (zone);
  /* Only names of the tz database ("Europe/London", "EST"): GLib would also
   * read a POSIX rule such as "GMT-6", which means the opposite of what
   * people write. */
  if (!g_ascii_isalpha (zone[0]))
    return NULL;
  for (const char *p = zone; *p != '\0'; p++)
    if (!(g_ascii_isalpha (*p) || *p == '_' || *p == '/' ||
          (strchr (zone, '/') != NULL && (g_ascii_isdigit (*p) || *p == '-' || *p == '+'))))
      return NULL;
  return g_time_zone_new_identifier (zone);
}

GTimeZone *
convene_timezone_new (const char *zone)
{
  /* Reading a zone parses its tz file; views and exports ask for the same
   * few zones for every session, so each is read once per process. */
  static GMutex lock;
  static GHashTable *cache;
  GTimeZone *tz;

  if (zone == NULL || *zone == '\0')
    return NULL;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);
  tz = g_hash_table_lookup (cache, zone);
  if (tz != NULL)
    tz = g_time_zone_ref (tz);
  else
    {
      tz = timezone_lookup (zone);
      /* Only real zones, and not without end: imports name unknown ones. */
      if (tz != NULL && g_hash_table_size (cache) < 1024)
        g_hash_table_insert (cache, g_strdup (zone), g_time_zone_ref (tz));
    }
  g_mutex_unlock (&lock);

  return tz;
}

gboolean
convene_timezone_is_valid (const char *zone)
{
  g_autoptr(GTimeZone) tz = convene_timezone_new (zone);

  return tz != NULL;
}

/* "hora de Londres", "London time", "Eastern Standard Time" → the place. */
static char *
strip_zone_words (const char *folded)
{
  static const char * const prefixes[] = { "hora de la ", "hora del ", "hora de ", "hora en ", "hora " };
  static const char * const suffixes[] = {
    " standard time", " daylight time", " summer time", " time",
    " standard", " daylight", " summer",
  };
  const char *start = folded;
  gsize len;

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (start, prefixes[i]))
      {
        start += strlen (prefixes[i]);
        break;
      }

  len = strlen (start);
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (start, suffixes[i]) && len > strlen (suffixes[i]))
      {
        len -= strlen (suffixes[i]);
        break;
      }

  return g_strndup (start, len);
}

char *
convene_zone_lookup (const char *name,
                     gboolean   *ambiguous)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *place = NULL;
  g_autofree char *upper = NULL;
  const ConveneZoneAbbreviation *abbreviation;
  const char *found;
  int offset;

  g_return_val_if_fail (name != NULL, NULL);

  if (ambiguous != NULL)
    *ambiguous = FALSE;

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    return NULL;

  /* Offsets: "UTC+3", "GMT-6" (UTC−6, as people mean it), "+05:30". */
  if (g_ascii_strncasecmp (stripped, "UTC", 3) == 0 || g_ascii_strncasecmp (stripped, "GMT", 3) == 0)
    {
      const char *rest = stripped + 3;

      while (*rest == ' ')
        rest++;
      if (*rest == '\0')
        return g_strdup ("UTC");
      if (convene_zone_names_parse_offset (rest, &offset))
        return convene_zone_names_format_offset (offset);
    }
  if (convene_zone_names_parse_offset (stripped, &offset))
    return convene_zone_names_format_offset (offset);

  if (strchr (stripped, '/') != NULL)
    {
      found = convene_zone_names_find_identifier (stripped);
      return g_strdup (found);
    }

  upper = g_ascii_strup (stripped, -1);
  abbreviation = convene_zone_names_find_abbreviation (upper);
  if (abbreviation != NULL)
    {
      if (ambiguous != NULL)
        *ambiguous = abbreviation->ambiguity != NULL;
      return g_strdup (abbreviation->zone);
    }

  folded = convene_zone_names_fold (stripped, -1);
  found = convene_zone_names_find_place (folded);
  if (found == NULL)
    {
      place = strip_zone_words (folded);
      found = convene_zone_names_find_place (place);
    }
  return g_strdup (found);
}

gboolean
convene_zone_is_utc_name (const char *name)
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

const char *
convene_zone_from_alias (const char *alias)
{
  g_return_val_if_fail (alias != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (zone_aliases); i++)
    if (g_ascii_strcasecmp (alias, zone_aliases[i].alias) == 0)
      return zone_aliases[i].zone;
  return NULL;
}

/* ---- Windows zone ids ------------------------------------------------------ */

/* The source is ICU (the Unicode CLDR's windowsZones, which libical links
 * already): each Windows id maps to the IANA zone of its "001" territory.
 * The Etc zones ICU gives for ids that are only an offset ("UTC-11" is
 * "Etc/GMT+11", POSIX-style, sign reversed) become the offset, as Convene
 * records one. */
static char *
zone_from_icu_id (const UChar *id,
                  int32_t      length)
{
  UChar iana[128];
  char text[128];
  UErrorCode status = U_ZERO_ERROR;
  int32_t n;
  gint64 hours;

  n = ucal_getIanaTimeZoneID (id, length, iana, G_N_ELEMENTS (iana), &status);
  if (U_FAILURE (status) || n <= 0 || n >= (int32_t) G_N_ELEMENTS (text))
    return NULL;
  u_austrncpy (text, iana, n);
  text[n] = '\0';

  if (convene_zone_is_utc_name (text))
    return g_strdup ("UTC");
  if (g_str_has_prefix (text, "Etc/GMT") && (text[7] == '+' || text[7] == '-') &&
      g_ascii_string_to_signed (text + 8, 10, 0, 14, &hours, NULL))
    return g_strdup_printf ("%c%02d:00", text[7] == '+' ? '-' : '+', (int) hours);
  return g_strdup (text);
}

/* Every Windows id ICU knows, folded to lower case, to its zone: Outlook
 * writes the ids as Microsoft spells them, other programs do not always. */
static GHashTable *
windows_ids (void)
{
  static GHashTable *ids;

  if (g_once_init_enter_pointer (&ids))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      UErrorCode status = U_ZERO_ERROR;
      UEnumeration *zones = ucal_openTimeZoneIDEnumeration (UCAL_ZONE_TYPE_CANONICAL, NULL,
                                                            NULL, &status);
      const UChar *zone;
      int32_t length;

      while (U_SUCCESS (status) && (zone = uenum_unext (zones, &length, &status)) != NULL)
        {
          UChar windows[128], id[128];
          char text[128];
          UErrorCode s = U_ZERO_ERROR;
          int32_t wn, idn;
          char *key;

          wn = ucal_getWindowsTimeZoneID (zone, length, windows, G_N_ELEMENTS (windows), &s);
          if (U_FAILURE (s) || wn <= 0 || wn >= (int32_t) G_N_ELEMENTS (text))
            continue;
          u_austrncpy (text, windows, wn);
          text[wn] = '\0';
          key = g_ascii_strdown (text, -1);
          if (g_hash_table_contains (table, key))
            {
              g_free (key);
              continue;
            }
          /* The id's own zone, not this one: "W. Europe Standard Time" is
           * Berlin's, also when Rome was asked. */
          idn = ucal_getTimeZoneIDForWindowsID (windows, wn, NULL, id, G_N_ELEMENTS (id), &s);
          if (U_FAILURE (s) || idn <= 0)
            {
              g_free (key);
              continue;
            }
          g_hash_table_insert (table, key, zone_from_icu_id (id, idn));
        }
      if (zones != NULL)
        uenum_close (zones);
      g_once_init_leave_pointer (&ids, table);
    }
  return ids;
}

char *
convene_zone_from_windows_id (const char *windows_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (windows_id != NULL, NULL);

  key = g_ascii_strdown (windows_id, -1);
  return g_strdup (g_hash_table_lookup (windows_ids (), key));
}
