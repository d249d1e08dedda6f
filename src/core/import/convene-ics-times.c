/* convene-ics-times.c: the times of iCalendar events, as Convene records them.
 *
 * A start becomes a UTC instant and the zone it was fixed in; a TZID that
 * names a zone Convene knows is read with GLib's copy of the tz database, a
 * floating or all-day time in the calendar's own zone, and only a TZID that
 * names nothing known is read with the file's VTIMEZONE.
 */
#include "config.h"

#include "import/convene-ics-import-private.h"
#include "time/convene-ics-zones.h"
#include "model/convene-values.h"

#include <glib/gi18n.h>

/* Longer than this is a mistake in the file, not a meeting. */
#define MAX_DURATION_MINUTES (366 * 24 * 60)

static char *
format_offset (int seconds)
{
  int minutes = ABS (seconds) / 60;

  if (minutes == 0)
    return g_strdup ("UTC");
  return g_strdup_printf ("%c%02d:%02d", seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

/* A wall-clock time in one of the zones Convene records. */
static GDateTime *
read_local_time (ConveneIcsImport          *self,
                 const char                *zone,
                 const struct icaltimetype *t,
                 guint                      line)
{
  GTimeZone *tz = _convene_ics_get_zone (self, zone);
  ConveneLocalTime kind;
  g_autoptr(GDateTime) local = NULL;
  GDateTime *instant;

  instant = convene_ics_zone_local_to_utc (tz, t->year, t->month, t->day,
                                           t->hour, t->minute, t->second, &kind);
  if (instant == NULL || kind == CONVENE_LOCAL_TIME_UNIQUE)
    return instant;

  local = g_date_time_to_timezone (instant, tz);
  if (kind == CONVENE_LOCAL_TIME_SKIPPED)
    convene_import_result_warn (self->result, line,
                                _("%04d-%02d-%02d %02d:%02d does not exist in %s: the clocks "
                                  "go forward then. It is read as %02d:%02d."),
                                t->year, t->month, t->day, t->hour, t->minute, zone,
                                g_date_time_get_hour (local), g_date_time_get_minute (local));
  else
    convene_import_result_warn (self->result, line,
                                _("%04d-%02d-%02d %02d:%02d happens twice in %s: the clocks "
                                  "go back then. The first one is used."),
                                t->year, t->month, t->day, t->hour, t->minute, zone);
  return instant;
}

/* A time whose TZID no zone matched, read with the file's own VTIMEZONE;
 * the session keeps the offset in force then. */
static GDateTime *
read_vtimezone_time (ConveneIcsImport           *self,
                     const char                 *tzid,
                     const struct icaltimetype  *t,
                     guint                       line,
                     gboolean                    quiet,
                     char                      **zone)
{
  ConveneIcsTzid *entry = _convene_ics_lookup_tzid (self, tzid);
  icaltimezone *vtz = g_hash_table_lookup (self->vtimezones, tzid);
  struct icaltimetype utc;
  time_t unix_time = 0;
  int is_daylight = 0;

  if (vtz != NULL)
    {
      unix_time = icaltime_as_timet_with_zone (*t, vtz);
      utc = icaltime_from_timet_with_zone (unix_time, 0, icaltimezone_get_utc_timezone ());
      *zone = format_offset (icaltimezone_get_utc_offset_of_utc_time (vtz, &utc, &is_daylight));
      /* A VTIMEZONE can claim any offset; only real ones are kept. */
      if (!convene_timezone_is_valid (*zone))
        g_clear_pointer (zone, g_free);
    }

  if (*zone != NULL)
    {
      if (!entry->reported && !quiet)
        convene_import_result_warn (self->result, line,
                                    _("The time zone “%s” is not one Convene knows: the "
                                      "session keeps its offset from UTC at the start, %s."),
                                    tzid, *zone);
      entry->reported = entry->reported || !quiet;
      return g_date_time_new_from_unix_utc (unix_time);
    }

  if (!entry->reported && !quiet)
    convene_import_result_warn (self->result, line,
                                _("The time zone “%s” is unknown and the file does not "
                                  "describe it: the time is read as %s time."),
                                tzid, self->default_zone);
  entry->reported = entry->reported || !quiet;
  *zone = g_strdup (self->default_zone);
  return read_local_time (self, *zone, t, line);
}

static const char *
property_tzid (icalproperty *prop)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  return param != NULL ? icalparameter_get_tzid (param) : NULL;
}

static struct icaltimetype
property_time (icalproperty *prop)
{
  switch (icalproperty_isa (prop))
    {
    case ICAL_DTSTART_PROPERTY:
      return icalproperty_get_dtstart (prop);
    case ICAL_DTEND_PROPERTY:
      return icalproperty_get_dtend (prop);
    case ICAL_DUE_PROPERTY:
      return icalproperty_get_due (prop);
    default:
      return icaltime_null_time ();
    }
}

/* Whether @prop names a TZID that only a VTIMEZONE later in the file could
 * explain. */
static gboolean
needs_vtimezone (ConveneIcsImport *self,
                 icalproperty     *prop,
                 guint             line)
{
  const char *tzid;
  struct icaltimetype t;

  if (prop == NULL || (tzid = property_tzid (prop)) == NULL)
    return FALSE;
  t = property_time (prop);
  if (t.is_date || icaltime_is_utc (t))
    return FALSE;
  return _convene_ics_lookup_tzid (self, tzid)->zone == NULL;
}

/* Four-digit years on both sides of UTC, as the model writes them. */
#define MIN_YEAR 1001
#define MAX_YEAR 9998

/* The instant of a DTSTART, DTEND or DUE, and the zone it was fixed in.
 * @quiet leaves out warnings that the event's start already gave. */
static GDateTime *
read_time (ConveneIcsImport           *self,
           icalproperty               *prop,
           const struct icaltimetype  *t,
           guint                       line,
           gboolean                    quiet,
           char                      **zone)
{
  const char *tzid = property_tzid (prop);

  if (t->year < MIN_YEAR || t->year > MAX_YEAR)
    return NULL;
  if (t->is_date)
    {
      struct icaltimetype midnight = *t;

      midnight.hour = midnight.minute = midnight.second = 0;
      *zone = g_strdup (self->default_zone);
      return read_local_time (self, *zone, &midnight, line);
    }
  if (icaltime_is_utc (*t))
    {
      *zone = g_strdup ("UTC");
      return g_date_time_new_utc (t->year, t->month, t->day, t->hour, t->minute, t->second);
    }
  if (tzid != NULL)
    {
      ConveneIcsTzid *entry = _convene_ics_lookup_tzid (self, tzid);

      if (entry->zone == NULL)
        return read_vtimezone_time (self, tzid, t, line, quiet, zone);
      if (entry->guessed && !entry->reported && !quiet)
        {
          convene_import_result_warn (self->result, line,
                                      _("The time zone “%s” is read as %s: check that this "
                                        "is right."),
                                      tzid, entry->zone);
          entry->reported = TRUE;
        }
      *zone = g_strdup (entry->zone);
      return read_local_time (self, *zone, t, line);
    }

  if (!quiet)
    _convene_ics_warn_repeated (self, CONVENE_ICS_REPEAT_FLOATING, line,
                   _("This event has no time zone: its time is read as %s time."),
                   self->default_zone);
  *zone = g_strdup (self->default_zone);
  return read_local_time (self, *zone, t, line);
}

static gint64
event_minutes (ConveneIcsImport          *self,
               icalcomponent             *event,
               const struct icaltimetype *start_t,
               GDateTime                 *start,
               guint                      end_line)
{
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  int usual = start_t->is_date ? 24 * 60 : 60;
  gint64 minutes;

  if (duration != NULL)
    minutes = icaldurationtype_as_int (icalproperty_get_duration (duration)) / 60;
  else if (dtend != NULL)
    {
      struct icaltimetype end_t = icalproperty_get_dtend (dtend);
      g_autofree char *zone = NULL;
      g_autoptr(GDateTime) end = NULL;

      if (start_t->is_date && end_t.is_date)
        minutes = (icaltime_as_timet (end_t) - icaltime_as_timet (*start_t)) / 60;
      else if ((end = read_time (self, dtend, &end_t, end_line, TRUE, &zone)) != NULL)
        minutes = g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE;
      else
        minutes = 0;
    }
  else
    return usual;

  if (minutes <= 0 || minutes > MAX_DURATION_MINUTES)
    {
      convene_import_result_warn (self->result, end_line,
                                  _("This event ends before it starts, or lasts more than a "
                                    "year: it is given %d minutes."), usual);
      return usual;
    }
  return minutes;
}

/* Convene writes a time fixed at an offset ("8am GMT-6") in UTC, and the
 * offset beside it. */
static void
keep_fixed_offset (icalcomponent  *event,
                   char          **zone)
{
  g_autofree char *offset = _convene_ics_x_text (event, "X-CONVENE-TIMEZONE");

  if (offset != NULL && (offset[0] == '+' || offset[0] == '-') &&
      convene_timezone_is_valid (offset))
    {
      g_free (*zone);
      *zone = g_steal_pointer (&offset);
    }
}

/* Sets the start, zone, month and length of @session.  Sets @deferred
 * instead when a TZID waits for a VTIMEZONE that may come later. */
gboolean
_convene_ics_set_times (ConveneIcsImport  *self,
                        ConveneSession    *session,
                        icalcomponent     *event,
                        guint              line,
                        guint              end_line,
                        gboolean           final,
                        gboolean          *deferred,
                        GError           **error)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  struct icaltimetype t;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *month = NULL;
  int year, month_of_year;

  *deferred = FALSE;
  if (dtstart == NULL)
    {
      _convene_ics_warn_repeated (self, CONVENE_ICS_REPEAT_NO_START, line,
                     _("This event has no start (DTSTART): its date is kept as to be confirmed."));
      if (convene_session_get_status (session) == CONVENE_SESSION_STATUS_SCHEDULED)
        convene_session_set_status (session, CONVENE_SESSION_STATUS_TENTATIVE);
      return TRUE;
    }
  if (!final && (needs_vtimezone (self, dtstart, line) || needs_vtimezone (self, dtend, end_line)))
    {
      *deferred = TRUE;
      return TRUE;
    }

  t = icalproperty_get_dtstart (dtstart);
  if (t.year > 0 && (t.year < MIN_YEAR || t.year > MAX_YEAR))
    {
      g_autofree char *message =
        g_strdup_printf (_("The start (DTSTART) is in the year %d; Convene accepts years from %d to %d."),
                         t.year, MIN_YEAR, MAX_YEAR);

      return _convene_ics_syntax_error (self, error, line, message);
    }
  start = read_time (self, dtstart, &t, line, FALSE, &zone);
  if (start == NULL)
    return _convene_ics_syntax_error (self, error, line,
                                      _("The start (DTSTART) is not a date that exists."));
  if (icaltime_is_utc (t))
    keep_fixed_offset (event, &zone);

  local = g_date_time_to_timezone (start, _convene_ics_get_zone (self, zone));
  g_date_time_get_ymd (local, &year, &month_of_year, NULL);
  month = g_strdup_printf ("%04d-%02d", year, month_of_year);
  convene_session_set_start (session, start);
  convene_session_set_timezone (session, zone);
  convene_session_set_month (session, month);
  convene_session_set_duration_minutes (session,
                                        event_minutes (self, event, &t, start, end_line));
  _convene_ics_count_use (self, year, zone);
  return TRUE;
}

/* A series' exceptions name its dates in whatever form the writer chose:
 * in the series' zone or another, in UTC, floating, or as a bare date
 * (Outlook's all-day EXDATEs).  All are one instant here. */
GDateTime *
_convene_ics_read_instant (ConveneIcsImport          *self,
                           icalproperty              *prop,
                           const struct icaltimetype *t,
                           const char                *zone,
                           int                        wall_time_of_day,
                           guint                      line)
{
  g_autofree char *ignored_zone = NULL;
  struct icaltimetype local = *t;

  if (t->year < MIN_YEAR || t->year > MAX_YEAR)
    return NULL;
  if (t->is_date)
    {
      local.is_date = 0;
      local.hour = wall_time_of_day / 3600;
      local.minute = wall_time_of_day / 60 % 60;
      local.second = wall_time_of_day % 60;
      return read_local_time (self, zone, &local, line);
    }
  if (icaltime_is_utc (*t) || property_tzid (prop) != NULL)
    return read_time (self, prop, t, line, TRUE, &ignored_zone);
  return read_local_time (self, zone, t, line);
}

int
_convene_ics_event_minutes (ConveneIcsImport *self,
                            icalcomponent    *event,
                            GDateTime        *start,
                            guint             end_line)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  struct icaltimetype t = dtstart != NULL ? icalproperty_get_dtstart (dtstart) : icaltime_null_time ();

  return (int) event_minutes (self, event, &t, start, end_line);
}
