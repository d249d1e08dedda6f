/* convene-time-format.c: an instant written for people, in one zone or
 * several.  See convene-time-format.h. */
#include "config.h"

#include "time/convene-time-format.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "time/convene-clock.h"
#include "time/convene-occurrences.h"
#include "time/convene-place-names.h"
#include "time/convene-zone.h"

/**
 * convene_zone_label:
 * @zone: an IANA name, "UTC" or a fixed offset ("-06:00")
 *
 * Returns: (transfer full): "London" ("Londres" in Spanish), "UTC", "UTC−6"
 */
char *
convene_zone_label (const char *zone)
{
  char *label = convene_place_names_lookup (zone, NULL);

  return label != NULL ? label : g_strdup (_("your time"));
}

/* "19:00" */
char *
convene_format_clock (GDateTime *instant)
{
  /* Translators: the time of day of a meeting, as in "19:00"; see
   * g_date_time_format() for the codes (%I:%M %p gives "7:00 PM"). */
  return g_date_time_format (instant, _("%H:%M"));
}

static int
day_difference (GDateTime *a,
                GDateTime *b)
{
  int ya, ma, da, yb, mb, db;
  g_autoptr(GDate) ga = NULL;
  g_autoptr(GDate) gb = NULL;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);
  ga = g_date_new_dmy (da, ma, ya);
  gb = g_date_new_dmy (db, mb, yb);
  return g_date_days_between (ga, gb);
}

static void
append_zone_time (GString    *out,
                  GDateTime  *start,
                  GDateTime  *organiser_time,
                  const char *zone,
                  gboolean    is_local,
                  gboolean    markup)
{
  g_autoptr(GTimeZone) tz = is_local ? g_time_zone_ref (convene_local_zone ())
                                     : convene_timezone_new (zone);
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  int shift;

  if (tz == NULL)
    return;
  there = g_date_time_to_timezone (start, tz);
  clock = convene_format_clock (there);
  label = convene_zone_label (zone);
  shift = day_difference (organiser_time, there);

  if (out->len > 0)
    g_string_append (out, " · ");
  if (shift != 0)
    /* Translators: a time in another zone that falls on another day,
     * as in "04:00 Tokyo (+1)": clock, place, days later or earlier. */
    text = g_strdup_printf (_("%s %s (%+d)"), clock, label, shift);
  else
    /* Translators: a time and the place it is in, as in "19:00 London". */
    text = g_strdup_printf (_("%s %s"), clock, label);

  if (markup && is_local)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_string_append_printf (out, "<b>%s</b>", escaped);
    }
  else if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_string_append (out, escaped);
    }
  else
    g_string_append (out, text);
}

static gboolean
zone_seen (GPtrArray  *seen,
           const char *zone)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_strcmp0 (g_ptr_array_index (seen, i), zone) == 0)
      return TRUE;
  g_ptr_array_add (seen, (gpointer) zone);
  return FALSE;
}

char *
convene_format_in_zones (GDateTime          *start,
                         const char         *zone,
                         const char * const *extra_zones,
                         gboolean            markup)
{
  const char *local = convene_local_zone_id ();
  g_autoptr(GTimeZone) organiser_tz = NULL;
  g_autoptr(GDateTime) organiser_time = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GString *out;

  if (start == NULL)
    return NULL;
  if (zone == NULL || (organiser_tz = convene_timezone_new (zone)) == NULL)
    {
      zone = "UTC";
      organiser_tz = g_time_zone_new_utc ();
    }
  organiser_time = g_date_time_to_timezone (start, organiser_tz);

  out = g_string_new (NULL);
  append_zone_time (out, start, organiser_time, zone, g_strcmp0 (zone, local) == 0, markup);
  zone_seen (seen, zone);
  if (!zone_seen (seen, local))
    append_zone_time (out, start, organiser_time, local, TRUE, markup);
  for (guint i = 0; extra_zones != NULL && extra_zones[i] != NULL; i++)
    if (!zone_seen (seen, extra_zones[i]))
      append_zone_time (out, start, organiser_time, extra_zones[i],
                        g_strcmp0 (extra_zones[i], local) == 0, markup);

  return g_string_free (out, FALSE);
}

char *
convene_format_month_of (int year,
                         int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  if (dt == NULL)
    return g_strdup ("");
  /* Translators: a month heading, "February 2021"; %OB is the month's name
   * on its own (nominative), see g_date_time_format() */
  return g_date_time_format (dt, C_("month heading", "%OB %Y"));
}

/* ---- many instants, fast ------------------------------------------------- */

/* A zone the writer has met, with its offsets looked up last. */
typedef struct {
  GTimeZone          *tz;
  ConveneZoneOffsets  offsets;
} WriterZone;

static WriterZone *
writer_zone_new (GTimeZone *tz)
{
  WriterZone *zone = g_new (WriterZone, 1);

  zone->tz = tz;
  convene_zone_offsets_init (&zone->offsets, tz);
  return zone;
}

static void
writer_zone_free (gpointer data)
{
  WriterZone *zone = data;

  g_time_zone_unref (zone->tz);
  g_free (zone);
}

struct _ConveneTimeWriter {
  GHashTable *zones;      /* name → WriterZone */
  WriterZone *own;
  char       *last_name;
  WriterZone *last;
};

ConveneTimeWriter *
convene_time_writer_new (void)
{
  ConveneTimeWriter *self = g_new0 (ConveneTimeWriter, 1);

  self->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, writer_zone_free);
  return self;
}

void
convene_time_writer_free (ConveneTimeWriter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->zones);
  g_clear_pointer (&self->own, writer_zone_free);
  g_free (self->last_name);
  g_free (self);
}

/* The zone @name names, loaded once; the user's own for %NULL. */
static WriterZone *
find_zone (ConveneTimeWriter *self,
           const char        *name)
{
  WriterZone *zone;

  if (name == NULL)
    {
      if (self->own == NULL)
        self->own = writer_zone_new (g_time_zone_ref (convene_local_zone ()));
      return self->own;
    }
  /* Neighbouring sessions mostly share a zone. */
  if (self->last != NULL && g_str_equal (self->last_name, name))
    return self->last;
  zone = g_hash_table_lookup (self->zones, name);
  if (zone == NULL)
    {
      GTimeZone *tz = convene_timezone_new (name);

      /* A name that is no zone is shown in UTC, as before. */
      zone = writer_zone_new (tz != NULL ? tz : g_time_zone_new_utc ());
      g_hash_table_insert (self->zones, g_strdup (name), zone);
    }
  g_free (self->last_name);
  self->last_name = g_strdup (name);
  self->last = zone;
  return zone;
}

static char *
put_digits (char *out,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      out[i] = '0' + value % 10;
      value /= 10;
    }
  return out + width;
}

/**
 * convene_time_writer_write:
 * @seconds: an instant, in seconds since 1970 UTC
 * @zone: (nullable): a zone name; %NULL for the user's own zone
 * @out: (out caller-allocates): at least %CONVENE_TIME_WRITER_MAX bytes
 *
 * Writes the local time of @seconds in @zone as g_date_time_format() would
 * with "%Y-%m-%d %H:%M %Z" ("2021-02-23 19:00 GMT"), without a NUL.  A name
 * that is no zone gives the time in UTC.
 *
 * Returns: the number of bytes written
 */
gsize
convene_time_writer_write (ConveneTimeWriter *self,
                           gint64             seconds,
                           const char        *zone,
                           char              *out)
{
  WriterZone *found = find_zone (self, zone);
  GTimeZone *tz = found->tz;
  int interval = convene_zone_offsets_interval (&found->offsets, seconds);
  const char *abbreviation = g_time_zone_get_abbreviation (tz, interval);
  gint64 local = seconds + g_time_zone_get_offset (tz, interval);
  gint64 days = local / 86400;
  gint64 time = local % 86400;
  gsize abbreviation_length = strlen (abbreviation);
  char *p = out;
  GDate date;

  if (time < 0)
    {
      time += 86400;
      days--;
    }
  g_date_clear (&date, 1);
  /* 1970-01-01 is day 719163 of GDate, which starts at 0001-01-01. */
  g_date_set_julian (&date, (guint32) (days + 719163));
  p = put_digits (p, g_date_get_year (&date), 4);
  *p++ = '-';
  p = put_digits (p, g_date_get_month (&date), 2);
  *p++ = '-';
  p = put_digits (p, g_date_get_day (&date), 2);
  *p++ = ' ';
  p = put_digits (p, time / 3600, 2);
  *p++ = ':';
  p = put_digits (p, time / 60 % 60, 2);
  *p++ = ' ';
  abbreviation_length = MIN (abbreviation_length, CONVENE_TIME_WRITER_MAX - (gsize) (p - out));
  memcpy (p, abbreviation, abbreviation_length);
  return (p - out) + abbreviation_length;
}
