/* convene-values.c: checks and conversions for the model's value formats. */
#include "model/convene-values.h"

#include <string.h>

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* YYYY-MM */
gboolean
convene_month_is_valid (const char *month)
{
  int m;

  if (month == NULL || strlen (month) != 7 || month[4] != '-' ||
      !all_digits (month, 4) || !all_digits (month + 5, 2))
    return FALSE;
  m = atoi (month + 5);
  return m >= 1 && m <= 12;
}

/* YYYY-MM-DD, a real calendar day */
gboolean
convene_date_is_valid (const char *date)
{
  if (date == NULL || strlen (date) != 10 || date[7] != '-' ||
      !convene_month_is_valid ((char[8]) { date[0], date[1], date[2], date[3], '-',
                                           date[5], date[6], '\0' }) ||
      !all_digits (date + 8, 2))
    return FALSE;
  return g_date_valid_dmy (atoi (date + 8), atoi (date + 5), atoi (date));
}

/* YYYY (through the year), YYYY-MM or YYYY-MM-DD */
gboolean
convene_due_is_valid (const char *due)
{
  if (due == NULL)
    return FALSE;
  if (strlen (due) == 4)
    return all_digits (due, 4);
  return convene_month_is_valid (due) || convene_date_is_valid (due);
}

/* A fixed offset as "+HH:MM" or "-HH:MM". */
static gboolean
is_fixed_offset (const char *zone)
{
  return strlen (zone) == 6 && (zone[0] == '+' || zone[0] == '-') &&
         all_digits (zone + 1, 2) && zone[3] == ':' && all_digits (zone + 4, 2) &&
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

gboolean
convene_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return TRUE;
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/* "2021-02-23T19:00:00Z" */
char *
convene_instant_to_string (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = NULL;
  int year, month, day;

  if (instant == NULL)
    return NULL;
  /* g_date_time_format() would give the same text, slower: the store
   * writes one per session. */
  utc = g_date_time_to_utc (instant);
  g_date_time_get_ymd (utc, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

/**
 * convene_instant_parse:
 * @text: an RFC 3339 instant with a zone ("Z" or an offset)
 *
 * Returns: (transfer full) (nullable): the instant in UTC, or %NULL
 */
GDateTime *
convene_instant_parse (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len;

  if (text == NULL)
    return NULL;
  len = strlen (text);
  /* Refuse floating times: an instant must say where it is. */
  if (len < 20 || text[10] != 'T' ||
      !(text[len - 1] == 'Z' || text[len - 6] == '+' || text[len - 6] == '-'))
    return NULL;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  /* Four-digit years only: "%Y" writes 549 as "549", which would not read back. */
  if (dt == NULL || g_date_time_get_year (dt) < 1000 || g_date_time_get_year (dt) > 9998)
    return NULL;
  return g_date_time_to_utc (dt);
}
