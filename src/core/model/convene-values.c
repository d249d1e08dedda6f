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

/* "ann@example.org": one "@" between a local part without spaces and a
 * host name GLib can read (an internationalised one too). */
gboolean
convene_email_is_valid (const char *email)
{
  const char *at;
  g_autofree char *host = NULL;

  if (email == NULL || (at = strchr (email, '@')) == NULL || at == email ||
      strchr (at + 1, '@') != NULL || at[1] == '\0')
    return FALSE;
  for (const char *p = email; p < at; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return FALSE;
  if (strchr (at + 1, ' ') != NULL || strchr (at + 1, '.') == NULL)
    return FALSE;
  host = g_hostname_to_ascii (at + 1);
  return host != NULL;
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
