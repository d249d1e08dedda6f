/* convene-ics-zones.h: the zones of iCalendar files, as Convene records them.
 *
 * A TZID is only a label: Google and Thunderbird write IANA names, libical
 * prefixes them ("/freeassociation.sourceforge.net/Europe/Berlin"), Outlook
 * writes Windows names ("W. Europe Standard Time") or display names
 * ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna").  Convene
 * records a session's zone as an IANA name, "UTC" or a fixed offset.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CONVENE_LOCAL_TIME_UNIQUE,    /* the wall-clock time happens once */
  CONVENE_LOCAL_TIME_SKIPPED,   /* it does not exist: clocks went forward */
  CONVENE_LOCAL_TIME_REPEATED,  /* it happens twice: clocks went back */
} ConveneLocalTime;

/* Returns an IANA name, "UTC" or "+HH:MM", or NULL when @tzid names nothing
 * Convene knows.  Sets @guessed when the answer is a guess from a display
 * name, one a coordinator should check. */
char      *convene_ics_zone_from_tzid    (const char       *tzid,
                                          gboolean         *guessed);

/* The instant of a wall-clock time in @tz, read as RFC 5545 says: a time
 * that clocks skipped uses the offset before the change, a time that happens
 * twice is its first occurrence. */
GDateTime *convene_ics_zone_local_to_utc (GTimeZone        *tz,
                                          int               year,
                                          int               month,
                                          int               day,
                                          int               hour,
                                          int               minute,
                                          int               second,
                                          ConveneLocalTime *kind);

G_END_DECLS
