/* convene-ics-import.h: iCalendar files (.ics) as a plan's sessions and actions.
 *
 * What becomes what:
 *  - the calendar (X-WR-CALNAME, X-WR-CALDESC, X-WR-TIMEZONE) becomes one plan;
 *    without a name the plan is called after the file;
 *  - each VEVENT becomes a session: SUMMARY is the topic (its LANGUAGE the
 *    session's language), DESCRIPTION the description, LOCATION (else URL)
 *    the location, STATUS the status, DTEND or DURATION the length (60
 *    minutes when neither is given), an RRULE the recurrence: a series stays
 *    one session.  A start with a TZID is recorded in the IANA zone that TZID
 *    names (Windows and vendor-prefixed names are mapped); a UTC start in
 *    "UTC"; a floating start, or an all-day event (which starts at midnight
 *    and lasts whole days), in the calendar's X-WR-TIMEZONE, else UTC, with a
 *    warning for floating times.  The month is the start's, in that zone;
 *  - a series' EXDATEs and RDATEs, and the VEVENTs with its UID and a
 *    RECURRENCE-ID (one meeting moved, given another SUMMARY, X-CONVENE-LEAD
 *    or ORGANIZER, or STATUS:CANCELLED), become the series' exceptions,
 *    never sessions (convene-ics-series.c); a RECURRENCE-ID may be in any
 *    zone, in UTC or a date.  An override whose series is not in the file is
 *    imported as a single session, with a warning that quotes it; one that
 *    names a meeting its series does not have is left out, with a warning;
 *  - each VTODO becomes an action: SUMMARY is the title, DUE the due date,
 *    STATUS the status;
 *  - Convene's own X-CONVENE-STATUS, X-CONVENE-FORMAT, X-CONVENE-DUE,
 *    X-CONVENE-LEAD and X-CONVENE-TIMEZONE, written by its exporter, carry
 *    what standard properties cannot.
 * EXDATE and RDATE on an event without an RRULE are left out with a warning.
 *
 * The file is read one component at a time, so a calendar of 100,000 events
 * costs little more memory than the sessions made from it.
 */
#pragma once

#include "import/convene-importer.h"

G_BEGIN_DECLS

/* Sniffs "BEGIN:VCALENDAR"; reads with convene_ics_import(), streams with
 * convene_ics_import_stream(). */
extern const ConveneImporter convene_ics_importer;

ConveneImportResult *convene_ics_import (const char  *file,
                                         const char  *contents,
                                         gsize        length,
                                         GError     **error);

/* The same, read from @stream into @result as it goes (see the function). */
gboolean             convene_ics_import_stream (ConveneImportResult  *result,
                                                GInputStream         *stream,
                                                GError              **error);

G_END_DECLS
